//! COW National Material Capabilities 6.0 (`NMC-60-abridged.csv`).

use super::super::ReadError;
use super::super::source::read_bytes;
use super::Ccode;
use super::states::StateSystem;
use super::table::for_each_row;
use crate::capability::CapabilityObservation;
use crate::period::Year;
use serde::Serialize;
use std::path::Path;

/// A component of the NMC data (or the composite index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NmcComponent {
    /// Military expenditure (thousands of current US dollars; `milex`).
    MilitaryExpenditure,
    /// Military personnel (thousands; `milper`).
    MilitaryPersonnel,
    /// Iron and steel production (thousands of tons; `irst`).
    IronSteel,
    /// Primary energy consumption (thousands of coal-ton equivalents; `pec`).
    Energy,
    /// Total population (thousands; `tpop`).
    TotalPopulation,
    /// Urban population (thousands; `upop`).
    UrbanPopulation,
    /// Composite Index of National Capability (`cinc`), a share of the system total.
    Cinc,
}

impl NmcComponent {
    /// All components, in column order.
    pub const ALL: [NmcComponent; 7] = [
        NmcComponent::MilitaryExpenditure,
        NmcComponent::MilitaryPersonnel,
        NmcComponent::IronSteel,
        NmcComponent::Energy,
        NmcComponent::TotalPopulation,
        NmcComponent::UrbanPopulation,
        NmcComponent::Cinc,
    ];

    /// The column name in the NMC file.
    #[must_use]
    pub fn column(self) -> &'static str {
        match self {
            NmcComponent::MilitaryExpenditure => "milex",
            NmcComponent::MilitaryPersonnel => "milper",
            NmcComponent::IronSteel => "irst",
            NmcComponent::Energy => "pec",
            NmcComponent::TotalPopulation => "tpop",
            NmcComponent::UrbanPopulation => "upop",
            NmcComponent::Cinc => "cinc",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One state-year of NMC data. A value the file codes as missing (`-9`, empty or `NA`) is
/// `None`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NmcRecord {
    ccode: Ccode,
    year: Year,
    values: [Option<f64>; 7],
}

impl NmcRecord {
    /// The COW country code.
    #[must_use]
    pub fn ccode(&self) -> Ccode {
        self.ccode
    }
    /// The year.
    #[must_use]
    pub fn year(&self) -> Year {
        self.year
    }
    /// The value of one component, `None` when missing.
    #[must_use]
    pub fn get(&self, component: NmcComponent) -> Option<f64> {
        self.values[component.index()]
    }
    /// The CINC score, `None` when missing.
    #[must_use]
    pub fn cinc(&self) -> Option<f64> {
        self.get(NmcComponent::Cinc)
    }
}

/// The NMC data: state-years sorted by `(year, ccode)`.
///
/// Source: Singer, Bremer & Stuckey 1972; Singer 1987; NMC v6.0 (see
/// [`super::sources::NMC`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Nmc {
    records: Vec<NmcRecord>,
}

impl Nmc {
    /// Every state-year, sorted by `(year, ccode)`.
    #[must_use]
    pub fn records(&self) -> &[NmcRecord] {
        &self.records
    }

    /// The state-years of `year`, sorted by code.
    #[must_use]
    pub fn in_year(&self, year: Year) -> &[NmcRecord] {
        let lo = self.records.partition_point(|r| r.year < year);
        let hi = self.records.partition_point(|r| r.year <= year);
        &self.records[lo..hi]
    }

    /// The record of one state-year.
    #[must_use]
    pub fn get(&self, ccode: Ccode, year: Year) -> Option<&NmcRecord> {
        self.in_year(year).iter().find(|r| r.ccode == ccode)
    }

    /// Capability observations of `component` for every state-year with a value, the unit
    /// named by `unit` (e.g. the COW abbreviation from a [`StateSystem`]); state-years that
    /// `unit` maps to `None` are skipped. The source reads `COW NMC 6.0 (<column>)`.
    ///
    /// # Errors
    /// [`crate::CapabilityError`] for a negative value (CINC and the components
    /// are never negative in the published data).
    pub fn observations<'s>(
        &self,
        component: NmcComponent,
        mut unit: impl FnMut(Ccode) -> Option<&'s str>,
    ) -> Result<Vec<CapabilityObservation>, crate::capability::CapabilityError> {
        let source = format!("COW NMC 6.0 ({})", component.column());
        let mut out = Vec::new();
        for r in &self.records {
            if let (Some(v), Some(id)) = (r.get(component), unit(r.ccode)) {
                out.push(CapabilityObservation::new(id, r.year, v, &source)?);
            }
        }
        Ok(out)
    }
}

/// Reads COW National Material Capabilities (`NMC-60-abridged.csv`, plain or gzip) by
/// column name: `ccode, year, milex, milper, irst, pec, tpop, upop, cinc` (`stateabb` and
/// `version` are ignored). `-9` means missing. When `states` is given, every code must be in
/// it.
///
/// # Errors
/// A [`ReadError`] naming file, line and column: [`ReadError::MissingColumn`],
/// [`ReadError::BadCode`], [`ReadError::UnknownCcode`], [`ReadError::BadNumber`].
///
/// # Example
/// ```no_run
/// let nmc = rsct::io::cow::read_nmc("cow/NMC-60-abridged.csv", None)?;
/// let usa = nmc.get(2, 1816).and_then(|r| r.cinc());
/// assert!(usa.is_some());
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_nmc(path: impl AsRef<Path>, states: Option<&StateSystem>) -> Result<Nmc, ReadError> {
    let path = path.as_ref();
    parse_nmc(path, &read_bytes(path)?, states)
}

pub(crate) fn parse_nmc(
    path: &Path,
    bytes: &[u8],
    states: Option<&StateSystem>,
) -> Result<Nmc, ReadError> {
    const COLS: [&str; 9] = [
        "ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc",
    ];
    let mut records = Vec::new();
    for_each_row(path, bytes, &COLS, &[], |r| {
        let ccode = r.known_code(0, states)?;
        let year = r.year(1)?;
        let mut values = [None; 7];
        for (i, v) in values.iter_mut().enumerate() {
            *v = r.opt_num(i + 2)?.filter(|&x| x != -9.0);
        }
        records.push(NmcRecord {
            ccode,
            year,
            values,
        });
        Ok(())
    })?;
    records.sort_by_key(|r| (r.year, r.ccode));
    Ok(Nmc { records })
}
