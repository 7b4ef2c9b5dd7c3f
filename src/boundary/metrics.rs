//! Boundary metrics of a unit set in the interdependence graph.

use super::interdependence::InterdependenceGraph;

/// How sharply a unit set is bounded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BoundaryMetrics {
    /// Interdependence among the members (each pair once).
    pub internal: f64,
    /// Interdependence across the boundary, with units not set apart (the cut weight).
    pub external: f64,
    /// Interdependence with units set apart (superpowers), not counted in `external`.
    pub with_set_apart: f64,
    /// Conductance: cut weight / min(volume inside, volume outside), volumes counting every
    /// unit's interdependence except with units set apart; `None` when a volume is 0.
    pub conductance: Option<f64>,
    /// internal / external; `None` when nothing crosses the boundary.
    pub internal_external_ratio: Option<f64>,
    /// The ties across the boundary as (member, outsider, interdependence), strongest first.
    pub boundary_ties: Vec<(String, String, f64)>,
}

/// The sums behind [`BoundaryMetrics`]: interdependence inside, across the boundary, with
/// units set apart, and the volumes on each side.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sums {
    pub(crate) internal: f64,
    pub(crate) external: f64,
    pub(crate) with_set_apart: f64,
    vol_in: f64,
    vol_out: f64,
}

/// The sums of the set `inside` (flags by position); `apart` flags units whose ties with the
/// set are not counted as external (units set apart, global powers outside the set);
/// `penetrating` flags members (global powers) whose ties across the boundary are their
/// reach beyond their region, counted with the units set apart rather than as external.
/// Each tie across the boundary is given to `cut` as (member, outsider, interdependence).
pub(crate) fn sums(
    g: &InterdependenceGraph,
    inside: &[bool],
    apart: &[bool],
    penetrating: &[bool],
    mut cut: impl FnMut(usize, usize, f64),
) -> Sums {
    let mut s = Sums::default();
    for &(a, b, w) in &g.edges {
        let w = w.total();
        let reach = (inside[a] != inside[b]) && (penetrating[a] || penetrating[b]);
        if apart[a] || apart[b] || reach {
            if inside[a] || inside[b] {
                s.with_set_apart += w;
            }
            continue;
        }
        for x in [a, b] {
            if inside[x] {
                s.vol_in += w;
            } else {
                s.vol_out += w;
            }
        }
        match (inside[a], inside[b]) {
            (true, true) => s.internal += w,
            (true, false) => {
                s.external += w;
                cut(a, b, w);
            }
            (false, true) => {
                s.external += w;
                cut(b, a, w);
            }
            _ => {}
        }
    }
    s
}

/// The metrics of a set from its [`sums`] and the ties `cut` gave.
pub(crate) fn metrics(
    g: &InterdependenceGraph,
    s: &Sums,
    mut ties: Vec<(usize, usize, f64)>,
) -> BoundaryMetrics {
    // Strongest first, then by identifiers (the graph's positions follow them, see
    // `InterdependenceGraph`; compared as strings so that any unit order gives this order).
    ties.sort_unstable_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then_with(|| (&g.ids[x.0], &g.ids[x.1]).cmp(&(&g.ids[y.0], &g.ids[y.1])))
    });
    let ties = ties
        .into_iter()
        .map(|(a, b, w)| (g.ids[a].clone(), g.ids[b].clone(), w))
        .collect();
    let denom = s.vol_in.min(s.vol_out);
    BoundaryMetrics {
        internal: s.internal,
        external: s.external,
        with_set_apart: s.with_set_apart,
        conductance: (denom > 0.0).then(|| s.external / denom),
        internal_external_ratio: (s.external > 0.0).then(|| s.internal / s.external),
        boundary_ties: ties,
    }
}
