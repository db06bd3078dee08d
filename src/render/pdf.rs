//! PDF through headless Chromium: the HTML rendering printed to A4.
//!
//! In: the HTML page. Out: the PDF bytes, or a message saying that no
//! Chromium was found (and how to get one) or what it reported.

use std::path::PathBuf;
use std::process::Command;

/// The browser: `PAKT_CHROMIUM` if set, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` on the PATH.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(explicit) = std::env::var_os("PAKT_CHROMIUM") {
        let path = PathBuf::from(explicit);
        return path.is_file().then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Print `html` to PDF.
pub fn pdf(html: &str) -> Result<Vec<u8>, String> {
    let browser = find_chromium().ok_or_else(|| {
        "PDF output needs Chromium: install it (Debian: apt-get install chromium) or set PAKT_CHROMIUM to the browser; `--format html` needs nothing".to_string()
    })?;
    let dir = std::env::temp_dir().join(format!("pakt-pdf-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let result = print(&browser, &dir, html);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn unique() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

fn print(browser: &std::path::Path, dir: &std::path::Path, html: &str) -> Result<Vec<u8>, String> {
    let page = dir.join("agreement.html");
    let out = dir.join("agreement.pdf");
    std::fs::write(&page, html).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    let run = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| format!("cannot run {}: {e}", browser.display()))?;
    match std::fs::read(&out) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(format!(
            "{} wrote no PDF (exit {}): {}",
            browser.display(),
            run.status.code().map_or_else(|| "by signal".to_string(), |c| c.to_string()),
            String::from_utf8_lossy(&run.stderr).lines().last().unwrap_or("")
        )),
    }
}
