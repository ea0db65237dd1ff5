//! `chipmap completions SHELL`: a tab-completion script for a shell, generated from the
//! command line's own definition so it always knows every subcommand, flag and value.

use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};
use crate::cli::output::{self, Document, OutputArgs};

/// What `chipmap completions --help` and its manual page say: how to install the script.
pub const LONG_ABOUT: &str = "\
Print a tab-completion script for SHELL: it completes subcommands, flags and (in bash, zsh
and fish) the values of enumerated flags: formats, kinds, statuses ...

Install it where the shell looks (create the folder first if it is missing), then start a
new shell:

bash:
  chipmap completions bash > ~/.local/share/bash-completion/completions/chipmap

zsh (and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)):
  chipmap completions zsh > ~/.zfunc/_chipmap

fish:
  chipmap completions fish > ~/.config/fish/completions/chipmap.fish

elvish (and in ~/.config/elvish/rc.elv: use chipmap):
  chipmap completions elvish > ~/.config/elvish/lib/chipmap.elv

PowerShell, in $PROFILE:
  chipmap completions powershell | Out-String | Invoke-Expression

--output FILE writes the script to FILE (atomically) instead of stdout.";

/// Print a tab-completion script for bash, zsh, fish, elvish or PowerShell.
#[derive(Debug, Args)]
#[command(long_about = LONG_ABOUT)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, ignore_case = true)]
    shell: Shell,
    #[command(flatten)]
    output: OutputArgs,
}

/// Runs `chipmap completions`.
pub fn run(
    args: CompletionsArgs,
    context: &Context,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    let script = Document::written(|script| {
        clap_complete::generate(args.shell, &mut crate::cli::command(), "chipmap", script);
        Ok(())
    })?;
    output::deliver(context, script, args.output.output.as_deref(), out)?;
    Ok(Outcome::Success)
}
