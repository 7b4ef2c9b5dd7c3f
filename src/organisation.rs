//! Organisations and memberships.
//!
//! Organisations (CIS, CSTO, NATO, …) are not units; they have members over time, and a kind
//! that [`crate::DerivationRules`] can turn into ties between co-members.

use crate::evidence::Evidence;
use crate::id::{IdError, check_id};
use crate::period::{Period, Year};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// The kind of an organisation (theory [§1](crate::guide::theory#1-units-relations-and-levels)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrganisationKind {
    /// A military alliance with a mutual-defence obligation (CSTO, NATO).
    CollectiveDefence,
    /// Collective security among members (OSCE-type arrangements).
    CollectiveSecurity,
    /// Economic integration (Customs Union, Eurasian Economic Union).
    Economic,
    /// A political union of states (the Union State of Russia and Belarus, the EU).
    Union,
    /// A forum for dialogue (CIS, CICA, SCO in its early years).
    Forum,
}

impl OrganisationKind {
    /// All kinds, in canonical order.
    pub const ALL: [OrganisationKind; 5] = [
        OrganisationKind::CollectiveDefence,
        OrganisationKind::CollectiveSecurity,
        OrganisationKind::Economic,
        OrganisationKind::Union,
        OrganisationKind::Forum,
    ];

    /// The name used in data files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::CollectiveDefence => "collective_defence",
            OrganisationKind::CollectiveSecurity => "collective_security",
            OrganisationKind::Economic => "economic",
            OrganisationKind::Union => "union",
            OrganisationKind::Forum => "forum",
        }
    }
}

impl fmt::Display for OrganisationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Errors from constructing an [`Organisation`] or a [`Membership`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OrganisationError {
    /// An identifier is not valid.
    #[error("{what} identifier: {source}")]
    Id {
        /// What the identifier names (`organisation`, `unit`).
        what: &'static str,
        /// The problem.
        source: IdError,
    },
    /// The name is empty.
    #[error("organisation {id} has an empty name")]
    EmptyName {
        /// The organisation's identifier.
        id: String,
    },
    /// A membership without evidence.
    #[error("membership of {unit} in {organisation}: no evidence given")]
    NoEvidence {
        /// The organisation.
        organisation: String,
        /// The unit.
        unit: String,
    },
}

/// An organisation of units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    id: String,
    name: String,
    kind: OrganisationKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    founded: Option<Year>,
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence: Vec<Evidence>,
}

impl Organisation {
    /// An organisation with an identifier, a name and a kind.
    ///
    /// # Errors
    /// [`OrganisationError`] when the identifier is invalid or the name empty.
    ///
    /// ```
    /// use rsct::{Organisation, OrganisationKind};
    /// let csto = Organisation::new("CSTO", "Collective Security Treaty Organization",
    ///     OrganisationKind::CollectiveDefence)?.founded(2002);
    /// assert_eq!(csto.founded_in(), Some(2002));
    /// # Ok::<(), rsct::OrganisationError>(())
    /// ```
    pub fn new(id: &str, name: &str, kind: OrganisationKind) -> Result<Self, OrganisationError> {
        check_id(id).map_err(|source| OrganisationError::Id {
            what: "organisation",
            source,
        })?;
        if name.trim().is_empty() {
            return Err(OrganisationError::EmptyName { id: id.to_owned() });
        }
        Ok(Self {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            founded: None,
            family: None,
            evidence: Vec::new(),
        })
    }

    pub(crate) fn new_unchecked(
        id: &str,
        name: &str,
        kind: OrganisationKind,
        founded: Option<Year>,
        family: Option<String>,
        evidence: Vec<Evidence>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            founded,
            family,
            evidence,
        }
    }

    /// Puts the organisation in the family of organisation `family` — its predecessor or
    /// the organisation it is part of, e.g. the CSTO (2002) in the family of the Collective
    /// Security Treaty (1992), or a joint air-defence system in the CSTO's — named by the
    /// family's first organisation. Co-membership derives one tie per family
    /// ([`crate::DerivationRules::families`]).
    ///
    /// ```
    /// use rsct::{Organisation, OrganisationKind};
    /// let csto = Organisation::new("CSTO", "Collective Security Treaty Organization",
    ///     OrganisationKind::CollectiveDefence)?.in_family("CST");
    /// assert_eq!(csto.family(), "CST");
    /// # Ok::<(), rsct::OrganisationError>(())
    /// ```
    #[must_use]
    pub fn in_family(mut self, family: &str) -> Self {
        self.family = Some(family.to_owned());
        self
    }

    /// The family the organisation belongs to: the one set by
    /// [`Organisation::in_family`], or its own identifier.
    #[must_use]
    pub fn family(&self) -> &str {
        self.family.as_deref().unwrap_or(&self.id)
    }

    /// The family set by [`Organisation::in_family`], if any.
    #[must_use]
    pub fn declared_family(&self) -> Option<&str> {
        self.family.as_deref()
    }

    /// Sets the founding year.
    #[must_use]
    pub fn founded(mut self, year: Year) -> Self {
        self.founded = Some(year);
        self
    }

    /// Adds a citation.
    #[must_use]
    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence.push(evidence);
        self
    }

    crate::internal::getters! {
        /// The identifier.
        id: &str;
        /// The name.
        name: &str;
        /// The kind.
        kind: OrganisationKind;
    }
    /// The founding year, if known.
    #[must_use]
    pub fn founded_in(&self) -> Option<Year> {
        self.founded
    }
    /// The citations.
    #[must_use]
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }
}

/// The role of a unit in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// A full member.
    Member,
    /// An observer.
    Observer,
    /// A partner (e.g. NATO's Partnership for Peace, the EU's Eastern Partnership).
    Partner,
}

impl Role {
    /// The name used in data files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Observer => "observer",
            Role::Partner => "partner",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A unit's membership of an organisation over a period, with evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    organisation: String,
    unit: String,
    role: Role,
    period: Period,
    evidence: Arc<[Evidence]>,
}

impl Membership {
    /// A membership of `unit` in `organisation` with `role` over `period`, citing `evidence`.
    ///
    /// # Errors
    /// [`OrganisationError`] when an identifier is invalid or `evidence` is empty.
    pub fn new(
        organisation: &str,
        unit: &str,
        role: Role,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Result<Self, OrganisationError> {
        check_id(organisation).map_err(|source| OrganisationError::Id {
            what: "organisation",
            source,
        })?;
        check_id(unit).map_err(|source| OrganisationError::Id {
            what: "unit",
            source,
        })?;
        if evidence.is_empty() {
            return Err(OrganisationError::NoEvidence {
                organisation: organisation.to_owned(),
                unit: unit.to_owned(),
            });
        }
        Ok(Self::new_unchecked(
            organisation,
            unit,
            role,
            period,
            evidence,
        ))
    }

    pub(crate) fn new_unchecked(
        organisation: &str,
        unit: &str,
        role: Role,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Self {
        Self {
            organisation: organisation.to_owned(),
            unit: unit.to_owned(),
            role,
            period,
            evidence: evidence.into(),
        }
    }

    crate::internal::getters! {
        /// The organisation's identifier.
        organisation: &str;
        /// The unit's identifier.
        unit: &str;
        /// The role.
        role: Role;
        /// The period of membership.
        period: Period;
        /// The citations.
        evidence: &[Evidence];
    }
    pub(crate) fn evidence_arc(&self) -> &Arc<[Evidence]> {
        &self.evidence
    }
}
