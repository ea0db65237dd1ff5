//! The `chipmap` binary: everything is in `cli`; this only hands over the arguments.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os())
}
