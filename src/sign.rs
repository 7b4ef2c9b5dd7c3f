//! The sign of a tie: amity (+) or enmity (−).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Amity (+) or enmity (−).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Amity: a positive tie.
    Amity,
    /// Enmity: a negative tie.
    Enmity,
}

impl Sign {
    /// `+1.0` for amity, `-1.0` for enmity.
    #[must_use]
    pub fn value(self) -> f64 {
        match self {
            Sign::Amity => 1.0,
            Sign::Enmity => -1.0,
        }
    }

    /// `+1` for amity, `-1` for enmity.
    #[must_use]
    pub fn as_i8(self) -> i8 {
        match self {
            Sign::Amity => 1,
            Sign::Enmity => -1,
        }
    }

    /// The sign of a number: amity when positive, enmity when negative, `None` when zero
    /// (within [`crate::tolerance::NET_ZERO`]) or NaN.
    #[must_use]
    pub fn of(x: f64) -> Option<Sign> {
        if x.is_nan() || crate::tolerance::is_net_zero(x) {
            None
        } else if x > 0.0 {
            Some(Sign::Amity)
        } else {
            Some(Sign::Enmity)
        }
    }

    /// The opposite sign.
    #[must_use]
    pub fn flipped(self) -> Sign {
        match self {
            Sign::Amity => Sign::Enmity,
            Sign::Enmity => Sign::Amity,
        }
    }

    /// Whether the sign is enmity.
    #[must_use]
    pub fn is_negative(self) -> bool {
        self == Sign::Enmity
    }

    /// The name used in data files (`amity`, `enmity`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Amity => "amity",
            Sign::Enmity => "enmity",
        }
    }
}

impl std::ops::Mul for Sign {
    type Output = Sign;
    fn mul(self, rhs: Sign) -> Sign {
        if self == rhs {
            Sign::Amity
        } else {
            Sign::Enmity
        }
    }
}

impl fmt::Display for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sign::Amity => "+",
            Sign::Enmity => "-",
        })
    }
}

/// An edge weight that carries a sign: the bridge that lets the crate's signed-graph
/// algorithms run on any petgraph graph.
///
/// Implemented for the crate's own edge types ([`crate::SignedEdge`], [`crate::Tie`]), for
/// [`Sign`] and for plain numbers (positive = amity, negative = enmity, zero = no signed tie).
pub trait SignedWeight {
    /// The sign of the tie, or `None` when the tie carries no sign (a zero net weight);
    /// algorithms treat such ties as absent and say so in their results.
    fn sign(&self) -> Option<Sign>;
    /// The non-negative magnitude used by weighted measures (`1.0` for unweighted ties).
    fn magnitude(&self) -> f64;
}

impl SignedWeight for Sign {
    fn sign(&self) -> Option<Sign> {
        Some(*self)
    }
    fn magnitude(&self) -> f64 {
        1.0
    }
}

impl SignedWeight for f64 {
    fn sign(&self) -> Option<Sign> {
        Sign::of(*self)
    }
    fn magnitude(&self) -> f64 {
        self.abs()
    }
}

impl SignedWeight for f32 {
    fn sign(&self) -> Option<Sign> {
        Sign::of(f64::from(*self))
    }
    fn magnitude(&self) -> f64 {
        f64::from(self.abs())
    }
}

macro_rules! signed_int {
    ($($t:ty),*) => {$(
        impl SignedWeight for $t {
            fn sign(&self) -> Option<Sign> {
                match self.signum() {
                    1 => Some(Sign::Amity),
                    -1 => Some(Sign::Enmity),
                    _ => None,
                }
            }
            fn magnitude(&self) -> f64 {
                self.unsigned_abs() as f64
            }
        }
    )*};
}
signed_int!(i8, i16, i32, i64);

impl<T: SignedWeight + ?Sized> SignedWeight for &T {
    fn sign(&self) -> Option<Sign> {
        (**self).sign()
    }
    fn magnitude(&self) -> f64 {
        (**self).magnitude()
    }
}
