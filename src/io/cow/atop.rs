//! ATOP 5.1 alliances, directed dyad-year (`atop5.1_directed_dyad_year.csv.gz`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::dyad::DyadYears;
use super::states::StateSystem;
use super::table::for_each_row;
use serde::Serialize;
use std::fmt;
use std::path::Path;

/// An ATOP alliance obligation (Leeds et al. 2002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// Defensive obligation (`atop_defense`).
    Defense,
    /// Offensive obligation (`atop_offense`).
    Offense,
    /// Neutrality pledge (`atop_neutral`).
    Neutrality,
    /// Non-aggression pact (`atop_nonagg`).
    NonAggression,
    /// Consultation pact (`atop_consul`).
    Consultation,
}

impl Obligation {
    /// All obligations, in column order.
    pub const ALL: [Obligation; 5] = [
        Obligation::Defense,
        Obligation::Offense,
        Obligation::Neutrality,
        Obligation::NonAggression,
        Obligation::Consultation,
    ];

    /// The ATOP column.
    #[must_use]
    pub fn column(self) -> &'static str {
        match self {
            Obligation::Defense => "atop_defense",
            Obligation::Offense => "atop_offense",
            Obligation::Neutrality => "atop_neutral",
            Obligation::NonAggression => "atop_nonagg",
            Obligation::Consultation => "atop_consul",
        }
    }

    /// A short name (`defense`, `offense`, `neutrality`, `nonaggression`, `consultation`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Defense => "defense",
            Obligation::Offense => "offense",
            Obligation::Neutrality => "neutrality",
            Obligation::NonAggression => "nonaggression",
            Obligation::Consultation => "consultation",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Obligation`]s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Obligations(u8);

impl Obligations {
    /// No obligation.
    pub const NONE: Obligations = Obligations(0);
    /// Every obligation.
    pub const ALL: Obligations = Obligations(0b1_1111);

    /// The set holding `o` besides these.
    #[must_use]
    pub fn with(self, o: Obligation) -> Self {
        Self(self.0 | o.bit())
    }
    /// Whether `o` is in the set.
    #[must_use]
    pub fn contains(self, o: Obligation) -> bool {
        self.0 & o.bit() != 0
    }
    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The union.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
    /// The intersection.
    #[must_use]
    pub fn intersection(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }
    /// The obligations in the set, in column order.
    pub fn iter(self) -> impl Iterator<Item = Obligation> {
        Obligation::ALL
            .into_iter()
            .filter(move |o| self.contains(*o))
    }
}

impl FromIterator<Obligation> for Obligations {
    fn from_iter<I: IntoIterator<Item = Obligation>>(iter: I) -> Self {
        iter.into_iter().fold(Self::NONE, Self::with)
    }
}

impl fmt::Display for Obligations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for o in self.iter() {
            if !first {
                f.write_str("+")?;
            }
            first = false;
            f.write_str(o.as_str())?;
        }
        Ok(())
    }
}

/// Alliance obligations by dyad-year: the union of both directions' obligations. Dyad-years
/// whose rows carry no obligation are kept, with an empty set.
pub type AllianceYears = DyadYears<Obligations>;

/// Reads ATOP 5.1 directed dyad-years (`atop5.1_directed_dyad_year.csv.gz`, plain or gzip)
/// by column name: `ccode1, ccode2, year`, and the obligation columns `atop_defense,
/// atop_offense, atop_neutral, atop_nonagg, atop_consul` (0/1; a non-zero value is the
/// obligation). Both directions of a dyad fold into one record holding the union of their
/// obligations. When `states` is given, every code must be in it.
///
/// ATOP is the crate's alliance source; COW alliance data is never shipped (its maintainer
/// asked that software not redistribute it). Cite Leeds et al. 2002 (see
/// [`super::sources::ATOP`]).
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`], [`ReadError::UnknownCcode`], [`ReadError::BadNumber`].
///
/// # Example
/// ```no_run
/// use rsct::io::cow::{read_atop, Obligation};
/// let atop = read_atop("cow/atop5.1_directed_dyad_year.csv.gz", None)?;
/// assert!(atop.get(1950, 2, 20).is_some_and(|o| o.contains(Obligation::Defense)));
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_atop(
    path: impl AsRef<Path>,
    states: Option<&StateSystem>,
) -> Result<AllianceYears, ReadError> {
    let path = path.as_ref();
    parse_atop(path, &read_bytes(path)?, states)
}

pub(crate) fn parse_atop(
    path: &Path,
    bytes: &[u8],
    states: Option<&StateSystem>,
) -> Result<AllianceYears, ReadError> {
    const COLS: [&str; 8] = [
        "ccode1",
        "ccode2",
        "year",
        "atop_defense",
        "atop_offense",
        "atop_neutral",
        "atop_nonagg",
        "atop_consul",
    ];
    let mut rows = Vec::with_capacity(bytes.len() / 24);
    for_each_row(path, bytes, &COLS, &[], |r| {
        let a = r.known_code(0, states)?;
        let b = r.known_code(1, states)?;
        let year = r.year(2)?;
        let mut ob = Obligations::NONE;
        for (i, o) in Obligation::ALL.into_iter().enumerate() {
            if r.opt_int(3 + i)?.is_some_and(|v| v != 0) {
                ob = ob.with(o);
            }
        }
        rows.push((year, a, b, ob));
        Ok(())
    })?;
    Ok(DyadYears::fold(rows, Obligations::union))
}
