//! Centredness of a unit set (Buzan & Wæver 2003, Table 1, p. 62).

use super::{Classification, Polarity, Poles, PowerClass};
use std::collections::BTreeSet;

/// What a centred complex is centred on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "unit", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CentredOn {
    /// A superpower (North America around the USA).
    Superpower(String),
    /// A great power (the post-Soviet complex around Russia).
    GreatPower(String),
    /// An institution (EU-Europe).
    Institution(String),
}

/// Whether a unit set is centred, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Centredness {
    /// What the set is centred on, if it is centred.
    pub centred_on: Option<CentredOn>,
    /// The reason, in words, with the numbers that decided.
    pub reason: String,
}

impl Centredness {
    /// Whether the set is centred.
    #[must_use]
    pub fn is_centred(&self) -> bool {
        self.centred_on.is_some()
    }
}

/// Whether the unit set whose poles are `poles` is *centred*: unipolar with the pole a
/// superpower or great power under `classes`, or integrated by an institution — the pole is
/// one of `institutions` (units of kind institution, such as the EU).
///
/// Reference: Buzan & Wæver 2003, Table 1 (p. 62); theory [§2](crate::guide::theory#2-the-regional-security-complex), [§4](crate::guide::theory#4-polarity).
///
/// # Complexity
/// O(P) for P poles.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use rsct::polarity::{centredness, identify_poles, Classification, CentredOn, PoleRule, Shares};
/// let s = Shares::from_values([("RUS", 0.8), ("UKR", 0.1), ("BLR", 0.05), ("ARM", 0.05)])?;
/// let poles = identify_poles(&s, &PoleRule::new())?;
/// let c = centredness(&poles, &Classification::buzan_waever_post_1990(), &Default::default());
/// assert_eq!(c.centred_on, Some(CentredOn::GreatPower("RUS".into())));
/// # Ok::<(), rsct::polarity::PolarityError>(())
/// ```
#[must_use]
pub fn centredness(
    poles: &Poles,
    classes: &Classification,
    institutions: &BTreeSet<String>,
) -> Centredness {
    if poles.polarity != Polarity::Unipolar {
        return Centredness {
            centred_on: None,
            reason: format!(
                "not unipolar: {} pole(s) at threshold {:.4} ({})",
                poles.poles.len(),
                poles.threshold,
                poles
                    .poles
                    .iter()
                    .map(|(u, s)| format!("{u} {s:.3}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    let (pole, share) = &poles.poles[0];
    let how = if classes.is_overridden(pole) {
        "by the user's classification"
    } else {
        "by computed class"
    };
    let (centred_on, what) = if institutions.contains(pole) {
        (
            Some(CentredOn::Institution(pole.clone())),
            "an institution".to_owned(),
        )
    } else {
        match classes.class(pole) {
            PowerClass::Superpower => (
                Some(CentredOn::Superpower(pole.clone())),
                format!("a superpower {how}"),
            ),
            PowerClass::GreatPower => (
                Some(CentredOn::GreatPower(pole.clone())),
                format!("a great power {how}"),
            ),
            other => (
                None,
                format!("of class {other}, neither a great power nor a superpower"),
            ),
        }
    };
    let verdict = if centred_on.is_some() {
        "centred"
    } else {
        "a standard unipolar set, not centred"
    };
    Centredness {
        centred_on,
        reason: format!(
            "unipolar around {pole} (share {share:.3}, next pole would need {:.3}); {pole} is {what}: {verdict}",
            poles.threshold
        ),
    }
}
