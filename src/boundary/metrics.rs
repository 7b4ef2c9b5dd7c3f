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

/// Metrics of the set `inside` (flags by position); `apart` flags units whose ties with the
/// set are not counted as external (units set apart, global powers outside the set);
/// `penetrating` flags members (global powers) whose ties across the boundary are their
/// reach beyond their region, counted with the units set apart rather than as external.
pub(crate) fn metrics(
    g: &InterdependenceGraph,
    inside: &[bool],
    apart: &[bool],
    penetrating: &[bool],
) -> BoundaryMetrics {
    let (mut internal, mut external, mut with_apart) = (0.0, 0.0, 0.0);
    let (mut vol_in, mut vol_out) = (0.0, 0.0);
    let mut ties = Vec::new();
    for &(a, b, w) in &g.edges {
        let w = w.total();
        let reach = (inside[a] != inside[b]) && (penetrating[a] || penetrating[b]);
        if apart[a] || apart[b] || reach {
            if inside[a] || inside[b] {
                with_apart += w;
            }
            continue;
        }
        for x in [a, b] {
            if inside[x] {
                vol_in += w;
            } else {
                vol_out += w;
            }
        }
        match (inside[a], inside[b]) {
            (true, true) => internal += w,
            (true, false) => {
                external += w;
                ties.push((a, b, w));
            }
            (false, true) => {
                external += w;
                ties.push((b, a, w));
            }
            _ => {}
        }
    }
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
    let denom = vol_in.min(vol_out);
    BoundaryMetrics {
        internal,
        external,
        with_set_apart: with_apart,
        conductance: (denom > 0.0).then(|| external / denom),
        internal_external_ratio: (external > 0.0).then(|| internal / external),
        boundary_ties: ties,
    }
}
