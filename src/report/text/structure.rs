//! The type and the amity–enmity character of a complex, in words.

use super::join;
use crate::boundary::{Character, ComplexType};
use crate::polarity::CentredOn;
use std::fmt::{self, Display, Formatter};

impl Display for ComplexType {
    /// `standard, bipolar`, `centred on the great power RUS`, `centred, integrated by EU`,
    /// `great-power complex (CHN, JPN)` or `undetermined`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ComplexType::Standard { polarity } => write!(f, "standard, {polarity}"),
            ComplexType::Centred { centre } => match centre {
                CentredOn::Institution(u) => write!(f, "centred, integrated by {u}"),
                other => write!(f, "centred on {other}"),
            },
            ComplexType::GreatPower { poles } => {
                f.write_str("great-power complex (")?;
                join(f, poles, ", ")?;
                f.write_str(")")
            }
            _ => f.write_str("undetermined"),
        }
    }
}

impl Display for Character {
    /// `conflict formation`, `security regime` or `security community`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Character::ConflictFormation => "conflict formation",
            Character::SecurityRegime => "security regime",
            _ => "security community",
        })
    }
}
