//! Graphs: the [`SecurityGraph`] of a data set in one year, and the plain [`SignedGraph`].

mod security;
mod signed;

pub use security::{Contribution, Provenance, Proximity, SecurityGraph, Tie};
pub use signed::{SignedEdge, SignedGraph, SignedGraphError};
