//! The five sectors of security (Buzan, Wæver & de Wilde 1998).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A sector of security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Military security.
    Military,
    /// Political security.
    Political,
    /// Economic security.
    Economic,
    /// Societal security.
    Societal,
    /// Environmental security.
    Environmental,
}

impl Sector {
    /// All five sectors, in canonical order.
    pub const ALL: [Sector; 5] = [
        Sector::Military,
        Sector::Political,
        Sector::Economic,
        Sector::Societal,
        Sector::Environmental,
    ];

    /// The position of the sector in [`Sector::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name used in data files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Military => "military",
            Sector::Political => "political",
            Sector::Economic => "economic",
            Sector::Societal => "societal",
            Sector::Environmental => "environmental",
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of sectors (a bit set over the five).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct SectorSet(u8);

impl SectorSet {
    /// The empty set.
    #[must_use]
    pub const fn empty() -> Self {
        Self(0)
    }
    /// All five sectors.
    #[must_use]
    pub const fn all() -> Self {
        Self(0b1_1111)
    }
    /// The set holding one sector.
    #[must_use]
    pub fn of(sector: Sector) -> Self {
        Self(1 << sector.index())
    }
    /// This set with `sector` added.
    #[must_use]
    pub fn with(self, sector: Sector) -> Self {
        Self(self.0 | (1 << sector.index()))
    }
    /// Whether `sector` is in the set.
    #[must_use]
    pub fn contains(self, sector: Sector) -> bool {
        self.0 & (1 << sector.index()) != 0
    }
    /// Whether the two sets share a sector.
    #[must_use]
    pub fn intersects(self, other: SectorSet) -> bool {
        self.0 & other.0 != 0
    }
    /// The sectors in both sets.
    #[must_use]
    pub fn intersection(self, other: SectorSet) -> SectorSet {
        SectorSet(self.0 & other.0)
    }
    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The number of sectors in the set.
    #[must_use]
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The sectors in canonical order.
    pub fn iter(self) -> impl Iterator<Item = Sector> {
        Sector::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<Sector> for SectorSet {
    fn from_iter<T: IntoIterator<Item = Sector>>(iter: T) -> Self {
        iter.into_iter().fold(SectorSet::empty(), SectorSet::with)
    }
}

impl Serialize for SectorSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for SectorSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Sector>::deserialize(d)?.into_iter().collect())
    }
}

impl fmt::Display for SectorSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Sector::as_str).collect();
        f.write_str(&names.join("+"))
    }
}
