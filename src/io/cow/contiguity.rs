//! COW Direct Contiguity 3.2, dyad-year (`contdird.csv`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::dyad::DyadYears;
use super::states::StateSystem;
use super::table::for_each_row;
use serde::Serialize;
use std::path::Path;

/// The COW direct-contiguity type, from closest (land) to farthest (400 miles of water).
/// Ordered: `Land < Water12 < … < Water400`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContiguityType {
    /// 1: a land or river border.
    Land,
    /// 2: separated by 12 miles of water or less.
    Water12,
    /// 3: separated by 24 miles of water or less.
    Water24,
    /// 4: separated by 150 miles of water or less.
    Water150,
    /// 5: separated by 400 miles of water or less.
    Water400,
}

impl ContiguityType {
    /// All types, closest first.
    pub const ALL: [ContiguityType; 5] = [
        ContiguityType::Land,
        ContiguityType::Water12,
        ContiguityType::Water24,
        ContiguityType::Water150,
        ContiguityType::Water400,
    ];

    /// The type of a `conttype` code 1–5.
    #[must_use]
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }

    /// The `conttype` code, 1–5.
    #[must_use]
    pub fn code(self) -> u8 {
        self as u8 + 1
    }
}

/// Contiguity by dyad-year; the closest type where the file lists a dyad-year twice.
pub type ContiguityYears = DyadYears<ContiguityType>;

/// Reads COW Direct Contiguity dyad-years (`contdird.csv`, plain or gzip) by column name:
/// `state1no, state2no, year, conttype` (1 = land … 5 = 400 miles of water). Both orders of
/// a dyad fold into one undirected record; where they disagree the closer type is kept.
/// Contiguity is proximity — security interdependence — never a sign. When `states` is
/// given, every code must be in it.
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`], [`ReadError::UnknownCcode`], [`ReadError::BadNumber`],
/// [`ReadError::OutOfRange`] (a type outside 1–5).
///
/// # Example
/// ```no_run
/// use rsct::io::cow::{read_contiguity, ContiguityType};
/// let c = read_contiguity("cow/contdird.csv", None)?;
/// assert_eq!(c.get(2000, 365, 370), Some(ContiguityType::Land));
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_contiguity(
    path: impl AsRef<Path>,
    states: Option<&StateSystem>,
) -> Result<ContiguityYears, ReadError> {
    let path = path.as_ref();
    parse_contiguity(path, &read_bytes(path)?, states)
}

pub(crate) fn parse_contiguity(
    path: &Path,
    bytes: &[u8],
    states: Option<&StateSystem>,
) -> Result<ContiguityYears, ReadError> {
    const COLS: [&str; 4] = ["state1no", "state2no", "year", "conttype"];
    let mut rows = Vec::new();
    for_each_row(path, bytes, &COLS, &[], |r| {
        let a = r.known_code(0, states)?;
        let b = r.known_code(1, states)?;
        let year = r.year(2)?;
        let t = r.int_in(3, 1, 5, "a contiguity type 1–5")? as u8;
        let t = ContiguityType::from_code(t).unwrap_or(ContiguityType::Water400);
        rows.push((year, a, b, t));
        Ok(())
    })?;
    Ok(DyadYears::fold(rows, std::cmp::min))
}
