//! Polarity, poles and power classes, in words.

use super::join;
use super::number::{fixed, opt};
use crate::polarity::{CentredOn, Centredness, Polarity, PolarityMeasures, Poles, PowerClass};
use std::fmt::{self, Display, Formatter};

impl Display for PowerClass {
    /// `superpower`, `great power`, `regional power` or `other`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PowerClass::Superpower => "superpower",
            PowerClass::GreatPower => "great power",
            PowerClass::RegionalPower => "regional power",
            _ => "other",
        })
    }
}

impl Display for Polarity {
    /// `no pole`, `unipolar`, `bipolar` or `multipolar`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Polarity::NoPole => "no pole",
            Polarity::Unipolar => "unipolar",
            Polarity::Bipolar => "bipolar",
            _ => "multipolar",
        })
    }
}

impl Display for Poles {
    /// `bipolar: CHN 0.200, USA 0.150 (threshold 0.100 = max(0.5 × leader 0.200, floor 0.05))`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.polarity)?;
        if !self.poles.is_empty() {
            f.write_str(": ")?;
            join(
                f,
                self.poles
                    .iter()
                    .map(|(u, s)| format!("{u} {}", fixed(*s, 3))),
                ", ",
            )?;
        }
        write!(
            f,
            " (threshold {} = max({} × leader {}, floor {}))",
            fixed(self.threshold, 3),
            self.relative,
            fixed(self.leader_share, 3),
            self.floor
        )
    }
}

impl Display for PolarityMeasures {
    /// `12 units: HHI 0.412, effective poles 2.43, CON 0.612; leader RUS 0.620 (4.10 × the second)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} units: HHI {}, effective poles {}, CON {}; leader {} {}",
            self.n,
            fixed(self.hhi, 3),
            fixed(self.effective_poles, 2),
            opt(self.con, 3),
            self.leader,
            fixed(self.leader_share, 3)
        )?;
        if let Some(r) = self.leader_second_ratio {
            write!(f, " ({} × the second)", fixed(r, 2))?;
        }
        Ok(())
    }
}

impl Display for CentredOn {
    /// `the superpower USA`, `the great power RUS` or `the institution EU`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            CentredOn::Superpower(u) => write!(f, "the superpower {u}"),
            CentredOn::GreatPower(u) => write!(f, "the great power {u}"),
            CentredOn::Institution(u) => write!(f, "the institution {u}"),
        }
    }
}

impl Display for Centredness {
    /// `centred on the great power RUS: …` or `not centred: …`, with the reason.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.centred_on {
            Some(c) => write!(f, "centred on {c}: {}", self.reason),
            None => write!(f, "not centred: {}", self.reason),
        }
    }
}
