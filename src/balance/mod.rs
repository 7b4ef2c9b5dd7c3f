//! Social construction: structural balance of signed graphs, with certificates
//! ([theory §5](crate::guide::theory#5-structural-balance)).
//!
//! | measure | function | certificate / accuracy |
//! |---|---|---|
//! | Harary test (balance), O(n + m α(n)) | [`harary_test`] | two camps, or a cycle with an odd number of negative ties; [`verify_harary`] |
//! | Weak balance (Davis clusterability), O(n + m) | [`clusterability`] | the clusters, or a cycle with exactly one negative tie; [`verify_clusterability`] |
//! | Signed triangle census, O(m^1.5) | [`triangle_census`] | per unit, weighted variant, list of unbalanced triangles |
//! | Walk balance tr e^A / tr e^\|A\| | [`walk_balance`] | stated error bound: dense (rounding) or Lanczos spectral truncation on large parts |
//! | Frustration (line) index: exact with a proof of optimality, heuristic, k-way partitions | [`frustration_exact`], [`frustration_heuristic`], [`signed_kway_partition`] (see [Frustration](#frustration)) | the partition, the frustrated ties, a lower bound (optimal when equal); [`recount_frustration`] |
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
//!
//! # Frustration
//!
//! The frustration index `L` of a signed graph (theory
//! [§5](crate::guide::theory#5-structural-balance)) is the least number of ties (or, weighted,
//! the least total weight) whose deletion — equivalently whose sign flip — makes the graph
//! balanced (Harary 1959). Equivalently: over all splits of the units into two camps, the
//! fewest *frustrated* ties, i.e. amity across the camps or enmity inside one. The
//! normalised index is `F = 1 − 2L/m`. Computing `L` is NP-hard.
//!
//! | what | function | certificate |
//! |---|---|---|
//! | Exact `L`, unweighted or weighted | [`frustration_exact`] | camps, frustrated ties, lower bound (= `L` when optimal), gap on a limit |
//! | Heuristic `L` (seeded multi-start tabu search; scales to Epinions) | [`frustration_heuristic`] | camps, frustrated ties; optional lower bound |
//! | Re-check any colouring | [`recount_frustration`] | the frustrated ties |
//! | k-way partition minimising `α·N + (1 − α)·P` (Doreian & Mrvar) | [`signed_kway_partition`] | membership, `N`, `P`, optimality |
//!
//! ## Method
//! The exact solver is a *branch and reduce* search (see [`frustration_exact`]): data
//! reduction (the dominant-tie rule, which removes degree-1 nodes and contracts paths
//! through degree-2 nodes, and the split into biconnected blocks, over which `L` is
//! additive — after Hüffner, Betzler & Niedermeier 2010), lower bounds from packings of
//! edge-disjoint unbalanced cycles (each such cycle holds at least one frustrated tie) —
//! greedy at every search node, and at the root also along the incumbent (each of its
//! frustrated ties closed by paths of ties it satisfies, which complementary slackness
//! says a tight packing does; a tie may be split over several paths, so the packing is
//! fractional; the sets of nodes where a routing gets stuck become zones that the next
//! routing's paths cross only where their tie must) —, an incumbent from tabu search,
//! improved at the root where that routing gets stuck (a set of nodes that blocks a
//! frustrated tie's paths is flipped when that lowers the cost), and branching on ties
//! (satisfied / frustrated), with the reductions applied again in every branch.
//!
//! ## Example
//! ```
//! use rsct::balance::{frustration_exact, FrustrationOptions};
//! use rsct::{Sign, SignedGraph};
//!
//! // A triangle with one enmity tie cannot be balanced without frustrating one tie.
//! let g = SignedGraph::from_edges(
//!     ["A", "B", "C"],
//!     [(0, 1, Sign::Amity), (1, 2, Sign::Amity), (0, 2, Sign::Enmity)],
//! )?;
//! let r = frustration_exact(g.graph(), &FrustrationOptions::new())?;
//! assert_eq!(r.value(), 1.0);
//! assert!(r.is_optimal());
//! assert_eq!(r.frustrated().len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod census;
mod census_bits;
mod clusterability;
mod components;
mod csr;
mod cycle;
mod degree;
mod dense;
mod eigen;
mod eigenvector;
mod error;
mod frustration;
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
