//! `rsct polarity`: capability shares, HHI, CON, poles and centredness.

use crate::Format;
use crate::input::{self, Result};
use rsct::polarity::{
    Classification, MissingPolicy, PoleRule, PowerClassRules, capability_shares, centredness,
    classify_powers, identify_poles, measures,
};
use rsct::report::fixed;
use rsct::{UnitKind, Year};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// How to treat a unit without a capability observation in the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Missing {
    /// An error naming the unit.
    Error,
    /// The unit's last earlier observation.
    Carry,
    /// A share of zero.
    Zero,
}

/// Arguments of `rsct polarity`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json) with capability observations.
    pub file: PathBuf,
    /// The year (default: the last year with capabilities).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<Year>,
    /// First year of a span.
    #[arg(long, requires = "to")]
    pub from: Option<Year>,
    /// Last year of a span.
    #[arg(long, requires = "from")]
    pub to: Option<Year>,
    /// The units counted (default: every state unit of the year).
    #[arg(long, value_delimiter = ',')]
    pub units: Vec<String>,
    /// A unit without an observation in the year.
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    pub missing: Missing,
    /// A pole's share must be at least this fraction of the leader's (Schweller: ½).
    #[arg(long, default_value_t = 0.5)]
    pub relative: f64,
    /// And at least this absolute share.
    #[arg(long, default_value_t = 0.05)]
    pub floor: f64,
    /// Do not apply Buzan & Wæver's post-1990 "1 + 4" power classes.
    #[arg(long)]
    pub no_preset: bool,
    /// Output format (json: one object per year).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Computes polarity per year.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let ds = input::dataset(&a.file)?;
    let last = ds
        .capabilities()
        .iter()
        .map(|c| c.year())
        .max()
        .ok_or("the data set has no capability observations")?;
    let (from, to) = match (a.year, a.from, a.to) {
        (Some(y), _, _) => (y, y),
        (None, Some(f), Some(t)) => (f, t),
        _ => (last, last),
    };
    let missing = match a.missing {
        Missing::Error => MissingPolicy::Error,
        Missing::Carry => MissingPolicy::CarryForward,
        Missing::Zero => MissingPolicy::Zero,
    };
    let rule = PoleRule::new().relative(a.relative).floor(a.floor);
    for u in &a.units {
        if ds.unit(u).is_none() {
            return Err(format!("--units: no unit {u} in {}", a.file.display()).into());
        }
    }
    for year in from..=to {
        let states: Vec<&str> = ds
            .units()
            .iter()
            .filter(|u| u.kind() == UnitKind::State && u.exists_in(year))
            .map(|u| u.id())
            .collect();
        let units: Vec<&str> = if a.units.is_empty() {
            states.clone()
        } else {
            a.units.iter().map(String::as_str).collect()
        };
        let shares = capability_shares(&ds, &units, year, missing)?;
        let m = measures(&shares);
        let poles = identify_poles(&shares, &rule)?;
        let world = capability_shares(&ds, &states, year, MissingPolicy::Zero)?;
        let mut classes = classify_powers(&world, &PowerClassRules::new())?;
        if !a.no_preset && year >= 1990 {
            classes = classes.with_overrides_of(&Classification::buzan_waever_post_1990());
        }
        let institutions: BTreeSet<String> = ds
            .units()
            .iter()
            .filter(|u| u.kind() == UnitKind::Institution)
            .map(|u| u.id().to_owned())
            .collect();
        let centred = centredness(&poles, &classes, &institutions);
        if a.format == Format::Json {
            let class_of: std::collections::BTreeMap<&str, _> =
                units.iter().map(|u| (*u, classes.class(u))).collect();
            let row = serde_json::json!({
                "year": year,
                "source": "capability observations of the data set (e.g. COW NMC 6.0 CINC)",
                "units": units,
                "measures": m,
                "poles": poles,
                "classes": class_of,
                "centredness": centred,
            });
            writeln!(out, "{row}")?;
            continue;
        }
        writeln!(
            out,
            "== {year}: {} units ({})",
            m.n,
            ds.name()
                .map_or_else(|| a.file.display().to_string(), str::to_owned)
        )?;
        writeln!(
            out,
            "HHI {:.4}  effective poles {:.2}  CON {}  leader {} {:.3}  leader/second {}",
            m.hhi,
            m.effective_poles,
            m.con.map_or("undefined".to_owned(), |c| format!("{c:.4}")),
            m.leader,
            m.leader_share,
            m.leader_second_ratio
                .map_or("—".to_owned(), |r| format!("{r:.2}")),
        )?;
        writeln!(
            out,
            "poles ({}, threshold {:.3} = max({} × leader, floor {})): {}",
            poles.polarity,
            poles.threshold,
            poles.relative,
            poles.floor,
            poles
                .poles
                .iter()
                .map(|(u, s)| format!("{u} {} [{}]", fixed(*s, 3), classes.class(u)))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(out, "centred: {}", centred.reason)?;
        let ranked = shares.ranked();
        writeln!(
            out,
            "shares: {}",
            ranked
                .iter()
                .take(8)
                .map(|(u, s)| format!("{u} {s:.3}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(())
}
