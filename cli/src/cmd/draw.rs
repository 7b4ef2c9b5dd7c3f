//! `rsct draw`: a picture of a data set's security graph in one year.

use crate::input::{self, Result};
use rsct::Year;
use rsct::report::{Drawing, Layout};
use std::path::PathBuf;

/// Picture formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Picture {
    /// Scalable vector graphics.
    Svg,
    /// Graphviz DOT.
    Dot,
}

/// Arguments of `rsct draw`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// The year (default: the data set's last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Where to write the picture.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Picture format.
    #[arg(long, value_enum, default_value_t = Picture::Svg)]
    pub format: Picture,
    /// Leave out units without ties.
    #[arg(long)]
    pub hide_isolated: bool,
    /// Label units by their full names instead of their ids.
    #[arg(long)]
    pub full_names: bool,
    /// Where units are placed: by their capitals (geographic) or by a force layout.
    #[arg(long, value_enum, default_value_t = Placement::Geographic)]
    pub layout: Placement,
    /// Draw only the ties, without detecting complexes and their roles.
    #[arg(long)]
    pub no_boundaries: bool,
    /// Options of the boundary detection.
    #[command(flatten)]
    pub options: super::boundaries::Options,
}

/// Layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Placement {
    /// Units at their capitals' coordinates.
    Geographic,
    /// Force-directed, complexes kept apart.
    Force,
}

/// Writes the picture.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let (ds, g) = input::snapshot(&a.file, a.year)?;
    let title = format!("{}, {}", ds.name().unwrap_or("security graph"), g.year());
    let layout = match a.layout {
        Placement::Geographic => Layout::Geographic,
        Placement::Force => Layout::Force,
    };
    let mut d = Drawing::new(&title).layout(layout);
    if !a.no_boundaries {
        let report = super::boundaries::report(
            &ds,
            &a.file,
            g.year(),
            &a.options,
            rsct::boundary::BoundaryOptions::new(),
        )?;
        d = d.boundaries(&report);
    }
    if a.full_names {
        d = d.full_names();
    }
    if a.hide_isolated {
        d = d.hide_isolated();
    }
    let text = match a.format {
        Picture::Svg => d.to_svg(&g)?,
        Picture::Dot => d.to_dot(&g),
    };
    std::fs::write(&a.output, text).map_err(|e| format!("{}: {e}", a.output.display()))?;
    writeln!(out, "wrote {}", a.output.display())?;
    Ok(())
}
