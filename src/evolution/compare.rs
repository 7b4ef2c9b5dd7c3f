//! Transformations between two year states, with their causes.

use super::options::EvolutionOptions;
use super::state::{ComplexState, WAR, YearState};
use crate::evidence::Evidence;
use crate::period::Year;
use std::collections::{BTreeMap, BTreeSet};

/// What happened to a complex between two years (Buzan & Wæver 2003, p. 53).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Transformation {
    /// Nothing of the essential structure changed.
    StatusQuo,
    /// The same members, and the polarity, the poles, the character or the balance of amity
    /// and enmity changed.
    Internal,
    /// The boundary moved: units joined or left.
    External {
        /// Units that joined.
        joined: Vec<String>,
        /// Units that left.
        left: Vec<String>,
    },
    /// Two or more complexes became one.
    Merged {
        /// The complexes that merged (names in the earlier year).
        from: Vec<String>,
    },
    /// One complex became two or more.
    Split {
        /// The complexes it split into (names in the later year).
        into: Vec<String>,
    },
    /// A complex appeared.
    Formed,
    /// A complex dissolved.
    Dissolved,
    /// Outside global powers came to dominate the complex.
    Overlay {
        /// Their share of the members' interdependence.
        outside_share: f64,
    },
}

/// Why an event happened: a unit, a tie or a membership that changed, with its evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cause {
    /// A unit joined the complex.
    Joined {
        /// The unit.
        unit: String,
    },
    /// A unit left the complex.
    Left {
        /// The unit.
        unit: String,
    },
    /// A tie appeared, disappeared or changed its net weight.
    Tie {
        /// One unit.
        a: String,
        /// The other.
        b: String,
        /// Net weight before (`None`: no tie).
        before: Option<f64>,
        /// Net weight after (`None`: no tie).
        after: Option<f64>,
        /// The evidence of the tie's contributions (after, or before when it disappeared).
        evidence: Vec<Evidence>,
    },
    /// A membership began or ended.
    Membership {
        /// The organisation.
        organisation: String,
        /// The unit.
        unit: String,
        /// Whether it began (else it ended).
        began: bool,
    },
}

/// One transformation of one complex between two years, with what changed and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    /// The earlier year.
    pub from: Year,
    /// The later year.
    pub to: Year,
    /// The complex (its name in the later year; in the earlier for a dissolution).
    pub complex: String,
    /// The transformation.
    pub transformation: Transformation,
    /// What changed in the essential structure, in words.
    pub changes: Vec<String>,
    /// The causes.
    pub causes: Vec<Cause>,
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let sa: BTreeSet<&String> = a.iter().collect();
    let inter = b.iter().filter(|x| sa.contains(x)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One-to-one matches (i in `a`, j in `b`) by Jaccard overlap ≥ `share`, greedily from the
/// largest overlap (ties by position).
pub(crate) fn match_complexes(
    a: &[ComplexState],
    b: &[ComplexState],
    share: f64,
) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let s = jaccard(&x.members, &y.members);
            if s >= share {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut ua, mut ub) = (vec![false; a.len()], vec![false; b.len()]);
    let mut out = Vec::new();
    for (_, i, j) in cands {
        if !ua[i] && !ub[j] {
            ua[i] = true;
            ub[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

/// Where most of a complex's members went: the index of the complex in `to` holding more than
/// half of them.
fn majority_into(c: &ComplexState, to: &[ComplexState]) -> Option<usize> {
    to.iter().position(|d| {
        let n = c.members.iter().filter(|m| d.members.contains(m)).count();
        2 * n > c.members.len()
    })
}

/// Tie causes among `units`: ties that appeared, disappeared or changed their net weight.
fn tie_causes(a: &YearState, b: &YearState, units: &BTreeSet<&String>) -> Vec<Cause> {
    let mut keys: BTreeSet<&(String, String)> = BTreeSet::new();
    for k in a.ties.keys().chain(b.ties.keys()) {
        if units.contains(&k.0) && units.contains(&k.1) {
            keys.insert(k);
        }
    }
    let mut out = Vec::new();
    for k in keys {
        let (x, y) = (a.ties.get(k), b.ties.get(k));
        let (before, after) = (x.map(|t| t.net), y.map(|t| t.net));
        let same = match (before, after) {
            (Some(p), Some(q)) => crate::tolerance::is_net_zero(p - q),
            (None, None) => true,
            _ => false,
        };
        if same {
            continue;
        }
        let evidence = y.or(x).map(|t| t.evidence.clone()).unwrap_or_default();
        out.push(Cause::Tie {
            a: k.0.clone(),
            b: k.1.clone(),
            before,
            after,
            evidence,
        });
    }
    out
}

fn membership_causes(a: &YearState, b: &YearState, units: &BTreeSet<&String>) -> Vec<Cause> {
    let began = b.memberships.difference(&a.memberships).map(|m| (m, true));
    let ended = a.memberships.difference(&b.memberships).map(|m| (m, false));
    let mut changed: Vec<(&String, &String, bool)> = began
        .chain(ended)
        .filter(|((_, u), _)| units.contains(u))
        .map(|((o, u), began)| (o, u, began))
        .collect();
    // By organisation, unit, then ended before began.
    changed.sort();
    changed
        .into_iter()
        .map(|(o, u, began)| Cause::Membership {
            organisation: o.clone(),
            unit: u.clone(),
            began,
        })
        .collect()
}

/// A value's text, or `none`.
fn or_none<T: std::fmt::Display>(x: Option<T>) -> String {
    x.map_or_else(|| "none".to_owned(), |v| v.to_string())
}

fn internal_changes(x: &ComplexState, y: &ComplexState, o: &EvolutionOptions) -> Vec<String> {
    let mut out = Vec::new();
    if x.polarity != y.polarity {
        out.push(format!(
            "polarity {} → {}",
            or_none(x.polarity),
            or_none(y.polarity)
        ));
    }
    if x.poles != y.poles {
        out.push(format!(
            "poles {{{}}} → {{{}}}",
            x.poles.join(", "),
            y.poles.join(", ")
        ));
    }
    if x.complex_type != y.complex_type {
        out.push(format!("type {} → {}", x.complex_type, y.complex_type));
    }
    if x.character != y.character {
        out.push(format!(
            "character {} → {}",
            or_none(x.character),
            or_none(y.character)
        ));
    }
    match (x.enmity_share, y.enmity_share) {
        (Some(p), Some(q)) if (p - q).abs() >= o.enmity_change => {
            out.push(format!("enmity share {p:.2} → {q:.2}"));
        }
        (Some(_), None) | (None, Some(_)) => {
            out.push("signed ties appeared or vanished".to_owned())
        }
        _ => {}
    }
    if let (Some(p), Some(q)) = (x.triangle_balance, y.triangle_balance)
        && (p - q).abs() >= o.balance_change
    {
        out.push(format!("strict triangle balance {p:.2} → {q:.2}"));
    }
    out
}

/// What changed in a complex's members' security relations, beyond the aggregates: a war that
/// broke out or ended between two members (military enmity reaching or leaving [`WAR`]), and
/// a member's exit from one of the complex's core organisations — in the
/// earlier year, an organisation at least half of whose members belong to the complex and
/// which holds at least half of the complex's members (the CIS for the post-Soviet complex;
/// not the OSCE, most of whose members are elsewhere).
fn relation_changes(
    a: &YearState,
    b: &YearState,
    x: &ComplexState,
    y: &ComplexState,
) -> Vec<String> {
    let mut out = Vec::new();
    let members: BTreeSet<&String> = y.members.iter().filter(|m| x.members.contains(m)).collect();
    let at_war = |s: &YearState, k: &(String, String)| {
        s.ties
            .get(k)
            .is_some_and(|t| t.military_enmity >= WAR - crate::tolerance::NET_ZERO)
    };
    let mut keys: BTreeSet<&(String, String)> = BTreeSet::new();
    for k in a.ties.keys().chain(b.ties.keys()) {
        if members.contains(&k.0) && members.contains(&k.1) {
            keys.insert(k);
        }
    }
    for k in keys {
        match (at_war(a, k), at_war(b, k)) {
            (false, true) => out.push(format!("war between members: {}–{}", k.0, k.1)),
            (true, false) => out.push(format!("war ended between members: {}–{}", k.0, k.1)),
            _ => {}
        }
    }
    // The core organisations of the earlier year: at least half of their members are
    // members of the complex, and they hold at least half of its members.
    let mut count: BTreeMap<&String, (usize, usize)> = BTreeMap::new();
    for (o, u) in &a.memberships {
        let c = count.entry(o).or_default();
        c.1 += 1;
        if x.members.contains(u) {
            c.0 += 1;
        }
    }
    for (org, &(inside, all)) in &count {
        // An organisation that ended (no members in the later year) was left by nobody.
        let lasts = b.memberships.iter().any(|(o, _)| o == *org);
        if 2 * inside < all || 2 * inside < x.members.len() || !lasts {
            continue;
        }
        for u in &members {
            let key = ((*org).clone(), (*u).clone());
            if a.memberships.contains(&key) && !b.memberships.contains(&key) {
                out.push(format!("{u} left {org}, a core organisation"));
            }
        }
    }
    out
}

/// The transformations between two year states (any two years), with their causes.
///
/// Complexes are matched one to one by Jaccard overlap of their members (≥ `match_share`).
/// For each match: *overlay* when the complex became overlaid; else *external* when members
/// joined or left; else *internal* when polarity, poles, type, character, enmity share (by
/// at least `enmity_change`) or strict triangle balance (by at least `balance_change`)
/// changed, when a war broke out or ended between two members (military enmity reaching
/// [`WAR`]), or when a member left a core organisation of the complex (at least
/// half of its members in the complex, holding at least half of the complex's members); else
/// *status quo*. Unmatched complexes are *merged*
/// (when two or more earlier complexes put most of their members into one later complex),
/// *split* (the converse), *dissolved* or *formed*. Causes list the units that joined or left,
/// the ties among the members (old and new) that changed, and the memberships that began or
/// ended, with evidence. The result does not depend on the order of units.
///
/// # Complexity
/// O(C² · s + T) for C complexes of up to s members and T ties.
///
/// # Errors
/// None.
///
/// # Example
/// ```no_run
/// use rsct::evolution::{compare, year_state, EvolutionOptions};
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// let o = EvolutionOptions::new();
/// for e in compare(&year_state(&ds, 1999, &o)?, &year_state(&ds, 2000, &o)?, &o) {
///     println!("{e}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn compare(a: &YearState, b: &YearState, o: &EvolutionOptions) -> Vec<Event> {
    let pairs = match_complexes(&a.complexes, &b.complexes, o.match_share);
    let mut events = Vec::new();
    let event =
        |complex: &str, t: Transformation, changes: Vec<String>, causes: Vec<Cause>| Event {
            from: a.year,
            to: b.year,
            complex: complex.to_owned(),
            transformation: t,
            changes,
            causes,
        };
    // Mergers (two or more earlier complexes put most of their members into one later
    // complex) and splits (the converse) take precedence over one-to-one matches.
    let mut merged_into: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, x) in a.complexes.iter().enumerate() {
        if let Some(j) = majority_into(x, &b.complexes) {
            match merged_into.iter_mut().find(|m| m.0 == j) {
                Some(m) => m.1.push(i),
                None => merged_into.push((j, vec![i])),
            }
        }
    }
    merged_into.retain(|m| m.1.len() >= 2);
    let splits: Vec<(usize, Vec<usize>)> = a
        .complexes
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let into: Vec<usize> = b
                .complexes
                .iter()
                .enumerate()
                .filter(|(_, y)| majority_into(y, std::slice::from_ref(x)).is_some())
                .map(|(j, _)| j)
                .collect();
            (i, into)
        })
        .filter(|s| s.1.len() >= 2)
        .collect();
    let mut explained_a: BTreeSet<usize> = BTreeSet::new();
    let mut explained_b: BTreeSet<usize> = BTreeSet::new();
    for (j, from) in &merged_into {
        explained_a.extend(from.iter().copied());
        explained_b.insert(*j);
    }
    for (i, into) in &splits {
        explained_a.insert(*i);
        explained_b.extend(into.iter().copied());
    }
    for &(i, j) in &pairs {
        if explained_a.contains(&i) || explained_b.contains(&j) {
            continue;
        }
        let (x, y) = (&a.complexes[i], &b.complexes[j]);
        let joined: Vec<String> = y
            .members
            .iter()
            .filter(|m| !x.members.contains(m))
            .cloned()
            .collect();
        let left: Vec<String> = x
            .members
            .iter()
            .filter(|m| !y.members.contains(m))
            .cloned()
            .collect();
        let units: BTreeSet<&String> = x.members.iter().chain(&y.members).collect();
        let mut changes = internal_changes(x, y, o);
        changes.extend(relation_changes(a, b, x, y));
        if y.overlaid && !x.overlaid {
            let causes = tie_causes(a, b, &units);
            events.push(event(
                &y.name,
                Transformation::Overlay {
                    outside_share: y.outside_share,
                },
                changes,
                causes,
            ));
        } else if !joined.is_empty() || !left.is_empty() {
            let mut causes: Vec<Cause> = joined
                .iter()
                .map(|u| Cause::Joined { unit: u.clone() })
                .chain(left.iter().map(|u| Cause::Left { unit: u.clone() }))
                .collect();
            let moved: BTreeSet<&String> = joined.iter().chain(&left).collect();
            causes.extend(tie_causes(a, b, &units).into_iter().filter(
                |c| matches!(c, Cause::Tie { a, b, .. } if moved.contains(a) || moved.contains(b)),
            ));
            causes.extend(membership_causes(a, b, &moved));
            events.push(event(
                &y.name,
                Transformation::External { joined, left },
                changes,
                causes,
            ));
        } else if !changes.is_empty() {
            let mut causes = tie_causes(a, b, &units);
            causes.extend(membership_causes(a, b, &units));
            events.push(event(&y.name, Transformation::Internal, changes, causes));
        } else {
            events.push(event(
                &y.name,
                Transformation::StatusQuo,
                Vec::new(),
                Vec::new(),
            ));
        }
    }
    let matched_a: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_b: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
    for (j, from) in &merged_into {
        let y = &b.complexes[*j];
        let units: BTreeSet<&String> = y.members.iter().collect();
        let mut causes = tie_causes(a, b, &units);
        // Keep the ties that now bind the former complexes together.
        causes.retain(|c| {
            matches!(c, Cause::Tie { a: p, b: q, .. }
                if from.iter().all(|i| !(a.complexes[*i].members.contains(p) && a.complexes[*i].members.contains(q))))
        });
        events.push(event(
            &y.name,
            Transformation::Merged {
                from: from.iter().map(|i| a.complexes[*i].name.clone()).collect(),
            },
            Vec::new(),
            causes,
        ));
    }
    for (i, into) in &splits {
        let x = &a.complexes[*i];
        let units: BTreeSet<&String> = x.members.iter().collect();
        events.push(event(
            &x.name,
            Transformation::Split {
                into: into.iter().map(|j| b.complexes[*j].name.clone()).collect(),
            },
            Vec::new(),
            tie_causes(a, b, &units),
        ));
    }
    for (i, x) in a.complexes.iter().enumerate() {
        if !matched_a.contains(&i) && !explained_a.contains(&i) {
            let units: BTreeSet<&String> = x.members.iter().collect();
            let mut causes = tie_causes(a, b, &units);
            causes.extend(membership_causes(a, b, &units));
            events.push(event(
                &x.name,
                Transformation::Dissolved,
                Vec::new(),
                causes,
            ));
        }
    }
    for (j, y) in b.complexes.iter().enumerate() {
        if !matched_b.contains(&j) && !explained_b.contains(&j) {
            let units: BTreeSet<&String> = y.members.iter().collect();
            let mut causes = tie_causes(a, b, &units);
            causes.extend(membership_causes(a, b, &units));
            events.push(event(&y.name, Transformation::Formed, Vec::new(), causes));
        }
    }
    events
}
