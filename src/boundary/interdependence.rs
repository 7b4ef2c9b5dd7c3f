//! The interdependence graph: security interdependence between units, amity and enmity alike
//! (theory [§1](crate::guide::theory#1-units-relations-and-levels), [§3](crate::guide::theory#3-boundaries)), optionally with a proximity term.

use crate::dataset::Contiguity;
use crate::graph::SecurityGraph;
use crate::internal::hash::FxHashMap;
use crate::sign::Sign;
use crate::unit::UnitKind;
use petgraph::visit::EdgeRef;

use super::BoundaryError;

/// One pair's interdependence, split by origin.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Interdependence {
    /// Sum of the intensities of the amity contributions.
    pub amity: f64,
    /// Sum of the intensities of the enmity contributions.
    pub enmity: f64,
    /// The proximity term (contiguity × its weight).
    pub proximity: f64,
}

impl Interdependence {
    /// amity + enmity + proximity: the weight used to find boundaries.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.amity + self.enmity + self.proximity
    }
    /// The sign of the security relation (amity − enmity), if any.
    #[must_use]
    pub fn sign(&self) -> Option<Sign> {
        Sign::of(self.amity - self.enmity)
    }
}

/// The default weight of the proximity term: [`DEFAULT_PROXIMITY_WEIGHT`] × closeness per
/// pair of bordering units, closeness 1 for a land border. Chosen by the world calibration
/// for land borders (1990–2001, post-Soviet region held out: the best point of the grid with
/// land borders only has weight 2 of {0.5, 1, 1.5, 2, 3}; the world itself, with borders
/// across up to 150 miles of water as well, uses 1.5; `docs/world_1990_2001.md`).
pub const DEFAULT_PROXIMITY_WEIGHT: f64 = 2.0;

crate::internal::builder! {
    /// Options for [`interdependence`]: a proximity term added to the interdependence of
    /// neighbouring units (B&W: threats travel more easily over short distances). A builder.
    #[derive(Debug, Clone, PartialEq)]
    pub struct InterdependenceOptions;
    /// Proximity on by default wherever the security graph carries borders (the data set's
    /// `[[borders]]`, or the world's contiguity), weighted [`DEFAULT_PROXIMITY_WEIGHT`]; no
    /// further pairs.
    fn new();
    proximity: Vec<(String, String, f64)> = Vec::new();
    /// The weight of the proximity term relative to a tie of intensity 1 (default
    /// [`DEFAULT_PROXIMITY_WEIGHT`]; 0 turns it off).
    proximity_weight(weight: f64) = DEFAULT_PROXIMITY_WEIGHT, get_proximity_weight;
    /// The farthest contiguity of the graph's borders that adds the proximity term (default
    /// [`Contiguity::Sea400`]: every border the graph carries). Farther borders still count
    /// as steps of [`InterdependenceOptions::distance_decay`].
    proximity_up_to(farthest: Contiguity) = Contiguity::Sea400, get_proximity_up_to;
    /// Distance decay δ in `(0, 1]` (default 1: none): a tie between units `k` steps apart
    /// on the graph's borders weighs δ^(min(k, [`DECAY_STEPS`]) − 1) of its intensity —
    /// neighbours in full, units two steps apart δ, farther or unconnected units δ². B&W:
    /// threats travel more easily over short distances, so a pact between distant states
    /// binds them less into one region than a pact between neighbours.
    distance_decay(decay: f64) = 1.0, get_distance_decay;
}

/// The farthest number of border steps [`InterdependenceOptions::distance_decay`]
/// distinguishes: units this many steps apart or more (or unconnected) share the smallest
/// factor, δ^(`DECAY_STEPS` − 1).
pub const DECAY_STEPS: u8 = 3;

impl InterdependenceOptions {
    /// Adds proximity between `a` and `b` of `closeness` in `[0, 1]` (e.g. 1 for land
    /// contiguity, less for contiguity by water); pairs naming absent units are ignored, as
    /// the units are not in the year's graph.
    pub fn proximity(mut self, a: &str, b: &str, closeness: f64) -> Self {
        self.proximity.push((a.to_owned(), b.to_owned(), closeness));
        self
    }
    crate::internal::getters! {
        /// The pairs given proximity, `(a, b, closeness)`, in the order added.
        get_proximity = proximity: &[(String, String, f64)];
    }
}

/// The interdependence graph of a year: units (in the security graph's order) and weighted
/// undirected pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct InterdependenceGraph {
    pub(crate) ids: Vec<String>,
    pub(crate) kinds: Vec<UnitKind>,
    pub(crate) index: FxHashMap<String, usize>,
    pub(crate) edges: Vec<(usize, usize, Interdependence)>,
    pub(crate) adjacency: Vec<Vec<(usize, usize)>>,
}

impl InterdependenceGraph {
    /// The unit identifiers, sorted (positions are ranks in this order).
    #[must_use]
    pub fn units(&self) -> &[String] {
        &self.ids
    }
    /// The position of a unit.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    /// The pairs `(a, b, interdependence)` with `a < b`, sorted.
    #[must_use]
    pub fn pairs(&self) -> &[(usize, usize, Interdependence)] {
        &self.edges
    }
    /// The interdependence between two units.
    #[must_use]
    pub fn between(&self, a: &str, b: &str) -> Option<Interdependence> {
        let (a, b) = (self.position(a)?, self.position(b)?);
        self.adjacency[a]
            .iter()
            .find(|&&(j, _)| j == b)
            .map(|&(_, e)| self.edges[e].2)
    }
    /// Total interdependence of unit `i` (its weighted degree).
    #[must_use]
    pub fn strength(&self, i: usize) -> f64 {
        self.adjacency[i]
            .iter()
            .map(|&(_, e)| self.edges[e].2.total())
            .sum()
    }
    /// Neighbours of unit `i` with the pair's interdependence.
    pub fn neighbours(&self, i: usize) -> impl Iterator<Item = (usize, &Interdependence)> + '_ {
        self.adjacency[i]
            .iter()
            .map(|&(j, e)| (j, &self.edges[e].2))
    }
}

impl InterdependenceGraph {
    /// An interdependence graph from units and pairs given directly (e.g. built from data
    /// that is not a [`SecurityGraph`], as the world panel does): `units` are the
    /// identifiers and kinds, `pairs` are `(a, b, interdependence)` by position in `units`.
    /// Pairs naming the same dyad are summed; pairs of total zero are dropped. The graph
    /// keeps its units sorted by identifier ([`Self::units`]), so positions in the graph are
    /// not those of `units` unless `units` came sorted.
    ///
    /// # Complexity
    /// O(n + m log m).
    ///
    /// # Errors
    /// [`BoundaryError::DuplicateUnit`] for an identifier given twice;
    /// [`BoundaryError::BadPair`] for a position out of range, a self-pair, or a component
    /// that is negative or not finite.
    ///
    /// # Example
    /// ```
    /// use rsct::UnitKind;
    /// use rsct::boundary::{Interdependence, InterdependenceGraph};
    /// let g = InterdependenceGraph::from_pairs(
    ///     vec![("IND".into(), UnitKind::State), ("PAK".into(), UnitKind::State)],
    ///     [(0, 1, Interdependence { amity: 0.0, enmity: 0.9, proximity: 0.5 })],
    /// )?;
    /// assert!((g.between("PAK", "IND").unwrap().total() - 1.4).abs() < 1e-12);
    /// # Ok::<(), rsct::boundary::BoundaryError>(())
    /// ```
    pub fn from_pairs(
        units: Vec<(String, UnitKind)>,
        pairs: impl IntoIterator<Item = (usize, usize, Interdependence)>,
    ) -> Result<Self, BoundaryError> {
        let n = units.len();
        let (ids, kinds): (Vec<String>, Vec<UnitKind>) = units.into_iter().unzip();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        for (i, u) in ids.iter().enumerate() {
            if index.insert(u.clone(), i).is_some() {
                return Err(BoundaryError::DuplicateUnit { unit: u.clone() });
            }
        }
        let mut edges: Vec<(usize, usize, Interdependence)> = Vec::new();
        for (a, b, w) in pairs {
            let bad = |reason: &'static str| BoundaryError::BadPair { a, b, reason };
            if a >= n || b >= n {
                return Err(bad("a position is out of range"));
            }
            if a == b {
                return Err(bad("a unit cannot be interdependent with itself"));
            }
            if [w.amity, w.enmity, w.proximity]
                .iter()
                .any(|x| !(x.is_finite() && *x >= 0.0))
            {
                return Err(bad(
                    "amity, enmity and proximity must be finite and non-negative",
                ));
            }
            edges.push((a.min(b), a.max(b), w));
        }
        Ok(Self::canonical(ids, kinds, edges))
    }

    /// The graph with its units in canonical order (sorted by identifier) and its pairs
    /// remapped, summed per dyad, zero pairs dropped and sorted: whatever order the units
    /// came in, every analysis sees the same graph, so results do not depend on the order
    /// of units in a data set.
    fn canonical(
        ids: Vec<String>,
        kinds: Vec<UnitKind>,
        edges: Vec<(usize, usize, Interdependence)>,
    ) -> Self {
        let n = ids.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
        let mut rank = vec![0; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let kinds: Vec<UnitKind> = order.iter().map(|&i| kinds[i]).collect();
        let mut slots: Vec<Option<String>> = ids.into_iter().map(Some).collect();
        let ids: Vec<String> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let index: FxHashMap<String, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i))
            .collect();
        let mut edges: Vec<(usize, usize, Interdependence)> = edges
            .into_iter()
            .map(|(a, b, w)| {
                let (a, b) = (rank[a], rank[b]);
                (a.min(b), a.max(b), w)
            })
            .collect();
        edges.sort_unstable_by_key(|x| (x.0, x.1));
        edges.dedup_by(|next, kept| {
            if (next.0, next.1) == (kept.0, kept.1) {
                kept.2.amity += next.2.amity;
                kept.2.enmity += next.2.enmity;
                kept.2.proximity += next.2.proximity;
                true
            } else {
                false
            }
        });
        edges.retain(|e| e.2.total() > 0.0);
        let mut adjacency = vec![Vec::new(); n];
        for (k, &(a, b, _)) in edges.iter().enumerate() {
            adjacency[a].push((b, k));
            adjacency[b].push((a, k));
        }
        Self {
            ids,
            kinds,
            index,
            edges,
            adjacency,
        }
    }
}

/// The interdependence graph of a security graph: each tie contributes the intensities of its
/// amity and its enmity contributions (signs are *not* cut on: enemies belong together), plus
/// `proximity_weight × closeness` for neighbouring units: the pairs given in the options and
/// the graph's own proximities ([`SecurityGraph::proximities`], the data set's borders, each
/// of closeness 1).
///
/// Reference: Buzan & Wæver 2003, p. 44 and ch. 3; theory [§1](crate::guide::theory#1-units-relations-and-levels), [§3](crate::guide::theory#3-boundaries).
///
/// # Complexity
/// O(n + m + P) for P proximity pairs.
///
/// # Errors
/// [`BoundaryError::BadParameter`] for a negative or non-finite proximity weight or
/// closeness.
///
/// # Example
/// ```
/// use rsct::{Dataset, DerivationRules, Evidence, Period, Relation, Sector, Sign, Unit};
/// use rsct::boundary::{interdependence, InterdependenceOptions};
/// let ds = Dataset::builder()
///     .unit(Unit::state("IND", "India")?)
///     .unit(Unit::state("PAK", "Pakistan")?)
///     .relation(Relation::builder("IND", "PAK", Sign::Enmity, Period::from_year(1947))
///         .intensity(0.9).sector(Sector::Military)
///         .evidence(Evidence::new("Kashmir wars")?).build()?)
///     .build()?;
/// let g = ds.snapshot(2000, &DerivationRules::new())?;
/// let i = interdependence(&g, &InterdependenceOptions::new().proximity("IND", "PAK", 1.0).proximity_weight(0.5))?;
/// assert!((i.between("IND", "PAK").unwrap().total() - 1.4).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn interdependence(
    graph: &SecurityGraph,
    options: &InterdependenceOptions,
) -> Result<InterdependenceGraph, BoundaryError> {
    let w = options.proximity_weight;
    if !(w.is_finite() && w >= 0.0) {
        return Err(BoundaryError::BadParameter {
            parameter: "proximity_weight",
            value: w,
        });
    }
    let g = graph.graph();
    let ids: Vec<String> = g.node_weights().map(|u| u.id().to_owned()).collect();
    let kinds: Vec<UnitKind> = g.node_weights().map(|u| u.kind()).collect();
    let index: FxHashMap<String, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i))
        .collect();
    let decay = options.distance_decay;
    if !(decay.is_finite() && decay > 0.0 && decay <= 1.0) {
        return Err(BoundaryError::BadParameter {
            parameter: "distance_decay",
            value: decay,
        });
    }
    let mut steps = (decay < 1.0).then(|| BorderSteps::new(graph));
    let mut ties: Vec<(usize, usize, f64, f64)> = g
        .edge_references()
        .map(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            // The tie's amity and enmity, combined by the snapshot's rules (one scale).
            (a.min(b), a.max(b), e.weight().amity(), e.weight().enmity())
        })
        .collect();
    if steps.is_some() {
        // Ties grouped by their first end point, so one border search serves all its ties.
        ties.sort_unstable_by_key(|t| (t.0, t.1));
    }
    let mut pairs: FxHashMap<(usize, usize), Interdependence> = FxHashMap::default();
    for (a, b, amity, enmity) in ties {
        let factor = steps
            .as_mut()
            .map_or(1.0, |s| decay.powi(i32::from(s.between(a, b)) - 1));
        let entry = pairs.entry((a, b)).or_default();
        entry.amity += factor * amity;
        entry.enmity += factor * enmity;
    }
    if w > 0.0 {
        for (a, b, closeness) in &options.proximity {
            if !(closeness.is_finite() && (0.0..=1.0).contains(closeness)) {
                return Err(BoundaryError::BadParameter {
                    parameter: "proximity closeness",
                    value: *closeness,
                });
            }
            if let (Some(&i), Some(&j)) = (index.get(a), index.get(b))
                && i != j
            {
                pairs.entry((i.min(j), i.max(j))).or_default().proximity += w * closeness;
            }
        }
        // The graph's own borders (the data set's, valid in the year), closeness 1.
        for p in graph
            .proximities()
            .iter()
            .filter(|p| p.contiguity() <= options.proximity_up_to)
        {
            let (i, j) = (p.a().index(), p.b().index());
            pairs.entry((i.min(j), i.max(j))).or_default().proximity += w;
        }
    }
    let edges: Vec<(usize, usize, Interdependence)> =
        pairs.into_iter().map(|((a, b), v)| (a, b, v)).collect();
    Ok(InterdependenceGraph::canonical(ids, kinds, edges))
}

/// Border steps between units, up to [`DECAY_STEPS`]: the graph's proximities (of any
/// contiguity) as an adjacency, searched breadth-first from one unit at a time.
struct BorderSteps {
    adjacency: Vec<Vec<usize>>,
    /// The unit last searched from, and the steps from it (`DECAY_STEPS` for farther).
    source: Option<usize>,
    steps: Vec<u8>,
    /// The units the last search reached (the only entries below `DECAY_STEPS`).
    reached: Vec<usize>,
}

impl BorderSteps {
    fn new(graph: &SecurityGraph) -> Self {
        let n = graph.graph().node_count();
        let mut adjacency = vec![Vec::new(); n];
        for p in graph.proximities() {
            let (i, j) = (p.a().index(), p.b().index());
            adjacency[i].push(j);
            adjacency[j].push(i);
        }
        Self {
            adjacency,
            source: None,
            steps: vec![DECAY_STEPS; n],
            reached: Vec::new(),
        }
    }

    /// Steps from `a` to `b`, at most [`DECAY_STEPS`]; a new search only when `a` changes.
    fn between(&mut self, a: usize, b: usize) -> u8 {
        if self.source != Some(a) {
            // Only the units the last search reached need resetting.
            for &u in &self.reached {
                self.steps[u] = DECAY_STEPS;
            }
            self.reached.clear();
            self.steps[a] = 0;
            self.reached.push(a);
            let mut frontier = vec![a];
            for step in 1..DECAY_STEPS {
                let mut next = Vec::new();
                for &u in &frontier {
                    for &v in &self.adjacency[u] {
                        if self.steps[v] == DECAY_STEPS {
                            self.steps[v] = step;
                            self.reached.push(v);
                            next.push(v);
                        }
                    }
                }
                frontier = next;
            }
            self.source = Some(a);
        }
        self.steps[b]
    }
}
