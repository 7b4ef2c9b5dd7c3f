//! The world of one year as a validated [`Dataset`], for the crate's snapshot and analyses.

use super::PanelError;
use super::rules::WorldRules;
use super::world::World;
use crate::CapabilityObservation;
use crate::dataset::Dataset;
use crate::evidence::Evidence;
use crate::io::cow::sources;
use crate::period::{Period, Year};
use crate::relation::Relation;
use crate::sector::Sector;
use crate::unit::{Unit, UnitKind};

impl World {
    /// The world of `year` as a validated [`Dataset`]: the year's units (named by the
    /// rules' labels, with their COW codes and the period of that year), one relation per
    /// tie (military sector, period = the year, intensity from the rules, evidence citing
    /// the ATOP obligations and/or the MID dispute or rivalry behind it, marked contested
    /// where both amity and enmity were present), and the NMC CINC scores of the year's
    /// units. `dataset.snapshot(year, &DerivationRules::new())` then gives the
    /// [`crate::SecurityGraph`] of the year with provenance per tie.
    ///
    /// # Errors
    /// As [`World::year`]; [`PanelError::Dataset`] when a label is not a valid identifier or
    /// validation fails.
    pub fn dataset(&self, year: Year, rules: &WorldRules) -> Result<Dataset, PanelError> {
        let g = self.year(year, rules)?;
        let label = |c| self.label(c, rules.label_rule());
        let period = Period::year(year);
        let mut b = Dataset::builder()
            .name(&format!("COW-family world, {year}"))
            .description(&format!(
                "Built by rsct::panel from: {}",
                self.sources()
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.cite))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        for &c in g.units() {
            let name = self
                .states()
                .and_then(|s| s.name(c))
                .map_or_else(|| label(c), str::to_owned);
            let u = Unit::new(&label(c), &name, UnitKind::State)
                .and_then(|u| u.with_cow(i64::from(c)))
                .map_err(|e| PanelError::Dataset(e.to_string()))?
                .with_period(period);
            b = b.unit(u);
        }
        for t in g.ties() {
            let (a, z) = (label(t.a()), label(t.b()));
            let mut r = Relation::builder(&a, &z, t.sign(), period)
                .intensity(t.intensity())
                .sector(Sector::Military)
                .contested(t.is_contested());
            let locator = |file: &str| format!("{file}, ccode {}–{}, {year}", t.a(), t.b());
            if let Some(o) = t.alliance() {
                let e = Evidence::cited(
                    &format!("{}: alliance obligations {o}", sources::ATOP.name),
                    &locator(sources::ATOP.file),
                );
                r = r.evidence(e.map_err(|e| PanelError::Dataset(e.to_string()))?);
            }
            if let Some(d) = t.dispute() {
                let e = Evidence::cited(
                    &format!(
                        "MID dispute {} at hostility level {}",
                        d.dispute(),
                        d.hostility()
                    ),
                    &locator("MID dyad-years"),
                );
                r = r.evidence(e.map_err(|e| PanelError::Dataset(e.to_string()))?);
            }
            if let Some(id) = t.rivalry() {
                let e = Evidence::cited(
                    &format!("{}: strategic rivalry {id}", sources::RIVALRIES.name),
                    &locator(sources::RIVALRIES.file),
                );
                r = r.evidence(e.map_err(|e| PanelError::Dataset(e.to_string()))?);
            }
            b = b.relation(r.build().map_err(|e| PanelError::Dataset(e.to_string()))?);
        }
        if let Some(nmc) = self.capabilities() {
            for rec in nmc.in_year(year) {
                if let (Some(v), Ok(_)) = (rec.cinc(), g.units().binary_search(&rec.ccode())) {
                    let c = CapabilityObservation::new(
                        &label(rec.ccode()),
                        year,
                        v,
                        "COW NMC 6.0 (cinc)",
                    )
                    .map_err(|e| PanelError::Dataset(e.to_string()))?;
                    b = b.capability(c);
                }
            }
        }
        b.build().map_err(|e| PanelError::Dataset(e.to_string()))
    }
}
