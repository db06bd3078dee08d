//! Time the stages of a `pakt check` of one file in this process: read,
//! parse + lower (block by block, on all cores from 1 MiB), resolve, the
//! rules (on all cores from 5,000 elements) and freeing the model; with
//! `--rules`, also each rule on its own (docs/performance.md).
//!
//! ```text
//! cargo run --profile profiling --example stage_times -- FILE [--rules]
//! taskset -c 0 target/profiling/examples/stage_times FILE   # one core
//! ```

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn ms(from: Instant) -> f64 {
    from.elapsed().as_secs_f64() * 1000.0
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: stage_times FILE [--rules]");
        return ExitCode::from(2);
    };
    let t = Instant::now();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let read = ms(t);
    let t = Instant::now();
    let pakt::blockwise::Parsed::Ok(ast, _) = pakt::blockwise::parse_and_lower(&text) else {
        eprintln!("{path}: syntax errors; `pakt check` says which");
        return ExitCode::from(1);
    };
    let parse = ms(t);
    let t = Instant::now();
    let (model, _) = pakt::resolve::resolve(*ast);
    let resolve = ms(t);
    let config = pakt::config::Config::default();
    let ctx = pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &config };
    let t = Instant::now();
    let findings = pakt::rules::run(&ctx).len();
    let rules = ms(t);
    if args.iter().any(|a| a == "--rules") {
        // Each rule alone, on this thread (with R006/R008, which run every time).
        let mut times: Vec<(f64, &str)> = pakt::rules::REGISTRY
            .iter()
            .map(|rule| {
                let mut only = pakt::config::Config::default();
                for other in pakt::rules::REGISTRY.iter().filter(|o| o.code != rule.code) {
                    only.rules
                        .insert(other.name, pakt::config::RuleConfig { severity: Some(None), ..Default::default() });
                }
                let ctx =
                    pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &only };
                let t = Instant::now();
                pakt::rules::run_on(&ctx, 1);
                (ms(t), rule.code)
            })
            .collect();
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        // A closed pipe (`| head`) ends the listing, not the program.
        let mut out = std::io::stdout().lock();
        for (t, code) in times {
            if writeln!(out, "{code} {t:.1} ms").is_err() {
                return ExitCode::SUCCESS;
            }
        }
    }
    let t = Instant::now();
    let elements = model.element_count();
    drop(model);
    let line = format!(
        "{elements} elements, {findings} findings: read {read:.1} ms, parse + lower {parse:.1} ms, resolve {resolve:.1} ms, rules {rules:.1} ms, free {:.1} ms",
        ms(t)
    );
    match writeln!(std::io::stdout(), "{line}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}
