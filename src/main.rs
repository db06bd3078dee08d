//! The `pakt` binary: everything is in the library (`pakt::cli`).

fn main() {
    std::process::exit(pakt::cli::main());
}
