//! Militarized Interstate Disputes by dyad-year: MID 5.0 (`mid5_dyadic_disputes.csv`) and
//! Dyadic MID 4.02 (`dyadic_mid_4.02.csv`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::dyad::DyadYears;
use super::states::StateSystem;
use super::table::for_each_row;
use serde::Serialize;
use std::path::Path;

/// The most hostile dispute of a dyad-year: its hostility level and dispute number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Dispute {
    hostility: u8,
    dispute: u32,
}

impl Dispute {
    /// The hostility level, 1 (no militarized action) … 5 (war).
    #[must_use]
    pub fn hostility(self) -> u8 {
        self.hostility
    }
    /// The MID dispute number (`dispnum` / `disno`).
    #[must_use]
    pub fn dispute(self) -> u32 {
        self.dispute
    }

    /// The higher hostility; on a tie, the lower dispute number (deterministic).
    fn most_hostile(self, other: Self) -> Self {
        if (other.hostility, std::cmp::Reverse(other.dispute))
            > (self.hostility, std::cmp::Reverse(self.dispute))
        {
            other
        } else {
            self
        }
    }
}

/// Disputes by dyad-year: for every dyad-year, its most hostile dispute (highest
/// hostility; the lowest dispute number on a tie), whichever direction the rows give.
pub type DisputeYears = DyadYears<Dispute>;

/// Reads MID 5.0 dyadic dispute-years (`mid5_dyadic_disputes.csv`, plain or gzip) by
/// column name: `dispnum, ccode1, ccode2, year, hostlev` (the dyad's hostility level, 1–5).
/// Rows of one dyad-year (its two directions, several disputes) fold into one record, the
/// most hostile. When `states` is given, every code must be in it. Cite Palmer et al. 2022
/// (see [`super::sources::MID5`]).
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`], [`ReadError::UnknownCcode`], [`ReadError::BadNumber`],
/// [`ReadError::OutOfRange`] (a hostility level outside 1–5).
///
/// # Example
/// ```no_run
/// let mid = rsct::io::cow::read_mid5("cow/mid5_dyadic_disputes.csv", None)?;
/// assert!(mid.get(1993, 373, 371).is_some_and(|d| d.hostility() >= 4));
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_mid5(
    path: impl AsRef<Path>,
    states: Option<&StateSystem>,
) -> Result<DisputeYears, ReadError> {
    let path = path.as_ref();
    parse_mid(path, &read_bytes(path)?, states, &MID5_COLS)
}

/// Reads Dyadic MID 4.02 (`dyadic_mid_4.02.csv`, plain or gzip) by column name:
/// `disno, statea, stateb, year, hihost` (the dyad's highest hostility level, 1–5). As
/// [`read_mid5`] otherwise. Cite Maoz et al. 2019 (see [`super::sources::MID4`]).
///
/// # Errors
/// As [`read_mid5`].
pub fn read_mid4(
    path: impl AsRef<Path>,
    states: Option<&StateSystem>,
) -> Result<DisputeYears, ReadError> {
    let path = path.as_ref();
    parse_mid(path, &read_bytes(path)?, states, &MID4_COLS)
}

pub(crate) const MID5_COLS: [&str; 5] = ["dispnum", "ccode1", "ccode2", "year", "hostlev"];
pub(crate) const MID4_COLS: [&str; 5] = ["disno", "statea", "stateb", "year", "hihost"];

pub(crate) fn parse_mid(
    path: &Path,
    bytes: &[u8],
    states: Option<&StateSystem>,
    cols: &[&'static str; 5],
) -> Result<DisputeYears, ReadError> {
    let mut rows = Vec::new();
    for_each_row(path, bytes, cols, &[], |r| {
        let dispute = r.int_in(0, 0, i64::from(u32::MAX), "a dispute number ≥ 0")? as u32;
        let a = r.known_code(1, states)?;
        let b = r.known_code(2, states)?;
        let year = r.year(3)?;
        let hostility = r.int_in(4, 1, 5, "a hostility level 1–5")? as u8;
        rows.push((year, a, b, Dispute { hostility, dispute }));
        Ok(())
    })?;
    Ok(DyadYears::fold(rows, Dispute::most_hostile))
}
