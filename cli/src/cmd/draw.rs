//! `rsct draw`: a picture of a data set's security graph in one year.

use crate::input::{self, Result};
use rsct::Year;
use rsct::report::Drawing;
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
}

/// Writes the picture.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let (ds, g) = input::snapshot(&a.file, a.year)?;
    let title = format!("{}, {}", ds.name().unwrap_or("security graph"), g.year());
    let mut d = Drawing::new(&title);
    if a.hide_isolated {
        d = d.hide_isolated();
    }
    let text = match a.format {
        Picture::Svg => d.to_svg(&g),
        Picture::Dot => d.to_dot(&g),
    };
    std::fs::write(&a.output, text).map_err(|e| format!("{}: {e}", a.output.display()))?;
    writeln!(out, "wrote {}", a.output.display())?;
    Ok(())
}
