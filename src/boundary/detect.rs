//! Complex detection: complexes formed by the definition (or taken from modularity),
//! insulators taken out, and the qualification test for each candidate.

use super::formation::{NONE, Prior, Reform, form, proposer_graph, reform};
use super::interdependence::InterdependenceGraph;
use super::louvain::{louvain, modularity};
use super::metrics::{BoundaryMetrics, Sums, metrics, sums};
use super::roles::{Insulator, RoleHint, find_insulators};
use super::span::{Told, Verdict};
use super::{BoundaryError, BoundaryOptions, Method};
use crate::internal::hash::FxHashMap;
use crate::tolerance::clearly_below;
use crate::unit::UnitKind;

/// The qualification test of a candidate complex (theory [§3](crate::guide::theory#3-boundaries)), with the numbers that decided.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Qualification {
    /// Members that are states or institutions (autonomous units); at least 2 are needed.
    pub autonomous_units: usize,
    /// Σ over members of their internal interdependence (each internal pair counted twice,
    /// as in Radicchi et al. 2004).
    pub internal_degree: f64,
    /// Σ over members of their external interdependence (units set apart excluded).
    pub external_degree: f64,
    /// Whether internal > external (a community in the weak sense of Radicchi et al. 2004).
    pub weak_community: bool,
    /// Members whose internal share of interdependence is below the threshold.
    pub weak_members: Vec<(String, f64)>,
    /// Whether the candidate is a regional security complex.
    pub qualified: bool,
    /// Whether a failing candidate is still a proto-complex (≥ 2 autonomous units, internal
    /// at least `proto_ratio` × external).
    pub proto: bool,
    /// Why it failed, in words (empty when qualified).
    pub reasons: Vec<String>,
}

/// A candidate complex.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// The members, in the security graph's unit order.
    pub members: Vec<String>,
    /// The qualification test.
    pub qualification: Qualification,
    /// Boundary metrics.
    pub metrics: BoundaryMetrics,
}

/// The result of [`detect_complexes`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    /// Candidates of two or more units, in order of their first member.
    pub candidates: Vec<Candidate>,
    /// Units set apart from detection (named by the options; superpowers under
    /// [`Method::Modularity`]; global powers placed in no complex), in unit order.
    pub set_apart: Vec<String>,
    /// Insulators taken out of the candidates, each measured on the final qualified
    /// candidates (its `touches` name each by one of its members; a
    /// [`super::BoundaryReport`] names them as it names its complexes).
    pub insulators: Vec<Insulator>,
    /// Units in no candidate of two or more (isolated, or alone in their community).
    pub alone: Vec<String>,
    /// Modularity of the partition found (before insulators were taken out).
    pub modularity: f64,
}

impl Detection {
    /// The qualified complexes.
    pub fn complexes(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(|c| c.qualification.qualified)
    }
}

/// Detects complexes in an interdependence graph.
///
/// By default ([`Method::Definition`], theory [§3](crate::guide::theory#3-boundaries)) the definition of Buzan & Wæver forms the
/// complexes: seeded Louvain modularity (Blondel et al. 2008, resolution γ) only proposes
/// candidates among the units that are neither set apart nor global powers; each unit is
/// reassigned to the candidate holding the largest share of its interdependence until no
/// unit moves (ties with units held out stay in the denominator); a set failing the weak
/// test (internal ≥ `inside_ratio` × external, Radicchi et al. 2004) merges into the set
/// it is bound to at least as much as within itself; a set splits when the proposer cuts
/// it into parts that all pass the weak test; superpowers and great powers then join their
/// own region, by default the complex where their ties most exceed chance given its weight
/// ([`super::GlobalPlacement`]; beyond it they penetrate, and their ties
/// across the boundary are not counted as external).
/// Insulators ([`BoundaryOptions::insulator_participation`],
/// [`BoundaryOptions::insulator_max_share`]) are taken out; each set of two or more units is
/// put to the qualification test: at least two autonomous units; internal greater than
/// external (weak sense); every member with at least `member_share` of its
/// interdependence inside (ties with units set apart in the denominator). Signs are not cut
/// on: enemies belong together.
///
/// With [`Method::Modularity`], Louvain's partition is kept as it is and superpowers are
/// set apart.
///
/// # Complexity
/// O(m log n) per Louvain level in practice; O(s·(n + m)) for s sweeps of the
/// primary-share rule (a handful in practice), each merge or split round alike.
///
/// # Errors
/// [`BoundaryError::BadParameter`] for an option out of range;
/// [`BoundaryError::UnknownUnit`] when [`BoundaryOptions::set_apart`] names a unit the
/// graph does not have.
///
/// # Example
/// ```
/// use rsct::boundary::{detect_complexes, interdependence, BoundaryOptions, InterdependenceOptions};
/// use rsct::{SecurityGraph, Dataset, DerivationRules, Evidence, Period, Relation, Sector, Sign, Unit};
/// let mut b = Dataset::builder();
/// for id in ["A1", "A2", "A3", "B1", "B2", "B3"] { b = b.unit(Unit::state(id, id)?); }
/// let tie = |a: &str, c: &str, s| Relation::builder(a, c, s, Period::from_year(2000))
///     .intensity(1.0).sector(Sector::Military).evidence(Evidence::new("x").unwrap()).build().unwrap();
/// let ds = b.relations([tie("A1","A2",Sign::Enmity), tie("A2","A3",Sign::Amity), tie("A1","A3",Sign::Enmity),
///                       tie("B1","B2",Sign::Amity), tie("B2","B3",Sign::Amity), tie("B1","B3",Sign::Enmity),
///                       tie("A3","B1",Sign::Amity)])
///     .build()?;
/// let g = interdependence(&ds.snapshot(2001, &DerivationRules::new())?, &InterdependenceOptions::new())?;
/// let d = detect_complexes(&g, &BoundaryOptions::new())?;
/// let found: Vec<Vec<String>> = d.complexes().map(|c| c.members.clone()).collect();
/// assert_eq!(found, vec![vec!["A1", "A2", "A3"], vec!["B1", "B2", "B3"]]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn detect_complexes(
    g: &InterdependenceGraph,
    options: &BoundaryOptions,
) -> Result<Detection, BoundaryError> {
    detect(g, options, Given::default())
}

/// [`detect_complexes`] of a year coupled to the previous year's detection: each unit's
/// score for the complex holding most of its previous co-members gains
/// [`BoundaryOptions::coupling`] × its interdependence, so that a unit's membership changes
/// only when its ties do (durability; an explicit inter-year coupling in the spirit of
/// multislice modularity, Mucha et al. 2010). Units new in the year have no prior.
///
/// # Complexity
/// As [`detect_complexes`], plus O(n²) per sweep for the prior.
///
/// # Errors
/// As [`detect_complexes`].
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{detect_complexes, detect_complexes_after, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "D"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [(0, 1, w(1.0)), (2, 3, w(1.0)), (1, 2, w(0.2))])?;
/// let o = BoundaryOptions::new().coupling(0.5);
/// let first = detect_complexes(&g, &o)?;
/// let next = detect_complexes_after(&g, &o, &first)?;
/// assert_eq!(first.candidates, next.candidates);
/// # Ok::<(), rsct::boundary::BoundaryError>(())
/// ```
pub fn detect_complexes_after(
    g: &InterdependenceGraph,
    options: &BoundaryOptions,
    previous: &Detection,
) -> Result<Detection, BoundaryError> {
    let mut prior = vec![NONE; g.ids.len()];
    for (c, cand) in previous.candidates.iter().enumerate() {
        for u in &cand.members {
            if let Some(i) = g.position(u) {
                prior[i] = c;
            }
        }
    }
    detect(
        g,
        options,
        Given {
            prior: Some(&prior),
            ..Given::default()
        },
    )
}

/// The units set apart and the global powers held out of formation, per unit of `g`;
/// checks the options first.
pub(crate) fn held_flags(
    g: &InterdependenceGraph,
    options: &BoundaryOptions,
) -> Result<(Vec<bool>, Vec<bool>), BoundaryError> {
    options.check()?;
    if let Some(u) = options.set_apart.iter().find(|u| g.position(u).is_none()) {
        return Err(BoundaryError::UnknownUnit {
            option: "set_apart",
            unit: u.clone(),
        });
    }
    let n = g.ids.len();
    let apart: Vec<bool> = g.ids.iter().map(|u| options.is_set_apart(u)).collect();
    let global: Vec<bool> = (0..n)
        .map(|i| {
            !apart[i]
                && options.method == Method::Definition
                && options.has_rule(super::FormationRule::GlobalHome)
                && options.classes.class(&g.ids[i]).is_global()
        })
        .collect();
    Ok((apart, global))
}

/// What detection is given beyond a year's ties and options.
#[derive(Clone, Copy, Default)]
pub(crate) struct Given<'a> {
    /// Each unit's complex the year before (the coupling's prior; [`NONE`] for none).
    pub(crate) prior: Option<&'a [usize]>,
    /// The candidates of a proposer run elsewhere, per unit.
    pub(crate) proposal: Option<&'a [usize]>,
    /// The global powers' homes chosen elsewhere: a labelling of the units and each power's
    /// home among its labels, per unit ([`NONE`] for none).
    pub(crate) homes: Option<(&'a [usize], &'a [usize])>,
    /// What the span tells of units' places ([`super::FormationRule::DurablePlaces`]).
    pub(crate) told: Option<&'a Verdict>,
}

/// [`detect_complexes`] with what a caller gives ([`Given`]).
pub(crate) fn detect(
    g: &InterdependenceGraph,
    options: &BoundaryOptions,
    given: Given<'_>,
) -> Result<Detection, BoundaryError> {
    let Given {
        prior,
        proposal,
        homes,
        told,
    } = given;
    // The span's verdict as roles per unit, units held with their co-members and units
    // held out of every complex.
    let mut roles: Option<Vec<RoleHint>> = told.map(|_| vec![RoleHint::Free; g.ids.len()]);
    let (mut pins, mut out): (Vec<(usize, Vec<usize>)>, Vec<usize>) = (Vec::new(), Vec::new());
    for (&i, t) in told.into_iter().flatten() {
        if let Some(r) = roles.as_mut() {
            r[i] = match t {
                Told::Carried => RoleHint::Carried,
                Told::Barred | Told::With(_) | Told::Out => RoleHint::Barred,
            };
        }
        match t {
            Told::With(with) => pins.push((i, with.clone())),
            Told::Out => out.push(i),
            Told::Carried | Told::Barred => {}
        }
    }
    let prior = if pins.is_empty() {
        prior.map(Prior::Coupled)
    } else {
        Some(Prior::Pinned(&pins))
    };
    let (apart, global) = held_flags(g, options)?;
    let n = g.ids.len();
    let (mut community, q) = match options.method {
        Method::Definition => {
            let held: Vec<bool> = (0..n).map(|i| apart[i] || global[i]).collect();
            let f = form(g, &held, &global, (prior, proposal), homes, options);
            (f.community, f.modularity)
        }
        _ => {
            let (keep, wg) = proposer_graph(g, &apart);
            let part = match proposal {
                Some(p) => keep.iter().map(|&i| p[i]).collect(),
                None => louvain(&wg, options.resolution, options.seed),
            };
            let q = modularity(&wg, &part, options.resolution);
            let mut community = vec![usize::MAX; n];
            for (k, &i) in keep.iter().enumerate() {
                community[i] = part[k];
            }
            (community, q)
        }
    };
    // Insulators touch qualified complexes, not fragments: which communities qualify is
    // decided before insulators are taken out, and again after (a unit whose ties spread
    // over every region can spoil the region it was proposed in until it is taken out),
    // until no new insulator appears.
    let mut insulators: Vec<Insulator> = Vec::new();
    // The insulators of a labelling whose qualified labels are flagged (the span's roles
    // applied).
    let insulators_on = |labels: &[usize], qualified: &[bool]| {
        find_insulators(
            g,
            labels,
            qualified,
            &apart,
            &global,
            options,
            roles.as_deref(),
        )
    };
    // A group's qualification depends on its members only (the flags are fixed here): each
    // round takes one unit out, so all other groups keep theirs.
    let mut qualified_memo: FxHashMap<Vec<usize>, bool> = FxHashMap::default();
    let shed =
        options.method == Method::Definition && options.has_rule(super::FormationRule::MemberShare);
    // Members without their share leave before the groups are judged, and again at the end
    // (once the insulators they leaned on are out and their fragments, by rule, dissolved).
    for &i in &out {
        community[i] = NONE;
    }
    let readmit =
        options.method == Method::Definition && options.has_rule(super::FormationRule::Readmission);
    let mut barred: Vec<bool> = (0..n).map(|i| apart[i] || global[i]).collect();
    for &i in &out {
        barred[i] = true;
    }
    if shed {
        shed_weak_members(g, &mut community, &global, options);
    }
    if readmit {
        readmit_units(g, &mut community, &barred, options);
    }
    let binds = options.method == Method::Definition
        && options.has_rule(super::FormationRule::BindingMember);
    // Units found to hold their complex together (never insulators).
    let mut binding = vec![false; n];
    for _round in 0..n {
        let groups = groups_of(&community);
        let mut labels = community.clone();
        for (c, members) in groups.iter().enumerate() {
            for &i in members {
                labels[i] = c;
            }
        }
        let qualified: Vec<bool> = groups
            .iter()
            .map(|members| {
                members.len() >= 2
                    && *qualified_memo
                        .entry(members.clone())
                        .or_insert_with(|| qualifies(g, members, &apart, &global, options))
            })
            .collect();
        // One insulator at a time, the most spread first (ties by identifier): taking it
        // out can qualify a complex it spoiled, or leave a unit that faced it facing one
        // complex only.
        let best = insulators_on(&labels, &qualified)
            .into_iter()
            .filter(|x| !insulators.iter().any(|y| y.unit == x.unit))
            .filter(|x| g.position(&x.unit).is_none_or(|i| !binding[i]))
            .max_by(|a, b| {
                a.participation
                    .total_cmp(&b.participation)
                    .then_with(|| b.unit.cmp(&a.unit))
            });
        let Some(ins) = best else { break };
        if let Some(i) = g.position(&ins.unit) {
            let c = labels[i];
            // A unit holding its own complex together is its member (rule BindingMember).
            if binds && qualified.get(c).copied().unwrap_or(false) {
                let rest: Vec<usize> = groups[c].iter().copied().filter(|&j| j != i).collect();
                let holds = rest.len() >= 2
                    && *qualified_memo
                        .entry(rest.clone())
                        .or_insert_with(|| qualifies(g, &rest, &apart, &global, options));
                if !holds {
                    binding[i] = true;
                    continue;
                }
            }
            community[i] = usize::MAX;
        }
        insulators.push(ins);
    }
    insulators.sort_by_key(|x| g.position(&x.unit));
    // Without their insulators, the fragments they leave join the complex they are bound to
    // (an insulator is no member, and the units it bound may belong elsewhere).
    if options.method == Method::Definition
        && options.has_rule(super::FormationRule::Dissolve)
        && !insulators.is_empty()
    {
        let mut held: Vec<bool> = apart.clone();
        for ins in &insulators {
            if let Some(i) = g.position(&ins.unit) {
                held[i] = true;
            }
        }
        let formed_held: Vec<bool> = (0..n).map(|i| held[i] || global[i]).collect();
        let labels_max = community
            .iter()
            .filter(|&&c| c != NONE)
            .max()
            .map_or(0, |&c| c + 1);
        let mut qualified = vec![false; labels_max];
        for (c, q) in qualified.iter_mut().enumerate() {
            let members: Vec<usize> = (0..n).filter(|&i| community[i] == c).collect();
            *q = members.len() >= 2 && qualifies(g, &members, &apart, &global, options);
        }
        reform(
            g,
            &mut community,
            &formed_held,
            &held,
            &global,
            (prior, None),
            options,
            Reform::Fragments(&qualified),
        );
        for ins in &insulators {
            if let Some(i) = g.position(&ins.unit) {
                community[i] = usize::MAX;
            }
        }
    }
    for &i in &out {
        community[i] = NONE;
    }
    if shed {
        shed_weak_members(g, &mut community, &global, options);
    }
    if readmit {
        for ins in &insulators {
            if let Some(i) = g.position(&ins.unit) {
                barred[i] = true;
            }
        }
        readmit_units(g, &mut community, &barred, options);
    }
    let mut candidates = Vec::new();
    let mut alone = Vec::new();
    for members in groups_of(&community) {
        if members.len() < 2 {
            alone.extend(members.iter().map(|&i| g.ids[i].clone()));
            continue;
        }
        candidates.push(qualify(g, &members, &apart, &global, options));
    }
    for i in 0..n {
        if community[i] == usize::MAX
            && !apart[i]
            && !global[i]
            && !insulators.iter().any(|x| x.unit == g.ids[i])
        {
            alone.push(g.ids[i].clone());
        }
    }
    candidates.sort_by_key(|c| g.position(&c.members[0]));
    // Each insulator judged again on the complexes that stand at the end (fragments
    // dissolved, members shed, the other insulators out): one that no longer stands between
    // two qualified complexes, faces units in no complex, or — unless the span carries its
    // role — fails the thresholds of spread is in no complex, not an insulator. Its role
    // was decided on the groups of its round; a report states it on its own complexes.
    if !insulators.is_empty() {
        let mut labels = vec![NONE; n];
        for (k, c) in candidates.iter().enumerate() {
            for m in &c.members {
                if let Some(i) = g.position(m) {
                    labels[i] = k;
                }
            }
        }
        let qualified: Vec<bool> = candidates
            .iter()
            .map(|c| c.qualification.qualified)
            .collect();
        // Those that stand, with their figures on these complexes.
        let standing = insulators_on(&labels, &qualified);
        insulators = insulators
            .into_iter()
            .filter_map(|x| {
                let now = standing.iter().find(|y| y.unit == x.unit).cloned();
                if now.is_none() {
                    alone.push(x.unit);
                }
                now
            })
            .collect();
    }
    let set_apart = (0..n)
        .filter(|&i| apart[i] || (global[i] && community[i] == usize::MAX))
        .map(|i| g.ids[i].clone())
        .collect();
    alone.sort_by_key(|u| g.position(u));
    alone.dedup();
    Ok(Detection {
        candidates,
        set_apart,
        insulators,
        alone,
        modularity: q,
    })
}

/// The members of each community label 0..k (labels [`NONE`] skipped), in unit order.
fn groups_of(community: &[usize]) -> Vec<Vec<usize>> {
    let k = community
        .iter()
        .filter(|&&c| c != NONE)
        .max()
        .map_or(0, |&c| c + 1);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in community.iter().enumerate() {
        if c != NONE {
            groups[c].push(i);
        }
    }
    groups.retain(|m| !m.is_empty());
    groups
}

/// The share of unit `i`'s interdependence with units `inside` says are in its set, ties
/// with every unit (set apart and global powers too) in the denominator; 0 for a unit with
/// no ties.
fn share_inside(g: &InterdependenceGraph, i: usize, inside: impl Fn(usize) -> bool) -> f64 {
    let (mut inn, mut tot) = (0.0, 0.0);
    for (j, w) in g.neighbours(i) {
        tot += w.total();
        if inside(j) {
            inn += w.total();
        }
    }
    if tot > 0.0 { inn / tot } else { 0.0 }
}

/// Rule [`FormationRule::MemberShare`](super::FormationRule::MemberShare): a unit with
/// clearly less than `member_share` of its interdependence inside its community (ties with
/// every unit in the denominator, as [`qualify`] counts them) is no member and leaves it (in
/// no community), until every member has its share — taking a unit out only lowers the
/// others' shares, so this stops within n rounds. It never moves a unit into another
/// community: a share held with a global power's complex is the power's reach, which must
/// merge no regions. Global powers are not tested (their ties beyond their region are their
/// reach).
fn shed_weak_members(
    g: &InterdependenceGraph,
    community: &mut [usize],
    global: &[bool],
    options: &BoundaryOptions,
) {
    loop {
        let weak: Vec<usize> = (0..community.len())
            .filter(|&i| community[i] != NONE && !global[i])
            .filter(|&i| {
                let c = community[i];
                clearly_below(
                    share_inside(g, i, |j| community[j] == c),
                    options.member_share,
                )
            })
            .collect();
        if weak.is_empty() {
            break;
        }
        for i in weak {
            community[i] = NONE;
        }
    }
}

/// Rule [`FormationRule::Readmission`](super::FormationRule::Readmission): a unit in no
/// community (left out by the proposer's groups, or shed by
/// [`FormationRule::MemberShare`](super::FormationRule::MemberShare)) and not `barred` (set
/// apart, a global power, an insulator, held out by the span) joins the community of two or
/// more units holding its largest share of interdependence when that share is at least
/// `member_share` (ties with every unit in the denominator) — the primary-share rule for
/// units that belong to no formed region, so a global power's tie to such a unit counts
/// with the power's home (it is no reach into another region). In identifier order, to a
/// fixed point: a unit that joins only raises its new co-members' shares inside and the
/// shares of units still out, so each unit joins at most once.
fn readmit_units(
    g: &InterdependenceGraph,
    community: &mut [usize],
    barred: &[bool],
    options: &BoundaryOptions,
) {
    let mut order: Vec<usize> = (0..community.len())
        .filter(|&i| community[i] == NONE && !barred[i])
        .collect();
    order.sort_by(|&a, &b| g.ids[a].cmp(&g.ids[b]));
    let mut size: FxHashMap<usize, usize> = FxHashMap::default();
    for &c in community.iter().filter(|&&c| c != NONE) {
        *size.entry(c).or_insert(0) += 1;
    }
    loop {
        let mut joined = false;
        for &i in &order {
            if community[i] != NONE {
                continue;
            }
            let mut sums: Vec<(usize, f64)> = Vec::new();
            let mut total = 0.0;
            for (j, w) in g.neighbours(i) {
                total += w.total();
                let c = community[j];
                if c == NONE || size.get(&c).copied().unwrap_or(0) < 2 {
                    continue;
                }
                match sums.iter_mut().find(|x| x.0 == c) {
                    Some(x) => x.1 += w.total(),
                    None => sums.push((c, w.total())),
                }
            }
            let best = sums
                .iter()
                .copied()
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((c, s)) = best
                && total > 0.0
                && !clearly_below(s / total, options.member_share)
            {
                community[i] = c;
                *size.entry(c).or_insert(0) += 1;
                joined = true;
            }
        }
        if !joined {
            break;
        }
    }
}

/// The qualification test of a set of units named by the caller — a region of a reference
/// map, a hypothesis — judged exactly as detection judges its own candidates (theory
/// [§3](crate::guide::theory#3-boundaries)): at least two autonomous units; internal
/// interdependence greater than external (a weak community, Radicchi et al. 2004); every
/// member with at least [`BoundaryOptions::member_share`] of its interdependence inside,
/// ties with outside and set-apart powers in the denominator. Global powers of the options'
/// classes inside the set are its penetrating members: their ties beyond it are their
/// reach, not the set's external ties, and they need no share inside. Whether a region
/// drawn by hand *is* a complex on the data's ties is the question this answers: a map the
/// definition rejects cannot be recovered by a method that follows the definition.
///
/// # Complexity
/// O(n + m).
///
/// # Errors
/// [`BoundaryError::UnknownUnit`] for a unit (or a unit of
/// [`BoundaryOptions::set_apart`]) the graph does not have; [`BoundaryError::BadParameter`]
/// for options out of range.
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{qualify_units, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "D"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [(0, 1, w(2.0)), (1, 2, w(1.0)), (2, 3, w(2.0))])?;
/// // {A, B}: internal 2 × 2 = 4 > external 1; B holds 2 of its 3 inside.
/// let q = qualify_units(&g, &["A", "B"], &BoundaryOptions::new())?.qualification;
/// assert!(q.qualified && q.internal_degree == 4.0 && q.external_degree == 1.0);
/// // {A, C}: nothing inside.
/// assert!(!qualify_units(&g, &["A", "C"], &BoundaryOptions::new())?.qualification.qualified);
/// # Ok::<(), rsct::boundary::BoundaryError>(())
/// ```
pub fn qualify_units(
    g: &InterdependenceGraph,
    units: &[&str],
    options: &BoundaryOptions,
) -> Result<Candidate, BoundaryError> {
    let (apart, global) = held_flags(g, options)?;
    let mut members = Vec::with_capacity(units.len());
    for u in units {
        let i = g.position(u).ok_or_else(|| BoundaryError::UnknownUnit {
            option: "units",
            unit: (*u).to_owned(),
        })?;
        members.push(i);
    }
    members.sort_unstable();
    members.dedup();
    Ok(qualify(g, &members, &apart, &global, options))
}

/// The figures of the qualification test of a member set.
struct Test {
    sums: Sums,
    autonomous_units: usize,
    /// Members (not global powers) with clearly less than the member share inside.
    weak_members: Vec<(usize, f64)>,
}

impl Test {
    /// Interdependence inside, each pair twice.
    fn internal_degree(&self) -> f64 {
        2.0 * self.sums.internal
    }
    /// Sums within rounding of each other count as equal (see `tolerance::SUM_RELATIVE`), so
    /// that the order of units cannot flip the test.
    fn weak_community(&self) -> bool {
        clearly_below(self.sums.external, self.internal_degree())
    }
    fn qualified(&self) -> bool {
        self.autonomous_units >= 2 && self.weak_community() && self.weak_members.is_empty()
    }
}

/// The qualification test of a member set (positions, in unit order); each tie across the
/// boundary is given to `cut` (see [`sums`]).
///
/// `global` flags global powers: a global power outside the set counts like a unit set apart
/// (its ties are penetration, not external interdependence), and a global power inside it
/// is a member whose ties across the boundary are its reach beyond its region. Members'
/// shares count ties with every unit in the denominator (theory [§3](crate::guide::theory#3-boundaries)); a global member's own
/// share is not tested.
fn test(
    g: &InterdependenceGraph,
    members: &[usize],
    apart: &[bool],
    global: &[bool],
    options: &BoundaryOptions,
    cut: impl FnMut(usize, usize, f64),
) -> Test {
    let mut inside = vec![false; g.ids.len()];
    for &i in members {
        inside[i] = true;
    }
    let outside_apart: Vec<bool> = (0..g.ids.len())
        .map(|i| apart[i] || (global[i] && !inside[i]))
        .collect();
    let penetrating: Vec<bool> = (0..g.ids.len()).map(|i| global[i] && inside[i]).collect();
    let sums = sums(g, &inside, &outside_apart, &penetrating, cut);
    let autonomous_units = members
        .iter()
        .filter(|&&i| matches!(g.kinds[i], UnitKind::State | UnitKind::Institution))
        .count();
    let weak_members = members
        .iter()
        .filter(|&&i| !penetrating[i])
        .map(|&i| (i, share_inside(g, i, |j| inside[j])))
        .filter(|&(_, share)| clearly_below(share, options.member_share))
        .collect();
    Test {
        sums,
        autonomous_units,
        weak_members,
    }
}

/// Whether a member set passes the qualification test ([`qualify`]'s verdict, without its
/// metrics and reasons).
pub(crate) fn qualifies(
    g: &InterdependenceGraph,
    members: &[usize],
    apart: &[bool],
    global: &[bool],
    options: &BoundaryOptions,
) -> bool {
    test(g, members, apart, global, options, |_, _, _| {}).qualified()
}

/// The qualification test and metrics of a member set (positions, in unit order), as
/// [`test`] judges it.
pub(crate) fn qualify(
    g: &InterdependenceGraph,
    members: &[usize],
    apart: &[bool],
    global: &[bool],
    options: &BoundaryOptions,
) -> Candidate {
    let mut ties = Vec::new();
    let t = test(g, members, apart, global, options, |a, b, w| {
        ties.push((a, b, w));
    });
    let m: BoundaryMetrics = metrics(g, &t.sums, ties);
    let internal_degree = t.internal_degree();
    let external_degree = t.sums.external;
    let autonomous_units = t.autonomous_units;
    let mut reasons = Vec::new();
    if autonomous_units < 2 {
        reasons.push(format!(
            "only {autonomous_units} autonomous unit(s); a complex needs at least 2"
        ));
    }
    if !t.weak_community() {
        reasons.push(format!(
            "internal interdependence {internal_degree:.3} does not exceed external {external_degree:.3}"
        ));
    }
    let weak_members: Vec<(String, f64)> = t
        .weak_members
        .iter()
        .map(|&(i, s)| (g.ids[i].clone(), s))
        .collect();
    for (u, s) in &weak_members {
        reasons.push(format!(
            "{u} has only {:.0} % of its interdependence inside (threshold {:.0} %)",
            s * 100.0,
            options.member_share * 100.0
        ));
    }
    let qualified = t.qualified();
    let proto = !qualified
        && autonomous_units >= 2
        && !clearly_below(internal_degree, options.proto_ratio * external_degree)
        && internal_degree > 0.0;
    Candidate {
        members: members.iter().map(|&i| g.ids[i].clone()).collect(),
        qualification: Qualification {
            autonomous_units,
            internal_degree,
            external_degree,
            weak_community: t.weak_community(),
            weak_members,
            qualified,
            proto,
            reasons,
        },
        metrics: m,
    }
}
