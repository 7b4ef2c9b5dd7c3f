//! `rsct evolution`: transformations of the complexes over a span of years.

use crate::Format;
use crate::input::{self, Result};
use rsct::boundary::BoundaryOptions;
use rsct::evolution::{EvolutionOptions, Transformation, series};
use rsct::polarity::Classification;
use rsct::report::Timeline;
use rsct::{UnitKind, Year};
use std::path::PathBuf;

/// Arguments of `rsct evolution`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// First year (default: the data set's first).
    #[arg(long)]
    pub from: Option<Year>,
    /// Last year (default: the data set's last).
    #[arg(long)]
    pub to: Option<Year>,
    /// Units set apart entirely, like superpowers (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub set_apart: Vec<String>,
    /// Do not apply Buzan & Wæver's post-1990 "1 + 4" power classes.
    #[arg(long)]
    pub no_preset: bool,
    /// Print status-quo events too.
    #[arg(long)]
    pub all: bool,
    /// Also write the timeline (members, balance, frustration, enmity share, polarity and
    /// character of every complex, year by year) to this SVG file.
    #[arg(long)]
    pub timeline: Option<PathBuf>,
    /// Output format (json: one event per line).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Prints the events with their causes.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let ds = input::dataset(&a.file)?;
    let span = ds.year_span().ok_or("the data set has no dated items")?;
    let (from, to) = (a.from.unwrap_or(span.0), a.to.unwrap_or(span.1));
    for u in &a.set_apart {
        if ds.unit(u).is_none() {
            return Err(format!("--set-apart: no unit {u} in {}", a.file.display()).into());
        }
    }
    let apart: Vec<&str> = a.set_apart.iter().map(String::as_str).collect();
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    let mut b = BoundaryOptions::new()
        .set_apart(&apart)
        .institutions(&institutions);
    if !a.no_preset && from >= 1990 {
        b = b.classes(Classification::buzan_waever_post_1990());
    }
    let s = series(&ds, from, to, &EvolutionOptions::new().boundary(b))?;
    for e in &s.events {
        if !a.all && e.transformation == Transformation::StatusQuo {
            continue;
        }
        if a.format == Format::Json {
            writeln!(out, "{}", serde_json::to_string(e)?)?;
        } else {
            writeln!(out, "{e}")?;
        }
    }
    if let Some(path) = &a.timeline {
        let name = ds
            .name()
            .map_or_else(|| a.file.display().to_string(), str::to_owned);
        let t = Timeline::of_series(&s, format!("{name} — complexes {from}–{to}"));
        std::fs::write(path, t.to_svg()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
