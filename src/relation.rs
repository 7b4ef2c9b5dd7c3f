//! Relations: dated, sector-specific amity or enmity between two units, with evidence.

use crate::evidence::Evidence;
use crate::period::Period;
use crate::sector::{Sector, SectorSet};
use crate::sign::Sign;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// How a relation is conducted: bilaterally, or through a named organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// Directly between the two units.
    Bilateral,
    /// Through the organisation with this identifier.
    Organisation(String),
}

impl Instrument {
    /// The organisation identifier, when the instrument is multilateral.
    #[must_use]
    pub fn organisation(&self) -> Option<&str> {
        match self {
            Instrument::Bilateral => None,
            Instrument::Organisation(o) => Some(o),
        }
    }
}

impl fmt::Display for Instrument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Instrument::Bilateral => f.write_str("bilateral"),
            Instrument::Organisation(o) => write!(f, "via {o}"),
        }
    }
}

/// Errors from building a [`Relation`]; each names the relation's units.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RelationError {
    /// A unit related to itself.
    #[error("relation {a}–{b}: a unit cannot be related to itself")]
    SelfRelation {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// The intensity is NaN, infinite, ≤ 0 or > 1.
    #[error("relation {a}–{b}: intensity {value} is outside (0, 1]")]
    IntensityOutOfRange {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
        /// The intensity given.
        value: f64,
    },
    /// No intensity was given (the data-set file format requires one too).
    #[error("relation {a}–{b}: no intensity given; set one in (0, 1]")]
    NoIntensity {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// No sector was given.
    #[error(
        "relation {a}–{b}: no sector given; name at least one of military, political, economic, societal, environmental"
    )]
    NoSector {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// No evidence was given.
    #[error("relation {a}–{b}: no evidence given; every relation cites at least one source")]
    NoEvidence {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// An identifier (of the relation, a unit or the instrument's organisation) is invalid.
    #[error("relation {a}–{b}: {source}")]
    Id {
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
        /// The identifier problem.
        source: crate::id::IdError,
    },
}

/// A relation between two units: amity or enmity of an intensity in `(0, 1]`, in one or more
/// sectors, over a period, through an instrument, with evidence.
///
/// Relations are undirected: `a` and `b` are stored as given, but every analysis treats the
/// pair as unordered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    a: String,
    b: String,
    sign: Sign,
    intensity: f64,
    sectors: SectorSet,
    period: Period,
    instrument: Instrument,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    contested: bool,
    evidence: Arc<[Evidence]>,
}

impl Relation {
    /// Starts a relation between `a` and `b` with `sign`, valid over `period`. The
    /// instrument defaults to bilateral; an intensity, at least one sector and one piece of
    /// evidence must be given before [`RelationBuilder::build`] (as the data-set file format
    /// requires them: no intensity is assumed).
    ///
    /// ```
    /// use rsct::RelationError;
    /// use rsct::{Evidence, Period, Relation, Sector, Sign};
    /// let base = || Relation::builder("RUS", "ARM", Sign::Amity, Period::from_year(1995))
    ///     .sector(Sector::Military)
    ///     .evidence(Evidence::cited("military base in Gyumri", "§2.3, fn 89").unwrap());
    /// let r = base().intensity(0.8).build()?;
    /// assert_eq!(r.intensity(), 0.8);
    /// assert!(matches!(base().build(), Err(RelationError::NoIntensity { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(a: &str, b: &str, sign: Sign, period: Period) -> RelationBuilder {
        RelationBuilder {
            id: None,
            a: a.to_owned(),
            b: b.to_owned(),
            sign,
            intensity: None,
            sectors: SectorSet::empty(),
            period,
            instrument: Instrument::Bilateral,
            contested: false,
            evidence: Vec::new(),
        }
    }

    /// The relation's identifier, if it has one.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    crate::internal::getters! {
        /// The first unit.
        a: &str;
        /// The second unit.
        b: &str;
    }
    crate::internal::sign_intensity!();
    crate::internal::getters! {
        /// The sectors the relation belongs to (never empty).
        sectors: SectorSet;
        /// The period of validity.
        period: Period;
        /// Bilateral, or through an organisation.
        instrument: &Instrument;
    }
    /// Whether the relation is explicitly marked as contested (allowed to coexist with a
    /// relation of the opposite sign on the same pair, sector and years).
    #[must_use]
    pub fn is_contested(&self) -> bool {
        self.contested
    }
    /// The citations (never empty).
    #[must_use]
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }
    pub(crate) fn evidence_arc(&self) -> &Arc<[Evidence]> {
        &self.evidence
    }
    /// The unordered pair, smaller identifier first.
    #[must_use]
    pub fn pair(&self) -> (&str, &str) {
        crate::internal::ordered_pair(&self.a, &self.b)
    }
    /// A short human-readable label: `id (A–B)` or `A–B`.
    #[must_use]
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("{id} ({}–{})", self.a, self.b),
            None => format!("{}–{}", self.a, self.b),
        }
    }
}

/// Builder for [`Relation`]; see [`Relation::builder`].
#[derive(Debug, Clone)]
#[must_use]
pub struct RelationBuilder {
    id: Option<String>,
    a: String,
    b: String,
    sign: Sign,
    intensity: Option<f64>,
    sectors: SectorSet,
    period: Period,
    instrument: Instrument,
    contested: bool,
    evidence: Vec<Evidence>,
}

impl RelationBuilder {
    crate::internal::setters! {
        /// Gives the relation an identifier.
        id(id: &str) => Some(id.to_owned());
        /// Sets the intensity, in `(0, 1]` (required; checked by [`RelationBuilder::build`]).
        intensity(intensity: f64) => Some(intensity);
    }
    /// Adds a sector.
    pub fn sector(mut self, sector: Sector) -> Self {
        self.sectors = self.sectors.with(sector);
        self
    }
    /// Adds several sectors.
    pub fn sectors(mut self, sectors: SectorSet) -> Self {
        self.sectors = SectorSet::from_iter(self.sectors.iter().chain(sectors.iter()));
        self
    }
    /// Conducts the relation through the organisation `org`.
    pub fn via(mut self, org: &str) -> Self {
        self.instrument = Instrument::Organisation(org.to_owned());
        self
    }
    crate::internal::setters! {
        /// Sets the instrument.
        instrument(instrument: Instrument);
        /// Marks the relation as contested.
        contested(contested: bool);
    }
    /// Adds a citation.
    pub fn evidence(mut self, evidence: Evidence) -> Self {
        self.evidence.push(evidence);
        self
    }

    /// Every problem of the relation on its own (no cross-checks with other items).
    pub(crate) fn problems(&self) -> Vec<RelationError> {
        // The pair's names, copied only into an error found.
        let (a, b) = (|| self.a.clone(), || self.b.clone());
        let mut out = Vec::new();
        let ids = [
            Some(self.a.as_str()),
            Some(self.b.as_str()),
            self.id.as_deref(),
            self.instrument.organisation(),
        ];
        for id in ids.into_iter().flatten() {
            if let Err(source) = crate::id::check_id(id) {
                out.push(RelationError::Id {
                    a: a(),
                    b: b(),
                    source,
                });
            }
        }
        if self.a == self.b {
            out.push(RelationError::SelfRelation { a: a(), b: b() });
        }
        match self.intensity {
            None => out.push(RelationError::NoIntensity { a: a(), b: b() }),
            Some(v) if !(v.is_finite() && v > 0.0 && v <= 1.0) => {
                out.push(RelationError::IntensityOutOfRange {
                    a: a(),
                    b: b(),
                    value: v,
                });
            }
            Some(_) => {}
        }
        if self.sectors.is_empty() {
            out.push(RelationError::NoSector { a: a(), b: b() });
        }
        if self.evidence.is_empty() || !self.evidence.iter().all(Evidence::is_valid) {
            out.push(RelationError::NoEvidence { a: a(), b: b() });
        }
        out
    }

    pub(crate) fn build_unchecked(self) -> Relation {
        Relation {
            id: self.id,
            a: self.a,
            b: self.b,
            sign: self.sign,
            // Only reached without an intensity when `problems` reported it.
            intensity: self.intensity.unwrap_or(f64::NAN),
            sectors: self.sectors,
            period: self.period,
            instrument: self.instrument,
            contested: self.contested,
            evidence: self.evidence.into(),
        }
    }

    /// Validates and builds the relation.
    ///
    /// # Errors
    /// The first [`RelationError`] found: a self-relation, no intensity or one outside
    /// `(0, 1]` (NaN included), no sector, no evidence, or an invalid identifier.
    pub fn build(self) -> Result<Relation, RelationError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(self.build_unchecked()),
        }
    }
}
