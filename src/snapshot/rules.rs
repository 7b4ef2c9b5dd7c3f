//! `DerivationRules`: how memberships become ties, and which contributions a snapshot keeps.

use crate::dataset::Contiguity;
use crate::organisation::{OrganisationKind, Role};
use crate::relation::Instrument;
use crate::sector::{Sector, SectorSet};
use crate::sign::Sign;
use crate::unit::UnitKind;
use std::collections::{BTreeMap, BTreeSet};

/// The default intensity of the amity derived from co-membership of a collective-defence
/// organisation: 0.5, a mutual-defence obligation counted as moderate amity, below the
/// intensity data sets give to bilateral alliances with stationed forces (0.8–1.0 in the
/// post-Soviet coding scheme) so that explicit relations dominate derived ones.
pub const DEFAULT_DEFENCE_INTENSITY: f64 = 0.5;

/// Errors of taking a snapshot ([`snapshot()`](crate::snapshot()),
/// [`Dataset::snapshot`](crate::Dataset::snapshot)) and of building a [`MembershipTie`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// A membership tie's intensity is NaN, ≤ 0 or > 1.
    #[error("membership tie intensity {value} is outside (0, 1]")]
    IntensityOutOfRange {
        /// The intensity given.
        value: f64,
    },
    /// A membership tie names no sector.
    #[error("a membership tie needs at least one sector")]
    NoSector,
    /// The rules name an organisation the data set does not have.
    #[error(
        "the derivation rules name organisation {organisation:?}, which the data set does not have"
    )]
    UnknownOrganisation {
        /// The identifier.
        organisation: String,
    },
    /// The year lies outside the years the data set's relations, memberships and
    /// capabilities cover: its graph would show every unit without a tie and pass for
    /// balanced.
    #[error("year {year} is outside the data set's years ({first}–{})", last.map_or_else(|| "open".to_owned(), |y| y.to_string()))]
    OutsideYears {
        /// The year asked for.
        year: crate::period::Year,
        /// The first year any relation, membership or capability observation starts.
        first: crate::period::Year,
        /// The last year one ends (`None` when one is open-ended).
        last: Option<crate::period::Year>,
    },
}

/// The tie that co-membership of an organisation creates between two members.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MembershipTie {
    sign: Sign,
    intensity: f64,
    sectors: SectorSet,
}

impl MembershipTie {
    /// A tie of `sign` and `intensity` in `sectors`.
    ///
    /// # Errors
    /// [`SnapshotError::IntensityOutOfRange`] or [`SnapshotError::NoSector`].
    pub fn new(sign: Sign, intensity: f64, sectors: SectorSet) -> Result<Self, SnapshotError> {
        if !(intensity.is_finite() && intensity > 0.0 && intensity <= 1.0) {
            return Err(SnapshotError::IntensityOutOfRange { value: intensity });
        }
        if sectors.is_empty() {
            return Err(SnapshotError::NoSector);
        }
        Ok(Self {
            sign,
            intensity,
            sectors,
        })
    }
    crate::internal::getters! {
        /// The sign.
        sign: Sign;
        /// The intensity.
        intensity: f64;
        /// The sectors.
        sectors: SectorSet;
    }
}

/// How a dyad's contributions combine into its tie ([theory §7, one scale](crate::guide::theory#one-scale-for-intensities)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Combination {
    /// Per sector, the strongest amity and the strongest enmity (the default): a dyad's
    /// weight says how intense its relations are, not how many were coded. The tie's amity
    /// (enmity) is its strongest sector's, so every tie lies on the scale of one relation:
    /// amity and enmity each in `[0, 1]`.
    #[default]
    Maximum,
    /// Every contribution adds its intensity (counted once however many sectors it spans),
    /// and in full in each of its sectors.
    Sum,
}

/// How much co-membership of an organisation weighs on each pair of its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum MembershipWeight {
    /// The membership tie's intensity divided by N − 1 for an organisation of N counted
    /// members in the year (the default): each member's co-memberships sum to one
    /// commitment, as in Newman's (2001) weighting of a bipartite projection — so a large
    /// pact does not drown its members' other ties.
    #[default]
    PerMember,
    /// The membership tie's full intensity for every pair.
    Full,
}

/// How organisations of one family ([`crate::Organisation::in_family`]) derive ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum FamilyRule {
    /// One derived tie per pair and family (the default): the strongest of the family's
    /// organisations both belong to in the year — a successor (CST → CSTO) or a part (a
    /// joint air-defence system) does not count the same commitment twice.
    #[default]
    Once,
    /// Each organisation derives its own tie.
    Each,
}

/// What a derived co-membership tie does when the pair also has an explicit relation via
/// that organisation (or one of its family) valid in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ExplicitRule {
    /// The explicit relation stands for the organisation: no derived tie (the default).
    #[default]
    Replaces,
    /// Both count.
    Adds,
}

/// Which instruments a snapshot keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InstrumentFilter {
    /// All contributions (the default).
    #[default]
    All,
    /// Only bilateral relations.
    Bilateral,
    /// Only contributions through organisations (relations via an organisation and derived
    /// membership ties).
    Multilateral,
    /// Only contributions through these organisations.
    Organisations(BTreeSet<String>),
}

impl InstrumentFilter {
    pub(crate) fn keeps(&self, i: &Instrument) -> bool {
        match (self, i) {
            (InstrumentFilter::All, _) => true,
            (InstrumentFilter::Bilateral, Instrument::Bilateral) => true,
            (InstrumentFilter::Multilateral, Instrument::Organisation(_)) => true,
            (InstrumentFilter::Organisations(set), Instrument::Organisation(o)) => set.contains(o),
            _ => false,
        }
    }
}

crate::internal::builder! {
    /// Rules for [`crate::snapshot()`]: how memberships turn into ties, and filters by sector,
    /// instrument and unit kind. A builder; the defaults are:
    ///
    /// - co-membership (both with [`Role::Member`]) of a
    ///   [`OrganisationKind::CollectiveDefence`] organisation is amity of intensity
    ///   [`DEFAULT_DEFENCE_INTENSITY`] in the military sector; other kinds derive nothing;
    /// - every sector, every instrument and every unit kind is kept;
    /// - every border of the data set valid in the year is a proximity of the graph;
    /// - one scale ([theory §7](crate::guide::theory#one-scale-for-intensities)): a dyad's contributions combine by maximum per sector
    ///   ([`Combination::Maximum`]); co-membership of an organisation of N members weighs
    ///   1/(N − 1) of the membership tie per pair ([`MembershipWeight::PerMember`]); an
    ///   organisation family derives once per pair ([`FamilyRule::Once`]); no tie is derived
    ///   where the pair has an explicit relation via the organisation or its family
    ///   ([`ExplicitRule::Replaces`]).
    ///
    /// Precedence: a rule for a named organisation beats the rule for its kind.
    ///
    /// ```
    /// use rsct::{DerivationRules, MembershipTie, OrganisationKind, Sector, SectorSet, Sign};
    /// let rules = DerivationRules::new()
    ///     .kind_tie(OrganisationKind::Union,
    ///               MembershipTie::new(Sign::Amity, 0.8, SectorSet::of(Sector::Political))?)
    ///     .no_organisation_tie("CIS")
    ///     .sectors(SectorSet::of(Sector::Military).with(Sector::Political));
    /// assert!(DerivationRules::new().without_memberships().derives_nothing());
    /// # Ok::<(), rsct::SnapshotError>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    pub struct DerivationRules;
    /// The default rules (see the type's documentation).
    fn new();
    memberships: bool = true;
    by_kind: BTreeMap<OrganisationKind, Option<MembershipTie>> = BTreeMap::from([(OrganisationKind::CollectiveDefence, Some(default_defence()))]);
    by_organisation: BTreeMap<String, Option<MembershipTie>> = BTreeMap::new();
    roles: BTreeSet<Role> = BTreeSet::from([Role::Member]);
    /// Keeps only contributions in these sectors; a contribution spanning several sectors is
    /// kept with the sectors it shares with the filter.
    sectors(sectors: SectorSet) = SectorSet::all(), get_sectors;
    /// Keeps only contributions through these instruments.
    instruments(filter: InstrumentFilter) = InstrumentFilter::All, &get_instruments;
    unit_kinds: BTreeSet<UnitKind> = UnitKind::ALL.into_iter().collect();
    contiguity: Option<Contiguity> = Some(Contiguity::Sea400);
    /// How a dyad's contributions combine (default [`Combination::Maximum`]).
    combination(combination: Combination) = Combination::default(), get_combination;
    /// How much co-membership weighs per pair (default [`MembershipWeight::PerMember`]).
    membership_weight(weight: MembershipWeight) = MembershipWeight::default(), get_membership_weight;
    /// How an organisation family derives ties (default [`FamilyRule::Once`]).
    families(rule: FamilyRule) = FamilyRule::default(), get_families;
    /// What an explicit relation via an organisation does to the derived tie (default
    /// [`ExplicitRule::Replaces`]).
    explicit_relations(rule: ExplicitRule) = ExplicitRule::default(), get_explicit_relations;
}

/// The tie a collective-defence co-membership derives by default.
fn default_defence() -> MembershipTie {
    MembershipTie {
        sign: Sign::Amity,
        intensity: DEFAULT_DEFENCE_INTENSITY,
        sectors: SectorSet::of(Sector::Military),
    }
}

impl DerivationRules {
    crate::internal::switches! {
        /// Turns membership derivation back on (after
        /// [`DerivationRules::without_memberships`]).
        with_memberships,
        /// Derives no ties from memberships at all.
        without_memberships => memberships;
    }
    /// Whether memberships derive ties (see also [`DerivationRules::derives_nothing`]).
    #[must_use]
    pub fn memberships(&self) -> bool {
        self.memberships
    }

    /// Co-membership of any organisation of `kind` gives `tie`.
    pub fn kind_tie(mut self, kind: OrganisationKind, tie: MembershipTie) -> Self {
        self.by_kind.insert(kind, Some(tie));
        self
    }

    /// Co-membership of an organisation of `kind` gives no tie.
    pub fn no_kind_tie(mut self, kind: OrganisationKind) -> Self {
        self.by_kind.insert(kind, None);
        self
    }

    /// Co-membership of the organisation `id` gives `tie` (beats the rule for its kind).
    pub fn organisation_tie(mut self, id: &str, tie: MembershipTie) -> Self {
        self.by_organisation.insert(id.to_owned(), Some(tie));
        self
    }

    /// Co-membership of the organisation `id` gives no tie (beats the rule for its kind).
    pub fn no_organisation_tie(mut self, id: &str) -> Self {
        self.by_organisation.insert(id.to_owned(), None);
        self
    }

    crate::internal::setters! {
        /// The roles whose holders count as co-members (default: [`Role::Member`] only).
        roles(roles: &[Role]) => roles.iter().copied().collect();
        /// Keeps only units of these kinds (and the ties among them).
        unit_kinds(kinds: &[UnitKind]) => kinds.iter().copied().collect();
    }
    crate::internal::getters! {
        /// The roles whose holders count as co-members.
        get_roles = roles: &BTreeSet<Role>;
        /// The unit kinds kept.
        get_unit_kinds = unit_kinds: &BTreeSet<UnitKind>;
    }
    /// The rules of the crate before "one scale": contributions summed, full co-membership
    /// ties, every organisation and explicit relation counted.
    pub fn summing(self) -> Self {
        self.combination(Combination::Sum)
            .membership_weight(MembershipWeight::Full)
            .families(FamilyRule::Each)
            .explicit_relations(ExplicitRule::Adds)
    }

    /// Only borders of contiguity `farthest` or closer become proximities (default: every
    /// border, [`Contiguity::Sea400`]); e.g. [`Contiguity::Land`] keeps land borders only.
    pub fn contiguity_up_to(mut self, farthest: Contiguity) -> Self {
        self.contiguity = Some(farthest);
        self
    }

    /// No border becomes a proximity.
    pub fn without_borders(mut self) -> Self {
        self.contiguity = None;
        self
    }

    /// The tie co-membership of an organisation of `kind` gives by the rule for its kind
    /// ([`DerivationRules::kind_tie`], [`DerivationRules::no_kind_tie`]), `None` for none.
    #[must_use]
    pub fn get_kind_tie(&self, kind: OrganisationKind) -> Option<MembershipTie> {
        self.by_kind.get(&kind).copied().flatten()
    }

    /// The rule for the organisation `id` ([`DerivationRules::organisation_tie`],
    /// [`DerivationRules::no_organisation_tie`]): `None` when there is none (the rule for
    /// its kind applies), `Some(None)` when it gives no tie.
    #[must_use]
    pub fn get_organisation_tie(&self, id: &str) -> Option<Option<MembershipTie>> {
        self.by_organisation.get(id).copied()
    }

    crate::internal::getters! {
        /// The farthest contiguity that becomes a proximity, `None` when borders are not
        /// used ([`DerivationRules::without_borders`]).
        get_contiguity_up_to = contiguity: Option<Contiguity>;
    }

    /// Whether these rules derive no tie from any membership.
    #[must_use]
    pub fn derives_nothing(&self) -> bool {
        !self.memberships
            || (self.by_kind.values().all(Option::is_none)
                && self.by_organisation.values().all(Option::is_none))
    }

    /// The tie co-membership of organisation `id` of `kind` gives, if any.
    #[must_use]
    pub fn tie_for(&self, id: &str, kind: OrganisationKind) -> Option<MembershipTie> {
        if !self.memberships {
            return None;
        }
        match self.by_organisation.get(id) {
            Some(rule) => *rule,
            None => self.by_kind.get(&kind).copied().flatten(),
        }
    }

    pub(crate) fn organisation_names(&self) -> impl Iterator<Item = &str> {
        self.by_organisation.keys().map(String::as_str)
    }
    pub(crate) fn counts_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    pub(crate) fn counts_contiguity(&self, c: Contiguity) -> bool {
        self.contiguity.is_some_and(|far| c <= far)
    }
    pub(crate) fn keeps_kind(&self, kind: UnitKind) -> bool {
        self.unit_kinds.contains(&kind)
    }
}
