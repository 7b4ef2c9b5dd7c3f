//! # rsct — computational Regional Security Complex Theory
//!
//! `rsct` models regional security complexes (Buzan & Wæver, *Regions and Powers*, 2003) as
//! signed graphs of units — amity (+) and enmity (−), with sectors, periods and evidence —
//! and computes the theory's variables from them.
//!
//! The data flows one way:
//!
//! ```text
//! Dataset ──snapshot(year, rules)──▶ SecurityGraph ──▶ analyses ──▶ reports
//!   ▲  (units, organisations,           (petgraph graph, provenance per tie)
//!   │   memberships, relations,
//!   │   capabilities; dated, cited)
//! io: TOML/JSON data sets; CSV, SNAP and Pajek signed edge lists ──▶ SignedGraph
//! ```
//!
//! ## Catalogue
//!
//! | what | where |
//! |---|---|
//! | Periods (whole years, **both ends inclusive**, open-ended allowed) | [`Period`] |
//! | Units: states, sub-state units, institutions | [`Unit`], [`UnitKind`] |
//! | Organisations and memberships over time | [`Organisation`], [`Membership`], [`Role`] |
//! | Relations: sign, intensity, sectors, period, instrument, evidence | [`Relation`], [`Sign`], [`Sector`], [`Instrument`], [`Evidence`] |
//! | Capability observations (e.g. COW CINC) | [`CapabilityObservation`] |
//! | Validated, versioned data sets in TOML and JSON (file schema and validation rules on [`Dataset`]); every problem reported | [`Dataset`], [`DatasetBuilder`], [`Issue`], [`Item`], [`DatasetError`] |
//! | Borders and power classes as data; a regional data set laid over the world layer | [`Border`], [`Contiguity`], [`PowerClassification`], [`Dataset::overlay`], [`OverlayRule`] |
//! | Identifiers; the errors of the data model's constructors | [`check_id`], [`IdError`], [`UnitError`], [`OrganisationError`], [`RelationError`], [`PeriodError`], [`EvidenceError`], [`CapabilityError`], [`GeographyError`] |
//! | Shipped data sets: the post-Soviet complex 1991–2013, Europe 1872–1907 | [`datasets`] |
//! | The security graph of a year, with provenance per tie | [`snapshot()`], [`DerivationRules`], [`SnapshotError`], [`SecurityGraph`], [`Tie`], [`Contribution`], [`Provenance`] |
//! | Plain signed graphs for the algorithms | [`SignedGraph`], [`SignedEdge`], [`SignedWeight`] |
//! | Readers for CSV, SNAP and Pajek signed networks; writers to CSV, Pajek and GraphML | [`io`] |
//! | Boundaries: interdependence graph, complex detection and qualification, metrics, insulators, buffers, penetration, overlay, sub-complexes, type, character, supercomplexes; durable complexes over a span of years (multislice, global powers' homes and units' places held over the span) and their flips; a reference map's regions judged by the definition | [`boundary`] |
//! | Evolution: year states, complexes tracked over time, transformations (status quo, internal, external, overlay) with causes; membership timelines | [`evolution`] |
//! | Polarity: capability shares, HHI, effective poles, CON, poles, power classes, centredness | [`polarity`] |
//! | Pictures: drawings of security graphs (geographic or force layout, legend; SVG and DOT), SVG timelines, shipped capitals | [`report::Drawing`], [`report::Timeline`], [`report::Coordinates`] |
//! | Readers for Correlates of War, ATOP, MID, NMC, contiguity and rivalries | [`io::cow`] |
//! | The world panel: yearly signed graphs of the state system and their analyses, streamed | [`panel`], [`panel::World`], [`panel::WorldRules`] |
//! | Structural balance with certificates: Harary test, clusterability, signed triangle census, walk balance | [`balance::harary_test`], [`balance::clusterability`], [`balance::triangle_census`], [`balance::walk_balance`] |
//! | Signed centralities: degree, PN index, signed eigenvector | [`balance::signed_degrees`], [`balance::pn_index`], [`balance::signed_eigenvector`] |
//! | Frustration index: exact with proof of optimality, heuristic, certificate re-count | [`balance::frustration_exact`], [`balance::frustration_heuristic`], [`balance::recount_frustration`] |
//! | k-way signed partitions (Doreian & Mrvar) | [`balance::signed_kway_partition`] |
//! | Float tolerances | [`tolerance`] |
//! | Proptest strategies (feature `proptest`) | `strategies` |
//! | Faster dense spectral paths (feature `faer`: walk balance, signed eigenvector and PN index of parts up to their dense limits by faer instead of the crate's own solvers) | [`balance::walk_balance`], [`balance::signed_eigenvector`], [`balance::pn_index`] |
//! | Text for people: `Display` of every result, numbers, errors with causes | [`report`], [`report::ErrorReport`], [`report::labelled`] |
//! | The theory the crate computes, and the decisions behind it | [`guide::theory`] |
//! | How to property-test the theory's assumptions | [`guide::property_testing`] |
//!
//! ## Quick start
//!
//! ```
//! use rsct::{Dataset, DerivationRules, Evidence, Period, Relation, Sector, Sign, Unit};
//!
//! let ds = Dataset::builder()
//!     .unit(Unit::state("RUS", "Russia")?)
//!     .unit(Unit::state("ARM", "Armenia")?)
//!     .relation(
//!         Relation::builder("RUS", "ARM", Sign::Amity, Period::from_year(1995))
//!             .intensity(0.8)
//!             .sector(Sector::Military)
//!             .evidence(Evidence::cited(
//!                 "Russians have an airbase in Yerevan and military base in Gyumri",
//!                 "§2.3, fn 89",
//!             )?)
//!             .build()?,
//!     )
//!     .build()?;
//! let g = ds.snapshot(2010, &DerivationRules::new())?;
//! let tie = g.tie("RUS", "ARM").expect("a tie");
//! assert_eq!(tie.net(), 0.8);
//! assert_eq!(tie.contributions()[0].evidence().next().unwrap().locator(), Some("§2.3, fn 89"));
//! // Every result prints readably:
//! assert_eq!(tie.to_string(), "amity: net +0.80, interdependence 0.80, 1 contribution");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Printing errors
//!
//! Print an error with [`report::ErrorReport`]: the crate's message and its causes, an invalid
//! data set's problems one per line. (`fn main() -> Result<…>` with `?` prints Rust's debug
//! dump instead.) This program exits with status 1 and prints
//!
//! ```text
//! error: 1 problem(s) in the data set:
//!   - units[1] (RUS): duplicate identifier "RUS", first used by units[0] (RUS)
//! ```
//!
//! ```no_run
//! use rsct::report::ErrorReport;
//! use rsct::{Dataset, Unit};
//! use std::process::ExitCode;
//!
//! fn run() -> Result<(), Box<dyn std::error::Error>> {
//!     let ds = Dataset::builder()
//!         .unit(Unit::state("RUS", "Russia")?)
//!         .unit(Unit::state("RUS", "Russia, again")?)
//!         .build()?;
//!     println!("{} units", ds.units().len());
//!     Ok(())
//! }
//!
//! fn main() -> ExitCode {
//!     match run() {
//!         Ok(()) => ExitCode::SUCCESS,
//!         Err(e) => {
//!             eprintln!("error: {}", ErrorReport::new(&*e));
//!             ExitCode::FAILURE
//!         }
//!     }
//! }
//! ```

//! ## Paths
//!
//! The data model — units, organisations, relations, periods, sectors, signs, evidence,
//! capabilities, data sets, snapshots and graphs — is at the crate root (`rsct::Unit`,
//! `rsct::Dataset`, `rsct::snapshot`, …). Each analysis is a module (`rsct::balance`,
//! `rsct::boundary`, `rsct::polarity`, `rsct::evolution`, `rsct::panel`, `rsct::report`,
//! `rsct::io`) and its items are reached through it only. Every item has one path.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use petgraph;

pub mod balance;
pub mod boundary;
mod capability;
mod dataset;
pub mod datasets;
mod evidence;
pub mod evolution;
mod graph;
pub mod guide;
mod id;
mod internal;
pub mod io;
mod organisation;
pub mod panel;
mod period;
pub mod polarity;
mod relation;
pub mod report;
mod sector;
mod sign;
mod snapshot;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod tolerance;
mod unit;

pub use capability::{CapabilityError, CapabilityObservation};
pub use dataset::{
    Border, Contiguity, ContiguityKind, Dataset, DatasetBuilder, DatasetError, Format,
    GeographyError, Issue, Item, MAX_CONFLICTS_PER_PAIR, OverlayRule, PowerClassification,
    SCHEMA_VERSION,
};
pub use evidence::{Evidence, EvidenceError};
pub use graph::{
    Contribution, Provenance, Proximity, SecurityGraph, SignedEdge, SignedGraph, SignedGraphError,
    Tie,
};
pub use id::{IdError, MAX_ID_LEN, check_id};
pub use organisation::{Membership, Organisation, OrganisationError, OrganisationKind, Role};
pub use period::{Period, PeriodError, Year};
pub use relation::{Instrument, Relation, RelationBuilder, RelationError};
pub use sector::{Sector, SectorSet};
pub use sign::{Sign, SignedWeight};
pub use snapshot::{
    Combination, DEFAULT_DEFENCE_INTENSITY, DerivationRules, ExplicitRule, FamilyRule,
    InstrumentFilter, MembershipTie, MembershipWeight, SnapshotError, snapshot,
};
pub use unit::{Unit, UnitError, UnitKind};
