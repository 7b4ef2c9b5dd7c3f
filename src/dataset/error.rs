//! Errors of data sets: loading, saving and validation.

use crate::id::IdError;
use crate::period::{Period, Year};
use crate::sector::Sector;
use std::fmt;
use std::path::PathBuf;

/// The serialisation format of a data-set file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// TOML (`.toml`).
    Toml,
    /// JSON (`.json`).
    Json,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
        })
    }
}

/// An item of a data set, named the way an error message needs it: its section and
/// zero-based position in the file (`relations[12]`), and what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Item {
    /// `units[index]`.
    Unit {
        /// Position in `units`.
        index: usize,
        /// The unit's identifier.
        id: String,
    },
    /// `organisations[index]`.
    Organisation {
        /// Position in `organisations`.
        index: usize,
        /// The organisation's identifier.
        id: String,
    },
    /// `memberships[index]`.
    Membership {
        /// Position in `memberships`.
        index: usize,
        /// The organisation.
        organisation: String,
        /// The unit.
        unit: String,
    },
    /// `relations[index]`.
    Relation {
        /// Position in `relations`.
        index: usize,
        /// The relation's identifier, if it has one.
        id: Option<String>,
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// `borders[index]`.
    Border {
        /// Position in `borders`.
        index: usize,
        /// First unit.
        a: String,
        /// Second unit.
        b: String,
    },
    /// `power_classes[index]`.
    PowerClass {
        /// Position in `power_classes`.
        index: usize,
        /// The unit.
        unit: String,
    },
    /// `capabilities[index]`.
    Capability {
        /// Position in `capabilities`.
        index: usize,
        /// The unit.
        unit: String,
        /// The year.
        year: Year,
    },
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Unit { index, id } => write!(f, "units[{index}] ({id})"),
            Item::Organisation { index, id } => write!(f, "organisations[{index}] ({id})"),
            Item::Membership {
                index,
                organisation,
                unit,
            } => write!(f, "memberships[{index}] ({unit} in {organisation})"),
            Item::Relation { index, id, a, b } => match id {
                Some(id) => write!(f, "relations[{index}] {id} ({a}–{b})"),
                None => write!(f, "relations[{index}] ({a}–{b})"),
            },
            Item::Border { index, a, b } => write!(f, "borders[{index}] ({a}–{b})"),
            Item::PowerClass { index, unit } => write!(f, "power_classes[{index}] ({unit})"),
            Item::Capability { index, unit, year } => {
                write!(f, "capabilities[{index}] ({unit} {year})")
            }
        }
    }
}

/// One problem found by validating a data set. Validation reports every problem at once.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Issue {
    /// Two items of the same section share an identifier.
    #[error("{second}: duplicate identifier {id:?}, first used by {first}")]
    DuplicateId {
        /// The identifier.
        id: String,
        /// The first item with it.
        first: Item,
        /// The later item with it.
        second: Item,
    },
    /// An identifier is not valid.
    #[error("{item}: {source}")]
    InvalidId {
        /// The item.
        item: Item,
        /// The problem.
        source: IdError,
    },
    /// A name is empty.
    #[error("{item}: empty name")]
    EmptyName {
        /// The item.
        item: Item,
    },
    /// A code (COW or ISO) is malformed.
    #[error("{item}: field {field} has the invalid value {value}")]
    BadCode {
        /// The item.
        item: Item,
        /// `cow` or `iso`.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// An item refers to a unit the data set does not have.
    #[error("{item}: unknown unit {unit:?}")]
    UnknownUnit {
        /// The item.
        item: Item,
        /// The unknown identifier.
        unit: String,
    },
    /// An item refers to an organisation the data set does not have.
    #[error("{item}: unknown organisation {organisation:?}")]
    UnknownOrganisation {
        /// The item.
        item: Item,
        /// The unknown identifier.
        organisation: String,
    },
    /// A relation of a unit with itself.
    #[error("{relation}: a unit cannot be related to itself")]
    SelfRelation {
        /// The relation.
        relation: Item,
    },
    /// An intensity that is NaN, infinite, ≤ 0 or > 1.
    #[error("{relation}: intensity {value} is outside (0, 1]")]
    IntensityOutOfRange {
        /// The relation.
        relation: Item,
        /// The value given.
        value: f64,
    },
    /// A period whose end lies before its start.
    #[error("{item}: period {from}–{to} is empty (the end is before the start)")]
    ReversedPeriod {
        /// The item.
        item: Item,
        /// The start year.
        from: Year,
        /// The end year.
        to: Year,
    },
    /// A relation with no sector.
    #[error("{relation}: no sector given")]
    NoSector {
        /// The relation.
        relation: Item,
    },
    /// A relation, membership, border or power class without (non-blank) evidence.
    #[error(
        "{item}: no evidence given (every relation, membership, border and power class cites a source)"
    )]
    MissingEvidence {
        /// The item.
        item: Item,
    },
    /// A border of a unit with itself.
    #[error("{border}: a unit cannot border itself")]
    SelfBorder {
        /// The border.
        border: Item,
    },
    /// A border whose `sea_miles` does not fit its kind: missing or not 12, 24, 150 or 400
    /// for `kind = "sea"`, given for `kind = "land"`.
    #[error(
        "{border}: sea_miles {} does not fit kind {kind}; a sea border needs 12, 24, 150 or 400 miles, a land border none", miles.map_or_else(|| "missing".to_owned(), |m| m.to_string())
    )]
    BadSeaMiles {
        /// The border.
        border: Item,
        /// `land` or `sea`.
        kind: &'static str,
        /// The value given.
        miles: Option<i64>,
    },
    /// Two borders of the same pair with overlapping periods.
    #[error("{first} and {second} both give the border of the same pair over {years}")]
    OverlappingBorders {
        /// The first border.
        first: Item,
        /// The second border.
        second: Item,
        /// The overlapping years.
        years: Period,
    },
    /// Two power classes of the same unit with overlapping periods.
    #[error("{first} and {second} both give the power class of the same unit over {years}")]
    OverlappingPowerClasses {
        /// The first statement.
        first: Item,
        /// The second statement.
        second: Item,
        /// The overlapping years.
        years: Period,
    },
    /// A capability value that is NaN, infinite or negative.
    #[error("{capability}: value {value} is not a finite non-negative number")]
    CapabilityOutOfRange {
        /// The observation.
        capability: Item,
        /// The value given.
        value: f64,
    },
    /// A capability observation without a source.
    #[error("{capability}: no source given")]
    CapabilityWithoutSource {
        /// The observation.
        capability: Item,
    },
    /// Two observations of the same unit and year.
    #[error("{second}: a second capability observation of the same unit and year, first {first}")]
    DuplicateCapability {
        /// The first observation.
        first: Item,
        /// The second observation.
        second: Item,
    },
    /// Two relations on the same pair and sector, with overlapping periods and opposite signs,
    /// not both marked `contested`.
    #[error(
        "{first} and {second} give opposite signs for the same pair in the {sector} sector over {years}; mark both `contested = true` if that is intended"
    )]
    ConflictingRelations {
        /// The first relation.
        first: Item,
        /// The second relation.
        second: Item,
        /// The shared sector.
        sector: Sector,
        /// The overlapping years.
        years: Period,
    },
    /// More relations of one pair conflict than are listed: the first
    /// [`MAX_CONFLICTS_PER_PAIR`](crate::MAX_CONFLICTS_PER_PAIR) conflicts are
    /// reported as [`Issue::ConflictingRelations`], the rest are not (a file of many
    /// opposite, overlapping relations on one pair would otherwise produce a quadratic
    /// number of issues).
    #[error(
        "relations between {a} and {b}: more than {listed} conflicting pairs; only the first {listed} are listed"
    )]
    TooManyConflicts {
        /// One unit of the pair.
        a: String,
        /// The other unit.
        b: String,
        /// How many conflicts are listed.
        listed: usize,
    },
    /// An item dated outside the existence period of one of its units.
    #[error(
        "{item}: its period {period} extends beyond the existence of unit {unit} ({unit_period})"
    )]
    OutsideUnitPeriod {
        /// The item.
        item: Item,
        /// The unit.
        unit: String,
        /// The unit's existence period.
        unit_period: Period,
        /// The item's period.
        period: Period,
    },
}

/// Errors of loading, saving and validating data sets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DatasetError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file's extension names no known format.
    #[error("{}: unknown data-set format; use a .toml or .json file", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The text is not well-formed for its format or does not follow the schema.
    #[error("{}{format} parse error{}: {message}", file_prefix(file), line_col(*line, *column))]
    Parse {
        /// The file, when known.
        file: Option<PathBuf>,
        /// The format.
        format: Format,
        /// The 1-based line, when known.
        line: Option<usize>,
        /// The 1-based column, when known.
        column: Option<usize>,
        /// The parser's message.
        message: String,
    },
    /// The `schema_version` is missing or not one this crate reads.
    #[error("{}schema_version {}: this crate reads schema version {supported}", file_prefix(file), found.map_or_else(|| "missing".to_owned(), |v| v.to_string()))]
    UnsupportedSchemaVersion {
        /// The file, when known.
        file: Option<PathBuf>,
        /// The version found (`None` when missing).
        found: Option<i64>,
        /// The version this crate reads.
        supported: u32,
    },
    /// The data set is well-formed but has problems; all are listed.
    #[error("{}{} problem(s) in the data set:\n{}", file_prefix(file), issues.len(), issues.iter().map(|i| format!("  - {i}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file, when known.
        file: Option<PathBuf>,
        /// Every problem found.
        issues: Vec<Issue>,
    },
    /// Serialising the data set failed.
    #[error("could not write the data set as {format}: {message}")]
    Serialize {
        /// The format.
        format: Format,
        /// The serialiser's message.
        message: String,
    },
}

impl DatasetError {
    /// The validation issues, when the error is [`DatasetError::Invalid`].
    #[must_use]
    pub fn issues(&self) -> &[Issue] {
        match self {
            DatasetError::Invalid { issues, .. } => issues,
            _ => &[],
        }
    }

    pub(crate) fn with_file(mut self, path: &std::path::Path) -> Self {
        match &mut self {
            DatasetError::Parse { file, .. }
            | DatasetError::UnsupportedSchemaVersion { file, .. }
            | DatasetError::Invalid { file, .. } => *file = Some(path.to_path_buf()),
            _ => {}
        }
        self
    }
}

fn file_prefix(file: &Option<PathBuf>) -> String {
    file.as_ref()
        .map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

fn line_col(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
}
