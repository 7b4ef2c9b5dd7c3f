//! Shared checks of partition certificates (camps, clusters).

use super::BalanceError;
use super::cycle::{self, EdgeTable, SignedCycle};
use crate::sign::{Sign, SignedWeight};
use petgraph::visit::{EdgeIndexable, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// Checks that `groups` partition the nodes of `g` and that every signed tie agrees with the
/// partition: amity inside a group, enmity across groups.
pub(crate) fn check_partition<G>(
    g: G,
    table: &EdgeTable,
    groups: &[Vec<G::NodeId>],
    what: &str,
) -> Result<(), BalanceError>
where
    G: IntoNodeIdentifiers + NodeIndexable,
{
    let bad = |reason: String| Err(BalanceError::InvalidCertificate { reason });
    let n = g.node_bound();
    let mut group = vec![usize::MAX; n];
    for (k, members) in groups.iter().enumerate() {
        for &u in members {
            let i = g.to_index(u);
            if i >= n {
                return bad(format!("unit {i} of {what} {k} is not in the graph"));
            }
            if group[i] != usize::MAX {
                return bad(format!(
                    "unit {i} is in {what} {} and in {what} {k}",
                    group[i]
                ));
            }
            group[i] = k;
        }
    }
    let mut present = vec![false; n];
    for u in g.node_identifiers() {
        let i = g.to_index(u);
        present[i] = true;
        if group[i] == usize::MAX {
            return bad(format!("unit {i} is in no {what}"));
        }
    }
    if let Some(i) = (0..n).find(|&i| group[i] != usize::MAX && !present[i]) {
        return bad(format!("unit {i} is not in the graph"));
    }
    for (t, row) in table.iter().enumerate() {
        let Some((a, b, Some(sign))) = *row else {
            continue;
        };
        let same = group[a] == group[b];
        match (sign, same) {
            (Sign::Amity, false) => {
                return bad(format!(
                    "positive tie {t} joins unit {a} ({what} {}) and unit {b} ({what} {})",
                    group[a], group[b]
                ));
            }
            (Sign::Enmity, true) => {
                return bad(format!(
                    "negative tie {t} joins units {a} and {b} inside {what} {}",
                    group[a]
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A balance certificate as [`check_certificate`] reads it.
pub(crate) enum Claim<'a, N, E> {
    /// A partition of the units.
    Partition(&'a [Vec<N>]),
    /// A cycle.
    Cycle(&'a SignedCycle<N, E>),
}

/// Checks a balance certificate against `g`: either a partition of the units into `parts`
/// (each called `what`), or a cycle whose number of negative ties must pass `negatives_ok`
/// (`otherwise` says how it fails, e.g. "an even number"). The common check of
/// [`super::verify_harary`] and [`super::verify_clusterability`].
pub(crate) fn check_certificate<G>(
    g: G,
    certificate: Claim<'_, G::NodeId, G::EdgeId>,
    what: &str,
    negatives_ok: impl Fn(usize) -> bool,
    otherwise: &str,
) -> Result<(), BalanceError>
where
    G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable + EdgeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let table = cycle::edge_table(g);
    match certificate {
        Claim::Partition(parts) => check_partition(g, &table, parts, what),
        Claim::Cycle(c) => {
            let neg = cycle::check_cycle(g, &table, c)?;
            if negatives_ok(neg) {
                Ok(())
            } else {
                Err(BalanceError::InvalidCertificate {
                    reason: format!("the cycle has {neg} negative ties, {otherwise}"),
                })
            }
        }
    }
}
