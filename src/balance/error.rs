//! The error type of the balance module.

/// Errors from the structural-balance measures and their certificate checkers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum BalanceError {
    /// The graph has more node indices than the compact adjacency can address.
    #[error("the graph has {nodes} node indices; the balance measures address at most {limit}")]
    TooManyUnits {
        /// The node bound of the graph.
        nodes: usize,
        /// The largest supported node bound.
        limit: usize,
    },
    /// A measure defined on simple graphs met two signed ties joining the same pair.
    #[error("{measure}: two signed ties join units {a} and {b}; the measure needs a simple graph")]
    ParallelTies {
        /// The measure.
        measure: &'static str,
        /// Node index of one end.
        a: usize,
        /// Node index of the other end.
        b: usize,
    },
    /// A measure defined on simple graphs met a signed self-loop.
    #[error("{measure}: a signed self-loop on unit {node}; the measure needs a simple graph")]
    SelfLoop {
        /// The measure.
        measure: &'static str,
        /// Node index of the unit.
        node: usize,
    },
    /// A dense method was asked to work on a (connected part of a) graph above its size limit.
    #[error(
        "{measure}: a connected part with {nodes} units exceeds the dense limit of {limit} units \
         (raise the limit in the options to accept O(n^3) time and O(n^2) memory)"
    )]
    TooLargeForDense {
        /// The measure.
        measure: &'static str,
        /// The number of units in the part.
        nodes: usize,
        /// The limit in force.
        limit: usize,
    },
    /// An iterative method did not reach its tolerance.
    #[error("{measure}: no convergence after {iterations} iterations (last change {residual:e})")]
    NoConvergence {
        /// The measure.
        measure: &'static str,
        /// Iterations performed.
        iterations: usize,
        /// The last residual or change.
        residual: f64,
    },
    /// The signed eigenvector centrality is not defined for this graph.
    #[error("signed eigenvector centrality is not defined: {reason}")]
    EigenvectorUndefined {
        /// Why (no ties; no dominant eigenvalue, with the two leading moduli).
        reason: String,
    },
    /// A linear system of a measure is singular.
    #[error("{measure}: the linear system is singular (pivot {pivot:e} at row {row})")]
    Singular {
        /// The measure.
        measure: &'static str,
        /// The row where elimination failed.
        row: usize,
        /// The pivot found.
        pivot: f64,
    },
    /// A certificate failed independent verification.
    #[error("invalid certificate: {reason}")]
    InvalidCertificate {
        /// What is wrong, naming the unit or tie.
        reason: String,
    },
}
