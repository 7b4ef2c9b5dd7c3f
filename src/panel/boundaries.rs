//! The boundaries of security complexes in a year of the world: the snapshot of the year's
//! data set (ties and borders) as interdependence, power classes from NMC world shares, and
//! the crate's boundary analysis ([`crate::boundary`]).

use super::PanelError;
use super::rules::WorldRules;
use super::world::World;
use crate::boundary::{
    BoundaryOptions, BoundaryReport, InterdependenceOptions, analyse_interdependence, analyse_span,
    interdependence,
};
use crate::internal::parallel;
use crate::period::Year;
use crate::polarity::{Classification, PowerClass, PowerClassRules, Shares, classify_powers};
use std::collections::BTreeMap;

crate::internal::builder! {
    /// Options of [`World::boundaries`]. A builder.
    ///
    /// Defaults: the boundary options [`BoundaryOptions::new`]; power classes computed from
    /// world NMC CINC shares by [`PowerClassRules::new`]; from 1990 on, Buzan & Wæver's "1 + 4"
    /// ([`Classification::buzan_waever_post_1990`]) taken as the complete list of global powers.
    /// Contiguity, as the proximity term of interdependence, is set in the [`WorldRules`]
    /// ([`WorldRules::contiguity`]: the farthest type that counts and its weight).
    #[derive(Debug, Clone, PartialEq)]
    pub struct WorldBoundaryOptions;
    /// The defaults.
    fn new();
    /// The boundary options (resolution, seed, thresholds). Power classes given here with
    /// [`BoundaryOptions::classes`] are the user's: their overrides win over computed
    /// classes and over the preset.
    boundary(options: BoundaryOptions) = BoundaryOptions::new(), &get_boundary;
    /// The thresholds on world CINC shares for computed power classes.
    power_rules(rules: PowerClassRules) = PowerClassRules::new(), get_power_rules;
    preset_from: Option<Year> = Some(1990);
    /// Threads for the years of [`World::boundaries_of_years`]: 0 (the default) rayon's
    /// current pool — every core, or `RAYON_NUM_THREADS`, or the pool of a caller
    /// already running in one —, 1 the calling thread alone, `n` a pool of `n` threads
    /// of its own. The reports do not depend on it.
    threads(threads: usize) = 0, get_threads;
}

impl WorldBoundaryOptions {
    /// The first year Buzan & Wæver's post-Cold War classes apply (default 1990); `None`:
    /// never (computed classes only).
    pub fn buzan_waever_from(mut self, year: Option<Year>) -> Self {
        self.preset_from = year;
        self
    }
    crate::internal::getters! {
        /// The first year Buzan & Wæver's post-Cold War classes apply, if any.
        get_buzan_waever_from = preset_from: Option<Year>;
    }
}

impl World {
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
                            .map(|c| (self.label(r.ccode(), rules.get_labels()), c))
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

    /// The boundaries of security complexes in `year` (theory [§2](crate::guide::theory#2-the-regional-security-complex)–[§3](crate::guide::theory#3-boundaries)): the security graph of
    /// the year ([`World::security_graph`]: the snapshot of the world's data set, whose
    /// proximities are the year's borders the rules count), its interdependence
    /// ([`crate::boundary::interdependence`]: the ties' intensities, amity and enmity alike,
    /// plus the contiguity weight of [`WorldRules::contiguity`] per bordering pair), power
    /// classes from NMC world shares with Buzan & Wæver's preset from 1990
    /// ([`World::power_classes`]), the data set's CINC capabilities for each complex's
    /// polarity, and [`analyse_interdependence`].
    ///
    /// # Complexity
    /// Building the year's data set, O(T log T) for its T dyad-year records, then as
    /// [`crate::boundary::analyse`].
    ///
    /// # Errors
    /// As [`World::security_graph`] and [`World::power_classes`];
    /// [`PanelError::Boundary`] for boundary options out of range.
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
        let (ig, caps) = self.interdependence_and_capabilities(year, rules)?;
        let opts = self.boundary_options(year, rules, options)?;
        Ok(analyse_interdependence(year, &ig, &caps, &opts)?)
    }

    /// The boundaries of every year of `from..=to`, in year order: [`World::boundaries`] of
    /// each year, the years computed in parallel on the options' threads
    /// ([`WorldBoundaryOptions::threads`]). Each year's report is computed from that year
    /// alone, so the reports are those of one thread, byte for byte — unless the boundary
    /// options couple the years ([`BoundaryOptions::interslice`] above 0): then the
    /// candidates of all years are proposed together by multislice modularity
    /// ([`crate::boundary::analyse_interdependence_of_years`]) and each year's rules run on
    /// its own ties (the reports still do not depend on the threads).
    ///
    /// # Complexity
    /// As [`World::boundaries`] for each year, divided among the threads.
    ///
    /// # Errors
    /// [`PanelError::EmptyRange`] when `to < from`; otherwise the error of the first year
    /// (in year order) that fails, as [`World::boundaries`].
    ///
    /// # Example
    /// ```no_run
    /// use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
    /// let world = World::load("cow")?;
    /// let rules = WorldRules::calibrated();
    /// let reports = world.boundaries_of_years(1990, 2001, &rules, &WorldBoundaryOptions::new())?;
    /// assert_eq!(reports.len(), 12);
    /// // On the calling thread alone: the same reports.
    /// let one = WorldBoundaryOptions::new().threads(1);
    /// assert_eq!(world.boundaries_of_years(1990, 2001, &rules, &one)?, reports);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn boundaries_of_years(
        &self,
        from: Year,
        to: Year,
        rules: &WorldRules,
        options: &WorldBoundaryOptions,
    ) -> Result<Vec<BoundaryReport>, PanelError> {
        if to < from {
            return Err(PanelError::EmptyRange { from, to });
        }
        let years: Vec<Year> = (from..=to).collect();
        let threads = options.threads;
        if options.boundary.get_interslice() > 0.0 {
            return parallel::install(threads, || {
                let inputs: Vec<_> = parallel::map(threads, &years, |&year| {
                    let (ig, caps) = self.interdependence_and_capabilities(year, rules)?;
                    let opts = self.boundary_options(year, rules, options)?;
                    Ok::<_, PanelError>((year, ig, caps, opts))
                })
                .into_iter()
                .collect::<Result<_, _>>()?;
                let span: Vec<_> = inputs
                    .iter()
                    .map(|(year, ig, caps, opts)| (*year, ig, caps, opts))
                    .collect();
                Ok(analyse_span(&span)?)
            });
        }
        parallel::install(threads, || {
            parallel::map(threads, &years, |&year| {
                self.boundaries(year, rules, options)
            })
        })
        .into_iter()
        .collect()
    }

    /// The interdependence graph of `year` ([`crate::boundary::interdependence`] of
    /// [`World::security_graph`], with the contiguity weight of [`WorldRules::contiguity`]
    /// on the year's borders) and the year's CINC capabilities by unit: the inputs of
    /// [`analyse_interdependence`], for callers that run it with options of their own.
    ///
    /// # Errors
    /// As [`World::boundaries`].
    pub fn interdependence_and_capabilities(
        &self,
        year: Year,
        rules: &WorldRules,
    ) -> Result<(crate::boundary::InterdependenceGraph, BTreeMap<String, f64>), PanelError> {
        let ds = self.dataset(year, year, rules)?;
        let g = ds.snapshot(year, &rules.derivation_rules())?;
        let mut options = InterdependenceOptions::new()
            .proximity_weight(rules.get_contiguity().map_or(0.0, |(_, w)| w))
            .distance_decay(rules.get_distance_decay().unwrap_or(1.0));
        if let Some((up_to, _)) = rules.get_contiguity() {
            options = options.proximity_up_to(super::rules::contiguity_of(up_to));
        }
        let ig = interdependence(&g, &options)?;
        Ok((ig, g.capabilities().clone()))
    }
}
