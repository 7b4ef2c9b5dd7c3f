//! INTERIM analyses for the panel — TO BE REPLACED by `crate::balance` (triangle census,
//! Harary test) and `crate::polarity` (concentration) when those modules are merged.
//!
//! Kept private and minimal: just enough to fill the panel's columns and to validate the
//! panel against `shared/anchors/panel_pandas.py` now. The lead wires the crate's own
//! analyses into [`super::row`] through the same columns.

/// Signed triangle counts by number of negative edges: `[+++, ++−, +−−, −−−]`.
pub(crate) type Counts = [u64; 4];

/// The signed triangle census of a simple undirected signed graph on nodes `0..n`, edges
/// `(a, b, negative)` with `a != b`, no parallel edges.
///
/// Every triangle `u < v < w` is counted once, at its edge `(u, v)`, by intersecting the
/// positive and negative neighbour bit sets of `u` and `v` above `v`: O(m · n / 64) time,
/// O(n² / 32) bits of memory. Above 8,192 nodes it intersects sorted adjacency lists
/// instead (O(Σ deg²) worst case, O(n + m) memory).
pub(crate) fn census(n: usize, edges: &[(u32, u32, bool)]) -> Counts {
    if n <= 8192 {
        census_bits(n, edges)
    } else {
        census_lists(n, edges)
    }
}

fn census_bits(n: usize, edges: &[(u32, u32, bool)]) -> Counts {
    let words = n.div_ceil(64);
    let mut pos = vec![0u64; n * words];
    let mut neg = vec![0u64; n * words];
    for &(a, b, s) in edges {
        let (a, b) = (a as usize, b as usize);
        let m = if s { &mut neg } else { &mut pos };
        m[a * words + b / 64] |= 1 << (b % 64);
        m[b * words + a / 64] |= 1 << (a % 64);
    }
    let mut c = [0u64; 4];
    for &(a, b, s) in edges {
        let (u, v) = if a < b { (a, b) } else { (b, a) };
        let (u, v) = (u as usize, v as usize);
        let first = (v + 1) / 64;
        let (mut pp, mut mixed, mut nn) = (0u64, 0u64, 0u64);
        for w in first..words {
            let mask = if w == first {
                u64::MAX.checked_shl(((v + 1) % 64) as u32).unwrap_or(0)
            } else {
                u64::MAX
            };
            let (pu, nu) = (pos[u * words + w] & mask, neg[u * words + w] & mask);
            let (pv, nv) = (pos[v * words + w], neg[v * words + w]);
            pp += u64::from((pu & pv).count_ones());
            mixed += u64::from((pu & nv).count_ones() + (nu & pv).count_ones());
            nn += u64::from((nu & nv).count_ones());
        }
        let k = usize::from(s);
        c[k] += pp;
        c[k + 1] += mixed;
        c[k + 2] += nn;
    }
    c
}

fn census_lists(n: usize, edges: &[(u32, u32, bool)]) -> Counts {
    let mut adj: Vec<Vec<(u32, bool)>> = vec![Vec::new(); n];
    for &(a, b, s) in edges {
        adj[a as usize].push((b, s));
        adj[b as usize].push((a, s));
    }
    for l in &mut adj {
        l.sort_unstable();
    }
    let mut c = [0u64; 4];
    for &(a, b, s) in edges {
        let (u, v) = if a < b { (a, b) } else { (b, a) };
        let (lu, lv) = (&adj[u as usize], &adj[v as usize]);
        let (mut i, mut j) = (
            lu.partition_point(|x| x.0 <= v),
            lv.partition_point(|x| x.0 <= v),
        );
        while i < lu.len() && j < lv.len() {
            match lu[i].0.cmp(&lv[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    c[usize::from(s) + usize::from(lu[i].1) + usize::from(lv[j].1)] += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    c
}

/// The Harary test's outcome with its certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Harary {
    /// Balanced: the camp (0 or 1) of every node; amity inside, enmity across.
    Balanced(Vec<u8>),
    /// Unbalanced: a cycle with an odd number of negative edges, as nodes in order.
    OddCycle(Vec<u32>),
}

/// The Harary test (Cartwright & Harary 1956) by breadth-first 2-colouring with sign
/// parity, O(n + m); on failure, the odd cycle closed by the first conflicting edge.
pub(crate) fn harary(n: usize, edges: &[(u32, u32, bool)]) -> Harary {
    let mut adj: Vec<Vec<(u32, bool)>> = vec![Vec::new(); n];
    for &(a, b, s) in edges {
        adj[a as usize].push((b, s));
        adj[b as usize].push((a, s));
    }
    const NONE: u32 = u32::MAX;
    let mut colour = vec![u8::MAX; n];
    let mut parent = vec![NONE; n];
    let mut depth = vec![0u32; n];
    let mut queue = std::collections::VecDeque::new();
    for root in 0..n {
        if colour[root] != u8::MAX {
            continue;
        }
        colour[root] = 0;
        queue.push_back(root as u32);
        while let Some(u) = queue.pop_front() {
            for &(v, s) in &adj[u as usize] {
                let want = colour[u as usize] ^ u8::from(s);
                let cv = colour[v as usize];
                if cv == u8::MAX {
                    colour[v as usize] = want;
                    parent[v as usize] = u;
                    depth[v as usize] = depth[u as usize] + 1;
                    queue.push_back(v);
                } else if cv != want {
                    // Tree paths from u and v up to their lowest common ancestor, then the
                    // edge (u, v): the cycle's negative count is odd.
                    let (mut x, mut y) = (u, v);
                    let (mut left, mut right) = (vec![x], vec![y]);
                    while depth[x as usize] > depth[y as usize] {
                        x = parent[x as usize];
                        left.push(x);
                    }
                    while depth[y as usize] > depth[x as usize] {
                        y = parent[y as usize];
                        right.push(y);
                    }
                    while x != y {
                        x = parent[x as usize];
                        y = parent[y as usize];
                        left.push(x);
                        right.push(y);
                    }
                    // left: lca … u, then the edge (u, v), then v … the child of the
                    // lca on v's side; the cycle closes back at the lca.
                    right.pop();
                    left.reverse();
                    left.extend(right);
                    return Harary::OddCycle(left);
                }
            }
        }
    }
    Harary::Balanced(colour)
}

/// Capability concentration of shares `s_i = v_i / Σ v` (THEORY §4): HHI, effective number
/// of poles 1/HHI, CON (Ray & Singer 1973), the leader's index and share, and the number
/// of units whose share is at least half the leader's (Schweller's rule). `None` when the
/// values sum to zero.
pub(crate) struct Concentration {
    pub hhi: f64,
    pub effective_poles: f64,
    pub con: Option<f64>,
    pub leader: usize,
    pub leader_share: f64,
    pub poles: usize,
}

pub(crate) fn concentration(values: &[f64]) -> Option<Concentration> {
    let total: f64 = values.iter().sum();
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    let hhi: f64 = values.iter().map(|v| (v / total) * (v / total)).sum();
    let n = values.len() as f64;
    let con = (values.len() > 1).then(|| ((hhi - 1.0 / n) / (1.0 - 1.0 / n)).max(0.0).sqrt());
    let (leader, max) =
        values.iter().enumerate().fold(
            (0, f64::MIN),
            |acc, (i, &v)| if v > acc.1 { (i, v) } else { acc },
        );
    let poles = values.iter().filter(|&&v| v >= 0.5 * max).count();
    Some(Concentration {
        hhi,
        effective_poles: 1.0 / hhi,
        con,
        leader,
        leader_share: max / total,
        poles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brute(n: usize, edges: &[(u32, u32, bool)]) -> Counts {
        let mut m = vec![None; n * n];
        for &(a, b, s) in edges {
            m[a as usize * n + b as usize] = Some(s);
            m[b as usize * n + a as usize] = Some(s);
        }
        let mut c = [0; 4];
        for u in 0..n {
            for v in u + 1..n {
                for w in v + 1..n {
                    if let (Some(x), Some(y), Some(z)) = (m[u * n + v], m[v * n + w], m[u * n + w])
                    {
                        c[usize::from(x) + usize::from(y) + usize::from(z)] += 1;
                    }
                }
            }
        }
        c
    }

    fn negative_parity(cycle: &[u32], edges: &[(u32, u32, bool)]) -> Option<bool> {
        let mut odd = false;
        for k in 0..cycle.len() {
            let (a, b) = (cycle[k], cycle[(k + 1) % cycle.len()]);
            let e = edges
                .iter()
                .find(|e| (e.0, e.1) == (a, b) || (e.0, e.1) == (b, a))?;
            odd ^= e.2;
        }
        Some(odd)
    }

    fn graph() -> impl Strategy<Value = (usize, Vec<(u32, u32, bool)>)> {
        (1usize..70).prop_flat_map(|n| {
            let pairs: Vec<(u32, u32)> = (0..n as u32)
                .flat_map(|a| (a + 1..n as u32).map(move |b| (a, b)))
                .collect();
            let len = pairs.len();
            (
                Just(n),
                proptest::collection::vec((any::<bool>(), any::<bool>(), 0u8..4), len).prop_map(
                    move |flags| {
                        pairs
                            .iter()
                            .zip(flags)
                            .filter(|(_, (keep, _, d))| *keep && *d == 0)
                            .map(
                                |(&(a, b), (_, s, _))| {
                                    if a % 2 == 0 { (a, b, s) } else { (b, a, s) }
                                },
                            )
                            .collect::<Vec<_>>()
                    },
                ),
            )
        })
    }

    proptest! {
        #[test]
        fn census_equals_brute_force((n, edges) in graph()) {
            let want = brute(n, &edges);
            prop_assert_eq!(census_bits(n, &edges), want);
            prop_assert_eq!(census_lists(n, &edges), want);
        }

        #[test]
        fn harary_certificates_hold((n, edges) in graph()) {
            match harary(n, &edges) {
                Harary::Balanced(c) => {
                    for &(a, b, s) in &edges {
                        prop_assert_eq!(c[a as usize] != c[b as usize], s);
                    }
                }
                Harary::OddCycle(cyc) => {
                    prop_assert!(cyc.len() >= 3);
                    let mut seen = cyc.clone();
                    seen.sort_unstable();
                    seen.dedup();
                    prop_assert_eq!(seen.len(), cyc.len());
                    prop_assert_eq!(negative_parity(&cyc, &edges), Some(true));
                }
            }
        }
    }

    #[test]
    fn concentration_of_two_equal_powers() {
        let c = concentration(&[0.3, 0.3]).unwrap();
        assert!((c.hhi - 0.5).abs() < 1e-12 && (c.effective_poles - 2.0).abs() < 1e-12);
        assert_eq!(c.con, Some(0.0));
        assert_eq!(c.poles, 2);
        let c = concentration(&[1.0, 0.0, 0.0]).unwrap();
        assert_eq!(c.con, Some(1.0));
        assert!(concentration(&[0.0]).is_none());
    }
}
