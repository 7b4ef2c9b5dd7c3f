//! Exact frustration index by branch and reduce.
//!
//! Every search node (1) applies the data reductions of [`super::reduce`] — the dominant-tie
//! rule and the split into biconnected blocks, each block solved on its own with what the
//! other blocks leave of the budget — (2) bounds the rest from below by a greedy packing of
//! unbalanced cycles ([`super::bound`]), and (3) if the bound does not close the search,
//! branches on the heaviest tie of the heaviest node: either the tie is satisfied or it is
//! frustrated, and in both branches its two ends are contracted into one node, so each
//! branch is a smaller signed graph that is reduced again. A branch is pruned as soon as its
//! bound reaches the best value known (the incumbent, first from local search).
//!
//! The search is depth first and never hangs: a node limit and a deadline end it, and it
//! then reports the incumbent together with the best proven lower bound.

use super::bound::{Packing, packing_bound};
use super::brute::brute_force;
use super::reduce::{blocks, glue, reduce, undo};
use super::work::{Colouring, WorkGraph};
use crate::tolerance::FRUSTRATION_EPS;
use std::time::Instant;

/// Shared limits and counters of one exact run.
#[derive(Debug)]
pub(crate) struct Ctx {
    pub(crate) nodes: u64,
    pub(crate) node_limit: u64,
    pub(crate) deadline: Option<Instant>,
    pub(crate) aborted: bool,
    /// Blocks with at most this many nodes are solved by enumeration.
    pub(crate) enumerate: usize,
    /// Current branching depth and ties held by the graphs along the current path.
    pub(crate) depth: usize,
    pub(crate) path_edges: usize,
    /// Whether the search stopped at [`MAX_DEPTH`] or [`MAX_PATH_EDGES`].
    pub(crate) memory_stop: bool,
}

/// The search stops (as on its node limit) beyond this branching depth, which keeps the
/// recursion well inside a thread's stack …
pub(crate) const MAX_DEPTH: usize = 1_500;
/// … and when the graphs kept along the current path hold more ties than this (about
/// 320 MB), which bounds memory on very large graphs searched without a time limit.
pub(crate) const MAX_PATH_EDGES: usize = 10_000_000;

impl Ctx {
    /// Whether the search must stop: aborted already, or past the deadline (then marks it
    /// aborted). Cheap enough for every search node.
    pub(crate) fn out_of_time(&mut self) -> bool {
        if !self.aborted && self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.aborted = true;
        }
        self.aborted
    }

    fn tick(&mut self) -> bool {
        if self.aborted {
            return true;
        }
        self.nodes += 1;
        if self.nodes > self.node_limit {
            self.aborted = true;
        } else if let Some(d) = self.deadline {
            // A search node costs far more than reading the clock.
            if Instant::now() >= d {
                self.aborted = true;
            }
        }
        self.aborted
    }
}

/// The result of searching a graph for a colouring cheaper than a limit.
///
/// Always `lb ≤ optimum`. When the search was not aborted, either `best` is optimal
/// (`best.0 ≤ lb + ε`) or `lb ≥ limit` (nothing cheaper than the limit exists).
#[derive(Debug)]
pub(crate) struct Outcome {
    pub(crate) best: Option<(f64, Colouring)>,
    pub(crate) lb: f64,
}

/// Colours a balanced graph without frustration (breadth-first parities).
fn balanced_colouring(g: &WorkGraph) -> Colouring {
    let n = g.len();
    let mut colour = vec![false; n];
    let mut seen = vec![false; n];
    let mut queue = Vec::new();
    for r in g.active_nodes() {
        if seen[r as usize] {
            continue;
        }
        seen[r as usize] = true;
        queue.clear();
        queue.push(r);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for &(x, c) in g.neighbours(v) {
                if !seen[x as usize] {
                    seen[x as usize] = true;
                    colour[x as usize] = colour[v as usize] ^ (c < 0.0);
                    queue.push(x);
                }
            }
        }
    }
    colour
}

/// Searches `g` for a colouring cheaper than `limit`. `pre` is the packing of `g` when the
/// caller has computed it already (reused when the reductions leave `g` unchanged).
pub(crate) fn solve(mut g: WorkGraph, limit: f64, ctx: &mut Ctx, pre: Option<Packing>) -> Outcome {
    // After the deadline (or the node limit) nothing more is searched below the root: the
    // ties already frustrated by the branching (the constant) are a valid lower bound, and
    // returning at once keeps the unwinding of a deep search from overrunning the time
    // limit. A root still gets its (deadline-checked) packing bound.
    if ctx.depth > 0 && ctx.out_of_time() {
        return Outcome {
            best: None,
            lb: g.constant(),
        };
    }
    let log = reduce(&mut g);
    let c0 = g.constant();
    let n = g.len();
    if g.edge_count() == 0 {
        let mut col = vec![false; n];
        undo(&log, &mut col);
        return Outcome {
            best: Some((c0, col)),
            lb: c0,
        };
    }
    let bl = blocks(&g);
    if bl.len() > 1 {
        let mut local = vec![u32::MAX; n];
        let subs: Vec<WorkGraph> = bl
            .iter()
            .map(|b| g.edge_subgraph(&b.nodes, &b.edges, &mut local))
            .collect();
        let packs: Vec<Packing> = subs
            .iter()
            .map(|s| packing_bound(s, ctx.deadline))
            .collect();
        let lbs: Vec<f64> = packs.iter().map(|p| p.bound).collect();
        let mut acc = c0;
        let mut rest: f64 = lbs.iter().sum();
        if acc + rest >= limit - FRUSTRATION_EPS {
            return Outcome {
                best: None,
                lb: acc + rest,
            };
        }
        let mut cols = Vec::with_capacity(subs.len());
        for (i, s) in subs.into_iter().enumerate() {
            rest -= lbs[i];
            let r = solve(s, limit - acc - rest, ctx, Some(packs[i]));
            let lbi = r.lb.max(lbs[i]);
            match r.best {
                Some((cost, col)) if cost <= lbi + FRUSTRATION_EPS => {
                    acc += cost;
                    cols.push(col);
                }
                _ => {
                    return Outcome {
                        best: None,
                        lb: acc + lbi + rest.max(0.0),
                    };
                }
            }
        }
        let mut col = vec![false; n];
        let mut seen = vec![false; n];
        glue(&bl, &cols, &mut col, &mut seen);
        undo(&log, &mut col);
        return Outcome {
            best: Some((acc, col)),
            lb: acc,
        };
    }
    if let Some((cost, mut col)) = brute_force(&g, ctx.enumerate) {
        undo(&log, &mut col);
        return Outcome {
            best: Some((cost, col)),
            lb: cost,
        };
    }
    let p = match pre {
        Some(p) if log.is_empty() && p.complete => p,
        _ => packing_bound(&g, ctx.deadline),
    };
    if !p.complete {
        ctx.aborted = true;
    }
    if p.balanced {
        let mut col = balanced_colouring(&g);
        undo(&log, &mut col);
        return Outcome {
            best: Some((c0, col)),
            lb: c0,
        };
    }
    let lb0 = c0 + p.bound;
    if lb0 >= limit - FRUSTRATION_EPS || ctx.tick() {
        return Outcome {
            best: None,
            lb: lb0,
        };
    }
    // Branch on the heaviest tie of the heaviest node.
    let mut u = 0u32;
    let mut best_deg = -1.0;
    for v in g.active_nodes() {
        let (d, _) = g.heaviest(v);
        if d > best_deg {
            best_deg = d;
            u = v;
        }
    }
    let Some((v, c)) = g.heaviest(u).1 else {
        return Outcome {
            best: None,
            lb: lb0,
        };
    };
    let held = g.edge_count();
    if ctx.depth >= MAX_DEPTH || ctx.path_edges + held > MAX_PATH_EDGES {
        ctx.aborted = true;
        ctx.memory_stop = true;
        return Outcome {
            best: None,
            lb: lb0,
        };
    }
    ctx.depth += 1;
    ctx.path_edges += held;
    let mut best: Option<(f64, Colouring)> = None;
    let mut lim = limit;
    let mut child_lbs = [0.0f64; 2];
    for (k, flip) in [c < 0.0, c > 0.0].into_iter().enumerate() {
        let mut child = g.clone();
        child.contract(v, u, flip);
        let r = solve(child, lim, ctx, None);
        child_lbs[k] = r.lb;
        if let Some((cost, mut col)) = r.best {
            if best.as_ref().is_none_or(|b| cost < b.0 - FRUSTRATION_EPS) {
                col[v as usize] = col[u as usize] ^ flip;
                lim = lim.min(cost);
                best = Some((cost, col));
            }
        }
    }
    ctx.depth -= 1;
    ctx.path_edges -= held;
    let lb = lb0.max(child_lbs[0].min(child_lbs[1]));
    if let Some((_, col)) = best.as_mut() {
        undo(&log, col);
    }
    Outcome { best, lb }
}
