//! Shared checks of partition certificates (camps, clusters).

use super::BalanceError;
use super::cycle::EdgeTable;
use crate::sign::Sign;
use petgraph::visit::{IntoNodeIdentifiers, NodeIndexable};

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
