//! The world panel: the whole state system, year by year, as signed graphs built from the
//! Correlates-of-War family of data sets, with the crate's analyses streamed as rows.
//!
//! ```text
//! io::cow readers ──▶ World ──dataset(from, to, rules)──▶ Dataset (units, cited relations,
//!                       │                                  borders, capabilities)
//!                       │                                    └──snapshot(y)──▶ SecurityGraph
//!                       └──panel(from, to, rules)──▶ per year: Dataset ─▶ snapshot ─▶ analyses
//!                                                   ──▶ PanelRow ──▶ CSV / JSON lines
//! ```
//!
//! [`WorldRules`] say which ATOP obligations are amity (default: any), which MID hostility
//! is enmity (default: level ≥ 3), what wins when a dyad has both (default: the dispute),
//! whether strategic rivalries are enmity and whether contiguity adds interdependence
//! (default: neither). The panel holds the data read (one compact record per dyad-year)
//! and builds the [`crate::Dataset`] of 32 years at a time, then each year's
//! [`crate::snapshot()`] and analyses — so rows are streamed, never all years at once.
//! There is one route from the records to a graph: the panel, [`World::security_graph`]
//! and [`World::boundaries`] all go through [`World::dataset`] and the snapshot.
//!
//! # Analyses
//! Each row carries the signed triangle census ([`crate::balance::triangle_census`]) and the
//! Harary test with its certificate ([`crate::balance::harary_test`]), system polarity from
//! NMC CINC ([`crate::polarity`]: shares, HHI, effective number of poles, CON, leader, poles
//! by Schweller's half-of-the-leader rule without an absolute floor) and a frustration
//! column filled by the crate's exact solver ([`Panel::frustration`]) or by a function the
//! caller supplies ([`Panel::frustration_with`]). For the
//! boundaries of security complexes in a year of the world see [`World::boundaries`].
//!
//! # Data sets and what to cite
//! See [`crate::io::cow`]: ATOP v5.1 (Leeds et al. 2002), MID v5.0 (Palmer et al. 2022) or
//! Dyadic MID v4.02 (Maoz et al. 2019), COW State System v2016, Direct Contiguity v3.2
//! (Stinnett et al. 2002), NMC v6.0 (Singer, Bremer & Stuckey 1972), strategic rivalries
//! (Thompson, Sakuwa & Suhas 2021). Every output begins with the citations of the data
//! sets loaded. COW alliance data is never used or shipped; ATOP is the alliance source.
//!
//! # Example
//! ```no_run
//! use rsct::panel::{Conflict, PanelFormat, PanelOptions, World, WorldRules};
//! let world = World::load("cow")?;
//! let rules = WorldRules::new().mid_hostility_at_least(3).conflict(Conflict::Dispute);
//! let g = world.security_graph(1993, &rules)?;
//! assert!(g.tie("ARM", "AZE").is_some_and(|t| t.net() < 0.0));
//! let out = std::io::stdout();
//! world
//!     .panel(1816, 2014, &rules, PanelOptions::new())?
//!     .write(PanelFormat::Csv, &mut out.lock())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod boundaries;
mod dataset;
mod extract;
mod row;
mod rules;
mod world;

pub use boundaries::WorldBoundaryOptions;
pub use row::{
    CSV_COLUMNS, FrustrationColumns, HararyColumns, PanelFormat, PanelRow, PolarityColumns,
};
pub use rules::{Conflict, Labels, PactWeight, WorldRules};
pub use world::World;

use crate::balance;
use crate::graph::SecurityGraph;
use crate::internal::parallel;
use crate::io::cow::Ccode;
use crate::period::Year;
use crate::polarity;
use std::io::Write;

/// Errors of the panel.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PanelError {
    /// A rule holds a number outside its range.
    #[error("rule {rule}: {value} is out of range {range}")]
    BadRule {
        /// The rule.
        rule: String,
        /// The value given.
        value: f64,
        /// The range the rule accepts, e.g. `(0, 1]`.
        range: &'static str,
    },
    /// A rule needs the state system list, which is not loaded.
    #[error("rule {rule} needs the COW state system list, which is not loaded")]
    NeedsStates {
        /// The rule.
        rule: &'static str,
    },
    /// The year range is empty.
    #[error("year range {from}–{to} is empty")]
    EmptyRange {
        /// The first year asked for.
        from: Year,
        /// The last year asked for.
        to: Year,
    },
    /// The world could not be made into a valid [`crate::Dataset`]; the issues name the
    /// items.
    #[error("building the data set: {0}")]
    Dataset(#[from] crate::dataset::DatasetError),
    /// Two units of the world share a label (two states with one abbreviation).
    #[error("states {} and {} share the label {label:?}", ccodes.0, ccodes.1)]
    DuplicateLabel {
        /// The label.
        label: String,
        /// The two COW codes.
        ccodes: (Ccode, Ccode),
    },
    /// A unit could not be made from a state (a label that is not an identifier).
    #[error("building a unit: {0}")]
    Unit(#[from] crate::unit::UnitError),
    /// A relation could not be made from a dyad's records.
    #[error("building a relation: {0}")]
    Relation(#[from] crate::relation::RelationError),
    /// A border could not be made from a contiguity record.
    #[error("building a border: {0}")]
    Border(#[from] crate::dataset::GeographyError),
    /// A capability observation could not be made from an NMC record.
    #[error("building a capability observation: {0}")]
    Capability(#[from] crate::capability::CapabilityError),
    /// The snapshot of a year failed.
    #[error("snapshot: {0}")]
    Snapshot(#[from] crate::snapshot::SnapshotError),
    /// The boundary analysis of a year failed (an option out of range, two units with one
    /// label).
    #[error("boundary analysis: {0}")]
    Boundary(#[from] crate::boundary::BoundaryError),
    /// Power classes could not be computed (a threshold out of range, a CINC score that
    /// cannot be a share).
    #[error("power classes: {0}")]
    Polarity(#[from] crate::polarity::PolarityError),
    /// Writing the output failed.
    #[error("writing the panel: {0}")]
    Write(#[source] std::io::Error),
    /// Serialising a row to JSON failed.
    #[error("serialising the panel: {0}")]
    Json(#[source] serde_json::Error),
}

/// Which analyses the panel runs (all by default), and on how many threads. Those whose
/// data are missing (polarity without NMC) are left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct PanelOptions {
    census: bool,
    harary: bool,
    polarity: bool,
    threads: usize,
}

impl Default for PanelOptions {
    fn default() -> Self {
        Self {
            census: true,
            harary: true,
            polarity: true,
            threads: 0,
        }
    }
}

impl PanelOptions {
    /// Every analysis.
    pub fn new() -> Self {
        Self::default()
    }
    crate::internal::switches! {
        /// Runs the signed triangle census (the default).
        with_census,
        /// Leaves the signed triangle census out (its columns empty).
        without_census => census;
        /// Runs the Harary test (the default).
        with_harary,
        /// Leaves the Harary test out (its columns empty).
        without_harary => harary;
        /// Computes system polarity from NMC (the default).
        with_polarity,
        /// Leaves system polarity out (its columns empty, NMC not cited).
        without_polarity => polarity;
    }
    crate::internal::options! {
        /// Threads for the years: 0 (the default) rayon's current pool — every core, or
        /// `RAYON_NUM_THREADS`, or the pool of a caller already running in one —, 1 the
        /// calling thread alone, `n` a pool of `n` threads of its own. The rows do not
        /// depend on it: each year's row is computed from that year alone and the rows come
        /// out in year order.
        threads(threads: usize), get_threads;
    }
    crate::internal::getters! {
        /// Whether the signed triangle census runs.
        census: bool;
        /// Whether the Harary test runs.
        harary: bool;
        /// Whether system polarity is computed.
        polarity: bool;
    }
}

/// How many years the panel builds as one data set: long enough that a tie's run of years
/// is one relation, short enough to keep memory small on long ranges.
const CHUNK_YEARS: Year = 32;

type FrustrationFn<'w> =
    Box<dyn Fn(&SecurityGraph) -> Option<FrustrationColumns> + Send + Sync + 'w>;

/// The panel: an iterator of [`PanelRow`]s (or the error of a year whose data set cannot be
/// built), one per year of the range, in year order. Made by [`World::panel`].
///
/// The years are computed a batch at a time — as many chunks of 32 years as the panel has
/// threads ([`PanelOptions::threads`]), their data sets built side by side and their years'
/// rows computed in parallel — and handed out in order, so rows are streamed and never all
/// years held at once.
pub struct Panel<'w> {
    world: &'w World,
    rules: WorldRules,
    options: PanelOptions,
    derivation: crate::snapshot::DerivationRules,
    /// The years not computed yet, if any.
    remaining: Option<(Year, Year)>,
    /// Rows computed and not yet handed out, in year order.
    ready: std::collections::VecDeque<Result<PanelRow, PanelError>>,
    frustration: Option<FrustrationFn<'w>>,
}

impl std::fmt::Debug for Panel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Panel")
            .field("rules", &self.rules)
            .field("options", &self.options)
            .field("remaining", &self.remaining)
            .field("ready", &self.ready.len())
            .finish_non_exhaustive()
    }
}

impl World {
    /// The panel of the years `from..=to` under `rules`.
    ///
    /// # Errors
    /// [`PanelError::EmptyRange`], [`PanelError::BadRule`], [`PanelError::NeedsStates`].
    pub fn panel(
        &self,
        from: Year,
        to: Year,
        rules: &WorldRules,
        options: PanelOptions,
    ) -> Result<Panel<'_>, PanelError> {
        if to < from {
            return Err(PanelError::EmptyRange { from, to });
        }
        rules.check()?;
        self.check_needs(rules)?;
        Ok(Panel {
            world: self,
            rules: rules.clone(),
            derivation: rules.derivation_rules(),
            options,
            remaining: Some((from, to)),
            ready: std::collections::VecDeque::new(),
            frustration: None,
        })
    }
}

impl<'w> Panel<'w> {
    /// Fills the frustration column with `f` (for example a heuristic or an exact solver
    /// from `crate::balance`, with a node limit); `f` returns `None` where it has no result.
    /// `f` is called for several years at once on the panel's threads
    /// ([`PanelOptions::threads`]), hence `Fn + Send + Sync`; for the rows not to depend on
    /// the threads, its result should depend on the year's graph alone (a time limit makes
    /// it depend on the machine's load).
    #[must_use]
    pub fn frustration_with(
        mut self,
        f: impl Fn(&SecurityGraph) -> Option<FrustrationColumns> + Send + Sync + 'w,
    ) -> Self {
        self.frustration = Some(Box::new(f));
        self
    }

    /// Fills the frustration column with the crate's exact solver
    /// ([`crate::balance::frustration_exact`]) under `options` (give it a node
    /// or time limit for long ranges): the column holds the best partition's frustrated ties,
    /// marked exact when proven optimal, and an upper bound otherwise (the solver's incumbent
    /// comes from its tabu search). Years whose graph the solver rejects get no value.
    pub fn frustration(self, options: crate::balance::FrustrationOptions) -> Self {
        self.frustration_with(move |g: &SecurityGraph| {
            let f = crate::balance::frustration_exact(g.graph(), &options).ok()?;
            Some(FrustrationColumns {
                frustrated: f.frustrated().len(),
                exact: f.is_optimal(),
            })
        })
    }

    /// The row of one year's security graph: the census and Harary test from
    /// [`crate::balance`], system polarity from [`crate::polarity`].
    fn row(&self, g: &SecurityGraph, contested: usize) -> PanelRow {
        let sg = g.graph();
        let n = g.unit_count();
        let ties = g.tie_count();
        let enmity = g.ties().filter(|(_, _, t)| t.net() < 0.0).count();
        // A snapshot is simple (one tie per dyad, no self-loop), so the census cannot fail;
        // were it to, the columns would be left empty rather than wrong.
        let census = self.options.census.then_some(()).and_then(|()| {
            let c = balance::triangle_census(sg, &balance::CensusOptions::new().without_per_unit())
                .ok()?;
            Some(*c.counts())
        });
        let harary = self.options.harary.then_some(()).and_then(|()| {
            let h = balance::harary_test(sg).ok()?;
            Some(match h.certificate() {
                balance::HararyCertificate::Balanced { camps } => HararyColumns {
                    balanced: true,
                    camp_sizes: Some((camps[0].len(), camps[1].len())),
                    odd_cycle: Vec::new(),
                },
                balance::HararyCertificate::Unbalanced { cycle } => HararyColumns {
                    balanced: false,
                    camp_sizes: None,
                    odd_cycle: cycle
                        .units()
                        .iter()
                        .filter_map(|&i| g.unit(i))
                        .map(|u| u.id().to_owned())
                        .collect(),
                },
            })
        });
        let polarity = if self.options.polarity {
            self.polarity(g.year())
        } else {
            None
        };
        let frustration = self.frustration.as_ref().and_then(|f| f(g));
        PanelRow {
            year: g.year(),
            units: n,
            ties,
            amity: ties - enmity,
            enmity,
            contested,
            census,
            harary,
            frustration,
            polarity,
        }
    }

    /// The row of `year` of a chunk of years starting at `from`: the snapshot of the chunk's
    /// data set, the analyses.
    fn year_row(
        &self,
        built: &dataset::WorldYears,
        from: Year,
        year: Year,
    ) -> Result<PanelRow, PanelError> {
        let k = usize::try_from(i64::from(year) - i64::from(from)).unwrap_or(0);
        let g = crate::snapshot::snapshot_of(
            &built.dataset,
            year,
            &self.derivation,
            built.present.get(k).map(Vec::as_slice),
        )?;
        let contested = built.contested.get(k).copied().unwrap_or(0);
        Ok(self.row(&g, contested))
    }

    /// Computes the next batch of rows into `ready`: as many chunks of [`CHUNK_YEARS`] as
    /// the panel has threads, each chunk's data set built and its years' rows computed in
    /// parallel. A chunk whose data set cannot be built gives the error as the row of its
    /// first year, and the next batch starts at the year after.
    fn compute_batch(&mut self) {
        let Some((from, to)) = self.remaining else {
            return;
        };
        let threads = self.options.threads;
        let mut chunks: Vec<(Year, Year)> = Vec::new();
        let mut first = from;
        while chunks.len() < parallel::width(threads).max(1) {
            let last = first.saturating_add(CHUNK_YEARS - 1).min(to);
            chunks.push((first, last));
            if last >= to {
                break;
            }
            first = last + 1;
        }
        let this = &*self;
        let batch = parallel::install(threads, || {
            parallel::map(threads, &chunks, |&(first, last)| {
                let built = this.world.build_years(
                    first,
                    last,
                    &this.rules,
                    &mut world::Scratch::default(),
                )?;
                let years: Vec<Year> = (first..=last).collect();
                Ok(parallel::map(threads, &years, |&y| {
                    this.year_row(&built, first, y)
                }))
            })
        });
        self.remaining = chunks
            .last()
            .and_then(|&(_, last)| (last < to).then(|| (last + 1, to)));
        for (&(first, _), rows) in chunks.iter().zip(batch) {
            match rows {
                Ok(rows) => self.ready.extend(rows),
                Err(e) => {
                    self.ready.push_back(Err(e));
                    self.remaining = (first < to).then(|| (first + 1, to));
                    break;
                }
            }
        }
    }

    /// System polarity of `year` from the NMC CINC scores of every state with one:
    /// [`polarity::Shares`], [`polarity::measures`] and the poles by Schweller's half of the
    /// leader with no absolute floor ([`polarity::PoleRule`] `floor(0.0)`, the panel's
    /// documented column). `None` without NMC or when every score is zero.
    fn polarity(&self, year: Year) -> Option<PolarityColumns> {
        let nmc = self.world.capabilities()?;
        // Units are named by zero-padded COW code, so that a tie with the leader breaks by
        // code; the leader is labelled by the rules afterwards.
        let shares = polarity::Shares::from_values(
            nmc.in_year(year)
                .iter()
                .filter_map(|r| r.cinc().map(|c| (format!("{:010}", r.ccode()), c))),
        )
        .ok()?;
        let m = polarity::measures(&shares);
        let poles =
            polarity::identify_poles(&shares, &polarity::PoleRule::new().floor(0.0)).ok()?;
        let leader = m.leader.parse().ok()?;
        Some(PolarityColumns {
            states: m.n,
            hhi: m.hhi,
            effective_poles: m.effective_poles,
            con: m.con,
            leader: self.world.label(leader, self.rules.get_labels()),
            leader_share: m.leader_share,
            poles: poles.poles.len(),
        })
    }

    /// The data sets this panel's rows are computed from, to cite: the loaded ones that
    /// the rules and options use (rivalries only with [`WorldRules::rivalry_intensity`],
    /// contiguity only with [`WorldRules::contiguity`], NMC only with polarity).
    #[must_use]
    pub fn sources(&self) -> Vec<crate::io::cow::DataSource> {
        use crate::io::cow::sources as s;
        self.world
            .sources()
            .into_iter()
            .filter(|d| {
                (*d != s::RIVALRIES || self.rules.get_rivalry_intensity().is_some())
                    && (*d != s::CONTIGUITY || self.rules.get_contiguity().is_some())
                    && (*d != s::NMC || self.options.polarity)
            })
            .collect()
    }

    /// Streams the panel to `w` in `format`: first the citations of the data sets and the
    /// rules, then one row per year. Returns the number of rows written.
    ///
    /// # Errors
    /// [`PanelError::Write`] or [`PanelError::Json`].
    pub fn write(mut self, format: PanelFormat, w: &mut impl Write) -> Result<usize, PanelError> {
        row::write_preamble(w, format, &self.sources(), &self.rules)?;
        let mut n = 0;
        for r in self.by_ref() {
            let r = r?;
            match format {
                PanelFormat::Csv => r.write_csv(w)?,
                PanelFormat::JsonLines => r.write_json(w)?,
            }
            n += 1;
        }
        w.flush().map_err(PanelError::Write)?;
        Ok(n)
    }
}

impl Iterator for Panel<'_> {
    type Item = Result<PanelRow, PanelError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            self.compute_batch();
        }
        self.ready.pop_front()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let later = self.remaining.map_or(0, |(from, to)| {
            usize::try_from(i64::from(to) - i64::from(from) + 1).unwrap_or(0)
        });
        let n = self.ready.len() + later;
        (n, Some(n))
    }
}
