//! Lower bounds on the frustration index from packings of unbalanced cycles.
//!
//! Every cycle with an odd number of negative ties has at least one frustrated tie under any
//! colouring. If cycles `C₁, C₂, …` are given amounts `λᵢ > 0` so that no tie carries more
//! than its weight (`Σ_{C ∋ e} λ_C ≤ w_e`), then `Σ λᵢ` is a lower bound on the (weighted)
//! frustration index — the dual of the covering relaxation `min Σ wₑxₑ, Σ_{e∈C} xₑ ≥ 1`.
//! The packing is greedy: short cycles first (breadth-first search with parities from every
//! node, radius growing), each taking the smallest residual weight on it.

use super::work::WorkGraph;
use crate::tolerance::FRUSTRATION_EPS;
use std::time::Instant;

/// A compact copy of a work graph for the packing.
#[derive(Debug, Clone)]
pub(crate) struct Packer {
    /// CSR offsets.
    off: Vec<usize>,
    /// (neighbour, edge id).
    adj: Vec<(u32, u32)>,
    neg: Vec<bool>,
    cap: Vec<f64>,
    // BFS scratch
    stamp: Vec<u32>,
    cur: u32,
    parity: Vec<bool>,
    parent_edge: Vec<u32>,
    parent: Vec<u32>,
    depth: Vec<u32>,
    queue: Vec<u32>,
    n: usize,
}

/// The outcome of a packing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Packing {
    /// The bound (not counting the graph's constant).
    pub(crate) bound: f64,
    /// Whether no unbalanced cycle exists at all (the graph is balanced).
    pub(crate) balanced: bool,
    /// Whether the packing ran to the end (not stopped by the deadline).
    pub(crate) complete: bool,
}

impl Packer {
    /// Copies `g`'s edges.
    pub(crate) fn new(g: &WorkGraph) -> Self {
        let n = g.len();
        let mut deg = vec![0usize; n + 1];
        let edges: Vec<(u32, u32, f64)> = g.edges().collect();
        for &(a, b, _) in &edges {
            deg[a as usize] += 1;
            deg[b as usize] += 1;
        }
        let mut off = vec![0usize; n + 1];
        for v in 0..n {
            off[v + 1] = off[v] + deg[v];
        }
        let mut fill = off.clone();
        let mut adj = vec![(0u32, 0u32); off[n]];
        let mut neg = Vec::with_capacity(edges.len());
        let mut cap = Vec::with_capacity(edges.len());
        for (id, &(a, b, c)) in edges.iter().enumerate() {
            adj[fill[a as usize]] = (b, id as u32);
            fill[a as usize] += 1;
            adj[fill[b as usize]] = (a, id as u32);
            fill[b as usize] += 1;
            neg.push(c < 0.0);
            cap.push(c.abs());
        }
        Self {
            off,
            adj,
            neg,
            cap,
            stamp: vec![0; n],
            cur: 0,
            parity: vec![false; n],
            parent_edge: vec![u32::MAX; n],
            parent: vec![u32::MAX; n],
            depth: vec![0; n],
            queue: Vec::new(),
            n,
        }
    }

    /// BFS from `s` up to depth `radius` on edges with residual capacity; returns an
    /// unbalanced cycle as a list of edge ids, if one is closed within the radius.
    fn find_cycle(&mut self, s: u32, radius: u32, budget: usize, out: &mut Vec<u32>) -> bool {
        self.cur = self.cur.wrapping_add(1);
        if self.cur == 0 {
            self.stamp.iter_mut().for_each(|x| *x = 0);
            self.cur = 1;
        }
        let cur = self.cur;
        self.queue.clear();
        self.queue.push(s);
        self.stamp[s as usize] = cur;
        self.parity[s as usize] = false;
        self.parent_edge[s as usize] = u32::MAX;
        self.depth[s as usize] = 0;
        let mut head = 0;
        let mut scanned = 0usize;
        while head < self.queue.len() {
            let x = self.queue[head];
            head += 1;
            let dx = self.depth[x as usize];
            scanned += self.off[x as usize + 1] - self.off[x as usize];
            if scanned > budget {
                return false;
            }
            for k in self.off[x as usize]..self.off[x as usize + 1] {
                let (y, e) = self.adj[k];
                if self.cap[e as usize] <= FRUSTRATION_EPS || e == self.parent_edge[x as usize] {
                    continue;
                }
                if self.stamp[y as usize] == cur {
                    let odd =
                        self.parity[x as usize] ^ self.parity[y as usize] ^ self.neg[e as usize];
                    if odd {
                        // Cycle: x → lca ← y, plus e.
                        out.clear();
                        out.push(e);
                        let (mut a, mut b) = (x, y);
                        while a != b {
                            if self.depth[a as usize] >= self.depth[b as usize] {
                                out.push(self.parent_edge[a as usize]);
                                a = self.parent[a as usize];
                            } else {
                                out.push(self.parent_edge[b as usize]);
                                b = self.parent[b as usize];
                            }
                        }
                        return true;
                    }
                } else if dx < radius {
                    self.stamp[y as usize] = cur;
                    self.parity[y as usize] = self.parity[x as usize] ^ self.neg[e as usize];
                    self.parent_edge[y as usize] = e;
                    self.parent[y as usize] = x;
                    self.depth[y as usize] = dx + 1;
                    self.queue.push(y);
                }
            }
        }
        false
    }

    /// Greedy packing: short cycles first (radius 1, 2 and 3 around every node in `order`,
    /// each search capped in the ties it scans), then any remaining unbalanced cycle (a
    /// search that finds none proves its residual component balanced, and its nodes are
    /// skipped). Stops early, with a smaller but valid bound, at `deadline`.
    pub(crate) fn pack(&mut self, order: &[u32], deadline: Option<Instant>) -> Packing {
        let mut bound = 0.0;
        let mut cycle = Vec::new();
        let mut found_any = false;
        let mut complete = true;
        let mut calls = 0u32;
        let mut done = vec![false; self.n];
        'phases: for (radius, budget) in [
            (1u32, 1usize << 12),
            (2, 1 << 12),
            (3, 1 << 13),
            (u32::MAX, usize::MAX),
        ] {
            for &s in order {
                if radius == u32::MAX && done[s as usize] {
                    continue;
                }
                loop {
                    calls += 1;
                    // An unbounded search may scan the whole graph: read the clock before
                    // each; the short ones are cheap, so every 64th.
                    if (radius == u32::MAX || calls % 64 == 0)
                        && deadline.is_some_and(|d| Instant::now() >= d)
                    {
                        complete = false;
                        break 'phases;
                    }
                    if !self.find_cycle(s, radius, budget, &mut cycle) {
                        if radius == u32::MAX {
                            for &x in &self.queue {
                                done[x as usize] = true;
                            }
                        }
                        break;
                    }
                    found_any = true;
                    let b = cycle
                        .iter()
                        .map(|&e| self.cap[e as usize])
                        .fold(f64::INFINITY, f64::min);
                    for &e in &cycle {
                        self.cap[e as usize] -= b;
                    }
                    bound += b;
                }
            }
        }
        Packing {
            bound,
            balanced: complete && !found_any,
            complete,
        }
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.n
    }
}

/// The greedy packing bound of `g` (without its constant), stopping early at `deadline`.
pub(crate) fn packing_bound(g: &WorkGraph, deadline: Option<Instant>) -> Packing {
    let mut p = Packer::new(g);
    // Low degree first: short cycles there use few edges a hub would need.
    let mut order: Vec<u32> = g.active_nodes();
    order.sort_by_key(|&v| (g.neighbours(v).len(), v));
    let _ = p.len();
    p.pack(&order, deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k4_all_negative_packs_one_triangle() {
        let mut e = Vec::new();
        for a in 0..4u32 {
            for b in a + 1..4 {
                e.push((a, b, -1.0));
            }
        }
        let g = WorkGraph::from_edges(4, e);
        let p = packing_bound(&g, None);
        assert!(!p.balanced);
        assert!(p.bound >= 1.0 && p.bound <= 2.0);
    }

    #[test]
    fn balanced_graph_has_no_cycle() {
        let g = WorkGraph::from_edges(4, [(0, 1, 1.0), (1, 2, -1.0), (2, 3, 1.0), (3, 0, -1.0)]);
        let p = packing_bound(&g, None);
        assert!(p.balanced);
        assert_eq!(p.bound, 0.0);
    }
}
