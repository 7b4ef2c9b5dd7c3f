//! The on-disk schema of data sets (version 1), shared by TOML and JSON.
//!
//! The file mirrors the crate's types with plain values so that loading can report every
//! problem at once; `Dataset` is built from it only after validation.

use super::geography::ContiguityKind;
use crate::evidence::Evidence;
use crate::organisation::{OrganisationKind, Role};
use crate::relation::Instrument;
use crate::sector::Sector;
use crate::sign::Sign;
use crate::unit::UnitKind;
use serde::{Deserialize, Serialize};

/// The schema version this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Deserialize)]
pub(crate) struct VersionProbe {
    pub schema_version: Option<toml::Value>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    pub from: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUnit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<RawPeriod>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrganisation {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

fn default_role() -> Role {
    Role::Member
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMembership {
    pub organisation: String,
    pub unit: String,
    #[serde(default = "default_role")]
    pub role: Role,
    pub period: RawPeriod,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

fn default_instrument() -> Instrument {
    Instrument::Bilateral
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRelation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub a: String,
    pub b: String,
    pub sign: Sign,
    pub intensity: f64,
    pub sectors: Vec<Sector>,
    pub period: RawPeriod,
    #[serde(default = "default_instrument")]
    pub instrument: Instrument,
    #[serde(default, skip_serializing_if = "is_false")]
    pub contested: bool,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCapability {
    pub unit: String,
    pub year: i32,
    pub value: f64,
    pub source: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBorder {
    pub a: String,
    pub b: String,
    pub kind: ContiguityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sea_miles: Option<i64>,
    pub period: RawPeriod,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// The power classes a data set can state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawClass {
    Superpower,
    GreatPower,
    RegionalPower,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPowerClass {
    pub unit: String,
    pub class: RawClass,
    pub period: RawPeriod,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DatasetFile {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub units: Vec<RawUnit>,
    #[serde(default)]
    pub organisations: Vec<RawOrganisation>,
    #[serde(default)]
    pub memberships: Vec<RawMembership>,
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    #[serde(default)]
    pub capabilities: Vec<RawCapability>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub borders: Vec<RawBorder>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub power_classes: Vec<RawPowerClass>,
}
