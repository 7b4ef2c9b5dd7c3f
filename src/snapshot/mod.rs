//! Snapshots: the [`SecurityGraph`] of a [`Dataset`] in one year.

mod rules;

pub use rules::{
    Combination, DEFAULT_DEFENCE_INTENSITY, DerivationRules, ExplicitRule, FamilyRule,
    InstrumentFilter, MembershipTie, MembershipWeight, SnapshotError,
};

use crate::dataset::Dataset;
use crate::graph::{Contribution, Provenance, Proximity, SecurityGraph, Tie};
use crate::internal::hash::FxHashMap;
use crate::period::Year;
use crate::relation::Instrument;
use petgraph::graph::{NodeIndex, UnGraph};

/// The security graph of `dataset` in `year` under `rules`.
///
/// Nodes are the units that exist in `year` and whose kind the rules keep, in data-set order.
/// Each tie aggregates the relations valid in `year` (period ends inclusive) and, through the
/// rules, the shared memberships valid in `year`, after the sector and instrument filters;
/// see [`Tie`] for how net weight, interdependence and per-sector values are combined
/// ([`DerivationRules::combination`]; by default one scale, the maximum per sector).
/// Isolated units stay in the graph. The borders valid in `year` between units of the graph
/// become its proximities ([`SecurityGraph::proximities`]) when the rules count their
/// contiguity ([`DerivationRules::contiguity_up_to`]; by default every border counts).
/// The result is deterministic: the same data set and rules
/// give the same graph, node and edge order included.
///
/// # Complexity
/// O(R + M + Σ_o m_o² + T log T) for R relations, M memberships, m_o members of organisation
/// o in the year and T ties.
///
/// # Errors
/// [`SnapshotError::OutsideYears`] when `year` is before the first or after the last year
/// the data set's relations, memberships and capability observations cover (an undated data
/// set covers every year; an open-ended item, every later year);
/// [`SnapshotError::UnknownOrganisation`] when the rules name an organisation the data set
/// does not have.
///
/// # Example
/// ```
/// use rsct::{snapshot, Dataset, DerivationRules, Evidence, Membership, Organisation,
///            OrganisationKind, Period, Role, Unit};
/// let ev = || vec![Evidence::cited("signed the Collective Security Treaty", "§3.2").unwrap()];
/// let ds = Dataset::builder()
///     .unit(Unit::state("RUS", "Russia")?)
///     .unit(Unit::state("ARM", "Armenia")?)
///     .organisation(Organisation::new("CST", "Collective Security Treaty",
///                                     OrganisationKind::CollectiveDefence)?)
///     .membership(Membership::new("CST", "RUS", Role::Member, Period::from_year(1992), ev())?)
///     .membership(Membership::new("CST", "ARM", Role::Member, Period::from_year(1992), ev())?)
///     .build()?;
/// let g = snapshot(&ds, 2000, &DerivationRules::new())?;
/// assert_eq!(g.tie("RUS", "ARM").unwrap().net(), 0.5);
/// let g = snapshot(&ds, 2000, &DerivationRules::new().without_memberships())?;
/// assert_eq!(g.tie_count(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn snapshot(
    dataset: &Dataset,
    year: Year,
    rules: &DerivationRules,
) -> Result<SecurityGraph, SnapshotError> {
    if let Some((first, last)) = covered_years(dataset)
        && (year < first || last.is_some_and(|l| year > l))
    {
        return Err(SnapshotError::OutsideYears { year, first, last });
    }
    snapshot_of(dataset, year, rules, None)
}

/// [`snapshot`] keeping only the units whose position in [`Dataset::units`] is marked in
/// `present` (all when `None`), besides the rules' filters: the world panel's units of a
/// year in a data set that spans years.
pub(crate) fn snapshot_of(
    dataset: &Dataset,
    year: Year,
    rules: &DerivationRules,
    present: Option<&[bool]>,
) -> Result<SecurityGraph, SnapshotError> {
    if let Some(unknown) = rules
        .organisation_names()
        .find(|o| dataset.organisation(o).is_none())
    {
        return Err(SnapshotError::UnknownOrganisation {
            organisation: unknown.to_owned(),
        });
    }
    let units = dataset.units();
    let mut graph: UnGraph<crate::unit::Unit, Tie> = UnGraph::with_capacity(units.len(), 0);
    let mut node_of: FxHashMap<&str, NodeIndex> = FxHashMap::default();
    node_of.reserve(units.len());
    for (i, u) in units.iter().enumerate() {
        let here = present.is_none_or(|p| p.get(i).copied().unwrap_or(false));
        if here && u.exists_in(year) && rules.keeps_kind(u.kind()) {
            node_of.insert(u.id(), graph.add_node(u.clone()));
        }
    }
    let key = |a: NodeIndex, b: NodeIndex| {
        if a < b {
            (a.index(), b.index())
        } else {
            (b.index(), a.index())
        }
    };
    // Contributions by dyad, in data-set order; grouped into ties after a stable sort.
    let mut found: Vec<((usize, usize), Contribution)> = Vec::new();
    let filter = rules.get_sectors();
    for (index, r) in dataset.relations().iter().enumerate() {
        if !r.period().contains(year) || !rules.get_instruments().keeps(r.instrument()) {
            continue;
        }
        let sectors = r.sectors().intersection(filter);
        if sectors.is_empty() {
            continue;
        }
        let (Some(&a), Some(&b)) = (node_of.get(r.a()), node_of.get(r.b())) else {
            continue;
        };
        found.push((
            key(a, b),
            Contribution {
                sign: r.sign(),
                intensity: r.intensity(),
                sectors,
                instrument: r.instrument().clone(),
                provenance: Provenance::Relation {
                    index,
                    id: r.id().map(str::to_owned),
                    layer: dataset.relation_layer(index).map(str::to_owned),
                },
                evidence: [Some(r.evidence_arc().clone()), None],
            },
        ));
    }
    if !rules.derives_nothing() {
        derive_memberships(dataset, year, rules, &node_of, &mut |a, b, c| {
            found.push((key(a, b), c));
        });
    }
    // Sort positions, not the (large) contributions; the position breaks ties, so each
    // dyad keeps its contributions in data-set order.
    let mut order: Vec<((usize, usize), usize)> = found
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Contribution>> = found.into_iter().map(|(_, c)| Some(c)).collect();
    let combination = rules.get_combination();
    let mut i = 0;
    while i < order.len() {
        let k = order[i].0;
        let mut contributions = Vec::new();
        while i < order.len() && order[i].0 == k {
            contributions.extend(slots[order[i].1].take());
            i += 1;
        }
        graph.add_edge(
            NodeIndex::new(k.0),
            NodeIndex::new(k.1),
            Tie::combined(contributions, combination),
        );
    }
    let proximity = dataset
        .borders()
        .iter()
        .enumerate()
        .filter(|(_, b)| b.period().contains(year) && rules.counts_contiguity(b.contiguity()))
        .filter_map(|(i, b)| {
            let (a, z) = (*node_of.get(b.a())?, *node_of.get(b.b())?);
            Some(Proximity::new(a, z, b.contiguity(), i))
        })
        .collect();
    Ok(SecurityGraph::new(year, graph)
        .with_proximity(proximity)
        .with_classes(dataset.classification_in(year))
        .with_capabilities(dataset.capabilities_in(year)))
}

fn derive_memberships(
    dataset: &Dataset,
    year: Year,
    rules: &DerivationRules,
    node_of: &FxHashMap<&str, NodeIndex>,
    push: &mut dyn FnMut(NodeIndex, NodeIndex, Contribution),
) {
    // Members of each organisation in the year: the first counted membership of each unit.
    let mut members: FxHashMap<&str, Vec<(usize, NodeIndex)>> = FxHashMap::default();
    for (i, m) in dataset.memberships().iter().enumerate() {
        if !m.period().contains(year) || !rules.counts_role(m.role()) {
            continue;
        }
        let Some(&node) = node_of.get(m.unit()) else {
            continue;
        };
        let list = members.entry(m.organisation()).or_default();
        if !list.iter().any(|&(_, n)| n == node) {
            list.push((i, node));
        }
    }
    fn family_of<'d>(dataset: &'d Dataset, org: &'d str) -> &'d str {
        dataset
            .organisation(org)
            .map_or(org, crate::organisation::Organisation::family)
    }
    // Pairs with an explicit relation via an organisation (by family) valid in the year.
    let mut explicit: std::collections::HashSet<(&str, NodeIndex, NodeIndex)> =
        std::collections::HashSet::new();
    if rules.get_explicit_relations() == ExplicitRule::Replaces {
        for r in dataset.relations() {
            if let Some(org) = r.instrument().organisation()
                && r.period().contains(year)
                && let (Some(&a), Some(&b)) = (node_of.get(r.a()), node_of.get(r.b()))
            {
                explicit.insert((family_of(dataset, org), a.min(b), a.max(b)));
            }
        }
    }
    // One derived contribution per pair and family under `FamilyRule::Once`: the
    // strongest, the first in data-set order among equals.
    let mut once: FxHashMap<(&str, NodeIndex, NodeIndex), (NodeIndex, NodeIndex, Contribution)> =
        FxHashMap::default();
    let mut order: Vec<(&str, NodeIndex, NodeIndex)> = Vec::new();
    let filter = rules.get_sectors();
    let ms = dataset.memberships();
    for org in dataset.organisations() {
        let Some(tie) = rules.tie_for(org.id(), org.kind()) else {
            continue;
        };
        let instrument = Instrument::Organisation(org.id().to_owned());
        if !rules.get_instruments().keeps(&instrument) {
            continue;
        }
        let sectors = tie.sectors().intersection(filter);
        if sectors.is_empty() {
            continue;
        }
        let Some(list) = members.get(org.id()) else {
            continue;
        };
        let intensity = match rules.get_membership_weight() {
            MembershipWeight::Full => tie.intensity(),
            _ => tie.intensity() / (list.len().max(2) - 1) as f64,
        };
        let family = org.family();
        for (k, &(i, a)) in list.iter().enumerate() {
            for &(j, b) in &list[k + 1..] {
                let pair = (family, a.min(b), a.max(b));
                if explicit.contains(&pair) {
                    continue;
                }
                let c = Contribution {
                    sign: tie.sign(),
                    intensity,
                    sectors,
                    instrument: instrument.clone(),
                    provenance: Provenance::Membership {
                        organisation: org.id().to_owned(),
                        memberships: [i, j],
                        layers: dataset
                            .membership_layer(i)
                            .zip(dataset.membership_layer(j))
                            .map(|(x, y)| [x.to_owned(), y.to_owned()]),
                    },
                    evidence: [
                        Some(ms[i].evidence_arc().clone()),
                        Some(ms[j].evidence_arc().clone()),
                    ],
                };
                if rules.get_families() == FamilyRule::Each {
                    push(a, b, c);
                    continue;
                }
                match once.get_mut(&pair) {
                    Some(kept) if kept.2.intensity() >= intensity => {}
                    Some(kept) => *kept = (a, b, c),
                    None => {
                        order.push(pair);
                        once.insert(pair, (a, b, c));
                    }
                }
            }
        }
    }
    for pair in order {
        if let Some((a, b, c)) = once.remove(&pair) {
            push(a, b, c);
        }
    }
}

impl Dataset {
    /// The security graph of the data set in `year`; see [`snapshot()`].
    ///
    /// # Errors
    /// As [`snapshot()`].
    pub fn snapshot(
        &self,
        year: Year,
        rules: &DerivationRules,
    ) -> Result<SecurityGraph, SnapshotError> {
        snapshot(self, year, rules)
    }
}

/// The first and last year the data set's dated items cover (`None` for the last when one is
/// open-ended), or `None` for a data set without dated items.
fn covered_years(dataset: &Dataset) -> Option<(Year, Option<Year>)> {
    let periods = dataset
        .relations()
        .iter()
        .map(|r| r.period())
        .chain(dataset.memberships().iter().map(|m| m.period()));
    let mut span: Option<(Year, Option<Year>)> = None;
    for p in periods {
        let (lo, hi) = span.unwrap_or((p.start(), p.end()));
        span = Some((lo.min(p.start()), hi.zip(p.end()).map(|(a, b)| a.max(b))));
    }
    for c in dataset.capabilities() {
        let (lo, hi) = span.unwrap_or((c.year(), Some(c.year())));
        span = Some((lo.min(c.year()), hi.map(|h| h.max(c.year()))));
    }
    span
}
