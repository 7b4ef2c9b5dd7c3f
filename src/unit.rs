//! Units of analysis: states, sub-state units and institutional actors.

use crate::id::{IdError, check_id};
use crate::period::Period;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of actor a unit is (theory [§1](crate::guide::theory#1-units-relations-and-levels)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// A sovereign state.
    State,
    /// A sub-state unit that acts in security, such as a secessionist entity
    /// (Nagorno-Karabakh, Abkhazia, South Ossetia, Transnistria).
    SubState,
    /// An institutional actor treated as a unit, such as the EU.
    Institution,
}

impl UnitKind {
    /// All kinds, in their canonical order.
    pub const ALL: [UnitKind; 3] = [UnitKind::State, UnitKind::SubState, UnitKind::Institution];

    /// The name used in data files (`state`, `sub_state`, `institution`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::State => "state",
            UnitKind::SubState => "sub_state",
            UnitKind::Institution => "institution",
        }
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Errors from constructing a [`Unit`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UnitError {
    /// The identifier is not valid.
    #[error("unit identifier: {0}")]
    Id(#[from] IdError),
    /// The name is empty or only white space.
    #[error("unit {id} has an empty name")]
    EmptyName {
        /// The unit's identifier.
        id: String,
    },
    /// The ISO code is not three ASCII capital letters.
    #[error("unit {id} has ISO code {iso:?}; expected three ASCII capital letters")]
    BadIso {
        /// The unit's identifier.
        id: String,
        /// The code given.
        iso: String,
    },
    /// A COW country code must be positive.
    #[error("unit {id} has COW code {cow}; COW codes are positive")]
    BadCow {
        /// The unit's identifier.
        id: String,
        /// The code given.
        cow: i64,
    },
}

/// A unit of a security complex: a state, a sub-state unit or an institution.
///
/// A unit may carry the period in which it exists (e.g. Armenia from 1991); a unit without one
/// exists in every year. Snapshots contain exactly the units that exist in their year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    id: String,
    name: String,
    kind: UnitKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    cow: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
}

impl Unit {
    /// A unit with the given identifier, name and kind.
    ///
    /// # Errors
    /// [`UnitError`] when the identifier is invalid or the name empty.
    ///
    /// ```
    /// use rsct::{Unit, UnitKind};
    /// let rus = Unit::new("RUS", "Russia", UnitKind::State)?.with_cow(365)?.with_iso("RUS")?;
    /// assert_eq!(rus.cow(), Some(365));
    /// # Ok::<(), rsct::UnitError>(())
    /// ```
    pub fn new(id: &str, name: &str, kind: UnitKind) -> Result<Self, UnitError> {
        check_id(id)?;
        if name.trim().is_empty() {
            return Err(UnitError::EmptyName { id: id.to_owned() });
        }
        Ok(Self {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            cow: None,
            iso: None,
            period: None,
        })
    }

    /// A state (shorthand for [`Unit::new`] with [`UnitKind::State`]).
    ///
    /// # Errors
    /// As [`Unit::new`].
    pub fn state(id: &str, name: &str) -> Result<Self, UnitError> {
        Self::new(id, name, UnitKind::State)
    }

    pub(crate) fn new_unchecked(
        id: &str,
        name: &str,
        kind: UnitKind,
        cow: Option<u32>,
        iso: Option<String>,
        period: Option<Period>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            cow,
            iso,
            period,
        }
    }

    /// Sets the Correlates-of-War country code.
    ///
    /// # Errors
    /// [`UnitError::BadCow`] when the code is not positive.
    pub fn with_cow(mut self, cow: i64) -> Result<Self, UnitError> {
        match u32::try_from(cow) {
            Ok(c) if c > 0 => {
                self.cow = Some(c);
                Ok(self)
            }
            _ => Err(UnitError::BadCow { id: self.id, cow }),
        }
    }

    /// Sets the ISO 3166 alpha-3 code.
    ///
    /// # Errors
    /// [`UnitError::BadIso`] when the code is not three ASCII capital letters.
    pub fn with_iso(mut self, iso: &str) -> Result<Self, UnitError> {
        if is_iso3(iso) {
            self.iso = Some(iso.to_owned());
            Ok(self)
        } else {
            Err(UnitError::BadIso {
                id: self.id,
                iso: iso.to_owned(),
            })
        }
    }

    /// Sets the period in which the unit exists.
    #[must_use]
    pub fn with_period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    crate::internal::getters! {
        /// The unit's identifier.
        id: &str;
        /// The unit's name.
        name: &str;
        /// The unit's kind.
        kind: UnitKind;
        /// The Correlates-of-War country code, if known.
        cow: Option<u32>;
    }
    /// The ISO 3166 alpha-3 code, if known.
    #[must_use]
    pub fn iso(&self) -> Option<&str> {
        self.iso.as_deref()
    }
    /// The period in which the unit exists; `None` means every year.
    #[must_use]
    pub fn period(&self) -> Option<Period> {
        self.period
    }
    /// Whether the unit exists in `year`.
    #[must_use]
    pub fn exists_in(&self, year: crate::period::Year) -> bool {
        self.period.is_none_or(|p| p.contains(year))
    }
}

/// Whether `s` has the form of an ISO 3166 alpha-3 code: three ASCII capital letters.
pub(crate) fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}
