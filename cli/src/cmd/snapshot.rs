//! `rsct snapshot`: the ties of a data set's year with their provenance.

use super::csv_field;
use crate::Format;
use crate::input::{self, Result};
use rsct::{Provenance, Year};
use std::path::PathBuf;

/// Arguments of `rsct snapshot`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// The year (default: the data set's last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Output format (text lists each tie's contributions; csv and json one row per tie).
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

fn provenance(p: &Provenance) -> String {
    p.to_string()
}

/// Prints the ties.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let (_, g) = input::snapshot(&a.file, a.year)?;
    match a.format {
        Format::Csv => {
            writeln!(
                out,
                "source,target,sign,net,interdependence,contributions,evidence"
            )?;
            for (x, y, t) in g.ties() {
                let sign = if t.net() > 0.0 {
                    "+"
                } else if t.net() < 0.0 {
                    "-"
                } else {
                    "0"
                };
                let from: Vec<String> = t
                    .contributions()
                    .iter()
                    .map(|c| provenance(c.provenance()))
                    .collect();
                let ev: Vec<&str> = t
                    .contributions()
                    .iter()
                    .flat_map(|c| c.evidence())
                    .filter_map(|e| e.locator())
                    .collect();
                writeln!(
                    out,
                    "{},{},{sign},{},{},{},{}",
                    csv_field(x.id()),
                    csv_field(y.id()),
                    t.net(),
                    t.interdependence(),
                    csv_field(&from.join("; ")),
                    csv_field(&ev.join("; "))
                )?;
            }
        }
        Format::Json => {
            let rows: Vec<_> = g
                .ties()
                .map(|(x, y, t)| {
                    serde_json::json!({
                        "source": x.id(),
                        "target": y.id(),
                        "net": t.net(),
                        "interdependence": t.interdependence(),
                        "contributions": t.contributions().iter().map(|c| serde_json::json!({
                            "from": provenance(c.provenance()),
                            "sign": c.sign().to_string(),
                            "intensity": c.intensity(),
                            "sectors": c.sectors().to_string(),
                            "instrument": c.instrument().to_string(),
                            "evidence": c.evidence().map(|e| serde_json::json!({
                                "text": e.text(), "locator": e.locator()
                            })).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let o = serde_json::json!({ "year": g.year(), "units": g.unit_count(), "ties": rows });
            writeln!(out, "{o}")?;
        }
        Format::Text => {
            writeln!(
                out,
                "{} units, {} ties in {}",
                g.unit_count(),
                g.tie_count(),
                g.year()
            )?;
            for (x, y, t) in g.ties() {
                writeln!(
                    out,
                    "{} – {}: net {:+.2}, interdependence {:.2}",
                    x.id(),
                    y.id(),
                    t.net(),
                    t.interdependence()
                )?;
                for c in t.contributions() {
                    writeln!(
                        out,
                        "    {} {} {:.2} ({})",
                        provenance(c.provenance()),
                        c.sign(),
                        c.intensity(),
                        c.sectors()
                    )?;
                }
            }
        }
    }
    Ok(())
}
