fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut code = 0;
    for path in args.iter().filter(|a| a.ends_with(".pakt")) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        match pakt::syntax::parse(&text) {
            Ok(_) => println!("{path}: ok"),
            Err(d) => {
                code = 1;
                eprint!("{}", pakt::diagnostic::render(&d, path, &text, Default::default()));
            }
        }
    }
    std::process::exit(code);
}
