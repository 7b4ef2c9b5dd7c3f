//! Louvain maximisation (Blondel et al. 2008) of modularity with a resolution parameter or
//! of the constant Potts model (Traag, Van Dooren & Nesterov 2011), seeded and
//! deterministic.

use crate::internal::Rng;
use crate::internal::hash::FxHashMap;

/// A weighted undirected graph in compressed adjacency form, with self-loop weights kept
/// apart (they arise when communities are aggregated).
#[derive(Debug, Clone)]
pub(crate) struct WeightedGraph {
    start: Vec<usize>,
    adj: Vec<(u32, f64)>,
    self_loops: Vec<f64>,
    /// How many original nodes each node stands for (1 until aggregated).
    sizes: Vec<f64>,
}

/// The quality function the proposer maximises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quality {
    /// Modularity: a community's expected internal weight is γ d_c² / 4m.
    Modularity,
    /// Constant Potts: a community's expected internal weight is γ n_c² / 2, whatever the
    /// degrees (no null model that scales with the community's weight).
    ConstantPotts,
}

impl WeightedGraph {
    /// From `n` nodes and undirected edges `(a, b, w)` with `a != b`, `w > 0`; parallel edges
    /// are summed.
    pub(crate) fn new(n: usize, edges: &[(usize, usize, f64)]) -> Self {
        let mut deg = vec![0usize; n + 1];
        for &(a, b, _) in edges {
            deg[a + 1] += 1;
            deg[b + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let mut next = deg.clone();
        let mut adj = vec![(0u32, 0.0); deg[n]];
        for &(a, b, w) in edges {
            adj[next[a]] = (b as u32, w);
            next[a] += 1;
            adj[next[b]] = (a as u32, w);
            next[b] += 1;
        }
        Self {
            start: deg,
            adj,
            self_loops: vec![0.0; n],
            sizes: vec![1.0; n],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.self_loops.len()
    }

    pub(crate) fn neighbours(&self, i: usize) -> &[(u32, f64)] {
        &self.adj[self.start[i]..self.start[i + 1]]
    }

    /// Weighted degree, a self-loop counting twice.
    pub(super) fn strength(&self, i: usize) -> f64 {
        self.neighbours(i).iter().map(|e| e.1).sum::<f64>() + 2.0 * self.self_loops[i]
    }

    /// Total edge weight m (each edge once, self-loops once).
    pub(super) fn total(&self) -> f64 {
        self.adj.iter().map(|e| e.1).sum::<f64>() / 2.0 + self.self_loops.iter().sum::<f64>()
    }
}

/// Modularity of `membership` with resolution `gamma`:
/// Q = Σ_c [ w_c / m − γ (d_c / 2m)² ], w_c the weight inside c, d_c its total strength.
pub(crate) fn modularity(g: &WeightedGraph, membership: &[usize], gamma: f64) -> f64 {
    let m = g.total();
    if m <= 0.0 {
        return 0.0;
    }
    let k = membership.iter().copied().max().map_or(0, |x| x + 1);
    let mut inside = vec![0.0; k];
    let mut degree = vec![0.0; k];
    for i in 0..g.len() {
        let c = membership[i];
        degree[c] += g.strength(i);
        inside[c] += g.self_loops[i];
        for &(j, w) in g.neighbours(i) {
            if membership[j as usize] == c && (j as usize) > i {
                inside[c] += w;
            }
        }
    }
    (0..k)
        .map(|c| inside[c] / m - gamma * (degree[c] / (2.0 * m)).powi(2))
        .sum()
}

/// The expected weight of a quality function, by layers: each node's mass in each layer and
/// each layer's scale, the expected weight between two sets being
/// Σ_l scale_l · M_A(l) · M_B(l). Modularity and the constant Potts model have one layer
/// (strength and γ / 2m, size and γ); multislice modularity one per slice (strength in the
/// slice and γ / 2m_s; [`super::multislice`]).
#[derive(Clone)]
pub(super) struct Null {
    /// Each node's masses as `(layer, mass)` pairs (a node of one slice has one), node `i`'s
    /// at `mass[start[i]..start[i + 1]]`.
    pub(super) start: Vec<usize>,
    /// The `(layer, mass)` pairs.
    pub(super) mass: Vec<(u32, f64)>,
    /// Each layer's scale.
    pub(super) scale: Vec<f64>,
}

impl Null {
    /// One mass per node, all in layer 0.
    fn one_layer(mass: impl Iterator<Item = f64>, scale: f64) -> Self {
        let mass: Vec<(u32, f64)> = mass.map(|m| (0, m)).collect();
        Self {
            start: (0..=mass.len()).collect(),
            mass,
            scale: vec![scale],
        }
    }

    /// The one-layer null model of `quality` on `g`.
    fn of(g: &WeightedGraph, quality: Quality, gamma: f64) -> Self {
        match quality {
            Quality::Modularity => Self::one_layer(
                (0..g.len()).map(|i| g.strength(i)),
                gamma / (2.0 * g.total()),
            ),
            Quality::ConstantPotts => Self::one_layer(g.sizes.iter().copied(), gamma),
        }
    }

    /// Node `i`'s `(layer, mass)` pairs.
    pub(super) fn of_node(&self, i: usize) -> &[(u32, f64)] {
        &self.mass[self.start[i]..self.start[i + 1]]
    }

    /// The masses summed by community (`comm` numbered 0..k), each community's layers in
    /// increasing order.
    pub(super) fn aggregate(&self, comm: &[usize]) -> Self {
        let k = comm.iter().copied().max().map_or(0, |x| x + 1);
        let mut rows: Vec<Vec<(u32, f64)>> = vec![Vec::new(); k];
        for (i, &c) in comm.iter().enumerate() {
            rows[c].extend_from_slice(self.of_node(i));
        }
        let mut start = Vec::with_capacity(k + 1);
        let mut mass = Vec::new();
        start.push(0);
        for mut row in rows {
            row.sort_by_key(|x| x.0);
            let first = mass.len();
            for (l, m) in row {
                let len = mass.len();
                match mass.last_mut() {
                    Some((last, acc)) if *last == l && first < len => *acc += m,
                    _ => mass.push((l, m)),
                }
            }
            start.push(mass.len());
        }
        Self {
            start,
            mass,
            scale: self.scale.clone(),
        }
    }
}

/// One level of local moving against a null model given by layers; returns the community
/// of each node (relabelled 0..k in order of first node) and whether anything moved.
fn local_moving_with(g: &WeightedGraph, null: &Null, rng: &mut Rng) -> (Vec<usize>, bool) {
    let n = g.len();
    let layers = null.scale.len();
    let mut comm: Vec<usize> = (0..n).collect();
    // Each community's total mass per layer, community-major.
    let mut tot: Vec<f64> = vec![0.0; n * layers];
    for i in 0..n {
        for &(l, m) in null.of_node(i) {
            tot[i * layers + l as usize] += m;
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    // The weight of node i's ties to each community (labels are node indices), and the
    // communities it has ties to; both cleared after each visit.
    let mut links: Vec<f64> = vec![0.0; n];
    let mut seen: Vec<bool> = vec![false; n];
    let mut keys: Vec<usize> = Vec::new();
    // Moves node `i` to the community of the best gain; returns whether it moved.
    let mut visit = |i: usize, comm: &mut [usize]| {
        let ci = comm[i];
        for &c in &keys {
            links[c] = 0.0;
            seen[c] = false;
        }
        keys.clear();
        for &(j, w) in g.neighbours(i) {
            let cj = comm[j as usize];
            if !seen[cj] {
                seen[cj] = true;
                keys.push(cj);
            }
            links[cj] += w;
        }
        let ki = null.of_node(i);
        for &(l, m) in ki {
            tot[ci * layers + l as usize] -= m;
        }
        let gain = |c: usize, link: f64| {
            let mut expected = 0.0;
            for &(l, m) in ki {
                expected += null.scale[l as usize] * tot[c * layers + l as usize] * m;
            }
            link - expected
        };
        let stay = gain(ci, links[ci]);
        let (mut best, mut best_gain) = (ci, stay);
        keys.sort_unstable();
        for &c in &keys {
            let gn = gain(c, links[c]);
            if gn > best_gain + 1e-12 {
                best = c;
                best_gain = gn;
            }
        }
        for &(l, m) in ki {
            tot[best * layers + l as usize] += m;
        }
        comm[i] = best;
        best != ci
    };
    let mut moved_any = false;
    if layers == 1 {
        // Sweeps over every node in the drawn order until none moves.
        loop {
            let mut moved = false;
            for &i in &order {
                moved |= visit(i, &mut comm);
            }
            moved_any |= moved;
            if !moved {
                break;
            }
        }
    } else {
        // A queue (the fast local moving of Traag, Waltman & van Eck 2019): after one pass
        // in the drawn order, only the neighbours of a node that moved are visited again —
        // a span's supra-graph is long and mostly settled after the first pass.
        let mut queued = vec![true; n];
        let mut queue: std::collections::VecDeque<usize> = order.iter().copied().collect();
        while let Some(i) = queue.pop_front() {
            queued[i] = false;
            if visit(i, &mut comm) {
                moved_any = true;
                for &(j, _) in g.neighbours(i) {
                    let j = j as usize;
                    if !queued[j] && comm[j] != comm[i] {
                        queued[j] = true;
                        queue.push_back(j);
                    }
                }
            }
        }
    }
    // Relabel in order of first node.
    let mut label = vec![usize::MAX; n];
    let mut next = 0;
    for c in comm.iter_mut() {
        if label[*c] == usize::MAX {
            label[*c] = next;
            next += 1;
        }
        *c = label[*c];
    }
    (comm, moved_any)
}

fn aggregate(g: &WeightedGraph, comm: &[usize]) -> WeightedGraph {
    let k = comm.iter().copied().max().map_or(0, |x| x + 1);
    let mut self_loops = vec![0.0; k];
    let mut sizes = vec![0.0; k];
    let mut pairs: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    for i in 0..g.len() {
        self_loops[comm[i]] += g.self_loops[i];
        sizes[comm[i]] += g.sizes[i];
        for &(j, w) in g.neighbours(i) {
            let j = j as usize;
            if j <= i {
                continue;
            }
            let (a, b) = (comm[i], comm[j]);
            if a == b {
                self_loops[a] += w;
            } else {
                *pairs.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
            }
        }
    }
    let mut edges: Vec<(usize, usize, f64)> =
        pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    edges.sort_unstable_by_key(|x| (x.0, x.1));
    let mut out = WeightedGraph::new(k, &edges);
    out.self_loops = self_loops;
    out.sizes = sizes;
    out
}

/// Louvain: repeated local moving and aggregation until nothing moves, then every community
/// split into its connected parts ([`connected_parts`]). Returns the community of each node,
/// numbered 0..k in order of the first node of each community; every community is
/// connected.
pub(crate) fn louvain(g: &WeightedGraph, gamma: f64, seed: u64) -> Vec<usize> {
    louvain_of(g, Quality::Modularity, gamma, seed)
}

/// [`louvain`] maximising the given quality function.
pub(crate) fn louvain_of(g: &WeightedGraph, quality: Quality, gamma: f64, seed: u64) -> Vec<usize> {
    if g.total() <= 0.0 {
        return (0..g.len()).collect();
    }
    let mut rng = Rng::from_state(seed);
    // Each level's null model from its own aggregated graph.
    let membership = levels(g, Null::of(g, quality, gamma), &mut rng, |agg, _, _| {
        Null::of(agg, quality, gamma)
    });
    connected_parts(g, &membership)
}

/// Louvain's levels: local moving, then the communities aggregated, until nothing moves;
/// `next` gives the null model of the aggregated graph (from it, or from the previous level's
/// model and the communities). Returns each node's community (not split into connected
/// parts).
pub(super) fn levels(
    g: &WeightedGraph,
    mut null: Null,
    rng: &mut Rng,
    next: impl Fn(&WeightedGraph, &Null, &[usize]) -> Null,
) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..g.len()).collect();
    let mut current = g.clone();
    for _ in 0..64 {
        let (comm, moved) = local_moving_with(&current, &null, rng);
        if !moved {
            break;
        }
        for c in membership.iter_mut() {
            *c = comm[*c];
        }
        current = aggregate(&current, &comm);
        null = next(&current, &null, &comm);
    }
    membership
}

/// Splits every community into its connected parts (over the edges inside it), numbered
/// 0..k in order of first node. Louvain can leave a community internally disconnected (its
/// bridge node moved away in a later pass; Traag, Waltman & van Eck 2019, §2): a complex
/// must be one connected region, so each part becomes a community of its own. Splitting a
/// disconnected community into its parts never lowers modularity.
pub(crate) fn connected_parts(g: &WeightedGraph, membership: &[usize]) -> Vec<usize> {
    let n = g.len();
    let mut out = vec![usize::MAX; n];
    let mut next = 0;
    let mut stack = Vec::new();
    for root in 0..n {
        if out[root] != usize::MAX {
            continue;
        }
        out[root] = next;
        stack.push(root);
        while let Some(u) = stack.pop() {
            for &(v, _) in g.neighbours(u) {
                let v = v as usize;
                if out[v] == usize::MAX && membership[v] == membership[u] {
                    out[v] = next;
                    stack.push(v);
                }
            }
        }
        next += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constant Potts model splits where the density between two sets falls below γ,
    /// whatever their weights: a heavy 6-clique and a light 3-clique joined by one tie.
    /// Merged, the 36 pairs hold 15·2 + 3·0.5 + 1 = 32.5; apart, 31.5 in 18 pairs: the
    /// merge gains 1 − 18γ (one tie against 6·3 new pairs), so they part above γ = 1/18.
    #[test]
    fn constant_potts_splits_by_density() {
        let mut e = Vec::new();
        for a in 0..6 {
            for b in a + 1..6 {
                e.push((a, b, 2.0));
            }
        }
        e.extend([(6, 7, 0.5), (6, 8, 0.5), (7, 8, 0.5), (0, 6, 1.0)]);
        let g = WeightedGraph::new(9, &e);
        let split = louvain_of(&g, Quality::ConstantPotts, 0.1, 1);
        assert_eq!(split, vec![0, 0, 0, 0, 0, 0, 1, 1, 1]);
        let merged = louvain_of(&g, Quality::ConstantPotts, 0.02, 1);
        assert!(merged.iter().all(|&c| c == 0));
        // Above the light clique's own density (0.5) its units stand alone.
        let apart = louvain_of(&g, Quality::ConstantPotts, 0.8, 1);
        assert_eq!(&apart[..6], &[0; 6]);
        assert!(apart[6] != apart[7] && apart[7] != apart[8] && apart[6] != apart[8]);
    }

    #[test]
    fn two_cliques_joined_by_one_edge() {
        let mut e = Vec::new();
        for a in 0..5 {
            for b in a + 1..5 {
                e.push((a, b, 1.0));
                e.push((a + 5, b + 5, 1.0));
            }
        }
        e.push((0, 5, 1.0));
        let g = WeightedGraph::new(10, &e);
        for seed in 0..5 {
            let c = louvain(&g, 1.0, seed);
            assert_eq!(c, vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
        }
        let q = modularity(&g, &louvain(&g, 1.0, 0), 1.0);
        // m = 21; inside 10 each; degrees 21 each: Q = 20/21 − 2·(21/42)² = 0.45238…
        assert!((q - (20.0 / 21.0 - 0.5)).abs() < 1e-12);
        // A tiny resolution merges everything; a huge one splits every node.
        assert!(louvain(&g, 0.01, 0).iter().all(|&c| c == 0));
    }

    #[test]
    fn disconnected_communities_are_split_into_connected_parts() {
        // Two triangles with no edge between them, labelled as one community: two parts.
        let e = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
        ];
        let g = WeightedGraph::new(7, &e);
        let parts = connected_parts(&g, &[0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(parts, vec![0, 0, 0, 1, 1, 1, 2]);
        // Splitting never lowers modularity: Q(one community) < Q(parts).
        let q1 = modularity(&g, &[0, 0, 0, 0, 0, 0, 1], 1.0);
        let q2 = modularity(&g, &parts, 1.0);
        assert!(q2 > q1, "{q1} {q2}");
        // Even at a tiny resolution, where Louvain would merge everything, the result keeps
        // each community connected.
        assert_eq!(louvain(&g, 0.01, 3), vec![0, 0, 0, 1, 1, 1, 2]);
    }

    proptest::proptest! {
        #[test]
        fn every_community_is_connected(
            n in 2usize..40,
            raw in proptest::collection::vec((0usize..40, 0usize..40, 1u8..5), 0..120),
            gamma in 0.1f64..3.0,
            seed in 0u64..100,
        ) {
            let e: Vec<(usize, usize, f64)> = raw
                .into_iter()
                .filter(|&(a, b, _)| a < n && b < n && a != b)
                .map(|(a, b, w)| (a.min(b), a.max(b), f64::from(w)))
                .collect();
            let g = WeightedGraph::new(n, &e);
            let c = louvain(&g, gamma, seed);
            // Re-splitting into connected parts changes nothing (up to labels, which are
            // already in order of first node).
            proptest::prop_assert_eq!(connected_parts(&g, &c), c);
        }
    }
}
