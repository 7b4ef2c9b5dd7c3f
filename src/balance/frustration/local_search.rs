//! Seeded multi-start tabu search for the frustration index (one-flip moves).
//!
//! Each start builds a colouring greedily (nodes in breadth-first order from a seeded root,
//! each taking the colour that frustrates the least weight towards the nodes already
//! coloured), descends, then runs a tabu search: every iteration flips the non-tabu node
//! with the best gain (a max segment tree over gains), and a flipped node stays tabu for a
//! seeded random tenure. A start ends after a budget of moves without a new best; the best
//! colouring over all starts is kept. The work is counted in moves, never in time, so the
//! same seed gives the same result on every machine.

use super::work::{Colouring, Rng, WorkGraph};
use crate::tolerance::FRUSTRATION_EPS;

/// A compact weighted graph for the search.
pub(crate) struct Csr {
    pub(crate) off: Vec<usize>,
    pub(crate) adj: Vec<(u32, f64)>,
}

impl Csr {
    pub(crate) fn from_work(g: &WorkGraph) -> Self {
        let n = g.len();
        let mut off = vec![0usize; n + 1];
        for v in 0..n {
            off[v + 1] = off[v] + g.neighbours(v as u32).len();
        }
        let mut adj = Vec::with_capacity(off[n]);
        for v in 0..n {
            adj.extend_from_slice(g.neighbours(v as u32));
        }
        Self { off, adj }
    }
    pub(crate) fn len(&self) -> usize {
        self.off.len() - 1
    }
    #[inline]
    pub(crate) fn nb(&self, v: usize) -> &[(u32, f64)] {
        &self.adj[self.off[v]..self.off[v + 1]]
    }
}

/// Work budget of a search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    pub(crate) starts: usize,
    /// Tabu moves per start, as a multiple of the number of active nodes.
    pub(crate) moves_per_node: f64,
    /// Lower and upper caps on the tabu moves per start.
    pub(crate) min_moves: usize,
    pub(crate) max_moves: usize,
}

/// Max segment tree over node keys, `-inf` for excluded nodes.
struct MaxTree {
    size: usize,
    key: Vec<f64>,
    arg: Vec<u32>,
}

impl MaxTree {
    fn new(n: usize) -> Self {
        let size = n.next_power_of_two().max(1);
        Self {
            size,
            key: vec![f64::NEG_INFINITY; 2 * size],
            arg: (0..2 * size as u32)
                .map(|i| i.saturating_sub(size as u32))
                .collect(),
        }
    }
    fn build(&mut self, keys: &[f64]) {
        for i in 0..self.size {
            self.key[self.size + i] = keys.get(i).copied().unwrap_or(f64::NEG_INFINITY);
            self.arg[self.size + i] = i as u32;
        }
        for i in (1..self.size).rev() {
            self.pull(i);
        }
    }
    #[inline]
    fn pull(&mut self, i: usize) {
        let (l, r) = (2 * i, 2 * i + 1);
        if self.key[l] >= self.key[r] {
            self.key[i] = self.key[l];
            self.arg[i] = self.arg[l];
        } else {
            self.key[i] = self.key[r];
            self.arg[i] = self.arg[r];
        }
    }
    #[inline]
    fn set(&mut self, v: usize, k: f64) {
        let mut i = self.size + v;
        self.key[i] = k;
        i /= 2;
        while i >= 1 {
            self.pull(i);
            i /= 2;
        }
    }
    fn top(&self) -> (f64, usize) {
        (self.key[1], self.arg[1] as usize)
    }
}

/// Cost of `colour` on `csr` (without constant).
pub(crate) fn csr_cost(csr: &Csr, colour: &[bool]) -> f64 {
    let mut t = 0.0;
    for v in 0..csr.len() {
        for &(x, c) in csr.nb(v) {
            if (x as usize) > v && (colour[v] != colour[x as usize]) == (c > 0.0) {
                t += c.abs();
            }
        }
    }
    t
}

fn greedy_start(csr: &Csr, active: &[u32], rng: &mut Rng, colour: &mut [bool], seen: &mut [bool]) {
    seen.iter_mut().for_each(|s| *s = false);
    let mut queue: Vec<u32> = Vec::with_capacity(active.len());
    let offset = if active.is_empty() {
        0
    } else {
        rng.below(active.len())
    };
    for k in 0..active.len() {
        let root = active[(k + offset) % active.len()];
        if seen[root as usize] {
            continue;
        }
        seen[root as usize] = true;
        colour[root as usize] = rng.next_u64() & 1 == 1;
        queue.clear();
        queue.push(root);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            let nb = csr.nb(v);
            // Shuffle the discovery order cheaply: start at a random position.
            let start = if nb.is_empty() {
                0
            } else {
                rng.below(nb.len())
            };
            for i in 0..nb.len() {
                let x = nb[(i + start) % nb.len()].0 as usize;
                if seen[x] {
                    continue;
                }
                seen[x] = true;
                // Colour x against its coloured neighbours.
                let mut pull = 0.0; // > 0: prefers same colour as "false" side …
                for &(y, c) in csr.nb(x) {
                    if seen[y as usize] && y as usize != x {
                        // Satisfied when colour[x] == colour[y] ^ (c < 0).
                        let want = colour[y as usize] ^ (c < 0.0);
                        pull += if want { c.abs() } else { -c.abs() };
                    }
                }
                colour[x] = if pull == 0.0 {
                    rng.next_u64() & 1 == 1
                } else {
                    pull > 0.0
                };
                queue.push(x as u32);
            }
        }
    }
}

/// Runs the search on `g`; returns the best colouring over `g`'s node slots and its cost
/// (including `g`'s constant). `init`, when given, is used as the first start. The starts
/// run on `threads` threads ([`crate::internal::parallel`]).
pub(crate) fn search(
    g: &WorkGraph,
    budget: Budget,
    seed: u64,
    init: Option<&[bool]>,
    threads: usize,
) -> (f64, Colouring) {
    let csr = Csr::from_work(g);
    let (c, col) = search_csr(&csr, budget, seed, init, threads);
    (c + g.constant(), col)
}

/// As [`search`], on a CSR graph (cost without constant). Start `k` draws from its own
/// generator ([`Rng::for_task`]`(seed, k)`) and the best start is the first of least cost,
/// so the result does not depend on `threads`.
pub(crate) fn search_csr(
    csr: &Csr,
    budget: Budget,
    seed: u64,
    init: Option<&[bool]>,
    threads: usize,
) -> (f64, Colouring) {
    let n = csr.len();
    let active: Vec<u32> = (0..n as u32)
        .filter(|&v| !csr.nb(v as usize).is_empty())
        .collect();
    if active.is_empty() {
        return (0.0, vec![false; n]);
    }
    // The floor scales down for small graphs: 50 moves per node at most.
    let floor = budget.min_moves.min(50 * active.len());
    let moves = ((budget.moves_per_node * active.len() as f64) as usize)
        .clamp(floor, budget.max_moves.max(floor));
    let starts: Vec<usize> = (0..budget.starts.max(1)).collect();
    let found = crate::internal::parallel::map(threads, &starts, |&start| {
        let mut rng = Rng::for_task(seed, start as u64);
        let init = init.filter(|c| start == 0 && c.len() == n);
        one_start(csr, &active, moves, &mut rng, init)
    });
    let mut best_col: Colouring = vec![false; n];
    let mut best = f64::INFINITY;
    for (start_best, start_col) in found {
        if start_best < best - FRUSTRATION_EPS {
            best = start_best;
            best_col = start_col;
        }
    }
    // Recount to remove drift.
    let exact = csr_cost(csr, &best_col);
    (exact, best_col)
}

/// One start: a greedy colouring (or `init`), descent, then tabu moves until `moves` of
/// them in a row bring no new best; the start's best cost and colouring.
fn one_start(
    csr: &Csr,
    active: &[u32],
    moves: usize,
    rng: &mut Rng,
    init: Option<&[bool]>,
) -> (f64, Colouring) {
    let n = csr.len();
    let mut colour = vec![false; n];
    let mut gain = vec![0.0f64; n];
    let mut tabu_until = vec![0usize; n];
    let mut tree = MaxTree::new(n);
    let base_tenure = 7 + active.len() / 100;
    match init {
        Some(c) => colour.copy_from_slice(c),
        None => greedy_start(csr, active, rng, &mut colour, &mut vec![false; n]),
    }
    // Gains: weight frustrated at v minus weight satisfied at v.
    let mut cost = 0.0;
    for v in 0..n {
        let mut gv = 0.0;
        for &(x, c) in csr.nb(v) {
            let frus = (colour[v] != colour[x as usize]) == (c > 0.0);
            if frus {
                gv += c.abs();
                if (x as usize) > v {
                    cost += c.abs();
                }
            } else {
                gv -= c.abs();
            }
        }
        gain[v] = gv;
    }
    let mut keys = vec![f64::NEG_INFINITY; n];
    for &v in active {
        keys[v as usize] = gain[v as usize];
    }
    tree.build(&keys);
    let mut expiring: std::collections::VecDeque<(usize, u32)> = Default::default();
    let mut start_best = cost;
    let mut start_col = colour.clone();
    let mut it = 0usize;
    let mut since_improve = 0usize;
    // Descent has no move limit; tabu moves are counted from the first non-improving one.
    loop {
        while let Some(&(t, v)) = expiring.front() {
            if t > it {
                break;
            }
            expiring.pop_front();
            if tabu_until[v as usize] <= it {
                tree.set(v as usize, gain[v as usize]);
            }
        }
        let (g_best, v) = tree.top();
        if g_best == f64::NEG_INFINITY {
            break;
        }
        let improving = g_best > FRUSTRATION_EPS;
        if !improving {
            if since_improve >= moves {
                break;
            }
            since_improve += 1;
        }
        // Flip v.
        colour[v] = !colour[v];
        cost -= gain[v];
        gain[v] = -gain[v];
        for &(x, c) in csr.nb(v) {
            let x = x as usize;
            let frus = (colour[v] != colour[x]) == (c > 0.0);
            gain[x] += if frus { 2.0 * c.abs() } else { -2.0 * c.abs() };
            if tabu_until[x] <= it {
                tree.set(x, gain[x]);
            }
        }
        it += 1;
        let tenure = base_tenure + rng.below(10);
        tabu_until[v] = it + tenure;
        tree.set(v, f64::NEG_INFINITY);
        expiring.push_back((it + tenure, v as u32));
        if cost < start_best - FRUSTRATION_EPS {
            start_best = cost;
            start_col.copy_from_slice(&colour);
            since_improve = 0;
        }
    }
    (start_best, start_col)
}
