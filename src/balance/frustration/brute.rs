//! Exhaustive search for small blocks: all `2^(k−1)` colourings of `k` nodes in Gray-code
//! order, each step flipping one node and updating the cost by its gain in `O(deg)`.

use super::work::{Colouring, WorkGraph};

/// Largest number of active nodes solved by enumeration.
pub(crate) const BRUTE_MAX: usize = 14;

/// The optimum of `g` (with its constant) and an optimal colouring over its node slots, if
/// `g` has at most `max_nodes` (itself at most [`BRUTE_MAX`]) active nodes.
pub(crate) fn brute_force(g: &WorkGraph, max_nodes: usize) -> Option<(f64, Colouring)> {
    let active = g.active_nodes();
    let k = active.len();
    if k > max_nodes.min(BRUTE_MAX) {
        return None;
    }
    let mut colour = vec![false; g.len()];
    if k <= 1 {
        return Some((g.constant(), colour));
    }
    let mut local = vec![usize::MAX; g.len()];
    for (i, &v) in active.iter().enumerate() {
        local[v as usize] = i;
    }
    let adj: Vec<Vec<(usize, f64)>> = active
        .iter()
        .map(|&v| {
            g.neighbours(v)
                .iter()
                .map(|&(x, c)| (local[x as usize], c))
                .collect()
        })
        .collect();
    let mut col = vec![false; k];
    // gain[v] = frustrated weight at v − satisfied weight at v (all colours false now).
    let mut gain = vec![0.0f64; k];
    let mut cost = 0.0;
    for v in 0..k {
        for &(x, c) in &adj[v] {
            if c < 0.0 {
                gain[v] += -c;
                if x > v {
                    cost += -c;
                }
            } else {
                gain[v] -= c;
            }
        }
    }
    let mut best = cost;
    let mut best_col = col.clone();
    for step in 1u64..(1u64 << (k - 1)) {
        // Node to flip: 1 + index of the lowest set bit (node 0 stays fixed).
        let v = 1 + step.trailing_zeros() as usize;
        col[v] = !col[v];
        cost -= gain[v];
        gain[v] = -gain[v];
        for &(x, c) in &adj[v] {
            let frus = (col[v] != col[x]) == (c > 0.0);
            gain[x] += if frus { 2.0 * c.abs() } else { -2.0 * c.abs() };
        }
        if cost < best {
            best = cost;
            best_col.copy_from_slice(&col);
        }
    }
    for (i, &v) in active.iter().enumerate() {
        colour[v as usize] = best_col[i];
    }
    Some((best + g.constant(), colour))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k4_all_negative_costs_two() {
        let mut e = Vec::new();
        for a in 0..4u32 {
            for b in a + 1..4 {
                e.push((a, b, -1.0));
            }
        }
        let g = WorkGraph::from_edges(4, e);
        let (c, col) = brute_force(&g, BRUTE_MAX).unwrap();
        assert_eq!(c, 2.0);
        assert_eq!(g.cost(&col), 2.0);
    }
}
