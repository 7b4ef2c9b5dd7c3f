//! `rsct boundaries`: security complexes of a data set's year.

use crate::Format;
use crate::input::{self, Result};
use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::polarity::Classification;
use rsct::{DerivationRules, Year};
use std::path::PathBuf;

/// Options of the boundary detection, shared by `rsct boundaries` and `rsct draw`.
#[derive(clap::Args)]
pub struct Options {
    /// Units set apart entirely, like superpowers (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub set_apart: Vec<String>,
    /// Derive no ties from co-membership of organisations.
    #[arg(long)]
    pub no_memberships: bool,
    /// Do not apply Buzan & Wæver's post-1990 "1 + 4" power classes.
    #[arg(long)]
    pub no_preset: bool,
    /// Seed of the community search.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
}

/// Arguments of `rsct boundaries`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// The year (default: the data set's last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Options of the detection.
    #[command(flatten)]
    pub options: Options,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The boundary report of a data set's year under the command's options.
pub fn report(
    ds: &rsct::Dataset,
    file: &std::path::Path,
    year: Year,
    options: &Options,
) -> Result<rsct::boundary::BoundaryReport> {
    for u in &options.set_apart {
        if ds.unit(u).is_none() {
            return Err(format!("--set-apart: no unit {u} in {}", file.display()).into());
        }
    }
    let rules = if options.no_memberships {
        DerivationRules::new().without_memberships()
    } else {
        DerivationRules::new()
    };
    let g = ds.snapshot(year, &rules)?;
    // The snapshot carries the year's capabilities, power classes and institutions, which
    // `analyse` uses.
    let apart: Vec<&str> = options.set_apart.iter().map(String::as_str).collect();
    let mut opts = BoundaryOptions::new().seed(options.seed).set_apart(&apart);
    if !options.no_preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    Ok(analyse(
        &g,
        g.capabilities(),
        &InterdependenceOptions::new(),
        &opts,
    )?)
}

/// Detects and describes the complexes.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let ds = input::dataset(&a.file)?;
    let year = input::year_or_last(&ds, a.year, &a.file)?;
    let report = report(&ds, &a.file, year, &a.options)?;
    if a.format == Format::Json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    } else {
        writeln!(out, "{}, {year}", ds.name().unwrap_or("data set"))?;
        write!(out, "{report}")?;
        writeln!(out)?;
        write!(out, "{}", report.explain())?;
    }
    Ok(())
}
