//! The report of a year's boundaries: the complexes with everything that decided them, the
//! global powers' roles, and the whole [`BoundaryReport`] (assembled by
//! [`analyse`](super::analyse); its text is in [`crate::report`]).

use super::classify::{Character, ComplexType};
use super::detect::{Candidate, Qualification};
use super::metrics::BoundaryMetrics;
use super::roles::{BufferState, HedgingState, Insulator, Overlay, Penetration};
use crate::period::Year;
use crate::polarity::{PolarityMeasures, Poles, PowerClass};

/// The polarity of one complex.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ComplexPolarity {
    /// Concentration measures among the members with capability data.
    pub measures: PolarityMeasures,
    /// The poles.
    pub poles: Poles,
    /// Members without capability data (left out of the shares).
    pub without_data: Vec<String>,
}

/// One regional security complex, with everything that decided it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ComplexReport {
    /// A name: "complex around X", X its leading pole (or its most interdependent member).
    pub name: String,
    /// The members, in unit order.
    pub members: Vec<String>,
    /// The qualification test.
    pub qualification: Qualification,
    /// Boundary metrics.
    pub metrics: BoundaryMetrics,
    /// Polarity among the members, if any has capability data.
    pub polarity: Option<ComplexPolarity>,
    /// The type.
    pub complex_type: ComplexType,
    /// Why that type.
    pub type_reason: String,
    /// Enmity's share of the members' signed interdependence (`None` when they have none).
    pub enmity_share: Option<f64>,
    /// The amity–enmity character.
    pub character: Option<Character>,
    /// Buffer states: members located between rivals, whatever their alignment.
    pub buffers: Vec<BufferState>,
    /// Hedging states: members friendly with two rivals.
    pub hedging: Vec<HedgingState>,
    /// Outside global powers' engagement, strongest first.
    pub penetration: Vec<Penetration>,
    /// Overlay.
    pub overlay: Overlay,
    /// Sub-complexes (parts found by the same criterion inside the complex, at the finer
    /// resolution), each in unit order.
    pub subcomplexes: Vec<Vec<String>>,
    /// The amity–enmity character of each sub-complex, in the same order (`None` when its
    /// members have no signed ties).
    pub subcomplex_characters: Vec<Option<Character>>,
}

/// A superpower or great power: the complex of its own region (if any) and the complexes
/// it penetrates beyond it (B&W: the USA centres North America and penetrates the others).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GlobalPowerRole {
    /// The unit.
    pub unit: String,
    /// Its class.
    pub class: PowerClass,
    /// The name of the complex it is a member of.
    pub home: Option<String>,
    /// The names of the other complexes it has interdependence with.
    pub penetrates: Vec<String>,
}

/// The boundaries of a year: complexes, proto-complexes, unstructured units, insulators,
/// units set apart and supercomplexes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BoundaryReport {
    /// The year.
    pub year: Year,
    /// The complexes, in order of their first member.
    pub complexes: Vec<ComplexReport>,
    /// Candidates that failed the test but are proto-complexes.
    pub proto_complexes: Vec<Candidate>,
    /// Units in no complex and no proto-complex (and not insulators or set apart).
    pub unstructured: Vec<String>,
    /// Insulators.
    pub insulators: Vec<Insulator>,
    /// Units set apart with their class (named by the options; superpowers under
    /// [`super::Method::Modularity`]; global powers with no home complex).
    pub set_apart: Vec<(String, PowerClass)>,
    /// Superpowers and great powers: home complex and penetration.
    pub global_powers: Vec<GlobalPowerRole>,
    /// Supercomplexes: sets of complex names tied together through great powers.
    pub supercomplexes: Vec<Vec<String>>,
    /// Modularity of the proposer's partition (at its resolution; at 1 for the constant Potts
    /// proposer).
    pub modularity: f64,
}
