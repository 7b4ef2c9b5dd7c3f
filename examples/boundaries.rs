//! Boundaries of security complexes: in a data set's year, or in the world of the
//! Correlates-of-War family over a range of years.
//!
//! ```sh
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013 --json
//! cargo run --release --example boundaries -- --cow ../shared/data/cow --from 1990 --to 2001
//! cargo run --release --example boundaries -- --cow ../shared/data/cow --from 1995 --to 1995 --json
//! ```
//!
//! Calibration: `--cow DIR --compare MAP.csv --calibrate` runs the grid (resolution ×
//! proximity × nonaggression × consultation intensity) on the world 1990–2001 scored on the
//! map with the post-Soviet region left out, per-region recovery shares, an ablation of each
//! rule and a null model (ties rewired, strengths preserved); see docs/world_1990_2001.md.
//!
//! Common options: `--resolution G` (default 1.0; 3.0 for the world, calibrated); `--seed S`;
//! `--method definition|modularity`; `--without primary-share,merge,split,dissolve,global-home`
//! (switch rules off); `--inside-ratio R`; `--member-share S`; `--insulator P,MAX`
//! (default 0.4,0.5; 0.4,0.4 for the world, calibrated); `--dissolve` (world: dissolve
//! the fragments insulators leave, off by calibration);
//! `--proposer modularity|cpm` (the quality function proposing candidates; for `cpm` the
//! resolution is a density, e.g. 0.1); `--placement above-chance|above-expected|largest-share` (where a global power is at
//! home, `GlobalPlacement`); `--sub-resolution G`; world: `--coupling W` (couple each year to the previous year's
//! complexes, damping one-year flips), `--stability` (per year, the units that move under
//! resolution ×0.8/×1.25 or other seeds); `--set-apart A,B` (outside
//! powers to set apart, like superpowers); `--no-preset` (do not apply Buzan & Wæver's
//! post-1990 power classes, applied from 1990 by default); `--json` prints the
//! `BoundaryReport` as JSON (fields as in the README and the `rsct::boundary` docs).
//!
//! Data set: `FILE [--year Y]` (default: the data set's last year); `--no-memberships`
//! (derive no ties from co-membership).
//!
//! World: `--cow DIR --from Y --to Y` reads the COW-family files in `DIR` (ATOP 5.1, MID
//! 5.0, Direct Contiguity, NMC, state list) and prints each year's report — with `--json`,
//! one line citing the data sets and the rules, then one report per line (JSON lines).
//! Ties: any ATOP obligation is amity, MID hostility ≥ `--hostility` (default 3) enmity,
//! the dispute wins; `--proximity W` (default 2, calibrated; 0 turns it off) adds W of
//! interdependence for land contiguity, or up to `--contiguity 1-5` (default 1, land);
//! `--atop-intensity OBLIGATION=W` (repeatable; `defense`, `offense`, `neutrality`,
//! `nonaggression`, `consultation`) sets the amity intensity of an obligation (default 1,
//! nonaggression 0.1 — calibrated;
//! a tie takes the largest of its obligations'); `--members-only` keeps only system members. Power classes come from NMC world CINC
//! shares (superpowers are set apart), with Buzan & Wæver's "1 + 4" from 1990.
//! `--compare MAP.csv` (lines `unit,region`, `#` comments; region `insulator` marks an
//! insulator) prints, per year and on average, the adjusted Rand index of the complexes
//! found against the map's regions (over the map's region members present in the year; a
//! unit in no complex counts as a group of its own) and the map's insulators found — e.g.
//! `tests/data/bw2003_regions.csv`, Buzan & Wæver's post-Cold War map.

use rsct::boundary::{
    BoundaryOptions, FormationRule, GlobalPlacement, InterdependenceOptions, Method, Proposer,
    analyse,
};
mod common;

use rsct::io::cow::{ContiguityType, Obligation};
use rsct::panel::{PactWeight, World, WorldBoundaryOptions, WorldRules};
use rsct::polarity::Classification;
use rsct::{Dataset, DerivationRules, UnitKind};
use std::collections::BTreeMap;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: boundaries DATASET [--year Y] [--no-memberships] [OPTIONS]
       boundaries --cow DIR --from Y --to Y [--proximity W] [--contiguity 1-5] [--hostility H]
                  [--atop-intensity OBLIGATION=W]... [--members-only] [--compare MAP.csv] [OPTIONS]
OPTIONS: --resolution G, --seed S, --set-apart A,B, --no-preset, --json
(the example's documentation explains each option)
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

#[derive(Default)]
struct Args {
    file: Option<String>,
    cow: Option<String>,
    year: Option<i32>,
    from: Option<i32>,
    to: Option<i32>,
    json: bool,
    no_preset: bool,
    no_memberships: bool,
    apart: Vec<String>,
    proximity: Option<f64>,
    contiguity: Option<u8>,
    hostility: Option<u8>,
    members_only: bool,
    compare: Option<String>,
    atop: Vec<(String, f64)>,
    calibrate: bool,
    dissolve: bool,
    coupling: Option<f64>,
    stability: bool,
    pact: Option<PactWeight>,
}

fn main() -> ExitCode {
    common::main(USAGE, |_| run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut a = Args::default();
    let mut opts = BoundaryOptions::new();
    let mut resolution: Option<f64> = None;
    let mut insulator_given = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |n: &str| it.next().ok_or_else(|| format!("{n} needs a value"));
        match arg.as_str() {
            "--year" => a.year = Some(value("--year")?.parse()?),
            "--from" => a.from = Some(value("--from")?.parse()?),
            "--to" => a.to = Some(value("--to")?.parse()?),
            "--cow" => a.cow = Some(value("--cow")?),
            "--resolution" => resolution = Some(value("--resolution")?.parse()?),
            "--seed" => opts = opts.seed(value("--seed")?.parse()?),
            "--sub-resolution" => opts = opts.sub_resolution(value("--sub-resolution")?.parse()?),
            "--inside-ratio" => opts = opts.inside_ratio(value("--inside-ratio")?.parse()?),
            "--member-share" => opts = opts.member_share(value("--member-share")?.parse()?),
            "--insulator" => {
                let v = value("--insulator")?;
                let (p, m) = v.split_once(',').ok_or("--insulator needs P,MAX")?;
                let (p, m) = (p.parse()?, m.parse()?);
                insulator_given = true;
                opts = opts.insulator_participation(p).insulator_max_share(m);
            }
            "--method" => {
                opts = opts.method(match value("--method")?.as_str() {
                    "definition" => Method::Definition,
                    "modularity" => Method::Modularity,
                    m => return Err(format!("unknown method {m}").into()),
                })
            }
            "--without" => {
                for r in value("--without")?.split(',') {
                    opts = opts.without_rule(match r {
                        "primary-share" => FormationRule::PrimaryShare,
                        "merge" => FormationRule::Merge,
                        "split" => FormationRule::Split,
                        "global-home" => FormationRule::GlobalHome,
                        "dissolve" => FormationRule::Dissolve,
                        r => return Err(format!("unknown rule {r}").into()),
                    });
                }
            }
            "--no-preset" => a.no_preset = true,
            "--set-apart" => {
                a.apart = value("--set-apart")?
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            }
            "--no-memberships" => a.no_memberships = true,
            "--proximity" => a.proximity = Some(value("--proximity")?.parse()?),
            "--contiguity" => a.contiguity = Some(value("--contiguity")?.parse()?),
            "--hostility" => a.hostility = Some(value("--hostility")?.parse()?),
            "--members-only" => a.members_only = true,
            "--compare" => a.compare = Some(value("--compare")?),
            "--atop-intensity" => {
                let v = value("--atop-intensity")?;
                let (o, w) = v
                    .split_once('=')
                    .ok_or("--atop-intensity needs OBLIGATION=W")?;
                a.atop.push((o.to_owned(), w.parse()?));
            }
            "--json" => a.json = true,
            "--calibrate" => a.calibrate = true,
            "--dissolve" => a.dissolve = true,
            "--coupling" => a.coupling = Some(value("--coupling")?.parse()?),
            "--stability" => a.stability = true,
            "--proposer" => {
                opts = opts.proposer(match value("--proposer")?.as_str() {
                    "modularity" => Proposer::Modularity,
                    "cpm" => Proposer::ConstantPotts,
                    p => return Err(format!("unknown proposer {p} (modularity, cpm)").into()),
                });
            }
            "--placement" => {
                opts = opts.global_placement(match value("--placement")?.as_str() {
                    "above-chance" => GlobalPlacement::AboveChance,
                    "above-expected" => GlobalPlacement::AboveExpected,
                    "largest-share" => GlobalPlacement::LargestShare,
                    p => {
                        return Err(format!(
                            "unknown placement {p} (above-chance, above-expected, largest-share)"
                        )
                        .into());
                    }
                });
            }
            "--pact" => {
                a.pact = Some(match value("--pact")?.as_str() {
                    "pairwise" => PactWeight::Pairwise,
                    "per-commitment" => PactWeight::PerCommitment,
                    p => {
                        return Err(format!(
                            "unknown pact weighting {p} (pairwise, per-commitment)"
                        )
                        .into());
                    }
                })
            }
            f if !f.starts_with("--") && a.file.is_none() => a.file = Some(f.to_owned()),
            other => return Err(common::unknown(other).into()),
        }
    }
    // World default: the resolution chosen by `--calibrate` on the map without the
    // post-Soviet region (docs/world_1990_2001.md); data sets: the library's default.
    let world_default = if a.cow.is_some() {
        WORLD_RESOLUTION
    } else {
        1.0
    };
    opts = opts.resolution(resolution.unwrap_or(world_default));
    if a.cow.is_some() && !insulator_given {
        opts = opts
            .insulator_participation(WORLD_INSULATOR_PARTICIPATION)
            .insulator_max_share(WORLD_INSULATOR_MAX_SHARE);
    }
    if a.cow.is_some() && !WORLD_DISSOLVE && !a.dissolve {
        opts = opts.without_rule(FormationRule::Dissolve);
    }
    let apart: Vec<&str> = a.apart.iter().map(String::as_str).collect();
    opts = opts.set_apart(&apart);
    if a.calibrate {
        let dir = a.cow.as_deref().ok_or("--calibrate needs --cow DIR")?;
        let map = a
            .compare
            .as_deref()
            .ok_or("--calibrate needs --compare MAP.csv")?;
        return calibrate(dir, map);
    }
    match (&a.file, &a.cow) {
        (Some(file), None) => dataset(file, &a, opts),
        (None, Some(dir)) => world(dir, &a, opts),
        _ => Err(common::Usage("give a data set or --cow DIR, not both".into()).into()),
    }
}

/// The world defaults chosen by `--calibrate` on Buzan & Wæver's map with the post-Soviet
/// region left out (grid and shares in docs/world_1990_2001.md); the library holds the same
/// values as `WorldRules::calibrated()` and `BoundaryOptions::world_calibrated()`.
const WORLD_RESOLUTION: f64 = 3.0;
/// See [`WORLD_RESOLUTION`].
const WORLD_NONAGGRESSION: f64 = 0.1;
/// See [`WORLD_RESOLUTION`]: the intensity of a consultation pact.
const WORLD_CONSULTATION: f64 = 0.25;
/// See [`WORLD_RESOLUTION`]: how a pact of many states weighs on each pairwise tie.
const WORLD_PACT: PactWeight = PactWeight::Pairwise;
/// See [`WORLD_RESOLUTION`]: the weight of land contiguity.
const WORLD_PROXIMITY: f64 = 2.0;
/// See [`WORLD_RESOLUTION`]: whether fragments left by insulators dissolve (off: the
/// ablation scores the world better without; `--dissolve` turns it on).
const WORLD_DISSOLVE: bool = false;
/// See [`WORLD_RESOLUTION`]: an insulator's least participation coefficient.
const WORLD_INSULATOR_PARTICIPATION: f64 = 0.4;
/// See [`WORLD_RESOLUTION`]: the largest share of an insulator's interdependence in one
/// complex.
const WORLD_INSULATOR_MAX_SHARE: f64 = 0.4;

/// A data set's year.
fn dataset(file: &str, a: &Args, mut opts: BoundaryOptions) -> Result<(), Box<dyn Error>> {
    let ds = Dataset::load(file)?;
    let year = a
        .year
        .or(ds.year_span().map(|s| s.1))
        .ok_or("the data set has no dated items")?;
    let rules = if a.no_memberships {
        DerivationRules::new().without_memberships()
    } else {
        DerivationRules::new()
    };
    let g = ds.snapshot(year, &rules)?;
    let caps: BTreeMap<String, f64> = ds
        .capabilities()
        .iter()
        .filter(|c| c.year() == year)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    if !a.no_preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    opts = opts.institutions(&institutions);
    let report = analyse(&g, &caps, &InterdependenceOptions::new(), &opts)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", ds.name().unwrap_or(file));
        print!("{report}");
        println!();
        print!("{}", report.explain());
    }
    Ok(())
}

/// The world of the COW family, year by year.
fn world(dir: &str, a: &Args, opts: BoundaryOptions) -> Result<(), Box<dyn Error>> {
    let w = World::load(dir)?;
    if w.sources().is_empty() {
        return Err(format!("no COW-family file found in {dir}").into());
    }
    let mut rules = WorldRules::new();
    if a.members_only {
        rules = rules.members_only();
    }
    if let Some(h) = a.hostility {
        rules = rules.mid_hostility_at_least(h);
    }
    // Calibrated default (docs/world_1990_2001.md): a nonaggression pact weighs 0.1.
    rules = rules
        .atop_intensity(Obligation::NonAggression, WORLD_NONAGGRESSION)
        .atop_intensity(Obligation::Consultation, WORLD_CONSULTATION);
    rules = rules.pact_weight(a.pact.unwrap_or(WORLD_PACT));
    for (o, w) in &a.atop {
        let o = Obligation::ALL
            .into_iter()
            .find(|x| x.as_str() == o)
            .ok_or_else(|| format!("unknown ATOP obligation {o}"))?;
        rules = rules.atop_intensity(o, *w);
    }
    let weight = a.proximity.unwrap_or(WORLD_PROXIMITY);
    if weight > 0.0 {
        let t = ContiguityType::from_code(a.contiguity.unwrap_or(1))
            .ok_or("--contiguity must be 1 (land) to 5 (400 miles of water)")?;
        rules = rules.contiguity(t, weight);
    }
    let options = WorldBoundaryOptions::new()
        .boundary(opts)
        .buzan_waever_from((!a.no_preset).then_some(1990));
    let (from, to) = match (a.from, a.to, a.year) {
        (Some(f), Some(t), _) => (f, t),
        (Some(f), None, _) => (f, f),
        (None, Some(t), _) => (t, t),
        (None, None, Some(y)) => (y, y),
        (None, None, None) => (1990, 2001),
    };
    if a.json {
        let preamble = serde_json::json!({ "sources": w.sources(), "rules": rules });
        println!("{preamble}");
    } else {
        println!("Data sets (cite them):");
        for s in w.sources() {
            println!("- {} ({}): {}", s.name, s.file, s.cite);
        }
        println!("Rules: {}", serde_json::to_string(&rules)?);
    }
    let map = a.compare.as_deref().map(read_map).transpose()?;
    let mut scores = Vec::new();
    let mut previous: Option<rsct::boundary::BoundaryReport> = None;
    let mut reports = Vec::new();
    // Without coupling each year stands alone: the years are computed in parallel first.
    let mut computed = match a.coupling {
        None => w.boundaries_of_years(from, to, &rules, &options)?,
        Some(_) => Vec::new(),
    }
    .into_iter();
    for year in from..=to {
        let report = match (a.coupling, &previous, computed.next()) {
            (Some(c), Some(prev), _) => {
                let (g, caps) = w.interdependence_and_capabilities(year, &rules)?;
                let o = w.boundary_options(year, &rules, &options)?.coupling(c);
                rsct::boundary::analyse_interdependence_after(year, &g, &caps, &o, prev)?
            }
            (_, _, Some(report)) => report,
            _ => w.boundaries(year, &rules, &options)?,
        };
        if a.stability {
            let moved = movers(&w, year, &rules, &options, &report)?;
            let line = format!(
                "stability {year}: units that move under resolution ×0.8/×1.25 or the other seeds 1–3: {}",
                if moved.is_empty() {
                    "none".to_owned()
                } else {
                    moved.join(" ")
                }
            );
            if a.json {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
        }
        if a.json {
            println!("{}", serde_json::to_string(&report)?);
        } else {
            println!();
            print!("{report}");
            print!("{}", report.explain());
        }
        if let Some(map) = &map {
            let agreement = rsct::boundary::map_agreement(&report, map, &[]);
            let (ari, n, insulators) = (agreement.ari, agreement.units, agreement.insulators_found);
            let line = format!(
                "compare {year}: adjusted Rand index {} over {n} mapped states; map insulators found as insulators: {}",
                ari.map_or("undefined".to_owned(), |x| format!("{x:.3}")),
                if insulators.is_empty() {
                    "none".to_owned()
                } else {
                    insulators.join(" ")
                }
            );
            if a.json {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
            scores.extend(ari);
        }
        reports.push(report.clone());
        previous = Some(report);
    }
    if reports.len() >= 3 {
        let f = rsct::boundary::flips(&reports, 3);
        let line = format!(
            "durability {from}–{to}: {} flip(s), units that left their co-members and were back within three years{}",
            f.len(),
            if f.is_empty() {
                String::new()
            } else {
                ":".to_owned()
            }
        );
        let lines = std::iter::once(line).chain(f.iter().map(|x| format!("  {x}")));
        for l in lines {
            if a.json {
                eprintln!("{l}");
            } else {
                println!("{l}");
            }
        }
    }
    if !scores.is_empty() {
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let line = format!("compare {from}–{to}: mean adjusted Rand index {mean:.3}");
        if a.json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    Ok(())
}

/// A reference map: `unit,region` lines, `#` comments, a header line `unit,region`.
fn read_map(path: &str) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "unit,region" {
            continue;
        }
        let (u, r) = line
            .split_once(',')
            .ok_or_else(|| format!("{path}:{}: expected unit,region", i + 1))?;
        out.push((u.trim().to_owned(), r.trim().to_owned()));
    }
    Ok(out)
}

/// World rules of a grid point: proximity weight, nonaggression and consultation
/// intensities (defence, offence and neutrality stay 1).
fn grid_rules(
    proximity: f64,
    nonaggression: f64,
    consultation: f64,
    pact: PactWeight,
) -> WorldRules {
    let mut rules = WorldRules::new()
        .pact_weight(pact)
        .atop_intensity(Obligation::NonAggression, nonaggression)
        .atop_intensity(Obligation::Consultation, consultation);
    if proximity > 0.0 {
        rules = rules.contiguity(ContiguityType::Land, proximity);
    }
    rules
}

/// (held-out mean ARI, full-map mean ARI, TUR years, AFG years, per-region recovered years).
type Score = (f64, f64, usize, usize, BTreeMap<String, usize>);

/// Mean agreement over 1990–2001: (held-out mean ARI, full-map mean ARI, TUR years, AFG
/// years, per-region recovered year counts).
fn score(
    w: &World,
    rules: &WorldRules,
    options: &WorldBoundaryOptions,
    map: &[(String, String)],
) -> Result<Score, Box<dyn Error>> {
    let (mut held, mut full) = (Vec::new(), Vec::new());
    let (mut tur, mut afg) = (0, 0);
    let mut recovered: BTreeMap<String, usize> = BTreeMap::new();
    // The twelve years in parallel (on every core; the reports are those of one thread).
    for r in w.boundaries_of_years(1990, 2001, rules, options)? {
        let h = rsct::boundary::map_agreement(&r, map, &["post_soviet"]);
        let f = rsct::boundary::map_agreement(&r, map, &[]);
        held.extend(h.ari);
        full.extend(f.ari);
        tur += usize::from(f.insulators_found.iter().any(|u| u == "TUR"));
        afg += usize::from(f.insulators_found.iter().any(|u| u == "AFG"));
        for (region, ok) in f.recovered {
            *recovered.entry(region).or_insert(0) += usize::from(ok);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    Ok((mean(&held), mean(&full), tur, afg, recovered))
}

/// The calibration on the world 1990–2001 against a map, the post-Soviet region held apart:
/// a grid, per-region shares, an ablation of each rule, and a null model.
fn calibrate(dir: &str, map_path: &str) -> Result<(), Box<dyn Error>> {
    let w = World::load(dir)?;
    let map = read_map(map_path)?;
    let gammas = [1.0, 2.0, 3.0, 4.0];
    let proximities = [0.0, 0.5, 1.0, 2.0];
    let nonaggressions = [0.1, 0.3, 1.0];
    let consultations = [0.25, 1.0];
    let pacts = [PactWeight::Pairwise, PactWeight::PerCommitment];
    let pact_name = |p: PactWeight| match p {
        PactWeight::PerCommitment => "per-commitment",
        _ => "pairwise",
    };
    println!(
        "grid: resolution × proximity × nonaggression × consultation × pact weighting, world 1990–2001"
    );
    println!("gamma prox nonagg consult pact heldout_ari full_ari TUR AFG");
    let mut points = Vec::new();
    let mut region_years: BTreeMap<String, usize> = BTreeMap::new();
    for &g in &gammas {
        for &p in &proximities {
            for &na in &nonaggressions {
                for &cs in &consultations {
                    for &pw in &pacts {
                        let rules = grid_rules(p, na, cs, pw);
                        let options = WorldBoundaryOptions::new().boundary(
                            BoundaryOptions::new()
                                .resolution(g)
                                .without_rule(FormationRule::Dissolve),
                        );
                        let (h, f, tur, afg, rec) = score(&w, &rules, &options, &map)?;
                        println!(
                            "{g} {p} {na} {cs} {} {h:.3} {f:.3} {tur} {afg}",
                            pact_name(pw)
                        );
                        for (r, k) in rec {
                            *region_years.entry(r).or_insert(0) += k;
                        }
                        points.push((g, p, na, cs, pw, h, f));
                    }
                }
            }
        }
    }
    let n = points.len();
    println!("\nper region: share of grid points × years recovering it ({n} points × 12 years)");
    for (r, k) in &region_years {
        println!("{r}: {:.2}", *k as f64 / (n * 12) as f64);
    }
    let best = points
        .iter()
        .copied()
        .max_by(|a, b| a.5.total_cmp(&b.5))
        .ok_or("empty grid")?;
    let near = points.iter().filter(|x| x.5 >= best.5 - 0.02).count();
    println!(
        "\nchosen on the held-out map (post-Soviet left out): resolution {} proximity {} nonaggression {} consultation {} pacts {}: held-out {:.3}, full map {:.3}; {near} of {n} grid points within 0.02 of it",
        best.0,
        best.1,
        best.2,
        best.3,
        pact_name(best.4),
        best.5,
        best.6
    );
    for pw in pacts {
        let of: Vec<f64> = points.iter().filter(|x| x.4 == pw).map(|x| x.5).collect();
        println!(
            "pacts {}: mean held-out ARI over its {} grid points {:.3}, best {:.3}",
            pact_name(pw),
            of.len(),
            of.iter().sum::<f64>() / of.len().max(1) as f64,
            of.iter().copied().fold(f64::MIN, f64::max)
        );
    }
    let rules = grid_rules(best.1, best.2, best.3, best.4);
    println!(
        "\ninsulator thresholds at that point: participation max_share heldout_ari full_ari TUR AFG"
    );
    let mut ins_best = (0.4, 0.6, f64::MIN, 0usize);
    for &p in &[0.4, 0.5, 0.6] {
        for &m in &[0.4, 0.5, 0.6] {
            let o = WorldBoundaryOptions::new().boundary(
                BoundaryOptions::new()
                    .resolution(best.0)
                    .insulator_participation(p)
                    .insulator_max_share(m)
                    .without_rule(FormationRule::Dissolve),
            );
            let (h, f, tur, afg, _) = score(&w, &rules, &o, &map)?;
            println!("{p} {m} {h:.3} {f:.3} {tur} {afg}");
            if h > ins_best.2 + 1e-9 || ((h - ins_best.2).abs() <= 1e-9 && tur + afg > ins_best.3) {
                ins_best = (p, m, h, tur + afg);
            }
        }
    }
    println!(
        "chosen insulator thresholds: participation {} max_share {}",
        ins_best.0, ins_best.1
    );
    let with = BoundaryOptions::new()
        .resolution(best.0)
        .insulator_participation(ins_best.0)
        .insulator_max_share(ins_best.1);
    let without = with.clone().without_rule(FormationRule::Dissolve);
    let (h_with, ..) = score(
        &w,
        &rules,
        &WorldBoundaryOptions::new().boundary(with.clone()),
        &map,
    )?;
    let (h_without, ..) = score(
        &w,
        &rules,
        &WorldBoundaryOptions::new().boundary(without.clone()),
        &map,
    )?;
    println!(
        "dissolving the fragments insulators leave: held-out {h_with:.3} with, {h_without:.3} without; chosen: {}",
        if h_with >= h_without {
            "with"
        } else {
            "without"
        }
    );
    let base = if h_with >= h_without { with } else { without };
    println!("\nablation at the chosen point: heldout_ari full_ari TUR AFG");
    let variants: Vec<(&str, BoundaryOptions, WorldRules)> = vec![
        ("all rules", base.clone(), rules.clone()),
        (
            "without primary share",
            base.clone().without_rule(FormationRule::PrimaryShare),
            rules.clone(),
        ),
        (
            "without merge",
            base.clone().without_rule(FormationRule::Merge),
            rules.clone(),
        ),
        (
            "without split",
            base.clone().without_rule(FormationRule::Split),
            rules.clone(),
        ),
        (
            "without dissolving insulators' fragments",
            base.clone().without_rule(FormationRule::Dissolve),
            rules.clone(),
        ),
        (
            "with dissolving insulators' fragments",
            BoundaryOptions::new()
                .resolution(best.0)
                .insulator_participation(ins_best.0)
                .insulator_max_share(ins_best.1),
            rules.clone(),
        ),
        (
            "global powers placed above the expected at the proposer's resolution",
            base.clone()
                .global_placement(GlobalPlacement::AboveExpected),
            rules.clone(),
        ),
        (
            "global powers placed by their largest share",
            base.clone().global_placement(GlobalPlacement::LargestShare),
            rules.clone(),
        ),
        (
            "global powers set apart",
            base.clone().without_rule(FormationRule::GlobalHome),
            rules.clone(),
        ),
        (
            "no insulators",
            base.clone()
                .insulator_participation(1.0)
                .insulator_max_share(0.0),
            rules.clone(),
        ),
        (
            "no proximity",
            base.clone(),
            grid_rules(0.0, best.2, best.3, best.4),
        ),
        (
            "modularity only",
            base.clone().method(Method::Modularity),
            rules.clone(),
        ),
    ];
    for (name, o, r) in variants {
        let (h, f, tur, afg, _) = score(&w, &r, &WorldBoundaryOptions::new().boundary(o), &map)?;
        println!("{name}: {h:.3} {f:.3} {tur} {afg}");
    }
    // The constant Potts model as the proposer (its γ a density in units of
    // interdependence, for candidates and sub-complexes alike), at the chosen point otherwise.
    println!("\nconstant Potts proposer at the chosen point: gamma heldout_ari full_ari TUR AFG");
    for gamma in [0.05, 0.1, 0.2, 0.3, 0.5, 1.0] {
        let o = base
            .clone()
            .proposer(Proposer::ConstantPotts)
            .resolution(gamma)
            .sub_resolution(gamma);
        let (h, f, tur, afg, _) =
            score(&w, &rules, &WorldBoundaryOptions::new().boundary(o), &map)?;
        println!("{gamma}: {h:.3} {f:.3} {tur} {afg}");
    }
    println!(
        "\nnull model at the chosen point (ties rewired among ties of equal weight, strengths preserved):"
    );
    let options = WorldBoundaryOptions::new().boundary(base);
    for seed in 0..5u64 {
        let mut scores = Vec::new();
        for year in 1990..=2001 {
            let (g, caps) = w.interdependence_and_capabilities(year, &rules)?;
            let rewired = rewire(&g, seed * 1000 + year as u64)?;
            let o = w.boundary_options(year, &rules, &options)?;
            let r = rsct::boundary::analyse_interdependence(year, &rewired, &caps, &o)?;
            scores.extend(rsct::boundary::map_agreement(&r, &map, &["post_soviet"]).ari);
        }
        let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
        println!("seed {seed}: held-out mean ARI {mean:.3}");
    }
    Ok(())
}

/// Degree-preserving rewiring (Maslov & Sneppen 2002) among pairs of equal total weight, so
/// that every unit keeps its strength: 10 × m attempted swaps (a, b), (c, d) → (a, d), (c, b).
fn rewire(
    g: &rsct::boundary::InterdependenceGraph,
    seed: u64,
) -> Result<rsct::boundary::InterdependenceGraph, Box<dyn Error>> {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut pairs: Vec<(usize, usize, rsct::boundary::Interdependence)> = g.pairs().to_vec();
    let mut present: std::collections::BTreeSet<(usize, usize)> =
        pairs.iter().map(|p| (p.0, p.1)).collect();
    let m = pairs.len();
    for _ in 0..10 * m {
        let (x, y) = ((next() % m as u64) as usize, (next() % m as u64) as usize);
        let (a, b, wx) = pairs[x];
        let (c, d, wy) = pairs[y];
        if x == y || (wx.total() - wy.total()).abs() > 1e-12 {
            continue;
        }
        let (e1, e2) = ((a.min(d), a.max(d)), (c.min(b), c.max(b)));
        if a == d || c == b || e1 == e2 || present.contains(&e1) || present.contains(&e2) {
            continue;
        }
        present.remove(&(a, b));
        present.remove(&(c, d));
        present.insert(e1);
        present.insert(e2);
        pairs[x] = (e1.0, e1.1, wx);
        pairs[y] = (e2.0, e2.1, wy);
    }
    let units = g
        .units()
        .iter()
        .map(|u| (u.clone(), UnitKind::State))
        .collect();
    Ok(rsct::boundary::InterdependenceGraph::from_pairs(
        units, pairs,
    )?)
}

/// Units whose complex shares less than half its members (Jaccard < 1/2) with their complex
/// in a run with the resolution ×0.8 or ×1.25, or with seeds 1–3: the units that would move
/// under small parameter changes.
fn movers(
    w: &World,
    year: i32,
    rules: &WorldRules,
    options: &WorldBoundaryOptions,
    report: &rsct::boundary::BoundaryReport,
) -> Result<Vec<String>, Box<dyn Error>> {
    let base = w.boundary_options(year, rules, options)?;
    let (g, caps) = w.interdependence_and_capabilities(year, rules)?;
    let gamma = base.get_resolution();
    let variants = [
        base.clone().resolution(gamma * 0.8),
        base.clone().resolution(gamma * 1.25),
        base.clone().seed(1),
        base.clone().seed(2),
        base.clone().seed(3),
    ];
    let mates = |r: &rsct::boundary::BoundaryReport, u: &str| -> Vec<String> {
        r.complexes
            .iter()
            .find(|c| c.members.iter().any(|m| m == u))
            .map(|c| c.members.clone())
            .unwrap_or_default()
    };
    let mut moved = std::collections::BTreeSet::new();
    for o in variants {
        let r = rsct::boundary::analyse_interdependence(year, &g, &caps, &o)?;
        for u in g.units() {
            let (a, b) = (mates(report, u), mates(&r, u));
            let common = a.iter().filter(|x| b.contains(x)).count();
            let union = a.len() + b.len() - common;
            // Moves: its complex shares less than half its members with the variant's.
            if union > 0 && 2 * common < union {
                moved.insert(u.to_owned());
            }
        }
    }
    Ok(moved.into_iter().collect())
}
