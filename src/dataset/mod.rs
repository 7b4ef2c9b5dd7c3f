//! Data sets: units, organisations, memberships, relations and capabilities — dated, with
//! evidence — and their TOML/JSON files.
//!
//! The file schema and the validation rules are documented on [`Dataset`].

mod error;
mod geography;
mod overlay;
mod schema;
mod validate;

pub use error::{DatasetError, Format, Issue, Item};
pub use geography::{Border, Contiguity, ContiguityKind, GeographyError, PowerClassification};
pub use overlay::OverlayRule;
pub use schema::SCHEMA_VERSION;

/// The most [`Issue::ConflictingRelations`] listed for one pair of units; beyond it one
/// [`Issue::TooManyConflicts`] closes the list.
pub const MAX_CONFLICTS_PER_PAIR: usize = 100;

use crate::capability::CapabilityObservation;
use crate::internal::hash::FxHashMap;
use crate::organisation::{Membership, Organisation};
use crate::period::Year;
use crate::polarity::Classification;
use crate::relation::Relation;
use crate::unit::Unit;
use schema::{
    DatasetFile, RawBorder, RawCapability, RawClass, RawMembership, RawOrganisation, RawPeriod,
    RawPowerClass, RawRelation, RawUnit, VersionProbe,
};
use std::path::Path;

/// The parts of a data set before validation.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Parts {
    pub name: Option<String>,
    pub description: Option<String>,
    pub units: Vec<Unit>,
    pub organisations: Vec<Organisation>,
    pub memberships: Vec<Membership>,
    pub relations: Vec<Relation>,
    pub capabilities: Vec<CapabilityObservation>,
    pub borders: Vec<Border>,
    pub power_classes: Vec<PowerClassification>,
    pub layers: Layers,
}

/// The layers of an overlaid data set: their names and, per relation, membership and
/// border, the position of its layer. Empty for a data set that is one layer.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Layers {
    pub names: Vec<String>,
    pub relations: Vec<usize>,
    pub memberships: Vec<usize>,
    pub borders: Vec<usize>,
}

/// A validated data set: units, organisations, memberships, relations and capability
/// observations, each dated and (relations and memberships) citing evidence.
///
/// Build one in code with [`Dataset::builder`], or load one with [`Dataset::load`],
/// [`Dataset::from_toml_str`] or [`Dataset::from_json_str`]. A `Dataset` is always valid:
/// every constructor validates the whole and reports every problem.
///
/// # File schema (version 1)
///
/// A data set file is TOML or JSON with these top-level keys (all lists optional):
///
/// ```toml
/// schema_version = 1                     # required; any other value is an error
/// name = "…"                             # optional
/// description = "…"                      # optional
///
/// [[units]]
/// id = "RUS"                             # 1–64 of A–Z a–z 0–9 _ -
/// name = "Russia"
/// kind = "state"                         # state | sub_state | institution
/// cow = 365                              # optional COW ccode
/// iso = "RUS"                            # optional ISO 3166 alpha-3
/// period = { from = 1816 }               # optional existence; both ends inclusive
///
/// [[organisations]]
/// id = "CSTO"
/// name = "Collective Security Treaty Organization"
/// kind = "collective_defence"            # collective_defence | collective_security | economic | union | forum
/// founded = 2002                         # optional
/// family = "CST"                         # optional: the family's first organisation (a
///                                        # predecessor, or the organisation it is part of)
/// evidence = [{ text = "…", locator = "§3.2, fn 140" }]   # optional
///
/// [[memberships]]
/// organisation = "CSTO"
/// unit = "ARM"
/// role = "member"                        # member (default) | observer | partner
/// period = { from = 2002, to = 2013 }    # both ends inclusive; omit `to` for open-ended
/// evidence = [{ text = "…", locator = "§3.2.2, fn 150" }]  # at least one
///
/// [[relations]]
/// id = "rus-arm-bases"                   # optional, unique
/// a = "RUS"
/// b = "ARM"
/// sign = "amity"                         # amity | enmity
/// intensity = 0.8                        # in (0, 1]
/// sectors = ["military"]                 # military | political | economic | societal | environmental
/// period = { from = 1995 }
/// instrument = "bilateral"               # or { organisation = "CSTO" }
/// contested = false                      # optional; see below
/// evidence = [{ text = "…", locator = "§2.3, fn 89" }]     # at least one
///
/// [[capabilities]]
/// unit = "RUS"
/// year = 1995
/// value = 0.0563                         # finite, ≥ 0
/// source = "COW NMC 6.0 (cinc)"
///
/// [[borders]]                            # contiguity, as COW Direct Contiguity codes it
/// a = "RUS"
/// b = "UKR"
/// kind = "land"                          # land (COW conttype 1) | sea
/// sea_miles = 24                         # only with kind = "sea": 12, 24, 150 or 400 (COW 2–5)
/// period = { from = 1991, to = 2013 }
/// evidence = [{ text = "…", locator = "external: COW Direct Contiguity v3.2" }]
///
/// [[power_classes]]                      # Buzan & Wæver's classes; a user's classification
/// unit = "RUS"
/// class = "great_power"                  # superpower | great_power | regional_power
/// period = { from = 1991, to = 2013 }
/// evidence = [{ text = "…", locator = "external: Buzan & Waever 2003, p. 37" }]
/// ```
///
/// Validation ([`Dataset::builder`], [`Dataset::from_toml_str`], …) reports **every**
/// problem at once as a list of [`Issue`]s, each naming the item (`relations[12] id (A–B)`):
/// invalid or duplicate identifiers, unknown units and organisations, self-relations,
/// intensities that are NaN, ≤ 0 or > 1, reversed periods, missing sectors or evidence,
/// capability values that are NaN or negative, duplicate capability observations, items dated
/// outside a unit's existence, borders of a unit with itself, a `sea_miles` that does not fit
/// the border's kind, two borders of one pair or two power classes of one unit over
/// overlapping years, and two relations on the same pair and sector with
/// overlapping periods and opposite signs unless both are marked `contested = true`.
#[derive(Debug, Clone)]
pub struct Dataset {
    parts: Parts,
    unit_index: FxHashMap<String, usize>,
    org_index: FxHashMap<String, usize>,
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts
    }
}

impl Dataset {
    /// Starts building a data set in code.
    ///
    /// ```
    /// use rsct::{Dataset, Evidence, Period, Relation, Sector, Sign, Unit};
    /// let ds = Dataset::builder()
    ///     .name("two states")
    ///     .unit(Unit::state("ARM", "Armenia")?)
    ///     .unit(Unit::state("AZE", "Azerbaijan")?)
    ///     .relation(
    ///         Relation::builder("ARM", "AZE", Sign::Enmity, Period::from_year(1991))
    ///             .intensity(1.0)
    ///             .sector(Sector::Military)
    ///             .evidence(Evidence::cited("war over Nagorno-Karabakh", "§2.3")?)
    ///             .build()?,
    ///     )
    ///     .build()?;
    /// assert_eq!(ds.units().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> DatasetBuilder {
        DatasetBuilder::default()
    }

    fn from_parts(parts: Parts, mut issues: Vec<Issue>) -> Result<Self, DatasetError> {
        validate::cross_check(&parts, &mut issues);
        if !issues.is_empty() {
            return Err(DatasetError::Invalid { file: None, issues });
        }
        let unit_index = parts
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id().to_owned(), i))
            .collect();
        let org_index = parts
            .organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id().to_owned(), i))
            .collect();
        Ok(Self {
            parts,
            unit_index,
            org_index,
        })
    }

    fn from_file(file: DatasetFile) -> Result<Self, DatasetError> {
        let mut issues = Vec::new();
        let parts = validate::from_file(file, &mut issues);
        Self::from_parts(parts, issues)
    }

    /// Reads a data set from TOML text.
    ///
    /// # Errors
    /// [`DatasetError::Parse`] (with line and column) for malformed text or fields outside
    /// the schema, [`DatasetError::UnsupportedSchemaVersion`], or [`DatasetError::Invalid`]
    /// listing every validation problem.
    pub fn from_toml_str(text: &str) -> Result<Self, DatasetError> {
        let toml_err = |e: toml::de::Error| {
            let (line, column) = e
                .span()
                .map(|s| line_col(text, s.start))
                .map_or((None, None), |(l, c)| (Some(l), Some(c)));
            DatasetError::Parse {
                file: None,
                format: Format::Toml,
                line,
                column,
                message: e.message().to_owned(),
            }
        };
        let probe: VersionProbe = toml::from_str(text).map_err(toml_err)?;
        check_version(probe.schema_version.as_ref().map(|v| v.as_integer()))?;
        let file: DatasetFile = toml::from_str(text).map_err(toml_err)?;
        Self::from_file(file)
    }

    /// Reads a data set from JSON text.
    ///
    /// # Errors
    /// As [`Dataset::from_toml_str`].
    pub fn from_json_str(text: &str) -> Result<Self, DatasetError> {
        let json_err = |e: serde_json::Error| DatasetError::Parse {
            file: None,
            format: Format::Json,
            line: Some(e.line()),
            column: Some(e.column()),
            message: e.to_string(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(json_err)?;
        check_version(value.get("schema_version").map(serde_json::Value::as_i64))?;
        let file: DatasetFile = serde_json::from_str(text).map_err(json_err)?;
        Self::from_file(file)
    }

    /// Loads a data set from a `.toml` or `.json` file; errors name the file.
    ///
    /// # Errors
    /// [`DatasetError::Io`], [`DatasetError::UnknownFormat`], or the errors of
    /// [`Dataset::from_toml_str`] with the file's path.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, DatasetError> {
        let path = path.as_ref();
        let format = format_of(path)?;
        let text = std::fs::read_to_string(path).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        match format {
            Format::Toml => Self::from_toml_str(&text),
            Format::Json => Self::from_json_str(&text),
        }
        .map_err(|e| e.with_file(path))
    }

    /// Saves the data set to a `.toml` or `.json` file.
    ///
    /// # Errors
    /// [`DatasetError::UnknownFormat`], [`DatasetError::Serialize`] or [`DatasetError::Io`].
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), DatasetError> {
        let path = path.as_ref();
        let text = match format_of(path)? {
            Format::Toml => self.to_toml_string()?,
            Format::Json => self.to_json_string()?,
        };
        std::fs::write(path, text).map_err(|source| DatasetError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The data set as TOML text (schema version [`SCHEMA_VERSION`]).
    ///
    /// # Errors
    /// [`DatasetError::Serialize`] (not expected for a valid data set).
    pub fn to_toml_string(&self) -> Result<String, DatasetError> {
        toml::to_string(&self.to_file()).map_err(|e| DatasetError::Serialize {
            format: Format::Toml,
            message: e.to_string(),
        })
    }

    /// The data set as pretty-printed JSON text (schema version [`SCHEMA_VERSION`]).
    ///
    /// # Errors
    /// [`DatasetError::Serialize`] (not expected for a valid data set).
    pub fn to_json_string(&self) -> Result<String, DatasetError> {
        serde_json::to_string_pretty(&self.to_file()).map_err(|e| DatasetError::Serialize {
            format: Format::Json,
            message: e.to_string(),
        })
    }

    fn to_file(&self) -> DatasetFile {
        let period = |p: crate::period::Period| RawPeriod {
            from: p.start(),
            to: p.end(),
        };
        let p = &self.parts;
        DatasetFile {
            schema_version: SCHEMA_VERSION,
            name: p.name.clone(),
            description: p.description.clone(),
            units: p
                .units
                .iter()
                .map(|u| RawUnit {
                    id: u.id().to_owned(),
                    name: u.name().to_owned(),
                    kind: u.kind(),
                    cow: u.cow().map(i64::from),
                    iso: u.iso().map(str::to_owned),
                    period: u.period().map(period),
                })
                .collect(),
            organisations: p
                .organisations
                .iter()
                .map(|o| RawOrganisation {
                    id: o.id().to_owned(),
                    name: o.name().to_owned(),
                    kind: o.kind(),
                    founded: o.founded_in(),
                    family: o.declared_family().map(str::to_owned),
                    evidence: o.evidence().to_vec(),
                })
                .collect(),
            memberships: p
                .memberships
                .iter()
                .map(|m| RawMembership {
                    organisation: m.organisation().to_owned(),
                    unit: m.unit().to_owned(),
                    role: m.role(),
                    period: period(m.period()),
                    evidence: m.evidence().to_vec(),
                })
                .collect(),
            relations: p
                .relations
                .iter()
                .map(|r| RawRelation {
                    id: r.id().map(str::to_owned),
                    a: r.a().to_owned(),
                    b: r.b().to_owned(),
                    sign: r.sign(),
                    intensity: r.intensity(),
                    sectors: r.sectors().iter().collect(),
                    period: period(r.period()),
                    instrument: r.instrument().clone(),
                    contested: r.is_contested(),
                    evidence: r.evidence().to_vec(),
                })
                .collect(),
            capabilities: p
                .capabilities
                .iter()
                .map(|c| RawCapability {
                    unit: c.unit().to_owned(),
                    year: c.year(),
                    value: c.value(),
                    source: c.source().to_owned(),
                })
                .collect(),
            borders: p
                .borders
                .iter()
                .map(|b| RawBorder {
                    a: b.a().to_owned(),
                    b: b.b().to_owned(),
                    kind: b.contiguity().kind(),
                    sea_miles: b.contiguity().sea_miles().map(i64::from),
                    period: period(b.period()),
                    evidence: b.evidence().to_vec(),
                })
                .collect(),
            power_classes: p
                .power_classes
                .iter()
                .filter_map(|c| {
                    let class = match c.class() {
                        crate::polarity::PowerClass::Superpower => RawClass::Superpower,
                        crate::polarity::PowerClass::GreatPower => RawClass::GreatPower,
                        crate::polarity::PowerClass::RegionalPower => RawClass::RegionalPower,
                        // Not constructible: `PowerClassification::new` refuses it.
                        _ => return None,
                    };
                    Some(RawPowerClass {
                        unit: c.unit().to_owned(),
                        class,
                        period: period(c.period()),
                        evidence: c.evidence().to_vec(),
                    })
                })
                .collect(),
        }
    }

    /// The data set's name, if it has one.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.parts.name.as_deref()
    }
    /// The data set's description, if it has one.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.parts.description.as_deref()
    }
    /// The units, in file order.
    #[must_use]
    pub fn units(&self) -> &[Unit] {
        &self.parts.units
    }
    /// The unit with identifier `id`.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.parts.units[i])
    }
    /// The organisations, in file order.
    #[must_use]
    pub fn organisations(&self) -> &[Organisation] {
        &self.parts.organisations
    }
    /// The organisation with identifier `id`.
    #[must_use]
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.org_index
            .get(id)
            .map(|&i| &self.parts.organisations[i])
    }
    /// The memberships, in file order.
    #[must_use]
    pub fn memberships(&self) -> &[Membership] {
        &self.parts.memberships
    }
    /// The relations, in file order.
    #[must_use]
    pub fn relations(&self) -> &[Relation] {
        &self.parts.relations
    }
    /// The capability observations, in file order.
    #[must_use]
    pub fn capabilities(&self) -> &[CapabilityObservation] {
        &self.parts.capabilities
    }
    /// The capabilities observed in `year`, by unit: the map [`crate::boundary::analyse`] and
    /// [`crate::polarity`] take.
    ///
    /// ```
    /// let ds = rsct::datasets::post_soviet()?;
    /// let caps = ds.capabilities_in(2013);
    /// assert!(caps["RUS"] > caps["BLR"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn capabilities_in(&self, year: Year) -> std::collections::BTreeMap<String, f64> {
        self.parts
            .capabilities
            .iter()
            .filter(|c| c.year() == year)
            .map(|c| (c.unit().to_owned(), c.value()))
            .collect()
    }
    /// The names of the layers of an overlaid data set, bottom first ([`Dataset::overlay`]);
    /// empty for a data set that is one layer.
    #[must_use]
    pub fn layers(&self) -> &[String] {
        &self.parts.layers.names
    }
    /// The layer relation `index` comes from (`None` for a data set that is one layer).
    #[must_use]
    pub fn relation_layer(&self, index: usize) -> Option<&str> {
        self.layer_name(self.parts.layers.relations.get(index))
    }
    /// The layer membership `index` comes from (`None` for a data set that is one layer).
    #[must_use]
    pub fn membership_layer(&self, index: usize) -> Option<&str> {
        self.layer_name(self.parts.layers.memberships.get(index))
    }
    /// The layer border `index` comes from (`None` for a data set that is one layer).
    #[must_use]
    pub fn border_layer(&self, index: usize) -> Option<&str> {
        self.layer_name(self.parts.layers.borders.get(index))
    }
    fn layer_name(&self, at: Option<&usize>) -> Option<&str> {
        at.and_then(|&l| self.parts.layers.names.get(l))
            .map(String::as_str)
    }
    pub(crate) fn relation_layer_index(&self, index: usize) -> usize {
        self.parts.layers.relations.get(index).copied().unwrap_or(0)
    }
    pub(crate) fn membership_layer_index(&self, index: usize) -> usize {
        self.parts
            .layers
            .memberships
            .get(index)
            .copied()
            .unwrap_or(0)
    }
    pub(crate) fn border_layer_index(&self, index: usize) -> usize {
        self.parts.layers.borders.get(index).copied().unwrap_or(0)
    }
    /// The layer names, or one layer named by the data set (or `default`).
    pub(crate) fn layer_names(&self, default: &str) -> Vec<String> {
        if self.parts.layers.names.is_empty() {
            vec![
                self.parts
                    .name
                    .clone()
                    .unwrap_or_else(|| default.to_owned()),
            ]
        } else {
            self.parts.layers.names.clone()
        }
    }
    /// The borders (contiguity), in file order.
    #[must_use]
    pub fn borders(&self) -> &[Border] {
        &self.parts.borders
    }
    /// The borders valid in `year`, in file order.
    pub fn borders_in(&self, year: Year) -> impl Iterator<Item = &Border> + '_ {
        self.parts
            .borders
            .iter()
            .filter(move |b| b.period().contains(year))
    }
    /// The stated power classes, in file order.
    #[must_use]
    pub fn power_classes(&self) -> &[PowerClassification] {
        &self.parts.power_classes
    }
    /// The power classes stated for `year`, as a [`Classification`] of overrides (the
    /// user's classes, which win over computed ones); units without a statement are
    /// [`crate::polarity::PowerClass::Other`].
    ///
    /// ```
    /// use rsct::{Dataset, Evidence, Period, PowerClassification, Unit};
    /// use rsct::polarity::PowerClass;
    /// let ev = vec![Evidence::cited("the sole superpower", "external: Buzan & Waever 2003, p. 34")?];
    /// let ds = Dataset::builder()
    ///     .unit(Unit::state("USA", "United States")?)
    ///     .power_class(PowerClassification::new("USA", PowerClass::Superpower, Period::from_year(1991), ev)?)
    ///     .build()?;
    /// assert_eq!(ds.classification_in(2000).class("USA"), PowerClass::Superpower);
    /// assert_eq!(ds.classification_in(1980).class("USA"), PowerClass::Other);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn classification_in(&self, year: Year) -> Classification {
        self.parts
            .power_classes
            .iter()
            .filter(|c| c.period().contains(year))
            .fold(Classification::new(), |acc, c| {
                acc.with_override(c.unit(), c.class())
            })
    }
    /// The capability observation of `unit` in `year`, if there is one.
    #[must_use]
    pub fn capability(&self, unit: &str, year: Year) -> Option<&CapabilityObservation> {
        self.parts
            .capabilities
            .iter()
            .find(|c| c.unit() == unit && c.year() == year)
    }
    /// The members (with any role) of organisation `org` in `year`, in file order.
    pub fn members_in<'a>(
        &'a self,
        org: &'a str,
        year: Year,
    ) -> impl Iterator<Item = &'a Membership> + 'a {
        self.parts
            .memberships
            .iter()
            .filter(move |m| m.organisation() == org && m.period().contains(year))
    }
    /// The smallest and largest year any dated item of the data set mentions (open ends
    /// count by their start), or `None` for an undated data set.
    #[must_use]
    pub fn year_span(&self) -> Option<(Year, Year)> {
        let p = &self.parts;
        let years = p
            .relations
            .iter()
            .map(|r| r.period())
            .chain(p.memberships.iter().map(Membership::period))
            .flat_map(|p| [Some(p.start()), p.end()])
            .flatten()
            .chain(p.capabilities.iter().map(CapabilityObservation::year));
        years.fold(None, |acc, y| match acc {
            None => Some((y, y)),
            Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
        })
    }
}

/// Builder of a [`Dataset`] in code; [`DatasetBuilder::build`] validates the whole.
#[derive(Debug, Default, Clone)]
#[must_use]
pub struct DatasetBuilder {
    parts: Parts,
}

impl DatasetBuilder {
    /// Sets the name.
    pub fn name(mut self, name: &str) -> Self {
        self.parts.name = Some(name.to_owned());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: &str) -> Self {
        self.parts.description = Some(description.to_owned());
        self
    }
    /// Adds a unit.
    pub fn unit(mut self, unit: Unit) -> Self {
        self.parts.units.push(unit);
        self
    }
    /// Adds an organisation.
    pub fn organisation(mut self, organisation: Organisation) -> Self {
        self.parts.organisations.push(organisation);
        self
    }
    /// Adds a membership.
    pub fn membership(mut self, membership: Membership) -> Self {
        self.parts.memberships.push(membership);
        self
    }
    /// Adds a relation.
    pub fn relation(mut self, relation: Relation) -> Self {
        self.parts.relations.push(relation);
        self
    }
    /// Adds a capability observation.
    pub fn capability(mut self, capability: CapabilityObservation) -> Self {
        self.parts.capabilities.push(capability);
        self
    }
    /// Adds a border.
    pub fn border(mut self, border: Border) -> Self {
        self.parts.borders.push(border);
        self
    }
    /// Adds many borders.
    pub fn borders(mut self, borders: impl IntoIterator<Item = Border>) -> Self {
        self.parts.borders.extend(borders);
        self
    }
    /// Adds a power-class statement.
    pub fn power_class(mut self, class: PowerClassification) -> Self {
        self.parts.power_classes.push(class);
        self
    }
    /// Adds many power-class statements.
    pub fn power_classes(mut self, classes: impl IntoIterator<Item = PowerClassification>) -> Self {
        self.parts.power_classes.extend(classes);
        self
    }
    /// Adds many units.
    pub fn units(mut self, units: impl IntoIterator<Item = Unit>) -> Self {
        self.parts.units.extend(units);
        self
    }
    /// Adds many organisations.
    pub fn organisations(mut self, organisations: impl IntoIterator<Item = Organisation>) -> Self {
        self.parts.organisations.extend(organisations);
        self
    }
    /// Adds many relations.
    pub fn relations(mut self, relations: impl IntoIterator<Item = Relation>) -> Self {
        self.parts.relations.extend(relations);
        self
    }
    /// Adds many memberships.
    pub fn memberships(mut self, memberships: impl IntoIterator<Item = Membership>) -> Self {
        self.parts.memberships.extend(memberships);
        self
    }
    /// Adds many capability observations.
    pub fn capabilities(
        mut self,
        capabilities: impl IntoIterator<Item = CapabilityObservation>,
    ) -> Self {
        self.parts.capabilities.extend(capabilities);
        self
    }

    /// Validates and builds the data set.
    ///
    /// # Errors
    /// [`DatasetError::Invalid`] listing every problem between the items (the items
    /// themselves were validated by their constructors).
    pub fn build(self) -> Result<Dataset, DatasetError> {
        Dataset::from_parts(self.parts, Vec::new())
    }
}

fn check_version(found: Option<Option<i64>>) -> Result<(), DatasetError> {
    match found {
        Some(Some(v)) if v == i64::from(SCHEMA_VERSION) => Ok(()),
        other => Err(DatasetError::UnsupportedSchemaVersion {
            file: None,
            found: other.flatten(),
            supported: SCHEMA_VERSION,
        }),
    }
}

fn format_of(path: &Path) -> Result<Format, DatasetError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("toml") => Ok(Format::Toml),
        Some(e) if e.eq_ignore_ascii_case("json") => Ok(Format::Json),
        _ => Err(DatasetError::UnknownFormat {
            path: path.to_path_buf(),
        }),
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}
