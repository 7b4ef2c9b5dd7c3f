//! The public entry points: exact and heuristic frustration index.

use super::bound::Routing;
use super::brute::{BRUTE_MAX, brute_force};
use super::exact::{Ctx, solve};
use super::input::Input;
use super::local_search::{Budget, search};
use super::reduce::{blocks, glue, reduce, undo};
use super::work::{Colouring, WorkGraph};
use super::{Frustration, FrustrationError, FrustrationOptions, HeuristicOptions, Status};
use crate::internal::parallel;
use crate::sign::SignedWeight;
use crate::tolerance::FRUSTRATION_EPS;
use petgraph::visit::{IntoEdgeReferences, NodeIndexable};
use std::time::Instant;

/// What the solvers found on the reduced graph, block by block.
struct Found<'a> {
    g: &'a WorkGraph,
    log: &'a [super::reduce::Step],
    bl: &'a [super::reduce::Block],
    cols: &'a [Colouring],
}

/// Routing rounds after which [`certify`] stops improving the incumbent.
const IMPROVE_ROUNDS: usize = 4;
/// [`certify`] stops after a round that lowers the value by less than this share of it.
const MIN_ROUND_GAIN: f64 = 2e-4;
/// Paths per frustrated tie of the routings in [`certify`]: each closes at most a quarter
/// of its tie's weight (a fractional packing; on Slashdot it routes about 72,440 against
/// 72,230 with whole paths, and its blocking sets lower the incumbent by about twice as
/// much; 8 or 16 paths route no more).
const UNITS: u32 = 4;

/// Improves a block's incumbent `(value, colouring)` where its routing gets stuck, and
/// bounds the block from below by the incumbent-driven packing. Each round routes the
/// incumbent's frustrated ties ([`Routing`], [`UNITS`] paths per tie), flips the sets that
/// block the routing where that lowers the cost ([`Routing::improving_flips`]) and runs a
/// one-start tabu search from there; the same sets, laid over the earlier zones, are the
/// zones the next routing is confined to ([`Routing::zones`]). The rounds go on while they
/// gain at least [`MIN_ROUND_GAIN`] of the value (the value lowered plus the routed amount
/// raised) and the routing falls short of the incumbent, at most [`IMPROVE_ROUNDS`] of
/// them, and under a `deadline` while at least 1.5 times the last routing's time is left
/// (for the next routing and the bound after it; before the first zoned routing, once the
/// last routing's time). The routing that routed the most gives the bound
/// ([`Routing::bound`]) — valid whatever colouring it followed, so the final incumbent is
/// not routed again —, rounded up when the weights are whole ([`integral_bound`]); a
/// routing that meets the incumbent is the bound as it is.
/// Returns the value, the colouring and the bound (with `g`'s constant); deterministic
/// for a given seed, whatever `threads`.
///
/// # Complexity
/// Up to `IMPROVE_ROUNDS + 1` routings ([`Routing::new`]) and tabu searches.
fn certify(
    g: &WorkGraph,
    (mut value, mut col): (f64, Colouring),
    seed: u64,
    budget: Budget,
    threads: usize,
    deadline: Option<Instant>,
) -> (f64, Colouring, f64) {
    let one = Budget {
        starts: 1,
        ..budget
    };
    let mut began = Instant::now();
    let mut zones = Vec::new();
    let mut routing = Routing::new(g, &col, UNITS, &zones, deadline);
    // The best routing so far (the most routed), for the bound.
    let mut best: Option<Routing> = None;
    let mut last_routed = f64::NEG_INFINITY;
    for _ in 0..IMPROVE_ROUNDS {
        if g.constant() + routing.routed() >= value - FRUSTRATION_EPS {
            break; // the routing meets the incumbent: both are optimal
        }
        let took = began.elapsed();
        let mut gain = routing.routed() - last_routed;
        last_routed = routing.routed();
        let flips = routing.improving_flips(&col, deadline);
        let next_zones = routing.zones(&zones, deadline);
        let mut moved = false;
        if let Some((_, flipped)) = flips {
            let (v, c) = search(g, one, seed, Some(&flipped), threads);
            if v < value - FRUSTRATION_EPS {
                gain += value - v;
                (value, col) = (v, c);
                moved = true;
            }
        }
        if !moved && next_zones == zones {
            break;
        }
        // Route the (new) colouring along the new zones for another round when this
        // one gained enough and there is time for it and for the bound after it (1.5 times
        // the last routing; the first zoned routing, which gains the most, only needs the
        // time of the last one); else the best routing is the bound — a packing bounds the
        // index whatever colouring it was routed along, and a routing cut short by the
        // deadline is never worse than the best before it.
        let needed = if zones.is_empty() { took } else { took * 3 / 2 };
        if gain < MIN_ROUND_GAIN * value
            || deadline.is_some_and(|d| d.saturating_duration_since(Instant::now()) < needed)
        {
            break;
        }
        zones = next_zones;
        began = Instant::now();
        let next = Routing::new(g, &col, UNITS, &zones, deadline);
        let prev = std::mem::replace(&mut routing, next);
        if best.as_ref().is_none_or(|b| prev.routed() > b.routed()) {
            best = Some(prev);
        }
    }
    let routing = match best {
        Some(b) if b.routed() > routing.routed() => b,
        _ => routing,
    };
    // A routing that meets the incumbent needs neither repair nor the greedy packing.
    let bound = g.constant()
        + if g.constant() + routing.routed() >= value - FRUSTRATION_EPS {
            routing.routed()
        } else {
            routing.bound(g, deadline).bound
        };
    (value, col, integral_bound(g, bound))
}

/// `bound` rounded up to a whole number when every weight of `g` and its constant are whole
/// (then so is every colouring's cost), less a tolerance for the rounding of the packing's
/// fractional amounts.
fn integral_bound(g: &WorkGraph, bound: f64) -> f64 {
    let whole = |x: f64| x.fract() == 0.0;
    if whole(g.constant()) && g.edges().all(|(_, _, c)| whole(c)) {
        (bound - 1e-6 - 1e-9 * bound.abs()).ceil()
    } else {
        bound
    }
}

/// Per-block results glued into one colouring of the input, re-counted.
fn finish(
    input: &Input,
    found: &Found<'_>,
    claimed: f64,
    lower_bound: f64,
    status: Status,
    search_nodes: u64,
) -> Frustration {
    let Found { g, log, bl, cols } = *found;
    let n = g.len();
    let mut colours = vec![false; n];
    let mut seen = vec![false; n];
    glue(bl, cols, &mut colours, &mut seen);
    undo(log, &mut colours);
    let (value, frustrated) = input.recount(&colours);
    debug_assert!(
        (value - claimed).abs() <= 1e-6 * (1.0 + claimed.abs()),
        "recount {value} differs from the solver's {claimed}"
    );
    let lower_bound = lower_bound.min(value);
    let status = if status != Status::Heuristic && value <= lower_bound + FRUSTRATION_EPS {
        Status::Optimal
    } else {
        status
    };
    let mut camps = [Vec::new(), Vec::new()];
    for (i, &x) in colours.iter().enumerate() {
        camps[usize::from(x)].push(i);
    }
    Frustration {
        colours,
        camps,
        frustrated,
        value,
        lower_bound,
        status,
        edges: input.edges.len(),
        total_weight: input.total_weight(),
        neutral_ties: input.unsigned,
        search_nodes,
    }
}

/// The exact frustration index: an optimal split into two camps, its frustrated ties, and a
/// proof of optimality (a lower bound equal to the value).
///
/// Method: branch and reduce (see the [frustration section](crate::balance#frustration) of the module): the dominant-tie reduction and the split
/// into biconnected blocks; per block, a tabu-search incumbent, then a depth-first search
/// that branches on the heaviest tie (satisfied / frustrated, contracting its ends), applies
/// the reductions again in every branch and prunes with greedy packings of edge-disjoint
/// unbalanced cycles. Each block's root is bounded, besides, by packing cycles along the
/// incumbent: each of its frustrated ties closed by paths of ties it satisfies, up to four
/// paths a tie each carrying a quarter of it (the larger bound is kept; when it meets the
/// incumbent no search is needed). Where that routing gets stuck, the set of nodes that
/// blocks a frustrated tie is flipped when that lowers the cost, and the tabu search
/// resumes from there: up to four such rounds, each routing the new incumbent again while
/// the time left allows it; the blocking sets become zones between which the next routing's
/// paths cross only where their tie must (on Slashdot, 82,140 units, the rounds lower the
/// incumbent by about 100 ties and raise the routed amount by about 650 in 60 s); the
/// routing that routed the most is the bound. With integer weights the bound is rounded up
/// to a whole number. References: Harary (1959) for the index; Hüffner, Betzler &
/// Niedermeier (2010, *J. Comb. Optim.* 20) for the reductions; Aref, Mason & Wilson (2020,
/// *Networks* 75) for exact computation and the benchmarks.
///
/// Edges are read through petgraph's visit traits, so any graph whose edge weights implement
/// [`SignedWeight`] works (directed graphs are read as undirected; parallel ties count
/// separately); ties without a sign are skipped and counted in
/// [`Frustration::neutral_ties`]. The value is always the recount of the returned colouring.
///
/// # Limits
/// The search stops at [`FrustrationOptions::node_limit`] branching nodes or at
/// [`FrustrationOptions::time_limit`]; it then returns the best colouring found, the best
/// proven lower bound and [`Status::NodeLimit`] / [`Status::TimeLimit`]. It also stops, with
/// [`Status::NodeLimit`], beyond a branching depth of 1,500 or when the graphs kept along the
/// current search path would hold more than 10 million ties (a guard for stack and memory
/// on very large graphs searched without a time limit).
///
/// # Complexity
/// Exponential in the worst case (the problem is NP-hard); the reductions and the bound are
/// `O(n + m)` and `O(c·m)` per search node (`c` cycles packed).
///
/// # Errors
/// [`FrustrationError::BadWeight`] for a non-finite or negative magnitude under
/// [`super::Weighting::Magnitude`].
///
/// # Example
/// ```
/// use rsct::balance::{frustration_exact, FrustrationOptions};
/// use rsct::{Sign, SignedGraph};
/// // Two camps {A, B} and {C, D} with one amity tie across: L = 1.
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C", "D"],
///     [(0, 1, Sign::Amity), (2, 3, Sign::Amity), (0, 2, Sign::Enmity),
///      (1, 3, Sign::Enmity), (0, 3, Sign::Enmity), (1, 2, Sign::Amity)],
/// )?;
/// let r = frustration_exact(g.graph(), &FrustrationOptions::new().seed(7))?;
/// assert_eq!(r.value(), 1.0);
/// assert_eq!(r.lower_bound(), 1.0);
/// // The certificate names the graph's own nodes and edges: the amity tie B–C is frustrated.
/// let t = r.frustrated()[0];
/// assert_eq!((g.label(t.source), g.label(t.target)), (Some("B"), Some("C")));
/// assert_eq!(t.edge.index(), 5);
/// let camp = |k: usize| r.camps()[k].iter().map(|&i| g.label(i).unwrap()).collect::<Vec<_>>();
/// assert_eq!((camp(0), camp(1)), (vec!["A", "B"], vec!["C", "D"]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn frustration_exact<G>(
    graph: G,
    options: &FrustrationOptions,
) -> Result<Frustration<G::NodeId, G::EdgeId>, FrustrationError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let start = Instant::now();
    let input = Input::read(graph, options.weighting)?;
    let mut g = input.work_graph();
    let log = reduce(&mut g);
    let bl = blocks(&g);
    let mut ctx = Ctx {
        nodes: 0,
        node_limit: options.node_limit,
        deadline: options.time_limit.map(|d| start + d),
        aborted: false,
        enumerate: options.enumerate,
        depth: 0,
        path_edges: 0,
        memory_stop: false,
    };
    // The blocks are searched one after the other (one node and time budget); the starts
    // of each block's tabu-search incumbent run in parallel.
    let (value, lb, cols) = parallel::install(options.threads, || {
        let mut local = vec![u32::MAX; g.len()];
        let mut value = g.constant();
        let mut lb = g.constant();
        let mut cols = Vec::with_capacity(bl.len());
        for (i, b) in bl.iter().enumerate() {
            let sub = g.edge_subgraph(&b.nodes, &b.edges, &mut local);
            let budget = Budget {
                starts: 4,
                moves_per_node: 20.0,
                min_moves: 500,
                max_moves: 20_000,
            };
            if let Some((v, c)) = brute_force(&sub, options.enumerate) {
                value += v;
                lb += v;
                cols.push(c);
                continue;
            }
            let (ub, col) = search(
                &sub,
                budget,
                options.seed.wrapping_add(i as u64),
                None,
                options.threads,
            );
            // The incumbent improved where its routing gets stuck, and the incumbent-driven
            // packing at the root; the search (with its own greedy packings) can only raise
            // it.
            let (ub, col, root) = certify(
                &sub,
                (ub, col),
                options.seed.wrapping_add(i as u64),
                budget,
                options.threads,
                ctx.deadline,
            );
            if root >= ub - FRUSTRATION_EPS {
                value += ub;
                lb += ub;
                cols.push(col);
                continue;
            }
            let r = solve(sub, ub, &mut ctx, None);
            let (v, c) = match r.best {
                Some((cost, c)) if cost < ub - FRUSTRATION_EPS => (cost, c),
                _ => (ub, col),
            };
            value += v;
            lb += r.lb.max(root).min(v);
            cols.push(c);
        }
        (value, lb, cols)
    });
    let status = if !ctx.aborted {
        Status::Optimal
    } else if ctx.nodes > ctx.node_limit || ctx.memory_stop {
        Status::NodeLimit
    } else {
        Status::TimeLimit
    };
    let nodes = ctx.nodes.min(ctx.node_limit);
    let found = Found {
        g: &g,
        log: &log,
        bl: &bl,
        cols: &cols,
    };
    let mut r = finish(&input, &found, value, lb, status, nodes);
    if r.status == Status::Optimal && !r.is_optimal() {
        // Cannot happen when the search completed; keep the report honest regardless.
        r.status = Status::NodeLimit;
    }
    Ok(r.identify(graph))
}

/// A heuristic frustration index: seeded, deterministic multi-start tabu search on the
/// reduced graph (dominant-tie rule, biconnected blocks), with the camps and frustrated ties;
/// scales to graphs with millions of ties.
///
/// The value is always the recount of the returned colouring, hence an upper bound on the
/// frustration index; with [`HeuristicOptions::certify_gap`] the result also carries a lower
/// bound from a packing of unbalanced cycles (each frustrated tie of the colouring found
/// closed by paths of ties it satisfies, up to four paths a tie, then a greedy packing of
/// what is left), so the gap is certified — and the colouring is improved where that
/// routing gets stuck, as in [`frustration_exact`] (up to four rounds, each a routing —
/// confined to the zones of the sets that blocked the last one — and a one-start tabu
/// search).
///
/// # Complexity
/// `O(starts · moves · d · log n)` for moves of nodes of degree `d`, plus `O(n + m)` for the
/// reductions; with the bound, up to five routings ([`frustration_exact`]'s root bound).
///
/// # Errors
/// [`FrustrationError::BadWeight`] for a non-finite or negative magnitude under
/// [`super::Weighting::Magnitude`].
///
/// # Example
/// ```
/// use rsct::balance::{frustration_heuristic, HeuristicOptions};
/// use rsct::{Sign, SignedGraph};
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C"],
///     [(0, 1, Sign::Enmity), (1, 2, Sign::Enmity), (0, 2, Sign::Enmity)],
/// )?;
/// let r = frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(3).certify_gap())?;
/// assert_eq!(r.value(), 1.0);
/// assert!(r.is_optimal());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn frustration_heuristic<G>(
    graph: G,
    options: &HeuristicOptions,
) -> Result<Frustration<G::NodeId, G::EdgeId>, FrustrationError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let input = Input::read(graph, options.weighting)?;
    let mut g = input.work_graph();
    let log = reduce(&mut g);
    let bl = blocks(&g);
    let budget = Budget {
        starts: options.starts,
        moves_per_node: options.moves_per_node,
        min_moves: options.min_moves,
        max_moves: options.max_moves.max(options.min_moves),
    };
    let threads = options.threads;
    // Block `i` is searched from seed `seed + i`, its starts each from their own generator:
    // blocks and starts run in parallel, and their values are added up in block order.
    let per_block = parallel::install(threads, || {
        parallel::map_init(
            threads,
            &bl,
            || vec![u32::MAX; g.len()],
            |local, i, b| {
                let sub = g.edge_subgraph(&b.nodes, &b.edges, local);
                // Small blocks are solved exactly by enumeration.
                if let Some((v, c)) = brute_force(&sub, BRUTE_MAX) {
                    return (v, v, c);
                }
                let (v, c) = search(
                    &sub,
                    budget,
                    options.seed.wrapping_add(i as u64),
                    None,
                    threads,
                );
                if !options.bound {
                    return (v, 0.0, c);
                }
                let (v, c, lb) = certify(
                    &sub,
                    (v, c),
                    options.seed.wrapping_add(i as u64),
                    budget,
                    threads,
                    None,
                );
                (v, lb.min(v), c)
            },
        )
    });
    let mut value = g.constant();
    let mut lb = g.constant();
    let mut cols = Vec::with_capacity(bl.len());
    for (v, l, c) in per_block {
        value += v;
        lb += l;
        cols.push(c);
    }
    if !options.bound {
        lb = 0.0;
    }
    let found = Found {
        g: &g,
        log: &log,
        bl: &bl,
        cols: &cols,
    };
    Ok(finish(&input, &found, value, lb, Status::Heuristic, 0).identify(graph))
}
