//! The thesis's research questions, answered from the data: for each year, Russia's ties to
//! Armenia and to Belarus decomposed by instrument (bilateral, or through which
//! organisation), the other players' ties to both (USA, EU, Iran, Turkey, Azerbaijan, and
//! NATO partnerships), and which instruments carry more weight.
//!
//! ```sh
//! cargo run --release --example armenia_belarus
//! cargo run --release --example armenia_belarus -- --from 2000 --to 2013 --json
//! ```
//!
//! Data: `rsct::datasets::post_soviet()` (the thesis, cited by section and footnote). Ties
//! from shared membership of collective-defence organisations (CST/CSTO) are derived by the
//! default rules (amity 0.5) and shown as "via ORG (co-membership)".

mod common;

use rsct::datasets::post_soviet;
use rsct::report::{percent, signed};
use rsct::{DerivationRules, Instrument, Provenance, Role};
use std::collections::BTreeMap;
use std::error::Error;
use std::process::ExitCode;

const PLAYERS: [&str; 6] = ["RUS", "USA", "EU", "IRN", "TUR", "AZE"];
const NATO_PROGRAMMES: [&str; 4] = ["NATO", "PFP", "IPAP", "NACC"];

#[derive(serde::Serialize)]
struct Row {
    year: i32,
    unit: &'static str,
    /// Russia's tie by instrument: bilateral, "via ORG" or "via ORG (co-membership)".
    russia_by_instrument: BTreeMap<String, f64>,
    russia_net: f64,
    /// Net tie with each other player (absent: no tie).
    others: BTreeMap<&'static str, f64>,
    /// NATO programmes the unit takes part in, with its role.
    nato: Vec<String>,
}

const USAGE: &str = "usage: armenia_belarus [--from YEAR] [--to YEAR] [--json]
  --from YEAR, --to YEAR  the years (default 1991–2013)
  --json                  the rows and totals as one JSON object
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let (mut from, mut to, mut json) = (1991, 2013, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--from" => from = args.value("--from")?,
            "--to" => to = args.value("--to")?,
            "--json" => json = true,
            other => return Err(common::unknown(other).into()),
        }
    }
    let ds = post_soviet()?;
    let mut rows = Vec::new();
    let mut totals: BTreeMap<(&str, String), f64> = BTreeMap::new();
    for year in from..=to {
        let g = ds.snapshot(year, &DerivationRules::new())?;
        for unit in ["ARM", "BLR"] {
            let mut by: BTreeMap<String, f64> = BTreeMap::new();
            let mut net = 0.0;
            if let Some(t) = g.tie("RUS", unit) {
                net = t.net();
                for c in t.contributions() {
                    let key = match (c.instrument(), c.provenance()) {
                        (Instrument::Bilateral, _) => "bilateral".to_owned(),
                        (Instrument::Organisation(o), Provenance::Membership { .. }) => {
                            format!("via {o} (co-membership)")
                        }
                        (Instrument::Organisation(o), _) => format!("via {o}"),
                    };
                    *by.entry(key.clone()).or_default() += c.signed_intensity();
                    let family = if key == "bilateral" {
                        "bilateral"
                    } else {
                        "multilateral"
                    };
                    *totals.entry((unit, family.to_owned())).or_default() += c.intensity();
                }
            }
            let others = PLAYERS[1..]
                .iter()
                .filter_map(|p| g.tie(p, unit).map(|t| (*p, t.net())))
                .collect();
            let nato = ds
                .memberships()
                .iter()
                .filter(|m| {
                    m.unit() == unit
                        && m.period().contains(year)
                        && NATO_PROGRAMMES.contains(&m.organisation())
                })
                .map(|m| {
                    format!(
                        "{}{}",
                        m.organisation(),
                        if m.role() == Role::Member {
                            ""
                        } else {
                            " (partner)"
                        }
                    )
                })
                .collect();
            rows.push(Row {
                year,
                unit,
                russia_by_instrument: by,
                russia_net: net,
                others,
                nato,
            });
        }
    }
    let share = |unit: &str| {
        let b = totals
            .get(&(unit, "bilateral".to_owned()))
            .copied()
            .unwrap_or(0.0);
        let m = totals
            .get(&(unit, "multilateral".to_owned()))
            .copied()
            .unwrap_or(0.0);
        if b + m > 0.0 { b / (b + m) } else { 0.0 }
    };
    if json {
        let out = serde_json::json!({
            "from": from, "to": to,
            "data": "rsct::datasets::post_soviet() — thesis (shared/seed)",
            "rows": rows,
            "bilateral_share_of_russias_ties": {"ARM": share("ARM"), "BLR": share("BLR")},
        });
        println!("{out}");
        return Ok(());
    }
    println!("Russia's instruments toward Armenia and Belarus, {from}–{to} (net signed intensity)");
    println!(
        "{:<6}{:<5}{:>7}  {:<60} others (USA EU IRN TUR AZE) · NATO",
        "year", "unit", "RUS", "by instrument"
    );
    for r in &rows {
        let by: Vec<String> = r
            .russia_by_instrument
            .iter()
            .map(|(k, v)| format!("{k} {}", signed(*v, 1)))
            .collect();
        let others: Vec<String> = r
            .others
            .iter()
            .map(|(k, v)| format!("{k} {}", signed(*v, 1)))
            .collect();
        println!(
            "{:<6}{:<5}{:>7}  {:<60} {}{}",
            r.year,
            r.unit,
            signed(r.russia_net, 2),
            by.join(", "),
            others.join(" "),
            if r.nato.is_empty() {
                String::new()
            } else {
                format!(" · {}", r.nato.join(", "))
            }
        );
    }
    println!();
    for unit in ["ARM", "BLR"] {
        println!(
            "{unit}: bilateral instruments carry {} of the intensity of Russia's ties over {from}–{to} (multilateral {})",
            percent(share(unit), 0),
            percent(1.0 - share(unit), 0)
        );
    }
    println!(
        "(The thesis concludes that bilateral instruments worked better than multilateral ones.)"
    );
    Ok(())
}
