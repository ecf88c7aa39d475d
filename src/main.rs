#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    sango::cli::run()
}
