//! Concentration measures of a distribution of capabilities.

use super::Shares;

/// Concentration measures of capability shares (theory [§4](crate::guide::theory#4-polarity)).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PolarityMeasures {
    /// The number of units N.
    pub n: usize,
    /// The Herfindahl–Hirschman index Σ sᵢ², in `[1/N, 1]`.
    pub hhi: f64,
    /// The effective number of poles 1 / HHI, in `[1, N]`.
    pub effective_poles: f64,
    /// CON = √((HHI − 1/N) / (1 − 1/N)) (Singer, Bremer & Stuckey 1972; Ray & Singer 1973),
    /// in `[0, 1]`, 0 iff all shares are equal; `None` when N = 1 (undefined).
    pub con: Option<f64>,
    /// The leading unit (ties broken by identifier).
    pub leader: String,
    /// The leader's share.
    pub leader_share: f64,
    /// The leader's share over the second's; `None` when N = 1 or the second has share 0.
    pub leader_second_ratio: Option<f64>,
    /// The cumulative shares of the top 1, 2, 3 units (fewer when N < 3).
    pub top_shares: Vec<f64>,
}

/// The concentration measures of `shares`.
///
/// # Complexity
/// O(N log N).
///
/// # Errors
/// None: a [`Shares`] is valid by construction.
///
/// # Example
/// ```
/// use rsct::polarity::{measures, Shares};
/// let m = measures(&Shares::from_values([("A", 1.0), ("B", 1.0), ("C", 2.0)])?);
/// assert!((m.hhi - 0.375).abs() < 1e-12);
/// assert!((m.effective_poles - 8.0 / 3.0).abs() < 1e-12);
/// // CON = √((0.375 − 1/3) / (1 − 1/3)) = √0.0625 = 0.25
/// assert!((m.con.unwrap() - 0.25).abs() < 1e-12);
/// assert_eq!(m.leader, "C");
/// # Ok::<(), rsct::polarity::PolarityError>(())
/// ```
#[must_use]
pub fn measures(shares: &Shares) -> PolarityMeasures {
    let n = shares.len();
    let hhi: f64 = shares.shares().iter().map(|s| s * s).sum();
    let nf = n as f64;
    let con = (n > 1).then(|| {
        ((hhi - 1.0 / nf).max(0.0) / (1.0 - 1.0 / nf))
            .sqrt()
            .min(1.0)
    });
    let (leader, leader_share) = shares.leader();
    let leader_second_ratio = shares
        .ranked_iter()
        .nth(1)
        .and_then(|(_, s)| (s > 0.0).then(|| leader_share / s));
    let mut top_shares = Vec::with_capacity(3);
    let mut acc = 0.0;
    for (_, s) in shares.ranked_iter().take(3) {
        acc += s;
        top_shares.push(acc);
    }
    PolarityMeasures {
        n,
        hhi,
        effective_poles: 1.0 / hhi,
        con,
        leader: leader.to_owned(),
        leader_share,
        leader_second_ratio,
        top_shares,
    }
}
