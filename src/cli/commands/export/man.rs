//! `chipmap man`: the manual pages, rendered from the command line's own definition as git's
//! are laid out: chipmap(1) lists the subcommands, and each has its page, chipmap-timeline(1).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use clap_mangen::Man;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};
use crate::cli::output::{self, Document};

/// What `chipmap man --help` and its manual page say: how to read and install the pages.
pub const LONG_ABOUT: &str = "\
Print a manual page (roff), or write them all to a folder for `man` to find.

`chipmap man` prints chipmap(1), which lists the subcommands; `chipmap man timeline` prints
chipmap-timeline(1). To read one without installing it:

  chipmap man timeline | man -l -

To install every page, so that `man chipmap` and `man chipmap-timeline` work:

  chipmap man --dir ~/.local/share/man/man1

man-db finds pages in ~/.local/share/man when ~/.local/bin is on PATH (it looks beside each
PATH entry, so ~/.cargo/share/man/man1 suits a `cargo install`); otherwise add the folder
above man1 to MANPATH.";

/// Print chipmap's manual pages, or write them where `man` finds them.
#[derive(Debug, Args)]
#[command(long_about = LONG_ABOUT)]
pub struct ManArgs {
    /// The subcommand whose page to print, such as `timeline` (default: chipmap's own page).
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    command: Option<String>,
    /// Write chipmap.1 and a page per subcommand (chipmap-timeline.1 ...) to DIR, creating it.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// One manual page: its file name (`chipmap-timeline.1`) and its roff.
struct Page {
    file: String,
    roff: String,
}

/// Runs `chipmap man`.
pub fn run(args: ManArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let pages = pages()?;
    if let Some(dir) = &args.dir {
        let files: Vec<(&str, &[u8])> = pages
            .iter()
            .map(|p| (p.file.as_str(), p.roff.as_bytes()))
            .collect();
        chipmap::store::write_into(dir, &files, context.fault.as_deref())?;
        context.note(format_args!(
            "wrote {} manual pages to {} ({} ...)",
            pages.len(),
            chipmap::store::shown(dir),
            pages[..2.min(pages.len())]
                .iter()
                .map(|p| p.file.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return Ok(Outcome::Success);
    }
    let wanted = match &args.command {
        None => "chipmap.1".to_string(),
        Some(name) => format!("chipmap-{name}.1"),
    };
    let Some(page) = pages.into_iter().find(|p| p.file == wanted) else {
        let names = crate::cli::command()
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name().to_string())
            .collect::<Vec<_>>();
        let asked = args.command.unwrap_or_default();
        return Err(chipmap::Error::usage(
            format!("no chipmap command `{asked}` has a manual page"),
            Some(format!("one of: {}", names.join(", "))),
        )
        .into());
    };
    output::deliver(context, Document::Text(page.roff), None, out)?;
    Ok(Outcome::Success)
}

/// Returns every page: chipmap(1) first, then one per subcommand (at any depth), in the order
/// `chipmap --help` lists them.
fn pages() -> Result<Vec<Page>, Failure> {
    // No page for clap's `help` subcommand: `chipmap help X` is what `man` replaces.
    let mut root = long_help_everywhere(crate::cli::command().disable_help_subcommand(true));
    // Built once, so that each subcommand knows its full name (`chipmap-timeline`).
    root.build();
    let mut pages = Vec::new();
    let mut queue = vec![root];
    while let Some(command) = queue.pop() {
        let mut subcommands: Vec<clap::Command> = command
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .cloned()
            .collect();
        pages.push(page(command)?);
        subcommands.reverse();
        queue.extend(subcommands);
    }
    Ok(pages)
}

/// Returns `command` with every option kept out of `-h` given its help as long help: a page
/// is the long help, but clap_mangen leaves such an option's text out unless it has one.
fn long_help_everywhere(command: clap::Command) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let command = command.mut_args(|arg| match arg.get_help().cloned() {
        Some(help) if arg.is_hide_short_help_set() && arg.get_long_help().is_none() => {
            arg.long_help(help)
        }
        _ => arg,
    });
    names.iter().fold(command, |command, name| {
        command.mut_subcommand(name, long_help_everywhere)
    })
}

/// Returns the page of one built command, titled in capitals as manual pages are.
fn page(command: clap::Command) -> Result<Page, Failure> {
    let title = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_uppercase();
    let man = Man::new(command)
        .title(title)
        // `.TH`'s third argument, the date: written as roff's empty argument, since an empty
        // string leaves nothing between two spaces and the source slides into its place.
        // No date at all: the same binary prints the same page.
        .date("\"\"")
        .source(concat!("chipmap ", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let roff = String::from_utf8_lossy(&roff);
    // Left-aligned and unhyphenated, as most command pages are: justified and hyphenated,
    // the paths and commands of the help texts read `~/.local/share/bash-comple- tion`.
    let roff = match roff.split_once("\n.TH ") {
        Some((before, after)) => match after.split_once('\n') {
            Some((title, rest)) => format!("{before}\n.TH {title}\n.ad l\n.nh\n{rest}"),
            None => roff.into_owned(),
        },
        None => roff.into_owned(),
    };
    Ok(Page {
        file: man.get_filename(),
        roff,
    })
}
