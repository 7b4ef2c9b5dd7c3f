//! Cycles as certificates (units and ties, with their signs), the shortest paths that close
//! them, and their independent verification.

use super::BalanceError;
use crate::sign::{Sign, SignedWeight};
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

/// A cycle of a signed graph, given as the units in order and the ties between them:
/// `ties()[i]` joins `units()[i]` and `units()[(i + 1) % len]`. A cycle of one unit is a
/// self-loop; a cycle of two units runs over two parallel ties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedCycle<N, E> {
    units: Vec<N>,
    ties: Vec<E>,
    signs: Vec<Sign>,
}

impl<N, E> SignedCycle<N, E> {
    /// The units, in order round the cycle.
    #[must_use]
    pub fn units(&self) -> &[N] {
        &self.units
    }

    /// The ties: `ties()[i]` joins `units()[i]` and the next unit.
    #[must_use]
    pub fn ties(&self) -> &[E] {
        &self.ties
    }

    /// The signs of the ties, as found when the cycle was built.
    #[must_use]
    pub fn signs(&self) -> &[Sign] {
        &self.signs
    }

    /// The number of units (= the number of ties).
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the cycle is empty (never, for a cycle returned by this crate).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The number of negative ties.
    #[must_use]
    pub fn negatives(&self) -> usize {
        self.signs.iter().filter(|s| s.is_negative()).count()
    }

    /// Builds a cycle from its parts, for checking a certificate from elsewhere with
    /// [`super::verify_harary`] or [`super::verify_clusterability`] (which check it against
    /// the graph; nothing is checked here).
    #[must_use]
    pub fn from_parts(units: Vec<N>, ties: Vec<E>, signs: Vec<Sign>) -> Self {
        Self { units, ties, signs }
    }

    /// Maps the units and ties to other identifiers (e.g. labels).
    pub fn map<N2, E2>(
        &self,
        mut unit: impl FnMut(&N) -> N2,
        mut tie: impl FnMut(&E) -> E2,
    ) -> SignedCycle<N2, E2> {
        SignedCycle {
            units: self.units.iter().map(&mut unit).collect(),
            ties: self.ties.iter().map(&mut tie).collect(),
            signs: self.signs.clone(),
        }
    }
}

/// A shortest path from `a` to `b` in `adj` (node indices and tie ordinals), by
/// breadth-first search stopping at `b`; `None` if `b` is unreachable.
pub(crate) fn shortest_path(
    adj: &super::csr::Adjacency,
    n: usize,
    a: u32,
    b: u32,
) -> Option<(Vec<u32>, Vec<u32>)> {
    let mut parent = vec![u32::MAX; n];
    let mut via = vec![u32::MAX; n];
    parent[a as usize] = a;
    let mut queue = vec![a];
    let mut head = 0;
    while head < queue.len() && parent[b as usize] == u32::MAX {
        let u = queue[head];
        head += 1;
        let (nbr, tie) = adj.neighbours(u as usize);
        for (&v, &t) in nbr.iter().zip(tie) {
            if parent[v as usize] == u32::MAX {
                parent[v as usize] = u;
                via[v as usize] = t;
                queue.push(v);
            }
        }
    }
    if parent[b as usize] == u32::MAX {
        return None;
    }
    let (mut units, mut ties) = (vec![b], Vec::new());
    let mut x = b;
    while x != a {
        ties.push(via[x as usize]);
        x = parent[x as usize];
        units.push(x);
    }
    units.reverse();
    ties.reverse();
    Some((units, ties))
}

/// The certificate cycle closed by tie `k` (between units `a` and `b`): a shortest path
/// from `a` to `b` over the ties `allowed` admits, plus tie `k` (a self-loop when `a == b`).
/// `limit` stops reading the graph's ties after that many signed ones; `what` names the
/// allowed ties in the internal error raised if no path exists.
pub(crate) fn close<G>(
    g: G,
    n: usize,
    (a, b, k): (u32, u32, usize),
    limit: Option<usize>,
    allowed: impl Fn(usize, &[bool]) -> bool,
    what: &str,
) -> Result<SignedCycle<G::NodeId, G::EdgeId>, BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = super::csr::collect(
        g,
        super::csr::Gather {
            ids: true,
            limit,
            ..super::csr::Gather::default()
        },
    )?;
    let (mut units, mut ties) = if a == b {
        (vec![a], Vec::new())
    } else {
        let adj = super::csr::Adjacency::build(n, &edges.ends, |i| allowed(i, &edges.negative));
        shortest_path(&adj, n, a, b).ok_or_else(|| BalanceError::InvalidCertificate {
            reason: format!("internal: no path between units {a} and {b} over {what}"),
        })?
    };
    ties.push(k as u32);
    units.truncate(ties.len());
    Ok(certificate(g, &units, &ties, &edges.ids, &edges.negative))
}

/// Converts a cycle of node indices and tie ordinals into a certificate.
pub(crate) fn certificate<G, E: Copy>(
    g: G,
    units: &[u32],
    ties: &[u32],
    ids: &[E],
    negative: &[bool],
) -> SignedCycle<G::NodeId, E>
where
    G: NodeIndexable,
{
    SignedCycle {
        units: units.iter().map(|&u| g.from_index(u as usize)).collect(),
        ties: ties.iter().map(|&t| ids[t as usize]).collect(),
        signs: ties
            .iter()
            .map(|&t| {
                if negative[t as usize] {
                    Sign::Enmity
                } else {
                    Sign::Amity
                }
            })
            .collect(),
    }
}

/// Every edge of the graph by edge index: its end points and sign.
pub(crate) type EdgeTable = Vec<Option<(usize, usize, Option<Sign>)>>;

/// Reads every edge of `g` into a table indexed by edge index.
pub(crate) fn edge_table<G>(g: G) -> EdgeTable
where
    G: IntoEdgeReferences + NodeIndexable + EdgeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let mut t = vec![None; EdgeIndexable::edge_bound(&g)];
    for e in g.edge_references() {
        let i = EdgeIndexable::to_index(&g, e.id());
        if let Some(slot) = t.get_mut(i) {
            *slot = Some((
                NodeIndexable::to_index(&g, e.source()),
                NodeIndexable::to_index(&g, e.target()),
                e.weight().sign(),
            ));
        }
    }
    t
}

/// Checks that `cycle` really is a cycle of `g` whose ties carry the signs it claims (read
/// again from the graph); returns its number of negative ties.
pub(crate) fn check_cycle<G>(
    g: G,
    table: &EdgeTable,
    cycle: &SignedCycle<G::NodeId, G::EdgeId>,
) -> Result<usize, BalanceError>
where
    G: NodeIndexable + EdgeIndexable,
{
    let bad = |reason: String| Err(BalanceError::InvalidCertificate { reason });
    let k = cycle.units.len();
    if k == 0 {
        return bad("the cycle has no units".into());
    }
    if cycle.ties.len() != k || cycle.signs.len() != k {
        return bad(format!(
            "the cycle has {k} units but {} ties and {} signs",
            cycle.ties.len(),
            cycle.signs.len()
        ));
    }
    let n = NodeIndexable::node_bound(&g);
    let units: Vec<usize> = cycle
        .units
        .iter()
        .map(|&u| NodeIndexable::to_index(&g, u))
        .collect();
    let mut seen = vec![false; n];
    for &u in &units {
        if u >= n {
            return bad(format!("unit {u} is not in the graph"));
        }
        if std::mem::replace(&mut seen[u], true) {
            return bad(format!("unit {u} occurs twice in the cycle"));
        }
    }
    let mut tie_seen = std::collections::BTreeSet::new();
    let mut negatives = 0;
    for i in 0..k {
        let t = EdgeIndexable::to_index(&g, cycle.ties[i]);
        if !tie_seen.insert(t) {
            return bad(format!("tie {t} occurs twice in the cycle"));
        }
        let Some(Some((a, b, sign))) = table.get(t).copied() else {
            return bad(format!("tie {t} is not in the graph"));
        };
        let (x, y) = (units[i], units[(i + 1) % k]);
        if !((a == x && b == y) || (a == y && b == x)) {
            return bad(format!(
                "tie {t} joins units {a} and {b}, not {x} and {y} as the cycle claims"
            ));
        }
        let Some(sign) = sign else {
            return bad(format!("tie {t} carries no sign"));
        };
        if sign != cycle.signs[i] {
            return bad(format!(
                "tie {t} has sign {sign}, the cycle claims {}",
                cycle.signs[i]
            ));
        }
        negatives += usize::from(sign.is_negative());
    }
    Ok(negatives)
}
