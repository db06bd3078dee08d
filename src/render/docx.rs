//! The rendered agreement as a Word document (DOCX).
//!
//! In: the `Doc` that `render::document` builds. Out: the bytes of a DOCX
//! file written with docx-rs: the title in the Title style, headings in
//! Word's Heading 1–3 styles (so that Word and LibreOffice show them in
//! the navigator and can number them), tables as Word tables with a header
//! row, lists as bulleted paragraphs, and in draft mode the generated
//! sentences and margin remarks marked in grey italics.

use super::{Block, Doc};
use docx_rs::{
    BorderType, Docx, Paragraph, Run, RunFonts, Style, StyleType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableRow,
};

fn text_run(text: &str) -> Run {
    Run::new().add_text(text)
}

fn styles(docx: Docx) -> Docx {
    let font = RunFonts::new().ascii("Liberation Sans").hi_ansi("Liberation Sans").cs("Liberation Sans");
    docx.default_fonts(font)
        .default_size(22)
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(40).bold())
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(32).bold())
        .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(28).bold())
        .add_style(Style::new("Heading3", StyleType::Paragraph).name("Heading 3").size(24).bold())
        .add_style(Style::new("Generated", StyleType::Character).name("Generated").italic().color("555555"))
}

fn grid() -> TableBorders {
    let mut borders = TableBorders::new();
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        borders = borders.set(TableBorder::new(position).border_type(BorderType::Single).size(4));
    }
    borders
}

fn cell(text: &str, header: bool) -> TableCell {
    let run = if header { text_run(text).bold() } else { text_run(text) };
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

/// The document as DOCX bytes.
pub fn docx(doc: &Doc) -> Result<Vec<u8>, String> {
    let mut d = styles(Docx::new());
    // The title, unless the document opens with it as a heading.
    let opens_with_title = matches!(doc.blocks.first(), Some(Block::Heading { text, .. }) if *text == doc.title);
    if !opens_with_title {
        d = d.add_paragraph(Paragraph::new().style("Title").add_run(text_run(&doc.title)));
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        if i == 0 && opens_with_title {
            d = d.add_paragraph(Paragraph::new().style("Title").add_run(text_run(&doc.title)));
            continue;
        }
        match block {
            Block::Heading { level, text } => {
                let style = match level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                d = d.add_paragraph(Paragraph::new().style(style).add_run(text_run(text)));
            }
            Block::Para { text, generated } => {
                let mut p = Paragraph::new();
                if *generated && doc.draft {
                    p = p.add_run(text_run("(generiert) ").style("Generated"));
                }
                d = d.add_paragraph(p.add_run(text_run(text)));
            }
            Block::List(items) => {
                for (text, generated) in items {
                    let mut p = Paragraph::new().add_run(text_run("• "));
                    if *generated && doc.draft {
                        p = p.add_run(text_run("(generiert) ").style("Generated"));
                    }
                    d = d.add_paragraph(p.add_run(text_run(text)));
                }
            }
            Block::Table { head, rows } => {
                let mut table_rows = vec![TableRow::new(head.iter().map(|h| cell(h, true)).collect())];
                table_rows.extend(rows.iter().map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())));
                d = d.add_table(Table::new(table_rows).set_borders(grid()));
                d = d.add_paragraph(Paragraph::new());
            }
            Block::Margin { label, text } => {
                if doc.draft {
                    let p = Paragraph::new().add_run(text_run(&format!("{label}: {text}")).style("Generated"));
                    d = d.add_paragraph(p);
                }
            }
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut buf).map_err(|e| format!("cannot write the DOCX file: {e}"))?;
    Ok(buf.into_inner())
}
