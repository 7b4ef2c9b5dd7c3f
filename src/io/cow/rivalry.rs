//! Strategic rivalries of Thompson, Sakuwa & Suhas (`strategic_rivalries_tss.csv`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::Ccode;
use super::states::StateSystem;
use super::table::for_each_row;
use crate::period::{Period, Year};
use serde::Serialize;
use std::path::Path;

/// One strategic rivalry: a dyad and the years it lasts (both ends inclusive), with the
/// rivalry's kinds as the data set codes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rivalry {
    id: u32,
    name: String,
    a: Ccode,
    b: Ccode,
    period: Period,
    positional: bool,
    spatial: bool,
    ideological: bool,
    interventionary: bool,
}

impl Rivalry {
    crate::internal::getters! {
        /// The rivalry's number (`tssr_id`).
        id: u32;
        /// Its name (`Armenia-Azerbaijan`).
        name: &str;
        /// The smaller country code.
        a: Ccode;
        /// The larger country code.
        b: Ccode;
        /// The years it lasts (`start`–`end`, both inclusive; the data set's last year, 2020,
        /// marks a rivalry ongoing at its close).
        period: Period;
    }
    /// Whether it is active in `year`.
    #[must_use]
    pub fn active_in(&self, year: Year) -> bool {
        self.period.contains(year)
    }
    crate::internal::getters! {
        /// A positional rivalry (over relative power / status).
        positional: bool;
        /// A spatial rivalry (over territory).
        spatial: bool;
        /// An ideological rivalry.
        ideological: bool;
        /// An interventionary rivalry.
        interventionary: bool;
    }
}

/// Reads strategic rivalries (`strategic_rivalries_tss.csv`, plain or gzip) by column name:
/// `tssr_id, rivalry, ccode1, ccode2, start, end`, and optionally `positional, spatial,
/// ideological, interventionary` (1 or empty). The dyad is stored with `a < b`. When `states`
/// is given, every code must be in it. Cite Thompson, Sakuwa & Suhas 2021 (see
/// [`super::sources::RIVALRIES`]).
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`], [`ReadError::UnknownCcode`], [`ReadError::BadNumber`],
/// [`ReadError::OutOfRange`] (an end before the start, or a rivalry of a state with itself).
///
/// # Example
/// ```no_run
/// let r = rsct::io::cow::read_rivalries("cow/strategic_rivalries_tss.csv", None)?;
/// assert!(r.iter().any(|r| r.a() == 371 && r.b() == 373 && r.active_in(1993)));
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_rivalries(
    path: impl AsRef<Path>,
    states: Option<&StateSystem>,
) -> Result<Vec<Rivalry>, ReadError> {
    let path = path.as_ref();
    parse_rivalries(path, &read_bytes(path)?, states)
}

pub(crate) fn parse_rivalries(
    path: &Path,
    bytes: &[u8],
    states: Option<&StateSystem>,
) -> Result<Vec<Rivalry>, ReadError> {
    const COLS: [&str; 6] = ["tssr_id", "rivalry", "ccode1", "ccode2", "start", "end"];
    const OPT: [&str; 4] = ["positional", "spatial", "ideological", "interventionary"];
    let mut out = Vec::new();
    for_each_row(path, bytes, &COLS, &OPT, |r| {
        let id = r.int_in(0, 0, i64::from(u32::MAX), "a rivalry number ≥ 0")? as u32;
        let x = r.known_code(2, states)?;
        let y = r.known_code(3, states)?;
        let bad = |k: usize, value: String, expected| ReadError::OutOfRange {
            file: path.to_path_buf(),
            line: r.line(),
            column: r.name(k).to_owned(),
            value,
            expected,
        };
        if x == y {
            return Err(bad(3, y.to_string(), "a code other than ccode1"));
        }
        let (start, end) = (r.year(4)?, r.year(5)?);
        if end < start {
            return Err(bad(5, end.to_string(), "an end year on or after the start"));
        }
        let flag = |k| -> Result<bool, ReadError> { Ok(r.opt_int(k)?.is_some_and(|v| v != 0)) };
        out.push(Rivalry {
            id,
            name: r.field(1)?.to_owned(),
            a: x.min(y),
            b: x.max(y),
            period: Period::new_unchecked(start, Some(end)),
            positional: flag(6)?,
            spatial: flag(7)?,
            ideological: flag(8)?,
            interventionary: flag(9)?,
        });
        Ok(())
    })?;
    Ok(out)
}
