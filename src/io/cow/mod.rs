//! Readers for the Correlates-of-War family of data sets and its companions: state system
//! membership, National Material Capabilities, Direct Contiguity, ATOP alliances, MID
//! disputes (5.0 and Dyadic 4.02) and strategic rivalries. One reader per file.
//!
//! Every reader takes a CSV file, plain or gzip-compressed (detected by its magic bytes),
//! finds its columns **by name** in the header (case-insensitively, in any order, extra
//! columns ignored), accepts quoted fields, and folds the two directions of a dyad into one
//! undirected record (`a < b`). The dyad readers take an optional [`StateSystem`]: when
//! given, every country code must be in it.
//!
//! Errors are [`ReadError`]s naming file, line and column: a missing column
//! ([`ReadError::MissingColumn`]), a non-numeric country code ([`ReadError::BadCode`]), a code
//! not in the state list ([`ReadError::UnknownCcode`]), a bad number or a value out of range.
//!
//! To turn these records into yearly signed graphs, a [`crate::Dataset`] or a panel of
//! analyses, see [`crate::panel`].
//!
//! # Data sets and what to cite
//!
//! | reader | file | cite |
//! |---|---|---|
//! | [`read_states`] | `states2016.csv` | COW Project 2016, *State System Membership List v2016* |
//! | [`read_nmc`] | `NMC-60-abridged.csv` | Singer, Bremer & Stuckey 1972; Singer 1987; NMC v6.0 |
//! | [`read_contiguity`] | `contdird.csv` | Stinnett et al. 2002, CMPS 19(2); COW Direct Contiguity v3.2 |
//! | [`read_atop`] | `atop5.1_directed_dyad_year.csv.gz` | Leeds et al. 2002, International Interactions 28; ATOP v5.1 |
//! | [`read_mid5`] | `mid5_dyadic_disputes.csv` | Palmer et al. 2022, CMPS 39(4); MID v5.0 |
//! | [`read_mid4`] | `dyadic_mid_4.02.csv` | Maoz et al. 2019, JCR; Dyadic MID v4.02 |
//! | [`read_rivalries`] | `strategic_rivalries_tss.csv` | Thompson, Sakuwa & Suhas 2021 |
//!
//! The same citations are in [`sources`], for output headers. Alliances come from ATOP:
//! the crate never ships COW alliance data (its maintainer asked that software not
//! redistribute it).

mod atop;
mod contiguity;
mod dyad;
mod extract;
mod mid;
mod nmc;
mod rivalry;
mod states;
mod table;

pub use atop::{AllianceYears, Obligation, Obligations, read_atop};
pub use contiguity::{ContiguityType, ContiguityYears, read_contiguity};
pub use dyad::{DyadYear, DyadYears};
pub use extract::{EXTRACT_FILES, Extract, ExtractParts, read_extract, write_extract};
pub use mid::{Dispute, DisputeYears, read_mid4, read_mid5};
pub use nmc::{Nmc, NmcComponent, NmcRecord, read_nmc};
pub use rivalry::{Rivalry, read_rivalries};
pub use states::{Date, StateSpell, StateSystem, read_states};

use super::ReadError;

/// A Correlates-of-War country code (`ccode`), e.g. 365 for Russia.
pub type Ccode = u32;

/// A data set: its name, the file it is read from, and what to cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DataSource {
    /// The data set's name and version.
    pub name: &'static str,
    /// The file name the readers expect by default.
    pub file: &'static str,
    /// The citation.
    pub cite: &'static str,
}

/// The data sets the readers know, with their citations.
pub mod sources {
    use super::DataSource;

    /// COW State System Membership v2016.
    pub const STATES: DataSource = DataSource {
        name: "COW State System Membership v2016",
        file: "states2016.csv",
        cite: "Correlates of War Project 2016, State System Membership List, v2016",
    };
    /// COW National Material Capabilities v6.0.
    pub const NMC: DataSource = DataSource {
        name: "COW National Material Capabilities v6.0",
        file: "NMC-60-abridged.csv",
        cite: "Singer, Bremer & Stuckey 1972; Singer 1987, International Interactions 14",
    };
    /// COW Direct Contiguity v3.2 (dyad-year).
    pub const CONTIGUITY: DataSource = DataSource {
        name: "COW Direct Contiguity v3.2",
        file: "contdird.csv",
        cite: "Stinnett, Tir, Schafer, Diehl & Gochman 2002, Conflict Management and Peace Science 19(2)",
    };
    /// ATOP v5.1 (directed dyad-year).
    pub const ATOP: DataSource = DataSource {
        name: "ATOP v5.1",
        file: "atop5.1_directed_dyad_year.csv.gz",
        cite: "Leeds, Ritter, Mitchell & Long 2002, International Interactions 28",
    };
    /// MID v5.0 (dyadic dispute-years).
    pub const MID5: DataSource = DataSource {
        name: "MID v5.0",
        file: "mid5_dyadic_disputes.csv",
        cite: "Palmer, McManus, D'Orazio, Kenwick, Karstens, Bloch, Dietrich, Kahn, Ritter & Soules 2022, Conflict Management and Peace Science 39(4)",
    };
    /// Dyadic MID v4.02.
    pub const MID4: DataSource = DataSource {
        name: "Dyadic MID v4.02",
        file: "dyadic_mid_4.02.csv",
        cite: "Maoz, Johnson, Kaplan, Ogunkoya & Shreve 2019, Journal of Conflict Resolution 63(3)",
    };
    /// Strategic rivalries (Thompson, Sakuwa & Suhas).
    pub const RIVALRIES: DataSource = DataSource {
        name: "Strategic Rivalries (TSS)",
        file: "strategic_rivalries_tss.csv",
        cite: "Thompson, Sakuwa & Suhas 2021",
    };
}

/// Parses COW-family files already in memory (for callers that do not read from a file, and
/// for fuzzing); `name` stands for the file in error messages. Gzip-compressed bytes are
/// decompressed first, as by the file readers.
pub mod from_bytes {
    use super::{
        AllianceYears, ContiguityYears, DisputeYears, Nmc, ReadError, Rivalry, StateSystem,
    };
    use std::borrow::Cow;
    use std::path::Path;

    fn plain<'a>(name: &str, bytes: &'a [u8]) -> Result<Cow<'a, [u8]>, ReadError> {
        Ok(match crate::io::source::gunzip(Path::new(name), bytes)? {
            Some(v) => Cow::Owned(v),
            None => Cow::Borrowed(bytes),
        })
    }

    /// See [`super::read_states`].
    ///
    /// # Errors
    /// As [`super::read_states`].
    pub fn states(name: &str, bytes: &[u8]) -> Result<StateSystem, ReadError> {
        super::states::parse_states(Path::new(name), &plain(name, bytes)?)
    }
    /// See [`super::read_nmc`].
    ///
    /// # Errors
    /// As [`super::read_nmc`].
    pub fn nmc(name: &str, bytes: &[u8], states: Option<&StateSystem>) -> Result<Nmc, ReadError> {
        super::nmc::parse_nmc(Path::new(name), &plain(name, bytes)?, states)
    }
    /// See [`super::read_contiguity`].
    ///
    /// # Errors
    /// As [`super::read_contiguity`].
    pub fn contiguity(
        name: &str,
        bytes: &[u8],
        states: Option<&StateSystem>,
    ) -> Result<ContiguityYears, ReadError> {
        super::contiguity::parse_contiguity(Path::new(name), &plain(name, bytes)?, states)
    }
    /// See [`super::read_atop`].
    ///
    /// # Errors
    /// As [`super::read_atop`].
    pub fn atop(
        name: &str,
        bytes: &[u8],
        states: Option<&StateSystem>,
    ) -> Result<AllianceYears, ReadError> {
        super::atop::parse_atop(Path::new(name), &plain(name, bytes)?, states)
    }
    /// See [`super::read_mid5`].
    ///
    /// # Errors
    /// As [`super::read_mid5`].
    pub fn mid5(
        name: &str,
        bytes: &[u8],
        states: Option<&StateSystem>,
    ) -> Result<DisputeYears, ReadError> {
        super::mid::parse_mid(
            Path::new(name),
            &plain(name, bytes)?,
            states,
            &super::mid::MID5_COLS,
        )
    }
    /// See [`super::read_mid4`].
    ///
    /// # Errors
    /// As [`super::read_mid4`].
    pub fn mid4(
        name: &str,
        bytes: &[u8],
        states: Option<&StateSystem>,
    ) -> Result<DisputeYears, ReadError> {
        super::mid::parse_mid(
            Path::new(name),
            &plain(name, bytes)?,
            states,
            &super::mid::MID4_COLS,
        )
    }
    /// See [`super::read_rivalries`].
    ///
    /// # Errors
    /// As [`super::read_rivalries`].
    pub fn rivalries(
        name: &str,
        bytes: &[u8],
        states: Option<&StateSystem>,
    ) -> Result<Vec<Rivalry>, ReadError> {
        super::rivalry::parse_rivalries(Path::new(name), &plain(name, bytes)?, states)
    }
}
