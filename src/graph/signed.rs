//! `SignedGraph`: a plain undirected signed graph with labelled nodes, for the algorithms
//! that need only signs and weights (and for edge lists read from files).

use crate::internal::hash::FxHashMap;
use crate::sign::{Sign, SignedWeight};
use petgraph::graph::{NodeIndex, UnGraph};

/// An edge of a [`SignedGraph`]: a sign and a positive magnitude.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SignedEdge {
    sign: Sign,
    weight: f64,
}

impl SignedEdge {
    /// An edge with `sign` and weight 1.
    #[must_use]
    pub fn new(sign: Sign) -> Self {
        Self { sign, weight: 1.0 }
    }

    /// An edge with `sign` and `weight`; `None` unless the weight is finite and positive.
    #[must_use]
    pub fn weighted(sign: Sign, weight: f64) -> Option<Self> {
        (weight.is_finite() && weight > 0.0).then_some(Self { sign, weight })
    }

    /// The sign.
    #[must_use]
    pub fn sign(&self) -> Sign {
        self.sign
    }

    /// The weight (finite, > 0).
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

impl SignedWeight for SignedEdge {
    fn sign(&self) -> Option<Sign> {
        Some(self.sign)
    }
    fn magnitude(&self) -> f64 {
        self.weight
    }
}

/// Errors from building a [`SignedGraph`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SignedGraphError {
    /// Two edges join the same pair of nodes.
    #[error("a second edge between {a} and {b}; a signed graph is simple")]
    ParallelEdge {
        /// One end.
        a: String,
        /// The other end.
        b: String,
    },
    /// An edge joins a node to itself.
    #[error("a self-loop on {node}")]
    SelfLoop {
        /// The node.
        node: String,
    },
    /// An edge refers to a node the graph does not have.
    #[error("no node {index}; the graph has {len} nodes")]
    UnknownNode {
        /// The index given.
        index: usize,
        /// The number of nodes.
        len: usize,
    },
    /// Two nodes share a label.
    #[error("two nodes are labelled {label:?}")]
    DuplicateLabel {
        /// The label.
        label: String,
    },
}

/// A simple undirected signed graph with labelled nodes, stored as a petgraph
/// [`UnGraph`]. Node indices are dense (`0..node_count()`), in insertion order.
///
/// ```
/// use rsct::{SignedGraph, Sign};
/// let mut g = SignedGraph::new();
/// let a = g.add_node("A")?;
/// let b = g.add_node("B")?;
/// g.add_edge(a, b, Sign::Enmity)?;
/// assert_eq!(g.edge_count(), 1);
/// assert_eq!(g.negative_edge_count(), 1);
/// # Ok::<(), rsct::SignedGraphError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct SignedGraph {
    graph: UnGraph<String, SignedEdge>,
    index: FxHashMap<String, NodeIndex>,
}

impl SignedGraph {
    /// An empty graph.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with room for `nodes` nodes and `edges` edges.
    #[must_use]
    pub fn with_capacity(nodes: usize, edges: usize) -> Self {
        Self {
            graph: UnGraph::with_capacity(nodes, edges),
            index: FxHashMap::with_capacity_and_hasher(nodes, Default::default()),
        }
    }

    /// Adds a node labelled `label` and returns its index.
    ///
    /// # Errors
    /// [`SignedGraphError::DuplicateLabel`] when the label is taken.
    pub fn add_node(&mut self, label: &str) -> Result<NodeIndex, SignedGraphError> {
        if self.index.contains_key(label) {
            return Err(SignedGraphError::DuplicateLabel {
                label: label.to_owned(),
            });
        }
        let i = self.graph.add_node(label.to_owned());
        self.index.insert(label.to_owned(), i);
        Ok(i)
    }

    /// Adds an unweighted edge.
    ///
    /// # Errors
    /// As [`SignedGraph::add_weighted_edge`].
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        sign: Sign,
    ) -> Result<(), SignedGraphError> {
        self.add_weighted_edge(a, b, SignedEdge::new(sign))
    }

    /// Adds an edge.
    ///
    /// # Errors
    /// [`SignedGraphError::UnknownNode`], [`SignedGraphError::SelfLoop`] or
    /// [`SignedGraphError::ParallelEdge`].
    pub fn add_weighted_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        edge: SignedEdge,
    ) -> Result<(), SignedGraphError> {
        let len = self.graph.node_count();
        for i in [a, b] {
            if i.index() >= len {
                return Err(SignedGraphError::UnknownNode {
                    index: i.index(),
                    len,
                });
            }
        }
        if a == b {
            return Err(SignedGraphError::SelfLoop {
                node: self.graph[a].clone(),
            });
        }
        if self.graph.find_edge(a, b).is_some() {
            return Err(SignedGraphError::ParallelEdge {
                a: self.graph[a].clone(),
                b: self.graph[b].clone(),
            });
        }
        self.graph.add_edge(a, b, edge);
        Ok(())
    }

    /// Builds a graph from distinct labels and simple edges between their positions.
    pub(crate) fn from_parts(labels: Vec<String>, edges: Vec<(u32, u32, SignedEdge)>) -> Self {
        let mut graph = UnGraph::with_capacity(labels.len(), edges.len());
        let mut index = FxHashMap::with_capacity_and_hasher(labels.len(), Default::default());
        for l in labels {
            let i = graph.add_node(l);
            index.insert(graph[i].clone(), i);
        }
        for (a, b, e) in edges {
            graph.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), e);
        }
        Self { graph, index }
    }

    /// Adds an edge without checking for parallel edges (the caller guarantees simplicity).
    pub(crate) fn push_edge_unchecked(&mut self, a: NodeIndex, b: NodeIndex, edge: SignedEdge) {
        self.graph.add_edge(a, b, edge);
    }

    /// Builds a graph from labels and `(a, b, sign)` index triples.
    ///
    /// # Errors
    /// As [`SignedGraph::add_node`] and [`SignedGraph::add_edge`].
    pub fn from_edges<S: AsRef<str>>(
        labels: impl IntoIterator<Item = S>,
        edges: impl IntoIterator<Item = (usize, usize, Sign)>,
    ) -> Result<Self, SignedGraphError> {
        let mut g = Self::new();
        for l in labels {
            g.add_node(l.as_ref())?;
        }
        for (a, b, s) in edges {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), s)?;
        }
        Ok(g)
    }

    /// The underlying petgraph graph: pass it (or `&SignedGraph::graph()`) to any algorithm
    /// generic over petgraph's visit traits.
    #[must_use]
    pub fn graph(&self) -> &UnGraph<String, SignedEdge> {
        &self.graph
    }

    /// The index of the node labelled `label`.
    #[must_use]
    pub fn node(&self, label: &str) -> Option<NodeIndex> {
        self.index.get(label).copied()
    }

    /// The label of node `i`.
    #[must_use]
    pub fn label(&self, i: NodeIndex) -> Option<&str> {
        self.graph.node_weight(i).map(String::as_str)
    }

    /// The number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of edges.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The number of negative (enmity) edges.
    #[must_use]
    pub fn negative_edge_count(&self) -> usize {
        self.graph
            .edge_weights()
            .filter(|e| e.sign.is_negative())
            .count()
    }

    /// The edges as `(a, b, edge)` with `a < b`, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, SignedEdge)> + '_ {
        self.graph.raw_edges().iter().map(|e| {
            let (a, b) = (e.source(), e.target());
            if a < b {
                (a, b, e.weight)
            } else {
                (b, a, e.weight)
            }
        })
    }
}
