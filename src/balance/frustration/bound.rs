//! Lower bounds on the frustration index from packings of unbalanced cycles.
//!
//! Every cycle with an odd number of negative ties has at least one frustrated tie under any
//! colouring. If cycles `C₁, C₂, …` are given amounts `λᵢ > 0` so that no tie carries more
//! than its weight (`Σ_{C ∋ e} λ_C ≤ w_e`), then `Σ λᵢ` is a lower bound on the (weighted)
//! frustration index — the dual of the covering relaxation `min Σ wₑxₑ, Σ_{e∈C} xₑ ≥ 1`.
//! Two packings:
//!
//! - the *greedy* packing ([`packing_bound`]): short cycles first (breadth-first search with
//!   parities from every node, radius growing), each taking the smallest residual weight on
//!   it; it needs nothing but the graph and bounds every node of the exact search;
//! - the *incumbent-driven* packing ([`Routing`]): given a colouring, each of its
//!   frustrated ties closed by paths of ties it satisfies ([`Packer::route`]; whole paths,
//!   or several paths each carrying a share of the tie — a fractional packing), then the
//!   greedy packing of what is left. With a good colouring it is far stronger (on Slashdot,
//!   Epinions and wikielections it halves the gap or better) and computed once per block at
//!   the root of the exact search and by the certified heuristic. Where the routing gets
//!   stuck it also points at better colourings: a set of nodes that blocks an unrouted tie
//!   is flipped when that lowers the cost ([`Routing::improving_flips`]; the primal side of
//!   the same primal–dual loop). The same sets guide the next routing: their nodes become
//!   *zones* ([`Routing::zones`]), and a path may cross between zones only where its tie
//!   must ([`Packer::route`]) — on Slashdot this routes about 650 more ties than the plain
//!   routing of the same colouring.
//!
//! Either way the certificate is the list of cycles with their amounts: each cycle has an
//! odd number of negative ties and no tie carries more than its weight (checked by the tests
//! on every packing they build).

use super::work::{Colouring, WorkGraph};
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
    /// Residual capacity of every edge (its weight less what the packed cycles use).
    cap: Vec<f64>,
    /// The weight of every edge.
    weight: Vec<f64>,
    /// The ends of every edge.
    ends: Vec<(u32, u32)>,
    // BFS scratch
    stamp: Vec<u32>,
    cur: u32,
    parity: Vec<bool>,
    parent_edge: Vec<u32>,
    parent: Vec<u32>,
    depth: Vec<u32>,
    queue: Vec<u32>,
    queue_b: Vec<u32>,
    deque: std::collections::VecDeque<u32>,
    /// While routing: whether each tie is satisfied by the colouring, and the slack of
    /// every node — residual weight of its satisfied ties minus that of its unrouted
    /// frustrated ties.
    sat: Vec<bool>,
    slack: Vec<f64>,
    /// The least slack of a node a path may pass through (see [`Packer::route`]).
    reserve: f64,
    /// The zone of every node (empty: no zones): see [`Packer::route`].
    zones: Vec<u32>,
    /// While a search is confined to zones: the zones of its demand's ends.
    confine: Option<(u32, u32)>,
    n: usize,
    /// The packed cycles (edge ids) and their amounts, when recorded.
    cycles: Option<Vec<(Vec<u32>, f64)>>,
    /// The routes of [`Packer::route`] (path plus frustrated tie, amount) until
    /// [`Packer::finish_routes`].
    routes: Vec<(Vec<u32>, f64)>,
}

/// The least slacks a node must keep for paths to pass through it, tier after tier of the
/// routing rounds (then no limit); see [`Packer::route`].
const TIERS: [f64; 5] = [32.0, 16.0, 8.0, 4.0, 2.0];

/// The largest set [`Packer::improving_flips`] considers flipping.
pub(crate) const BLOCKING_SET_MAX: usize = 1 << 14;

/// The adjacency entries a search of the unbounded round confined to zones may scan (see
/// [`Packer::route`]).
const ZONED_BUDGET: usize = 1 << 18;

/// Passes of [`Packer::repair`] (each over every unrouted tie, while they gain).
const REPAIR_PASSES: usize = 1;

/// The outcome of a path search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathSearch {
    /// A path was found.
    Found,
    /// Stopped by the radius or the budget.
    Cut,
    /// The given side (0 from the source, 1 from the target) ran out of nodes: its queue
    /// holds the whole residual component, which does not contain the other end.
    Exhausted(usize),
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
        let mut ends = Vec::with_capacity(edges.len());
        for (id, &(a, b, c)) in edges.iter().enumerate() {
            adj[fill[a as usize]] = (b, id as u32);
            fill[a as usize] += 1;
            adj[fill[b as usize]] = (a, id as u32);
            fill[b as usize] += 1;
            neg.push(c < 0.0);
            cap.push(c.abs());
            ends.push((a, b));
        }
        Self {
            off,
            adj,
            neg,
            weight: cap.clone(),
            cap,
            ends,
            stamp: vec![0; n],
            cur: 0,
            parity: vec![false; n],
            parent_edge: vec![u32::MAX; n],
            parent: vec![u32::MAX; n],
            depth: vec![0; n],
            queue: Vec::new(),
            queue_b: Vec::new(),
            deque: std::collections::VecDeque::new(),
            sat: Vec::new(),
            slack: Vec::new(),
            reserve: f64::NEG_INFINITY,
            zones: Vec::new(),
            confine: None,
            n,
            cycles: None,
            routes: Vec::new(),
        }
    }

    /// A stamp no node carries yet (all stamps are cleared when the counter wraps).
    fn next_mark(&mut self) -> u32 {
        self.cur = self.cur.wrapping_add(1);
        if self.cur == 0 {
            self.stamp.iter_mut().for_each(|x| *x = 0);
            self.cur = 1;
        }
        self.cur
    }

    /// Records the packed cycles (for tests that check the certificate).
    #[cfg(test)]
    fn recording(mut self) -> Self {
        self.cycles = Some(Vec::new());
        self
    }

    /// Packs `cycle` with the smallest residual capacity on it (returned), taken from
    /// every edge of the cycle.
    fn take(&mut self, cycle: &[u32]) -> f64 {
        let lam = cycle
            .iter()
            .map(|&e| self.cap[e as usize])
            .fold(f64::INFINITY, f64::min);
        self.give(cycle, -lam);
        lam
    }

    /// Adds `amount` to the residual capacity of every edge of `cycle`.
    fn give(&mut self, cycle: &[u32], amount: f64) {
        for &e in cycle {
            self.cap[e as usize] += amount;
            if let Some(&sat) = self.sat.get(e as usize) {
                let d = if sat { amount } else { -amount };
                let (a, b) = self.ends[e as usize];
                self.slack[a as usize] += d;
                self.slack[b as usize] += d;
            }
        }
    }

    /// Whether a path may pass through `x` (an inner node of the path): always, unless
    /// reserving, when `x` must keep a slack of 2 (a path through it uses two of its
    /// satisfied ties, and its own frustrated ties need one each).
    #[inline]
    fn transit(&self, x: u32) -> bool {
        self.slack
            .get(x as usize)
            .is_none_or(|&s| s >= self.reserve - FRUSTRATION_EPS)
    }

    /// Whether the search under way may use a tie from `x` to `y`: always, unless it is
    /// confined to zones (see [`Packer::route`]); then only a tie inside a zone or one between
    /// the zones of its demand's two ends.
    #[inline]
    fn crossing_ok(&self, x: u32, y: u32) -> bool {
        let Some((za, zb)) = self.confine else {
            return true;
        };
        let (zx, zy) = (self.zones[x as usize], self.zones[y as usize]);
        zx == zy || (za != zb && ((zx, zy) == (za, zb) || (zx, zy) == (zb, za)))
    }

    /// Records a packed cycle, when recording.
    fn record(&mut self, cycle: &[u32], lam: f64) {
        if let Some(c) = self.cycles.as_mut() {
            c.push((cycle.to_vec(), lam));
        }
    }

    /// BFS from `s` up to depth `radius` on edges with residual capacity; returns an
    /// unbalanced cycle as a list of edge ids, if one is closed within the radius.
    fn find_cycle(&mut self, s: u32, radius: u32, budget: usize, out: &mut Vec<u32>) -> bool {
        let cur = self.next_mark();
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
                    let lam = self.take(&cycle);
                    self.record(&cycle, lam);
                    bound += lam;
                }
            }
        }
        Packing {
            bound,
            balanced: complete && !found_any,
            complete,
        }
    }

    /// Bidirectional breadth-first search for a path from `s` to `t` on satisfied edges
    /// (`sat`) with residual capacity, of at most `radius` edges, scanning at most `budget`
    /// adjacency entries; each step grows the side with the smaller frontier by a whole
    /// level. On success the path's edges are in `out`.
    fn find_path(
        &mut self,
        s: u32,
        t: u32,
        radius: u32,
        budget: usize,
        out: &mut Vec<u32>,
    ) -> PathSearch {
        let mark = [self.next_mark(), self.next_mark()];
        let mut queues = [
            std::mem::take(&mut self.queue),
            std::mem::take(&mut self.queue_b),
        ];
        for (side, root) in [s, t].into_iter().enumerate() {
            queues[side].clear();
            queues[side].push(root);
            self.stamp[root as usize] = mark[side];
            self.parent_edge[root as usize] = u32::MAX;
        }
        let mut front = [0usize, 0usize];
        let mut levels = 0u32;
        let mut scanned = 0usize;
        let result = 'search: loop {
            if levels + 1 > radius {
                break PathSearch::Cut;
            }
            levels += 1;
            let side = usize::from(queues[1].len() - front[1] < queues[0].len() - front[0]);
            let (own, other) = (mark[side], mark[1 - side]);
            let end = queues[side].len();
            for i in front[side]..end {
                let x = queues[side][i];
                if self.parent_edge[x as usize] != u32::MAX && !self.transit(x) {
                    continue;
                }
                let (lo, hi) = (self.off[x as usize], self.off[x as usize + 1]);
                scanned += hi - lo;
                if scanned > budget {
                    break 'search PathSearch::Cut;
                }
                for k in lo..hi {
                    let (y, e) = self.adj[k];
                    let st = self.stamp[y as usize];
                    if st == own
                        || !self.sat[e as usize]
                        || self.cap[e as usize] <= FRUSTRATION_EPS
                        || !self.crossing_ok(x, y)
                    {
                        continue;
                    }
                    if st == other {
                        if self.parent_edge[y as usize] != u32::MAX && !self.transit(y) {
                            continue;
                        }
                        out.clear();
                        out.push(e);
                        for mut z in [x, y] {
                            while self.parent_edge[z as usize] != u32::MAX {
                                out.push(self.parent_edge[z as usize]);
                                z = self.parent[z as usize];
                            }
                        }
                        break 'search PathSearch::Found;
                    }
                    self.stamp[y as usize] = own;
                    self.parent_edge[y as usize] = e;
                    self.parent[y as usize] = x;
                    queues[side].push(y);
                }
            }
            front[side] = end;
            if queues[side].len() == end {
                break PathSearch::Exhausted(side);
            }
        };
        [self.queue, self.queue_b] = queues;
        result
    }

    /// Incumbent-driven packing: closes every frustrated tie of the colouring `col` by paths
    /// of satisfied ties; returns the amount packed and whether it ran to the end (not
    /// stopped by `deadline`). With `units > 1` a path carries at most `1/units` of its
    /// frustrated tie's weight, and every round passes `units` times over the ties: a tie
    /// is split over several paths, so a fractional packing (each cycle's amount a multiple
    /// of `w/units`) can route more than an integral one. The routes and the satisfied
    /// ties (`sat`) stay set for [`Packer::improving_flips`] and [`Packer::finish_routes`].
    ///
    /// A path between the ends `u`, `v` of a frustrated tie `f` made of ties that `col`
    /// satisfies has the parity `col(u) ⊕ col(v)`, which `f`'s sign contradicts: the path
    /// plus `f` is an unbalanced cycle holding exactly one frustrated tie. By complementary
    /// slackness a packing that meets an optimal colouring's value has only such cycles, so
    /// routing the frustrated ties of a good incumbent is the natural way towards a tight
    /// packing.
    ///
    /// Node reservation: a path through a node uses two of its satisfied ties, and each of
    /// the node's own frustrated ties needs one. A node's *slack* is the residual weight of
    /// its satisfied ties minus the unrouted weight of its frustrated ties; the rounds first
    /// let paths pass only through nodes of slack at least 32, then 16, 8, 4, 2, and last
    /// through any node (on Slashdot this takes the routed amount from 70,753 to 72,375 of
    /// 73,743). Then [`Packer::repair`] swaps routes.
    ///
    /// Zones (set by [`Routing::new`] from an earlier routing's blocking sets, see
    /// [`Routing::zones`]): in every round but the last, a path may use a tie between two
    /// zones only when its frustrated tie joins those two zones; the rounds confined to
    /// zones end with one of unbounded length (each search capped at [`ZONED_BUDGET`]
    /// adjacency entries) before the last, free one. A set that blocked an
    /// earlier routing is one whose boundary the routes used up, mostly by paths that
    /// entered and left it for ties with both ends on one side; kept out, those paths go
    /// around, and the boundary carries the ties that must cross it. (This is what the
    /// exponential edge prices of a multiplicative-weights packing — Garg & Könemann, *SIAM
    /// J. Comput.* 37(2), 2007 — would learn on the saturated boundaries, at a fraction of
    /// the cost.) On Slashdot (incumbent 73,577) the routed amount rises from 72,419 to
    /// 73,077.
    ///
    /// The routing is a capacitated edge-disjoint paths problem (an integral
    /// multicommodity flow, one commodity per frustrated tie, of demand its weight), solved
    /// greedily shortest paths first — Kleinberg's bounded-length greedy for disjoint
    /// paths (J. Kleinberg, *Approximation algorithms for disjoint paths problems*, PhD
    /// thesis, MIT, 1996, ch. 3): rounds of growing path length (2, 3, 4, 6 ties, then any),
    /// each search a bidirectional breadth-first search capped in the adjacency entries it
    /// scans. A search whose one side runs out of nodes has explored that side's whole
    /// residual satisfied component, which misses the other end; the component is labelled,
    /// and a later demand whose ends carry different labels (or one label and none) is
    /// skipped: components only split as capacity is used.
    ///
    /// # Complexity
    /// `O(d · B)` for the capped rounds (`d` frustrated ties, `B` the cap, at most 2¹⁶
    /// entries, 2¹⁸ in the unbounded zoned round), and `O(m)` per search of the last round,
    /// `O(d · m)` in the worst case;
    /// on social networks most ties close within three ties.
    pub(crate) fn route(
        &mut self,
        col: &[bool],
        units: u32,
        deadline: Option<Instant>,
    ) -> (f64, bool) {
        // A tie is satisfied when its ends differ exactly when it is negative.
        let sat: Vec<bool> = self
            .ends
            .iter()
            .zip(&self.neg)
            .map(|(&(a, b), &neg)| (col[a as usize] != col[b as usize]) == neg)
            .collect();
        let demands: Vec<u32> = (0..sat.len() as u32)
            .filter(|&e| !sat[e as usize])
            .collect();
        self.slack = vec![0.0; self.n];
        for (e, &(a, b)) in self.ends.iter().enumerate() {
            let d = if sat[e] { self.cap[e] } else { -self.cap[e] };
            self.slack[a as usize] += d;
            self.slack[b as usize] += d;
        }
        self.sat = sat;
        let mut bound = 0.0;
        let mut path = Vec::new();
        let mut routes = Vec::new();
        let mut region = vec![u32::MAX; self.n];
        let mut regions = 0u32;
        let mut calls = 0u32;
        let mut complete = true;
        // (least slack of a transit node, radius, budget, confined to the zones)
        let zoned = !self.zones.is_empty();
        let mut rounds = Vec::new();
        for t in TIERS.into_iter().chain([f64::NEG_INFINITY]) {
            for (radius, budget) in [
                (2u32, 1usize << 12),
                (3, 1 << 13),
                (4, 1 << 14),
                (6, 1 << 16),
            ] {
                rounds.push((t, radius, budget, zoned));
            }
        }
        if zoned {
            rounds.push((f64::NEG_INFINITY, u32::MAX, ZONED_BUDGET, true));
        }
        rounds.push((f64::NEG_INFINITY, u32::MAX, usize::MAX, false));
        let units = units.max(1);
        let passes = (0..units).flat_map(|_| demands.iter().copied());
        let share = 1.0 / f64::from(units);
        // The round in which a tie's search last failed: its later passes in that round
        // are skipped. They would nearly always fail again — capacity only shrinks; what
        // is forgone is a path through a node whose slack grew meanwhile (its own
        // frustrated ties routed) — and the failing searches are most of the routing's
        // time.
        let mut failed = vec![usize::MAX; self.cap.len()];
        'phases: for (round, (reserve, radius, budget, confine)) in rounds.into_iter().enumerate() {
            self.reserve = reserve;
            for f in passes.clone() {
                let fe = f as usize;
                if failed[fe] == round {
                    continue;
                }
                let (mut a, mut b) = self.ends[fe];
                if self.off[a as usize + 1] - self.off[a as usize]
                    > self.off[b as usize + 1] - self.off[b as usize]
                {
                    std::mem::swap(&mut a, &mut b);
                }
                while self.cap[fe] > FRUSTRATION_EPS {
                    let (ra, rb) = (region[a as usize], region[b as usize]);
                    if ra != rb && (ra != u32::MAX || rb != u32::MAX) {
                        break;
                    }
                    calls += 1;
                    if (radius == u32::MAX || calls % 64 == 0)
                        && deadline.is_some_and(|d| Instant::now() >= d)
                    {
                        complete = false;
                        break 'phases;
                    }
                    self.confine =
                        confine.then(|| (self.zones[a as usize], self.zones[b as usize]));
                    let found = self.find_path(a, b, radius, budget, &mut path);
                    let confined = self.confine.take().is_some();
                    if found != PathSearch::Found {
                        failed[fe] = round;
                    }
                    match found {
                        PathSearch::Found => {}
                        PathSearch::Cut => break,
                        // Blocked nodes or zones cut a component short: no label then.
                        PathSearch::Exhausted(_) if reserve > f64::NEG_INFINITY || confined => {
                            break;
                        }
                        PathSearch::Exhausted(side) => {
                            let q = if side == 0 {
                                &self.queue
                            } else {
                                &self.queue_b
                            };
                            for &x in q {
                                region[x as usize] = regions;
                            }
                            regions += 1;
                            break;
                        }
                    }
                    path.push(f);
                    let lam = if units == 1 {
                        self.take(&path)
                    } else {
                        let lam = path
                            .iter()
                            .map(|&e| self.cap[e as usize])
                            .fold(share * self.weight[fe], f64::min);
                        self.give(&path, -lam);
                        lam
                    };
                    routes.push((path.clone(), lam));
                    bound += lam;
                    if units > 1 {
                        break;
                    }
                }
            }
        }
        self.routes = routes;
        (bound, complete)
    }

    /// Ends a routing ([`Packer::route`]): improves it by [`Packer::repair`] when
    /// `repair`, records its cycles and clears the routing state. Returns the amount the
    /// repair added and whether it ran to the end (not stopped by `deadline`).
    fn finish_routes(&mut self, repair: bool, deadline: Option<Instant>) -> (f64, bool) {
        let mut routes = std::mem::take(&mut self.routes);
        let (mut gain, mut complete) = (0.0, true);
        if repair && !self.sat.is_empty() {
            let demands: Vec<u32> = (0..self.sat.len() as u32)
                .filter(|&e| !self.sat[e as usize])
                .collect();
            (gain, complete) = self.repair(&demands, &mut routes, deadline);
        }
        for (cycle, lam) in routes.into_iter().filter(|r| r.1 > 0.0) {
            self.record(&cycle, lam);
        }
        self.sat = Vec::new();
        self.slack = Vec::new();
        (gain, complete)
    }

    /// Local improvement of the routing (rip-up and re-route, 1-for-2 swaps): for each
    /// frustrated tie `f` left (partly) unrouted, a 0–1 breadth-first search finds a path
    /// of satisfied ties between its ends through exactly one saturated tie `e`; the route
    /// of a tie `g` through `e` is taken out, `f` is routed along the path and `g` again
    /// along any path left (bidirectional search). The swap is kept when `f` and `g`
    /// together carry more than `g` did, undone otherwise. Up to three passes while they
    /// gain. Returns the gain and whether it ran to the end (not stopped by `deadline`).
    /// Routes taken out keep their place in `routes` with amount 0.
    ///
    /// # Complexity
    /// Each attempt scans at most `2¹⁴ + 2¹⁶` adjacency entries: `O(d)` attempts per pass
    /// for `d` unrouted ties.
    fn repair(
        &mut self,
        demands: &[u32],
        routes: &mut Vec<(Vec<u32>, f64)>,
        deadline: Option<Instant>,
    ) -> (f64, bool) {
        let mut users: Vec<Vec<u32>> = vec![Vec::new(); self.cap.len()];
        for (i, (p, _)) in routes.iter().enumerate() {
            for &e in p {
                users[e as usize].push(i as u32);
            }
        }
        let mut gain = 0.0;
        let mut path = Vec::new();
        let mut again = Vec::new();
        for _pass in 0..REPAIR_PASSES {
            let before = gain;
            for &f in demands {
                if self.cap[f as usize] <= FRUSTRATION_EPS {
                    continue;
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return (gain, false);
                }
                let (a, b) = self.ends[f as usize];
                let Some(e) = self.find_path_01(a, b, 1 << 14, &mut path) else {
                    continue;
                };
                path.push(f);
                let Some(g) = e.and_then(|e| {
                    users[e as usize]
                        .iter()
                        .copied()
                        .find(|&g| routes[g as usize].1 > 0.0)
                }) else {
                    // A free path (possible after earlier swaps): route it outright.
                    let lam = self.take(&path);
                    Self::add_route(routes, &mut users, &path, lam);
                    gain += lam;
                    continue;
                };
                let (gp, gl) = std::mem::take(&mut routes[g as usize]);
                self.give(&gp, gl);
                let lf = self.take(&path);
                let gf = gp[gp.len() - 1];
                let (ga, gb) = self.ends[gf as usize];
                let lg = match self.find_path(ga, gb, u32::MAX, 1 << 16, &mut again) {
                    PathSearch::Found => {
                        again.push(gf);
                        self.take(&again)
                    }
                    _ => 0.0,
                };
                if lf + lg > gl + FRUSTRATION_EPS {
                    Self::add_route(routes, &mut users, &path, lf);
                    if lg > 0.0 {
                        Self::add_route(routes, &mut users, &again, lg);
                    }
                    gain += lf + lg - gl;
                } else {
                    if lg > 0.0 {
                        self.give(&again, lg);
                    }
                    self.give(&path, lf);
                    self.give(&gp, -gl);
                    routes[g as usize] = (gp, gl);
                }
            }
            if gain <= before + FRUSTRATION_EPS {
                break;
            }
        }
        (gain, true)
    }

    /// Appends a route and indexes it by its edges.
    fn add_route(
        routes: &mut Vec<(Vec<u32>, f64)>,
        users: &mut [Vec<u32>],
        path: &[u32],
        lam: f64,
    ) {
        let id = routes.len() as u32;
        for &e in path {
            users[e as usize].push(id);
        }
        routes.push((path.to_vec(), lam));
    }

    /// 0–1 breadth-first search from `s` to `t` on satisfied ties (`sat`), a tie costing 1
    /// when saturated and 0 otherwise, for a path through at most one saturated tie,
    /// scanning at most `budget` adjacency entries. On success the path is in `out` and
    /// the result names its saturated tie, if any.
    ///
    /// # Complexity
    /// `O(budget)`.
    fn find_path_01(
        &mut self,
        s: u32,
        t: u32,
        budget: usize,
        out: &mut Vec<u32>,
    ) -> Option<Option<u32>> {
        let mark = self.next_mark();
        let mut deque = std::mem::take(&mut self.deque);
        deque.clear();
        deque.push_back(s);
        self.stamp[s as usize] = mark;
        self.depth[s as usize] = 0;
        self.parent_edge[s as usize] = u32::MAX;
        let mut scanned = 0usize;
        let mut found = false;
        while let Some(x) = deque.pop_front() {
            if x == t {
                found = true;
                break;
            }
            let dx = self.depth[x as usize];
            let (lo, hi) = (self.off[x as usize], self.off[x as usize + 1]);
            scanned += hi - lo;
            if scanned > budget {
                break;
            }
            for k in lo..hi {
                let (y, e) = self.adj[k];
                if !self.sat[e as usize] {
                    continue;
                }
                let w = u32::from(self.cap[e as usize] <= FRUSTRATION_EPS);
                let dy = dx + w;
                if dy > 1 || (self.stamp[y as usize] == mark && self.depth[y as usize] <= dy) {
                    continue;
                }
                self.stamp[y as usize] = mark;
                self.depth[y as usize] = dy;
                self.parent_edge[y as usize] = e;
                self.parent[y as usize] = x;
                if w == 0 {
                    deque.push_front(y);
                } else {
                    deque.push_back(y);
                }
            }
        }
        self.deque = deque;
        if !found {
            return None;
        }
        out.clear();
        let mut saturated = None;
        let mut z = t;
        while z != s {
            let e = self.parent_edge[z as usize];
            if self.cap[e as usize] <= FRUSTRATION_EPS {
                saturated = Some(e);
            }
            out.push(e);
            z = self.parent[z as usize];
        }
        Some(saturated)
    }

    /// After [`Packer::route`] (with `sat` still set): flips every set that blocks an
    /// unrouted frustrated tie ([`Packer::blocking_sets`]) when that lowers the cost of
    /// `col`; returns the total gain.
    ///
    /// Why these sets: when a frustrated tie `f = uv` cannot be routed, the ties of `col`
    /// that are satisfied and still have capacity leave `u` and `v` in different components.
    /// Take the smaller, `S` (at most [`BLOCKING_SET_MAX`] nodes): its boundary holds only
    /// frustrated ties and satisfied ties used up by the routes. Flipping `S` frustrates
    /// the boundary's satisfied ties and satisfies its frustrated ones, so it gains when
    /// the boundary's frustrated weight exceeds its satisfied weight — in particular when
    /// few routes pass through `S` (a route that enters and leaves `S` by satisfied ties
    /// costs two of them) and several of `S`'s own frustrated ties are unrouted. Single
    /// flips (the tabu search) miss these moves when `S` has more than one node. The sets
    /// are flipped one after the other in the order of the ties they block, each only if
    /// its gain, counted on the colouring as it is by then, is positive.
    ///
    /// # Complexity
    /// `O(u · S · d)` for `u` unrouted ties, sets of at most `S` nodes of degree `d`.
    fn improving_flips(&self, blocking: &Blocking, col: &mut [bool]) -> f64 {
        let mut gain = 0.0;
        let mut inside = vec![false; self.n];
        for set in blocking.order.iter().map(|&i| &blocking.sets[i as usize]) {
            set.iter().for_each(|&x| inside[x as usize] = true);
            let mut delta = 0.0;
            for &x in set {
                for &(y, e) in &self.adj[self.off[x as usize]..self.off[x as usize + 1]] {
                    if !inside[y as usize] {
                        let satisfied =
                            (col[x as usize] != col[y as usize]) == self.neg[e as usize];
                        delta += if satisfied { -1.0 } else { 1.0 } * self.weight[e as usize];
                    }
                }
            }
            if delta > FRUSTRATION_EPS {
                set.iter().for_each(|&x| col[x as usize] = !col[x as usize]);
                gain += delta;
            }
            set.iter().for_each(|&x| inside[x as usize] = false);
        }
        gain
    }

    /// After [`Packer::route`] (with `sat` still set): the set that blocks each unrouted
    /// frustrated tie `f = uv` — the smaller of the components of `u` and `v` in the
    /// satisfied ties with capacity left, when it misses the other end and has at most
    /// [`BLOCKING_SET_MAX`] nodes. The sets are components of one graph, so two are equal
    /// or disjoint; each is searched once.
    ///
    /// # Complexity
    /// `O(u + c · S · d)` for `u` unrouted ties, `c` distinct components of at most `S`
    /// nodes of degree `d`.
    fn blocking_sets(&mut self, deadline: Option<Instant>) -> Blocking {
        /// A node's component, not yet searched / too large.
        const UNKNOWN: u32 = u32::MAX;
        const LARGE: u32 = u32::MAX - 1;
        let mut comp = vec![UNKNOWN; self.n];
        let mut sets: Vec<Vec<u32>> = Vec::new();
        let mut order = Vec::new();
        let mut queue = Vec::new();
        for f in 0..self.cap.len() {
            if self.sat[f] || self.cap[f] <= FRUSTRATION_EPS {
                continue;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
            let (a, b) = self.ends[f];
            let mut best: Option<u32> = None;
            for root in [a, b] {
                if comp[root as usize] == UNKNOWN {
                    if self.residual_component(root, [a, b], &mut queue) {
                        for &x in &queue {
                            comp[x as usize] = sets.len() as u32;
                        }
                        sets.push(queue.clone());
                    } else if queue.len() > BLOCKING_SET_MAX {
                        for &x in &queue {
                            comp[x as usize] = LARGE;
                        }
                    }
                }
                let c = comp[root as usize];
                let other = if root == a { b } else { a };
                if c < LARGE
                    && comp[other as usize] != c
                    && best.is_none_or(|s| sets[c as usize].len() < sets[s as usize].len())
                {
                    best = Some(c);
                }
            }
            order.extend(best);
        }
        Blocking { sets, order }
    }

    /// Breadth-first search from `root` over satisfied ties with residual capacity, into
    /// `queue`; whether it ran out of nodes (at most [`BLOCKING_SET_MAX`]) without reaching
    /// the other of `ends`.
    fn residual_component(&mut self, root: u32, ends: [u32; 2], queue: &mut Vec<u32>) -> bool {
        let mark = self.next_mark();
        queue.clear();
        queue.push(root);
        self.stamp[root as usize] = mark;
        let mut head = 0;
        while head < queue.len() {
            if queue.len() > BLOCKING_SET_MAX {
                return false;
            }
            let x = queue[head];
            head += 1;
            for k in self.off[x as usize]..self.off[x as usize + 1] {
                let (y, e) = self.adj[k];
                if !self.sat[e as usize]
                    || self.cap[e as usize] <= FRUSTRATION_EPS
                    || self.stamp[y as usize] == mark
                {
                    continue;
                }
                if ends.contains(&y) {
                    return false;
                }
                self.stamp[y as usize] = mark;
                queue.push(y);
            }
        }
        true
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.n
    }
}

/// The sets that block a routing's unrouted ties ([`Packer::blocking_sets`]).
#[derive(Debug, Clone, Default)]
struct Blocking {
    /// The distinct sets.
    sets: Vec<Vec<u32>>,
    /// The set of each unrouted tie, in tie order (a set recurs for every tie it blocks).
    order: Vec<u32>,
}

/// The zones of `prior` (none counts as zone 0) overlaid with `sets` (disjoint node
/// sets): each set becomes a zone of its own, new; the nodes in no set keep their zone.
/// (Overlaid rather than intersected with the older zones: on Slashdot the third zoned
/// routing then still gains, 60 s gap 404 → 388.)
pub(crate) fn overlay_zones(prior: &[u32], sets: &[Vec<u32>], n: usize) -> Vec<u32> {
    let base = prior.iter().copied().max().unwrap_or(0);
    let mut zones: Vec<u32> = (0..n).map(|x| prior.get(x).copied().unwrap_or(0)).collect();
    for (i, set) in sets.iter().enumerate() {
        for &x in set {
            zones[x as usize] = base + 1 + i as u32;
        }
    }
    zones
}

/// The active nodes of `g`, low degree first: short cycles there use few edges a hub
/// would need.
fn low_degree_first(g: &WorkGraph) -> Vec<u32> {
    let mut order: Vec<u32> = g.active_nodes();
    order.sort_by_key(|&v| (g.neighbours(v).len(), v));
    order
}

/// The greedy packing bound of `g` (without its constant), stopping early at `deadline`.
pub(crate) fn packing_bound(g: &WorkGraph, deadline: Option<Instant>) -> Packing {
    Packer::new(g).pack(&low_degree_first(g), deadline)
}

/// The incumbent-driven packing bound of `g` (without its constant) for a colouring `col`
/// of `g`'s node slots ([`Routing::new`] then [`Routing::bound`]): every frustrated tie of
/// `col` closed by paths of satisfied ties ([`Packer::route`]), then the greedy packing
/// ([`Packer::pack`]) of the capacity left.
/// Stops early, with a smaller but valid bound, at `deadline`. A colouring of the wrong
/// length gives the greedy packing alone.
///
/// # Complexity
/// That of [`Packer::route`] plus that of [`Packer::pack`] on what is left.
#[cfg(test)]
pub(crate) fn route_bound(
    g: &WorkGraph,
    col: &[bool],
    units: u32,
    deadline: Option<Instant>,
) -> Packing {
    Routing::new(g, col, units, &[], deadline).bound(g, deadline)
}

/// The incumbent-driven routing of a colouring, kept open: it can propose a cheaper
/// colouring ([`Routing::improving_flips`]) and then give the bound ([`Routing::bound`]),
/// so one routing serves both.
#[derive(Debug)]
pub(crate) struct Routing {
    p: Packer,
    routed: f64,
    complete: bool,
    /// The sets blocking the unrouted ties, once searched.
    blocking: Option<Blocking>,
}

impl Routing {
    /// Routes the frustrated ties of `col` on `g` ([`Packer::route`], `units` paths per
    /// tie, confined to `zones` — one per node slot, or empty for none — in all rounds
    /// but the last; stopped early at `deadline`). A colouring of the wrong length routes
    /// nothing (the bound is then the greedy packing alone); zones of the wrong length are
    /// ignored.
    ///
    /// # Complexity
    /// That of [`Packer::route`].
    pub(crate) fn new(
        g: &WorkGraph,
        col: &[bool],
        units: u32,
        zones: &[u32],
        deadline: Option<Instant>,
    ) -> Self {
        Self::with(Packer::new(g), col, units, zones, deadline)
    }

    /// [`Routing::new`] on a given packer.
    fn with(
        mut p: Packer,
        col: &[bool],
        units: u32,
        zones: &[u32],
        deadline: Option<Instant>,
    ) -> Self {
        if col.len() != p.len() {
            return Self {
                p,
                routed: 0.0,
                complete: true,
                blocking: None,
            };
        }
        if zones.len() == p.len() {
            p.zones = zones.to_vec();
        }
        let (routed, complete) = p.route(col, units, deadline);
        Self {
            p,
            routed,
            complete,
            blocking: None,
        }
    }

    /// The amount routed (a lower bound on the index, without the graph's constant).
    pub(crate) fn routed(&self) -> f64 {
        self.routed
    }

    /// Searches the sets blocking the unrouted ties, once ([`Packer::blocking_sets`]; none
    /// when the routing was stopped by its deadline).
    fn search_blocking(&mut self, deadline: Option<Instant>) {
        if self.blocking.is_none() {
            self.blocking = Some(if self.complete && !self.p.sat.is_empty() {
                self.p.blocking_sets(deadline)
            } else {
                Blocking::default()
            });
        }
    }

    /// `prior` overlaid with the sets that block this routing ([`overlay_zones`]): the
    /// zones for the next routing; `prior` itself when no set blocks it.
    ///
    /// # Complexity
    /// That of [`Packer::blocking_sets`] (once per routing), plus `O(n)`.
    pub(crate) fn zones(&mut self, prior: &[u32], deadline: Option<Instant>) -> Vec<u32> {
        self.search_blocking(deadline);
        match self.blocking.as_ref() {
            Some(b) if !b.sets.is_empty() => overlay_zones(prior, &b.sets, self.p.len()),
            _ => prior.to_vec(),
        }
    }

    /// A cheaper colouring than `col` (the routed one) found where the routing gets stuck:
    /// each set that blocks an unrouted tie flipped when that lowers the cost
    /// ([`Packer::improving_flips`]). Returns the new colouring and how much it lowers the
    /// cost; `None` when no set improves or the routing was stopped by `deadline`.
    ///
    /// # Complexity
    /// `O(u · S · d)` for `u` unrouted ties, sets of at most `S` = [`BLOCKING_SET_MAX`]
    /// nodes of degree `d`.
    pub(crate) fn improving_flips(
        &mut self,
        col: &[bool],
        deadline: Option<Instant>,
    ) -> Option<(f64, Colouring)> {
        if !self.complete || self.p.sat.is_empty() {
            return None;
        }
        self.search_blocking(deadline);
        let blocking = self.blocking.as_ref()?;
        let mut col = col.to_vec();
        let gain = self.p.improving_flips(blocking, &mut col);
        (gain > FRUSTRATION_EPS).then_some((gain, col))
    }

    /// The bound (without `g`'s constant): the routing, repaired ([`Packer::repair`]),
    /// then the greedy packing ([`Packer::pack`]) of the capacity left; stopped early, with
    /// a smaller but valid bound, at `deadline`.
    pub(crate) fn bound(self, g: &WorkGraph, deadline: Option<Instant>) -> Packing {
        self.bound_with(g, deadline).0
    }

    /// [`Routing::bound`], handing back the packer (with its record, if any).
    fn bound_with(mut self, g: &WorkGraph, deadline: Option<Instant>) -> (Packing, Packer) {
        let (gain, repaired) = self.p.finish_routes(self.complete, deadline);
        let routed = self.routed + gain;
        let rest = self.p.pack(&low_degree_first(g), deadline);
        let r = Packing {
            bound: routed + rest.bound,
            balanced: rest.balanced && routed == 0.0,
            complete: self.complete && repaired && rest.complete,
        };
        (r, self.p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::brute::brute_force;
    use super::*;
    use proptest::prelude::*;

    /// Checks a recorded packing of `g`: every cycle is a simple cycle (each of its nodes
    /// meets two of its ties, and they are connected) with an odd number of negative ties,
    /// amounts are positive, no tie carries more than its weight; returns the amounts' sum.
    fn verify(g: &WorkGraph, cycles: &[(Vec<u32>, f64)]) -> Result<f64, String> {
        let edges: Vec<(u32, u32, f64)> = g.edges().collect();
        let mut used = vec![0.0f64; edges.len()];
        let mut total = 0.0;
        for (cycle, lam) in cycles {
            if *lam <= 0.0 || cycle.is_empty() {
                return Err(format!("empty cycle or amount {lam}"));
            }
            let mut deg = std::collections::BTreeMap::<u32, Vec<u32>>::new();
            let mut negatives = 0;
            for &e in cycle {
                let (a, b, c) = edges[e as usize];
                deg.entry(a).or_default().push(b);
                deg.entry(b).or_default().push(a);
                negatives += usize::from(c < 0.0);
                used[e as usize] += lam;
            }
            if deg.values().any(|l| l.len() != 2) {
                return Err(format!("{cycle:?} is not a simple cycle"));
            }
            // Walk it: a simple cycle visits all its nodes.
            let (&first, _) = deg.iter().next().ok_or("no node")?;
            let (mut prev, mut cur, mut steps) = (first, deg[&first][0], 1);
            while cur != first {
                let l = &deg[&cur];
                let next = if l[0] == prev { l[1] } else { l[0] };
                (prev, cur, steps) = (cur, next, steps + 1);
            }
            if steps != deg.len() {
                return Err(format!("{cycle:?} is not connected"));
            }
            if negatives % 2 == 0 {
                return Err(format!("{cycle:?} is balanced"));
            }
            total += lam;
        }
        for (e, &u) in used.iter().enumerate() {
            if u > edges[e].2.abs() + 1e-9 {
                return Err(format!("tie {e} carries {u} > {}", edges[e].2.abs()));
            }
        }
        Ok(total)
    }

    /// A signed graph on `n` nodes from raw triples (weights 1, or 1–3 when `weighted`).
    fn graph(n: u32, raw: &[(u32, u32, bool, u8)], weighted: bool) -> WorkGraph {
        WorkGraph::from_edges(
            n as usize,
            raw.iter().map(|&(a, b, neg, w)| {
                let w = if weighted { f64::from(w % 3 + 1) } else { 1.0 };
                (a % n, b % n, if neg { -w } else { w })
            }),
        )
    }

    proptest! {
        /// The incumbent-driven packing, for the optimal colouring and for an arbitrary one,
        /// with whole paths or `units` paths per tie, is a valid certificate whose amounts
        /// add up to the bound, and never exceeds the optimum; nor does the greedy packing.
        /// The improving flips of the arbitrary colouring lower its cost by their gain.
        #[test]
        fn route_certificate_verifies(
            n in 3u32..13,
            raw in proptest::collection::vec((0u32..13, 0u32..13, any::<bool>(), any::<u8>()), 3..50),
            weighted in any::<bool>(),
            flips in proptest::collection::vec(any::<bool>(), 13),
            units in 2u32..4,
            arbitrary_zones in proptest::collection::vec(0u32..3, 13),
        ) {
            let g = graph(n, &raw, weighted);
            let (opt, best) = brute_force(&g, 14).ok_or_else(|| TestCaseError::fail("too big"))?;
            let opt = opt - g.constant();
            let arbitrary: Vec<bool> = flips[..n as usize].to_vec();
            // Zones from a first routing's blocking sets, and arbitrary ones.
            let blocked = Routing::new(&g, &arbitrary, units, &[], None).zones(&[], None);
            let arbitrary_zones = &arbitrary_zones[..n as usize];
            for (col, units, zones) in [
                (best.clone(), 1, &[][..]),
                (arbitrary.clone(), 1, &[][..]),
                (best.clone(), units, &[][..]),
                (arbitrary.clone(), units, &blocked[..]),
                (best, units, arbitrary_zones),
            ] {
                let (r, p) = Routing::with(Packer::new(&g).recording(), &col, units, zones, None).bound_with(&g, None);
                let sum = verify(&g, p.cycles.as_deref().unwrap_or_default())
                    .map_err(TestCaseError::fail)?;
                prop_assert!((sum - r.bound).abs() <= 1e-9, "sum {} bound {}", sum, r.bound);
                prop_assert!(r.bound <= opt + 1e-9, "bound {} > optimum {}", r.bound, opt);
                prop_assert!(r.complete);
                prop_assert_eq!(r.balanced, opt == 0.0);
            }
            // The improving flips lower the cost by exactly the gain they report.
            let col = flips[..n as usize].to_vec();
            if let Some((gain, new)) = Routing::new(&g, &col, units, &[], None).improving_flips(&col, None) {
                prop_assert!(gain > 0.0);
                prop_assert!((g.cost(&col) - g.cost(&new) - gain).abs() <= 1e-9);
            }
            let mut greedy = Packer::new(&g).recording();
            let r = greedy.pack(&low_degree_first(&g), None);
            let sum = verify(&g, greedy.cycles.as_deref().unwrap_or_default())
                .map_err(TestCaseError::fail)?;
            prop_assert!((sum - r.bound).abs() <= 1e-9 && r.bound <= opt + 1e-9);
        }
    }

    proptest! {
        /// Overlaid zones: two nodes share a zone exactly when they lie in the same set, or
        /// in none and shared a zone before (no zone counting as zone 0); a set's zone is
        /// none of the earlier ones, nor 0.
        #[test]
        fn overlaid_zones_give_each_set_a_new_zone(
            prior in proptest::collection::vec(0u32..3, 0..20),
            member in proptest::collection::vec(0u32..4, 20),
        ) {
            let n = 20;
            // Sets 1..=3 from `member` (0: in no set).
            let sets: Vec<Vec<u32>> = (1..4)
                .map(|k| (0..n as u32).filter(|&x| member[x as usize] == k).collect())
                .collect();
            let zones = overlay_zones(&prior, &sets, n);
            let before = |x: usize| prior.get(x).copied().unwrap_or(0);
            for x in 0..n {
                if member[x] > 0 {
                    prop_assert!(zones[x] != 0 && !prior.contains(&zones[x]));
                } else {
                    prop_assert_eq!(zones[x], before(x));
                }
                for y in 0..n {
                    let same = if member[x] > 0 || member[y] > 0 {
                        member[x] == member[y]
                    } else {
                        before(x) == before(y)
                    };
                    prop_assert_eq!(zones[x] == zones[y], same, "nodes {} {}", x, y);
                }
            }
        }
    }

    /// The sums of [`tally`]: the optimum, bound a, bound b.
    type Sums = (f64, f64, f64);
    /// The counts of [`tally`].
    type Counts = (usize, usize, usize, usize);

    /// Sums and counts over samples `(optimum, bound a, bound b)`: the three sums, then how
    /// many times `a` and `b` meet the optimum, `b` exceeds `a`, `b` falls below `a`. Checks
    /// that no bound exceeds the optimum.
    fn tally(samples: &[(f64, f64, f64)]) -> (Sums, Counts) {
        let (mut sums, mut counts) = ((0.0, 0.0, 0.0), (0, 0, 0, 0));
        for &(opt, a, b) in samples {
            assert!(
                a <= opt + 1e-9 && b <= opt + 1e-9,
                "bound above the optimum {opt}"
            );
            sums = (sums.0 + opt, sums.1 + a, sums.2 + b);
            counts.0 += usize::from(a >= opt - 1e-9);
            counts.1 += usize::from(b >= opt - 1e-9);
            counts.2 += usize::from(b > a + 1e-9);
            counts.3 += usize::from(b < a - 1e-9);
        }
        (sums, counts)
    }

    /// A random sparse signed graph of 8–14 nodes, a third of its ties negative; and its
    /// number of nodes.
    fn random_sparse(rng: &mut crate::internal::Rng) -> (u32, WorkGraph) {
        let n = 8 + rng.below(7) as u32;
        let m = n as usize + rng.below(3 * n as usize);
        let raw: Vec<(u32, u32, bool, u8)> = (0..m)
            .map(|_| {
                let a = rng.below(n as usize) as u32;
                (a, rng.below(n as usize) as u32, rng.below(3) == 0, 0)
            })
            .collect();
        (n, graph(n, &raw, false))
    }

    /// A 1-opt colouring of `g` (no single flip lowers the cost), by steepest descent from
    /// `col`.
    fn one_opt(g: &WorkGraph, mut col: Vec<bool>) -> Vec<bool> {
        loop {
            let base = g.cost(&col);
            let best = (0..g.len())
                .map(|v| {
                    col[v] = !col[v];
                    let c = g.cost(&col);
                    col[v] = !col[v];
                    (c, v)
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            match best {
                Some((c, v)) if c < base - 1e-9 => col[v] = !col[v],
                _ => return col,
            }
        }
    }

    /// On random sparse graphs, from colourings no single flip improves, the blocking sets
    /// lower the cost by exactly their reported gain, never below the optimum, and reach
    /// the optimum on most graphs where the colouring misses it (the figures of this fixed
    /// sample).
    #[test]
    fn blocking_sets_improve_one_opt_colourings() {
        let mut rng = crate::internal::Rng::new(5);
        let (mut suboptimal, mut improved, mut reached, mut total) = (0, 0, 0, 0.0);
        for _ in 0..300 {
            let (n, g) = random_sparse(&mut rng);
            let Some((opt, _)) = brute_force(&g, 14) else {
                continue;
            };
            let start: Vec<bool> = (0..n).map(|_| rng.below(2) == 1).collect();
            let col = one_opt(&g, start);
            suboptimal += usize::from(g.cost(&col) > opt + 1e-9);
            if let Some((gain, new)) =
                Routing::new(&g, &col, 4, &[], None).improving_flips(&col, None)
            {
                assert!((g.cost(&col) - g.cost(&new) - gain).abs() <= 1e-9);
                assert!(g.cost(&new) >= opt - 1e-9);
                improved += 1;
                total += gain;
                reached += usize::from(g.cost(&new) <= opt + 1e-9);
            }
        }
        assert_eq!(
            (suboptimal, improved, reached, total),
            (145, 117, 109, 203.0)
        );
    }

    /// On random sparse graphs the incumbent-driven packing with an optimal colouring is
    /// larger in total than the greedy one and proves optimality more often, though not on
    /// every graph (the figures of this fixed sample: 4 of 300 graphs below the greedy
    /// bound, which is why the exact solver keeps the larger of the two).
    #[test]
    fn route_beats_greedy_on_random_graphs() {
        let mut rng = crate::internal::Rng::new(11);
        let mut samples = Vec::new();
        for _ in 0..300 {
            let (_, g) = random_sparse(&mut rng);
            let Some((opt, col)) = brute_force(&g, 14) else {
                continue;
            };
            let opt = opt - g.constant();
            samples.push((
                opt,
                route_bound(&g, &col, 1, None).bound,
                packing_bound(&g, None).bound,
            ));
        }
        let (sums, (tight_route, tight_greedy, below, _)) = tally(&samples);
        assert_eq!(sums, (908.0, 885.0, 865.0));
        assert_eq!((tight_route, tight_greedy, below), (278, 263, 4));
    }

    /// On random signed graphs, routing the optimal colouring again along the zones of its
    /// first routing's blocking sets ([`Routing::zones`]) raises the bound in total and
    /// proves optimality more often, never above the optimum — though not on every graph
    /// (the figures of this fixed sample: 4 of 300 lower, which is why `certify` keeps the
    /// routing that routes the most).
    #[test]
    fn zoned_rerouting_raises_the_bound() {
        let mut rng = crate::internal::Rng::new(23);
        let mut samples = Vec::new();
        for _ in 0..300 {
            let n = 10 + rng.below(5) as u32;
            let m = 2 * n as usize + rng.below(3 * n as usize);
            let raw: Vec<(u32, u32, bool, u8)> = (0..m)
                .map(|_| {
                    let a = rng.below(n as usize) as u32;
                    (a, rng.below(n as usize) as u32, rng.below(5) < 2, 0)
                })
                .collect();
            let g = graph(n, &raw, false);
            let Some((opt, col)) = brute_force(&g, 14) else {
                continue;
            };
            let opt = opt - g.constant();
            let mut first = Routing::new(&g, &col, 4, &[], None);
            let zones = first.zones(&[], None);
            let first = first.bound(&g, None).bound;
            let zoned = Routing::new(&g, &col, 4, &zones, None)
                .bound(&g, None)
                .bound;
            samples.push((opt, first, zoned));
        }
        let (sums, counts) = tally(&samples);
        assert_eq!(sums, (1657.0, 1637.0, 1646.0));
        assert_eq!(counts, (273, 287, 17, 4));
    }

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
