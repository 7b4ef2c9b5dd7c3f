//! Writing signed graphs and security graphs for other tools: CSV (R, Python, spreadsheets),
//! Pajek (Pajek, igraph, networkx) and GraphML (Gephi, igraph, networkx, yEd).
//!
//! Every writer writes to any [`std::io::Write`] and is the inverse of a reader of this
//! module where one exists: [`write_signed_csv`] then [`crate::io::read_signed_csv`], and
//! [`write_signed_pajek`] then [`crate::io::read_pajek`], give back the same labels, signs and
//! weights (floats are written in Rust's shortest round-trip form). A label a format cannot
//! hold (a line break in CSV or Pajek, a double quote in a Pajek label, a control character
//! in XML) is a [`WriteError::Unrepresentable`] naming it, never a silently altered label.
//!
//! The security-graph writers add the tie attributes: sign, net weight, interdependence,
//! net weight and interdependence per sector, and a summary of provenance and evidence.

mod csv;
mod graphml;
mod pajek;

pub use csv::{write_security_csv, write_signed_csv};
pub use graphml::{write_security_graphml, write_signed_graphml};
pub use pajek::{write_security_pajek, write_signed_pajek};

use crate::graph::{Contribution, Provenance, Tie};

/// Errors from writing a graph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The writer failed.
    #[error("writing {format}: {source}")]
    Io {
        /// The format being written.
        format: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A label (a node's label or a unit's identifier or name) cannot be written in the
    /// format without changing it.
    #[error("{format}: cannot write the label {label:?}: {reason}")]
    Unrepresentable {
        /// The format.
        format: &'static str,
        /// The label.
        label: String,
        /// Why.
        reason: &'static str,
    },
}

/// A float as text that parses back to the same `f64`: whole numbers below 10¹⁵ without a
/// fraction (`1`, `-3`), others in Rust's shortest round-trip form (`0.25`, `1e300`).
pub(crate) fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x:?}")
    }
}

/// The sign of a tie as `1`, `-1`, or `0` for a tie whose net weight is zero.
pub(crate) fn tie_sign(t: &Tie) -> i8 {
    crate::sign::SignedWeight::sign(t).map_or(0, crate::sign::Sign::as_i8)
}

/// One contribution's provenance as text: `relation <id or #index>` or `membership <org>`.
fn provenance(c: &Contribution) -> String {
    match c.provenance() {
        Provenance::Relation { id: Some(id), .. } => format!("relation {id}"),
        Provenance::Relation { index, .. } => format!("relation #{index}"),
        Provenance::Membership { organisation, .. } => format!("membership {organisation}"),
    }
}

/// The provenance of a tie's contributions, in order, joined by `; `.
pub(crate) fn provenance_summary(t: &Tie) -> String {
    let v: Vec<String> = t.contributions().iter().map(provenance).collect();
    v.join("; ")
}

/// The distinct evidence locators of a tie's contributions (the text of evidence without a
/// locator), in order of first appearance, joined by `; `.
pub(crate) fn evidence_summary(t: &Tie) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for c in t.contributions() {
        for e in c.evidence() {
            let s = e.locator().unwrap_or(e.text());
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    seen.join("; ")
}

/// `Err` for a label with a line break (CSV and Pajek are line-based).
pub(crate) fn single_line(format: &'static str, label: &str) -> Result<(), WriteError> {
    if label.contains(['\n', '\r']) {
        return Err(WriteError::Unrepresentable {
            format,
            label: label.to_owned(),
            reason: "a line break in a label",
        });
    }
    Ok(())
}

/// Maps an I/O error of `format`.
pub(crate) fn io(format: &'static str) -> impl Fn(std::io::Error) -> WriteError {
    move |source| WriteError::Io { format, source }
}
