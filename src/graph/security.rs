//! `SecurityGraph`: the signed graph of a data set in one year, with provenance per tie.

use crate::dataset::Contiguity;
use crate::evidence::Evidence;
use crate::graph::signed::{SignedEdge, SignedGraph};
use crate::internal::hash::FxHashMap;
use crate::period::Year;
use crate::relation::Instrument;
use crate::sector::{Sector, SectorSet};
use crate::sign::{Sign, SignedWeight};
use crate::unit::Unit;
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use std::sync::Arc;

/// Where a contribution to a tie comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// An explicit relation of the data set.
    Relation {
        /// Its position in [`crate::Dataset::relations`].
        index: usize,
        /// Its identifier, if it has one.
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The layer it comes from, in an overlaid data set ([`crate::Dataset::overlay`]).
        #[serde(skip_serializing_if = "Option::is_none")]
        layer: Option<String>,
    },
    /// Shared membership of an organisation, turned into a tie by the derivation rules.
    Membership {
        /// The organisation.
        organisation: String,
        /// The positions of the two memberships in [`crate::Dataset::memberships`].
        memberships: [usize; 2],
        /// The layers the two memberships come from, in an overlaid data set.
        #[serde(skip_serializing_if = "Option::is_none")]
        layers: Option<[String; 2]>,
    },
}

/// One contribution to a tie: a relation or a shared membership, with its sign, intensity,
/// sectors, instrument and evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub(crate) sign: Sign,
    pub(crate) intensity: f64,
    pub(crate) sectors: SectorSet,
    pub(crate) instrument: Instrument,
    pub(crate) provenance: Provenance,
    pub(crate) evidence: [Option<Arc<[Evidence]>>; 2],
}

impl Contribution {
    crate::internal::sign_intensity!();
    crate::internal::getters! {
        /// The sectors it counts in (after the rules' sector filter).
        sectors: SectorSet;
        /// Bilateral, or through an organisation.
        instrument: &Instrument;
        /// Where it comes from.
        provenance: &Provenance;
    }
    /// The layer it comes from, in an overlaid data set (for a shared membership: the
    /// layer of the first membership).
    #[must_use]
    pub fn layer(&self) -> Option<&str> {
        match &self.provenance {
            Provenance::Relation { layer, .. } => layer.as_deref(),
            Provenance::Membership { layers, .. } => layers.as_ref().map(|l| l[0].as_str()),
        }
    }
    /// Its citations (for a shared membership: those of both memberships).
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().flatten().flat_map(|e| e.iter())
    }
}

impl Serialize for Contribution {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Contribution", 6)?;
        st.serialize_field("sign", &self.sign)?;
        st.serialize_field("intensity", &self.intensity)?;
        st.serialize_field("sectors", &self.sectors)?;
        st.serialize_field("instrument", &self.instrument)?;
        st.serialize_field("provenance", &self.provenance)?;
        st.serialize_field("evidence", &self.evidence().collect::<Vec<_>>())?;
        st.end()
    }
}

/// A tie between two units in one year: the aggregate of its contributions, combined by
/// the snapshot's [`crate::Combination`].
///
/// Under [`crate::Combination::Maximum`] (the default, "one scale"):
/// - per sector, **amity** is the largest intensity of the amity contributions in it and
///   **enmity** the largest of the enmity ones; the sector's net weight is amity − enmity
///   and its interdependence amity + enmity;
/// - the tie's amity (enmity) is its strongest sector's; **net weight** = amity − enmity,
///   **interdependence** = amity + enmity ([theory §7](crate::guide::theory#one-scale-for-intensities)).
///
/// Under [`crate::Combination::Sum`]: amity and enmity are the sums of the
/// intensities of the contributions of each sign (each counted once, however many sectors
/// it spans), and a contribution counts in full in each of its sectors.
///
/// A net weight within [`crate::tolerance::NET_ZERO`] of zero gives a tie with no sign.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tie {
    net: f64,
    interdependence: f64,
    amity: f64,
    enmity: f64,
    sector_net: [f64; 5],
    sector_interdependence: [f64; 5],
    contributions: Vec<Contribution>,
}

impl Tie {
    pub(crate) fn combined(
        contributions: Vec<Contribution>,
        combination: crate::snapshot::Combination,
    ) -> Self {
        let mut sector_amity = [0.0_f64; 5];
        let mut sector_enmity = [0.0_f64; 5];
        let (mut amity, mut enmity) = (0.0_f64, 0.0_f64);
        let sum = combination == crate::snapshot::Combination::Sum;
        for c in &contributions {
            let (total, per_sector) = match c.sign {
                Sign::Amity => (&mut amity, &mut sector_amity),
                Sign::Enmity => (&mut enmity, &mut sector_enmity),
            };
            if sum {
                *total += c.intensity;
            } else {
                *total = total.max(c.intensity);
            }
            for s in c.sectors.iter() {
                let slot = &mut per_sector[s.index()];
                *slot = if sum {
                    *slot + c.intensity
                } else {
                    slot.max(c.intensity)
                };
            }
        }
        let mut sector_net = [0.0; 5];
        let mut sector_interdependence = [0.0; 5];
        for i in 0..5 {
            sector_net[i] = sector_amity[i] - sector_enmity[i];
            sector_interdependence[i] = sector_amity[i] + sector_enmity[i];
        }
        Self {
            net: amity - enmity,
            interdependence: amity + enmity,
            amity,
            enmity,
            sector_net,
            sector_interdependence,
            contributions,
        }
    }
    crate::internal::getters! {
        /// The amity of the tie (see the type's documentation).
        amity: f64;
        /// The enmity of the tie (see the type's documentation).
        enmity: f64;
        /// The net signed weight.
        net: f64;
        /// The security interdependence: amity + enmity.
        interdependence: f64;
    }
    /// The net signed weight in one sector.
    #[must_use]
    pub fn sector_net(&self, sector: Sector) -> f64 {
        self.sector_net[sector.index()]
    }
    /// The interdependence in one sector.
    #[must_use]
    pub fn sector_interdependence(&self, sector: Sector) -> f64 {
        self.sector_interdependence[sector.index()]
    }
    /// The contributions, in data-set order (relations first, then shared memberships).
    #[must_use]
    pub fn contributions(&self) -> &[Contribution] {
        &self.contributions
    }
}

impl SignedWeight for Tie {
    fn sign(&self) -> Option<Sign> {
        Sign::of(self.net)
    }
    fn magnitude(&self) -> f64 {
        self.net.abs()
    }
}

impl Serialize for Tie {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sectors: std::collections::BTreeMap<&str, (f64, f64)> = Sector::ALL
            .iter()
            .filter(|x| self.sector_interdependence[x.index()] > 0.0)
            .map(|x| {
                (
                    x.as_str(),
                    (
                        self.sector_net[x.index()],
                        self.sector_interdependence[x.index()],
                    ),
                )
            })
            .collect();
        let mut st = s.serialize_struct("Tie", 5)?;
        st.serialize_field("sign", &SignedWeight::sign(self))?;
        st.serialize_field("net", &self.net)?;
        st.serialize_field("interdependence", &self.interdependence)?;
        st.serialize_field("sectors", &sectors)?;
        st.serialize_field("contributions", &self.contributions)?;
        st.end()
    }
}

/// The security graph of a data set in one year: an undirected petgraph graph whose nodes
/// are the units present that year (in data-set order) and whose edges are [`Tie`]s (in
/// order of their end points), with look-up by unit identifier.
///
/// Besides its ties it carries the year's proximity: the borders of the data set valid in
/// the year (between units present), which the interdependence adds as its proximity term
/// ([`crate::boundary::interdependence`]). Proximity never gives a sign.
///
/// Built by [`crate::snapshot()`].
#[derive(Debug, Clone)]
pub struct SecurityGraph {
    year: Year,
    graph: UnGraph<Unit, Tie>,
    index: FxHashMap<String, NodeIndex>,
    proximity: Vec<Proximity>,
    classes: crate::polarity::Classification,
    capabilities: std::collections::BTreeMap<String, f64>,
}

/// Two units of a year that border each other (a border of the data set valid in the year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proximity {
    a: NodeIndex,
    b: NodeIndex,
    contiguity: Contiguity,
    border: usize,
}

impl Proximity {
    pub(crate) fn new(a: NodeIndex, b: NodeIndex, contiguity: Contiguity, border: usize) -> Self {
        let (a, b) = order(a, b);
        Self {
            a,
            b,
            contiguity,
            border,
        }
    }
    crate::internal::getters! {
        /// The node of the first unit (the smaller index).
        a: NodeIndex;
        /// The node of the second unit.
        b: NodeIndex;
        /// Land, or sea within a distance.
        contiguity: Contiguity;
        /// The position of the border in [`crate::Dataset::borders`].
        border: usize;
    }
}

impl SecurityGraph {
    pub(crate) fn new(year: Year, graph: UnGraph<Unit, Tie>) -> Self {
        let index = graph
            .node_indices()
            .map(|i| (graph[i].id().to_owned(), i))
            .collect();
        Self {
            year,
            graph,
            index,
            proximity: Vec::new(),
            classes: crate::polarity::Classification::new(),
            capabilities: std::collections::BTreeMap::new(),
        }
    }

    /// With the capabilities the data set gives for the year.
    pub(crate) fn with_capabilities(
        mut self,
        capabilities: std::collections::BTreeMap<String, f64>,
    ) -> Self {
        self.capabilities = capabilities;
        self
    }

    /// The capabilities the data set gives for the year, by unit
    /// ([`crate::Dataset::capabilities_in`]); the boundary analysis uses them when it is given
    /// none.
    #[must_use]
    pub fn capabilities(&self) -> &std::collections::BTreeMap<String, f64> {
        &self.capabilities
    }

    /// With the power classes the data set states for the year.
    pub(crate) fn with_classes(mut self, classes: crate::polarity::Classification) -> Self {
        self.classes = classes;
        self
    }

    /// The power classes the data set states for the year (`[[power_classes]]`, with their
    /// evidence; [`crate::Dataset::classification_in`]), as overrides. The boundary analysis
    /// uses them unless its options classify the unit otherwise.
    #[must_use]
    pub fn power_classes(&self) -> &crate::polarity::Classification {
        &self.classes
    }

    /// With the year's proximities (any order; kept sorted by pair, closest first).
    pub(crate) fn with_proximity(mut self, mut proximity: Vec<Proximity>) -> Self {
        proximity.sort_unstable_by_key(|p| (p.a, p.b, p.contiguity, p.border));
        proximity.dedup_by_key(|p| (p.a, p.b));
        self.proximity = proximity;
        self
    }

    /// The proximities of the year: one per bordering pair (the closest contiguity when
    /// several borders of the pair hold), sorted by pair.
    #[must_use]
    pub fn proximities(&self) -> &[Proximity] {
        &self.proximity
    }

    /// The contiguity between the units `a` and `b` in the year, if they border each other.
    #[must_use]
    pub fn proximity(&self, a: &str, b: &str) -> Option<Contiguity> {
        let (x, y) = order(self.node(a)?, self.node(b)?);
        self.proximity
            .binary_search_by(|p| (p.a, p.b).cmp(&(x, y)))
            .ok()
            .map(|i| self.proximity[i].contiguity)
    }

    crate::internal::getters! {
        /// The year of the snapshot.
        year: Year;
        /// The underlying petgraph graph, for algorithms generic over petgraph's visit traits.
        graph: &UnGraph<Unit, Tie>;
    }
    /// The node of the unit with identifier `id`.
    #[must_use]
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }
    /// The unit at node `i`.
    #[must_use]
    pub fn unit(&self, i: NodeIndex) -> Option<&Unit> {
        self.graph.node_weight(i)
    }
    /// The units, in data-set order.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.graph.node_weights()
    }
    /// The number of units.
    #[must_use]
    pub fn unit_count(&self) -> usize {
        self.graph.node_count()
    }
    /// The number of ties.
    #[must_use]
    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }
    /// The tie between the units `a` and `b`, if any.
    #[must_use]
    pub fn tie(&self, a: &str, b: &str) -> Option<&Tie> {
        let e = self.graph.find_edge(self.node(a)?, self.node(b)?)?;
        self.graph.edge_weight(e)
    }
    /// The ties as `(a, b, tie)`, `a` before `b` in data-set order, in a deterministic order.
    pub fn ties(&self) -> impl Iterator<Item = (&Unit, &Unit, &Tie)> {
        self.graph.edge_references().map(|e| {
            let (a, b) = order(e.source(), e.target());
            (&self.graph[a], &self.graph[b], e.weight())
        })
    }
    /// The edge index of the tie between `a` and `b`.
    #[must_use]
    pub fn tie_index(&self, a: &str, b: &str) -> Option<EdgeIndex> {
        self.graph.find_edge(self.node(a)?, self.node(b)?)
    }

    /// The security graph restricted to the units in `ids` (those present; unknown ids are
    /// ignored) and the ties among them, in the original order.
    ///
    /// ```
    /// # use rsct::{Dataset, DerivationRules, Unit};
    /// let ds = Dataset::builder().unit(Unit::state("A", "A")?).unit(Unit::state("B", "B")?).build()?;
    /// let g = ds.snapshot(2000, &DerivationRules::new())?;
    /// assert_eq!(g.restricted_to(&["A"]).unit_count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn restricted_to<S: AsRef<str>>(&self, ids: &[S]) -> SecurityGraph {
        let keep: std::collections::HashSet<&str> = ids.iter().map(AsRef::as_ref).collect();
        let graph = self.graph.filter_map(
            |_, u| keep.contains(u.id()).then(|| u.clone()),
            |_, t| Some(t.clone()),
        );
        let restricted = SecurityGraph::new(self.year, graph);
        let proximity = self
            .proximity
            .iter()
            .filter_map(|p| {
                let a = restricted.node(self.graph[p.a].id())?;
                let b = restricted.node(self.graph[p.b].id())?;
                Some(Proximity::new(a, b, p.contiguity, p.border))
            })
            .collect();
        restricted
            .with_proximity(proximity)
            .with_classes(self.classes.clone())
            .with_capabilities(
                self.capabilities
                    .iter()
                    .filter(|(u, _)| keep.contains(u.as_str()))
                    .map(|(u, v)| (u.clone(), *v))
                    .collect(),
            )
    }

    /// The signed graph of the ties that carry a sign (net weight not zero), with unit
    /// identifiers as labels and |net| as weights; also returns how many ties had a zero net
    /// weight and were left out.
    #[must_use]
    pub fn to_signed_graph(&self) -> (SignedGraph, usize) {
        let mut g = SignedGraph::with_capacity(self.graph.node_count(), self.graph.edge_count());
        for u in self.graph.node_weights() {
            // Unit identifiers are unique in a data set, so this cannot fail.
            let _ = g.add_node(u.id());
        }
        let mut neutral = 0;
        for e in self.graph.edge_references() {
            let t = e.weight();
            match SignedWeight::sign(t) {
                Some(sign) => {
                    // A signed net weight is finite and non-zero, so `weighted` succeeds.
                    let edge =
                        SignedEdge::weighted(sign, t.net.abs()).unwrap_or(SignedEdge::new(sign));
                    let (a, b) = order(e.source(), e.target());
                    g.push_edge_unchecked(a, b, edge);
                }
                None => neutral += 1,
            }
        }
        (g, neutral)
    }
}

fn order(a: NodeIndex, b: NodeIndex) -> (NodeIndex, NodeIndex) {
    if a <= b { (a, b) } else { (b, a) }
}

impl Serialize for SecurityGraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct TieRow<'a> {
            a: &'a str,
            b: &'a str,
            #[serde(flatten)]
            tie: &'a Tie,
        }
        let ties: Vec<TieRow<'_>> = self
            .ties()
            .map(|(a, b, tie)| TieRow {
                a: a.id(),
                b: b.id(),
                tie,
            })
            .collect();
        #[derive(Serialize)]
        struct BorderRow<'a> {
            a: &'a str,
            b: &'a str,
            contiguity: Contiguity,
        }
        let units: Vec<&Unit> = self.units().collect();
        let fields = if self.proximity.is_empty() { 3 } else { 4 };
        let mut st = s.serialize_struct("SecurityGraph", fields)?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field("units", &units)?;
        st.serialize_field("ties", &ties)?;
        if !self.proximity.is_empty() {
            let borders: Vec<BorderRow<'_>> = self
                .proximity
                .iter()
                .map(|p| BorderRow {
                    a: self.graph[p.a].id(),
                    b: self.graph[p.b].id(),
                    contiguity: p.contiguity,
                })
                .collect();
            st.serialize_field("borders", &borders)?;
        }
        st.end()
    }
}
