//! Complexes formed by Buzan & Wæver's definition (theory [§3](crate::guide::theory#3-boundaries)): candidates proposed by
//! modularity, units reassigned by the primary-share rule to a fixed point, sets merged or
//! split by the inside-versus-outside (weak community) test, global powers placed in their
//! own region.
//!
//! References: Radicchi, Castellano, Cecconi, Loreto & Parisi 2004, PNAS 101 (strong and
//! weak communities; the weak test and divisive splitting); Lancichinetti, Fortunato &
//! Kertész 2009, New J. Phys. 11 (a community grown by each node's fitness — here each unit's
//! share of interdependence); Blondel et al. 2008 (Louvain, the proposer); Traag, Waltman &
//! van Eck 2019, Sci. Rep. 9 (communities refined to connected, locally optimal parts).

use super::interdependence::InterdependenceGraph;
use super::louvain::{Quality, WeightedGraph, louvain_of, modularity};
use super::{BoundaryOptions, FormationRule, GlobalPlacement, Proposer};
use crate::internal::hash::{FxHashMap, FxHashSet};
use crate::tolerance::clearly_below;

/// Not in any community.
pub(crate) const NONE: usize = usize::MAX;

/// The outcome of [`form`].
#[derive(Debug, Clone)]
pub(crate) struct Formation {
    /// The community of each unit (0..k in order of first member), [`NONE`] for units held
    /// out and not placed, and for isolated units.
    pub(crate) community: Vec<usize>,
    /// Modularity of the proposer's candidates (over the units not held out).
    pub(crate) modularity: f64,
}

/// The proposer's quality function.
pub(crate) fn quality(o: &BoundaryOptions) -> Quality {
    match o.proposer {
        Proposer::Modularity => Quality::Modularity,
        Proposer::ConstantPotts => Quality::ConstantPotts,
    }
}

/// Weight of a pair.
fn weight(w: &super::Interdependence) -> f64 {
    w.total()
}

/// Forms complexes. `held` flags units kept out of formation (set apart, and global powers);
/// `global` flags global powers (placed in their home community afterwards when the rule is
/// on); `prior` gives, per unit, a community label of the previous year (or [`NONE`]) with
/// the coupling weight of [`BoundaryOptions::coupling`]; `proposal` the candidates proposed
/// elsewhere (per unit), and `homes` a labelling of the units and each global power's home
/// among its labels, chosen elsewhere (per unit, [`NONE`] for none).
pub(crate) fn form(
    g: &InterdependenceGraph,
    held: &[bool],
    global: &[bool],
    (prior, proposal): (Option<Prior<'_>>, Option<&[usize]>),
    homes: Option<(&[usize], &[usize])>,
    o: &BoundaryOptions,
) -> Formation {
    let n = g.ids.len();
    let (keep, wg) = proposer_graph(g, held);
    let part = match proposal {
        Some(p) => keep.iter().map(|&i| p[i]).collect(),
        None => louvain_of(&wg, quality(o), o.resolution, o.seed),
    };
    // The candidates' modularity: at the proposer's resolution, or at 1 when the proposer
    // is the constant Potts model (whose γ is a density, not a modularity resolution).
    let gamma = match o.proposer {
        Proposer::Modularity => o.resolution,
        Proposer::ConstantPotts => 1.0,
    };
    let q = modularity(&wg, &part, gamma);
    let mut comm = vec![NONE; n];
    for (k, &i) in keep.iter().enumerate() {
        comm[i] = part[k];
    }
    refine(g, &mut comm, held, prior, proposal, o);
    isolate(g, &mut comm, held);
    if o.has_rule(FormationRule::GlobalHome) && global.iter().any(|&x| x) {
        place_global(g, &mut comm, held, global, homes, o);
        // Second pass: each global power takes part with its ties to its own region only
        // (and to units in no complex); its ties to other complexes are its reach beyond
        // its region and merge nothing.
        let apart_only: Vec<bool> = (0..n).map(|i| held[i] && !global[i]).collect();
        reform(
            g,
            &mut comm,
            held,
            &apart_only,
            global,
            (prior, proposal),
            o,
            Reform::All,
        );
    }
    relabel(&mut comm);
    Formation {
        community: comm,
        modularity: q,
    }
}

/// The units the proposer sees (those not held out, in index order) and their graph, on
/// local indices.
pub(crate) fn proposer_graph(
    g: &InterdependenceGraph,
    held: &[bool],
) -> (Vec<usize>, WeightedGraph) {
    let keep: Vec<usize> = (0..g.ids.len()).filter(|&i| !held[i]).collect();
    let wg = induced(g, &keep, held);
    (keep, wg)
}

/// The weighted graph among `members` (on their positions in the list), ties with held
/// units left out.
fn induced(g: &InterdependenceGraph, members: &[usize], held: &[bool]) -> WeightedGraph {
    let mut local = vec![NONE; g.ids.len()];
    for (k, &i) in members.iter().enumerate() {
        local[i] = k;
    }
    let edges: Vec<(usize, usize, f64)> = g
        .edges
        .iter()
        .filter(|(a, b, _)| local[*a] != NONE && local[*b] != NONE && !held[*a] && !held[*b])
        .map(|(a, b, w)| (local[*a], local[*b], weight(w)))
        .collect();
    WeightedGraph::new(members.len(), &edges)
}

/// The rules applied again to a labelling with global powers placed: each global power takes
/// part with its ties to its own community and to fragments only (see [`mask_reach`]);
/// `formed_held` flags the units held out when the communities were formed (to judge which
/// communities are formed regions), `held` those held out now (units set apart, and
/// insulators once taken out).
#[allow(clippy::too_many_arguments)]
pub(crate) fn reform(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    formed_held: &[bool],
    held: &[bool],
    global: &[bool],
    (prior, proposal): (Option<Prior<'_>>, Option<&[usize]>),
    o: &BoundaryOptions,
    stage: Reform,
) {
    // A community is a formed region when it passes the weak test with the global powers'
    // ties counted as outside ties: a set bound together less than it is bound to a global
    // power is part of that power's region, not a region the power reaches into.
    let judged: Vec<bool> = (0..comm.len())
        .map(|i| formed_held[i] && !global[i])
        .collect();
    let d = degrees(g, comm, &judged, None);
    let formed: FxHashMap<usize, bool> = d
        .size
        .iter()
        .map(|(&c, &size)| {
            let inn = d.internal.get(&c).copied().unwrap_or(0.0);
            let ext = d.external.get(&c).copied().unwrap_or(0.0);
            (c, size >= 2 && passes(inn, ext, o.inside_ratio))
        })
        .collect();
    let masked = mask_reach(g, comm, global, &formed);
    match stage {
        Reform::All => refine(&masked, comm, held, prior, proposal, o),
        Reform::Fragments(qualified) => {
            if o.has_rule(FormationRule::PrimaryShare) {
                let mut size: FxHashMap<usize, usize> = FxHashMap::default();
                for (i, &c) in comm.iter().enumerate() {
                    if c != NONE && !held[i] {
                        *size.entry(c).or_insert(0) += 1;
                    }
                }
                let movable: Vec<bool> = (0..comm.len())
                    .map(|i| {
                        !held[i]
                            && comm[i] != NONE
                            && !qualified[comm[i]]
                            && size.get(&comm[i]).copied().unwrap_or(0) <= FRAGMENT
                    })
                    .collect();
                reassign_movable(&masked, comm, held, &movable);
                dissolve_fragments(&masked, comm, held, &movable);
            }
        }
    }
    isolate(&masked, comm, held);
}

/// The largest set an insulator can leave behind as a fragment to dissolve (a pair: two
/// units it bound together).
const FRAGMENT: usize = 2;

/// What [`reform`] applies again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reform<'a> {
    /// Every rule (the second pass, with global powers placed).
    All,
    /// Only the primary-share rule, for the members of communities of at most two units that
    /// do not qualify (flags by community label): after insulators are taken out, the units
    /// of the fragments they leave move to where their largest share lies; complexes and
    /// larger proto-complexes stay as they are.
    Fragments(&'a [bool]),
}

/// The primary-share rule for the `movable` units only (ties with every unit counted).
fn reassign_movable(g: &InterdependenceGraph, comm: &mut [usize], held: &[bool], movable: &[bool]) {
    let mut order: Vec<usize> = (0..g.ids.len()).filter(|&i| movable[i]).collect();
    order.sort_by(|&a, &b| g.ids[a].cmp(&g.ids[b]));
    for _sweep in 0..16 {
        let mut moved = false;
        for &i in &order {
            let mut sums: Vec<(usize, f64)> = Vec::new();
            for (j, w) in g.neighbours(i) {
                if held[j] || comm[j] == NONE {
                    continue;
                }
                match sums.iter_mut().find(|x| x.0 == comm[j]) {
                    Some(x) => x.1 += weight(w),
                    None => sums.push((comm[j], weight(w))),
                }
            }
            let own = sums.iter().find(|x| x.0 == comm[i]).map_or(0.0, |x| x.1);
            sums.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            if let Some(&(c, s)) = sums.first()
                && c != comm[i]
                && clearly_below(own, s)
            {
                comm[i] = c;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// The rules of the definition, applied to a labelling until nothing changes.
fn refine(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    held: &[bool],
    prior: Option<Prior<'_>>,
    proposal: Option<&[usize]>,
    o: &BoundaryOptions,
) {
    let on = |r: FormationRule| o.has_rule(r);
    if !(on(FormationRule::PrimaryShare) || on(FormationRule::Merge) || on(FormationRule::Split)) {
        return;
    }
    // The communities found not to split, by their units: the same units give the same
    // parts, and the same verdict, while the units in no community stay the same. No rule
    // here takes a unit out of every community (the primary-share rule may bring one in), so
    // their number tells when to forget.
    let mut unsplit: FxHashSet<Vec<usize>> = FxHashSet::default();
    let outside = |comm: &[usize]| (0..comm.len()).filter(|&i| comm[i] == NONE).count();
    let mut unsplit_outside = outside(comm);
    for _round in 0..16 {
        let mut changed = false;
        if on(FormationRule::PrimaryShare) {
            changed |= reassign(g, comm, held, None, prior, o.coupling);
        }
        if on(FormationRule::Merge) {
            changed |= merge_weak(g, comm, held, o.inside_ratio);
        }
        if on(FormationRule::Split) {
            if outside(comm) != unsplit_outside {
                unsplit.clear();
                unsplit_outside = outside(comm);
            }
            changed |= split(g, comm, held, (prior, proposal), o, &mut unsplit);
        }
        if !changed {
            break;
        }
    }
}

/// Units with no tie to any unit formed belong to no community.
fn isolate(g: &InterdependenceGraph, comm: &mut [usize], held: &[bool]) {
    for i in 0..g.ids.len() {
        if !held[i] && !g.neighbours(i).any(|(j, w)| !held[j] && weight(w) > 0.0) {
            comm[i] = NONE;
        }
    }
}

/// The graph without each placed global power's ties to units of other communities than
/// its own that pass the weak test on their own (formed regions; fragments of its own
/// region keep their ties to it), and without ties between global powers.
fn mask_reach(
    g: &InterdependenceGraph,
    comm: &[usize],
    global: &[bool],
    formed: &FxHashMap<usize, bool>,
) -> InterdependenceGraph {
    let keep = |a: usize, b: usize| {
        let reach = |x: usize, y: usize| {
            global[x]
                && (global[y]
                    || (comm[y] != NONE
                        && comm[y] != comm[x]
                        && formed.get(&comm[y]).copied().unwrap_or(false)))
        };
        !(reach(a, b) || reach(b, a))
    };
    let edges: Vec<(usize, usize, super::Interdependence)> = g
        .edges
        .iter()
        .copied()
        .filter(|&(a, b, _)| keep(a, b))
        .collect();
    let mut adjacency = vec![Vec::new(); g.ids.len()];
    for (k, &(a, b, _)) in edges.iter().enumerate() {
        adjacency[a].push((b, k));
        adjacency[b].push((a, k));
    }
    InterdependenceGraph {
        ids: g.ids.clone(),
        kinds: g.kinds.clone(),
        index: g.index.clone(),
        edges,
        adjacency,
    }
}

/// Relabels communities 0..k in order of first member.
pub(crate) fn relabel(comm: &mut [usize]) {
    let mut label: FxHashMap<usize, usize> = FxHashMap::default();
    for c in comm.iter_mut() {
        if *c == NONE {
            continue;
        }
        let next = label.len();
        *c = *label.entry(*c).or_insert(next);
    }
}

/// Where detection holds units to their place in another year.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Prior<'a> {
    /// Per unit, a community label of the previous year ([`NONE`] for none): each unit's
    /// score for the community holding most of its co-members there gains
    /// [`BoundaryOptions::coupling`] × its strength.
    Coupled(&'a [usize]),
    /// Units held to the community holding most of the co-members they have in the years
    /// around (each unit with those co-members' positions): they move there whatever their
    /// shares ([`super::FormationRule::DurablePlaces`]).
    Pinned(&'a [(usize, Vec<usize>)]),
}

/// The community (of `comm`, [`NONE`] skipped) holding most of `units`; ties to the least
/// `tie` key. `None` when none of them is in a community.
fn holding_most(
    comm: &[usize],
    units: impl Iterator<Item = usize>,
    tie: impl Fn(usize) -> usize,
) -> Option<usize> {
    let mut count: FxHashMap<usize, usize> = FxHashMap::default();
    for j in units {
        if comm[j] != NONE {
            *count.entry(comm[j]).or_insert(0) += 1;
        }
    }
    count
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(tie(b.0).cmp(&tie(a.0))))
        .map(|(c, _)| c)
}

/// The primary-share rule: each unit moves to the community holding the largest share of
/// its interdependence (ties with units held out stay in the denominator and so cannot be
/// anyone's majority), until no unit moves. `within` restricts the rule to units flagged and
/// their ties among themselves (for splitting and sub-complexes). A [`Prior::Coupled`]
/// labelling adds `coupling × strength` to the community holding most of the unit's
/// previous co-members (durability across years); a [`Prior::Pinned`] unit follows its
/// co-members of the years around. Returns whether anything moved.
///
/// A unit moves only when another community holds clearly more than its own, so the rule
/// stops: each move raises Σ_i w(i, community(i)) … except when two moves interact; the
/// sweeps are capped at 64.
pub(crate) fn reassign(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    held: &[bool],
    within: Option<&[bool]>,
    prior: Option<Prior<'_>>,
    coupling: f64,
) -> bool {
    let n = g.ids.len();
    let inside = |i: usize| !held[i] && within.is_none_or(|w| w[i]);
    let mut pins: Vec<Option<&[usize]>> = vec![None; n];
    if let Some(Prior::Pinned(list)) = prior {
        for (i, with) in list {
            if *i < n {
                pins[*i] = Some(with.as_slice());
            }
        }
    }
    let mut moved_any = false;
    // Units visited, and ties broken, by identifier, so that the order of units in the graph
    // decides nothing.
    // Only the units the rule applies to are visited (the others neither move nor count).
    let mut order: Vec<usize> = (0..n).filter(|&i| inside(i)).collect();
    order.sort_by(|&a, &b| g.ids[a].cmp(&g.ids[b]));
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    // A coupled prior's groups: the units of each previous label, in index order.
    let mut before_groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    if let Some(Prior::Coupled(p)) = prior
        && coupling > 0.0
    {
        for i in (0..n).filter(|&i| inside(i) && p[i] != NONE) {
            before_groups.entry(p[i]).or_default().push(i);
        }
    }
    // The labels of the units visited, in order: the rule works on their positions here
    // (`local`), since a unit only ever moves to a label some visited unit has.
    let mut labels: Vec<usize> = order
        .iter()
        .map(|&i| comm[i])
        .filter(|&c| c != NONE)
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let at = |c: usize| labels.binary_search(&c).ok();
    let mut local = vec![NONE; n];
    for &i in &order {
        local[i] = at(comm[i]).unwrap_or(NONE);
    }
    // Per label: the interdependence of the unit visited with it, whether it was touched
    // (the touched listed, to clear), and its key (the least rank among its units).
    let mut sums = vec![0.0; labels.len()];
    let mut seen = vec![false; labels.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut key = vec![usize::MAX; labels.len()];
    for _sweep in 0..64 {
        let mut moved = false;
        key.fill(usize::MAX);
        for &i in &order {
            if local[i] != NONE {
                key[local[i]] = key[local[i]].min(rank[i]);
            }
        }
        for &i in &order {
            if let Some(with) = pins[i] {
                let around = with.iter().copied().filter(|&j| j != i && inside(j));
                let kc = |c: usize| at(c).map_or(usize::MAX, |x| key[x]);
                if let Some(c) = holding_most(comm, around, kc) {
                    if comm[i] != c
                        && let Some(x) = at(c)
                    {
                        comm[i] = labels[x];
                        local[i] = x;
                        moved = true;
                        moved_any = true;
                    }
                    continue;
                }
            }
            for &x in &touched {
                sums[x] = 0.0;
                seen[x] = false;
            }
            touched.clear();
            let mut add = |x: usize, w: f64| {
                if !seen[x] {
                    seen[x] = true;
                    touched.push(x);
                }
                sums[x] += w;
            };
            let mut strength = 0.0;
            for (j, w) in g.neighbours(i) {
                if !inside(j) {
                    continue;
                }
                strength += weight(w);
                if local[j] != NONE {
                    add(local[j], weight(w));
                }
            }
            if let Some(Prior::Coupled(p)) = prior
                && coupling > 0.0
                && p[i] != NONE
            {
                let before = before_groups.get(&p[i]).into_iter().flatten().copied();
                if let Some(x) = holding_most(comm, before.filter(|&j| j != i), |c| c).and_then(at)
                {
                    add(x, coupling * strength);
                }
            }
            let cur = local[i];
            let own = if cur == NONE { 0.0 } else { sums[cur] };
            let best = touched
                .iter()
                .copied()
                .filter(|&x| x != cur)
                .max_by(|&a, &b| sums[a].total_cmp(&sums[b]).then(key[b].cmp(&key[a])));
            if let Some(x) = best
                && clearly_below(own, sums[x])
                && sums[x] - own > 1e-9 * sums[x].max(1.0)
            {
                comm[i] = labels[x];
                local[i] = x;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    moved_any
}

/// Internal degree (each internal pair twice), external degree (ties to units not held out
/// and outside the community) and pairwise weights between communities.
struct Degrees {
    internal: FxHashMap<usize, f64>,
    external: FxHashMap<usize, f64>,
    size: FxHashMap<usize, usize>,
    between: FxHashMap<(usize, usize), f64>,
}

fn degrees(
    g: &InterdependenceGraph,
    comm: &[usize],
    held: &[bool],
    within: Option<&[bool]>,
) -> Degrees {
    let inside = |i: usize| !held[i] && within.is_none_or(|w| w[i]);
    let mut d = Degrees {
        internal: FxHashMap::default(),
        external: FxHashMap::default(),
        size: FxHashMap::default(),
        between: FxHashMap::default(),
    };
    for (i, &c) in comm.iter().enumerate() {
        if c != NONE && inside(i) {
            *d.size.entry(c).or_insert(0) += 1;
        }
    }
    for (a, b, w) in &g.edges {
        let (a, b, w) = (*a, *b, weight(w));
        if !inside(a) || !inside(b) {
            continue;
        }
        let (ca, cb) = (comm[a], comm[b]);
        if ca == cb && ca != NONE {
            *d.internal.entry(ca).or_insert(0.0) += 2.0 * w;
            continue;
        }
        for c in [ca, cb] {
            if c != NONE {
                *d.external.entry(c).or_insert(0.0) += w;
            }
        }
        if ca != NONE && cb != NONE {
            *d.between.entry((ca.min(cb), ca.max(cb))).or_insert(0.0) += w;
        }
    }
    d
}

/// The fragments still standing after the primary-share rule (communities holding a
/// `movable` unit) join the community they are most bound to, when bound to it at least as
/// much as within themselves: a pair an insulator held together is no region of its own
/// once the insulator is out, even when each unit's largest single share is its partner.
fn dissolve_fragments(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    held: &[bool],
    movable: &[bool],
) {
    let fragments: Vec<usize> = {
        let mut f: Vec<usize> = (0..comm.len())
            .filter(|&i| movable[i] && comm[i] != NONE)
            .map(|i| comm[i])
            .collect();
        f.sort_unstable();
        f.dedup();
        f
    };
    if fragments.is_empty() {
        return;
    }
    let d = degrees(g, comm, held, None);
    let mut target: FxHashMap<usize, usize> = FxHashMap::default();
    for &c in &fragments {
        let inn = d.internal.get(&c).copied().unwrap_or(0.0) / 2.0;
        let best = d
            .between
            .iter()
            .filter_map(|(&(a, b), &w)| match (a == c, b == c) {
                (true, _) => Some((b, w)),
                (_, true) => Some((a, w)),
                _ => None,
            })
            .filter(|(t, _)| fragments.binary_search(t).is_err())
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((t, w)) = best
            && !clearly_below(w, inn)
        {
            target.insert(c, t);
        }
    }
    for c in comm.iter_mut() {
        if let Some(&t) = target.get(c) {
            *c = t;
        }
    }
}

/// Whether internal ≥ ratio × external (Radicchi et al.'s weak community at ratio 1).
pub(crate) fn passes(internal: f64, external: f64, ratio: f64) -> bool {
    internal > 0.0 && !clearly_below(internal, ratio * external)
}

/// Merges each community failing the weak test into the community it is most bound to, when
/// it is bound to it at least as much as within itself. Returns whether anything merged.
fn merge_weak(g: &InterdependenceGraph, comm: &mut [usize], held: &[bool], ratio: f64) -> bool {
    let d = degrees(g, comm, held, None);
    let mut labels: Vec<usize> = d.size.keys().copied().collect();
    labels.sort_unstable_by_key(|c| (d.size[c], *c));
    let mut target: FxHashMap<usize, usize> = FxHashMap::default();
    for &c in &labels {
        let inn = d.internal.get(&c).copied().unwrap_or(0.0);
        let ext = d.external.get(&c).copied().unwrap_or(0.0);
        if ext <= 0.0 || passes(inn, ext, ratio) {
            continue;
        }
        let best = d
            .between
            .iter()
            .filter_map(|(&(a, b), &w)| {
                if a == c {
                    Some((b, w))
                } else if b == c {
                    Some((a, w))
                } else {
                    None
                }
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((t, w)) = best
            && !clearly_below(w, inn / 2.0)
            && !target.contains_key(&t)
        {
            target.insert(c, t);
        }
    }
    if target.is_empty() {
        return false;
    }
    for c in comm.iter_mut() {
        if let Some(&t) = target.get(c) {
            *c = t;
        }
    }
    true
}

/// Splits a community when the proposer, followed by the primary-share rule inside it, cuts
/// it into parts that each pass the weak test at `split_ratio` in the whole graph (Radicchi
/// et al.'s divisive criterion, with interdependence markedly more intense inside). With a
/// span's `proposal` (multislice candidates), the parts are the proposal's candidates
/// among the members, so that a split, too, holds from year to year unless the ties
/// change; a split that would cut a [`Prior::Pinned`] unit from most of the co-members it
/// is held with is not made. `unsplit` holds the unit sets (all units labelled alike) of
/// communities found not to split, which are not tried again; it is valid while the units
/// in no community stay the same. Returns whether anything split.
fn split(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    held: &[bool],
    (prior, proposal): (Option<Prior<'_>>, Option<&[usize]>),
    o: &BoundaryOptions,
    unsplit: &mut FxHashSet<Vec<usize>>,
) -> bool {
    let n = g.ids.len();
    let pins: &[(usize, Vec<usize>)] = match prior {
        Some(Prior::Pinned(list)) => list,
        _ => &[],
    };
    let mut labels: Vec<usize> = comm.iter().copied().filter(|&c| c != NONE).collect();
    labels.sort_unstable();
    labels.dedup();
    let mut next = labels.last().map_or(0, |c| c + 1);
    let mut any = false;
    for c in labels {
        let members: Vec<usize> = (0..n).filter(|&i| comm[i] == c && !held[i]).collect();
        if members.len() < 4 {
            continue;
        }
        let all: Vec<usize> = (0..n).filter(|&i| comm[i] == c).collect();
        if unsplit.contains(&all) {
            continue;
        }
        let parts = match proposal {
            // A global power placed here has no candidate of its own: a label apart,
            // and the primary-share rule places it.
            Some(p) => parts_of(g, &members, held, |k| match p[members[k]] {
                NONE => NONE - 1,
                c => c,
            }),
            None => propose_parts(g, &members, held, quality(o), o.resolution, o.seed),
        };
        let k = parts
            .iter()
            .filter(|&&p| p != NONE)
            .max()
            .map_or(0, |p| p + 1);
        if k < 2 {
            unsplit.insert(all);
            continue;
        }
        let mut trial = comm.to_vec();
        for (idx, &i) in members.iter().enumerate() {
            trial[i] = if parts[idx] == 0 {
                c
            } else {
                next + parts[idx]
            };
        }
        // A unit held with its co-members of the years around is not cut from most of
        // those it has here.
        let cuts_a_pin = pins.iter().any(|(i, with)| {
            let here: Vec<usize> = with.iter().copied().filter(|&j| comm[j] == c).collect();
            comm[*i] == c
                && 2 * here.iter().filter(|&&j| trial[j] == trial[*i]).count() < here.len()
        });
        if cuts_a_pin {
            unsplit.insert(all);
            continue;
        }
        let d = degrees(g, &trial, held, None);
        let all_pass = (0..k).all(|p| {
            let l = if p == 0 { c } else { next + p };
            let size = d.size.get(&l).copied().unwrap_or(0);
            size >= 2
                && passes(
                    d.internal.get(&l).copied().unwrap_or(0.0),
                    d.external.get(&l).copied().unwrap_or(0.0),
                    o.split_ratio,
                )
        });
        if all_pass {
            comm.copy_from_slice(&trial);
            next += k;
            any = true;
        } else {
            unsplit.insert(all);
        }
    }
    any
}

/// Parts of a member set: the proposer on its induced subgraph, then the primary-share rule
/// among the members; labels 0..k by first member.
pub(crate) fn propose_parts(
    g: &InterdependenceGraph,
    members: &[usize],
    held: &[bool],
    quality: Quality,
    resolution: f64,
    seed: u64,
) -> Vec<usize> {
    let part = louvain_of(&induced(g, members, held), quality, resolution, seed);
    parts_of(g, members, held, |k| part[k])
}

/// Parts of a member set from a labelling of its members (`label(k)` for the k-th member), then the primary-share rule among the members; labels 0..k by first member.
fn parts_of(
    g: &InterdependenceGraph,
    members: &[usize],
    held: &[bool],
    label: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let n = g.ids.len();
    let mut within = vec![false; n];
    let mut comm = vec![NONE; n];
    for (k, &i) in members.iter().enumerate() {
        within[i] = true;
        comm[i] = label(k);
    }
    reassign(g, &mut comm, held, Some(&within), None, 0.0);
    let mut out: Vec<usize> = members.iter().map(|&i| comm[i]).collect();
    relabel(&mut out);
    out
}

/// Places each global power held out in its own region (beyond it, it penetrates): by
/// [`GlobalPlacement`], the community where its interdependence with units formed most
/// exceeds the expected at the proposer's resolution, or the one holding its largest share
/// — or, where a home was chosen elsewhere (`chosen`: a labelling of the units and each
/// global power's home among its labels, per unit; over a span,
/// [`super::FormationRule::SpanHome`]), the community holding most of that label's units.
fn place_global(
    g: &InterdependenceGraph,
    comm: &mut [usize],
    held: &[bool],
    global: &[bool],
    chosen: Option<(&[usize], &[usize])>,
    o: &BoundaryOptions,
) {
    let gains = PlacementGains::new(g, comm, |i| !held[i]);
    let mut placed = Vec::new();
    for i in (0..g.ids.len()).filter(|&i| global[i]) {
        // A home chosen elsewhere: the community holding most of that label's units.
        if let Some((labels, homes)) = chosen
            && homes[i] != NONE
        {
            let region = (0..g.ids.len()).filter(|&j| !held[j] && labels[j] == homes[i]);
            if let Some(c) = holding_most(comm, region, |c| c) {
                placed.push((i, c));
                continue;
            }
        }
        if let Some((c, _)) = gains
            .of(g, i, o)
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            placed.push((i, c));
        }
    }
    for (i, c) in placed {
        comm[i] = c;
    }
}

/// The factor of a global power's expected interdependence with a community under
/// [`GlobalPlacement`]: 1 above chance, the proposer's resolution above the expected, `None`
/// for the largest share (nothing expected).
pub(crate) fn expected_factor(o: &BoundaryOptions) -> Option<f64> {
    match o.global_placement {
        GlobalPlacement::AboveExpected => Some(o.resolution),
        GlobalPlacement::AboveChance => Some(1.0),
        GlobalPlacement::LargestShare => None,
    }
}

/// A global power's gain for a community under [`GlobalPlacement`]: its interdependence `w`
/// with the community less `expected` times the share the configuration model expects,
/// `k · vol / total` (`k` the power's interdependence with all units formed, `vol` the
/// community's volume, `total` twice all interdependence among units formed); `w` itself
/// when nothing is expected.
pub(crate) fn placement_gain(
    w: f64,
    (k, vol, total): (f64, f64, f64),
    expected: Option<f64>,
) -> f64 {
    match expected {
        Some(gamma) if total > 0.0 => w - gamma * k * vol / total,
        _ => w,
    }
}

/// The global powers held out of the proposer (`global` flags them), each with its ties with
/// the units the proposer sees (`keep`, as [`proposer_graph`] lists them): (local index,
/// weight) pairs, in power order.
pub(crate) fn reach_of_powers(
    g: &InterdependenceGraph,
    keep: &[usize],
    global: &[bool],
) -> Vec<Vec<(usize, f64)>> {
    let mut local = vec![NONE; g.ids.len()];
    for (k, &i) in keep.iter().enumerate() {
        local[i] = k;
    }
    (0..g.ids.len())
        .filter(|&i| global[i])
        .map(|i| {
            g.neighbours(i)
                .filter(|&(j, _)| local[j] != NONE)
                .map(|(j, w)| (local[j], weight(w)))
                .collect()
        })
        .collect()
}

/// The [`GlobalPlacement`] gains of a labelling's communities for global powers: each
/// community's volume (its members' interdependence among units formed) and twice all
/// interdependence among units formed, computed once for all powers.
pub(crate) struct PlacementGains<'a> {
    label: &'a [usize],
    formed: Vec<bool>,
    vol: FxHashMap<usize, f64>,
    total: f64,
}

impl<'a> PlacementGains<'a> {
    /// The volumes of `label`'s communities (per unit, [`NONE`] for none) over the units
    /// `formed` flags (and that have a label).
    pub(crate) fn new(
        g: &InterdependenceGraph,
        label: &'a [usize],
        formed: impl Fn(usize) -> bool,
    ) -> Self {
        let formed: Vec<bool> = (0..g.ids.len())
            .map(|i| formed(i) && label[i] != NONE)
            .collect();
        let mut vol: FxHashMap<usize, f64> = FxHashMap::default();
        let mut total = 0.0;
        for (a, b, w) in &g.edges {
            if formed[*a] && formed[*b] {
                let x = weight(w);
                *vol.entry(label[*a]).or_insert(0.0) += x;
                *vol.entry(label[*b]).or_insert(0.0) += x;
                total += 2.0 * x;
            }
        }
        Self {
            label,
            formed,
            vol,
            total,
        }
    }

    /// Global power `i`'s gain for each community it has ties with (by label, in increasing
    /// order): its interdependence `s` with the community less the expected share of its
    /// interdependence `k` with all units formed, `γ · k · vol / total` (γ 1 above chance,
    /// the proposer's resolution above the expected), or `s` itself for the largest share.
    pub(crate) fn of(
        &self,
        g: &InterdependenceGraph,
        i: usize,
        o: &BoundaryOptions,
    ) -> Vec<(usize, f64)> {
        let mut sums: Vec<(usize, f64)> = Vec::new();
        for (j, w) in g.neighbours(i) {
            if !self.formed[j] {
                continue;
            }
            match sums.iter_mut().find(|x| x.0 == self.label[j]) {
                Some(x) => x.1 += weight(w),
                None => sums.push((self.label[j], weight(w))),
            }
        }
        let k: f64 = sums.iter().map(|x| x.1).sum();
        let expected = expected_factor(o);
        for x in &mut sums {
            let vol = self.vol.get(&x.0).copied().unwrap_or(0.0);
            x.1 = placement_gain(x.1, (k, vol, self.total), expected);
        }
        sums.sort_by_key(|x| x.0);
        sums
    }
}
