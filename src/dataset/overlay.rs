//! Overlaying data sets: a hand-coded regional data set laid over a base (the world layer).

use super::geography::{Border, PowerClassification};
use super::{Dataset, DatasetError, Parts};
use crate::capability::CapabilityObservation;
use crate::organisation::Membership;
use crate::period::{Period, Year};
use crate::relation::Relation;
use crate::unit::Unit;
use std::collections::{BTreeMap, HashMap};

/// What happens on the dyad-years both layers of an overlay cover with relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OverlayRule {
    /// The overlay replaces the base (the default): on a dyad-year the overlay has a
    /// relation for, the base's relations of that dyad are cut out of their periods; the
    /// base keeps every other dyad-year.
    #[default]
    Replace,
    /// Both are kept; the snapshot combines them under its derivation rules.
    Keep,
}

impl std::fmt::Display for OverlayRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OverlayRule::Replace => "the overlay replaces the base",
            OverlayRule::Keep => "both layers are kept",
        })
    }
}

/// A period as a half-open range of years, with an open end as `i64::MAX`.
fn range(p: Period) -> (i64, i64) {
    (
        i64::from(p.start()),
        p.end().map_or(i64::MAX, |e| i64::from(e) + 1),
    )
}

/// The parts of `p` not covered by `covered` (sorted, merged half-open ranges).
fn subtract(p: Period, covered: &[(i64, i64)]) -> Vec<Period> {
    let (mut from, to) = range(p);
    let mut out = Vec::new();
    let year = |y: i64| Year::try_from(y).ok();
    for &(c0, c1) in covered {
        if c1 <= from || c0 >= to {
            continue;
        }
        if c0 > from
            && let (Some(a), Some(b)) = (year(from), year(c0 - 1))
        {
            out.push(Period::new_unchecked(a, Some(b)));
        }
        from = from.max(c1);
        if from >= to {
            return out;
        }
    }
    if let Some(a) = year(from) {
        let end = if to == i64::MAX { None } else { year(to - 1) };
        out.push(Period::new_unchecked(a, end));
    }
    out
}

/// Sorted, merged ranges.
fn merged(mut ranges: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    ranges.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => out.push(r),
        }
    }
    out
}

fn key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

fn hull(a: Option<Period>, b: Option<Period>) -> Option<Period> {
    let (a, b) = (a?, b?);
    let end = match (a.end(), b.end()) {
        (Some(x), Some(y)) => Some(x.max(y)),
        _ => None,
    };
    Some(Period::new_unchecked(a.start().min(b.start()), end))
}

fn relation_with(r: &Relation, a: &str, b: &str, period: Period, id: Option<String>) -> Relation {
    let mut builder = Relation::builder(a, b, r.sign(), period)
        .intensity(r.intensity())
        .sectors(r.sectors())
        .instrument(r.instrument().clone())
        .contested(r.is_contested());
    if let Some(id) = id {
        builder = builder.id(&id);
    }
    for e in r.evidence() {
        builder = builder.evidence(e.clone());
    }
    builder.build_unchecked()
}

impl Dataset {
    /// Lays `overlay` over `base` (e.g. a hand-coded regional data set over the world
    /// layer of [`crate::panel::World::dataset`]) and validates the result.
    ///
    /// - **Units** are mapped by their COW code (`cow = 365`, declared in the data): a base
    ///   unit with the code of an overlay unit *is* that unit, under the overlay's
    ///   identifier, name and kind, its existence the hull of both periods; every base item
    ///   naming it is renamed. Other units of both layers are kept; a base unit whose
    ///   identifier the overlay gives to a unit of another COW code is renamed
    ///   `<id>-<COW code>` (the world's Montenegro `MNG` becomes `MNG-341` beside a data
    ///   set's Mongolia `MNG`), or `<id>-base` when it has no code. An identifier both layers
    ///   use where the overlay's unit has no code is a duplicate the validation reports.
    /// - **Relations**: under [`OverlayRule::Replace`] (the default) the overlay's relations
    ///   replace the base's on every dyad-year the overlay has a relation for — a base
    ///   relation keeps the years outside them (split in pieces if need be; a piece after
    ///   the first gets `-part2`, `-part3`… appended to an identifier); under
    ///   [`OverlayRule::Keep`] both are kept.
    /// - **Borders** and **power classes** of the overlay replace the base's on the
    ///   dyad-years (unit-years) they cover, under either rule; **capabilities** of the
    ///   overlay replace the base's of the same unit and year.
    /// - **Organisations** and **memberships** of both layers are kept.
    /// - **Provenance**: each relation, membership and border remembers its layer
    ///   ([`Dataset::layers`], [`Dataset::relation_layer`]), so that every tie of a
    ///   snapshot names the layer and the record it came from
    ///   ([`crate::Provenance`]). A layer is named by its data set's name (`base`,
    ///   `overlay` when unnamed); overlaying an overlaid data set adds a layer.
    ///
    /// Layers are not written to files: a saved overlay is one data set.
    ///
    /// # Complexity
    /// O((R + B) log R) for R relations and B borders, plus validation.
    ///
    /// # Errors
    /// [`DatasetError::Invalid`] listing every problem of the result (duplicate
    /// identifiers across the layers, conflicting relations under [`OverlayRule::Keep`],
    /// items outside a unit's existence…).
    ///
    /// # Example
    /// ```
    /// use rsct::{Dataset, Evidence, Period, Relation, Sector, Sign, Unit};
    /// use rsct::OverlayRule;
    /// let ev = |t: &str| Evidence::cited(t, "test").unwrap();
    /// let rel = |a, b, s, p, t: &str| Relation::builder(a, b, s, p).intensity(1.0)
    ///     .sector(Sector::Military).evidence(ev(t)).build().unwrap();
    /// let world = Dataset::builder().name("world")
    ///     .unit(Unit::state("RUS", "Russia")?.with_cow(365)?)
    ///     .unit(Unit::state("GRG", "Georgia")?.with_cow(372)?)
    ///     .relation(rel("RUS", "GRG", Sign::Amity, Period::between(1994, 2010)?, "ATOP"))
    ///     .build()?;
    /// let region = Dataset::builder().name("thesis")
    ///     .unit(Unit::state("RUS", "Russia")?.with_cow(365)?)
    ///     .unit(Unit::state("GEO", "Georgia")?.with_cow(372)?)
    ///     .relation(rel("RUS", "GEO", Sign::Enmity, Period::between(2008, 2013)?, "war"))
    ///     .build()?;
    /// let ds = Dataset::overlay(&world, &region, OverlayRule::Replace)?;
    /// assert_eq!(ds.units().len(), 2);
    /// let periods: Vec<String> = ds.relations().iter().map(|r| r.period().to_string()).collect();
    /// assert_eq!(periods, ["1994–2007", "2008–2013"]);
    /// assert_eq!(ds.relation_layer(0), Some("world"));
    /// assert_eq!(ds.relation_layer(1), Some("thesis"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overlay(
        base: &Dataset,
        overlay: &Dataset,
        rule: OverlayRule,
    ) -> Result<Dataset, DatasetError> {
        let (b, o) = (&base.parts, &overlay.parts);
        // Units: overlay units by COW code; base units with one of those codes are renamed.
        let by_cow: HashMap<u32, &Unit> = o
            .units
            .iter()
            .filter_map(|u| u.cow().map(|c| (c, u)))
            .collect();
        let mut rename: HashMap<&str, &str> = HashMap::new();
        let mut merged_period: HashMap<&str, Option<Period>> = HashMap::new();
        for u in &b.units {
            if let Some(ou) = u.cow().and_then(|c| by_cow.get(&c)) {
                rename.insert(u.id(), ou.id());
                merged_period.insert(ou.id(), hull(u.period(), ou.period()));
            }
        }
        // A base unit that keeps its own identity but whose identifier the overlay gives to
        // another unit (the world's Montenegro `MNG` beside a data set's Mongolia `MNG`) is
        // renamed `<id>-<COW code>` (`MNG-341`), or `<id>-base` without a code.
        // When the overlay's unit has no code, whether the two are one unit is not known:
        // the duplicate is left for the validation to report.
        let overlay_codes: HashMap<&str, u32> = o
            .units
            .iter()
            .filter_map(|u| u.cow().map(|c| (u.id(), c)))
            .collect();
        let mut moved: HashMap<&str, String> = HashMap::new();
        for u in &b.units {
            if !rename.contains_key(u.id())
                && overlay_codes
                    .get(u.id())
                    .is_some_and(|&c| u.cow() != Some(c))
            {
                let suffix = u.cow().map_or_else(|| "base".to_owned(), |c| c.to_string());
                moved.insert(u.id(), format!("{}-{suffix}", u.id()));
            }
        }
        let name = |id: &str| -> String {
            match (rename.get(id), moved.get(id)) {
                (Some(n), _) => (*n).to_owned(),
                (None, Some(m)) => m.clone(),
                (None, None) => id.to_owned(),
            }
        };
        let mut units: Vec<Unit> = b
            .units
            .iter()
            .filter(|u| !rename.contains_key(u.id()))
            .map(|u| match moved.get(u.id()) {
                Some(m) => Unit::new_unchecked(
                    m,
                    u.name(),
                    u.kind(),
                    u.cow(),
                    u.iso().map(str::to_owned),
                    u.period(),
                ),
                None => u.clone(),
            })
            .collect();
        units.extend(o.units.iter().map(|u| match merged_period.get(u.id()) {
            Some(&p) => Unit::new_unchecked(
                u.id(),
                u.name(),
                u.kind(),
                u.cow(),
                u.iso().map(str::to_owned),
                p,
            ),
            None => u.clone(),
        }));

        // Layers.
        let base_layers = base.layer_names("base");
        let overlay_layer = overlay
            .parts
            .name
            .clone()
            .unwrap_or_else(|| "overlay".into());
        let top = base_layers.len();
        let mut layers = base_layers;
        layers.push(overlay_layer);

        // Relations: the overlay's cover, per dyad.
        let mut covered: BTreeMap<(String, String), Vec<(i64, i64)>> = BTreeMap::new();
        for r in &o.relations {
            covered
                .entry(key(r.a(), r.b()))
                .or_default()
                .push(range(r.period()));
        }
        let covered: BTreeMap<_, _> = covered.into_iter().map(|(k, v)| (k, merged(v))).collect();
        let mut relations = Vec::with_capacity(b.relations.len() + o.relations.len());
        let mut relation_layer = Vec::with_capacity(relations.capacity());
        for (i, r) in b.relations.iter().enumerate() {
            let (a, z) = (name(r.a()), name(r.b()));
            let layer = base.relation_layer_index(i);
            let pieces = match (rule, covered.get(&key(&a, &z))) {
                (OverlayRule::Replace, Some(c)) => subtract(r.period(), c),
                _ => vec![r.period()],
            };
            for (k, p) in pieces.into_iter().enumerate() {
                let id = r.id().map(|id| {
                    if k == 0 {
                        id.to_owned()
                    } else {
                        format!("{id}-part{}", k + 1)
                    }
                });
                relations.push(relation_with(r, &a, &z, p, id));
                relation_layer.push(layer);
            }
        }
        relations.extend(o.relations.iter().cloned());
        relation_layer.extend(std::iter::repeat_n(top, o.relations.len()));

        // Borders: the overlay's replace the base's on the dyad-years they cover.
        let mut border_cover: BTreeMap<(String, String), Vec<(i64, i64)>> = BTreeMap::new();
        for x in &o.borders {
            border_cover
                .entry(key(x.a(), x.b()))
                .or_default()
                .push(range(x.period()));
        }
        let border_cover: BTreeMap<_, _> = border_cover
            .into_iter()
            .map(|(k, v)| (k, merged(v)))
            .collect();
        let mut borders = Vec::new();
        let mut border_layer = Vec::new();
        for (i, x) in b.borders.iter().enumerate() {
            let (a, z) = (name(x.a()), name(x.b()));
            let pieces = match border_cover.get(&key(&a, &z)) {
                Some(c) => subtract(x.period(), c),
                None => vec![x.period()],
            };
            for p in pieces {
                borders.push(Border::new_unchecked(
                    &a,
                    &z,
                    x.contiguity(),
                    p,
                    x.evidence().to_vec(),
                ));
                border_layer.push(base.border_layer_index(i));
            }
        }
        borders.extend(o.borders.iter().cloned());
        border_layer.extend(std::iter::repeat_n(top, o.borders.len()));

        // Power classes: the overlay's replace the base's on the unit-years they cover.
        let mut class_cover: HashMap<&str, Vec<(i64, i64)>> = HashMap::new();
        for c in &o.power_classes {
            class_cover
                .entry(c.unit())
                .or_default()
                .push(range(c.period()));
        }
        let class_cover: HashMap<_, _> = class_cover
            .into_iter()
            .map(|(k, v)| (k, merged(v)))
            .collect();
        let mut power_classes = Vec::new();
        for c in &b.power_classes {
            let unit = name(c.unit());
            let pieces = match class_cover.get(unit.as_str()) {
                Some(cov) => subtract(c.period(), cov),
                None => vec![c.period()],
            };
            power_classes.extend(pieces.into_iter().map(|p| {
                PowerClassification::new_unchecked(&unit, c.class(), p, c.evidence().to_vec())
            }));
        }
        power_classes.extend(o.power_classes.iter().cloned());

        // Memberships of both layers; capabilities with the overlay's winning.
        let mut memberships: Vec<Membership> = b
            .memberships
            .iter()
            .map(|m| {
                Membership::new_unchecked(
                    m.organisation(),
                    &name(m.unit()),
                    m.role(),
                    m.period(),
                    m.evidence().to_vec(),
                )
            })
            .collect();
        let mut membership_layer: Vec<usize> = (0..b.memberships.len())
            .map(|i| base.membership_layer_index(i))
            .collect();
        memberships.extend(o.memberships.iter().cloned());
        membership_layer.extend(std::iter::repeat_n(top, o.memberships.len()));
        let observed: std::collections::HashSet<(&str, Year)> = o
            .capabilities
            .iter()
            .map(|c| (c.unit(), c.year()))
            .collect();
        let mut capabilities: Vec<CapabilityObservation> = b
            .capabilities
            .iter()
            .filter_map(|c| {
                let unit = name(c.unit());
                (!observed.contains(&(unit.as_str(), c.year()))).then(|| {
                    CapabilityObservation::new_unchecked(&unit, c.year(), c.value(), c.source())
                })
            })
            .collect();
        capabilities.extend(o.capabilities.iter().cloned());

        let mut organisations = b.organisations.clone();
        organisations.extend(o.organisations.iter().cloned());
        let parts = Parts {
            name: Some(format!(
                "{} over {}",
                layers[top],
                layers[..top].join(" + ")
            )),
            description: Some(format!(
                "{} laid over {} ({rule} on the dyad-years both cover)",
                layers[top],
                layers[..top].join(" + ")
            )),
            units,
            organisations,
            memberships,
            relations,
            capabilities,
            borders,
            power_classes,
            layers: super::Layers {
                names: layers,
                relations: relation_layer,
                memberships: membership_layer,
                borders: border_layer,
            },
        };
        Dataset::from_parts(parts, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtracting_periods() {
        let p = |a, b| Period::new_unchecked(a, b);
        let c = merged(vec![range(p(2000, Some(2002))), range(p(2005, Some(2005)))]);
        assert_eq!(
            subtract(p(1990, None), &c),
            vec![p(1990, Some(1999)), p(2003, Some(2004)), p(2006, None)]
        );
        assert_eq!(subtract(p(2000, Some(2002)), &c), vec![]);
        assert_eq!(
            subtract(p(2001, Some(2010)), &c),
            vec![p(2003, Some(2004)), p(2006, Some(2010))]
        );
        let open = merged(vec![range(p(1995, None))]);
        assert_eq!(subtract(p(1990, None), &open), vec![p(1990, Some(1994))]);
        assert_eq!(subtract(p(1996, Some(1999)), &open), vec![]);
    }
}
