//! Structural balance (THEORY §5): how far a signed graph is from splitting into camps with
//! amity inside and enmity across.
//!
//! | what | where |
//! |---|---|
//! | Frustration (line) index: exact with a proof of optimality, heuristic, k-way partitions | [`frustration`] |

pub mod frustration;

pub use frustration::{
    Clusters, FrustratedTie, Frustration, FrustrationError, FrustrationOptions, HeuristicOptions,
    KwayOptions, KwayPartition, KwaySearch, Status, Weighting, frustration_exact,
    frustration_heuristic, recount_frustration, signed_kway_partition,
};
