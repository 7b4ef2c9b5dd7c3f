//! Multislice modularity over a span of years (Mucha, Richardson, Macon, Porter & Onnela
//! 2010, Science 328, 876–878), maximised by the Louvain heuristic generalised to slices
//! (GenLouvain; Jutla, Jeub & Mucha 2011–2019).
//!
//! Each year is a slice with its own configuration null model; a unit in two consecutive
//! years is one node per year, the two tied by the coupling ω:
//!
//! Q = 1/2μ Σ_{ijsr} [(A_ijs − γ k_is k_js / 2m_s) δ_sr + δ_ij C_jsr] δ(g_is, g_jr),
//!
//! with C_jsr = ω for r = s ± 1. A community is then a set of units *across* years: a unit
//! leaves its co-members only when its ties in that year outweigh ω, so that one-year flips
//! of whole blocks (a region merging with its neighbour in one year and apart the next)
//! are damped where the ties did not change.

use super::louvain::{Null, Quality, WeightedGraph, connected_parts, levels};
use crate::internal::Rng;

/// The slices' communities: per slice, the community of each of its nodes, split into
/// connected parts within the slice and numbered 0..k in order of first node (labels are
/// per slice; a community's identity across slices is in the nodes it shares).
///
/// `slices` are the years' graphs; `links[s]` pairs the nodes of slice `s` with the same
/// units' nodes of slice `s + 1` (`links.len()` is `slices.len() − 1`, or 0); `gamma` the
/// resolution, `omega` the coupling, `seed` the first start's node order: the best of
/// eight starts is kept. With [`Quality::ConstantPotts`] each slice's null model is the
/// constant Potts model's (mass 1 per node, scale γ) instead of the configuration model's.
///
/// # Complexity
/// As Louvain on the supra-graph of Σ_s n_s nodes and Σ_s m_s + Σ_s |links_s| edges, each
/// gain costing O(S) for S slices at aggregated levels; eight starts.
pub(crate) fn multislice_louvain(
    slices: &[WeightedGraph],
    links: &[Vec<(usize, usize)>],
    quality_fn: Quality,
    gamma: f64,
    omega: f64,
    seed: u64,
) -> Vec<Vec<usize>> {
    let layers = slices.len();
    let mut offset = vec![0usize; layers + 1];
    for (s, g) in slices.iter().enumerate() {
        offset[s + 1] = offset[s] + g.len();
    }
    let n = offset[layers];
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    let mut mass: Vec<(u32, f64)> = Vec::with_capacity(n);
    let mut scale = vec![0.0; layers];
    for (s, g) in slices.iter().enumerate() {
        let m = g.total();
        scale[s] = match quality_fn {
            Quality::Modularity if m > 0.0 => gamma / (2.0 * m),
            Quality::Modularity => 0.0,
            Quality::ConstantPotts => gamma,
        };
        for i in 0..g.len() {
            mass.push((
                s as u32,
                match quality_fn {
                    Quality::Modularity => g.strength(i),
                    Quality::ConstantPotts => 1.0,
                },
            ));
            for &(j, w) in g.neighbours(i) {
                if (j as usize) > i {
                    edges.push((offset[s] + i, offset[s] + j as usize, w));
                }
            }
        }
    }
    if omega > 0.0 {
        for (s, pairs) in links.iter().enumerate().take(layers.saturating_sub(1)) {
            for &(a, b) in pairs {
                edges.push((offset[s] + a, offset[s + 1] + b, omega));
            }
        }
    }
    let supra = WeightedGraph::new(n, &edges);
    let null = Null {
        start: (0..=n).collect(),
        mass,
        scale,
    };
    let mut membership: Vec<usize> = (0..n).collect();
    if supra.total() > 0.0 {
        // Several starts (node orders drawn from `seed`, `seed + 1`, …), the best quality
        // kept (ties: the earliest start): the span's candidates should not hang on one
        // node order.
        // The starts run on rayon's current pool; the choice does not depend on it.
        let starts: Vec<u64> = (0..STARTS).collect();
        let runs = crate::internal::parallel::map(0, &starts, |&start| {
            let candidate = one_start(&supra, &null, seed.wrapping_add(start));
            (quality(&supra, &null, &candidate), candidate)
        });
        let mut best = f64::NEG_INFINITY;
        for (q, candidate) in runs {
            if q > best + 1e-9 {
                best = q;
                membership = candidate;
            }
        }
    }
    slices
        .iter()
        .enumerate()
        .map(|(s, g)| connected_parts(g, &membership[offset[s]..offset[s + 1]]))
        .collect()
}

/// Starts of the multislice Louvain (see [`multislice_louvain`]).
const STARTS: u64 = 8;

/// One run of the generalised Louvain from the node order of `seed`.
fn one_start(supra: &WeightedGraph, null: &Null, seed: u64) -> Vec<usize> {
    let mut rng = Rng::from_state(seed);
    levels(supra, null.clone(), &mut rng, |_, prev, comm| {
        prev.aggregate(comm)
    })
}

/// 2μ·Q of a supra-graph labelling: Σ_c [2 w_c − Σ_s scale_s · d_{c,s}²], w_c the weight
/// inside c (coupling included) and d_{c,s} its strength in slice s.
fn quality(supra: &WeightedGraph, null: &Null, membership: &[usize]) -> f64 {
    let mut inside = 0.0;
    for i in 0..supra.len() {
        for &(j, w) in supra.neighbours(i) {
            if membership[j as usize] == membership[i] {
                inside += w;
            }
        }
    }
    let agg = null.aggregate(membership);
    let expected: f64 = agg
        .mass
        .iter()
        .map(|&(l, d)| null.scale[l as usize] * d * d)
        .sum();
    inside - expected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::louvain::louvain;

    /// Two 4-cliques joined by two ties in every year, and in the middle year by all 16:
    /// alone, the middle year merges them (a one-year flip); coupled, it keeps them apart.
    /// In the middle slice, merged scores 0 and apart 2·(2·6 − 28²/56) = −4; apart there
    /// keeps the 8 units' ties to both neighbouring slices, 2·8·ω·2 counted in 2μQ against
    /// losing one side's 2·4·ω·2 — apart wins for ω > 1/4.
    #[test]
    fn coupling_damps_a_one_year_merge() {
        let year = |bridge: &[(usize, usize)]| {
            let mut e = Vec::new();
            for a in 0..4 {
                for b in a + 1..4 {
                    e.push((a, b, 1.0));
                    e.push((a + 4, b + 4, 1.0));
                }
            }
            e.extend(bridge.iter().map(|&(a, b)| (a, b, 1.0)));
            WeightedGraph::new(8, &e)
        };
        let calm = year(&[(0, 4), (1, 5)]);
        let all: Vec<(usize, usize)> = (0..4).flat_map(|a| (4..8).map(move |b| (a, b))).collect();
        let stormy = year(&all);
        let apart = vec![0, 0, 0, 0, 1, 1, 1, 1];
        assert_eq!(louvain(&calm, 1.0, 1), apart);
        assert!(louvain(&stormy, 1.0, 1).iter().all(|&c| c == 0));
        let slices = [calm.clone(), stormy, calm];
        let same: Vec<(usize, usize)> = (0..8).map(|i| (i, i)).collect();
        let links = [same.clone(), same];
        let uncoupled = multislice_louvain(&slices, &links, Quality::Modularity, 1.0, 0.0, 1);
        assert_eq!(uncoupled[0], apart);
        assert!(uncoupled[1].iter().all(|&c| c == 0));
        let coupled = multislice_louvain(&slices, &links, Quality::Modularity, 1.0, 2.0, 1);
        for s in &coupled {
            assert_eq!(s, &apart);
        }
    }
}
