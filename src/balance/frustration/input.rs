//! Reading a petgraph graph into the solvers' form, and re-counting a colouring's
//! frustrated ties (the certificate check).

use super::work::WorkGraph;
use super::{FrustratedTie, FrustrationError, Weighting};
use crate::sign::{Sign, SignedWeight};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

/// A signed tie of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InputEdge {
    pub(crate) index: usize,
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) sign: Sign,
    pub(crate) weight: f64,
}

/// The signed ties of a graph.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    pub(crate) n: usize,
    pub(crate) edges: Vec<InputEdge>,
    pub(crate) unsigned: usize,
}

impl Input {
    pub(crate) fn read<G>(graph: G, weighting: Weighting) -> Result<Self, FrustrationError>
    where
        G: IntoEdgeReferences + NodeIndexable,
        G::EdgeWeight: SignedWeight,
    {
        let n = graph.node_bound();
        let mut edges = Vec::new();
        let mut unsigned = 0;
        for (index, e) in graph.edge_references().enumerate() {
            let w = e.weight();
            let (a, b) = (graph.to_index(e.source()), graph.to_index(e.target()));
            let Some(sign) = w.sign() else {
                unsigned += 1;
                continue;
            };
            let weight = match weighting {
                Weighting::Unweighted => 1.0,
                _ => {
                    let m = w.magnitude();
                    if !m.is_finite() || m < 0.0 {
                        return Err(FrustrationError::BadWeight {
                            edge: index,
                            source_node: a,
                            target_node: b,
                            value: m,
                        });
                    }
                    m
                }
            };
            edges.push(InputEdge {
                index,
                a,
                b,
                sign,
                weight,
            });
        }
        Ok(Self { n, edges, unsigned })
    }

    pub(crate) fn work_graph(&self) -> WorkGraph {
        WorkGraph::from_edges(
            self.n,
            self.edges.iter().map(|e| {
                let c = if e.sign.is_negative() {
                    -e.weight
                } else {
                    e.weight
                };
                (e.a as u32, e.b as u32, c)
            }),
        )
    }

    pub(crate) fn total_weight(&self) -> f64 {
        self.edges.iter().map(|e| e.weight).sum()
    }

    /// The frustrated ties of `colours` and their total weight.
    pub(crate) fn recount(&self, colours: &[bool]) -> (f64, Vec<FrustratedTie>) {
        let mut total = 0.0;
        let mut out = Vec::new();
        for e in &self.edges {
            let across = colours[e.a] != colours[e.b];
            if across != e.sign.is_negative() {
                total += e.weight;
                out.push(FrustratedTie {
                    edge: e.index,
                    source: e.a,
                    target: e.b,
                    sign: e.sign,
                    weight: e.weight,
                });
            }
        }
        (total, out)
    }
}

/// Re-counts the frustrated ties of a colouring: amity ties whose ends have different
/// colours and enmity ties whose ends share one. This is the check of every certificate
/// the solvers return: recounting [`super::Frustration::colours`] gives back
/// [`super::Frustration::value`].
///
/// Returns the total (number of ties, or weight under [`Weighting::Magnitude`]) and the
/// frustrated ties in edge order, named by the graph's node and edge ids. Ties without a sign
/// are skipped.
///
/// # Complexity
/// `O(n + m)`.
///
/// # Errors
/// [`FrustrationError::LengthMismatch`] when `colours` does not have `node_bound()` entries;
/// [`FrustrationError::BadWeight`] for a non-finite or negative magnitude when weighted.
///
/// # Example
/// ```
/// use rsct::balance::{recount_frustration, Weighting};
/// use rsct::{Sign, SignedGraph};
/// let g = SignedGraph::from_edges(["A", "B"], [(0, 1, Sign::Enmity)])?;
/// let (l, ties) = recount_frustration(g.graph(), &[false, false], Weighting::Unweighted)?;
/// assert_eq!((l, ties.len()), (1.0, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[expect(
    clippy::type_complexity,
    reason = "the pair (total, ties) reads plainer than an alias"
)]
pub fn recount_frustration<G>(
    graph: G,
    colours: &[bool],
    weighting: Weighting,
) -> Result<(f64, Vec<FrustratedTie<G::NodeId, G::EdgeId>>), FrustrationError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let input = Input::read(graph, weighting)?;
    if colours.len() != input.n {
        return Err(FrustrationError::LengthMismatch {
            what: "colours",
            expected: input.n,
            found: colours.len(),
        });
    }
    let (total, ties) = input.recount(colours);
    let edge: Vec<G::EdgeId> = graph.edge_references().map(|e| e.id()).collect();
    let node = |i: usize| graph.from_index(i);
    Ok((
        total,
        ties.into_iter().map(|t| t.identify(node, &edge)).collect(),
    ))
}
