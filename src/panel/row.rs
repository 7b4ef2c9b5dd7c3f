//! `PanelRow`: one year of the world panel, and its CSV / JSON-lines output.

use super::PanelError;
use super::rules::WorldRules;
use crate::balance::TriangleCounts;
use crate::io::cow::DataSource;
use crate::period::Year;
use serde::Serialize;
use std::io::Write;

/// The Harary test of a year, with its certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HararyColumns {
    /// Whether the year's graph is balanced.
    pub balanced: bool,
    /// When balanced: the sizes of the two camps (isolated units in the first).
    pub camp_sizes: Option<(usize, usize)>,
    /// When unbalanced: a cycle with an odd number of enmity ties, as unit labels.
    pub odd_cycle: Vec<String>,
}

/// A frustration result for a year: the number of frustrated ties of the best partition
/// found, and whether it is proven optimal (the frustration index) or an upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FrustrationColumns {
    /// Frustrated ties of the partition found.
    pub frustrated: usize,
    /// Whether the count is proven minimal.
    pub exact: bool,
}

/// Capability concentration of the system in a year, from NMC CINC (theory [§4](crate::guide::theory#4-polarity)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolarityColumns {
    /// States with a CINC score in the year.
    pub states: usize,
    /// Herfindahl–Hirschman index of the CINC shares.
    pub hhi: f64,
    /// Effective number of poles, 1 / HHI.
    pub effective_poles: f64,
    /// CON (Ray & Singer 1973); `None` with a single state.
    pub con: Option<f64>,
    /// The leader's label.
    pub leader: String,
    /// The leader's share.
    pub leader_share: f64,
    /// States with at least half the leader's share (Schweller's rule).
    pub poles: usize,
}

/// One year of the world panel. Analysis columns are `None` when the analysis was not
/// asked for (or its data are not loaded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelRow {
    /// The year.
    pub year: Year,
    /// Units: system members in the year (when the state list is loaded) and every unit with
    /// a tie.
    pub units: usize,
    /// Signed ties.
    pub ties: usize,
    /// Amity ties.
    pub amity: usize,
    /// Enmity ties.
    pub enmity: usize,
    /// Dyads with both amity and enmity, resolved by the conflict rule.
    pub contested: usize,
    /// The signed triangle census ([`crate::balance::triangle_census`]).
    pub census: Option<TriangleCounts>,
    /// The Harary test.
    pub harary: Option<HararyColumns>,
    /// The frustration result.
    pub frustration: Option<FrustrationColumns>,
    /// System polarity from NMC.
    pub polarity: Option<PolarityColumns>,
}

/// The CSV column names, in order.
pub const CSV_COLUMNS: [&str; 24] = [
    "year",
    "units",
    "ties",
    "amity",
    "enmity",
    "contested",
    "ppp",
    "ppm",
    "pmm",
    "mmm",
    "strict_balance",
    "weak_balance",
    "balanced",
    "camp_a",
    "camp_b",
    "odd_cycle",
    "frustrated",
    "frustration_exact",
    "states_with_cinc",
    "hhi",
    "effective_poles",
    "con",
    "leader",
    "poles",
];

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(String::new, |x| x.to_string())
}

fn float(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| format!("{x:.6}"))
}

impl PanelRow {
    /// Writes the row as one CSV line (empty fields for analyses not run).
    ///
    /// # Errors
    /// [`PanelError::Write`].
    pub fn write_csv(&self, w: &mut impl Write) -> Result<(), PanelError> {
        let c = self.census.as_ref();
        let h = self.harary.as_ref();
        let f = self.frustration.as_ref();
        let p = self.polarity.as_ref();
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            self.year,
            self.units,
            self.ties,
            self.amity,
            self.enmity,
            self.contested,
            opt(c.map(TriangleCounts::ppp)),
            opt(c.map(TriangleCounts::ppm)),
            opt(c.map(TriangleCounts::pmm)),
            opt(c.map(TriangleCounts::mmm)),
            float(c.and_then(TriangleCounts::strict_ratio)),
            float(c.and_then(TriangleCounts::weak_ratio)),
            opt(h.map(|h| h.balanced)),
            opt(h.and_then(|h| h.camp_sizes).map(|s| s.0)),
            opt(h.and_then(|h| h.camp_sizes).map(|s| s.1)),
            h.map(|h| h.odd_cycle.join(";")).unwrap_or_default(),
            opt(f.map(|f| f.frustrated)),
            opt(f.map(|f| f.exact)),
            opt(p.map(|p| p.states)),
            float(p.map(|p| p.hhi)),
            float(p.map(|p| p.effective_poles)),
            float(p.and_then(|p| p.con)),
            p.map(|p| p.leader.as_str()).unwrap_or_default(),
            opt(p.map(|p| p.poles)),
        )
        .map_err(PanelError::Write)
    }

    /// Writes the row as one JSON line.
    ///
    /// # Errors
    /// [`PanelError::Write`] or [`PanelError::Json`].
    pub fn write_json(&self, w: &mut impl Write) -> Result<(), PanelError> {
        serde_json::to_writer(&mut *w, self).map_err(PanelError::Json)?;
        w.write_all(b"\n").map_err(PanelError::Write)
    }
}

/// The output format of a panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PanelFormat {
    /// CSV: `#` comment lines citing the data sets and stating the rules, then a header
    /// line ([`CSV_COLUMNS`]), then one line per year.
    Csv,
    /// JSON lines: a first object `{"sources": [...], "rules": {...}}`, then one
    /// [`PanelRow`] object per line.
    JsonLines,
}

/// Writes the preamble of a panel: the data sets to cite and the rules.
pub(crate) fn write_preamble(
    w: &mut impl Write,
    format: PanelFormat,
    sources: &[DataSource],
    rules: &WorldRules,
) -> Result<(), PanelError> {
    match format {
        PanelFormat::Csv => {
            writeln!(w, "# rsct world panel; data sets (cite them):").map_err(PanelError::Write)?;
            for s in sources {
                writeln!(w, "# - {} ({}): {}", s.name, s.file, s.cite)
                    .map_err(PanelError::Write)?;
            }
            let r = serde_json::to_string(rules).map_err(PanelError::Json)?;
            writeln!(w, "# rules: {r}").map_err(PanelError::Write)?;
            writeln!(w, "{}", CSV_COLUMNS.join(",")).map_err(PanelError::Write)
        }
        PanelFormat::JsonLines => {
            #[derive(Serialize)]
            struct Preamble<'a> {
                sources: &'a [DataSource],
                rules: &'a WorldRules,
            }
            serde_json::to_writer(&mut *w, &Preamble { sources, rules })
                .map_err(PanelError::Json)?;
            w.write_all(b"\n").map_err(PanelError::Write)
        }
    }
}
