//! Errors of the `io` module: every one names the file and, where there is one, the line.

use std::path::PathBuf;

/// Errors from reading signed graphs and data files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: {source}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The gzip stream is corrupt or truncated.
    #[error("{}: corrupt or truncated gzip data: {source}", file.display())]
    Gzip {
        /// The file.
        file: PathBuf,
        /// The decoder's error.
        source: std::io::Error,
    },
    /// A line is not valid UTF-8.
    #[error("{}:{line}: the line is not valid UTF-8", file.display())]
    Encoding {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
    },
    /// A required field is missing.
    #[error("{}:{line}: missing field {field}", file.display())]
    MissingField {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The field (column name or position).
        field: String,
    },
    /// A line has more fields than the format allows.
    #[error("{}:{line}: {found} fields; this format has at most {expected}", file.display())]
    ExtraFields {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The fields found.
        found: usize,
        /// The most allowed.
        expected: usize,
    },
    /// A field that must be a number is not one (or is NaN or infinite).
    #[error("{}:{line}: field {field} is {value:?}, not a finite number", file.display())]
    BadNumber {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The field (column name or position).
        field: String,
        /// The text found.
        value: String,
    },
    /// A weight column holds a value that is not positive.
    #[error("{}:{line}: weight {value} is not positive", file.display())]
    BadWeight {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The value.
        value: f64,
    },
    /// A quoted field is not closed on its line.
    #[error("{}:{line}: unterminated quoted field", file.display())]
    UnterminatedQuote {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
    },
    /// A Pajek arc or edge refers to a vertex outside `1..=n`.
    #[error("{}:{line}: vertex {vertex} is outside 1..={count}", file.display())]
    VertexOutOfRange {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The vertex number given.
        vertex: i64,
        /// The number of vertices declared.
        count: usize,
    },
    /// The file's structure is not what the format requires (e.g. a Pajek arc before any
    /// `*Vertices` line, an unsupported section, a duplicate label).
    #[error("{}:{line}: {message}", file.display())]
    Format {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The requested Pajek network is not in the file.
    #[error("{}: no network named {name:?}; the file has {available:?}", file.display())]
    NoSuchNetwork {
        /// The file.
        file: PathBuf,
        /// The name asked for.
        name: String,
        /// The names present.
        available: Vec<String>,
    },
    /// The file has more distinct nodes than a graph can index.
    #[error("{}: more than {limit} distinct nodes", file.display())]
    TooManyNodes {
        /// The file.
        file: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// A Pajek `*Vertices` line declares more vertices than the reader accepts (see
    /// [`crate::io::PajekOptions::max_vertices`]).
    #[error("{}:{line}: *Vertices declares {count} vertices; the limit is {limit}", file.display())]
    TooManyVertices {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The count declared.
        count: usize,
        /// The largest count accepted.
        limit: usize,
    },
    /// A column the reader needs is not in the file's header.
    #[error("{}:{line}: no column {column:?} in the header", file.display())]
    MissingColumn {
        /// The file.
        file: PathBuf,
        /// The 1-based line of the header.
        line: usize,
        /// The column's name.
        column: String,
    },
    /// A country code (COW `ccode`) is not a positive whole number.
    #[error("{}:{line}: column {column} is {value:?}, not a country code (a positive whole number)", file.display())]
    BadCode {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The column's name.
        column: String,
        /// The text found.
        value: String,
    },
    /// A country code is not in the state system list the reader was given.
    #[error("{}:{line}: column {column} holds country code {ccode}, which is not in the state system list", file.display())]
    UnknownCcode {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The column's name.
        column: String,
        /// The code found.
        ccode: u32,
    },
    /// A value is a number but outside the range its column allows (e.g. a MID hostility
    /// level outside 1–5, a contiguity type outside 1–5).
    #[error("{}:{line}: column {column} is {value}; expected {expected}", file.display())]
    OutOfRange {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The column's name.
        column: String,
        /// The value found.
        value: String,
        /// What the column allows.
        expected: &'static str,
    },
    /// The input holds no data: it is empty (0 bytes, or a gzip stream of 0 bytes), or holds
    /// only a header, blank lines or comments. An empty graph is never returned for it.
    #[error("{}: no data to read: the input is empty or holds only a header, blank lines or comments", file.display())]
    Empty {
        /// The file.
        file: PathBuf,
    },
    /// The file, or its content after decompression, is larger than the reader accepts (see
    /// [`crate::io::ReadOptions::max_input_bytes`]).
    #[error("{}: more than {limit} bytes (after decompression); raise ReadOptions::max_input_bytes to read it", file.display())]
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The largest size accepted, in bytes.
        limit: u64,
    },
    /// A line is longer than the reader accepts (see
    /// [`crate::io::ReadOptions::max_line_bytes`]).
    #[error("{}:{line}: the line is longer than {limit} bytes; raise ReadOptions::max_line_bytes to read it", file.display())]
    LineTooLong {
        /// The file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The longest line accepted, in bytes.
        limit: usize,
    },
    /// Several header columns name the same role (e.g. both `from` and `source`).
    #[error("{}:{line}: columns {} all name the {role}; keep one", file.display(), columns.join(", "))]
    AmbiguousColumns {
        /// The file.
        file: PathBuf,
        /// The 1-based line of the header.
        line: usize,
        /// The role: `source`, `target`, `sign` or `weight`.
        role: &'static str,
        /// The columns' names as written.
        columns: Vec<String>,
    },
    /// The file's extension does not say which reader to use.
    #[error("{}: unknown signed-graph format; use .csv, .net/.paj, or a whitespace edge list (.txt, .tsv, .gz)", file.display())]
    UnknownFormat {
        /// The file.
        file: PathBuf,
    },
}
