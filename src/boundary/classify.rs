//! The type of a complex and its amity–enmity character (B&W Table 1, p. 62; theory [§2](crate::guide::theory#2-the-regional-security-complex), [§5](crate::guide::theory#5-structural-balance)).

use crate::polarity::{CentredOn, Classification, Polarity, Poles};
use std::collections::BTreeSet;

/// The type of a regional security complex.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ComplexType {
    /// Polarity set by regional powers: unipolar, bipolar or multipolar.
    Standard {
        /// The polarity class.
        polarity: Polarity,
    },
    /// Unipolar around a superpower or great power, or integrated by an institution.
    Centred {
        /// The centre.
        centre: CentredOn,
    },
    /// Two or more great powers (or superpowers) as poles.
    GreatPower {
        /// The great-power poles.
        poles: Vec<String>,
    },
    /// No capability data for the members: polarity, and so the type, is unknown.
    Undetermined,
}

/// The amity–enmity character of a complex, on the spectrum from conflict formation through
/// security regime to security community (Väyrynen; Deutsch; B&W p. 53).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Character {
    /// Enmity dominates: interdependence through fear and rivalry.
    ConflictFormation,
    /// Rivals who cooperate to manage their security dilemma.
    SecurityRegime,
    /// No expectation of force among the members: (almost) no enmity.
    SecurityCommunity,
}

/// The type of a complex from its poles, with the reason in words.
pub(crate) fn complex_type(
    poles: Option<&Poles>,
    classes: &Classification,
    institutions: &BTreeSet<String>,
) -> (ComplexType, String) {
    let Some(p) = poles else {
        return (
            ComplexType::Undetermined,
            "no capability observations for the members".to_owned(),
        );
    };
    let global: Vec<String> = p
        .poles
        .iter()
        .filter(|(u, _)| classes.class(u).is_global())
        .map(|(u, _)| u.clone())
        .collect();
    if global.len() >= 2 {
        return (
            ComplexType::GreatPower {
                poles: global.clone(),
            },
            format!(
                "{} poles are great powers or superpowers: {}",
                global.len(),
                global.join(", ")
            ),
        );
    }
    let c = crate::polarity::centredness(p, classes, institutions);
    match c.centred_on {
        Some(centre) => (ComplexType::Centred { centre }, c.reason),
        None => {
            let classes_of: Vec<String> = p
                .poles
                .iter()
                .map(|(u, s)| format!("{u} {s:.3} ({})", classes.class(u)))
                .collect();
            let why = match p.polarity {
                Polarity::NoPole => "no unit reaches the pole threshold".to_owned(),
                _ => format!(
                    "poles set by regional powers: {}",
                    if classes_of.is_empty() {
                        "none".to_owned()
                    } else {
                        classes_of.join(", ")
                    }
                ),
            };
            (
                ComplexType::Standard {
                    polarity: p.polarity,
                },
                why,
            )
        }
    }
}

/// The character from the enmity share of internal (signed) interdependence.
pub(crate) fn character(
    enmity_share: Option<f64>,
    community: f64,
    conflict: f64,
) -> Option<Character> {
    let e = enmity_share?;
    Some(if e <= community {
        Character::SecurityCommunity
    } else if e >= conflict {
        Character::ConflictFormation
    } else {
        Character::SecurityRegime
    })
}
