//! Roles of units around complexes: insulators, buffer states, penetration and overlay.

use super::BoundaryOptions;
use super::interdependence::InterdependenceGraph;
use crate::polarity::Classification;
use crate::sign::Sign;
use crate::tolerance::clearly_below;
use crate::unit::UnitKind;

/// A unit standing between complexes whose dynamics stand back to back (B&W: Turkey,
/// Afghanistan), with the measure that made it so.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Insulator {
    /// The unit.
    pub unit: String,
    /// Participation coefficient P = 1 − Σ_s (k_s / k)² over the communities it touches.
    pub participation: f64,
    /// Its largest share of interdependence with any one community.
    pub max_share: f64,
    /// Its total interdependence (units set apart excluded).
    pub strength: f64,
    /// The median total interdependence of all units with any, for comparison.
    pub median_strength: f64,
    /// The communities it touches, as (a member naming the community, share).
    pub touches: Vec<(String, f64)>,
}

/// Finds insulators: autonomous units (states, institutions) touching two or more communities (of two or more units) with
/// participation coefficient ≥ the threshold, no community holding more than the maximum
/// share, and total interdependence below the median unit's ("low total intensity").
pub(crate) fn find_insulators(
    g: &InterdependenceGraph,
    community: &[usize],
    apart: &[bool],
    o: &BoundaryOptions,
) -> Vec<Insulator> {
    let n = g.ids.len();
    let k = community
        .iter()
        .filter(|&&c| c != usize::MAX)
        .max()
        .map_or(0, |&c| c + 1);
    let mut size = vec![0usize; k];
    let mut first = vec![usize::MAX; k];
    for (i, &c) in community.iter().enumerate() {
        if c != usize::MAX {
            size[c] += 1;
            if first[c] == usize::MAX {
                first[c] = i;
            }
        }
    }
    let strength: Vec<f64> = (0..n)
        .map(|i| {
            g.neighbours(i)
                .filter(|(j, _)| !apart[*j])
                .map(|(_, w)| w.total())
                .sum()
        })
        .collect();
    let mut positive: Vec<f64> = (0..n)
        .filter(|&i| !apart[i] && strength[i] > 0.0)
        .map(|i| strength[i])
        .collect();
    positive.sort_by(f64::total_cmp);
    let median = if positive.is_empty() {
        0.0
    } else {
        positive[positive.len() / 2]
    };
    let mut out = Vec::new();
    for i in 0..n {
        let autonomous = matches!(g.kinds[i], UnitKind::State | UnitKind::Institution);
        if apart[i] || !autonomous || strength[i] <= 0.0 || !clearly_below(strength[i], median) {
            continue;
        }
        let mut by: Vec<(usize, f64)> = Vec::new();
        for (j, w) in g.neighbours(i) {
            let c = community[j];
            if apart[j] || c == usize::MAX || size[c] < 2 {
                continue;
            }
            match by.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += w.total(),
                None => by.push((c, w.total())),
            }
        }
        if by.len() < 2 {
            continue;
        }
        let total: f64 = by.iter().map(|x| x.1).sum();
        let p = 1.0 - by.iter().map(|x| (x.1 / total).powi(2)).sum::<f64>();
        let max_share = by.iter().map(|x| x.1 / total).fold(0.0, f64::max);
        if !clearly_below(p, o.insulator_participation)
            && !clearly_below(o.insulator_max_share, max_share)
        {
            by.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            out.push(Insulator {
                unit: g.ids[i].clone(),
                participation: p,
                max_share,
                strength: strength[i],
                median_strength: median,
                touches: by
                    .iter()
                    .map(|&(c, w)| (g.ids[first[c]].clone(), w / total))
                    .collect(),
            });
        }
    }
    out
}

/// A member of a complex that lies between two rivals (theory [§2](crate::guide::theory#2-the-regional-security-complex): Belarus between Russia and
/// NATO).
///
/// Definition: a member `u` is a buffer between rivals `a` and `b` when `a`–`b` is enmity
/// (net), at least one of them is a pole of the complex or an outside global power, `u` is
/// neither, and `u` has interdependence with both without net enmity towards either; the pair
/// reported is the one maximising min(I(u, a), I(u, b)). When the interdependence graph
/// carries proximity (contiguity, [`crate::boundary::InterdependenceOptions::proximity`]),
/// "between" is also geographic: `u` must be proximate to both rivals. Without it, every
/// member of a dense alliance bloc that includes a pole would be a buffer between that pole
/// and any of its enemies (in the world of 1990–2001, 70 buffers a year).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BufferState {
    /// The buffer.
    pub unit: String,
    /// The rivals it stands between.
    pub between: (String, String),
    /// min(I(u, a), I(u, b)).
    pub strength: f64,
}

pub(crate) fn find_buffers(
    g: &InterdependenceGraph,
    members: &[usize],
    anchors: &[usize],
) -> Vec<BufferState> {
    // Rival pairs with at least one anchor (pole or outside global power).
    let is_anchor = |i: usize| anchors.contains(&i);
    let rivals: Vec<(usize, usize)> = g
        .edges
        .iter()
        .filter(|(a, b, w)| w.sign() == Some(Sign::Enmity) && (is_anchor(*a) || is_anchor(*b)))
        .map(|&(a, b, _)| (a, b))
        .collect();
    let geographic = g.edges.iter().any(|e| e.2.proximity > 0.0);
    let mut out = Vec::new();
    for &u in members {
        if is_anchor(u) {
            continue;
        }
        let tie = |x: usize| g.neighbours(u).find(|(j, _)| *j == x).map(|(_, w)| *w);
        let mut best: Option<(usize, usize, f64)> = None;
        for &(a, b) in &rivals {
            if a == u || b == u {
                continue;
            }
            let (Some(ta), Some(tb)) = (tie(a), tie(b)) else {
                continue;
            };
            if ta.sign() == Some(Sign::Enmity) || tb.sign() == Some(Sign::Enmity) {
                continue;
            }
            if geographic && !(ta.proximity > 0.0 && tb.proximity > 0.0) {
                continue;
            }
            let s = ta.total().min(tb.total());
            if best.is_none_or(|x| s > x.2) {
                best = Some((a, b, s));
            }
        }
        if let Some((a, b, s)) = best {
            out.push(BufferState {
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
