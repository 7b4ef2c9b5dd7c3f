//! `rsct panel`: the world's yearly signed graphs and their analyses.

use crate::Format;
use crate::input::{self, Result};
use rsct::Year;
use rsct::balance::FrustrationOptions;
use rsct::panel::{Conflict, PanelFormat, PanelOptions, WorldRules};
use std::path::PathBuf;

/// Arguments of `rsct panel`.
#[derive(clap::Args)]
pub struct Args {
    /// The folder of COW-family files under their usual names (states2016.csv,
    /// atop5.1_directed_dyad_year.csv.gz, mid5_dyadic_disputes.csv, contdird.csv,
    /// NMC-60-abridged.csv), or an extract written by `rsct::io::cow::write_extract`.
    pub dir: PathBuf,
    /// First year.
    #[arg(long, default_value_t = 1816)]
    pub from: Year,
    /// Last year.
    #[arg(long, default_value_t = 2014)]
    pub to: Year,
    /// MID hostility level (1–5) from which a dispute is enmity.
    #[arg(long, default_value_t = 3)]
    pub hostility: u8,
    /// Where a dyad-year has both an alliance and a dispute, the alliance wins (default: the
    /// dispute).
    #[arg(long)]
    pub alliance_wins: bool,
    /// Keep only members of the state system.
    #[arg(long)]
    pub members_only: bool,
    /// Node limit per year of the exact frustration solver (0: no frustration column).
    #[arg(long, default_value_t = 20_000)]
    pub frustration_nodes: u64,
    /// Output format (csv or json lines).
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

/// Streams the panel.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let world = input::world(&a.dir)?;
    if world.sources().is_empty() {
        return Err(format!("no COW-family file found in {}", a.dir.display()).into());
    }
    let mut rules = WorldRules::new().mid_hostility_at_least(a.hostility);
    if a.alliance_wins {
        rules = rules.conflict(Conflict::Alliance);
    }
    if a.members_only {
        rules = rules.members_only();
    }
    let format = match a.format {
        Format::Json => PanelFormat::JsonLines,
        Format::Csv | Format::Text => PanelFormat::Csv,
    };
    let mut panel = world.panel(a.from, a.to, &rules, PanelOptions::new())?;
    if a.frustration_nodes > 0 {
        panel = panel.frustration(
            FrustrationOptions::new()
                .node_limit(a.frustration_nodes)
                .seed(7),
        );
    }
    panel.write(format, &mut &mut *out)?;
    Ok(())
}
