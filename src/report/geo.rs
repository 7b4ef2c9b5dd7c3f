//! Coordinates for geographic layouts: the capitals shipped in `data/capitals.csv`, or a
//! caller's own.

use super::DrawingError;
use crate::graph::SecurityGraph;
use std::collections::BTreeMap;

/// The shipped capitals file (see `data/README.md` for its sources and how it is regenerated).
const CAPITALS: &str = include_str!("../../data/capitals.csv");
const CAPITALS_FILE: &str = "data/capitals.csv";

/// One row of the shipped capitals file: a COW state (with its code) or another unit of the
/// shipped data sets (without one, keyed by its identifier).
///
/// Coordinates are GeoNames' (CC BY 4.0) for present-day capitals (`source = "geonames"`),
/// or set by hand for historical states and non-state units (`source = "manual"`). One
/// capital per state for all years: good for a map-like picture, not for distances.
#[derive(Debug, Clone, PartialEq)]
pub struct Capital {
    key: String,
    cow: Option<u32>,
    name: String,
    capital: String,
    lat: f64,
    lon: f64,
    source: String,
}

impl Capital {
    /// The COW state abbreviation, or the unit identifier for a unit that is not a COW state.
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The COW state code, if a COW state.
    #[must_use]
    pub fn cow(&self) -> Option<u32> {
        self.cow
    }
    /// The unit's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The capital's name.
    #[must_use]
    pub fn capital(&self) -> &str {
        &self.capital
    }
    /// Latitude in degrees (north positive).
    #[must_use]
    pub fn lat(&self) -> f64 {
        self.lat
    }
    /// Longitude in degrees (east positive).
    #[must_use]
    pub fn lon(&self) -> f64 {
        self.lon
    }
    /// Where the coordinates come from: `geonames` or `manual`.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// The capitals shipped with the crate: every COW state system member (2016 list) and the
/// non-state units of the shipped data sets.
///
/// # Errors
/// [`DrawingError::Capitals`] if the shipped file is malformed (a test guards against it).
///
/// ```
/// let caps = rsct::report::capitals()?;
/// let moscow = caps.iter().find(|c| c.cow() == Some(365)).unwrap();
/// assert_eq!(moscow.capital(), "Moscow");
/// # Ok::<(), rsct::report::DrawingError>(())
/// ```
pub fn capitals() -> Result<Vec<Capital>, DrawingError> {
    let bad = |line: usize, reason: String| DrawingError::Capitals {
        file: CAPITALS_FILE,
        line,
        reason,
    };
    let mut out = Vec::new();
    for (i, row) in CAPITALS.lines().enumerate().skip(1) {
        let f: Vec<&str> = row.split(',').collect();
        let [key, cow, name, capital, lat, lon, source] = f[..] else {
            return Err(bad(i + 1, format!("{} fields, not 7", f.len())));
        };
        let cow = if cow.is_empty() {
            None
        } else {
            Some(
                cow.parse()
                    .map_err(|_| bad(i + 1, format!("COW code \"{cow}\"")))?,
            )
        };
        let num = |s: &str, what: &str, lim: f64| match s.parse::<f64>() {
            Ok(v) if v.abs() <= lim => Ok(v),
            _ => Err(bad(i + 1, format!("{what} \"{s}\""))),
        };
        out.push(Capital {
            key: key.to_owned(),
            cow,
            name: name.to_owned(),
            capital: capital.to_owned(),
            lat: num(lat, "latitude", 90.0)?,
            lon: num(lon, "longitude", 180.0)?,
            source: source.to_owned(),
        });
    }
    Ok(out)
}

/// Geographic coordinates (latitude, longitude in degrees) of units, for
/// [`Layout::Geographic`](super::Layout::Geographic). A builder.
///
/// ```
/// use rsct::report::Coordinates;
/// let c = Coordinates::new().unit("X", 48.2, 16.4)?;
/// assert_eq!(c.get("X"), Some((48.2, 16.4)));
/// # Ok::<(), rsct::report::DrawingError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct Coordinates {
    by_unit: BTreeMap<String, (f64, f64)>,
}

impl Coordinates {
    /// No coordinates.
    pub fn new() -> Self {
        Self::default()
    }

    /// The capitals of a graph's units from the shipped file ([`capitals`]): a unit with a COW
    /// code gets that state's capital; a unit without one gets the row keyed by its identifier
    /// (e.g. `NKR`, `EU`), if any. Units found in neither are left out (a geographic layout
    /// places them near their neighbours).
    ///
    /// # Errors
    /// As [`capitals`].
    pub fn capitals(g: &SecurityGraph) -> Result<Self, DrawingError> {
        let rows = capitals()?;
        let by_cow: BTreeMap<u32, &Capital> =
            rows.iter().filter_map(|c| c.cow.map(|k| (k, c))).collect();
        let by_key: BTreeMap<&str, &Capital> = rows
            .iter()
            .filter(|c| c.cow.is_none())
            .map(|c| (c.key.as_str(), c))
            .collect();
        let mut by_unit = BTreeMap::new();
        for u in g.units() {
            let row = match u.cow() {
                Some(code) => by_cow.get(&code),
                None => by_key.get(u.id()),
            };
            if let Some(c) = row {
                by_unit.insert(u.id().to_owned(), (c.lat, c.lon));
            }
        }
        Ok(Self { by_unit })
    }

    /// Sets (or replaces) a unit's coordinates.
    ///
    /// # Errors
    /// [`DrawingError::Coordinates`] when the latitude is outside ±90 or the longitude outside
    /// ±180 (or either is not finite).
    pub fn unit(mut self, unit: &str, lat: f64, lon: f64) -> Result<Self, DrawingError> {
        if !(lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(DrawingError::Coordinates {
                unit: unit.to_owned(),
                lat,
                lon,
            });
        }
        self.by_unit.insert(unit.to_owned(), (lat, lon));
        Ok(self)
    }

    /// A unit's (latitude, longitude).
    #[must_use]
    pub fn get(&self, unit: &str) -> Option<(f64, f64)> {
        self.by_unit.get(unit).copied()
    }

    /// How many units have coordinates.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_unit.len()
    }

    /// Whether no unit has coordinates.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_unit.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_file_parses_with_unique_keys_and_codes() {
        let rows = capitals().unwrap();
        assert_eq!(rows.len(), 222);
        let keys: std::collections::BTreeSet<&str> = rows.iter().map(|c| c.key()).collect();
        assert_eq!(keys.len(), rows.len());
        let codes: std::collections::BTreeSet<u32> = rows.iter().filter_map(|c| c.cow()).collect();
        assert_eq!(codes.len(), 217);
        assert!(
            rows.iter()
                .all(|c| c.source() == "geonames" || c.source() == "manual")
        );
        let yerevan = rows.iter().find(|c| c.cow() == Some(371)).unwrap();
        assert_eq!(yerevan.capital(), "Yerevan");
        assert!((yerevan.lat() - 40.18).abs() < 0.05 && (yerevan.lon() - 44.51).abs() < 0.05);
    }

    #[test]
    fn bad_coordinates_are_refused() {
        assert!(Coordinates::new().unit("A", 91.0, 0.0).is_err());
        assert!(Coordinates::new().unit("A", 0.0, f64::NAN).is_err());
    }
}
