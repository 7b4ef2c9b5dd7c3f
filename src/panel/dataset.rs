//! The world as a data-set source: the COW-family records of a span of years as a validated
//! [`Dataset`], whose snapshots are the world's yearly security graphs.

use super::PanelError;
use super::rules::{WorldRules, contiguity_of};
use super::world::{Scratch, World, YearTie};
use crate::capability::CapabilityObservation;
use crate::dataset::{Border, Dataset};
use crate::evidence::Evidence;
use crate::graph::SecurityGraph;
use crate::internal::hash::FxHashMap;
use crate::io::cow::{Ccode, ContiguityType, sources};
use crate::period::{Period, Year};
use crate::relation::Relation;
use crate::sector::Sector;
use crate::unit::{Unit, UnitKind};
use std::borrow::Cow;

/// A run of consecutive years with the same tie on one dyad.
struct Run {
    tie: YearTie,
    from: Year,
    to: Year,
}

/// A run of consecutive years with the same contiguity on one dyad.
struct BorderRun {
    contiguity: ContiguityType,
    from: Year,
    to: Year,
}

/// The world of a span of years as a data set, and the contested dyads of each year.
pub(crate) struct WorldYears {
    pub(crate) dataset: Dataset,
    /// Per year of the span, in order: dyads with both amity and enmity.
    pub(crate) contested: Vec<usize>,
    /// Per year of the span, in order: which units (by position in the data set) are
    /// present — system members or units with a tie — so that a unit absent in a year
    /// inside its existence period is left out of that year's snapshot.
    pub(crate) present: Vec<Vec<bool>>,
}

impl World {
    /// The world of the years `from..=to` as a validated [`Dataset`]:
    ///
    /// - **units**: every state that is a system member in one of the years (when the state
    ///   list is loaded; only members with [`WorldRules::members_only`]) or has a tie,
    ///   named by the rules' labels, with its COW code and an existence period from its
    ///   first to its last such year in the span (a state absent in between, as Germany
    ///   1945–1954, is an isolated unit of those years' snapshots in a span that crosses
    ///   them; a one-year span is exact);
    /// - **relations**: one per dyad and run of consecutive years with the same tie, in
    ///   the military sector, signed and weighted by the rules (ATOP obligations as amity,
    ///   MID hostility and rivalries as enmity, the conflict rule resolving dyad-years with
    ///   both, which are marked `contested`), bilateral, each citing its source records:
    ///   the ATOP obligations, the MID dispute number and hostility level, the rivalry,
    ///   with file, country codes and years. (ATOP's directed dyad-year file carries no
    ///   alliance identifier, so pacts enter as dyads, not as organisations.)
    /// - **borders**: Direct Contiguity of the types the rules count
    ///   ([`WorldRules::contiguity`]; none without it), per run of years;
    /// - **capabilities**: the NMC CINC score of every unit in each year it is present.
    ///
    /// Relations come in order of their first year, then dyad. The snapshot of a year
    /// ([`World::security_graph`]) has the same units and signed ties as the world's
    /// records in that year.
    ///
    /// # Complexity
    /// O(Σ_y T_y log T_y) for T_y dyad-year records in year y, plus validation.
    ///
    /// # Errors
    /// [`PanelError::EmptyRange`], [`PanelError::BadRule`], [`PanelError::NeedsStates`];
    /// [`PanelError::DuplicateLabel`] when two units share a label; [`PanelError::Unit`]
    /// when a label is not a valid identifier (a state list with odd abbreviations);
    /// [`PanelError::Dataset`] for any validation issue of the whole.
    ///
    /// # Example
    /// ```no_run
    /// use rsct::panel::{World, WorldRules};
    /// let world = World::load("cow")?;
    /// let ds = world.dataset(1991, 2013, &WorldRules::new())?;
    /// let g = ds.snapshot(1993, &WorldRules::new().derivation_rules())?;
    /// println!("{} units, {} ties", g.unit_count(), g.tie_count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dataset(&self, from: Year, to: Year, rules: &WorldRules) -> Result<Dataset, PanelError> {
        if to < from {
            return Err(PanelError::EmptyRange { from, to });
        }
        rules.check()?;
        self.check_needs(rules)?;
        Ok(self
            .build_years(from, to, rules, &mut Scratch::default())?
            .dataset)
    }

    /// The security graph of `year`: the snapshot of [`World::dataset`] of that year under
    /// [`WorldRules::derivation_rules`]. Every tie is one relation with its citations; the
    /// graph's proximities are the year's borders the rules count.
    ///
    /// # Errors
    /// As [`World::dataset`].
    pub fn security_graph(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<SecurityGraph, PanelError> {
        Ok(self
            .dataset(year, year, rules)?
            .snapshot(year, &rules.derivation_rules())?)
    }

    /// The data set of the span, after the rules were checked.
    pub(crate) fn build_years(
        &self,
        from: Year,
        to: Year,
        rules: &WorldRules,
        scratch: &mut Scratch,
    ) -> Result<WorldYears, PanelError> {
        let label = |c: Ccode| self.label(c, rules.get_labels());
        let mut spans: FxHashMap<Ccode, (Year, Year)> = FxHashMap::default();
        let mut open: FxHashMap<(Ccode, Ccode), Run> = FxHashMap::default();
        let mut runs: Vec<Run> = Vec::new();
        let mut open_borders: FxHashMap<(Ccode, Ccode), BorderRun> = FxHashMap::default();
        let mut border_runs: Vec<((Ccode, Ccode), BorderRun)> = Vec::new();
        let mut capabilities: Vec<(Ccode, Year, f64)> = Vec::new();
        let mut contested = Vec::new();
        let mut present_years: Vec<Vec<Ccode>> = Vec::new();
        let contiguity = self
            .contiguity()
            .filter(|_| rules.get_contiguity().is_some() || rules.get_distance_decay().is_some());
        let mut year = from;
        loop {
            let (c, _) = self.ties_of_year(year, rules, scratch);
            contested.push(c);
            self.units_of_year(year, scratch);
            present_years.push(scratch.units.clone());
            for &u in &scratch.units {
                spans
                    .entry(u)
                    .and_modify(|s| s.1 = year)
                    .or_insert((year, year));
            }
            for t in &scratch.ties {
                match open.get_mut(&(t.a, t.b)) {
                    Some(r) if r.to + 1 == year && r.tie == *t => r.to = year,
                    _ => {
                        let run = Run {
                            tie: *t,
                            from: year,
                            to: year,
                        };
                        if let Some(old) = open.insert((t.a, t.b), run) {
                            runs.push(old);
                        }
                    }
                }
            }
            let present = |c: Ccode| scratch.units.binary_search(&c).is_ok();
            if let Some(cont) = contiguity {
                for r in cont.in_year(year) {
                    if !(rules.carries_border(r.value()) && present(r.a()) && present(r.b())) {
                        continue;
                    }
                    let key = (r.a().min(r.b()), r.a().max(r.b()));
                    match open_borders.get_mut(&key) {
                        Some(b) if b.to + 1 == year && b.contiguity == r.value() => b.to = year,
                        _ => {
                            let run = BorderRun {
                                contiguity: r.value(),
                                from: year,
                                to: year,
                            };
                            if let Some(old) = open_borders.insert(key, run) {
                                border_runs.push((key, old));
                            }
                        }
                    }
                }
            }
            if let Some(nmc) = self.capabilities() {
                capabilities.extend(
                    nmc.in_year(year)
                        .iter()
                        .filter(|r| present(r.ccode()))
                        .filter_map(|r| r.cinc().map(|v| (r.ccode(), year, v))),
                );
            }
            if year >= to {
                break;
            }
            year += 1;
        }
        runs.extend(open.into_values());
        runs.sort_unstable_by_key(|r| (r.from, r.tie.a, r.tie.b));
        border_runs.extend(open_borders);
        border_runs.sort_unstable_by_key(|(k, r)| (r.from, *k));

        let mut units: Vec<(Ccode, (Year, Year))> = spans.into_iter().collect();
        units.sort_unstable_by_key(|u| u.0);
        let mut b = Dataset::builder()
            .name(&span_name("COW-family world", from, to))
            .description(&format!(
                "Built by rsct::panel from: {}",
                self.sources()
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.cite))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        // Each unit's label, made once.
        let labels: FxHashMap<Ccode, String> = units.iter().map(|&(c, _)| (c, label(c))).collect();
        let label = |c: Ccode| -> Cow<'_, str> {
            labels
                .get(&c)
                .map_or_else(|| Cow::Owned(label(c)), |l| Cow::Borrowed(l.as_str()))
        };
        let mut labelled: FxHashMap<&str, Ccode> = FxHashMap::default();
        for &(c, (first, last)) in &units {
            let here = labels.get(&c).map_or("", String::as_str);
            if let Some(other) = labelled.insert(here, c) {
                return Err(PanelError::DuplicateLabel {
                    label: here.to_owned(),
                    ccodes: (other, c),
                });
            }
            let name = self.states().and_then(|s| s.name(c)).unwrap_or(here);
            let u = Unit::new(here, name, UnitKind::State)
                .and_then(|u| u.with_cow(i64::from(c)))?
                .with_period(Period::new_unchecked(first, Some(last)));
            b = b.unit(u);
        }
        for r in &runs {
            b = b.relation(relation_of(r, &label)?);
        }
        for ((x, y), r) in &border_runs {
            let years = span_name("", r.from, r.to);
            let e = Evidence::cited_owned(
                format!(
                    "{}: contiguity type {} ({})",
                    sources::CONTIGUITY.name,
                    r.contiguity.code(),
                    contiguity_of(r.contiguity)
                ),
                format!("{}, ccode {x}–{y},{years}", sources::CONTIGUITY.file),
            );
            b = b.border(Border::new(
                &label(*x),
                &label(*y),
                contiguity_of(r.contiguity),
                Period::new_unchecked(r.from, Some(r.to)),
                e.into_iter().collect(),
            )?);
        }
        for &(c, y, v) in &capabilities {
            b = b.capability(CapabilityObservation::new(
                &label(c),
                y,
                v,
                "COW NMC 6.0 (cinc)",
            )?);
        }
        let present = present_years
            .iter()
            .map(|here| {
                units
                    .iter()
                    .map(|(c, _)| here.binary_search(c).is_ok())
                    .collect()
            })
            .collect();
        Ok(WorldYears {
            dataset: b.build()?,
            contested,
            present,
        })
    }
}

fn span_name(what: &str, from: Year, to: Year) -> String {
    if from == to {
        format!("{what} {from}")
    } else {
        format!("{what} {from}–{to}")
    }
}

/// A citation's text, pushed piece by piece: a world year cites thousands of records, and
/// `format!` over them cost a tenth of the year's whole analysis.
struct Cite(String);

impl Cite {
    fn new(text: &str) -> Self {
        let mut s = String::with_capacity(64);
        s.push_str(text);
        Self(s)
    }
    fn text(mut self, text: &str) -> Self {
        self.0.push_str(text);
        self
    }
    /// A whole number in decimal, as `Display` writes it.
    fn num(mut self, v: impl Into<i64>) -> Self {
        let v: i64 = v.into();
        if v < 0 {
            self.0.push('-');
        }
        let mut digits = [0u8; 20];
        let mut k = digits.len();
        let mut rest = v.unsigned_abs();
        loop {
            k -= 1;
            // A digit, 0–9.
            digits[k] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.0.extend(digits[k..].iter().map(|&d| char::from(d)));
        self
    }
    fn done(self) -> String {
        self.0
    }
}

/// The relation of one run of a dyad's tie, citing its source records.
fn relation_of<'l>(r: &Run, label: &dyn Fn(Ccode) -> Cow<'l, str>) -> Result<Relation, PanelError> {
    let t = &r.tie;
    let period = Period::new_unchecked(r.from, Some(r.to));
    let (a, z) = (label(t.a), label(t.b));
    let mut rel = Relation::builder(&a, &z, t.sign, period)
        .intensity(t.intensity)
        .sector(Sector::Military)
        .contested(t.is_contested());
    // "<file>, ccode <a>–<b>, <from>[–<to>]"
    let locator = |file: &str| {
        let c = Cite::new(file).text(", ccode ").num(t.a).text("–").num(t.b);
        let c = c.text(", ").num(r.from);
        if r.to == r.from {
            c
        } else {
            c.text("–").num(r.to)
        }
        .done()
    };
    let alliance = t.alliance.map(|o| {
        let mut c = Cite::new(sources::ATOP.name).text(": alliance obligations ");
        for (k, x) in o.iter().enumerate() {
            c = if k == 0 { c } else { c.text("+") }.text(x.as_str());
        }
        (c.done(), locator(sources::ATOP.file))
    });
    let dispute = t.dispute.map(|d| {
        let c = Cite::new("MID dispute ").num(d.dispute());
        let c = c.text(" at hostility level ").num(d.hostility());
        (c.done(), locator("MID dyad-years"))
    });
    let rivalry = t.rivalry.map(|id| {
        let c = Cite::new(sources::RIVALRIES.name).text(": strategic rivalry ");
        (c.num(id).done(), locator(sources::RIVALRIES.file))
    });
    for (text, at) in [alliance, dispute, rivalry].into_iter().flatten() {
        // A non-empty text always makes evidence; were it not to, the relation would fail
        // for want of evidence rather than go uncited.
        if let Ok(e) = Evidence::cited_owned(text, at) {
            rel = rel.evidence(e);
        }
    }
    Ok(rel.build()?)
}

#[cfg(test)]
mod tests {
    use super::Cite;

    /// `Cite::num` writes numbers as `Display` does, at the edges of their types.
    #[test]
    fn a_citations_numbers_read_as_display_writes_them() {
        let values: [i64; 9] = [0, 7, 10, 1816, 2014, -1, -40, i64::from(u32::MAX), i64::MIN];
        for v in values {
            assert_eq!(Cite::new("n ").num(v).done(), format!("n {v}"));
        }
        let pieces = Cite::new("MID dispute ")
            .num(3564_u32)
            .text(" at hostility level ");
        assert_eq!(
            pieces.num(4_u8).done(),
            "MID dispute 3564 at hostility level 4"
        );
    }
}
