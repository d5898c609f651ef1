//! `stepstone`: opens the app, or runs a subcommand (see `cli`).

use clap::Parser;
use std::process::ExitCode;
use stepstone::{cli, clock, ui};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let today = args.today.unwrap_or_else(clock::system_today);
    match args.command {
        Some(command) => cli::run(command, today),
        None => ui::run(ui::Launch {
            file: args.file,
            screenshot: args.screenshot,
            view: args.view,
            today,
        }),
    }
}
