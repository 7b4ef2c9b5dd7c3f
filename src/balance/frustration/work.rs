//! The solvers' internal work graph: a weighted signed graph with contraction.
//!
//! An edge carries one *signed weight* `c`: `c > 0` is amity of weight `c`, `c < 0` enmity of
//! weight `|c|`. Parallel edges merge by adding their signed weights: two ties of opposite
//! sign between the same pair always frustrate the lighter one, so merging moves
//! `min(|a|, |b|)` into the graph's constant cost. Contracting a node into a neighbour (with
//! a relative colour) turns its ties into ties of the neighbour; a tie between the two
//! becomes a loop, frustrated or not, and moves into the constant as well. The cost of a
//! colouring of the work graph is its constant plus the weights of its frustrated edges.

pub(crate) use crate::internal::Rng;
use crate::tolerance::FRUSTRATION_EPS;

/// A colour per node: `false` and `true` are the two camps.
pub(crate) type Colouring = Vec<bool>;

/// See the module documentation.
#[derive(Debug, Clone, Default)]
pub(crate) struct WorkGraph {
    /// Sorted by neighbour; no loops, no parallel edges, no zero weights.
    adj: Vec<Vec<(u32, f64)>>,
    alive: Vec<bool>,
    constant: f64,
}

/// Merges two signed weights of parallel edges: the merged signed weight and the cost that
/// is certainly paid.
#[inline]
pub(crate) fn merge(a: f64, b: f64) -> (f64, f64) {
    if (a > 0.0) == (b > 0.0) {
        (a + b, 0.0)
    } else {
        let paid = a.abs().min(b.abs());
        (a + b, paid)
    }
}

impl WorkGraph {
    /// A graph on `n` nodes from `(a, b, signed weight)` triples (loops and parallel edges
    /// allowed; they are folded into the constant).
    pub(crate) fn from_edges(n: usize, edges: impl IntoIterator<Item = (u32, u32, f64)>) -> Self {
        let mut g = Self {
            adj: vec![Vec::new(); n],
            alive: vec![true; n],
            constant: 0.0,
        };
        let mut raw: Vec<(u32, u32, f64)> = Vec::new();
        for (a, b, c) in edges {
            if a == b {
                if c < 0.0 {
                    g.constant += -c;
                }
                continue;
            }
            if c == 0.0 {
                continue;
            }
            raw.push((a, b, c));
            raw.push((b, a, c));
        }
        raw.sort_unstable_by_key(|x| (x.0, x.1));
        let mut i = 0;
        while i < raw.len() {
            let (a, b, mut c) = raw[i];
            let mut j = i + 1;
            let mut paid = 0.0;
            while j < raw.len() && raw[j].0 == a && raw[j].1 == b {
                let (m, p) = merge(c, raw[j].2);
                c = m;
                paid += p;
                j += 1;
            }
            if a < b {
                g.constant += paid;
            }
            if c.abs() > FRUSTRATION_EPS {
                g.adj[a as usize].push((b, c));
            }
            i = j;
        }
        g
    }

    /// Number of node slots (alive or not).
    pub(crate) fn len(&self) -> usize {
        self.adj.len()
    }

    /// The cost already paid.
    pub(crate) fn constant(&self) -> f64 {
        self.constant
    }

    /// Whether node `v` is still in the graph.
    pub(crate) fn is_alive(&self, v: u32) -> bool {
        self.alive[v as usize]
    }

    /// The neighbours of `v` with signed weights, sorted.
    pub(crate) fn neighbours(&self, v: u32) -> &[(u32, f64)] {
        &self.adj[v as usize]
    }

    /// Removes an isolated node.
    pub(crate) fn remove_isolated(&mut self, v: u32) {
        debug_assert!(self.adj[v as usize].is_empty());
        self.alive[v as usize] = false;
    }

    /// The alive nodes that have at least one edge.
    pub(crate) fn active_nodes(&self) -> Vec<u32> {
        (0..self.adj.len() as u32)
            .filter(|&v| self.alive[v as usize] && !self.adj[v as usize].is_empty())
            .collect()
    }

    /// The number of edges.
    pub(crate) fn edge_count(&self) -> usize {
        self.adj.iter().map(Vec::len).sum::<usize>() / 2
    }

    /// The edges `(a, b, c)` with `a < b`.
    pub(crate) fn edges(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        self.adj.iter().enumerate().flat_map(|(a, l)| {
            l.iter()
                .filter(move |&&(b, _)| (a as u32) < b)
                .map(move |&(b, c)| (a as u32, b, c))
        })
    }

    fn remove_half(&mut self, x: u32, v: u32) -> Option<f64> {
        let l = &mut self.adj[x as usize];
        match l.binary_search_by_key(&v, |&(y, _)| y) {
            Ok(i) => Some(l.remove(i).1),
            Err(_) => None,
        }
    }

    fn add_half(&mut self, x: u32, y: u32, c: f64) {
        let l = &mut self.adj[x as usize];
        match l.binary_search_by_key(&y, |&(z, _)| z) {
            Ok(i) => {
                let m = l[i].1 + c;
                if m.abs() > FRUSTRATION_EPS {
                    l[i].1 = m;
                } else {
                    l.remove(i);
                }
            }
            Err(i) => l.insert(i, (y, c)),
        }
    }

    /// Adds an edge, merging with a parallel one.
    pub(crate) fn add_edge(&mut self, x: u32, y: u32, c: f64) {
        if x == y {
            if c < 0.0 {
                self.constant += -c;
            }
            return;
        }
        let existing = self
            .adj
            .get(x as usize)
            .and_then(|l| l.binary_search_by_key(&y, |&(z, _)| z).ok().map(|i| l[i].1));
        if let Some(a) = existing {
            let (_, paid) = merge(a, c);
            self.constant += paid;
        }
        self.add_half(x, y, c);
        self.add_half(y, x, c);
    }

    /// Contracts `v` into `u` with colour(v) = colour(u) XOR `flip`. Returns the former
    /// neighbours of `v` (other than `u`).
    pub(crate) fn contract(&mut self, v: u32, u: u32, flip: bool) -> Vec<u32> {
        let list = std::mem::take(&mut self.adj[v as usize]);
        self.alive[v as usize] = false;
        let mut touched = Vec::with_capacity(list.len());
        for (x, c) in list {
            self.remove_half(x, v);
            let c2 = if flip { -c } else { c };
            if x == u {
                if c2 < 0.0 {
                    self.constant += -c2;
                }
            } else {
                self.add_edge(u, x, c2);
                touched.push(x);
            }
        }
        touched
    }

    /// The weighted degree of `v` and its heaviest edge `(neighbour, signed weight)`.
    pub(crate) fn heaviest(&self, v: u32) -> (f64, Option<(u32, f64)>) {
        let mut total = 0.0;
        let mut best: Option<(u32, f64)> = None;
        for &(x, c) in &self.adj[v as usize] {
            total += c.abs();
            if best.is_none_or(|(_, b)| c.abs() > b.abs()) {
                best = Some((x, c));
            }
        }
        (total, best)
    }

    /// The cost of `colour` on this graph (constant + frustrated weight).
    #[cfg(test)]
    pub(crate) fn cost(&self, colour: &[bool]) -> f64 {
        self.constant
            + self
                .edges()
                .filter(|&(a, b, c)| (colour[a as usize] != colour[b as usize]) == (c > 0.0))
                .map(|(_, _, c)| c.abs())
                .sum::<f64>()
    }

    /// The subgraph made of the given edges (`(a, b)` pairs of this graph) on `nodes`.
    pub(crate) fn edge_subgraph(
        &self,
        nodes: &[u32],
        edges: &[(u32, u32)],
        local: &mut [u32],
    ) -> WorkGraph {
        for (i, &v) in nodes.iter().enumerate() {
            local[v as usize] = i as u32;
        }
        let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); nodes.len()];
        for &(a, b) in edges {
            let l = &self.adj[a as usize];
            if let Ok(i) = l.binary_search_by_key(&b, |&(z, _)| z) {
                let c = l[i].1;
                let (la, lb) = (local[a as usize], local[b as usize]);
                adj[la as usize].push((lb, c));
                adj[lb as usize].push((la, c));
            }
        }
        for l in &mut adj {
            l.sort_unstable_by_key(|&(x, _)| x);
        }
        for &v in nodes {
            local[v as usize] = u32::MAX;
        }
        WorkGraph {
            alive: vec![true; nodes.len()],
            adj,
            constant: 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_opposite_parallel_edges_pays_the_lighter() {
        let g = WorkGraph::from_edges(2, [(0, 1, 2.0), (1, 0, -0.5), (0, 0, -1.0)]);
        assert!((g.constant() - 1.5).abs() < 1e-12);
        assert_eq!(g.neighbours(0), &[(1, 1.5)]);
    }

    #[test]
    fn contraction_keeps_costs() {
        // Triangle + - -: balanced. Contract 1 into 0 as satisfied (+ edge, no flip).
        let mut g = WorkGraph::from_edges(3, [(0, 1, 1.0), (1, 2, -1.0), (0, 2, -1.0)]);
        g.contract(1, 0, false);
        assert_eq!(g.constant(), 0.0);
        assert_eq!(g.neighbours(0), &[(2, -2.0)]);
        // Unbalanced triangle + + -: contracting leaves one frustrated edge for sure.
        let mut g = WorkGraph::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, -1.0)]);
        g.contract(1, 0, false);
        assert_eq!(g.constant(), 1.0);
        assert!(g.neighbours(0).is_empty());
    }
}
