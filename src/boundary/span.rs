//! Detection over a span of years (theory [§3](crate::guide::theory#3-boundaries),
//! durability): the span's candidates proposed together by multislice modularity, each year
//! detected with them ([`super::detect`]), then global powers' homes chosen over the span and
//! places that change for a year or two held, the years concerned detected again.

use super::detect::{Detection, Given, detect, held_flags};
use super::formation::{NONE, PlacementGains, proposer_graph};
use super::interdependence::InterdependenceGraph;
use super::multislice::{Division, multislice_louvain};
use super::{BoundaryError, BoundaryOptions, Method};
use crate::internal::hash::FxHashMap;

/// [`detect_complexes`](super::detect_complexes) of every year of a span together: the candidates of all years are
/// proposed at once by multislice modularity (Mucha et al. 2010; each year a slice with its
/// own null model at [`BoundaryOptions::resolution`], a unit's nodes in consecutive years
/// tied by [`BoundaryOptions::interslice`]), so that a block of units keeps its candidate
/// across years unless its ties in a year outweigh the coupling; each year's candidates
/// then go through the definition's rules ([`detect_complexes`](super::detect_complexes)) on that year's ties.
/// With the coupling 0 (the default) every year is detected alone, as by
/// [`detect_complexes`](super::detect_complexes). `graphs` are the years in order; units are matched across years
/// by identifier.
///
/// # Complexity
/// The multislice Louvain on the supra-graph of all years (Σ n_t nodes, Σ m_t + Σ n_t
/// edges), then [`detect_complexes`](super::detect_complexes) per year.
///
/// # Errors
/// As [`detect_complexes`](super::detect_complexes), for the first year that fails.
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{detect_complexes_of_years, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "X", "Y", "Z"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let year = |bridge: f64| InterdependenceGraph::from_pairs(units.clone(), [
///     (0, 1, w(1.0)), (1, 2, w(1.0)), (0, 2, w(1.0)),
///     (3, 4, w(1.0)), (4, 5, w(1.0)), (3, 5, w(1.0)), (2, 3, w(bridge)),
/// ]);
/// let years = [year(0.1)?, year(0.1)?, year(0.1)?];
/// let o = BoundaryOptions::new().interslice(1.0);
/// let d = detect_complexes_of_years(&years, &o)?;
/// assert_eq!(d.len(), 3);
/// assert!(d.iter().all(|y| y.complexes().count() == 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn detect_complexes_of_years(
    graphs: &[InterdependenceGraph],
    options: &BoundaryOptions,
) -> Result<Vec<Detection>, BoundaryError> {
    let refs: Vec<(&InterdependenceGraph, &BoundaryOptions)> =
        graphs.iter().map(|g| (g, options)).collect();
    detect_span(&refs, 1)
}

/// Each year of a span detected with the span's candidates ([`propose_over_years`]) on
/// `threads` threads (0: all); with [`super::FormationRule::SpanHome`], each global power's
/// home is then chosen over the span ([`homes_over_span`]) and the years where it differs
/// from the year's own choice are detected again with it; with
/// [`super::FormationRule::DurablePlaces`], the years where a unit stands for a year or two
/// elsewhere than in the place it holds before and after are detected again, told that
/// place ([`places_over_span`]), until no year's verdicts change.
pub(crate) fn detect_span(
    years: &[(&InterdependenceGraph, &BoundaryOptions)],
    threads: usize,
) -> Result<Vec<Detection>, BoundaryError> {
    let proposals = propose_over_years(years)?;
    let given = |t: usize| Given {
        proposal: proposals[t].as_deref(),
        ..Given::default()
    };
    let jobs: Vec<usize> = (0..years.len()).collect();
    let mut out: Vec<Detection> = crate::internal::parallel::map(threads, &jobs, |&t| {
        detect(years[t].0, years[t].1, given(t))
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    let Some(&(_, options)) = years.first() else {
        return Ok(out);
    };
    let mut homes: Vec<Option<Homes>> = vec![None; years.len()];
    // Whether global powers' homes are placed over the span (the years coupled).
    let span_home = proposals.iter().any(Option::is_some)
        && options.method == Method::Definition
        && options.has_rule(super::FormationRule::GlobalHome)
        && options.has_rule(super::FormationRule::SpanHome);
    if span_home {
        homes = homes_over_span(years, &out)?;
        let again: Vec<usize> = (0..years.len()).filter(|&t| homes[t].is_some()).collect();
        redetect(years, &mut out, &again, threads, |t| Given {
            homes: homes[t].as_ref().map(|(l, h)| (l.as_slice(), h.as_slice())),
            ..given(t)
        })?;
    }
    if options.method == Method::Definition && options.has_rule(super::FormationRule::DurablePlaces)
    {
        // A year detected again can change other units' places there: the verdicts are
        // taken again on the new detections (each year keeping those it had) until no
        // year's verdicts change, at most once per year of the span.
        let mut verdicts: Vec<Verdict> = vec![Verdict::new(); years.len()];
        for _ in 0..years.len() {
            let mut again = Vec::new();
            for (t, new) in places_over_span(years, &out, span_home)?
                .into_iter()
                .enumerate()
            {
                let mut changed = false;
                for (i, told) in new {
                    if verdicts[t].get(&i) != Some(&told) {
                        verdicts[t].insert(i, told);
                        changed = true;
                    }
                }
                if changed {
                    again.push(t);
                }
            }
            if again.is_empty() {
                break;
            }
            redetect(years, &mut out, &again, threads, |t| Given {
                homes: homes[t].as_ref().map(|(l, h)| (l.as_slice(), h.as_slice())),
                told: Some(&verdicts[t]),
                ..given(t)
            })?;
        }
    }
    Ok(out)
}

/// The years `again` of a span detected anew with what `given` gives each.
fn redetect<'a>(
    years: &[(&InterdependenceGraph, &BoundaryOptions)],
    out: &mut [Detection],
    again: &[usize],
    threads: usize,
    given: impl Fn(usize) -> Given<'a> + Sync,
) -> Result<(), BoundaryError> {
    let redone: Vec<(usize, Detection)> = crate::internal::parallel::map(threads, again, |&t| {
        detect(years[t].0, years[t].1, given(t)).map(|d| (t, d))
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    for (t, d) in redone {
        out[t] = d;
    }
    Ok(())
}

/// The most years a unit may be away from a place it comes back to and still be noise
/// ([`super::FormationRule::DurablePlaces`]): fewer than the three years within which a
/// unit that leaves and comes back is a flip ([`super::flips`]).
const NOISE_YEARS: usize = 2;

/// What a span tells a year's detection of one unit ([`super::FormationRule::DurablePlaces`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Told {
    /// An insulator, wherever it still stands between qualified complexes.
    Carried,
    /// No insulator.
    Barred,
    /// No insulator: a member with these co-members (positions in the year).
    With(Vec<usize>),
    /// No insulator and a member of no complex: held out of the complex it would join,
    /// after the complexes are formed and again once fragments are dissolved.
    Out,
}

/// A span's verdict on one year: what it tells of each unit (by position) it tells of.
pub(crate) type Verdict = std::collections::BTreeMap<usize, Told>;

/// Where a unit stands in one year of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Not in the year's graph.
    Absent,
    /// An insulator.
    Insulator,
    /// In no qualified complex (a proto-complex, alone, set apart).
    Outside,
    /// In a qualified complex: the year and the complex's index among the year's
    /// [`Detection::candidates`].
    In(usize, usize),
}

/// Each year's verdict on the units' places over a span
/// ([`super::FormationRule::DurablePlaces`]), on the years as detected. Per unit, its places
/// year by year: where it leaves its place of one year and is back in it at most
/// [`NOISE_YEARS`] + 1 years later — whatever places it holds meanwhile, in none of which
/// it is a global power whose home [`super::FormationRule::SpanHome`] places over the span
/// (`span_home`; where that rule does not act, a global power's places are held like any
/// unit's) — the
/// years away are noise and take the place it left ([`smoothed`]: the shortest such stretch
/// first, the earliest among equals, until none is left, so that a unit alternating year by
/// year keeps the place it started with). Two places are the
/// same where both are an insulator's, both outside every complex, or complexes sharing at
/// least half of the unit's co-members of the first (as [`super::flips`] judges, so that a
/// stretch smoothed here is a flip there). A year where a unit's place so changes tells the
/// year's detection to carry it as an insulator
/// ([`RoleHint::Carried`](super::roles::RoleHint::Carried)), to bar it from being one
/// ([`RoleHint::Barred`](super::roles::RoleHint::Barred)), to hold it with its co-members
/// of the place it left, or, for a unit in no complex around a year in one, to hold it out
/// of every complex that year ([`super::FormationRule::DurableAbsence`]; without it such a
/// unit is left where it is, and the stretch is not taken). For that rule, "in no complex"
/// is what [`super::flips`] counts as such: outside every complex or an insulator, so that a
/// year or two as a member between a year outside and a year as an insulator (or the other
/// way round) is noise too.
fn places_over_span(
    years: &[(&InterdependenceGraph, &BoundaryOptions)],
    detections: &[Detection],
    span_home: bool,
) -> Result<Vec<Verdict>, BoundaryError> {
    // Every unit of the span, numbered.
    let mut units: Vec<&str> = years
        .iter()
        .flat_map(|(g, _)| g.ids.iter().map(String::as_str))
        .collect();
    units.sort_unstable();
    units.dedup();
    let number: FxHashMap<&str, usize> = units.iter().enumerate().map(|(k, &u)| (u, k)).collect();
    // Per year: each unit's place, each complex's members (numbers, sorted), and whether a
    // unit is a global power there.
    let mut placed: Vec<Vec<Place>> = Vec::with_capacity(years.len());
    let mut sets: Vec<Vec<Vec<usize>>> = Vec::with_capacity(years.len());
    let mut global: Vec<Vec<bool>> = Vec::with_capacity(years.len());
    for (t, (&(g, o), d)) in years.iter().zip(detections).enumerate() {
        let mut place = vec![Place::Absent; units.len()];
        for u in &g.ids {
            place[number[u.as_str()]] = Place::Outside;
        }
        let mut gl = vec![false; units.len()];
        for (i, &x) in held_flags(g, o)?.1.iter().enumerate() {
            gl[number[g.ids[i].as_str()]] = x;
        }
        global.push(gl);
        let mut members = vec![Vec::new(); d.candidates.len()];
        for (c, cand) in d.candidates.iter().enumerate() {
            if !cand.qualification.qualified {
                continue;
            }
            let mut set: Vec<usize> = cand.members.iter().map(|m| number[m.as_str()]).collect();
            set.sort_unstable();
            for &k in &set {
                place[k] = Place::In(t, c);
            }
            members[c] = set;
        }
        for x in &d.insulators {
            place[number[x.unit.as_str()]] = Place::Insulator;
        }
        placed.push(place);
        sets.push(members);
    }
    // Whether a unit at `a` is still there at `b`.
    let same = |a: Place, b: Place| match (a, b) {
        (Place::In(s, c), Place::In(t, d)) => {
            let (x, y) = (&sets[s][c], &sets[t][d]);
            let (mut i, mut j, mut both) = (0, 0, 0usize);
            while i < x.len() && j < y.len() {
                match x[i].cmp(&y[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        both += 1;
                        i += 1;
                        j += 1;
                    }
                }
            }
            // The unit itself is in both: its co-members are the others.
            2 * both.saturating_sub(1) >= x.len().saturating_sub(1)
        }
        (a, b) => a == b,
    };
    let absence = years
        .first()
        .is_some_and(|(_, o)| o.has_rule(super::FormationRule::DurableAbsence));
    let mut out: Vec<Verdict> = vec![Verdict::new(); years.len()];
    for (k, &u) in units.iter().enumerate() {
        // The years it is a global power whose home is placed over the span (`span_home`:
        // by `homes_over_span`); where none is, nothing else holds a power's home, and its
        // places are held like any unit's.
        let power: Vec<bool> = global.iter().map(|gl| gl[k] && span_home).collect();
        if power.iter().all(|&x| x) {
            continue;
        }
        let places: Vec<Place> = placed.iter().map(|p| p[k]).collect();
        let from = smoothed(&places, &power, absence, same);
        for (t, &f) in from.iter().enumerate() {
            // What the year's detection can be told: to carry an insulator, to bar one, to
            // hold a unit with its co-members, to hold it out of every complex.
            let (g, _) = years[t];
            let told = match (places[f], places[t]) {
                _ if f == t => continue,
                (Place::Insulator, _) => Told::Carried,
                (Place::In(s, c), _) => Told::With(
                    sets[s][c]
                        .iter()
                        .filter(|&&m| m != k)
                        .filter_map(|&m| g.position(units[m]))
                        .collect(),
                ),
                (_, Place::Insulator) => Told::Barred,
                (Place::Outside, Place::In(..)) if absence => Told::Out,
                _ => continue,
            };
            if let Some(i) = g.position(u) {
                out[t].insert(i, told);
            }
        }
    }
    Ok(out)
}

/// Per year, the year whose place a unit takes over a span
/// ([`super::FormationRule::DurablePlaces`]; itself unless smoothed), from its `places`
/// year by year, the years it is a global power (`power`, left to the homes' placement) and
/// whether [`super::FormationRule::DurableAbsence`] holds units out (`absence`). A stretch
/// the unit is away: it leaves its place of year `a` in year a + 1 and is back in it in year
/// b, at most [`NOISE_YEARS`] years later (as [`super::flips`] judges, whatever places it
/// holds meanwhile); the shortest first, the earliest among equals; each smoothing removes
/// a departure and makes none. A stretch is taken only where the span can tell the years
/// away their place: a unit outside every complex around a year or two as a member is held
/// out only by [`super::FormationRule::DurableAbsence`], so without that rule such a
/// stretch is no stretch — else it would stand, untold, in the way of the stretches around
/// it (a unit outside in 2000, a member in 2001, outside in 2002 and a member again in
/// 2003 would keep neither place).
fn smoothed(
    places: &[Place],
    power: &[bool],
    absence: bool,
    same: impl Fn(Place, Place) -> bool,
) -> Vec<usize> {
    // In no complex: outside every complex, or an insulator (as `flips` judges).
    let outside = |p: Place| matches!(p, Place::Outside | Place::Insulator);
    let member = |p: Place| matches!(p, Place::In(..));
    let mut from: Vec<usize> = (0..places.len()).collect();
    for _ in 0..places.len() {
        let here = |t: usize| places[from[t]];
        let stretch = (2..=NOISE_YEARS + 1).find_map(|k| {
            (0..places.len().saturating_sub(k))
                .find(|&a| {
                    let b = a + k;
                    let away = a + 1..b;
                    let back = same(here(a), here(b))
                        || (absence
                            && outside(here(a))
                            && outside(here(b))
                            && away.clone().all(|t| member(here(t))));
                    // A unit outside every complex is held out of one only by the rule.
                    let told = absence
                        || here(a) != Place::Outside
                        || !away.clone().any(|t| member(here(t)));
                    here(a) != Place::Absent
                        && !same(here(a), here(a + 1))
                        && back
                        && told
                        && away.clone().all(|t| here(t) != Place::Absent && !power[t])
                })
                .map(|a| (a, a + k))
        });
        let Some((a, b)) = stretch else { break };
        let before = from[a];
        for f in &mut from[a + 1..b] {
            *f = before;
        }
    }
    from
}

/// A year's labelling of the units (each unit's candidate complex) and each global power's
/// home among its labels (per unit, [`NONE`] for none).
type Homes = (Vec<usize>, Vec<usize>);

/// Each global power's home over a span, judged on each year's complexes as detected
/// (`first`): per year, the [`super::GlobalPlacement`] gain of each candidate complex it has
/// ties with (as the placement computes it), and the coupling ω
/// ([`BoundaryOptions::interslice`]) for each consecutive pair of years whose candidates
/// are the same complex (Jaccard similarity of their members, global powers left out, at
/// least 1/2); the best path through the years by dynamic programming — the power's places
/// tied across years like any unit's in the span's multislice modularity. A year where the
/// unit is absent or no global power breaks the path. Per year: `None` where every power's
/// home is the one the year chose alone, else the year's labelling (each unit's candidate)
/// and each power's home among its labels.
fn homes_over_span(
    years: &[(&InterdependenceGraph, &BoundaryOptions)],
    first: &[Detection],
) -> Result<Vec<Option<Homes>>, BoundaryError> {
    let omega = years.first().map_or(0.0, |y| y.1.interslice);
    // Per year: each unit's candidate, the global flags, each candidate's members (global
    // powers left out) and each power's gain per candidate.
    let mut labels = Vec::with_capacity(years.len());
    let mut members: Vec<Vec<Vec<usize>>> = Vec::with_capacity(years.len());
    let mut gains: Vec<FxHashMap<String, Vec<(usize, f64)>>> = Vec::with_capacity(years.len());
    for (t, &(g, o)) in years.iter().enumerate() {
        let (apart, global) = held_flags(g, o)?;
        let mut label = vec![NONE; g.ids.len()];
        for (c, cand) in first[t].candidates.iter().enumerate() {
            for u in &cand.members {
                if let Some(i) = g.position(u) {
                    label[i] = c;
                }
            }
        }
        let formed = |i: usize| !apart[i] && !global[i] && label[i] != NONE;
        let mut sets = vec![Vec::new(); first[t].candidates.len()];
        for i in (0..g.ids.len()).filter(|&i| formed(i)) {
            sets[label[i]].push(i);
        }
        let placement = PlacementGains::new(g, &label, |i| !apart[i] && !global[i]);
        let year: FxHashMap<String, Vec<(usize, f64)>> = (0..g.ids.len())
            .filter(|&i| global[i])
            .map(|i| (g.ids[i].clone(), placement.of(g, i, o)))
            .filter(|(_, gains)| !gains.is_empty())
            .collect();
        gains.push(year);
        labels.push(label);
        members.push(sets);
    }
    // Per consecutive pair of years, the members each pair of candidates shares.
    let shared: Vec<FxHashMap<(usize, usize), usize>> = (1..years.len())
        .map(|t| {
            let (ga, gb) = (years[t - 1].0, years[t].0);
            let mut next = vec![NONE; gb.ids.len()];
            for (d, set) in members[t].iter().enumerate() {
                for &j in set {
                    next[j] = d;
                }
            }
            let mut m: FxHashMap<(usize, usize), usize> = FxHashMap::default();
            for (c, set) in members[t - 1].iter().enumerate() {
                for &i in set {
                    if let Some(j) = gb.position(&ga.ids[i])
                        && next[j] != NONE
                    {
                        *m.entry((c, next[j])).or_insert(0) += 1;
                    }
                }
            }
            m
        })
        .collect();
    // Whether candidate `c` of year `t` and `d` of year `t + 1` are the same complex.
    let same = |t: usize, c: usize, d: usize| {
        let (a, b) = (members[t][c].len(), members[t + 1][d].len());
        let shared = shared[t].get(&(c, d)).copied().unwrap_or(0);
        let union = a + b - shared;
        union > 0 && 2 * shared >= union
    };
    let mut out: Vec<Option<Homes>> = vec![None; years.len()];
    let mut powers: Vec<&String> = gains.iter().flat_map(|y| y.keys()).collect();
    powers.sort();
    powers.dedup();
    for power in powers {
        // best[t]: (candidate, score, index of the best predecessor in best[t − 1]).
        let mut best: Vec<Vec<(usize, f64, Option<usize>)>> = Vec::with_capacity(years.len());
        for (t, year) in gains.iter().enumerate() {
            let Some(row) = year.get(power) else {
                best.push(Vec::new());
                continue;
            };
            let prev = t.checked_sub(1).map(|s| &best[s]);
            let row = row
                .iter()
                .map(|&(c, gain)| {
                    let from = prev.and_then(|prev| {
                        prev.iter()
                            .enumerate()
                            .map(|(k, &(d, score, _))| {
                                (k, score + if same(t - 1, d, c) { omega } else { 0.0 })
                            })
                            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                    });
                    match from {
                        Some((k, score)) => (c, gain + score, Some(k)),
                        None => (c, gain, None),
                    }
                })
                .collect();
            best.push(row);
        }
        // Back from the end of each unbroken run of years.
        let mut t = years.len();
        while t > 0 {
            t -= 1;
            let Some(mut k) = best[t]
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.1.total_cmp(&b.1.1).then(b.0.cmp(&a.0)))
                .map(|x| x.0)
            else {
                continue;
            };
            loop {
                let (c, _, from) = best[t][k];
                let g = years[t].0;
                if let Some(i) = g.position(power)
                    && labels[t][i] != c
                {
                    let entry =
                        out[t].get_or_insert_with(|| (labels[t].clone(), vec![NONE; g.ids.len()]));
                    entry.1[i] = c;
                }
                match from {
                    Some(f) if t > 0 => {
                        t -= 1;
                        k = f;
                    }
                    _ => break,
                }
            }
        }
    }
    Ok(out)
}

/// The span's multislice candidates, per year per unit ([`NONE`] for units held out), or
/// `None` for every year when the coupling is 0 or the span is one year. Each year comes with its options (its
/// power classes decide which units are held out); the resolution, coupling and seed are
/// the first year's.
pub(crate) fn propose_over_years(
    years: &[(&InterdependenceGraph, &BoundaryOptions)],
) -> Result<Vec<Option<Vec<usize>>>, BoundaryError> {
    let Some(&(_, options)) = years.first() else {
        return Ok(Vec::new());
    };
    // A single year has nothing to be coupled to: it is detected alone (each year's
    // detection checks its options).
    if options.interslice <= 0.0 || years.len() < 2 {
        return Ok(vec![None; years.len()]);
    }
    let mut slices = Vec::with_capacity(years.len());
    let mut keeps = Vec::with_capacity(years.len());
    let mut powers = Vec::with_capacity(years.len());
    for &(g, o) in years {
        let (apart, global) = held_flags(g, o)?;
        let held: Vec<bool> = apart.iter().zip(&global).map(|(a, b)| *a || *b).collect();
        let (keep, wg) = proposer_graph(g, &held);
        powers.push(super::formation::reach_of_powers(g, &keep, &global));
        keeps.push(keep);
        slices.push(wg);
    }
    let graphs: Vec<&InterdependenceGraph> = years.iter().map(|y| y.0).collect();
    let links: Vec<Vec<(usize, usize)>> = (1..graphs.len())
        .map(|t| {
            let next: FxHashMap<&str, usize> = keeps[t]
                .iter()
                .enumerate()
                .map(|(k, &i)| (graphs[t].ids[i].as_str(), k))
                .collect();
            keeps[t - 1]
                .iter()
                .enumerate()
                .filter_map(|(k, &i)| next.get(graphs[t - 1].ids[i].as_str()).map(|&b| (k, b)))
                .collect()
        })
        .collect();
    // With the split rule, the span's candidates are divided over the span (a division
    // holds in every year or none), as each year's are by the split rule alone; the global
    // powers held out are placed provisionally for the division's test, as each year's
    // second pass places them.
    let divide = (options.method == Method::Definition
        && options.has_rule(super::FormationRule::Split))
    .then(|| Division {
        ratio: options.split_ratio,
        powers: &powers,
        expected: super::formation::expected_factor(options),
    });
    let parts = multislice_louvain(
        &slices,
        &links,
        super::formation::quality(options),
        (options.resolution, options.interslice, options.seed),
        divide,
    );
    Ok(graphs
        .iter()
        .zip(keeps.iter().zip(parts))
        .map(|(g, (keep, part))| {
            let mut candidates = vec![NONE; g.ids.len()];
            for (k, &i) in keep.iter().enumerate() {
                candidates[i] = part[k];
            }
            Some(candidates)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::{FormationRule, Interdependence};
    use crate::polarity::{Classification, PowerClass};
    use crate::unit::UnitKind;

    /// Two triangles, A1–A3 and B1–B3, and X tied to each A by `to_a` and each B by
    /// `1 − to_a`.
    fn year(to_a: f64) -> InterdependenceGraph {
        let w = |amity| Interdependence {
            amity,
            ..Interdependence::default()
        };
        let units = ["A1", "A2", "A3", "B1", "B2", "B3", "X"]
            .map(|u| (u.to_owned(), UnitKind::State))
            .to_vec();
        let mut pairs = Vec::new();
        for r in [0, 3] {
            for a in r..r + 3 {
                pairs.extend((a + 1..r + 3).map(|b| (a, b, w(1.0))));
            }
        }
        pairs.extend((0..3).map(|a| (a, 6, w(to_a))));
        pairs.extend((3..6).map(|b| (b, 6, w(1.0 - to_a))));
        InterdependenceGraph::from_pairs(units, pairs).unwrap()
    }

    /// The smoothing of a unit's places with [`Place::In`] judged by the complex's index
    /// alone (the same complex every year it is `In(_, 0)`).
    fn smooth(places: &[Place], absence: bool) -> Vec<usize> {
        let same = |a: Place, b: Place| match (a, b) {
            (Place::In(_, c), Place::In(_, d)) => c == d,
            (a, b) => a == b,
        };
        smoothed(places, &vec![false; places.len()], absence, same)
    }

    /// A unit outside, a member, outside and a member again: without `DurableAbsence` the
    /// first stretch tells its year nothing, so the year away from the complex between the
    /// two member years is held there (it once took the first stretch and kept neither);
    /// with the rule the member year between two outside years is held out.
    #[test]
    fn a_stretch_that_tells_nothing_does_not_stand_in_the_way() {
        let (o, m) = (Place::Outside, |t| Place::In(t, 0));
        let places = [o, m(1), o, m(3)];
        assert_eq!(smooth(&places, false), [0, 1, 1, 3]);
        assert_eq!(smooth(&places, true), [0, 0, 2, 3]);
        // Between insulator years the span tells its role: the member year is held.
        let i = Place::Insulator;
        assert_eq!(smooth(&[i, m(1), i, m(3)], false), [0, 0, 2, 3]);
        // A member away for two years comes back: both years held, with or without the rule.
        let away = [m(0), o, o, m(3), m(4)];
        for absence in [false, true] {
            assert_eq!(smooth(&away, absence), [0, 0, 0, 3, 4]);
        }
        // Three years away is a change, not noise.
        assert_eq!(smooth(&[m(0), o, o, o, m(4)], false), [0, 1, 2, 3, 4]);
    }

    /// The first member of the qualified complex holding X, per year.
    fn homes_of_x(graphs: &[InterdependenceGraph], options: &[BoundaryOptions]) -> Vec<String> {
        let span: Vec<_> = graphs.iter().zip(options).collect();
        detect_span(&span, 1)
            .unwrap()
            .iter()
            .map(|d| {
                d.candidates
                    .iter()
                    .find(|c| c.qualification.qualified && c.members.contains(&"X".to_owned()))
                    .map_or("none".to_owned(), |c| c.members[0].clone())
            })
            .collect()
    }

    /// A global power's home is held like any unit's place where nothing places it over the
    /// span (`SpanHome` off, or the years not coupled): X, a great power every year, keeps
    /// its complex through a one-year shift of its ties; year by year it moves for that year.
    #[test]
    fn a_global_powers_place_holds_where_no_rule_places_it_over_the_span() {
        let power = BoundaryOptions::new()
            .insulator_participation(1.0)
            .insulator_max_share(0.0)
            .classes(Classification::new().with_override("X", PowerClass::GreatPower));
        let graphs: Vec<_> = [0.65, 0.65, 0.35, 0.65].map(year).to_vec();
        let held = vec!["A1".to_owned(); 4];
        let moved = ["A1", "A1", "B1", "A1"];
        for o in [
            power.clone(),
            power.clone().without_rule(FormationRule::SpanHome),
        ] {
            assert_eq!(homes_of_x(&graphs, &vec![o.clone(); 4]), held);
            let alone = o.without_rule(FormationRule::DurablePlaces);
            assert_eq!(homes_of_x(&graphs, &vec![alone; 4]), moved);
        }
    }

    /// A unit that is a global power in one year of a span (its home placed there) still
    /// has its places held in the years it is not one: X, a great power in the first year
    /// only, keeps its complex through a one-year shift of its ties two years later. (The
    /// rule once left out of the smoothing, in every year, a unit that was a global power in
    /// any year of the span: India over 1816–2014.)
    #[test]
    fn a_former_global_powers_place_holds_in_the_years_it_is_none() {
        let members_only = BoundaryOptions::new()
            .insulator_participation(1.0)
            .insulator_max_share(0.0);
        let power = members_only
            .clone()
            .classes(Classification::new().with_override("X", PowerClass::GreatPower));
        let graphs: Vec<_> = [0.65, 0.65, 0.35, 0.65].map(year).to_vec();
        let a = |n: usize| vec!["A1".to_owned(); n];
        let mut options = vec![members_only.clone(); 4];
        assert_eq!(homes_of_x(&graphs, &options), a(4));
        options[0] = power;
        assert_eq!(homes_of_x(&graphs, &options), a(4));
        // Year by year, the shift moves X for a year.
        let year_by_year =
            |o: &BoundaryOptions| o.clone().without_rule(FormationRule::DurablePlaces);
        let alone: Vec<_> = options.iter().map(year_by_year).collect();
        assert_eq!(homes_of_x(&graphs, &alone), ["A1", "A1", "B1", "A1"]);
    }
}
