//! `isnad-eval`: scores the engine on the gold development set and the CT22
//! tweets (see `isnad-eval --help`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match isnad_cli::eval_cli::run(&args) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("isnad-eval: {e}");
            std::process::exit(e.exit_code());
        }
    }
}
