//! `rsct boundaries`: security complexes of a data set's year, or of the world of the
//! Correlates-of-War family year by year — scored against a reference map, calibrated on it.
//!
//! ```text
//! rsct boundaries data/post_soviet.toml --year 2013
//! rsct boundaries --cow ../shared/data/cow --from 1990 --to 2001 --compare tests/data/bw2003_regions.csv
//! rsct boundaries --cow ../shared/data/cow --compare tests/data/bw2003_regions.csv --calibrate
//! ```
//!
//! World: `--cow DIR` reads the COW-family files in `DIR` (ATOP 5.1, MID 5.0, Direct
//! Contiguity, NMC, state list; or an extract such as `data/world_1991_2013`) and prints each
//! year's report — with `--format json`, one line citing the data sets and the rules, then one
//! report per line. Ties: any ATOP obligation is amity, MID hostility ≥ `--hostility`
//! (default 3) enmity, the dispute wins; `--proximity W` adds W of interdependence for land
//! contiguity (or up to `--contiguity 1-5`); `--atop-intensity OBLIGATION=W` sets the amity
//! of an obligation. Power classes come from NMC world CINC shares (superpowers are set
//! apart), with Buzan & Wæver's "1 + 4" from 1990. The world defaults (resolution 7,
//! insulators 0.5/0.6, neutrality 0.25, nonaggression 0.03, consultation 0.0625, contiguity
//! by land or up to 150 miles of water at 1.5, a span's years coupled at 8 with global
//! powers' homes chosen year by year) are those `--calibrate` chose on
//! Buzan & Wæver's map with the post-Soviet region left out (`docs/world_1990_2001.md`).
//!
//! `--compare MAP.csv` (lines `unit,region`, `#` comments; region `insulator` marks an
//! insulator) prints, per year and on average, the adjusted Rand index of the complexes found
//! against the map's regions (and with the map's insulators scored too, each a group of its
//! own) and the map's insulators found. `--calibrate` runs the grid
//! (resolution × contiguity type × proximity × neutrality × nonaggression × consultation,
//! each point the span detected together) scored on the map with the post-Soviet region left
//! out and its insulators scored, the best ten again over seeds, each of them carried through the formation stages
//! (insulator thresholds, fragments, the coupling — with global powers' homes chosen year
//! by year or over the span — that leaves no flip unexplained, the split rule) and the
//! best of those in its final configuration chosen, then per-region recovery shares, an ablation of each rule, the
//! constant Potts proposer and a null model (ties rewired, strengths preserved). With
//! `--with RULE` or `--without RULE` the whole calibration runs as if the rule's default
//! were the other way (the calibration's rule for a rule compares that run with the run at
//! the rules as shipped): `--calibrate --with durable-absence`.

use crate::Format;
use crate::input::{self, Result};
use rsct::boundary::{
    BoundaryOptions, FormationRule, GlobalPlacement, InterdependenceOptions, Method, Proposer,
    analyse,
};
use rsct::io::cow::{ContiguityType, Obligation};
use rsct::panel::{PactWeight, World, WorldBoundaryOptions, WorldRules};
use rsct::polarity::Classification;
use rsct::{DerivationRules, UnitKind, Year};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Options of the boundary detection, shared by `rsct boundaries` and `rsct draw`.
#[derive(clap::Args)]
pub struct Options {
    /// Units set apart entirely, like superpowers (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub set_apart: Vec<String>,
    /// Derive no ties from co-membership of organisations (data sets).
    #[arg(long)]
    pub no_memberships: bool,
    /// Do not apply Buzan & Wæver's post-1990 "1 + 4" power classes.
    #[arg(long)]
    pub no_preset: bool,
    /// Seed of the community search (default: the library's, 7).
    #[arg(long)]
    pub seed: Option<u64>,
}

/// The detection method.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum MethodArg {
    /// Buzan & Wæver's definition: complexes where members' interdependence lies.
    Definition,
    /// Modularity's communities, vetoed by the qualification test.
    Modularity,
}

/// A formation rule to switch off.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RuleArg {
    /// Each unit joins the complex holding the largest share of its interdependence.
    PrimaryShare,
    /// Candidates whose members' interdependence lies mostly across them merge.
    Merge,
    /// A complex splits only where every part is markedly more intense inside.
    Split,
    /// Fragments left by insulators dissolve.
    Dissolve,
    /// A global power is placed in the complex of its own region.
    GlobalHome,
    /// A unit without the required share of its interdependence inside leaves its complex.
    MemberShare,
    /// Over a span, a global power's home is chosen over the span, not year by year.
    SpanHome,
    /// Over a span, a unit's place (complex or insulator's role) holds unless it changes for three years or more
    DurablePlaces,
    /// With durable places, a unit in no complex around a year or two in one is held out of it (off by default)
    DurableAbsence,
    /// A unit left in no complex joins the complex holding at least the member share of its interdependence (off by default)
    Readmission,
    /// A unit whose complex qualifies with it and not without it is its member, never an insulator (off by default)
    BindingMember,
}

/// The proposer's quality function.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ProposerArg {
    /// Modularity (the resolution is γ).
    Modularity,
    /// The constant Potts model (the resolution is a density, e.g. 0.1).
    Cpm,
}

/// Where a global power is at home.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PlacementArg {
    /// In a complex holding more of its interdependence than chance would.
    AboveChance,
    /// In a complex holding more than the configuration model expects.
    AboveExpected,
    /// In the complex holding its largest share.
    LargestShare,
}

/// How a pact of many states weighs on each pairwise tie.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PactArg {
    /// Every pair of members gets the pact's full intensity.
    Pairwise,
    /// Each member's commitment is shared among its partners (1/(N−1)).
    PerCommitment,
}

/// Arguments of `rsct boundaries`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json); or give --cow DIR for the world.
    #[arg(required_unless_present = "cow", conflicts_with = "cow")]
    pub file: Option<PathBuf>,
    /// The world: a folder of COW-family files (or an extract).
    #[arg(long)]
    pub cow: Option<PathBuf>,
    /// The year (data set: default its last year; world: one year).
    #[arg(long)]
    pub year: Option<Year>,
    /// The world's first year (default 1990).
    #[arg(long, conflicts_with = "file")]
    pub from: Option<Year>,
    /// The world's last year (default: --from, or 2001).
    #[arg(long, conflicts_with = "file")]
    pub to: Option<Year>,
    /// Options shared with `rsct draw`.
    #[command(flatten)]
    pub options: Options,
    /// Modularity resolution (default 1; world 7, calibrated).
    #[arg(long)]
    pub resolution: Option<f64>,
    /// The detection method.
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    /// Formation rules to switch off (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub without: Vec<RuleArg>,
    /// Formation rules to switch on that the defaults leave off (comma-separated; the
    /// world's calibrated options leave dissolve and span-home off)
    #[arg(long, value_enum, value_delimiter = ',')]
    pub with: Vec<RuleArg>,
    /// The weak test's ratio of internal to external interdependence (default 1).
    #[arg(long)]
    pub inside_ratio: Option<f64>,
    /// The least internal share of each member's interdependence (default 0.3).
    #[arg(long)]
    pub member_share: Option<f64>,
    /// The least share of a unit's interdependence each of two rivals must hold for it to
    /// be their hedging state (default 0.1).
    #[arg(long)]
    pub hedging_share: Option<f64>,
    /// An insulator's least participation and largest share in one complex, `P,MAX`
    /// (default 0.4,0.5; world 0.5,0.6, calibrated).
    #[arg(long, value_parser = pair, value_name = "P,MAX")]
    pub insulator: Option<(f64, f64)>,
    /// The proposer's quality function.
    #[arg(long, value_enum)]
    pub proposer: Option<ProposerArg>,
    /// Where a global power is at home.
    #[arg(long, value_enum)]
    pub placement: Option<PlacementArg>,
    /// The proposer's resolution inside a complex, for sub-complexes.
    #[arg(long)]
    pub sub_resolution: Option<f64>,
    /// World: the weight of contiguity in interdependence (default 1.5, calibrated; 0: none).
    #[arg(long, conflicts_with = "file")]
    pub proximity: Option<f64>,
    /// World: distance decay δ in (0, 1] — a tie between states k border steps apart (land
    /// or up to 400 miles of water) weighs δ^(min(k, 3) − 1)
    #[arg(long, conflicts_with = "file")]
    pub decay: Option<f64>,
    /// World: contiguity counted, 1 (land) to 5 (400 miles of water); default 4 (150 miles of
    /// water), calibrated.
    #[arg(long, conflicts_with = "file")]
    pub contiguity: Option<u8>,
    /// World: the least MID hostility level that makes enmity (default 3).
    #[arg(long, conflicts_with = "file")]
    pub hostility: Option<u8>,
    /// World: the enmity intensity of an active strategic rivalry (Thompson, Sakuwa &
    /// Suhas 2021), in (0, 1]; where a dyad also has a dispute the larger is kept
    /// (default: the calibrated rules').
    #[arg(long, conflicts_with = "file")]
    pub rivalry: Option<f64>,
    /// World: the amity of an ATOP obligation, `OBLIGATION=W` (defense, offense, neutrality,
    /// nonaggression, consultation); repeatable.
    #[arg(long, conflicts_with = "file", value_parser = obligation_weight, value_name = "OBLIGATION=W")]
    pub atop_intensity: Vec<(String, f64)>,
    /// World: only members of the state system.
    #[arg(long, conflicts_with = "file")]
    pub members_only: bool,
    /// World: how a pact of many states weighs on each pairwise tie (default pairwise).
    #[arg(long, value_enum, conflicts_with = "file")]
    pub pact: Option<PactArg>,
    /// World: pairwise up to C partners, then one commitment of C partners per member — a
    /// pact's dyad weighs min(1, C/(N−1)) (overrides --pact)
    #[arg(long, value_name = "C", conflicts_with = "file")]
    pub pact_cap: Option<u16>,
    /// World: score each year against a reference map (`unit,region` lines).
    #[arg(long, conflicts_with = "file")]
    pub compare: Option<PathBuf>,
    /// World: run the calibration grid against --compare's map (with --with or --without,
    /// as if those rules were the library's defaults).
    #[arg(long, requires = "compare")]
    pub calibrate: bool,
    /// World: dissolve the fragments insulators leave (off by calibration).
    #[arg(long, conflicts_with = "file")]
    pub dissolve: bool,
    /// World: couple each year to the previous year's complexes with this weight.
    #[arg(long, conflicts_with = "file")]
    pub coupling: Option<f64>,
    /// World: propose the span's candidates together by multislice modularity, a unit's
    /// consecutive years coupled with this weight (Mucha et al. 2010).
    #[arg(long, conflicts_with_all = ["file", "coupling"])]
    pub interslice: Option<f64>,
    /// World: per year, the units that move under resolution ×0.8/×1.25 or other seeds.
    #[arg(long, conflicts_with = "file")]
    pub stability: bool,
    /// Output format (json: the report; for the world, JSON lines).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Two numbers `P,MAX`.
fn pair(s: &str) -> std::result::Result<(f64, f64), String> {
    let (p, m) = s.split_once(',').ok_or("two numbers P,MAX, e.g. 0.4,0.5")?;
    let num = |x: &str| x.trim().parse::<f64>().map_err(|e| format!("{x}: {e}"));
    Ok((num(p)?, num(m)?))
}

/// `OBLIGATION=W` with a known ATOP obligation.
fn obligation_weight(s: &str) -> std::result::Result<(String, f64), String> {
    let (o, w) = s
        .split_once('=')
        .ok_or("OBLIGATION=W, e.g. nonaggression=0.1")?;
    if !Obligation::ALL.iter().any(|x| x.as_str() == o) {
        let known: Vec<&str> = Obligation::ALL.iter().map(|x| x.as_str()).collect();
        return Err(format!("unknown obligation {o} ({})", known.join(", ")));
    }
    let w = w.trim().parse::<f64>().map_err(|e| format!("{w}: {e}"))?;
    Ok((o.to_owned(), w))
}

/// What the world's functions read of the command line.
struct Settings {
    year: Option<Year>,
    from: Option<Year>,
    to: Option<Year>,
    json: bool,
    no_preset: bool,
    proximity: Option<f64>,
    decay: Option<f64>,
    contiguity: Option<u8>,
    hostility: Option<u8>,
    rivalry: Option<f64>,
    members_only: bool,
    compare: Option<String>,
    atop: Vec<(String, f64)>,
    coupling: Option<f64>,
    stability: bool,
    pact: Option<PactWeight>,
}

/// The boundary report of a data set's year: `opts` (the library's defaults for `rsct draw`)
/// with the command's shared options.
pub fn report(
    ds: &rsct::Dataset,
    file: &std::path::Path,
    year: Year,
    options: &Options,
    mut opts: BoundaryOptions,
) -> Result<rsct::boundary::BoundaryReport> {
    for u in &options.set_apart {
        if ds.unit(u).is_none() {
            return Err(format!("--set-apart: no unit {u} in {}", file.display()).into());
        }
    }
    let rules = if options.no_memberships {
        DerivationRules::new().without_memberships()
    } else {
        DerivationRules::new()
    };
    let g = ds.snapshot(year, &rules)?;
    // The snapshot carries the year's capabilities, power classes and institutions, which
    // `analyse` uses.
    opts = opts.set_apart(&options.set_apart);
    if let Some(seed) = options.seed {
        opts = opts.seed(seed);
    }
    if !options.no_preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    Ok(analyse(
        &g,
        g.capabilities(),
        &InterdependenceOptions::new(),
        &opts,
    )?)
}

/// The detection options of the command line over the library's defaults (the world's
/// calibrated ones with --cow).
fn detection(a: &Args) -> Result<BoundaryOptions> {
    let world = a.cow.is_some();
    // The world starts from the library's calibrated options (docs/world_1990_2001.md).
    let mut o = if world {
        BoundaryOptions::world_calibrated()
    } else {
        BoundaryOptions::new()
    };
    if let Some(r) = a.resolution {
        o = o.resolution(r);
    }
    if let Some(m) = a.method {
        o = o.method(match m {
            MethodArg::Definition => Method::Definition,
            MethodArg::Modularity => Method::Modularity,
        });
    }
    for r in &a.without {
        o = o.without_rule(rule_of(*r));
    }
    if let Some(r) = a.inside_ratio {
        o = o.inside_ratio(r);
    }
    if let Some(s) = a.member_share {
        o = o.member_share(s);
    }
    if let Some(s) = a.hedging_share {
        o = o.hedging_share(s);
    }
    for r in &a.with {
        o = o.with_rule(rule_of(*r));
    }
    if let Some((p, m)) = a.insulator {
        o = o.insulator_participation(p).insulator_max_share(m);
    }
    if a.dissolve {
        o = o.with_rule(FormationRule::Dissolve);
    }
    match (a.interslice, a.coupling.is_some()) {
        (Some(w), _) => o = o.interslice(w),
        // Coupling to the previous year replaces the span's multislice coupling.
        (None, true) => o = o.interslice(0.0),
        (None, false) => {}
    }
    if let Some(p) = a.proposer {
        o = o.proposer(match p {
            ProposerArg::Modularity => Proposer::Modularity,
            ProposerArg::Cpm => Proposer::ConstantPotts,
        });
    }
    if let Some(p) = a.placement {
        o = o.global_placement(match p {
            PlacementArg::AboveChance => GlobalPlacement::AboveChance,
            PlacementArg::AboveExpected => GlobalPlacement::AboveExpected,
            PlacementArg::LargestShare => GlobalPlacement::LargestShare,
        });
    }
    if let Some(g) = a.sub_resolution {
        o = o.sub_resolution(g);
    }
    Ok(o)
}

/// The library's formation rule of a command-line rule.
fn rule_of(r: RuleArg) -> FormationRule {
    match r {
        RuleArg::PrimaryShare => FormationRule::PrimaryShare,
        RuleArg::Merge => FormationRule::Merge,
        RuleArg::Split => FormationRule::Split,
        RuleArg::Dissolve => FormationRule::Dissolve,
        RuleArg::GlobalHome => FormationRule::GlobalHome,
        RuleArg::MemberShare => FormationRule::MemberShare,
        RuleArg::SpanHome => FormationRule::SpanHome,
        RuleArg::DurablePlaces => FormationRule::DurablePlaces,
        RuleArg::DurableAbsence => FormationRule::DurableAbsence,
        RuleArg::Readmission => FormationRule::Readmission,
        RuleArg::BindingMember => FormationRule::BindingMember,
    }
}

/// Detects and describes the complexes: of a data set's year, or of the world's years.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let opts = detection(a)?;
    let Some(dir) = &a.cow else {
        let file = a.file.as_deref().ok_or("give a data set or --cow DIR")?;
        let ds = input::dataset(file)?;
        let year = input::year_or_last(&ds, a.year, file)?;
        let report = report(&ds, file, year, &a.options, opts)?;
        if a.format == Format::Json {
            writeln!(out, "{}", serde_json::to_string(&report)?)?;
        } else {
            writeln!(out, "{}, {year}", ds.name().unwrap_or("data set"))?;
            write!(out, "{report}")?;
            writeln!(out)?;
            write!(out, "{}", report.explain())?;
        }
        return Ok(());
    };
    let dir = dir.display().to_string();
    if a.calibrate {
        let map = a
            .compare
            .as_ref()
            .ok_or("--calibrate needs --compare MAP.csv")?;
        let switched: Vec<(FormationRule, bool)> = a
            .with
            .iter()
            .map(|r| (rule_of(*r), true))
            .chain(a.without.iter().map(|r| (rule_of(*r), false)))
            .collect();
        return calibrate(&dir, &map.display().to_string(), &switched, out);
    }
    let s = Settings {
        year: a.year,
        from: a.from,
        to: a.to,
        json: a.format == Format::Json,
        no_preset: a.options.no_preset,
        proximity: a.proximity,
        decay: a.decay,
        contiguity: a.contiguity,
        hostility: a.hostility,
        rivalry: a.rivalry,
        members_only: a.members_only,
        compare: a.compare.as_ref().map(|p| p.display().to_string()),
        atop: a.atop_intensity.clone(),
        coupling: a.coupling,
        stability: a.stability,
        pact: a
            .pact_cap
            .map(PactWeight::Capped)
            .or(a.pact.map(|p| match p {
                PactArg::Pairwise => PactWeight::Pairwise,
                PactArg::PerCommitment => PactWeight::PerCommitment,
            })),
    };
    let mut opts = opts.set_apart(&a.options.set_apart);
    if let Some(seed) = a.options.seed {
        opts = opts.seed(seed);
    }
    world(&dir, &s, opts, out)
}

/// A flip whose unit's ties changed by less than this (relative to its strength) is one the
/// ties do not explain.
const UNEXPLAINED: f64 = 0.1;

/// The world's whole span, over which the calibration reports the durability of the
/// configurations it carries (the COW state system's years).
const WHOLE_SPAN: (Year, Year) = (1816, 2014);

/// The map's region the calibration holds out (the region the crate's examples study).
const HELD_OUT: &str = "post_soviet";

/// The world of the COW family, year by year.
fn world(
    dir: &str,
    a: &Settings,
    opts: BoundaryOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let w = input::world(std::path::Path::new(dir))?;
    if w.sources().is_empty() {
        return Err(format!("no COW-family file found in {dir}").into());
    }
    // The library's calibrated rules (docs/world_1990_2001.md), then the user's.
    let mut rules = WorldRules::calibrated();
    if a.members_only {
        rules = rules.members_only();
    }
    if let Some(h) = a.hostility {
        rules = rules.mid_hostility_at_least(h);
    }
    if let Some(r) = a.rivalry {
        rules = rules.rivalry_intensity(r);
    }
    if let Some(p) = a.pact {
        rules = rules.pact_weight(p);
    }
    for (o, w) in &a.atop {
        let o = Obligation::ALL
            .into_iter()
            .find(|x| x.as_str() == o)
            .ok_or_else(|| format!("unknown ATOP obligation {o}"))?;
        rules = rules.atop_intensity(o, *w);
    }
    if let Some(d) = a.decay {
        rules = rules.distance_decay(d);
    }
    if a.proximity.is_some() || a.contiguity.is_some() {
        let (up_to, calibrated) = rules
            .get_contiguity()
            .unwrap_or((ContiguityType::Land, 0.0));
        let weight = a.proximity.unwrap_or(calibrated);
        let t = match a.contiguity {
            Some(c) => ContiguityType::from_code(c)
                .ok_or("--contiguity must be 1 (land) to 5 (400 miles of water)")?,
            None => up_to,
        };
        rules = if weight > 0.0 {
            rules.contiguity(t, weight)
        } else {
            rules.without_contiguity()
        };
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
        writeln!(out, "{preamble}")?;
    } else {
        writeln!(out, "Data sets (cite them):")?;
        for s in w.sources() {
            writeln!(out, "- {} ({}): {}", s.name, s.file, s.cite)?;
        }
        writeln!(out, "Rules: {}", serde_json::to_string(&rules)?)?;
    }
    let map = a.compare.as_deref().map(read_map).transpose()?;
    let mut scores = Vec::new();
    let mut held_scores = Vec::new();
    let mut previous: Option<rsct::boundary::BoundaryReport> = None;
    let mut reports = Vec::new();
    // Under --stability, the span again under each small change of the parameters (a span
    // detected together is compared with the same span, each year with its own).
    let variants = if a.stability {
        stability_variants(&w, from, to, &rules, &options)?
    } else {
        Vec::new()
    };
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
            let t = (year - from) as usize;
            let moved = movers(&report, variants.iter().map(|v| &v[t]));
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
                writeln!(out, "{line}")?;
            }
        }
        if a.json {
            writeln!(out, "{}", serde_json::to_string(&report)?)?;
        } else {
            writeln!(out)?;
            write!(out, "{report}")?;
            write!(out, "{}", report.explain())?;
        }
        if let Some(map) = &map {
            let agreement = rsct::boundary::map_agreement(&report, map, &[]);
            let (ari, n, insulators) = (agreement.ari, agreement.units, agreement.insulators_found);
            let missed = missed_insulators(&w, &rules, year, &report, map, &insulators)?;
            let line = format!(
                "compare {year}: adjusted Rand index {} over {n} mapped states ({} with the map's insulators scored); map insulators found as insulators: {}{missed}",
                ari.map_or("undefined".to_owned(), |x| format!("{x:.3}")),
                agreement
                    .ari_with_insulators
                    .map_or("undefined".to_owned(), |x| format!("{x:.3}")),
                if insulators.is_empty() {
                    "none".to_owned()
                } else {
                    insulators.join(" ")
                }
            );
            if a.json {
                eprintln!("{line}");
            } else {
                writeln!(out, "{line}")?;
            }
            scores.extend(ari);
            if map.iter().any(|(_, r)| r == HELD_OUT) {
                let h = rsct::boundary::map_agreement(&report, map, &[HELD_OUT]);
                held_scores.extend(h.ari_with_insulators);
            }
        }
        reports.push(report.clone());
        previous = Some(report);
    }
    if reports.len() >= 3 {
        let f = measured_flips(&w, &rules, &reports)?;
        let unexplained = f
            .iter()
            .filter(|x| x.tie_change.is_some_and(|c| c < UNEXPLAINED))
            .count();
        let unexplained_with_partner = f
            .iter()
            .filter(|x| x.explained(UNEXPLAINED) == Some(false))
            .count();
        let stayed = f
            .iter()
            .filter(|x| x.explained(UNEXPLAINED) == Some(false) && x.stayed)
            .count();
        let line = format!(
            "durability {from}–{to}: {} flip(s), units that left their co-members and were back within three years, {unexplained} with less than {:.0} % of their ties changed, {unexplained_with_partner} of them with their main partner's ties unchanged as well, {stayed} of those staying in the complex that kept most of their co-members while the others left{}",
            f.len(),
            100.0 * UNEXPLAINED,
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
                writeln!(out, "{l}")?;
            }
        }
    }
    if !scores.is_empty() {
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let mut line = format!("compare {from}–{to}: mean adjusted Rand index {mean:.3}");
        if !held_scores.is_empty() {
            let held = held_scores.iter().sum::<f64>() / held_scores.len() as f64;
            line += &format!(
                " ({held:.3} with the map's {HELD_OUT} region held out and its insulators scored, as the calibration scores it)"
            );
        }
        let judged = match &map {
            Some(map) => map_under_definition(&w, &rules, &options, map, (from, to), &reports)?,
            None => Vec::new(),
        };
        for l in std::iter::once(line).chain(judged) {
            if a.json {
                eprintln!("{l}");
            } else {
                writeln!(out, "{l}")?;
            }
        }
    }
    Ok(())
}

/// The map's insulators the year's detection did not find, each with where its ties lie
/// over the detected complexes ([`rsct::boundary::spread_over_map`] with the complexes as
/// the map): `"; not found: TUR (61 % with complex around RUS, participation 0.55)"`, or
/// nothing when every map insulator was found (or is absent that year).
fn missed_insulators(
    w: &World,
    rules: &WorldRules,
    year: i32,
    report: &rsct::boundary::BoundaryReport,
    map: &[(String, String)],
    found: &[String],
) -> Result<String> {
    let missed: Vec<&String> = map
        .iter()
        .filter(|(u, r)| r == "insulator" && !found.contains(u))
        .map(|(u, _)| u)
        .collect();
    if missed.is_empty() {
        return Ok(String::new());
    }
    let (g, _) = w.interdependence_and_capabilities(year, rules)?;
    let detected: Vec<(String, String)> = report
        .complexes
        .iter()
        .flat_map(|c| c.members.iter().map(|m| (m.clone(), c.name.clone())))
        .collect();
    let told: Vec<String> = missed
        .iter()
        .filter_map(|u| {
            let s = rsct::boundary::spread_over_map(&g, &detected, u)?;
            Some(format!(
                "{u} ({:.0} % with {}, participation {:.2})",
                100.0 * s.largest_share,
                s.region,
                s.participation
            ))
        })
        .collect();
    Ok(if told.is_empty() {
        String::new()
    } else {
        format!("; not found: {}", told.join(", "))
    })
}

/// The share of all interdependence of `g` that lies inside the report's complexes (each
/// tie inside a complex, over all ties).
fn inside_share(
    g: &rsct::boundary::InterdependenceGraph,
    r: &rsct::boundary::BoundaryReport,
) -> f64 {
    let mut complex_of = vec![usize::MAX; g.units().len()];
    for (k, c) in r.complexes.iter().enumerate() {
        for m in &c.members {
            if let Some(i) = g.position(m) {
                complex_of[i] = k;
            }
        }
    }
    let (mut inside, mut all) = (0.0, 0.0);
    for (a, b, w) in g.pairs() {
        all += w.total();
        if complex_of[*a] != usize::MAX && complex_of[*a] == complex_of[*b] {
            inside += w.total();
        }
    }
    if all > 0.0 { inside / all } else { 0.0 }
}

/// The map's regions judged by the definition on each year's ties
/// ([`rsct::boundary::qualify_units`], with each year's power classes): one line per region
/// — the years it qualifies, the range of its internal/external ratio, and the members
/// most often under the member share (with the years). A region the definition rejects on
/// the data cannot be recovered by detection that follows it.
fn map_under_definition(
    w: &World,
    rules: &WorldRules,
    options: &WorldBoundaryOptions,
    map: &[(String, String)],
    (from, to): (Year, Year),
    detected: &[rsct::boundary::BoundaryReport],
) -> Result<Vec<String>> {
    let mut regions: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (u, r) in map {
        if r != "insulator" {
            regions.entry(r.as_str()).or_default().push(u.as_str());
        }
    }
    // Per region: years judged, years qualified, ratio range, weak members' years.
    type Tally<'a> = (usize, usize, f64, f64, BTreeMap<String, usize>);
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut spread: BTreeMap<&str, Vec<rsct::boundary::MapSpread>> = BTreeMap::new();
    // The map's own regions as the candidates (each map insulator one of its own), formed
    // by the definition's rules: the nearest partition to the map that they accept.
    let candidates: Vec<(String, String)> = map
        .iter()
        .map(|(u, r)| {
            let label = if r == "insulator" {
                format!("insulator {u}")
            } else {
                r.clone()
            };
            (u.clone(), label)
        })
        .collect();
    let (mut repaired_full, mut repaired_held) = (Vec::new(), Vec::new());
    // The share of all interdependence inside complexes, of the map-started partition and
    // of the detected one, in the years both cover.
    let (mut inside_map, mut inside_detected) = (Vec::new(), Vec::new());
    for year in from..=to {
        let (g, caps) = w.interdependence_and_capabilities(year, rules)?;
        let o = w.boundary_options(year, rules, options)?;
        let r = rsct::boundary::analyse_interdependence_from(year, &g, &caps, &o, &candidates)?;
        repaired_full.extend(rsct::boundary::map_agreement(&r, map, &[]).ari);
        repaired_held
            .extend(rsct::boundary::map_agreement(&r, map, &[HELD_OUT]).ari_with_insulators);
        if let Some(d) = detected.iter().find(|d| d.year == year) {
            inside_map.push(inside_share(&g, &r));
            inside_detected.push(inside_share(&g, d));
        }
        for (r, units) in &regions {
            let present: Vec<&str> = units
                .iter()
                .copied()
                .filter(|u| g.position(u).is_some())
                .collect();
            if present.len() < 2 {
                continue;
            }
            let q = rsct::boundary::qualify_units(&g, &present, &o)?.qualification;
            let t =
                tally
                    .entry(r)
                    .or_insert((0, 0, f64::INFINITY, f64::NEG_INFINITY, BTreeMap::new()));
            t.0 += 1;
            t.1 += usize::from(q.qualified);
            let ratio = if q.external_degree > 0.0 {
                q.internal_degree / q.external_degree
            } else {
                f64::INFINITY
            };
            t.2 = t.2.min(ratio);
            t.3 = t.3.max(ratio);
            for (u, _) in q.weak_members {
                *t.4.entry(u).or_insert(0) += 1;
            }
        }
        // The map's insulators: how their ties spread over the map's regions.
        for (u, _) in map.iter().filter(|(_, r)| r == "insulator") {
            if let Some(s) = rsct::boundary::spread_over_map(&g, map, u) {
                spread.entry(u.as_str()).or_default().push(s);
            }
        }
    }
    let mut lines = vec![format!(
        "the map under the definition {from}–{to} (each region's own units on the year's ties: does it qualify?):"
    )];
    // A set without external ties has no finite ratio.
    let ratio = |x: f64| {
        if x.is_finite() {
            format!("{x:.2}")
        } else {
            "∞ (no external ties)".to_owned()
        }
    };
    for (r, (years, ok, lo, hi, weak)) in tally {
        let mut weak: Vec<(String, usize)> = weak.into_iter().collect();
        weak.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let weak: Vec<String> = weak.iter().map(|(u, k)| format!("{u} {k}")).collect();
        lines.push(format!(
            "  {r}: qualifies in {ok} of {years} years; internal/external {}–{}; members under the share (years): {}",
            ratio(lo),
            ratio(hi),
            if weak.is_empty() {
                "none".to_owned()
            } else {
                weak.join(", ")
            }
        ));
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    lines.push(format!(
        "  the map's regions as candidates, formed by the definition's rules: mean adjusted Rand index {:.3} (post-Soviet region left out, insulators scored: {:.3}); interdependence inside complexes {:.3}, against {:.3} in the detected complexes",
        mean(&repaired_full),
        mean(&repaired_held),
        mean(&inside_map),
        mean(&inside_detected)
    ));
    for (u, years) in spread {
        let range = |f: fn(&rsct::boundary::MapSpread) -> f64| {
            years
                .iter()
                .map(f)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
                    (lo.min(x), hi.max(x))
                })
        };
        let (p_lo, p_hi) = range(|y| y.participation);
        let (s_lo, s_hi) = range(|y| y.largest_share);
        let mut tops: Vec<&str> = years.iter().map(|y| y.region.as_str()).collect();
        tops.sort_unstable();
        tops.dedup();
        lines.push(format!(
            "  insulator {u} over the map's regions: participation {p_lo:.2}–{p_hi:.2}, largest share {:.0}–{:.0} % ({})",
            100.0 * s_lo,
            100.0 * s_hi,
            tops.join(", ")
        ));
    }
    Ok(lines)
}

/// A reference map: `unit,region` lines, `#` comments, a header line `unit,region`.
fn read_map(path: &str) -> Result<Vec<(String, String)>> {
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

/// The intensities of the ATOP obligations a grid point sets (defence and offence stay 1).
#[derive(Debug, Clone, Copy)]
struct Obligations {
    neutrality: f64,
    nonaggression: f64,
    consultation: f64,
}

/// World rules of a grid point: proximity weight and the obligations' intensities.
fn grid_rules(
    contiguity: ContiguityType,
    proximity: f64,
    ob: Obligations,
    pact: PactWeight,
) -> WorldRules {
    let Obligations {
        neutrality,
        nonaggression,
        consultation,
    } = ob;
    let mut rules = WorldRules::new()
        .pact_weight(pact)
        .atop_intensity(Obligation::Neutrality, neutrality)
        .atop_intensity(Obligation::NonAggression, nonaggression)
        .atop_intensity(Obligation::Consultation, consultation);
    if proximity > 0.0 {
        rules = rules.contiguity(contiguity, proximity);
    }
    rules
}

/// (held-out mean ARI — the map's insulators scored, each a group of its own —, full-map
/// mean ARI over the regions, TUR years, AFG years, per-region recovered years, flips within
/// three years).
type Score = (f64, f64, usize, usize, BTreeMap<String, usize>, usize);

/// Mean agreement over 1990–2001: (held-out mean ARI, full-map mean ARI, TUR years, AFG
/// years, per-region recovered year counts).
fn score(
    w: &World,
    rules: &WorldRules,
    options: &WorldBoundaryOptions,
    map: &[(String, String)],
) -> Result<Score> {
    // The twelve years in parallel (on every core; the reports are those of one thread).
    let reports = w.boundaries_of_years(1990, 2001, rules, options)?;
    Ok(score_of(&reports, map))
}

/// [`score`] of reports already computed.
fn score_of(reports: &[rsct::boundary::BoundaryReport], map: &[(String, String)]) -> Score {
    let (mut held, mut full) = (Vec::new(), Vec::new());
    let (mut tur, mut afg) = (0, 0);
    let mut recovered: BTreeMap<String, usize> = BTreeMap::new();
    let flips = rsct::boundary::flips(reports, 3).len();
    for r in reports {
        let h = rsct::boundary::map_agreement(r, map, &[HELD_OUT]);
        let f = rsct::boundary::map_agreement(r, map, &[]);
        held.extend(h.ari_with_insulators);
        full.extend(f.ari);
        tur += usize::from(f.insulators_found.iter().any(|u| u == "TUR"));
        afg += usize::from(f.insulators_found.iter().any(|u| u == "AFG"));
        for (region, ok) in f.recovered {
            *recovered.entry(region).or_insert(0) += usize::from(ok);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    (mean(&held), mean(&full), tur, afg, recovered, flips)
}

/// Scores of 1990–2001 averaged over the seeds 0–7 (one seed's score is partly its luck).
struct SeedMeans {
    held: f64,
    full: f64,
    flips_per_seed: Vec<usize>,
    /// Unexplained flips summed over the seeds (counted only when asked: it rebuilds the
    /// years' graphs).
    unexplained: usize,
}

impl SeedMeans {
    fn flips(&self) -> f64 {
        self.flips_per_seed.iter().sum::<usize>() as f64 / self.flips_per_seed.len().max(1) as f64
    }
}

/// [`score`] of `options` at each seed 0–7, averaged; with `durability`, the flips the ties
/// do not explain as well.
fn over_seeds(
    w: &World,
    rules: &WorldRules,
    options: &BoundaryOptions,
    map: &[(String, String)],
    durability: bool,
) -> Result<SeedMeans> {
    let mut m = SeedMeans {
        held: 0.0,
        full: 0.0,
        flips_per_seed: Vec::new(),
        unexplained: 0,
    };
    for seed in 0..8u64 {
        let o = WorldBoundaryOptions::new().boundary(options.clone().seed(seed));
        let reports = w.boundaries_of_years(1990, 2001, rules, &o)?;
        let (h, f, .., k) = score_of(&reports, map);
        m.held += h / 8.0;
        m.full += f / 8.0;
        m.flips_per_seed.push(k);
        if durability {
            m.unexplained += unexplained_flips(w, rules, &reports)?;
        }
    }
    Ok(m)
}

/// The flips of a span's reports (left and back within three years), each with its change of
/// ties measured on the graphs of the years it left between (built only for those years).
fn measured_flips(
    w: &World,
    rules: &WorldRules,
    reports: &[rsct::boundary::BoundaryReport],
) -> Result<Vec<rsct::boundary::Flip>> {
    let mut f = rsct::boundary::flips(reports, 3);
    let mut graphs = BTreeMap::new();
    for x in &mut f {
        for y in [x.from, x.from + 1] {
            if let std::collections::btree_map::Entry::Vacant(e) = graphs.entry(y) {
                e.insert(w.interdependence_and_capabilities(y, rules)?.0);
            }
        }
        x.measure_ties(&graphs[&x.from], &graphs[&(x.from + 1)]);
    }
    Ok(f)
}

/// The flips that neither the unit's own ties nor its main partner's explain (each changed
/// by less than [`UNEXPLAINED`]): issue 15's durability target is none.
fn unexplained_flips(
    w: &World,
    rules: &WorldRules,
    reports: &[rsct::boundary::BoundaryReport],
) -> Result<usize> {
    Ok(count_unexplained(&measured_flips(w, rules, reports)?))
}

/// How many of `flips` neither the unit's nor its main partner's ties explain (each changed
/// by less than [`UNEXPLAINED`], or unmeasured).
fn count_unexplained(flips: &[rsct::boundary::Flip]) -> usize {
    flips
        .iter()
        .filter(|f| f.explained(UNEXPLAINED) != Some(true))
        .count()
}

/// One point of the calibration grid and its scores at the default seed.
#[derive(Debug, Clone)]
struct GridPoint {
    gamma: f64,
    contiguity: ContiguityType,
    proximity: f64,
    obligations: Obligations,
    held: f64,
    full: f64,
}

/// The formation stages chosen at one grid point (see [`stages`]).
struct Stages {
    /// The options chosen (the grid's with the thresholds, fragments rule and coupling).
    options: BoundaryOptions,
    participation: f64,
    max_share: f64,
    dissolve: bool,
    omega: f64,
    /// Whether global powers' homes are chosen over the span ([`FormationRule::SpanHome`]).
    span_home: bool,
    /// Whether the split rule is on ([`FormationRule::Split`]).
    split: bool,
    /// Means over seeds 0–7 in the configuration chosen (coupling and split rule).
    held: f64,
    full: f64,
    flips: f64,
    /// Unexplained flips summed over the seeds.
    unexplained: usize,
}

/// The formation stages at one point, each chosen on the held-out map at the one before:
/// the insulator thresholds, dissolving the fragments insulators leave (kept only if it
/// raises the score), then the span's coupling ω under issue 15's durability target (a
/// coupling qualifies when no seed 0–7 leaves a flip that neither the unit's nor its main
/// partner's ties explain; among those the best held-out mean, ties: fewer flips; without
/// any, the fewest unexplained flips), then the split rule. The scores returned are those
/// of the final configuration. Each stage's table goes to `log`.
fn stages(
    w: &World,
    rules: &WorldRules,
    at: BoundaryOptions,
    map: &[(String, String)],
    log: &mut dyn std::io::Write,
) -> Result<Stages> {
    writeln!(
        log,
        "\ninsulator thresholds at that point: participation max_share heldout_ari full_ari TUR AFG"
    )?;
    let mut ins_best = (0.4, 0.6, f64::MIN, 0usize);
    for &p in &[0.4, 0.5, 0.6] {
        for &m in &[0.4, 0.5, 0.6] {
            let o = WorldBoundaryOptions::new()
                .boundary(at.clone().insulator_participation(p).insulator_max_share(m));
            let (h, f, tur, afg, ..) = score(w, rules, &o, map)?;
            writeln!(log, "{p} {m} {h:.3} {f:.3} {tur} {afg}")?;
            if h > ins_best.2 + 1e-9 || ((h - ins_best.2).abs() <= 1e-9 && tur + afg > ins_best.3) {
                ins_best = (p, m, h, tur + afg);
            }
        }
    }
    writeln!(
        log,
        "chosen insulator thresholds: participation {} max_share {}",
        ins_best.0, ins_best.1
    )?;
    let without = at
        .insulator_participation(ins_best.0)
        .insulator_max_share(ins_best.1)
        .without_rule(FormationRule::Dissolve);
    let with = without.clone().with_rule(FormationRule::Dissolve);
    let (h_with, ..) = score(
        w,
        rules,
        &WorldBoundaryOptions::new().boundary(with.clone()),
        map,
    )?;
    let (h_without, ..) = score(
        w,
        rules,
        &WorldBoundaryOptions::new().boundary(without.clone()),
        map,
    )?;
    let dissolve = h_with > h_without + 1e-9;
    writeln!(
        log,
        "dissolving the fragments insulators leave: held-out {h_with:.3} with, {h_without:.3} without; chosen: {}",
        if dissolve { "with" } else { "without" }
    )?;
    let base = if dissolve { with } else { without };
    writeln!(
        log,
        "\ninterslice coupling at that point (global powers' homes chosen year by year, or over the span), seeds 0–7: omega span_home heldout_mean full_mean flips_mean flips_min flips_max unexplained_flips_mean"
    )?;
    let mut best: Option<(f64, bool, SeedMeans)> = None;
    for span_home in [false, true] {
        for omega in [0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0] {
            let o = base.clone().interslice(omega);
            let o = if span_home {
                o.with_rule(FormationRule::SpanHome)
            } else {
                o.without_rule(FormationRule::SpanHome)
            };
            let m = over_seeds(w, rules, &o, map, true)?;
            writeln!(
                log,
                "{omega} {} {:.3} {:.3} {:.1} {} {} {:.1}",
                if span_home { "on" } else { "off" },
                m.held,
                m.full,
                m.flips(),
                m.flips_per_seed.iter().min().unwrap_or(&0),
                m.flips_per_seed.iter().max().unwrap_or(&0),
                m.unexplained as f64 / 8.0
            )?;
            let better = best.as_ref().is_none_or(|(_, _, b)| {
                m.unexplained < b.unexplained
                    || (m.unexplained == b.unexplained
                        && (m.held > b.held + 1e-9
                            || ((m.held - b.held).abs() <= 1e-9 && m.flips() < b.flips())))
            });
            if better {
                best = Some((omega, span_home, m));
            }
        }
    }
    let (omega, span_home, m) = best.ok_or("no coupling")?;
    writeln!(
        log,
        "chosen interslice coupling: {omega}, global powers' homes chosen {}",
        if span_home {
            "over the span"
        } else {
            "year by year"
        }
    )?;
    let options = base.interslice(omega);
    let options = if span_home {
        options.with_rule(FormationRule::SpanHome)
    } else {
        options.without_rule(FormationRule::SpanHome)
    };
    // The split rule, decided as the defaults use it: switched off only if that raises the
    // held-out mean (seeds 0–7) at every modularity resolution γ − 1, γ, γ + 1 — so that
    // the points are compared in the configuration each would ship with, not before its
    // last stage (the grid and the stages above run without the rule).
    writeln!(
        log,
        "\nsplit rule at that point, seeds 0–7: gamma split heldout_mean full_mean flips_mean"
    )?;
    let gamma = options.get_resolution();
    let mut off_everywhere = true;
    let mut on_at_gamma = None;
    for g in [gamma - 1.0, gamma, gamma + 1.0] {
        let at = options.clone().resolution(g);
        let on = over_seeds(
            w,
            rules,
            &at.clone().with_rule(FormationRule::Split),
            map,
            g == gamma,
        )?;
        // Without the rule at γ: the coupling stage's configuration, already measured.
        let off = if g == gamma {
            None
        } else {
            Some(over_seeds(w, rules, &at, map, false)?)
        };
        let off_ref = off.as_ref().unwrap_or(&m);
        for (x, label) in [(&on, "on"), (off_ref, "off")] {
            writeln!(
                log,
                "{g} {label} {:.3} {:.3} {:.1}",
                x.held,
                x.full,
                x.flips()
            )?;
        }
        if off_ref.held <= on.held + 1e-9 {
            off_everywhere = false;
        }
        if g == gamma {
            on_at_gamma = Some(on);
        }
    }
    let split = !off_everywhere;
    writeln!(
        log,
        "chosen: the split rule {}",
        if split {
            "on"
        } else {
            "off (it lowers the held-out mean at every modularity resolution)"
        }
    )?;
    let (options, m) = match on_at_gamma {
        Some(on) if split => (options.with_rule(FormationRule::Split), on),
        _ => (options.without_rule(FormationRule::Split), m),
    };
    Ok(Stages {
        options,
        participation: ins_best.0,
        max_share: ins_best.1,
        dissolve,
        omega,
        span_home,
        split,
        held: m.held,
        full: m.full,
        flips: m.flips(),
        unexplained: m.unexplained,
    })
}

impl GridPoint {
    /// The point's settings as the calibration's tables print them: resolution, contiguity
    /// type, proximity, neutrality, nonaggression, consultation.
    fn label(&self) -> String {
        format!(
            "{} {} {} {} {} {}",
            self.gamma,
            self.contiguity.code(),
            self.proximity,
            self.obligations.neutrality,
            self.obligations.nonaggression,
            self.obligations.consultation
        )
    }
}

/// The calibration on the world 1990–2001 against a map, the post-Soviet region held apart:
/// a grid, per-region shares, an ablation of each rule, and a null model.
///
/// `switched` turns formation rules on (`true`) or off (`false`) for the whole run, as
/// `--with` and `--without` give them: the calibration as it would run were those the
/// library's defaults (the calibration's rule for a rule compares such a run with the run
/// at the rules as shipped). The rules the stages decide (dissolving insulators'
/// fragments, global powers' homes over the span, the split rule) are still decided there.
fn calibrate(
    dir: &str,
    map_path: &str,
    switched: &[(FormationRule, bool)],
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let w = input::world(std::path::Path::new(dir))?;
    let map = read_map(map_path)?;
    let gammas = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
    let proximities = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0];
    let neutralities = [0.25, 0.5, 1.0];
    // Round 18: stepped beyond the lower edge of each by the grid's own ratio (×1/3 and
    // ×1/4) while the choice lay on that edge: rounds 9–17 chose 0.1 and 0.25, round 18's
    // first run 0.03 and 0.0625.
    let nonaggressions = [0.01, 0.03, 0.1, 0.3, 1.0];
    let consultations = [0.015625, 0.0625, 0.25, 1.0];
    let mut obligation_points = Vec::new();
    for &neutrality in &neutralities {
        for &nonaggression in &nonaggressions {
            for &consultation in &consultations {
                obligation_points.push(Obligations {
                    neutrality,
                    nonaggression,
                    consultation,
                });
            }
        }
    }
    // Every point is scored as the defaults are used: the span 1990–2001 detected together,
    // with fixed formation options — round 7's calibrated ones (coupling 8, insulators
    // 0.4/0.4, fragments kept, no split, global powers' homes chosen year by year; places
    // held over the span, a rule with no parameter, as by default), written out so that the calibration does not
    // depend on the defaults it chooses; the stages after the grid re-choose them at the
    // chosen point.
    let mut span = BoundaryOptions::new();
    for &(rule, on) in switched {
        span = if on {
            span.with_rule(rule)
        } else {
            span.without_rule(rule)
        };
    }
    let span = span
        .insulator_participation(0.4)
        .insulator_max_share(0.4)
        .without_rule(FormationRule::Dissolve)
        .without_rule(FormationRule::Split)
        .without_rule(FormationRule::SpanHome)
        .interslice(8.0);
    if !switched.is_empty() {
        let list: Vec<String> = switched
            .iter()
            .map(|(rule, on)| format!("{} {rule}", if *on { "with" } else { "without" }))
            .collect();
        writeln!(
            out,
            "rules switched for this run (--with, --without): {}",
            list.join("; ")
        )?;
    }
    writeln!(
        out,
        "grid: resolution × contiguity (borders up to the type) × proximity × neutrality × nonaggression × consultation, world 1990–2001 detected together"
    )?;
    writeln!(
        out,
        "heldout: the adjusted Rand index over the map without its {HELD_OUT} region, the map's insulators scored as groups of their own (the calibration's score); full: over all the map's regions, insulators left out (issue 15's target)"
    )?;
    writeln!(
        out,
        "gamma contiguity prox neutral nonagg consult heldout_ari full_ari TUR AFG flips"
    )?;
    let mut points = Vec::new();
    let mut region_years: BTreeMap<String, usize> = BTreeMap::new();
    for &g in &gammas {
        for (c, &p) in ContiguityType::ALL
            .iter()
            .flat_map(|&c| proximities.iter().map(move |p| (c, p)))
            // Without proximity the contiguity type makes no difference: once.
            .filter(|&(c, &p)| p > 0.0 || c == ContiguityType::Land)
        {
            for &ob in &obligation_points {
                let rules = grid_rules(c, p, ob, PactWeight::Pairwise);
                let options = WorldBoundaryOptions::new().boundary(span.clone().resolution(g));
                let (h, f, tur, afg, rec, k) = score(&w, &rules, &options, &map)?;
                writeln!(
                    out,
                    "{g} {} {p} {} {} {} {h:.3} {f:.3} {tur} {afg} {k}",
                    c.code(),
                    ob.neutrality,
                    ob.nonaggression,
                    ob.consultation
                )?;
                for (r, k) in rec {
                    *region_years.entry(r).or_insert(0) += k;
                }
                points.push(GridPoint {
                    gamma: g,
                    contiguity: c,
                    proximity: p,
                    obligations: ob,
                    held: h,
                    full: f,
                });
            }
        }
    }
    let n = points.len();
    writeln!(
        out,
        "\nper region: share of grid points × years recovering it ({n} points × 12 years)"
    )?;
    for (r, k) in &region_years {
        writeln!(out, "{r}: {:.2}", *k as f64 / (n * 12) as f64)?;
    }
    writeln!(
        out,
        "\nbest point of each contiguity type (seed 7): type gamma prox neutral nonagg consult heldout_ari full_ari"
    )?;
    for c in ContiguityType::ALL {
        if let Some(b) = points
            .iter()
            .filter(|x| x.contiguity == c && x.proximity > 0.0)
            .max_by(|a, b| a.held.total_cmp(&b.held))
        {
            writeln!(
                out,
                "{} {} {} {} {} {} {:.3} {:.3}",
                c.code(),
                b.gamma,
                b.proximity,
                b.obligations.neutrality,
                b.obligations.nonaggression,
                b.obligations.consultation,
                b.held,
                b.full
            )?;
        }
    }
    // The ten best points at the default seed, each scored again over seeds 0–7 (one seed's
    // best is partly its luck) and carried through the formation stages.
    let mut ranked: Vec<&GridPoint> = points.iter().collect();
    ranked.sort_by(|a, b| b.held.total_cmp(&a.held));
    writeln!(
        out,
        "\nthe ten best points over seeds 0–7: gamma contiguity prox neutral nonagg consult heldout_mean full_mean flips_mean"
    )?;
    // Each of the ten is also carried through the formation stages as the defaults use
    // them (insulator thresholds, fragments, the coupling under the durability target): the
    // choice is made on the whole pipeline, not on the grid's fixed stage options alone.
    let mut carried: Vec<(GridPoint, Stages, Vec<u8>, usize)> = Vec::new();
    let held_out_units: BTreeSet<&str> = map
        .iter()
        .filter(|(_, r)| r == HELD_OUT)
        .map(|(u, _)| u.as_str())
        .collect();
    let mut through: Vec<u8> = Vec::new();
    let through_out: &mut dyn std::io::Write = &mut through;
    for x in ranked.into_iter().take(10) {
        let rules = grid_rules(
            x.contiguity,
            x.proximity,
            x.obligations,
            PactWeight::Pairwise,
        );
        let m = over_seeds(&w, &rules, &span.clone().resolution(x.gamma), &map, false)?;
        writeln!(
            out,
            "{} {:.3} {:.3} {:.1}",
            x.label(),
            m.held,
            m.full,
            m.flips()
        )?;
        let mut log = Vec::new();
        let st = stages(&w, &rules, span.clone().resolution(x.gamma), &map, &mut log)?;
        // Durability over the world's whole span as one (reported): the flips of units
        // outside the held-out region (as the map agreement leaves that region out) and
        // those the ties do not explain, at the library's seed.
        let mut long = measured_flips(
            &w,
            &rules,
            &w.boundaries_of_years(
                WHOLE_SPAN.0,
                WHOLE_SPAN.1,
                &rules,
                &WorldBoundaryOptions::new().boundary(st.options.clone()),
            )?,
        )?;
        long.retain(|f| !held_out_units.contains(f.unit.as_str()));
        let long_unexplained = count_unexplained(&long);
        writeln!(
            through_out,
            "{} {} {} {} {} {} {} {:.3} {:.3} {:.1} {:.1} {} {long_unexplained}",
            x.label(),
            st.participation,
            st.max_share,
            if st.dissolve { "with" } else { "without" },
            st.omega,
            if st.span_home { "on" } else { "off" },
            if st.split { "on" } else { "off" },
            st.held,
            st.full,
            st.flips,
            st.unexplained as f64 / 8.0,
            long.len()
        )?;
        carried.push((x.clone(), st, log, long_unexplained));
    }
    writeln!(
        out,
        "\nthe ten carried through the formation stages, seeds 0–7: gamma contiguity prox neutral nonagg consult participation max_share dissolve omega span_home split heldout_mean full_mean flips_mean unexplained_flips_mean flips_{}_{} unexplained_{}_{} (the whole span as one, seed 7, units of the held-out region left out; reported, not chosen on)",
        WHOLE_SPAN.0, WHOLE_SPAN.1, WHOLE_SPAN.0, WHOLE_SPAN.1
    )?;
    out.write_all(&through)?;
    // Each in its final configuration: durability first (no unexplained flip at any seed
    // on 1990–2001, issue 15's target), then the held-out mean, then fewer flips. The whole
    // span's count is reported, not ranked on: ranked second, it decides between rules by
    // differences of a few flips over two centuries (`docs/world_1990_2001.md`, round 17).
    let (best, chosen, log, long_unexplained) = carried
        .into_iter()
        .min_by(|(_, a, _, _), (_, b, _, _)| {
            a.unexplained
                .cmp(&b.unexplained)
                .then(b.held.total_cmp(&a.held))
                .then(a.flips.total_cmp(&b.flips))
        })
        .ok_or("empty grid")?;
    let near = points.iter().filter(|x| x.held >= best.held - 0.02).count();
    writeln!(
        out,
        "\nchosen on the held-out map (post-Soviet left out, insulators scored), through the formation stages: resolution {} contiguity up to type {} proximity {} neutrality {} nonaggression {} consultation {}: held-out {:.3}, full map {:.3} (mean over seeds 0–7), {:.1} flips, {:.1} unexplained, {long_unexplained} unexplained over {}–{} outside the held-out region; {near} of {n} grid points within 0.02 of its seed-7 score {:.3}",
        best.gamma,
        best.contiguity.code(),
        best.proximity,
        best.obligations.neutrality,
        best.obligations.nonaggression,
        best.obligations.consultation,
        chosen.held,
        chosen.full,
        chosen.flips,
        chosen.unexplained as f64 / 8.0,
        WHOLE_SPAN.0,
        WHOLE_SPAN.1,
        best.held
    )?;
    out.write_all(&log)?;
    let rules = grid_rules(
        best.contiguity,
        best.proximity,
        best.obligations,
        PactWeight::Pairwise,
    );
    // The split rule is decided in the point's stages (printed with them above).
    let base = chosen.options;
    writeln!(
        out,
        "\nablation at the chosen point: heldout_ari full_ari TUR AFG flips"
    )?;
    // The chosen point with `rule` switched the other way: off (labelled `off`) where it
    // is on, on (`on`) where it is off.
    let toggled = |rule: FormationRule, off: &'static str, on: &'static str| {
        if base.has_rule(rule) {
            (off, base.clone().without_rule(rule), rules.clone())
        } else {
            (on, base.clone().with_rule(rule), rules.clone())
        }
    };
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
            "with split",
            base.clone().with_rule(FormationRule::Split),
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
            base.clone().with_rule(FormationRule::Dissolve),
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
        toggled(
            FormationRule::SpanHome,
            "global powers' homes chosen year by year",
            "global powers' homes chosen over the span",
        ),
        (
            "places decided year by year",
            base.clone().without_rule(FormationRule::DurablePlaces),
            rules.clone(),
        ),
        (
            "without members leaving for want of their share",
            base.clone().without_rule(FormationRule::MemberShare),
            rules.clone(),
        ),
        toggled(
            FormationRule::DurableAbsence,
            "units in no complex left in one they join for a year or two",
            "units in no complex held out of one they join for a year or two",
        ),
        toggled(
            FormationRule::Readmission,
            "without units in no complex joining where their share lies",
            "with units in no complex joining where their share lies",
        ),
        toggled(
            FormationRule::BindingMember,
            "units holding their complex together may be insulators",
            "units holding their complex together are its members",
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
            grid_rules(best.contiguity, 0.0, best.obligations, PactWeight::Pairwise),
        ),
        (
            "land borders only (no sea borders)",
            base.clone(),
            grid_rules(
                ContiguityType::Land,
                best.proximity,
                best.obligations,
                PactWeight::Pairwise,
            ),
        ),
        (
            "pacts weighted per commitment",
            base.clone(),
            grid_rules(
                best.contiguity,
                best.proximity,
                best.obligations,
                PactWeight::PerCommitment,
            ),
        ),
        (
            "modularity only",
            base.clone().method(Method::Modularity),
            rules.clone(),
        ),
        (
            "each year alone (no interslice coupling)",
            base.clone().interslice(0.0),
            rules.clone(),
        ),
    ];
    for (name, o, r) in variants {
        let (h, f, tur, afg, _, k) = score(&w, &r, &WorldBoundaryOptions::new().boundary(o), &map)?;
        writeln!(out, "{name}: {h:.3} {f:.3} {tur} {afg} {k}")?;
    }
    // The constant Potts model as the proposer (its γ a density in units of
    // interdependence, for candidates and sub-complexes alike), at the chosen point otherwise.
    writeln!(
        out,
        "\nconstant Potts proposer at the chosen point: gamma heldout_ari full_ari TUR AFG"
    )?;
    for gamma in [0.05, 0.1, 0.2, 0.3, 0.5, 1.0] {
        let o = base
            .clone()
            .proposer(Proposer::ConstantPotts)
            .resolution(gamma)
            .sub_resolution(gamma);
        let (h, f, tur, afg, ..) =
            score(&w, &rules, &WorldBoundaryOptions::new().boundary(o), &map)?;
        writeln!(out, "{gamma}: {h:.3} {f:.3} {tur} {afg}")?;
    }
    writeln!(out)?;
    let options = WorldBoundaryOptions::new().boundary(base);
    let detected = w.boundaries_of_years(1990, 2001, &rules, &options)?;
    for line in map_under_definition(&w, &rules, &options, &map, (1990, 2001), &detected)? {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "\nnull model at the chosen point (ties rewired among ties of equal weight, strengths preserved):"
    )?;
    for seed in 0..5u64 {
        let mut scores = Vec::new();
        for year in 1990..=2001 {
            let (g, caps) = w.interdependence_and_capabilities(year, &rules)?;
            let rewired = rewire(&g, seed * 1000 + year as u64)?;
            let o = w.boundary_options(year, &rules, &options)?;
            let r = rsct::boundary::analyse_interdependence(year, &rewired, &caps, &o)?;
            scores.extend(rsct::boundary::map_agreement(&r, &map, &[HELD_OUT]).ari_with_insulators);
        }
        let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
        writeln!(out, "seed {seed}: held-out mean ARI {mean:.3}")?;
    }
    Ok(())
}

/// Degree-preserving rewiring (Maslov & Sneppen 2002) among pairs of equal total weight, so
/// that every unit keeps its strength: 10 × m attempted swaps (a, b), (c, d) → (a, d), (c, b).
fn rewire(
    g: &rsct::boundary::InterdependenceGraph,
    seed: u64,
) -> Result<rsct::boundary::InterdependenceGraph> {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut pairs: Vec<(usize, usize, rsct::boundary::Interdependence)> = g.pairs().to_vec();
    let mut present: BTreeSet<(usize, usize)> = pairs.iter().map(|p| (p.0, p.1)).collect();
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

/// The span's reports under each small change of the parameters: resolution ×0.8 and ×1.25,
/// seeds 1–3.
fn stability_variants(
    w: &World,
    from: Year,
    to: Year,
    rules: &WorldRules,
    options: &WorldBoundaryOptions,
) -> Result<Vec<Vec<rsct::boundary::BoundaryReport>>> {
    let base = options.get_boundary().clone();
    let gamma = base.get_resolution();
    [
        base.clone().resolution(gamma * 0.8),
        base.clone().resolution(gamma * 1.25),
        base.clone().seed(1),
        base.clone().seed(2),
        base.seed(3),
    ]
    .into_iter()
    .map(|b| Ok(w.boundaries_of_years(from, to, rules, &options.clone().boundary(b))?))
    .collect()
}

/// The units whose complex shares less than half its members with their complex in one of
/// the variants' reports of the same year.
fn movers<'a>(
    report: &rsct::boundary::BoundaryReport,
    variants: impl Iterator<Item = &'a rsct::boundary::BoundaryReport>,
) -> Vec<String> {
    let mates = |r: &rsct::boundary::BoundaryReport, u: &str| -> Vec<String> {
        r.complexes
            .iter()
            .find(|c| c.members.iter().any(|m| m == u))
            .map(|c| c.members.clone())
            .unwrap_or_default()
    };
    let units: Vec<&String> = report
        .complexes
        .iter()
        .flat_map(|c| c.members.iter())
        .chain(report.insulators.iter().map(|i| &i.unit))
        .chain(report.unstructured.iter())
        .chain(report.proto_complexes.iter().flat_map(|c| c.members.iter()))
        .collect();
    let mut moved = std::collections::BTreeSet::new();
    for r in variants {
        for u in &units {
            let (a, b) = (mates(report, u), mates(r, u));
            let common = a.iter().filter(|x| b.contains(x)).count();
            let union = a.len() + b.len() - common;
            // Moves: its complex shares less than half its members with the variant's.
            if union > 0 && 2 * common < union {
                moved.insert((*u).clone());
            }
        }
    }
    moved.into_iter().collect()
}
