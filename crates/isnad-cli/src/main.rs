//! `isnad`: the command-line entry point (see `isnad --help`). Errors are
//! printed as one line on stderr with a non-zero exit code.

fn main() {
    let args = match isnad_cli::utf8_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("isnad: {e}");
            std::process::exit(e.exit_code());
        }
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = isnad_cli::cli::run(&args, &mut out) {
        eprintln!("isnad: {e}");
        std::process::exit(e.exit_code());
    }
}
