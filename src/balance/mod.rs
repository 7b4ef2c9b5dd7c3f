//! Social construction: structural balance of signed graphs, with certificates
//! ([theory §5](crate::guide::theory#5-structural-balance)).
//!
//! | measure | function | certificate / accuracy |
//! |---|---|---|
//! | Harary test (balance), O(n + m α(n)) | [`harary_test`] | two camps, or a cycle with an odd number of negative ties; [`verify_harary`] |
//! | Weak balance (Davis clusterability), O(n + m) | [`clusterability`] | the clusters, or a cycle with exactly one negative tie; [`verify_clusterability`] |
//! | Signed triangle census, O(m^1.5) | [`triangle_census`] | per unit, weighted variant, list of unbalanced triangles |
//! | Walk balance tr e^A / tr e^\|A\| | [`walk_balance`] | stated error bound: dense (rounding) or Lanczos spectral truncation on large parts |
//! | Frustration (line) index: exact with a proof of optimality, heuristic, k-way partitions | [`frustration`] | the partition, the frustrated ties, a lower bound (optimal when equal); [`recount_frustration`] |
//! | Signed degree centrality | [`signed_degrees`] | exact |
//! | PN index (Everett & Borgatti 2014) | [`pn_index`] | dense solve, or iteration with error bound |
//! | Signed eigenvector centrality | [`signed_eigenvector`] | dense or Lanczos (residual ≤ 1e-10); typed error when no dominant eigenvalue |
//!
//! Every function takes any petgraph graph through its visit traits — `&UnGraph` of a
//! [`crate::SignedGraph`] or [`crate::SecurityGraph`], or any graph whose edge weights
//! implement [`crate::SignedWeight`]. Ties are read as undirected. A tie whose `sign()` is
//! `None` (a zero net weight) is treated as absent, and every result counts such ties
//! (`neutral_ties()`). Results refer to units by the graph's node identifiers and per-unit
//! values are indexed by node index.
//!
//! ```
//! use rsct::balance::{harary_test, triangle_census, CensusOptions};
//!
//! let (g, _) = rsct::io::from_bytes::csv("t.csv", b"from,to,sign\nA,B,1\nB,C,-1\nA,C,-1\n")?;
//! let h = harary_test(g.graph())?;
//! let camps = h.camps().expect("balanced");
//! assert_eq!(camps[1].iter().map(|&i| g.label(i).unwrap()).collect::<Vec<_>>(), ["C"]);
//! let c = triangle_census(g.graph(), &CensusOptions::new())?;
//! assert_eq!(c.counts().pmm(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod census;
mod census_bits;
mod clusterability;
mod components;
mod csr;
mod cycle;
mod degree;
mod eigen;
mod eigenvector;
mod error;
pub mod frustration;
mod harary;
mod lanczos;
mod partition;
mod pn_index;
mod walk;

pub use census::{
    CensusOptions, Triangle, TriangleCensus, TriangleCounts, WeightedTriangleCounts,
    triangle_census,
};
pub use clusterability::{
    Clusterability, ClusterabilityCertificate, clusterability, verify_clusterability,
};
pub use cycle::SignedCycle;
pub use degree::{SignedDegree, SignedDegrees, signed_degrees};
pub use eigenvector::{
    EigenMethod, SignedEigenvector, SignedEigenvectorOptions, signed_eigenvector,
};
pub use error::BalanceError;
pub use frustration::{
    Clusters, FrustratedTie, Frustration, FrustrationError, FrustrationOptions, HeuristicOptions,
    KwayOptions, KwayPartition, KwaySearch, Status, Weighting, frustration_exact,
    frustration_heuristic, recount_frustration, signed_kway_partition,
};
pub use harary::{HararyCertificate, HararyTest, harary_test, verify_harary};
pub use pn_index::{PnIndex, PnIndexOptions, PnMethod, pn_index};
pub use walk::{WalkBalance, WalkBalanceOptions, WalkMethod, walk_balance};
