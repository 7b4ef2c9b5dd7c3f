//! The whole boundary analysis of a year: the entry points, and the assembly of a
//! [`BoundaryReport`] from a detection.

use super::classify::{character as character_of, complex_type};
use super::detect::{Candidate, Detection, detect_complexes, qualify};
use super::formation::propose_parts;
use super::interdependence::{InterdependenceGraph, InterdependenceOptions, interdependence};
use super::report::{BoundaryReport, ComplexPolarity, ComplexReport, GlobalPowerRole};
use super::roles::{Overlay, find_buffers, find_hedging, penetration};
use super::{BoundaryError, BoundaryOptions};
use crate::graph::SecurityGraph;
use crate::internal::ParityUnionFind;
use crate::period::Year;
use crate::polarity::{Shares, identify_poles, measures};
use std::collections::{BTreeMap, BTreeSet};

/// The complete boundary analysis of a security graph: detection and qualification, metrics,
/// insulators, buffer states, penetration and overlay, sub-complexes, polarity and type,
/// character, supercomplexes. `capabilities` gives each unit's capability in the year (e.g.
/// COW CINC); an empty map means the data set's of the year, which the snapshot carries
/// ([`SecurityGraph::capabilities`]). Units without one are listed per complex.
///
/// What the data set states is used: its power classes of the year
/// ([`SecurityGraph::power_classes`]) for every unit the options' classification does not
/// override, and its units of kind institution as the institutions able to centre a complex
/// when the options name none ([`BoundaryOptions::institutions`]). With default options, a
/// data set that states Buzan & Wæver's great powers is analysed with them.
///
/// Reference: Buzan & Wæver 2003, ch. 3 and Table 1; theory [§2](crate::guide::theory#2-the-regional-security-complex)–[§4](crate::guide::theory#4-polarity).
///
/// # Complexity
/// Dominated by Louvain (see [`detect_complexes`]) and, per complex, O(m + r·s) for r rival
/// pairs and s members.
///
/// # Errors
/// [`BoundaryError`] for options out of range, a capability that is NaN or negative, or a unit
/// set apart that the graph does not have ([`BoundaryError::UnknownUnit`]).
///
/// # Example
/// ```no_run
/// use rsct::boundary::{analyse, BoundaryOptions, InterdependenceOptions};
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// let g = ds.snapshot(2013, &rsct::DerivationRules::new())?;
/// // The data set's capabilities, power classes and institutions of the year are used unless
/// // the call says otherwise.
/// let none = Default::default();
/// let report = analyse(&g, &none, &InterdependenceOptions::new(), &BoundaryOptions::new())?;
/// println!("{report}\n{}", report.explain());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse(
    graph: &SecurityGraph,
    capabilities: &BTreeMap<String, f64>,
    inter: &InterdependenceOptions,
    options: &BoundaryOptions,
) -> Result<BoundaryReport, BoundaryError> {
    let g = interdependence(graph, inter)?;
    let capabilities = if capabilities.is_empty() {
        graph.capabilities()
    } else {
        capabilities
    };
    analyse_interdependence(graph.year(), &g, capabilities, &with_data(graph, options))
}

/// The options with what the data set states: its power classes of the year (for the units
/// the options do not classify themselves) and, when the options name no institutions, the
/// units of kind institution.
fn with_data<'a>(
    graph: &SecurityGraph,
    options: &'a BoundaryOptions,
) -> std::borrow::Cow<'a, BoundaryOptions> {
    let institutions: Vec<&str> = if options.institutions.is_empty() {
        graph
            .units()
            .filter(|u| u.kind() == crate::unit::UnitKind::Institution)
            .map(crate::unit::Unit::id)
            .collect()
    } else {
        Vec::new()
    };
    let data = graph.power_classes();
    if institutions.is_empty() && data == &crate::polarity::Classification::new() {
        return std::borrow::Cow::Borrowed(options);
    }
    let mut o = options.clone();
    o.classes = o.classes.over_data(data);
    if !institutions.is_empty() {
        o.institutions = institutions.into_iter().map(str::to_owned).collect();
    }
    std::borrow::Cow::Owned(o)
}

/// Every capability a finite non-negative number, or the first that is not.
fn check_capabilities(capabilities: &BTreeMap<String, f64>) -> Result<(), BoundaryError> {
    match capabilities
        .iter()
        .find(|(_, v)| !(v.is_finite() && **v >= 0.0))
    {
        Some((u, &v)) => Err(BoundaryError::BadCapability {
            unit: u.clone(),
            value: v,
        }),
        None => Ok(()),
    }
}

/// The complete boundary analysis of a year from its interdependence graph, built by
/// [`interdependence`] or given directly ([`InterdependenceGraph::from_pairs`]; the world
/// panel's [`crate::panel::World::boundaries`] uses it). Everything else is as [`analyse`],
/// which is `interdependence` followed by this function.
///
/// # Complexity
/// As [`analyse`].
///
/// # Errors
/// As [`analyse`].
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{analyse_interdependence, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "X", "Y", "Z"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [
///     (0, 1, w(1.0)), (1, 2, w(1.0)), (0, 2, w(1.0)),
///     (3, 4, w(1.0)), (4, 5, w(1.0)), (3, 5, w(1.0)), (2, 3, w(0.1)),
/// ])?;
/// let r = analyse_interdependence(2000, &g, &Default::default(), &BoundaryOptions::new())?;
/// assert_eq!(r.complexes.len(), 2);
/// assert_eq!(r.complexes[0].members, ["A", "B", "C"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse_interdependence(
    year: Year,
    g: &InterdependenceGraph,
    capabilities: &BTreeMap<String, f64>,
    options: &BoundaryOptions,
) -> Result<BoundaryReport, BoundaryError> {
    check_capabilities(capabilities)?;
    let detection = detect_complexes(g, options)?;
    Ok(report_detection(year, g, &detection, capabilities, options))
}

/// [`analyse_interdependence`] with the candidates given by the caller instead of the
/// proposer's: `candidates` are `(unit, label)` lines, each distinct label one candidate
/// (e.g. the regions of a reference map), units without a line candidates of their own; the
/// definition's rules ([`super::FormationRule`]: primary share, merge, member share, the
/// global powers' placement, insulators) then form the complexes from them exactly as from
/// a proposal. Started from a map, the result is the nearest partition to it that the
/// rules accept — how close a detector that follows the definition can come to the map on
/// these ties. Lines naming units absent from the graph are skipped (a map covers units
/// that do not exist in every year); lines for units held out (set apart, global powers)
/// are ignored, as they are placed by the rules.
///
/// # Complexity
/// As [`analyse_interdependence`] without the proposer.
///
/// # Errors
/// As [`analyse_interdependence`].
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{analyse_interdependence_from, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "D", "E"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [
///     (0, 1, w(3.0)), (2, 3, w(3.0)), (1, 2, w(0.5)), (3, 4, w(2.0)), (1, 4, w(0.5)),
/// ])?;
/// // A map that puts E with A and B: E's ties lie with D, so the rules move it.
/// let map = [("A", "west"), ("B", "west"), ("E", "west"), ("C", "east"), ("D", "east")]
///     .map(|(u, r)| (u.to_owned(), r.to_owned()));
/// let r = analyse_interdependence_from(2000, &g, &Default::default(), &BoundaryOptions::new(), &map)?;
/// let found: Vec<&[String]> = r.complexes.iter().map(|c| c.members.as_slice()).collect();
/// assert_eq!(found, [["A", "B"].map(String::from).as_slice(), ["C", "D", "E"].map(String::from).as_slice()]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse_interdependence_from(
    year: Year,
    g: &InterdependenceGraph,
    capabilities: &BTreeMap<String, f64>,
    options: &BoundaryOptions,
    candidates: &[(String, String)],
) -> Result<BoundaryReport, BoundaryError> {
    check_capabilities(capabilities)?;
    let n = g.ids.len();
    let mut label_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut proposal = vec![usize::MAX; n];
    for (u, l) in candidates {
        if let Some(i) = g.position(u) {
            let next = label_of.len();
            proposal[i] = *label_of.entry(l.as_str()).or_insert(next);
        }
    }
    let mut next = label_of.len();
    for p in &mut proposal {
        if *p == usize::MAX {
            *p = next;
            next += 1;
        }
    }
    let detection = super::detect::detect(
        g,
        options,
        super::detect::Given {
            proposal: Some(&proposal),
            ..Default::default()
        },
    )?;
    Ok(report_detection(year, g, &detection, capabilities, options))
}

/// [`analyse_interdependence`] of a year coupled to the previous year's report: detection
/// by [`super::detect_complexes_after`] with the previous year's complexes as the prior
/// (each unit's score for the complex holding most of its previous co-members gains
/// [`BoundaryOptions::coupling`] × its interdependence), so that one-year flips are damped.
///
/// # Complexity
/// As [`super::detect_complexes_after`] plus the report.
///
/// # Errors
/// As [`analyse_interdependence`].
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{analyse_interdependence, analyse_interdependence_after, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "X", "Y", "Z"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [
///     (0, 1, w(1.0)), (1, 2, w(1.0)), (0, 2, w(1.0)),
///     (3, 4, w(1.0)), (4, 5, w(1.0)), (3, 5, w(1.0)), (2, 3, w(0.1)),
/// ])?;
/// let o = BoundaryOptions::new().coupling(0.5);
/// let first = analyse_interdependence(2000, &g, &Default::default(), &o)?;
/// let next = analyse_interdependence_after(2001, &g, &Default::default(), &o, &first)?;
/// assert_eq!(first.complexes[0].members, next.complexes[0].members);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse_interdependence_after(
    year: Year,
    g: &InterdependenceGraph,
    capabilities: &BTreeMap<String, f64>,
    options: &BoundaryOptions,
    previous: &BoundaryReport,
) -> Result<BoundaryReport, BoundaryError> {
    check_capabilities(capabilities)?;
    let prior = super::Detection {
        candidates: previous
            .complexes
            .iter()
            .map(|c| Candidate {
                members: c.members.clone(),
                qualification: c.qualification.clone(),
                metrics: c.metrics.clone(),
            })
            .collect(),
        set_apart: Vec::new(),
        insulators: Vec::new(),
        alone: Vec::new(),
        modularity: 0.0,
    };
    let detection = super::detect_complexes_after(g, options, &prior)?;
    Ok(report_detection(year, g, &detection, capabilities, options))
}

/// [`analyse_interdependence`] of every year of a span together: the candidates proposed
/// across years by multislice modularity ([`super::detect_complexes_of_years`], coupling
/// [`BoundaryOptions::interslice`]), then each year's detection and report from that year's
/// ties and capabilities, the years on rayon's current pool. `years` are in order; with the
/// coupling 0 every report is [`analyse_interdependence`]'s of its year alone.
///
/// # Complexity
/// As [`super::detect_complexes_of_years`] plus the reports.
///
/// # Errors
/// As [`analyse_interdependence`], for the first year (in order) that fails.
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{analyse_interdependence, analyse_interdependence_of_years, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "X", "Y", "Z"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [
///     (0, 1, w(1.0)), (1, 2, w(1.0)), (0, 2, w(1.0)),
///     (3, 4, w(1.0)), (4, 5, w(1.0)), (3, 5, w(1.0)), (2, 3, w(0.1)),
/// ])?;
/// let caps = Default::default();
/// let o = BoundaryOptions::new().interslice(0.5);
/// let span = analyse_interdependence_of_years(&[(2000, &g, &caps), (2001, &g, &caps)], &o)?;
/// assert_eq!(span[1], analyse_interdependence(2001, &g, &caps, &o)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn analyse_interdependence_of_years(
    years: &[(Year, &InterdependenceGraph, &BTreeMap<String, f64>)],
    options: &BoundaryOptions,
) -> Result<Vec<BoundaryReport>, BoundaryError> {
    let with: Vec<_> = years.iter().map(|&(y, g, c)| (y, g, c, options)).collect();
    analyse_span(&with)
}

/// [`analyse_interdependence_of_years`] with options of each year's own (e.g. power
/// classes that change from year to year); the resolution, coupling and seed of the
/// proposer are the first year's.
pub(crate) fn analyse_span(
    years: &[(
        Year,
        &InterdependenceGraph,
        &BTreeMap<String, f64>,
        &BoundaryOptions,
    )],
) -> Result<Vec<BoundaryReport>, BoundaryError> {
    for (_, _, caps, _) in years {
        check_capabilities(caps)?;
    }
    let graphs: Vec<_> = years.iter().map(|&(_, g, _, o)| (g, o)).collect();
    let detections = super::span::detect_span(&graphs, 0)?;
    let jobs: Vec<(usize, Detection)> = detections.into_iter().enumerate().collect();
    Ok(crate::internal::parallel::map(
        0,
        &jobs,
        |(t, detection)| {
            let (year, g, caps, options) = years[*t];
            report_detection(year, g, detection, caps, options)
        },
    ))
}

/// The report of a detection already made (e.g. by
/// [`super::detect_complexes_after`], coupled across years).
pub(crate) fn report_detection(
    year: Year,
    g: &InterdependenceGraph,
    detection: &super::Detection,
    capabilities: &BTreeMap<String, f64>,
    options: &BoundaryOptions,
) -> BoundaryReport {
    let apart: Vec<bool> = g.ids.iter().map(|u| options.is_set_apart(u)).collect();
    let global: Vec<bool> = (0..g.ids.len())
        .map(|i| {
            !apart[i]
                && options.method == super::Method::Definition
                && options.has_rule(super::FormationRule::GlobalHome)
                && options.classes.class(&g.ids[i]).is_global()
        })
        .collect();
    let institutions: BTreeSet<String> = options.institutions.iter().cloned().collect();
    let mut complexes = Vec::new();
    let mut proto = Vec::new();
    let mut unstructured: Vec<String> = detection.alone.clone();
    for cand in &detection.candidates {
        if cand.qualification.qualified {
            complexes.push(report_complex(
                g,
                cand,
                &apart,
                &global,
                capabilities,
                &institutions,
                options,
            ));
        } else if cand.qualification.proto {
            proto.push(cand.clone());
        } else {
            unstructured.extend(cand.members.iter().cloned());
        }
    }
    unstructured.sort_by_key(|u| g.position(u));
    let supercomplexes = supercomplexes(g, &complexes, options);
    let mut global_powers = Vec::new();
    for (i, u) in g.ids.iter().enumerate() {
        let class = options.classes.class(u);
        if !class.is_global() || apart[i] {
            continue;
        }
        let home = complexes
            .iter()
            .find(|c| c.members.contains(u))
            .map(|c| c.name.clone());
        let penetrates = complexes
            .iter()
            .filter(|c| c.penetration.iter().any(|p| &p.power == u))
            .map(|c| c.name.clone())
            .collect();
        global_powers.push(GlobalPowerRole {
            unit: u.clone(),
            class,
            home,
            penetrates,
        });
    }
    // Each insulator's complexes named as the report names them (detection names each by
    // one of its members).
    let insulators = detection
        .insulators
        .iter()
        .map(|x| {
            let mut x = x.clone();
            for (c, _) in &mut x.touches {
                if let Some(named) = complexes.iter().find(|k| k.members.contains(c)) {
                    c.clone_from(&named.name);
                }
            }
            x
        })
        .collect();
    BoundaryReport {
        year,
        complexes,
        proto_complexes: proto,
        unstructured,
        insulators,
        set_apart: detection
            .set_apart
            .iter()
            .map(|u| (u.clone(), options.classes.class(u)))
            .collect(),
        global_powers,
        supercomplexes,
        modularity: detection.modularity,
    }
}

fn report_complex(
    g: &super::InterdependenceGraph,
    cand: &Candidate,
    apart: &[bool],
    global: &[bool],
    capabilities: &BTreeMap<String, f64>,
    institutions: &BTreeSet<String>,
    o: &BoundaryOptions,
) -> ComplexReport {
    let members: Vec<usize> = cand.members.iter().filter_map(|u| g.position(u)).collect();
    let mut inside = vec![false; g.ids.len()];
    for &i in &members {
        inside[i] = true;
    }
    // Polarity among members with data.
    let with: Vec<(&str, f64)> = cand
        .members
        .iter()
        .filter_map(|u| capabilities.get(u).map(|&v| (u.as_str(), v)))
        .collect();
    let without_data: Vec<String> = cand
        .members
        .iter()
        .filter(|u| !capabilities.contains_key(*u))
        .cloned()
        .collect();
    let polarity = Shares::from_values(with).ok().and_then(|s| {
        let poles = identify_poles(&s, &o.pole_rule).ok()?;
        Some(ComplexPolarity {
            measures: measures(&s),
            poles,
            without_data,
        })
    });
    let (complex_type, type_reason) = complex_type(
        polarity.as_ref().map(|p| &p.poles),
        &o.classes,
        institutions,
    );
    // Character from the signed part of internal interdependence.
    let (mut amity, mut enmity) = (0.0, 0.0);
    for &(a, b, w) in &g.edges {
        if inside[a] && inside[b] {
            amity += w.amity;
            enmity += w.enmity;
        }
    }
    let enmity_share = (amity + enmity > 0.0).then(|| enmity / (amity + enmity));
    let character = character_of(enmity_share, o.community_enmity, o.conflict_enmity);
    let pen = penetration(g, &inside, &o.classes);
    // Anchors for buffers: the poles and outside global powers.
    let mut anchors: Vec<usize> = pen.iter().filter_map(|p| g.position(&p.power)).collect();
    anchors.extend(members.iter().copied().filter(|&i| global[i]));
    if let Some(p) = &polarity {
        anchors.extend(p.poles.poles.iter().filter_map(|(u, _)| g.position(u)));
    }
    let buffers = find_buffers(g, &members, &anchors);
    let hedging = find_hedging(g, &members, &anchors, o.hedging_share);
    let outside: f64 = pen.iter().map(|p| p.interdependence).sum();
    let member_total: f64 = members
        .iter()
        .map(|&i| g.neighbours(i).map(|(_, w)| w.total()).sum::<f64>())
        .sum();
    let outside_share = if member_total > 0.0 {
        outside / member_total
    } else {
        0.0
    };
    let overlay = Overlay {
        outside_share,
        threshold: o.overlay_share,
        overlaid: outside_share >= o.overlay_share,
    };
    let subcomplexes = subcomplexes(g, &members, apart, global, o);
    let subcomplex_characters = subcomplexes
        .iter()
        .map(|sc| {
            let idx: Vec<usize> = sc.iter().filter_map(|u| g.position(u)).collect();
            let (mut amity, mut enmity) = (0.0, 0.0);
            for &(a, b, w) in &g.edges {
                if idx.contains(&a) && idx.contains(&b) {
                    amity += w.amity;
                    enmity += w.enmity;
                }
            }
            let share = (amity + enmity > 0.0).then(|| enmity / (amity + enmity));
            character_of(share, o.community_enmity, o.conflict_enmity)
        })
        .collect();
    let name = match &polarity {
        Some(p) if !p.poles.poles.is_empty() => format!("complex around {}", p.poles.poles[0].0),
        _ => {
            let top = members
                .iter()
                .copied()
                .max_by(|&a, &b| g.strength(a).total_cmp(&g.strength(b)).then(b.cmp(&a)));
            format!("complex around {}", top.map_or("?", |i| g.ids[i].as_str()))
        }
    };
    ComplexReport {
        name,
        members: cand.members.clone(),
        qualification: cand.qualification.clone(),
        metrics: cand.metrics.clone(),
        polarity,
        complex_type,
        type_reason,
        enmity_share,
        character,
        buffers,
        hedging,
        penetration: pen,
        overlay,
        subcomplexes,
        subcomplex_characters,
    }
}

/// Sub-complexes (theory [§3](crate::guide::theory#3-boundaries)): the same criterion inside the complex — the proposer at the
/// finer resolution on the complex's own subgraph, units reassigned by the primary-share rule
/// among the members — and a part of two or more units kept when it passes the
/// qualification test *within the complex* (units outside it count as set apart).
fn subcomplexes(
    g: &super::InterdependenceGraph,
    members: &[usize],
    apart: &[bool],
    global: &[bool],
    o: &BoundaryOptions,
) -> Vec<Vec<String>> {
    let parts = propose_parts(
        g,
        members,
        apart,
        super::formation::quality(o),
        o.sub_resolution,
        o.seed,
    );
    let k = parts
        .iter()
        .filter(|&&p| p != usize::MAX)
        .max()
        .map_or(0, |c| c + 1);
    if k < 2 {
        return Vec::new();
    }
    let mut outside_apart = apart.to_vec();
    for (i, flag) in outside_apart.iter_mut().enumerate() {
        if !members.contains(&i) {
            *flag = true;
        }
    }
    let none = vec![false; global.len()];
    let mut out = Vec::new();
    for c in 0..k {
        let part_members: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(kk, _)| parts[*kk] == c)
            .map(|(_, &i)| i)
            .collect();
        if part_members.len() < 2 || part_members.len() == members.len() {
            continue;
        }
        let q = qualify(g, &part_members, &outside_apart, &none, o);
        if q.qualification.weak_community && q.qualification.autonomous_units >= 2 {
            out.push(q.members);
        }
    }
    out
}

/// Complexes tied together through great powers: a great-power member of one complex with at
/// least `supercomplex_share` of its interdependence in another links the two; linked
/// components of two or more complexes are supercomplexes.
fn supercomplexes(
    g: &super::InterdependenceGraph,
    complexes: &[ComplexReport],
    o: &BoundaryOptions,
) -> Vec<Vec<String>> {
    let n = complexes.len();
    let mut of = vec![usize::MAX; g.ids.len()];
    for (c, r) in complexes.iter().enumerate() {
        for u in &r.members {
            if let Some(i) = g.position(u) {
                of[i] = c;
            }
        }
    }
    let mut sets = ParityUnionFind::new(n);
    for (c, r) in complexes.iter().enumerate() {
        for u in &r.members {
            let Some(i) = g.position(u) else { continue };
            if !o.classes.class(u).is_global() {
                continue;
            }
            let total = g.strength(i);
            let mut into = vec![0.0; n];
            for (j, w) in g.neighbours(i) {
                if of[j] != usize::MAX && of[j] != c {
                    into[of[j]] += w.total();
                }
            }
            for (d, &w) in into.iter().enumerate() {
                if total > 0.0 && w / total >= o.supercomplex_share {
                    // Complexes number far below 2³¹; "not odd": a plain union.
                    sets.unite(c as u32, d as u32, false);
                }
            }
        }
    }
    // Groups in the order of their first complex.
    let mut position: BTreeMap<u32, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (c, complex) in complexes.iter().enumerate() {
        let root = sets.find(c as u32).0;
        let k = *position.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(complex.name.clone());
    }
    groups.into_iter().filter(|v| v.len() >= 2).collect()
}
