//! COW State System Membership (`states2016.csv`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::Ccode;
use super::table::{KnownCodes, for_each_row};
use crate::internal::hash::FxHashMap;
use crate::period::{Period, Year};
use crate::unit::{Unit, UnitError, UnitKind};
use serde::Serialize;
use std::path::Path;

/// A calendar date as the COW files give it (year, month, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// The year.
    pub year: Year,
    /// The month, 1–12.
    pub month: u8,
    /// The day, 1–31.
    pub day: u8,
}

/// One spell of a state's membership in the interstate system. A state may have several
/// (Germany: 1816–1945 and 1990–2016).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateSpell {
    ccode: Ccode,
    abbreviation: String,
    name: String,
    start: Date,
    end: Date,
}

impl StateSpell {
    /// The COW country code.
    #[must_use]
    pub fn ccode(&self) -> Ccode {
        self.ccode
    }
    /// The COW abbreviation (`RUS`, `ARM` …).
    #[must_use]
    pub fn abbreviation(&self) -> &str {
        &self.abbreviation
    }
    /// The state's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The first day of the spell.
    #[must_use]
    pub fn start(&self) -> Date {
        self.start
    }
    /// The last day of the spell.
    #[must_use]
    pub fn end(&self) -> Date {
        self.end
    }
    /// The years the spell touches, both ends inclusive: a state is a member in every year
    /// in which it was a member on at least one day (the COW system-year convention).
    #[must_use]
    pub fn period(&self) -> Period {
        Period::new_unchecked(self.start.year, Some(self.end.year))
    }
}

/// The COW state system: every membership spell, with look-ups by code and abbreviation.
///
/// Source: COW Project 2016, *State System Membership List, v2016* (see
/// [`super::sources::STATES`]).
#[derive(Debug, Clone, Default)]
pub struct StateSystem {
    spells: Vec<StateSpell>,
    by_code: FxHashMap<Ccode, Vec<usize>>,
    by_abb: FxHashMap<String, Ccode>,
}

impl KnownCodes for StateSystem {
    fn knows(&self, code: Ccode) -> bool {
        self.contains(code)
    }
}

impl StateSystem {
    fn from_spells(mut spells: Vec<StateSpell>) -> Self {
        spells.sort_by_key(|s| (s.ccode, s.start));
        let mut by_code: FxHashMap<Ccode, Vec<usize>> = FxHashMap::default();
        let mut by_abb = FxHashMap::default();
        for (i, s) in spells.iter().enumerate() {
            by_code.entry(s.ccode).or_default().push(i);
            by_abb.entry(s.abbreviation.clone()).or_insert(s.ccode);
        }
        Self {
            spells,
            by_code,
            by_abb,
        }
    }

    /// Every spell, sorted by code and start date.
    #[must_use]
    pub fn spells(&self) -> &[StateSpell] {
        &self.spells
    }

    /// The spells of one state.
    pub fn spells_of(&self, ccode: Ccode) -> impl Iterator<Item = &StateSpell> + '_ {
        self.by_code
            .get(&ccode)
            .into_iter()
            .flatten()
            .map(|&i| &self.spells[i])
    }

    /// The number of distinct states.
    #[must_use]
    pub fn state_count(&self) -> usize {
        self.by_code.len()
    }

    /// Whether the code is in the list (in any year).
    #[must_use]
    pub fn contains(&self, ccode: Ccode) -> bool {
        self.by_code.contains_key(&ccode)
    }

    /// The COW abbreviation of a code.
    #[must_use]
    pub fn abbreviation(&self, ccode: Ccode) -> Option<&str> {
        self.spells_of(ccode).next().map(StateSpell::abbreviation)
    }

    /// The name of a code.
    #[must_use]
    pub fn name(&self, ccode: Ccode) -> Option<&str> {
        self.spells_of(ccode).next().map(StateSpell::name)
    }

    /// The code of an abbreviation.
    #[must_use]
    pub fn ccode(&self, abbreviation: &str) -> Option<Ccode> {
        self.by_abb.get(abbreviation).copied()
    }

    /// Whether the state is a system member in `year` (on at least one day of it).
    #[must_use]
    pub fn is_member(&self, ccode: Ccode, year: Year) -> bool {
        self.spells_of(ccode).any(|s| s.period().contains(year))
    }

    /// The codes of the members in `year`, ascending.
    #[must_use]
    pub fn members(&self, year: Year) -> Vec<Ccode> {
        let mut v: Vec<Ccode> = self
            .spells
            .iter()
            .filter(|s| s.period().contains(year))
            .map(StateSpell::ccode)
            .collect();
        v.dedup();
        v
    }

    /// The first year of the first spell of a state.
    #[must_use]
    pub fn first_year(&self, ccode: Ccode) -> Option<Year> {
        self.spells_of(ccode).map(|s| s.start.year).min()
    }

    /// Every state as a [`Unit`] with its abbreviation as identifier, its name, its COW
    /// code, and the period from the start of its first spell to the end of its last.
    /// A [`Unit`] has one period, so a state with a gap (Germany 1945–1990) spans the gap;
    /// use [`StateSystem::is_member`] for the exact years.
    ///
    /// # Errors
    /// [`UnitError`] when an abbreviation is not a valid identifier.
    pub fn units(&self) -> Result<Vec<Unit>, UnitError> {
        let mut codes: Vec<Ccode> = self.by_code.keys().copied().collect();
        codes.sort_unstable();
        codes
            .into_iter()
            .filter_map(|c| {
                let first = self.spells_of(c).next()?;
                let from = self.spells_of(c).map(|s| s.start.year).min()?;
                let to = self.spells_of(c).map(|s| s.end.year).max()?;
                Some(
                    Unit::new(first.abbreviation(), first.name(), UnitKind::State)
                        .and_then(|u| u.with_cow(i64::from(c)))
                        .map(|u| u.with_period(Period::new_unchecked(from, Some(to)))),
                )
            })
            .collect()
    }
}

/// Reads COW State System Membership (`states2016.csv`, plain or gzip) by column name:
/// `stateabb, ccode, statenme, styear, stmonth, stday, endyear, endmonth, endday`.
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`] (a non-numeric `ccode`), [`ReadError::BadNumber`],
/// [`ReadError::OutOfRange`] (a month or day out of range, an end before the start),
/// [`ReadError::Format`] (one code under two abbreviations).
///
/// # Example
/// ```no_run
/// let states = rsct::io::cow::read_states("cow/states2016.csv")?;
/// assert_eq!(states.abbreviation(365), Some("RUS"));
/// assert!(states.is_member(371, 1991));
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_states(path: impl AsRef<Path>) -> Result<StateSystem, ReadError> {
    let path = path.as_ref();
    parse_states(path, &read_bytes(path)?)
}

pub(crate) fn parse_states(path: &Path, bytes: &[u8]) -> Result<StateSystem, ReadError> {
    const COLS: [&str; 9] = [
        "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth",
        "endday",
    ];
    let mut spells = Vec::new();
    let mut abbs: FxHashMap<Ccode, String> = FxHashMap::default();
    for_each_row(path, bytes, &COLS, &[], |r| {
        let ccode = r.code(1)?;
        let abbreviation = r.field(0)?.to_owned();
        if abbreviation.is_empty() {
            return Err(ReadError::MissingField {
                file: path.to_path_buf(),
                line: r.line(),
                field: r.name(0).to_owned(),
            });
        }
        match abbs.get(&ccode) {
            Some(a) if *a != abbreviation => {
                return Err(ReadError::Format {
                    file: path.to_path_buf(),
                    line: r.line(),
                    message: format!("ccode {ccode} is {a} earlier and {abbreviation} here"),
                });
            }
            Some(_) => {}
            None => {
                abbs.insert(ccode, abbreviation.clone());
            }
        }
        let date = |y, m, d| -> Result<Date, ReadError> {
            Ok(Date {
                year: r.year(y)?,
                month: r.int_in(m, 1, 12, "a month 1–12")? as u8,
                day: r.int_in(d, 1, 31, "a day 1–31")? as u8,
            })
        };
        let start = date(3, 4, 5)?;
        let end = date(6, 7, 8)?;
        if end < start {
            return Err(ReadError::OutOfRange {
                file: path.to_path_buf(),
                line: r.line(),
                column: r.name(6).to_owned(),
                value: end.year.to_string(),
                expected: "an end on or after the start",
            });
        }
        spells.push(StateSpell {
            ccode,
            abbreviation,
            name: r.field(2)?.to_owned(),
            start,
            end,
        });
        Ok(())
    })?;
    Ok(StateSystem::from_spells(spells))
}
