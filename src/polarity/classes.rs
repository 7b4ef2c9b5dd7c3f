//! Global power classes: superpower, great power, regional power.

use super::{PolarityError, Shares};
use std::collections::BTreeMap;

/// A unit's power class at the global level (Buzan & Wæver 2003, pp. 34–37).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PowerClass {
    /// Broad-spectrum capabilities with global reach (after 1990 only the USA).
    Superpower,
    /// Treated by others as able to become a superpower.
    GreatPower,
    /// Defines the polarity of its region, counts little globally.
    RegionalPower,
    /// None of the above.
    Other,
}

impl PowerClass {
    /// Whether the class is superpower or great power.
    #[must_use]
    pub fn is_global(self) -> bool {
        matches!(self, PowerClass::Superpower | PowerClass::GreatPower)
    }
}

crate::internal::builder! {
    /// Thresholds on *global* capability shares for computing power classes. A builder.
    ///
    /// Defaults (on shares of world COW CINC): superpower ≥ 0.12 and at least 0.8 × the largest
    /// share; great power ≥ 0.03; regional power ≥ 0.005. They are a documented heuristic —
    /// material capability is not status, which is why a user's classification always overrides
    /// (see [`Classification::with_override`] and [`Classification::buzan_waever_post_1990`]).
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct PowerClassRules;
    /// The defaults.
    fn new();
    /// The global share a superpower needs.
    superpower(share: f64) = 0.12, get_superpower;
    /// The fraction of the largest share a superpower needs.
    superpower_relative(fraction: f64) = 0.8, get_superpower_relative;
    /// The global share a great power needs.
    great_power(share: f64) = 0.03, get_great_power;
    /// The global share a regional power needs.
    regional_power(share: f64) = 0.005, get_regional_power;
}

/// Power classes of units: computed ones, and the user's overrides, which always win.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Classification {
    computed: BTreeMap<String, PowerClass>,
    overrides: BTreeMap<String, PowerClass>,
}

impl Classification {
    /// An empty classification (every unit [`PowerClass::Other`]).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Buzan & Wæver's post-1990 "1 + 4" (2003, pp. 34–37, 446): the USA superpower; the
    /// EU, Japan, China and Russia great powers — as overrides on unit identifiers `USA`,
    /// `EU`, `JPN`, `CHN`, `RUS` (ISO 3166 alpha-3, which COW's abbreviations share for these
    /// four states).
    #[must_use]
    pub fn buzan_waever_post_1990() -> Self {
        Self::new()
            .with_override("USA", PowerClass::Superpower)
            .with_override("EU", PowerClass::GreatPower)
            .with_override("JPN", PowerClass::GreatPower)
            .with_override("CHN", PowerClass::GreatPower)
            .with_override("RUS", PowerClass::GreatPower)
    }

    /// Sets the user's class for `unit`; it overrides any computed class.
    #[must_use]
    pub fn with_override(mut self, unit: &str, class: PowerClass) -> Self {
        self.overrides.insert(unit.to_owned(), class);
        self
    }

    /// Adds every override of `other` (which win over this one's).
    #[must_use]
    pub fn with_overrides_of(mut self, other: &Classification) -> Self {
        self.overrides
            .extend(other.overrides.iter().map(|(k, v)| (k.clone(), *v)));
        self
    }

    /// The class of `unit`: the override if any, else the computed class, else
    /// [`PowerClass::Other`].
    #[must_use]
    pub fn class(&self, unit: &str) -> PowerClass {
        self.overrides
            .get(unit)
            .or_else(|| self.computed.get(unit))
            .copied()
            .unwrap_or(PowerClass::Other)
    }

    /// This classification with the overrides of `data` (classes a data set states) for the
    /// units this one does not override: they win over this one's computed classes, this
    /// one's overrides win over them.
    #[must_use]
    pub(crate) fn over_data(mut self, data: &Classification) -> Self {
        for (unit, class) in &data.overrides {
            self.overrides.entry(unit.clone()).or_insert(*class);
        }
        self
    }

    /// Whether the class of `unit` comes from the user.
    #[must_use]
    pub fn is_overridden(&self, unit: &str) -> bool {
        self.overrides.contains_key(unit)
    }

    /// The units of a class, sorted by identifier.
    #[must_use]
    pub fn units_of(&self, class: PowerClass) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .computed
            .keys()
            .chain(self.overrides.keys())
            .map(String::as_str)
            .collect();
        all.sort_unstable();
        all.dedup();
        all.into_iter().filter(|u| self.class(u) == class).collect()
    }
}

/// Power classes computed from global capability shares by `rules`.
///
/// A unit is a superpower when its share reaches both the absolute and the relative
/// superpower thresholds; otherwise a great power at the great-power threshold; otherwise a
/// regional power at the regional threshold; otherwise other.
///
/// # Complexity
/// O(N log N).
///
/// # Errors
/// [`PolarityError::BadParameter`] for a threshold outside `[0, 1]` (or NaN).
///
/// # Example
/// ```
/// use rsct::polarity::{classify_powers, Classification, PowerClass, PowerClassRules, Shares};
/// // CINC-like values: China's material score above the USA's, as in NMC after 1996.
/// let world = Shares::from_values([
///     ("USA", 14.0), ("CHN", 20.0), ("RUS", 4.0), ("JPN", 5.0), ("DEU", 3.0), ("ARM", 0.1),
/// ])?;
/// let c = classify_powers(&world, &PowerClassRules::new())?;
/// assert_eq!(c.class("CHN"), PowerClass::Superpower); // capability alone overrates China…
/// assert_eq!(c.class("USA"), PowerClass::GreatPower);
/// let c = c.with_overrides_of(&Classification::buzan_waever_post_1990());
/// assert_eq!(c.class("CHN"), PowerClass::GreatPower);  // …so the user's classification wins
/// assert_eq!(c.class("USA"), PowerClass::Superpower);
/// assert_eq!(c.class("ARM"), PowerClass::Other);
/// # Ok::<(), rsct::polarity::PolarityError>(())
/// ```
pub fn classify_powers(
    world: &Shares,
    rules: &PowerClassRules,
) -> Result<Classification, PolarityError> {
    for (parameter, value) in [
        ("superpower", rules.superpower),
        ("superpower_relative", rules.superpower_relative),
        ("great_power", rules.great_power),
        ("regional_power", rules.regional_power),
    ] {
        if !(0.0..=1.0).contains(&value) {
            return Err(PolarityError::BadParameter {
                parameter,
                value,
                expected: "a share in [0, 1]",
            });
        }
    }
    let top = world.leader().1;
    let computed = world
        .units()
        .iter()
        .zip(world.shares())
        .map(|(u, &s)| {
            let class = if s >= rules.superpower && s >= rules.superpower_relative * top {
                PowerClass::Superpower
            } else if s >= rules.great_power {
                PowerClass::GreatPower
            } else if s >= rules.regional_power {
                PowerClass::RegionalPower
            } else {
                PowerClass::Other
            };
            (u.clone(), class)
        })
        .collect();
    Ok(Classification {
        computed,
        overrides: BTreeMap::new(),
    })
}
