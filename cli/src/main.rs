//! `rsct`: the command line of the rsct crate.
//!
//! ```text
//! rsct validate DATASET                     check a data set, list every problem
//! rsct snapshot DATASET --year Y            the ties of a year, with provenance (CSV/JSON)
//! rsct balance FILE [--year Y]              Harary test, clusterability, triangle census, walk balance
//! rsct frustration FILE... [--year Y]       frustration index with its certificate
//! rsct polarity DATASET --year Y            capability shares, HHI, CON, poles, centredness
//! rsct boundaries DATASET --year Y          security complexes and their roles
//! rsct evolution DATASET --from Y --to Y    transformations of the complexes
//! rsct panel COW_DIR --from Y --to Y        the world's yearly signed graphs and analyses
//! rsct draw DATASET --year Y -o FILE.svg    a picture of the security graph
//! ```
//!
//! FILE is a signed-graph file (`.csv`, SNAP `.txt[.gz]`, Pajek `.net`/`.paj`) or a data set
//! (`.toml`/`.json`, with `--year`). Every command takes `--format text|json` (and `csv`
//! where rows fit), and `--help`.
//!
//! Exit codes: 0 success; 1 the input or the analysis failed (the message says what and
//! where); 2 the command line is wrong (usage).

mod cmd;
mod input;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write as _;
use std::process::ExitCode;

/// Regional Security Complex Theory on signed graphs: balance, frustration, polarity,
/// boundaries and evolution of security complexes.
#[derive(Parser)]
#[command(name = "rsct", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// JSON (one object, or one line per item where the command streams).
    Json,
    /// CSV with a header (where the result is a table).
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data set (TOML or JSON) and list every problem, one per line.
    Validate(cmd::validate::Args),
    /// The security graph of a data set in one year: one row per tie with its sign, net
    /// weight, interdependence and where it came from.
    Snapshot(cmd::snapshot::Args),
    /// Structural balance: Harary test with its certificate, clusterability, signed
    /// triangle census, walk balance.
    Balance(cmd::balance::Args),
    /// Frustration index: exact with proof of optimality (default) or heuristic, with the
    /// camps and the frustrated ties.
    Frustration(cmd::frustration::Args),
    /// Polarity of a set of units from a data set's capabilities.
    Polarity(cmd::polarity::Args),
    /// Security complexes of a data set's year: members, type, character, roles.
    Boundaries(Box<cmd::boundaries::Args>),
    /// Evolution of the complexes of a data set over a span of years.
    Evolution(cmd::evolution::Args),
    /// The world panel: yearly signed graphs of the state system from the COW-family files,
    /// with their analyses, as CSV or JSON lines.
    Panel(cmd::panel::Args),
    /// Draw the security graph of a data set's year as SVG (or DOT).
    Draw(cmd::draw::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let o: &mut dyn std::io::Write = &mut out;
    let result = match cli.command {
        Command::Validate(a) => cmd::validate::run(&a, o),
        Command::Snapshot(a) => cmd::snapshot::run(&a, o),
        Command::Balance(a) => cmd::balance::run(&a, o),
        Command::Frustration(a) => cmd::frustration::run(&a, o),
        Command::Polarity(a) => cmd::polarity::run(&a, o),
        Command::Boundaries(a) => cmd::boundaries::run(&a, o),
        Command::Evolution(a) => cmd::evolution::run(&a, o),
        Command::Panel(a) => cmd::panel::run(&a, o),
        Command::Draw(a) => cmd::draw::run(&a, o),
    }
    .and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`rsct … | head`) is not an error.
        Err(e) if is_broken_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", input::message(e.as_ref()));
            ExitCode::from(1)
        }
    }
}

/// Whether the error is a write to a closed pipe.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
