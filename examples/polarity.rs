//! Polarity of a unit set from a data set's capability observations.
//!
//! ```sh
//! cargo run --release --example polarity -- data/post_soviet.toml --year 2013 \
//!     --units RUS,BLR,UKR,MDA,ARM,AZE,GEO,KAZ,KGZ,TJK,TKM,UZB
//! cargo run --release --example polarity -- data/post_soviet.toml --from 1991 --to 2013 --json
//! ```
//!
//! Options: `--year Y` or `--from Y --to Y` (default: the data set's last capability year);
//! `--units A,B,…` (default: every state unit that exists in the year); `--missing
//! error|carry|zero` (default error); `--relative F` and `--floor F` (pole rule, default 0.5
//! and 0.05); `--no-preset` to drop Buzan & Wæver's post-1990 "1 + 4" classification (applied
//! by default from 1990 on); `--json` for one JSON object per year.
//!
//! Power classes are computed from the shares among *all* state units of the data set in
//! that year (a stand-in for the world when the data set is regional) and overridden by the
//! preset.

mod common;

use rsct::polarity::{
    Classification, MissingPolicy, PoleRule, PowerClassRules, capability_shares, centredness,
    classify_powers, identify_poles, measures,
};
use rsct::report::fixed;
use rsct::{Dataset, UnitKind, Year};
use std::collections::BTreeSet;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: polarity DATASET [--year Y | --from Y --to Y] [--units A,B,…] [--missing error|carry|zero]
                [--relative F] [--floor F] [--no-preset] [--json]
  DATASET           a data set (.toml or .json) with capability observations
  --year Y          one year; --from Y --to Y a range (default: the last capability year)
  --units A,B       the unit set (default: every state unit that exists in the year)
  --missing POLICY  a unit without an observation: error (default), carry or zero
  --relative F      a pole needs F × the leader's share (default 0.5)
  --floor F         and at least this share (default 0.05)
  --no-preset       no Buzan & Wæver post-1990 power classes (applied from 1990 by default)
  --json            one JSON object per year
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

struct Args {
    file: String,
    from: Option<Year>,
    to: Option<Year>,
    units: Option<Vec<String>>,
    missing: MissingPolicy,
    rule: PoleRule,
    preset: bool,
    json: bool,
}

fn parse(mut it: common::Args) -> Result<Args, common::Usage> {
    let mut a = Args {
        file: String::new(),
        from: None,
        to: None,
        units: None,
        missing: MissingPolicy::Error,
        rule: PoleRule::new(),
        preset: true,
        json: false,
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--year" => {
                let y = it.value("--year")?;
                a.from = Some(y);
                a.to = Some(y);
            }
            "--from" => a.from = Some(it.value("--from")?),
            "--to" => a.to = Some(it.value("--to")?),
            "--units" => a.units = Some(it.list("--units")?),
            "--missing" => {
                a.missing = match it.text("--missing")?.as_str() {
                    "error" => MissingPolicy::Error,
                    "carry" => MissingPolicy::CarryForward,
                    "zero" => MissingPolicy::Zero,
                    other => {
                        return Err(common::Usage(format!(
                            "--missing {other}: use error, carry or zero"
                        )));
                    }
                }
            }
            "--relative" => a.rule = a.rule.relative(it.value("--relative")?),
            "--floor" => a.rule = a.rule.floor(it.value("--floor")?),
            "--no-preset" => a.preset = false,
            "--json" => a.json = true,
            f if !f.starts_with('-') && a.file.is_empty() => a.file = f.to_owned(),
            other => return Err(common::unknown(other)),
        }
    }
    if a.file.is_empty() {
        return Err(common::Usage("no data set given".into()));
    }
    Ok(a)
}

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let args = parse(args)?;
    let ds = Dataset::load(&args.file)?;
    let last = ds
        .capabilities()
        .iter()
        .map(|c| c.year())
        .max()
        .ok_or("the data set has no capability observations")?;
    let (from, to) = (
        args.from.unwrap_or(last),
        args.to.unwrap_or(args.from.unwrap_or(last)),
    );
    for year in from..=to {
        let states: Vec<&str> = ds
            .units()
            .iter()
            .filter(|u| u.kind() == UnitKind::State && u.exists_in(year))
            .map(|u| u.id())
            .collect();
        let units: Vec<&str> = match &args.units {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => states.clone(),
        };
        let shares = capability_shares(&ds, &units, year, args.missing)?;
        let m = measures(&shares);
        let poles = identify_poles(&shares, &args.rule)?;
        let world = capability_shares(&ds, &states, year, MissingPolicy::Zero)?;
        let mut classes = classify_powers(&world, &PowerClassRules::new())?;
        if args.preset && year >= 1990 {
            classes = classes.with_overrides_of(&Classification::buzan_waever_post_1990());
        }
        let institutions: BTreeSet<String> = ds
            .units()
            .iter()
            .filter(|u| u.kind() == UnitKind::Institution)
            .map(|u| u.id().to_owned())
            .collect();
        let centred = centredness(&poles, &classes, &institutions);
        if args.json {
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
            println!("{row}");
            continue;
        }
        println!(
            "== {year}: {} units ({})",
            m.n,
            ds.name().unwrap_or(&args.file)
        );
        println!(
            "HHI {:.4}  effective poles {:.2}  CON {}  leader {} {:.3}  leader/second {}",
            m.hhi,
            m.effective_poles,
            m.con.map_or("undefined".to_owned(), |c| format!("{c:.4}")),
            m.leader,
            m.leader_share,
            m.leader_second_ratio
                .map_or("—".to_owned(), |r| format!("{r:.2}")),
        );
        println!(
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
        );
        println!("centred: {}", centred.reason);
        let ranked = shares.ranked();
        println!(
            "shares: {}",
            ranked
                .iter()
                .take(8)
                .map(|(u, s)| format!("{u} {s:.3}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}
