//! Poles and the polarity class.

use super::{PolarityError, Shares};

crate::internal::builder! {
    /// The rule that decides which units are poles: a unit is a pole when its share is at least
    /// `relative` × the leader's share **and** at least `floor`. A builder.
    ///
    /// Defaults: `relative = 0.5` (Schweller's rule: a pole has at least half the leader's
    /// capabilities — Schweller 1998, *Deadly Imbalances*) and `floor = 0.05` (a pole holds at
    /// least 5 % of the capabilities counted, so that a set of many tiny units has no pole).
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct PoleRule;
    /// The default rule.
    fn new();
    /// Sets the fraction of the leader's share a pole needs (checked by [`identify_poles`]).
    relative(fraction: f64) = 0.5, get_relative;
    /// Sets the absolute share a pole needs (checked by [`identify_poles`]).
    floor(share: f64) = 0.05, get_floor;
}

/// The polarity class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// No unit reaches the floor: power is too flat or too small.
    NoPole,
    /// One pole.
    Unipolar,
    /// Two poles.
    Bipolar,
    /// Three or more poles.
    Multipolar,
}

/// The poles of a unit set and the numbers that decided them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Poles {
    /// The polarity class.
    pub polarity: Polarity,
    /// The poles with their shares, largest first (ties by identifier).
    pub poles: Vec<(String, f64)>,
    /// The leader's share.
    pub leader_share: f64,
    /// The share a unit needed: max(relative × leader's share, floor).
    pub threshold: f64,
    /// The rule applied.
    pub relative: f64,
    /// The floor applied.
    pub floor: f64,
}

impl Poles {
    /// Whether `unit` is a pole.
    #[must_use]
    pub fn is_pole(&self, unit: &str) -> bool {
        self.poles.iter().any(|(u, _)| u == unit)
    }
}

/// The poles of `shares` under `rule`, and the polarity class they give.
///
/// Reference: Schweller 1998 (one half of the leader); theory [§4](crate::guide::theory#4-polarity).
///
/// # Complexity
/// O(N log N).
///
/// # Errors
/// [`PolarityError::BadParameter`] when `relative` is outside `(0, 1]` or `floor` outside
/// `[0, 1]` (or NaN).
///
/// # Example
/// ```
/// use rsct::polarity::{identify_poles, Polarity, PoleRule, Shares};
/// let s = Shares::from_values([("USA", 0.15), ("CHN", 0.20), ("RUS", 0.04), ("IND", 0.07)])?;
/// let p = identify_poles(&s, &PoleRule::new())?;
/// assert_eq!(p.polarity, Polarity::Bipolar);
/// assert!(p.is_pole("USA") && p.is_pole("CHN") && !p.is_pole("IND"));
/// # Ok::<(), rsct::polarity::PolarityError>(())
/// ```
pub fn identify_poles(shares: &Shares, rule: &PoleRule) -> Result<Poles, PolarityError> {
    if !(rule.relative > 0.0 && rule.relative <= 1.0) {
        return Err(PolarityError::BadParameter {
            parameter: "relative",
            value: rule.relative,
            expected: "a fraction in (0, 1]",
        });
    }
    if !(0.0..=1.0).contains(&rule.floor) {
        return Err(PolarityError::BadParameter {
            parameter: "floor",
            value: rule.floor,
            expected: "a share in [0, 1]",
        });
    }
    let leader_share = shares.leader().1;
    let threshold = (rule.relative * leader_share).max(rule.floor);
    let poles: Vec<(String, f64)> = shares
        .ranked_iter()
        .take_while(|&(_, s)| s >= threshold && s > 0.0)
        .map(|(u, s)| (u.to_owned(), s))
        .collect();
    let polarity = match poles.len() {
        0 => Polarity::NoPole,
        1 => Polarity::Unipolar,
        2 => Polarity::Bipolar,
        _ => Polarity::Multipolar,
    };
    Ok(Poles {
        polarity,
        poles,
        leader_share,
        threshold,
        relative: rule.relative,
        floor: rule.floor,
    })
}
