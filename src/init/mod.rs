//! `pakt init`: a new agreement file from a template.
//!
//! In: a template and a name. Out: `NAME.pakt` (never overwriting a file),
//! a skeleton with the usual sections whose open points are `FILL IN`
//! placeholders, so that `pakt check` lists what is left to draft (rule
//! A033 placeholder). The templates are pakt files under `src/init/`, kept
//! formatted and checked by the tests.

use crate::check::RunError;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Template {
    /// A Land and its municipal umbrella associations (Rahmenvereinbarung, E-Government-Pakt).
    LandKommunen,
    /// The Bund and the Länder with a joint planning body.
    BundLaender,
    /// The statute (Satzung) of a municipal association, e.g. a Zweckverband.
    Statute,
}

impl Template {
    /// The template's text, as shipped.
    pub fn source(self) -> &'static str {
        match self {
            Template::LandKommunen => include_str!("land-kommunen.pakt"),
            Template::BundLaender => include_str!("bund-laender.pakt"),
            Template::Statute => include_str!("statute.pakt"),
        }
    }

    /// The agreement id the template's header carries.
    fn id(self) -> &'static str {
        match self {
            Template::Statute => "neue_satzung",
            Template::LandKommunen | Template::BundLaender => "neue_vereinbarung",
        }
    }
}

/// The file `pakt init NAME` writes: NAME with `.pakt` added unless present.
pub fn file_name(name: &str) -> PathBuf {
    if name.ends_with(".pakt") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.pakt"))
    }
}

/// An agreement id from a file name: its stem, with every character that
/// cannot stand in an id replaced by `_`.
pub fn id_for(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut id: String =
        stem.chars().map(|c| if c.is_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
    if !id.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') {
        id.insert_str(0, "vereinbarung_");
    }
    id
}

/// The template's text for an agreement named `id`.
pub fn text(template: Template, id: &str) -> String {
    // The header keyword: `statute` for a statute, else `agreement`.
    let keyword = match template {
        Template::Statute => "statute",
        Template::LandKommunen | Template::BundLaender => "agreement",
    };
    let header = format!("{keyword} {} {{", template.id());
    template.source().replacen(&header, &format!("{keyword} {id} {{"), 1)
}

/// Write the new file; refuses to overwrite.
pub fn create(template: Template, name: &str) -> Result<PathBuf, RunError> {
    let path = file_name(name);
    let text = text(template, &id_for(&path));
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            RunError(format!("{} exists already; pakt init does not overwrite a file", path.display()))
        } else {
            RunError(format!("cannot create {}: {e}", path.display()))
        }
    })?;
    file.write_all(text.as_bytes()).map_err(|e| RunError(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}
