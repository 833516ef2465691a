//! `isnad-eval`: scores the engine on the gold development set and the CT22
//! tweets (see `isnad-eval --help`).

fn main() {
    let args = match isnad_cli::utf8_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("isnad-eval: {e}");
            std::process::exit(e.exit_code());
        }
    };
    match isnad_cli::eval_cli::run(&args) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("isnad-eval: {e}");
            std::process::exit(e.exit_code());
        }
    }
}
