//! Transformations of complexes and their causes, in words.

use super::number::{List, percent, signed};
use crate::evolution::{Cause, ComplexState, Event, MembershipSpan, Transformation, YearState};
use std::fmt::{self, Display, Formatter};

impl Display for Transformation {
    /// `status quo`, `internal transformation`,
    /// `external transformation (joined: NKR; left: none)`, `merger of A + B`,
    /// `split into A + B`, `formed`, `dissolved` or `overlay (outside powers 62 %)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Transformation::StatusQuo => f.write_str("status quo"),
            Transformation::Internal => f.write_str("internal transformation"),
            Transformation::External { joined, left } => write!(
                f,
                "external transformation (joined: {}; left: {})",
                List(joined),
                List(left)
            ),
            Transformation::Merged { from } => write!(f, "merger of {}", from.join(" + ")),
            Transformation::Split { into } => write!(f, "split into {}", into.join(" + ")),
            Transformation::Formed => f.write_str("formed"),
            Transformation::Dissolved => f.write_str("dissolved"),
            Transformation::Overlay { outside_share } => {
                write!(f, "overlay (outside powers {})", percent(*outside_share, 0))
            }
        }
    }
}

impl Display for Cause {
    /// `NKR joined`, `UZB left`, `ARM joined CSTO`, or
    /// `tie ARM–AZE none → -1.00 (first evidence [locator])`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Joined { unit } => write!(f, "{unit} joined"),
            Cause::Left { unit } => write!(f, "{unit} left"),
            Cause::Tie {
                a,
                b,
                before,
                after,
                evidence,
            } => {
                let show = |x: &Option<f64>| x.map_or_else(|| "none".to_owned(), |v| signed(v, 2));
                write!(f, "tie {a}–{b} {} → {}", show(before), show(after))?;
                if let Some(e) = evidence.first() {
                    write!(f, " ({e})")?;
                }
                Ok(())
            }
            Cause::Membership {
                organisation,
                unit,
                began,
            } => write!(
                f,
                "{unit} {} {organisation}",
                if *began { "joined" } else { "left" }
            ),
        }
    }
}

impl Display for Event {
    /// The head line `1991→1992 complex around TUR: external transformation (…)`, then one
    /// line per change (`    change: …`) and per cause (`    cause: …`).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}→{} {}: {}",
            self.from, self.to, self.complex, self.transformation
        )?;
        for c in &self.changes {
            write!(f, "\n    change: {c}")?;
        }
        for c in &self.causes {
            write!(f, "\n    cause: {c}")?;
        }
        Ok(())
    }
}

impl Display for ComplexState {
    /// `complex around RUS: RUS, BLR, ARM; centred on the great power RUS, security regime
    /// (enmity 9 %)` — the members, the type, the character and the enmity share.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}; {}",
            self.name,
            self.members.join(", "),
            self.complex_type
        )?;
        if let Some(c) = self.character {
            write!(f, ", {c}")?;
        }
        if let Some(e) = self.enmity_share {
            write!(f, " (enmity {})", percent(e, 0))?;
        }
        Ok(())
    }
}

impl Display for YearState {
    /// The year and one line per complex.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} complex{}",
            self.year,
            self.complexes.len(),
            if self.complexes.len() == 1 { "" } else { "es" }
        )?;
        for c in &self.complexes {
            write!(f, "\n  {c}")?;
        }
        Ok(())
    }
}

impl Display for MembershipSpan {
    /// `ARM in CSTO 2002–2013 (member)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} in {} {} ({})",
            self.unit, self.organisation, self.period, self.role
        )
    }
}
