//! `stepstone`: opens the app, or runs a subcommand (see `cli`).

use clap::{CommandFactory, Parser};
use std::process::ExitCode;
use stepstone::{cli, clock, ui};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    if args.command.is_some() && (args.file.is_some() || args.screenshot.is_some()) {
        cli::Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "a FILE or --screenshot goes with opening the app, not with a subcommand",
            )
            .exit();
    }
    let desktop = args.install_desktop || args.uninstall_desktop;
    if desktop && args.command.is_some() {
        cli::Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--install-desktop and --uninstall-desktop go alone, not with a subcommand",
            )
            .exit();
    }
    if desktop {
        return cli::desktop(args.install_desktop);
    }
    match args.command {
        Some(command) => cli::run(command, args.today.unwrap_or_else(clock::system_today)),
        None => ui::run(ui::Launch {
            file: args.file,
            screenshot: args.screenshot,
            view: args.view,
            today: args.today,
            size: args.size,
        }),
    }
}
