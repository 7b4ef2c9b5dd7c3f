//! Reading signed graphs from files: CSV, whitespace/SNAP edge lists (plain or gzip) and
//! Pajek; writing signed graphs and security graphs as CSV, Pajek and GraphML.
//!
//! # The rule for directed and multi-edge input
//! Every reader returns a *simple undirected* [`SignedGraph`] by one documented rule, the one
//! the Python baselines the crate is tested against use: sum the signs of all arcs between a pair, drop pairs
//! that sum to 0, drop self-loops (and arcs whose value is 0, which carry no sign). Each
//! reader also returns a [`ReadReport`] that counts every dropped arc and pair, so nothing is
//! dropped silently. Weights: see below.
//!
//! # Weights
//! An edge's weight is the mean absolute value of the arcs that agree with its sign (1 for
//! ±1 input).
//!
//! # Limits and empty input
//! [`ReadOptions`] bounds the input after decompression and the length of a line (generous
//! defaults); an input without data is [`ReadError::Empty`], never an empty graph.
//!
//! # Writing
//! [`write_signed_csv`], [`write_signed_pajek`] and [`write_signed_graphml`] write a
//! [`SignedGraph`]; [`write_security_csv`], [`write_security_pajek`] and
//! [`write_security_graphml`] write a [`crate::SecurityGraph`] with its tie attributes. CSV and
//! Pajek read back to the same graph.
//!
//! # Correlates of War and companions
//! [`cow`] reads the COW state system, NMC, Direct Contiguity, ATOP alliances, MID disputes
//! and strategic rivalries by column name.
//!
//! # Errors
//! Every reader returns a [`ReadError`] that names the file and, where there is one, the line.

pub mod cow;
mod edgelist;
mod error;
mod merge;
mod pajek;
mod source;
mod write;

pub use edgelist::{read_edge_list, read_edge_list_with, read_signed_csv, read_signed_csv_with};
pub use error::ReadError;
pub use merge::ReadReport;
pub use pajek::{PajekOptions, read_pajek};
pub use source::ReadOptions;
pub use write::{
    WriteError, write_security_csv, write_security_graphml, write_security_pajek, write_signed_csv,
    write_signed_graphml, write_signed_pajek,
};

use crate::graph::SignedGraph;
use std::path::Path;

/// Reads a signed graph, choosing the reader by the file's extension (after a final `.gz`):
/// `.csv` → [`read_signed_csv`]; `.net`, `.paj` → [`read_pajek`] (first network, all times);
/// `.txt`, `.tsv`, `.edges`, `.el` → [`read_edge_list`].
///
/// # Errors
/// [`ReadError::UnknownFormat`] for another extension; otherwise as the chosen reader.
///
/// # Example
/// ```no_run
/// let (g, _) = rsct::io::read_signed("soc-sign-epinions.txt.gz")?;
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_signed(path: impl AsRef<Path>) -> Result<(SignedGraph, ReadReport), ReadError> {
    read_signed_with(path, &ReadOptions::new())
}

/// As [`read_signed`], with limits on input size and line length.
///
/// # Errors
/// As [`read_signed`].
///
/// # Example
/// ```no_run
/// use rsct::io::{ReadOptions, read_signed_with};
/// let limits = ReadOptions::new().max_input_bytes(1 << 30);
/// let (g, _) = read_signed_with("soc-sign-epinions.txt.gz", &limits)?;
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_signed_with(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "csv" => read_signed_csv_with(path, options),
        "net" | "paj" => read_pajek(path, &PajekOptions::new().limits(*options)),
        "txt" | "tsv" | "edges" | "el" => read_edge_list_with(path, options),
        _ => Err(ReadError::UnknownFormat {
            file: path.to_path_buf(),
        }),
    }
}

/// Parses signed-graph text already in memory, for callers that do not read from a file
/// (and for fuzzing); `name` stands for the file in error messages. The line-length limit of
/// [`ReadOptions`] applies (the default one, or the Pajek options' one).
pub mod from_bytes {
    use super::{PajekOptions, ReadError, ReadOptions, ReadReport};
    use crate::graph::SignedGraph;
    use std::path::Path;

    /// Parses a CSV edge list; see [`super::read_signed_csv`].
    ///
    /// # Errors
    /// As [`super::read_signed_csv`].
    pub fn csv(name: &str, bytes: &[u8]) -> Result<(SignedGraph, ReadReport), ReadError> {
        super::edgelist::parse_csv(Path::new(name), bytes, &ReadOptions::new())
    }
    /// Parses a whitespace edge list; see [`super::read_edge_list`].
    ///
    /// # Errors
    /// As [`super::read_edge_list`].
    pub fn edge_list(name: &str, bytes: &[u8]) -> Result<(SignedGraph, ReadReport), ReadError> {
        super::edgelist::parse_edge_list(Path::new(name), bytes, &ReadOptions::new())
    }
    /// Parses a Pajek network; see [`super::read_pajek`].
    ///
    /// # Errors
    /// As [`super::read_pajek`].
    pub fn pajek(
        name: &str,
        bytes: &[u8],
        options: &PajekOptions,
    ) -> Result<(SignedGraph, ReadReport), ReadError> {
        super::pajek::parse_pajek(Path::new(name), bytes, options)
    }
}
