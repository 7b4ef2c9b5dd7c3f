//! The world panel: the whole state system, year by year, as signed graphs built from the
//! Correlates-of-War family of data sets, with the crate's analyses streamed as rows.
//!
//! ```text
//! io::cow readers ──▶ World ──year(y, rules)──▶ YearGraph (units, SignedGraph, provenance)
//!                       ├──dataset(y, rules)──▶ Dataset (cited relations) ──snapshot──▶ SecurityGraph
//!                       └──panel(from, to, rules)──▶ PanelRow per year ──▶ CSV / JSON lines
//! ```
//!
//! [`WorldRules`] say which ATOP obligations are amity (default: any), which MID hostility
//! is enmity (default: level ≥ 3), what wins when a dyad has both (default: the dispute),
//! whether strategic rivalries are enmity and whether contiguity adds interdependence
//! (default: neither). The panel holds the data read (one compact record per dyad-year)
//! and builds one year at a time: rows are streamed, never all years' graphs at once.
//!
//! # Analyses
//! Each row carries the signed triangle census and the Harary test (with its certificate),
//! system polarity from NMC CINC (concentration, effective number of poles, CON, poles by
//! the half-of-the-leader rule) and a frustration column filled by a function the caller
//! supplies ([`Panel::frustration_with`]). The census, Harary test and concentration used
//! here are interim implementations, to be replaced by `crate::balance` and
//! `crate::polarity` when those modules are merged; the columns stay the same.
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
//! use rsct::panel::{PanelFormat, PanelOptions, World, WorldRules};
//! let world = World::load("../shared/data/cow")?;
//! let rules = WorldRules::new().mid_hostility_at_least(3).dispute_wins(true);
//! let g = world.year(1993, &rules)?;
//! assert!(g.tie(371, 373).is_some_and(|t| t.sign().is_negative()));
//! let out = std::io::stdout();
//! world
//!     .panel(1816, 2014, &rules, PanelOptions::new())?
//!     .write(PanelFormat::Csv, &mut out.lock())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod dataset;
mod interim;
mod row;
mod rules;
mod world;

pub use row::{
    CSV_COLUMNS, FrustrationColumns, HararyColumns, PanelFormat, PanelRow, PolarityColumns,
    TriangleCensus,
};
pub use rules::{Conflict, Labels, WorldRules};
pub use world::{Proximity, World, WorldTie, YearGraph};

use crate::period::Year;
use std::io::Write;

/// Errors of the panel.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PanelError {
    /// A rule holds a number outside its range.
    #[error("rule {rule}: {value} is out of range")]
    BadRule {
        /// The rule.
        rule: String,
        /// The value given.
        value: f64,
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
    /// The year's world could not be made into a valid [`crate::Dataset`] (a label that is
    /// not an identifier, a validation issue); the message names the item.
    #[error("building the data set: {0}")]
    Dataset(String),
    /// Writing the output failed.
    #[error("writing the panel: {0}")]
    Write(#[source] std::io::Error),
    /// Serialising a row to JSON failed.
    #[error("serialising the panel: {0}")]
    Json(#[source] serde_json::Error),
}

/// Which analyses the panel runs (all by default). Those whose data are missing (polarity
/// without NMC) are left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelOptions {
    census: bool,
    harary: bool,
    polarity: bool,
}

impl Default for PanelOptions {
    fn default() -> Self {
        Self {
            census: true,
            harary: true,
            polarity: true,
        }
    }
}

impl PanelOptions {
    /// Every analysis.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// Whether to run the signed triangle census.
    #[must_use]
    pub fn census(mut self, yes: bool) -> Self {
        self.census = yes;
        self
    }
    /// Whether to run the Harary test.
    #[must_use]
    pub fn harary(mut self, yes: bool) -> Self {
        self.harary = yes;
        self
    }
    /// Whether to compute polarity from NMC.
    #[must_use]
    pub fn polarity(mut self, yes: bool) -> Self {
        self.polarity = yes;
        self
    }
}

type FrustrationFn<'w> = Box<dyn FnMut(&YearGraph) -> Option<FrustrationColumns> + 'w>;

/// The panel: an iterator of [`PanelRow`]s, one per year of the range, built one year at a
/// time. Made by [`World::panel`].
pub struct Panel<'w> {
    world: &'w World,
    rules: WorldRules,
    options: PanelOptions,
    next: Year,
    to: Year,
    scratch: world::Scratch,
    frustration: Option<FrustrationFn<'w>>,
}

impl std::fmt::Debug for Panel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Panel")
            .field("rules", &self.rules)
            .field("options", &self.options)
            .field("next", &self.next)
            .field("to", &self.to)
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
            options,
            next: from,
            to,
            scratch: world::Scratch::default(),
            frustration: None,
        })
    }
}

impl<'w> Panel<'w> {
    /// Fills the frustration column with `f` (for example a heuristic or an exact solver
    /// from `crate::balance`, with a time limit); `f` returns `None` where it has no result.
    #[must_use]
    pub fn frustration_with(
        mut self,
        f: impl FnMut(&YearGraph) -> Option<FrustrationColumns> + 'w,
    ) -> Self {
        self.frustration = Some(Box::new(f));
        self
    }

    /// The row of one year's graph.
    fn row(&mut self, g: &YearGraph) -> PanelRow {
        let sg = g.graph();
        let edges: Vec<(u32, u32, bool)> = sg
            .edges()
            .map(|(a, b, e)| (a.index() as u32, b.index() as u32, e.sign().is_negative()))
            .collect();
        let n = sg.node_count();
        let enmity = edges.iter().filter(|e| e.2).count();
        let census = self.options.census.then(|| {
            let [ppp, ppm, pmm, mmm] = interim::census(n, &edges);
            TriangleCensus { ppp, ppm, pmm, mmm }
        });
        let harary = self
            .options
            .harary
            .then(|| match interim::harary(n, &edges) {
                interim::Harary::Balanced(c) => {
                    let b = c.iter().filter(|&&x| x == 1).count();
                    HararyColumns {
                        balanced: true,
                        camp_sizes: Some((n - b, b)),
                        odd_cycle: Vec::new(),
                    }
                }
                interim::Harary::OddCycle(cyc) => HararyColumns {
                    balanced: false,
                    camp_sizes: None,
                    odd_cycle: cyc
                        .iter()
                        .filter_map(|&i| sg.label(petgraph::graph::NodeIndex::new(i as usize)))
                        .map(str::to_owned)
                        .collect(),
                },
            });
        let polarity = if self.options.polarity {
            self.polarity(g.year())
        } else {
            None
        };
        let frustration = self.frustration.as_mut().and_then(|f| f(g));
        PanelRow {
            year: g.year(),
            units: n,
            ties: edges.len(),
            amity: edges.len() - enmity,
            enmity,
            contested: g.contested(),
            census,
            harary,
            frustration,
            polarity,
        }
    }

    fn polarity(&self, year: Year) -> Option<PolarityColumns> {
        let nmc = self.world.capabilities()?;
        let recs: Vec<_> = nmc
            .in_year(year)
            .iter()
            .filter_map(|r| r.cinc().map(|c| (r.ccode(), c)))
            .collect();
        let values: Vec<f64> = recs.iter().map(|r| r.1).collect();
        let c = interim::concentration(&values)?;
        Some(PolarityColumns {
            states: values.len(),
            hhi: c.hhi,
            effective_poles: c.effective_poles,
            con: c.con,
            leader: self.world.label(recs[c.leader].0, self.rules.label_rule()),
            leader_share: c.leader_share,
            poles: c.poles,
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
                (*d != s::RIVALRIES || self.rules.rivalry().is_some())
                    && (*d != s::CONTIGUITY || self.rules.contiguity_rule().is_some())
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
    type Item = PanelRow;

    fn next(&mut self) -> Option<PanelRow> {
        if self.next > self.to {
            return None;
        }
        let year = self.next;
        self.next = self.next.saturating_add(1);
        if year == Year::MAX {
            self.to = Year::MIN;
        }
        let g = self.world.build_year(year, &self.rules, &mut self.scratch);
        Some(self.row(&g))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = if self.next > self.to {
            0
        } else {
            (i64::from(self.to) - i64::from(self.next) + 1) as usize
        };
        (n, Some(n))
    }
}
