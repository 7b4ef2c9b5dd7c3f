//! Validation of data sets: every problem is found and reported at once.

use super::Parts;
use super::error::{Issue, Item};
use super::geography::{Border, Contiguity, ContiguityKind, PowerClassification};
use super::schema::{DatasetFile, RawClass, RawPeriod};
use crate::capability::CapabilityObservation;
use crate::evidence::Evidence;
use crate::id::check_id;
use crate::internal::hash::FxHashMap;
use crate::organisation::{Membership, Organisation};
use crate::period::Period;
use crate::polarity::PowerClass;
use crate::relation::{Relation, RelationError};
use crate::unit::Unit;

pub(crate) fn unit_item(index: usize, u: &Unit) -> Item {
    Item::Unit {
        index,
        id: u.id().to_owned(),
    }
}
pub(crate) fn org_item(index: usize, o: &Organisation) -> Item {
    Item::Organisation {
        index,
        id: o.id().to_owned(),
    }
}
pub(crate) fn membership_item(index: usize, m: &Membership) -> Item {
    Item::Membership {
        index,
        organisation: m.organisation().to_owned(),
        unit: m.unit().to_owned(),
    }
}
pub(crate) fn relation_item(index: usize, r: &Relation) -> Item {
    Item::Relation {
        index,
        id: r.id().map(str::to_owned),
        a: r.a().to_owned(),
        b: r.b().to_owned(),
    }
}
pub(crate) fn border_item(index: usize, b: &Border) -> Item {
    Item::Border {
        index,
        a: b.a().to_owned(),
        b: b.b().to_owned(),
    }
}
pub(crate) fn power_class_item(index: usize, c: &PowerClassification) -> Item {
    Item::PowerClass {
        index,
        unit: c.unit().to_owned(),
    }
}
pub(crate) fn capability_item(index: usize, c: &CapabilityObservation) -> Item {
    Item::Capability {
        index,
        unit: c.unit().to_owned(),
        year: c.year(),
    }
}

fn period(raw: RawPeriod) -> Period {
    Period::new_unchecked(raw.from, raw.to)
}

fn evidence_ok(e: &[Evidence]) -> bool {
    !e.is_empty() && e.iter().all(Evidence::is_valid)
}

/// Converts the raw file into parts, recording every problem an item has on its own. Items
/// are built even when they have problems, so that cross-checks still see them.
pub(crate) fn from_file(file: DatasetFile, issues: &mut Vec<Issue>) -> Parts {
    let units = file
        .units
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::Unit {
                index: i,
                id: r.id.clone(),
            };
            check_named(&item, &r.id, &r.name, issues);
            let cow = match r.cow {
                None => None,
                Some(c) => match u32::try_from(c) {
                    Ok(v) if v > 0 => Some(v),
                    _ => {
                        issues.push(Issue::BadCode {
                            item: item.clone(),
                            field: "cow",
                            value: c.to_string(),
                        });
                        None
                    }
                },
            };
            if let Some(iso) = &r.iso
                && !crate::unit::is_iso3(iso)
            {
                issues.push(Issue::BadCode {
                    item: item.clone(),
                    field: "iso",
                    value: iso.clone(),
                });
            }
            let p = r.period.map(period);
            check_period(p, &item, issues);
            Unit::new_unchecked(&r.id, &r.name, r.kind, cow, r.iso, p)
        })
        .collect();
    let organisations = file
        .organisations
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::Organisation {
                index: i,
                id: r.id.clone(),
            };
            check_named(&item, &r.id, &r.name, issues);
            Organisation::new_unchecked(&r.id, &r.name, r.kind, r.founded, r.family, r.evidence)
        })
        .collect();
    let memberships = file
        .memberships
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::Membership {
                index: i,
                organisation: r.organisation.clone(),
                unit: r.unit.clone(),
            };
            let p = period(r.period);
            check_period(Some(p), &item, issues);
            if !evidence_ok(&r.evidence) {
                issues.push(Issue::MissingEvidence { item });
            }
            Membership::new_unchecked(&r.organisation, &r.unit, r.role, p, r.evidence)
        })
        .collect();
    let relations = file
        .relations
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::Relation {
                index: i,
                id: r.id.clone(),
                a: r.a.clone(),
                b: r.b.clone(),
            };
            let p = period(r.period);
            check_period(Some(p), &item, issues);
            let mut builder = Relation::builder(&r.a, &r.b, r.sign, p)
                .intensity(r.intensity)
                .sectors(r.sectors.into_iter().collect())
                .instrument(r.instrument)
                .contested(r.contested);
            if let Some(id) = &r.id {
                builder = builder.id(id);
            }
            for e in r.evidence {
                builder = builder.evidence(e);
            }
            for problem in builder.problems() {
                issues.push(relation_issue(item.clone(), problem));
            }
            builder.build_unchecked()
        })
        .collect();
    let capabilities = file
        .capabilities
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let c = CapabilityObservation::new_unchecked(&r.unit, r.year, r.value, &r.source);
            let item = capability_item(i, &c);
            if !(r.value.is_finite() && r.value >= 0.0) {
                issues.push(Issue::CapabilityOutOfRange {
                    capability: item.clone(),
                    value: r.value,
                });
            }
            if r.source.trim().is_empty() {
                issues.push(Issue::CapabilityWithoutSource { capability: item });
            }
            c
        })
        .collect();
    let borders = file
        .borders
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::Border {
                index: i,
                a: r.a.clone(),
                b: r.b.clone(),
            };
            let p = period(r.period);
            check_period(Some(p), &item, issues);
            if !evidence_ok(&r.evidence) {
                issues.push(Issue::MissingEvidence { item: item.clone() });
            }
            if r.a == r.b {
                issues.push(Issue::SelfBorder {
                    border: item.clone(),
                });
            }
            let contiguity = match (r.kind, r.sea_miles) {
                (ContiguityKind::Land, None) => Some(Contiguity::Land),
                (ContiguityKind::Sea, Some(m)) => u32::try_from(m).ok().and_then(Contiguity::sea),
                _ => None,
            };
            let contiguity = contiguity.unwrap_or_else(|| {
                issues.push(Issue::BadSeaMiles {
                    border: item,
                    kind: match r.kind {
                        ContiguityKind::Land => "land",
                        ContiguityKind::Sea => "sea",
                    },
                    miles: r.sea_miles,
                });
                Contiguity::Land
            });
            Border::new_unchecked(&r.a, &r.b, contiguity, p, r.evidence)
        })
        .collect();
    let power_classes = file
        .power_classes
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let item = Item::PowerClass {
                index: i,
                unit: r.unit.clone(),
            };
            let p = period(r.period);
            check_period(Some(p), &item, issues);
            if !evidence_ok(&r.evidence) {
                issues.push(Issue::MissingEvidence { item });
            }
            let class = match r.class {
                RawClass::Superpower => PowerClass::Superpower,
                RawClass::GreatPower => PowerClass::GreatPower,
                RawClass::RegionalPower => PowerClass::RegionalPower,
            };
            PowerClassification::new_unchecked(&r.unit, class, p, r.evidence)
        })
        .collect();
    Parts {
        name: file.name,
        description: file.description,
        units,
        organisations,
        memberships,
        relations,
        capabilities,
        borders,
        power_classes,
        layers: super::Layers::default(),
    }
}

/// An identifier and a name, each checked.
fn check_named(item: &Item, id: &str, name: &str, issues: &mut Vec<Issue>) {
    if let Err(source) = check_id(id) {
        issues.push(Issue::InvalidId {
            item: item.clone(),
            source,
        });
    }
    if name.trim().is_empty() {
        issues.push(Issue::EmptyName { item: item.clone() });
    }
}

fn check_period(p: Option<Period>, item: &Item, issues: &mut Vec<Issue>) {
    if let Some(p) = p
        && p.is_reversed()
    {
        issues.push(Issue::ReversedPeriod {
            item: item.clone(),
            from: p.start(),
            to: p.end().unwrap_or(p.start()),
        });
    }
}

pub(crate) fn relation_issue(item: Item, e: RelationError) -> Issue {
    match e {
        RelationError::SelfRelation { .. } => Issue::SelfRelation { relation: item },
        RelationError::IntensityOutOfRange { value, .. } => Issue::IntensityOutOfRange {
            relation: item,
            value,
        },
        // Not reached from files (the format requires the field): reported as NaN.
        RelationError::NoIntensity { .. } => Issue::IntensityOutOfRange {
            relation: item,
            value: f64::NAN,
        },
        RelationError::NoSector { .. } => Issue::NoSector { relation: item },
        RelationError::NoEvidence { .. } => Issue::MissingEvidence { item },
        RelationError::Id { source, .. } => Issue::InvalidId { item, source },
    }
}

/// Checks between items: duplicate identifiers, unknown references, conflicting relations,
/// duplicate capability observations, items dated outside their units' existence.
pub(crate) fn cross_check(p: &Parts, issues: &mut Vec<Issue>) {
    let mut unit_at: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(p.units.len(), Default::default());
    for (i, u) in p.units.iter().enumerate() {
        if let Some(&first) = unit_at.get(u.id()) {
            issues.push(Issue::DuplicateId {
                id: u.id().to_owned(),
                first: unit_item(first, &p.units[first]),
                second: unit_item(i, u),
            });
        } else {
            unit_at.insert(u.id(), i);
        }
    }
    let mut org_at: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(p.organisations.len(), Default::default());
    for (i, o) in p.organisations.iter().enumerate() {
        if let Some(&first) = org_at.get(o.id()) {
            issues.push(Issue::DuplicateId {
                id: o.id().to_owned(),
                first: org_item(first, &p.organisations[first]),
                second: org_item(i, o),
            });
        } else {
            org_at.insert(o.id(), i);
        }
    }
    for (i, o) in p.organisations.iter().enumerate() {
        if let Some(f) = o.declared_family()
            && !org_at.contains_key(f)
        {
            issues.push(Issue::UnknownOrganisation {
                item: org_item(i, o),
                organisation: f.to_owned(),
            });
        }
    }
    let check_unit =
        |unit: &str, item: &dyn Fn() -> Item, period: Option<Period>, issues: &mut Vec<Issue>| {
            match unit_at.get(unit) {
                None => issues.push(Issue::UnknownUnit {
                    item: item(),
                    unit: unit.to_owned(),
                }),
                Some(&u) => {
                    if let (Some(up), Some(ip)) = (p.units[u].period(), period)
                        && !up.covers(&ip)
                    {
                        issues.push(Issue::OutsideUnitPeriod {
                            item: item(),
                            unit: unit.to_owned(),
                            unit_period: up,
                            period: ip,
                        });
                    }
                }
            }
        };
    for (i, m) in p.memberships.iter().enumerate() {
        let item = || membership_item(i, m);
        if !org_at.contains_key(m.organisation()) {
            issues.push(Issue::UnknownOrganisation {
                item: item(),
                organisation: m.organisation().to_owned(),
            });
        }
        check_unit(m.unit(), &item, Some(m.period()), issues);
    }
    let mut relation_id_at: FxHashMap<&str, usize> = FxHashMap::default();
    let mut by_pair: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, r) in p.relations.iter().enumerate() {
        let item = || relation_item(i, r);
        if let Some(id) = r.id() {
            if let Some(&first) = relation_id_at.get(id) {
                issues.push(Issue::DuplicateId {
                    id: id.to_owned(),
                    first: relation_item(first, &p.relations[first]),
                    second: item(),
                });
            } else {
                relation_id_at.insert(id, i);
            }
        }
        check_unit(r.a(), &item, Some(r.period()), issues);
        if r.b() != r.a() {
            check_unit(r.b(), &item, Some(r.period()), issues);
        }
        if let Some(org) = r.instrument().organisation()
            && !org_at.contains_key(org)
        {
            issues.push(Issue::UnknownOrganisation {
                item: item(),
                organisation: org.to_owned(),
            });
        }
        by_pair.entry(r.pair()).or_default().push(i);
    }
    let mut pairs: Vec<_> = by_pair.into_iter().collect();
    pairs.sort_unstable_by(|x, y| x.1[0].cmp(&y.1[0]));
    for ((a, b), idx) in pairs {
        // Only opposite signs can conflict: compare each relation with the later ones of the
        // other sign (so many duplicates of one sign cost nothing), and list at most
        // MAX_CONFLICTS_PER_PAIR conflicts per pair.
        let (amity, enmity): (Vec<usize>, Vec<usize>) = idx
            .iter()
            .partition(|&&i| p.relations[i].sign() == crate::sign::Sign::Amity);
        let mut listed = 0;
        'pair: for &i in &idx {
            let ri = &p.relations[i];
            let other = if ri.sign() == crate::sign::Sign::Amity {
                &enmity
            } else {
                &amity
            };
            let later = other.partition_point(|&j| j <= i);
            for &j in &other[later..] {
                let rj = &p.relations[j];
                if ri.is_contested() && rj.is_contested() {
                    continue;
                }
                let Some(years) = ri.period().intersection(&rj.period()) else {
                    continue;
                };
                if let Some(sector) = ri.sectors().intersection(rj.sectors()).iter().next() {
                    if listed == super::MAX_CONFLICTS_PER_PAIR {
                        issues.push(Issue::TooManyConflicts {
                            a: a.to_owned(),
                            b: b.to_owned(),
                            listed,
                        });
                        break 'pair;
                    }
                    listed += 1;
                    issues.push(Issue::ConflictingRelations {
                        first: relation_item(i, ri),
                        second: relation_item(j, rj),
                        sector,
                        years,
                    });
                }
            }
        }
    }
    let mut cap_at: FxHashMap<(&str, i32), usize> =
        FxHashMap::with_capacity_and_hasher(p.capabilities.len(), Default::default());
    for (i, c) in p.capabilities.iter().enumerate() {
        let item = || capability_item(i, c);
        check_unit(c.unit(), &item, None, issues);
        if let Some(&first) = cap_at.get(&(c.unit(), c.year())) {
            issues.push(Issue::DuplicateCapability {
                first: capability_item(first, &p.capabilities[first]),
                second: item(),
            });
        } else {
            cap_at.insert((c.unit(), c.year()), i);
        }
    }
    let mut borders_of: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, b) in p.borders.iter().enumerate() {
        let item = || border_item(i, b);
        check_unit(b.a(), &item, Some(b.period()), issues);
        if b.b() != b.a() {
            check_unit(b.b(), &item, Some(b.period()), issues);
        }
        let earlier = borders_of.entry(b.pair()).or_default();
        for &j in earlier.iter() {
            if let Some(years) = p.borders[j].period().intersection(&b.period()) {
                issues.push(Issue::OverlappingBorders {
                    first: border_item(j, &p.borders[j]),
                    second: item(),
                    years,
                });
            }
        }
        earlier.push(i);
    }
    let mut classes_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, c) in p.power_classes.iter().enumerate() {
        let item = || power_class_item(i, c);
        check_unit(c.unit(), &item, Some(c.period()), issues);
        let earlier = classes_of.entry(c.unit()).or_default();
        for &j in earlier.iter() {
            if let Some(years) = p.power_classes[j].period().intersection(&c.period()) {
                issues.push(Issue::OverlappingPowerClasses {
                    first: power_class_item(j, &p.power_classes[j]),
                    second: item(),
                    years,
                });
            }
        }
        earlier.push(i);
    }
}
