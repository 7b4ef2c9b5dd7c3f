//! What the examples share: their command line and how they end.
//!
//! Exit codes, the same for every example:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success (also `--help`) |
//! | 1 | an analysis or data error: a file that cannot be read, an invalid data set, a failed computation; the message is printed |
//! | 2 | a usage error: an unknown argument, a missing or malformed value; the usage is printed |
//!
//! Errors are printed as the crate's messages with their causes
//! ([`rsct::report::ErrorReport`]); a data set's validation error lists every problem on its
//! own line.

// Each example compiles this module for itself and uses only part of it.
#![allow(dead_code)]

use rsct::report::ErrorReport;
use std::error::Error;
use std::fmt;
use std::process::ExitCode;
use std::str::FromStr;

/// A wrong command line (exit code 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for Usage {}

/// The usage error for an argument the example does not know.
pub fn unknown(arg: &str) -> Usage {
    Usage(format!("unknown argument {arg}"))
}

/// The command-line arguments after the program name.
pub struct Args {
    items: std::vec::IntoIter<String>,
}

impl Args {
    /// The next argument.
    pub fn next(&mut self) -> Option<String> {
        self.items.next()
    }

    /// The value after `flag`, as text.
    pub fn text(&mut self, flag: &str) -> Result<String, Usage> {
        self.items
            .next()
            .ok_or_else(|| Usage(format!("{flag} needs a value")))
    }

    /// The value after `flag`, parsed.
    pub fn value<T: FromStr>(&mut self, flag: &str) -> Result<T, Usage>
    where
        T::Err: fmt::Display,
    {
        let v = self.text(flag)?;
        v.parse().map_err(|e| Usage(format!("{flag} {v}: {e}")))
    }

    /// The value after `flag`, a comma-separated list.
    pub fn list(&mut self, flag: &str) -> Result<Vec<String>, Usage> {
        Ok(self.text(flag)?.split(',').map(str::to_owned).collect())
    }
}

/// The only argument, an optional year (`default` without it); anything more is a usage error.
pub fn year_or(mut args: Args, default: i32) -> Result<i32, Usage> {
    let year = match args.next() {
        Some(y) if y.starts_with('-') => return Err(unknown(&y)),
        Some(y) => y.parse().map_err(|e| Usage(format!("YEAR {y}: {e}")))?,
        None => default,
    };
    match args.next() {
        Some(extra) => Err(unknown(&extra)),
        None => Ok(year),
    }
}

/// The only argument, an optional signed-graph file, read; without it the post-Soviet data
/// set's 2013 snapshot. Returns the graph and what it is, in words.
pub fn graph_or_post_soviet(mut args: Args) -> Result<(rsct::SignedGraph, String), Box<dyn Error>> {
    let file = args.next();
    if let Some(extra) = args
        .next()
        .or_else(|| file.clone().filter(|f| f.starts_with('-')))
    {
        return Err(unknown(&extra).into());
    }
    Ok(match file {
        Some(path) => (rsct::io::read_signed(&path)?.0, path),
        None => {
            let ds = rsct::datasets::post_soviet()?;
            let sg = ds.snapshot(2013, &rsct::DerivationRules::new())?;
            (
                sg.to_signed_graph().0,
                "the post-Soviet data set, 2013".into(),
            )
        }
    })
}

/// Runs an example: prints `usage` for `-h`/`--help` (exit 0); otherwise runs `body` with the
/// arguments and prints its error, if any — a [`Usage`] error with the usage (exit 2), any
/// other error with its causes (exit 1).
pub fn main(usage: &str, body: impl FnOnce(Args) -> Result<(), Box<dyn Error>>) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", usage.trim_end());
        return ExitCode::SUCCESS;
    }
    match body(Args {
        items: args.into_iter(),
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(u) = e.downcast_ref::<Usage>() {
                eprintln!("error: {u}\n\n{}", usage.trim_end());
                ExitCode::from(2)
            } else {
                eprintln!("error: {}", ErrorReport::new(&*e));
                ExitCode::FAILURE
            }
        }
    }
}
