//! Generate synthetic, valid agreements.
//!
//! ```text
//! cargo run --release --example gen -- --size 10000 [--seed 7]          # one agreement to stdout
//! cargo run --release --example gen -- --size 300 --out DIR --files 1000 # DIR/gen-0000.pakt …
//! ```
//!
//! With `--files K`, file i is `generate(size, seed + i)`. With
//! `--party-groups G`, only the first G clusters define parties (2–3 each),
//! so the number of parties stays fixed as the size grows.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen --size N [--seed S] [--party-groups G] [--out DIR --files K]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut size: Option<usize> = None;
    let mut seed: u64 = 0;
    let mut out: Option<PathBuf> = None;
    let mut files: Option<usize> = None;
    let mut groups: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--size" => size = Some(value("--size")?.parse().map_err(|e| format!("--size: {e}"))?),
            "--seed" => seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--party-groups" => {
                groups = Some(value("--party-groups")?.parse().map_err(|e| format!("--party-groups: {e}"))?)
            }
            "--files" => files = Some(value("--files")?.parse().map_err(|e| format!("--files: {e}"))?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let size = size.ok_or("--size is required")?;
    let generate = |seed: u64| match groups {
        Some(g) => pakt::gen::generate_with_party_groups(size, seed, g).0,
        None => pakt::gen::generate(size, seed),
    };
    match (out, files) {
        (None, None) => {
            let text = generate(seed);
            std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string())
        }
        (Some(dir), files) => {
            let files = files.unwrap_or(1);
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let width = files.saturating_sub(1).to_string().len().max(4);
            let mut bytes = 0usize;
            for i in 0..files {
                let text = generate(seed.wrapping_add(i as u64));
                bytes += text.len();
                let path = dir.join(format!("gen-{i:0width$}.pakt"));
                std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            eprintln!("wrote {files} files, {bytes} bytes, to {}", dir.display());
            Ok(())
        }
        (None, Some(_)) => Err("--files needs --out DIR".into()),
    }
}
