//! `pakt init`: each template makes a file that checks with only its
//! "fill in" findings (pinned), the file is named and its id derived from
//! the name, an existing file is never overwritten, and the templates are
//! formatted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{check_paths, Settings};
use std::path::{Path, PathBuf};
use std::process::Command;

fn pakt_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pakt-init-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `line:column code message` of every finding, in order.
fn findings(path: &Path) -> String {
    let results = check_paths(&[path.to_path_buf()], &Settings::default()).unwrap();
    let r = &results[0];
    let index = pakt::span::LineIndex::new(&r.text);
    r.diagnostics
        .iter()
        .map(|d| {
            let p = index.position(&r.text, d.primary.span.start);
            format!("{}:{} {} {} {}", p.line, p.column, d.severity, d.code, d.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_template_checks_with_only_fill_in_findings() {
    let dir = temp_dir("templates");
    for template in ["land-kommunen", "bund-laender", "statute"] {
        let name = format!("neu-{template}");
        let (code, out, err) = pakt_in(&dir, &["init", "--template", template, &name]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out,
            format!(
                "created {name}.pakt from the {template} template; `pakt check {name}.pakt` lists what to fill in\n"
            )
        );
        let file = dir.join(format!("{name}.pakt"));
        let text = std::fs::read_to_string(&file).unwrap();
        let keyword = if template == "statute" { "statute" } else { "agreement" };
        assert!(text.contains(&format!("\n{keyword} {name} {{\n")), "the id comes from the name");
        let found = findings(&file);
        for line in found.lines() {
            assert!(line.contains(" warning A033 fill in: "), "{template}: not a fill-in finding: {line}");
        }
        insta::assert_snapshot!(format!("init-{template}"), found);
        // `pakt check` exits 0: warnings only.
        let (code, _, _) = pakt_in(&dir, &["check", "--quiet", &format!("{name}.pakt")]);
        assert_eq!(code, 0);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_existing_file_is_not_overwritten() {
    let dir = temp_dir("exists");
    std::fs::write(dir.join("vorhanden.pakt"), "mine").unwrap();
    let (code, out, err) = pakt_in(&dir, &["init", "vorhanden"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "error: vorhanden.pakt exists already; pakt init does not overwrite a file\n");
    assert_eq!(std::fs::read_to_string(dir.join("vorhanden.pakt")).unwrap(), "mine");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ids_are_derived_from_file_names() {
    use pakt::init::{file_name, id_for};
    assert_eq!(file_name("a"), PathBuf::from("a.pakt"));
    assert_eq!(file_name("dir/a.pakt"), PathBuf::from("dir/a.pakt"));
    assert_eq!(id_for(Path::new("dir/thüringen-2030.pakt")), "thüringen-2030");
    assert_eq!(id_for(Path::new("2030 neu.pakt")), "vereinbarung_2030_neu");
}

#[test]
fn the_templates_are_formatted() {
    let (code, out, err) = pakt_in(Path::new(env!("CARGO_MANIFEST_DIR")), &["fmt", "--check", "src/init"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}
