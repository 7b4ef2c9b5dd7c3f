//! Units, ties and their provenance, in words.

use super::number::{fixed, signed};
use crate::graph::{Contribution, Provenance, Tie};
use crate::sign::{Sign, SignedWeight};
use crate::unit::Unit;
use std::fmt::{self, Display, Formatter};

impl Display for Unit {
    /// `Russia [RUS]: state, COW 365, ISO RUS, 1991–` (the parts it has).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.name(), self.id(), self.kind())?;
        if let Some(c) = self.cow() {
            write!(f, ", COW {c}")?;
        }
        if let Some(i) = self.iso() {
            write!(f, ", ISO {i}")?;
        }
        if let Some(p) = self.period() {
            write!(f, ", {p}")?;
        }
        Ok(())
    }
}

impl Display for Provenance {
    /// `relation rus-arm-bases` (or `relation #3` without an identifier), or
    /// `co-members of CSTO`; in an overlaid data set the layer follows in brackets
    /// (`relation rus-arm-bases [post-Soviet]`).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Relation { index, id, layer } => {
                match id {
                    Some(id) => write!(f, "relation {id}")?,
                    None => write!(f, "relation #{index}")?,
                }
                if let Some(l) = layer {
                    write!(f, " [{l}]")?;
                }
                Ok(())
            }
            Provenance::Membership {
                organisation,
                layers,
                ..
            } => {
                write!(f, "co-members of {organisation}")?;
                match layers {
                    Some([a, b]) if a == b => write!(f, " [{a}]"),
                    Some([a, b]) => write!(f, " [{a}; {b}]"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Display for Contribution {
    /// `+0.80 military (bilateral, relation rus-arm-bases)`: the signed intensity, the
    /// sectors, the instrument and the provenance (the evidence is listed by
    /// [`Contribution::evidence`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({}, {})",
            signed(self.signed_intensity(), 2),
            self.sectors(),
            self.instrument(),
            self.provenance()
        )
    }
}

impl Display for Tie {
    /// `amity: net +0.40, interdependence 1.20, 2 contributions` (`no sign` when the
    /// contributions cancel).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let sign = match SignedWeight::sign(self) {
            Some(Sign::Amity) => "amity",
            Some(Sign::Enmity) => "enmity",
            None => "no sign",
        };
        let n = self.contributions().len();
        write!(
            f,
            "{sign}: net {}, interdependence {}, {n} contribution{}",
            signed(self.net(), 2),
            fixed(self.interdependence(), 2),
            if n == 1 { "" } else { "s" }
        )
    }
}
