//! `rsct validate`.

use crate::Format;
use crate::input::{self, Result};
use std::path::PathBuf;

/// Arguments of `rsct validate`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Loads the data set; the error lists every problem.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let ds = input::dataset(&a.file)?;
    let span = ds.year_span();
    if a.format == Format::Json {
        let o = serde_json::json!({
            "file": a.file.display().to_string(),
            "valid": true,
            "name": ds.name(),
            "units": ds.units().len(),
            "organisations": ds.organisations().len(),
            "memberships": ds.memberships().len(),
            "relations": ds.relations().len(),
            "capabilities": ds.capabilities().len(),
            "borders": ds.borders().len(),
            "power_classes": ds.power_classes().len(),
            "years": span.map(|(a, b)| [a, b]),
        });
        writeln!(out, "{o}")?;
    } else {
        writeln!(out, "{}: valid", a.file.display())?;
        if let Some(n) = ds.name() {
            writeln!(out, "  {n}")?;
        }
        writeln!(
            out,
            "  {} units, {} organisations, {} memberships, {} relations, {} capability observations, {} borders, {} power classes",
            ds.units().len(),
            ds.organisations().len(),
            ds.memberships().len(),
            ds.relations().len(),
            ds.capabilities().len(),
            ds.borders().len(),
            ds.power_classes().len()
        )?;
        if let Some((from, to)) = span {
            writeln!(out, "  years {from}–{to}")?;
        }
    }
    Ok(())
}
