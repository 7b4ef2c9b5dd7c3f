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

    /// One constant a line: `NAME: name, file, citation;` under its doc comment.
    macro_rules! table {
        ($($(#[$doc:meta])* $id:ident: $name:literal, $file:literal, $cite:literal;)*) => {
            $(
                $(#[$doc])*
                pub const $id: DataSource = DataSource {
                    name: $name,
                    file: $file,
                    cite: $cite,
                };
            )*
        };
    }

    table! {
        /// COW State System Membership v2016.
        STATES: "COW State System Membership v2016", "states2016.csv", "Correlates of War Project 2016, State System Membership List, v2016";
        /// COW National Material Capabilities v6.0.
        NMC: "COW National Material Capabilities v6.0", "NMC-60-abridged.csv", "Singer, Bremer & Stuckey 1972; Singer 1987, International Interactions 14";
        /// COW Direct Contiguity v3.2 (dyad-year).
        CONTIGUITY: "COW Direct Contiguity v3.2", "contdird.csv", "Stinnett, Tir, Schafer, Diehl & Gochman 2002, Conflict Management and Peace Science 19(2)";
        /// ATOP v5.1 (directed dyad-year).
        ATOP: "ATOP v5.1", "atop5.1_directed_dyad_year.csv.gz", "Leeds, Ritter, Mitchell & Long 2002, International Interactions 28";
        /// MID v5.0 (dyadic dispute-years).
        MID5: "MID v5.0", "mid5_dyadic_disputes.csv", "Palmer, McManus, D'Orazio, Kenwick, Karstens, Bloch, Dietrich, Kahn, Ritter & Soules 2022, Conflict Management and Peace Science 39(4)";
        /// Dyadic MID v4.02.
        MID4: "Dyadic MID v4.02", "dyadic_mid_4.02.csv", "Maoz, Johnson, Kaplan, Ogunkoya & Shreve 2019, Journal of Conflict Resolution 63(3)";
        /// Strategic rivalries (Thompson, Sakuwa & Suhas).
        RIVALRIES: "Strategic Rivalries (TSS)", "strategic_rivalries_tss.csv", "Thompson, Sakuwa & Suhas 2021";
    }
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

    /// Runs a reader's parser on `bytes` (decompressed first when gzip), `name` standing for
    /// the file: the frame every function here shares.
    fn parse<T>(
        name: &str,
        bytes: &[u8],
        parser: impl FnOnce(&Path, &[u8]) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        let path = Path::new(name);
        let plain = match crate::io::source::gunzip(path, bytes)? {
            Some(v) => Cow::Owned(v),
            None => Cow::Borrowed(bytes),
        };
        parser(path, &plain)
    }

    /// See [`super::read_states`].
    ///
    /// # Errors
    /// As [`super::read_states`].
    pub fn states(name: &str, bytes: &[u8]) -> Result<StateSystem, ReadError> {
        parse(name, bytes, super::states::parse_states)
    }
    /// See [`super::read_nmc`].
    ///
    /// # Errors
    /// As [`super::read_nmc`].
    pub fn nmc(name: &str, bytes: &[u8], states: Option<&StateSystem>) -> Result<Nmc, ReadError> {
        parse(name, bytes, |p, b| super::nmc::parse_nmc(p, b, states))
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
        parse(name, bytes, |p, b| {
            super::contiguity::parse_contiguity(p, b, states)
        })
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
        parse(name, bytes, |p, b| super::atop::parse_atop(p, b, states))
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
        parse(name, bytes, |p, b| {
            super::mid::parse_mid(p, b, states, &super::mid::MID5_COLS)
        })
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
        parse(name, bytes, |p, b| {
            super::mid::parse_mid(p, b, states, &super::mid::MID4_COLS)
        })
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
        parse(name, bytes, |p, b| {
            super::rivalry::parse_rivalries(p, b, states)
        })
    }
}
