//! Roles of units around complexes: insulators, buffer states, penetration and overlay.

use super::BoundaryOptions;
use super::interdependence::{Interdependence, InterdependenceGraph};
use crate::polarity::Classification;
use crate::sign::Sign;
use crate::tolerance::clearly_below;
use crate::unit::UnitKind;

/// A unit standing between complexes whose dynamics stand back to back (B&W: Turkey,
/// Afghanistan), measured on the year's final complexes.
///
/// Insulators are taken out one at a time while the complexes form, each judged on the
/// groups of its round; once the complexes stand, each is judged again on them with the same
/// test and kept only if it still passes (two or more qualified complexes faced, the
/// thresholds of spread unless a span carries its role). Its figures are those of that last
/// test, so every one can be checked against the report: `touches` names the complexes as the
/// report does, and `participation` and `max_share` follow from `touches`, the units set
/// apart and the rest.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Insulator {
    /// The unit.
    pub unit: String,
    /// Participation coefficient P = 1 − Σ_s (k_s / k)² over the groups its ties reach:
    /// each qualified complex, each unit set apart, and everything else as one group.
    pub participation: f64,
    /// Its largest share of interdependence with any one qualified complex.
    pub max_share: f64,
    /// Its total interdependence (ties with every unit).
    pub strength: f64,
    /// The qualified complexes it touches, as (the complex's name in a report, e.g.
    /// "complex around RUS" — in a [`super::Detection`], one of its members —, share of the
    /// unit's interdependence), largest share first.
    pub touches: Vec<(String, f64)>,
}

/// What a span says of a unit's role in one year ([`super::FormationRule::DurablePlaces`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleHint {
    /// The year's own test decides.
    Free,
    /// No insulator this year: the place it holds in the years around is not an
    /// insulator's.
    Barred,
    /// An insulator this year wherever it still stands between qualified complexes: it is
    /// one in the years around.
    Carried,
}

/// Finds insulators (theory [§3](crate::guide::theory#3-boundaries)): autonomous units (states, institutions), neither set apart
/// nor global powers, whose ties reach two or more *qualified* complexes, spread so that the
/// participation coefficient (Guimerà & Amaral 2005) over the groups reached — each
/// qualified complex (global powers counted with their home complex), each unit set apart,
/// everything else — is at least the threshold and no complex holds more than the maximum
/// share, and which faces complexes: at most half of its interdependence lies with units in
/// no qualified complex (fragments, other insulators, unstructured units) — a unit whose ties
/// lie mostly there stands in an unformed region, not between complexes (theory §3: "it
/// touches qualified complexes, not fragments"). No condition on the unit's own strength:
/// Turkey is a strong insulator.
///
/// `hints` (per unit, or none) carry a span's verdict on a unit's role
/// ([`super::FormationRule::DurablePlaces`]): a [`RoleHint::Barred`] unit is no insulator; a
/// [`RoleHint::Carried`] one needs only to stand between two or more qualified complexes and
/// face them, the thresholds of spread waived.
pub(crate) fn find_insulators(
    g: &InterdependenceGraph,
    community: &[usize],
    qualified: &[bool],
    apart: &[bool],
    global: &[bool],
    o: &BoundaryOptions,
    hints: Option<&[RoleHint]>,
) -> Vec<Insulator> {
    let n = g.ids.len();
    const OTHER: usize = usize::MAX - 1;
    let mut first = vec![usize::MAX; qualified.len()];
    for (i, &c) in community.iter().enumerate() {
        if c != usize::MAX && first[c] == usize::MAX && !global[i] {
            first[c] = i;
        }
    }
    for (i, &c) in community.iter().enumerate() {
        if c != usize::MAX && first[c] == usize::MAX {
            first[c] = i;
        }
    }
    let mut out = Vec::new();
    for i in 0..n {
        let autonomous = matches!(g.kinds[i], UnitKind::State | UnitKind::Institution);
        let hint = hints.map_or(RoleHint::Free, |h| h[i]);
        if apart[i] || global[i] || !autonomous || hint == RoleHint::Barred {
            continue;
        }
        let mut by: Vec<(usize, f64)> = Vec::new();
        let mut total = 0.0;
        for (j, w) in g.neighbours(i) {
            let c = community[j];
            let key = if apart[j] {
                n + j
            } else if c != usize::MAX && qualified[c] {
                c
            } else {
                OTHER
            };
            total += w.total();
            match by.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.1 += w.total(),
                None => by.push((key, w.total())),
            }
        }
        let complexes = by.iter().filter(|x| x.0 < qualified.len()).count();
        if complexes < 2 || total <= 0.0 {
            continue;
        }
        // It faces complexes: a unit whose ties lie mostly with units in no complex (a
        // fragment, other insulators, unstructured units) stands in an unformed region, not
        // between complexes.
        let unformed = by.iter().find(|x| x.0 == OTHER).map_or(0.0, |x| x.1);
        if clearly_below(0.5 * total, unformed) {
            continue;
        }
        let p = participation(by.iter().map(|x| x.1), total);
        let max_share = by
            .iter()
            .filter(|x| x.0 < qualified.len())
            .map(|x| x.1 / total)
            .fold(0.0, f64::max);
        if hint == RoleHint::Carried
            || (!clearly_below(p, o.insulator_participation)
                && !clearly_below(o.insulator_max_share, max_share))
        {
            let mut touched: Vec<(usize, f64)> = by
                .iter()
                .copied()
                .filter(|x| x.0 < qualified.len())
                .collect();
            touched.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            out.push(Insulator {
                unit: g.ids[i].clone(),
                participation: p,
                max_share,
                strength: total,
                touches: touched
                    .iter()
                    .map(|&(c, w)| (g.ids[first[c]].clone(), w / total))
                    .collect(),
            });
        }
    }
    out
}

/// The participation coefficient P = 1 − Σ_s (k_s / k)² of a unit's ties grouped `k_s`, of
/// total `k` > 0 (Guimerà & Amaral 2005).
pub(super) fn participation(groups: impl Iterator<Item = f64>, total: f64) -> f64 {
    1.0 - groups.map(|x| (x / total).powi(2)).sum::<f64>()
}

/// How a unit stands towards one of the rivals it lies between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Alignment {
    /// Net amity.
    Aligned,
    /// Net enmity.
    Opposed,
    /// No signed tie, or amity and enmity cancel.
    Neutral,
}

impl Alignment {
    fn of(w: Option<Interdependence>) -> Self {
        match w.and_then(|w| w.sign()) {
            Some(Sign::Amity) => Self::Aligned,
            Some(Sign::Enmity) => Self::Opposed,
            None => Self::Neutral,
        }
    }
}

impl std::fmt::Display for Alignment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Aligned => "aligned",
            Self::Opposed => "opposed",
            Self::Neutral => "neutral",
        })
    }
}

/// A buffer state (theory [§3](crate::guide::theory#3-boundaries); Buzan & Wæver): a member of a complex *located* between two rivals (net
/// enmity between them), at least one of them a pole of the complex or an outside global
/// power, whatever its own alignment — Belarus between Russia and NATO while hostile to the
/// West. Located between: proximate to both (a proximity term in the interdependence graph);
/// when the graph carries no proximity at all, interdependent with both. Its alignment
/// towards each rival is reported beside it. The pair reported is the one maximising
/// min(I(u, a), I(u, b)).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BufferState {
    /// The buffer.
    pub unit: String,
    /// The rivals it stands between.
    pub between: (String, String),
    /// Its alignment towards each rival, in the same order.
    pub alignment: (Alignment, Alignment),
    /// min(I(u, a), I(u, b)).
    pub strength: f64,
}

/// A hedging state: a member with interdependence with two rivals (at least one a pole or
/// an outside global power), each holding at least [`super::BoundaryOptions::hedging_share`] of
/// its interdependence, and net enmity towards neither — friendly with both sides, a
/// different thing from a buffer (theory [§3](crate::guide::theory#3-boundaries)). The pair reported is the one maximising
/// min(I(u, a), I(u, b)).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HedgingState {
    /// The hedging state.
    pub unit: String,
    /// The rivals it hedges between.
    pub between: (String, String),
    /// min(I(u, a), I(u, b)).
    pub strength: f64,
}

/// Rival pairs (net enmity) with at least one anchor.
fn rivals(g: &InterdependenceGraph, anchors: &[usize]) -> Vec<(usize, usize)> {
    g.edges
        .iter()
        .filter(|(a, b, w)| {
            w.sign() == Some(Sign::Enmity) && (anchors.contains(a) || anchors.contains(b))
        })
        .map(|&(a, b, _)| (a, b))
        .collect()
}

/// Buffers among `members` between rivals anchored by `anchors`.
pub(crate) fn find_buffers(
    g: &InterdependenceGraph,
    members: &[usize],
    anchors: &[usize],
) -> Vec<BufferState> {
    let rivals = rivals(g, anchors);
    let geographic = g.edges.iter().any(|e| e.2.proximity > 0.0);
    let mut out = Vec::new();
    for &u in members {
        if anchors.contains(&u) {
            continue;
        }
        let tie = |x: usize| g.neighbours(u).find(|(j, _)| *j == x).map(|(_, w)| *w);
        // Position decides, not the strength of the ties (no share floor).
        let between = best_rival_pair(g, u, &rivals, 0.0, |ta, tb| {
            !geographic || (ta.proximity > 0.0 && tb.proximity > 0.0)
        });
        if let Some((a, b, s)) = between {
            out.push(BufferState {
                unit: g.ids[u].clone(),
                between: (g.ids[a].clone(), g.ids[b].clone()),
                alignment: (Alignment::of(tie(a)), Alignment::of(tie(b))),
                strength: s,
            });
        }
    }
    out
}

/// The rival pair `(a, b)` that unit `u` is interdependent with both of, among those `accept`
/// takes (given u's interdependence with each), maximising min(I(u, a), I(u, b)); the first
/// such pair in `rivals` order on a tie.
fn best_rival_pair(
    g: &InterdependenceGraph,
    u: usize,
    rivals: &[(usize, usize)],
    least: f64,
    accept: impl Fn(Interdependence, Interdependence) -> bool,
) -> Option<(usize, usize, f64)> {
    let tie = |x: usize| g.neighbours(u).find(|(j, _)| *j == x).map(|(_, w)| *w);
    let floor = least * g.strength(u);
    let mut best: Option<(usize, usize, f64)> = None;
    for &(a, b) in rivals {
        if a == u || b == u {
            continue;
        }
        let (Some(ta), Some(tb)) = (tie(a), tie(b)) else {
            continue;
        };
        if !accept(ta, tb) {
            continue;
        }
        let s = ta.total().min(tb.total());
        if s < floor {
            continue;
        }
        if best.is_none_or(|x| s > x.2) {
            best = Some((a, b, s));
        }
    }
    best
}

/// Hedging states among `members` between rivals anchored by `anchors`.
pub(crate) fn find_hedging(
    g: &InterdependenceGraph,
    members: &[usize],
    anchors: &[usize],
    least: f64,
) -> Vec<HedgingState> {
    let rivals = rivals(g, anchors);
    let mut out = Vec::new();
    for &u in members {
        if anchors.contains(&u) {
            continue;
        }
        let between = best_rival_pair(g, u, &rivals, least, |ta, tb| {
            ta.sign() != Some(Sign::Enmity) && tb.sign() != Some(Sign::Enmity)
        });
        if let Some((a, b, s)) = between {
            out.push(HedgingState {
                unit: g.ids[u].clone(),
                between: (g.ids[a].clone(), g.ids[b].clone()),
                strength: s,
            });
        }
    }
    out
}

/// An outside power's engagement with a complex.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Penetration {
    /// The outside power.
    pub power: String,
    /// Its interdependence with the members.
    pub interdependence: f64,
    /// Members it is aligned with (net amity).
    pub aligned: Vec<String>,
    /// Members it opposes (net enmity).
    pub opposed: Vec<String>,
}

pub(crate) fn penetration(
    g: &InterdependenceGraph,
    inside: &[bool],
    classes: &Classification,
) -> Vec<Penetration> {
    let mut out = Vec::new();
    for p in 0..g.ids.len() {
        if inside[p] || !classes.class(&g.ids[p]).is_global() {
            continue;
        }
        let mut pen = Penetration {
            power: g.ids[p].clone(),
            interdependence: 0.0,
            aligned: Vec::new(),
            opposed: Vec::new(),
        };
        let mut ns: Vec<(usize, crate::boundary::Interdependence)> = g
            .neighbours(p)
            .filter(|(j, _)| inside[*j])
            .map(|(j, w)| (j, *w))
            .collect();
        ns.sort_by_key(|x| x.0);
        for (j, w) in ns {
            pen.interdependence += w.total();
            match w.sign() {
                Some(Sign::Amity) => pen.aligned.push(g.ids[j].clone()),
                Some(Sign::Enmity) => pen.opposed.push(g.ids[j].clone()),
                None => {}
            }
        }
        if pen.interdependence > 0.0 {
            out.push(pen);
        }
    }
    out.sort_by(|a, b| {
        b.interdependence
            .total_cmp(&a.interdependence)
            .then(a.power.cmp(&b.power))
    });
    out
}

/// Whether outside global powers so dominate a complex's interdependence that local dynamics
/// are suppressed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Overlay {
    /// Outside global powers' share of the members' interdependence.
    pub outside_share: f64,
    /// The threshold applied.
    pub threshold: f64,
    /// Whether the share reaches the threshold.
    pub overlaid: bool,
}
