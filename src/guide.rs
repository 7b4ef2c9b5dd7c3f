//! Guides: the theory the crate computes, and how to use the crate for research.
//! Documentation only.
//!
//! - [`theory`]: Regional Security Complex Theory as computations, and the decisions that cut
//!   across modules (sign-blind interdependence, one scale for intensities, provenance,
//!   certificates, tolerances);
//! - [`property_testing`]: how to property-test the theory's assumptions.

#[doc = include_str!("../docs/theory.md")]
pub mod theory {}

/// # Property-testing the theory's assumptions
///
/// A researcher who believes "if X then Y" about security complexes can state it as a
/// property and let [proptest](https://docs.rs/proptest) search for counterexamples among
/// generated complexes. The crate's public strategies (feature `proptest`, module
/// `rsct::strategies`, documented when the feature is on) generate inputs that are *valid by construction* and *shrink to
/// valid values*, so a failure is always a real counterexample, reported in its smallest
/// form:
///
/// | strategy | generates |
/// |---|---|
/// | `signed_graphs(SignedGraphParams)` | signed graphs: nodes, density, enmity share, or planted camps with noise |
/// | `datasets(DatasetParams)` | data sets over time: units, organisations, memberships, relations with periods, capabilities |
/// | `planted_regions(RegionParams)` | regions of complexes with insulators and outside powers, with the truth |
/// | `capabilities(units)` | capability values of a unit set |
///
/// Add the crate with the feature to your dev-dependencies:
///
/// ```toml
/// [dev-dependencies]
/// rsct = { version = "…", features = ["proptest"] }
/// proptest = "1"
/// ```
///
/// The number of cases comes from `PROPTEST_CASES` (default 256); the crate's CI runs 64,
/// and `PROPTEST_CASES=100000 cargo test` runs a deep search.
///
/// ## A worked example: does more enmity inside a complex ever raise its balance?
///
/// The assumption: *turning one amity tie into enmity never raises the share of balanced
/// triangles* (strict triangle balance, theory [§5](crate::guide::theory#5-structural-balance)). Stated as a property and run with
/// proptest's `TestRunner`, it fails — proptest finds a complex where it is false, and
/// shrinks it to a triangle:
///
/// ```
/// use proptest::test_runner::{Config, TestError, TestRunner};
/// use rsct::balance::{triangle_census, CensusOptions};
/// use rsct::strategies::{signed_graphs, SignedGraphParams};
/// use rsct::{Sign, SignedEdge, SignedGraph};
///
/// fn strict_ratio(g: &SignedGraph) -> f64 {
///     let c = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
///     c.counts().strict_ratio().unwrap_or(1.0)
/// }
///
/// /// The graph with its first amity tie turned into enmity, if it has one.
/// fn more_enmity(g: &SignedGraph) -> Option<SignedGraph> {
///     let first = g.edges().position(|(_, _, e)| e.sign() == Sign::Amity)?;
///     let labels: Vec<&str> = (0..g.node_count())
///         .map(|i| g.label(rsct::petgraph::graph::NodeIndex::new(i)).unwrap())
///         .collect();
///     let edges = g.edges().enumerate().map(|(k, (a, b, e))| {
///         let s = if k == first { Sign::Enmity } else { e.sign() };
///         (a.index(), b.index(), s)
///     });
///     SignedGraph::from_edges(labels, edges.collect::<Vec<_>>()).ok()
/// }
///
/// let mut runner = TestRunner::new(Config { cases: 256, ..Config::default() });
/// let result = runner.run(&signed_graphs(SignedGraphParams::new().nodes(3..=8)), |g| {
///     if let Some(h) = more_enmity(&g) {
///         proptest::prop_assert!(strict_ratio(&h) <= strict_ratio(&g) + 1e-12);
///     }
///     Ok(())
/// });
/// match result {
///     Err(TestError::Fail(_, minimal)) => {
///         // The counterexample: an unbalanced triangle (+ + −) whose amity tie turns to
///         // enmity becomes balanced (+ − −). More enmity, more balance.
///         assert_eq!(minimal.edge_count(), 3);
///         assert_eq!(minimal.negative_edge_count(), 1);
///     }
///     other => panic!("proptest should find a counterexample, got {other:?}"),
/// }
/// ```
///
/// The assumption is false: in Heider's terms "the enemy of my enemy is my friend" cuts both
/// ways, and an enmity can *complete* a balanced triad. What *is* true, and what the crate's
/// own suite (`tests/theory/`) checks, are the theorems: Harary's (balanced iff every cycle
/// has an even number of negative ties), Davis's (clusterable iff no cycle has exactly one
/// negative tie), the frustration bounds and switching invariance, that interdependence
/// ignores sign, that analyses do not depend on the order of units, that polarity is
/// scale-invariant, and that evolution from A to B and back returns to the status quo.
///
/// ## Writing your own
///
/// 1. Pick the strategy that generates your premise (planted camps for "balanced
///    complexes", planted regions for "complexes with an outside power", data sets for
///    anything over time), and tune it with its parameters builder.
/// 2. Compute both sides with the crate's analyses.
/// 3. Use `prop_assert!` with a tolerance from [`crate::tolerance`] for floating-point
///    comparisons.
/// 4. When proptest fails, it prints the minimal input; keep it as a regression test.
pub mod property_testing {}
