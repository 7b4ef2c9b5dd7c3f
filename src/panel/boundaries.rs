//! The boundaries of security complexes in a year of the world: the year's ties and
//! contiguity as interdependence, power classes from NMC world shares, and the crate's
//! boundary analysis ([`crate::boundary`]).

use super::PanelError;
use super::rules::WorldRules;
use super::world::{World, YearGraph};
use crate::boundary::{
    BoundaryOptions, BoundaryReport, Interdependence, InterdependenceGraph, InterdependenceOptions,
    analyse_interdependence,
};
use crate::graph::SecurityGraph;
use crate::period::Year;
use crate::polarity::{Classification, PowerClass, PowerClassRules, Shares, classify_powers};
use crate::unit::UnitKind;
use std::collections::BTreeMap;

/// Options of [`World::boundaries`]. A builder.
///
/// Defaults: the boundary options [`BoundaryOptions::new`]; power classes computed from
/// world NMC CINC shares by [`PowerClassRules::new`]; from 1990 on, Buzan & Wæver's "1 + 4"
/// ([`Classification::buzan_waever_post_1990`]) taken as the complete list of global powers.
/// Contiguity, as the proximity term of interdependence, is set in the [`WorldRules`]
/// ([`WorldRules::contiguity`]: the farthest type that counts and its weight).
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct WorldBoundaryOptions {
    boundary: BoundaryOptions,
    power_rules: PowerClassRules,
    preset_from: Option<Year>,
}

impl Default for WorldBoundaryOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl WorldBoundaryOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self {
            boundary: BoundaryOptions::new(),
            power_rules: PowerClassRules::new(),
            preset_from: Some(1990),
        }
    }
    /// The boundary options (resolution, seed, thresholds). Power classes given here with
    /// [`BoundaryOptions::classes`] are the user's: their overrides win over computed
    /// classes and over the preset.
    pub fn boundary(mut self, options: BoundaryOptions) -> Self {
        self.boundary = options;
        self
    }
    /// The thresholds on world CINC shares for computed power classes.
    pub fn power_rules(mut self, rules: PowerClassRules) -> Self {
        self.power_rules = rules;
        self
    }
    /// The first year Buzan & Wæver's post-Cold War classes apply (default 1990); `None`:
    /// never (computed classes only).
    pub fn buzan_waever_from(mut self, year: Option<Year>) -> Self {
        self.preset_from = year;
        self
    }
}

impl World {
    /// The security graph of `year`: [`World::dataset`] snapshot with the default
    /// derivation rules (the world data set has no organisations, so every tie is one
    /// relation with its citation).
    ///
    /// # Errors
    /// As [`World::dataset`]; [`PanelError::Dataset`] when the snapshot fails.
    pub fn security_graph(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<SecurityGraph, PanelError> {
        self.dataset(year, rules)?
            .snapshot(year, &crate::DerivationRules::new())
            .map_err(|e| PanelError::Dataset(e.to_string()))
    }

    /// The contiguity of `year` as the proximity term of [`crate::boundary::interdependence`]:
    /// every contiguous pair the rules count (closeness 1), with the rules' contiguity
    /// weight; no proximity when the rules set no contiguity or it is not loaded.
    ///
    /// # Errors
    /// As [`World::year`].
    pub fn interdependence_options(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<InterdependenceOptions, PanelError> {
        let g = self.year(year, rules)?;
        Ok(self.proximity_options(&g, rules))
    }

    fn proximity_options(&self, g: &YearGraph, rules: &WorldRules) -> InterdependenceOptions {
        let mut o = InterdependenceOptions::new();
        if let Some((_, w)) = rules.contiguity_rule() {
            o = o.proximity_weight(w);
            for p in g.proximity() {
                let (a, b) = (
                    self.label(p.a(), rules.label_rule()),
                    self.label(p.b(), rules.label_rule()),
                );
                o = o.proximity(&a, &b, 1.0);
            }
        }
        o
    }

    /// The interdependence graph of `year` built directly from the year's ties and
    /// contiguity (the same graph as [`crate::boundary::interdependence`] of
    /// [`World::security_graph`] with [`World::interdependence_options`], without building
    /// the data set): units are the year's units under the rules' labels, all states; a tie
    /// adds its intensity to amity or enmity by its sign; contiguity adds the rules' weight.
    ///
    /// # Errors
    /// As [`World::year`]; [`PanelError::Boundary`] when two units share a label.
    pub fn interdependence(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<InterdependenceGraph, PanelError> {
        let g = self.year(year, rules)?;
        world_interdependence(&g)
    }

    /// The CINC scores of `year` of the year's units, by the rules' labels (empty without
    /// NMC).
    ///
    /// # Errors
    /// As [`World::year`].
    pub fn capabilities_in(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<BTreeMap<String, f64>, PanelError> {
        let g = self.year(year, rules)?;
        Ok(self.year_capabilities(&g, rules))
    }

    fn year_capabilities(&self, g: &YearGraph, rules: &WorldRules) -> BTreeMap<String, f64> {
        let Some(nmc) = self.capabilities() else {
            return BTreeMap::new();
        };
        nmc.in_year(g.year())
            .iter()
            .filter(|r| g.units().binary_search(&r.ccode()).is_ok())
            .filter_map(|r| {
                r.cinc()
                    .map(|c| (self.label(r.ccode(), rules.label_rule()), c))
            })
            .collect()
    }

    /// The power classes of `year`: computed by [`classify_powers`] from the world shares
    /// of NMC CINC (every state with a score in the year); from the preset year on (1990 by
    /// default), Buzan & Wæver's "1 + 4" is the complete list of global powers — its five
    /// units get their classes and every other unit computed as a superpower or great power
    /// is a regional power; the user's classes in the options win over both. The preset
    /// names units by COW abbreviation (`USA`, `RUS`, `CHN`, `JPN`; `EU` is not a COW
    /// state): label units by abbreviation ([`super::Labels::Abbreviation`], the default)
    /// with the state list loaded.
    ///
    /// # Errors
    /// [`PanelError::Polarity`] when the options' thresholds are out of range or the CINC
    /// scores cannot be shares (a negative score, two units with one label).
    pub fn power_classes(
        &self,
        year: Year,
        rules: &WorldRules,
        options: &WorldBoundaryOptions,
    ) -> Result<Classification, PanelError> {
        let values: Vec<(String, f64)> = self
            .capabilities()
            .map(|nmc| {
                nmc.in_year(year)
                    .iter()
                    .filter_map(|r| {
                        r.cinc()
                            .map(|c| (self.label(r.ccode(), rules.label_rule()), c))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut classes = if values.iter().any(|v| v.1 > 0.0) {
            classify_powers(&Shares::from_values(values)?, &options.power_rules)?
        } else {
            Classification::new()
        };
        if options.preset_from.is_some_and(|from| year >= from) {
            let preset = Classification::buzan_waever_post_1990();
            let mut demoted = Classification::new();
            for class in [PowerClass::Superpower, PowerClass::GreatPower] {
                for u in classes.units_of(class) {
                    if !preset.is_overridden(u) {
                        demoted = demoted.with_override(u, PowerClass::RegionalPower);
                    }
                }
            }
            classes = classes
                .with_overrides_of(&demoted)
                .with_overrides_of(&preset);
        }
        Ok(classes.with_overrides_of(&options.boundary.classes))
    }

    /// The boundary options of `year`: the options' boundary options with the classes of
    /// [`World::power_classes`].
    ///
    /// # Errors
    /// As [`World::power_classes`].
    pub fn boundary_options(
        &self,
        year: Year,
        rules: &WorldRules,
        options: &WorldBoundaryOptions,
    ) -> Result<BoundaryOptions, PanelError> {
        let classes = self.power_classes(year, rules, options)?;
        Ok(options.boundary.clone().classes(classes))
    }

    /// The boundaries of security complexes in `year` (theory [§2](crate::guide::theory#2-the-regional-security-complex)–[§3](crate::guide::theory#3-boundaries)): the interdependence
    /// of the year's ties (amity and enmity alike) plus contiguity when the rules set it
    /// ([`WorldRules::contiguity`]), power classes from NMC world shares with Buzan &
    /// Wæver's preset from 1990 ([`World::power_classes`]), CINC capabilities for each
    /// complex's polarity, and [`analyse_interdependence`]. The same report as
    /// [`crate::boundary::analyse`] of [`World::security_graph`] with
    /// [`World::interdependence_options`], [`World::capabilities_in`] and
    /// [`World::boundary_options`], without building the data set.
    ///
    /// # Complexity
    /// Building the year, O(T log T) for its T dyad-year records, then as
    /// [`crate::boundary::analyse`].
    ///
    /// # Errors
    /// As [`World::year`] and [`World::power_classes`]; [`PanelError::Boundary`] for
    /// boundary options out of range.
    ///
    /// # Example
    /// ```no_run
    /// use rsct::io::cow::ContiguityType;
    /// use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
    /// let world = World::load("cow")?;
    /// let rules = WorldRules::new().contiguity(ContiguityType::Land, 0.5);
    /// let report = world.boundaries(1995, &rules, &WorldBoundaryOptions::new())?;
    /// println!("{report}\n{}", report.explain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn boundaries(
        &self,
        year: Year,
        rules: &WorldRules,
        options: &WorldBoundaryOptions,
    ) -> Result<BoundaryReport, PanelError> {
        let g = self.year(year, rules)?;
        let ig = world_interdependence(&g)?;
        let caps = self.year_capabilities(&g, rules);
        let opts = self.boundary_options(year, rules, options)?;
        Ok(analyse_interdependence(year, &ig, &caps, &opts)?)
    }
}

/// The interdependence graph of a year's graph.
fn world_interdependence(g: &YearGraph) -> Result<InterdependenceGraph, PanelError> {
    let sg = g.graph();
    let units: Vec<(String, UnitKind)> = sg
        .graph()
        .node_indices()
        .map(|i| (sg.label(i).unwrap_or_default().to_owned(), UnitKind::State))
        .collect();
    let pos = |c| g.units().binary_search(&c).ok();
    let ties = g.ties().iter().filter_map(|t| {
        let mut w = Interdependence::default();
        if t.sign().is_negative() {
            w.enmity = t.intensity();
        } else {
            w.amity = t.intensity();
        }
        Some((pos(t.a())?, pos(t.b())?, w))
    });
    let proximity = g.proximity().iter().filter_map(|p| {
        let w = Interdependence {
            proximity: p.weight(),
            ..Interdependence::default()
        };
        Some((pos(p.a())?, pos(p.b())?, w))
    });
    Ok(InterdependenceGraph::from_pairs(
        units,
        ties.chain(proximity),
    )?)
}
