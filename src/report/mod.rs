//! Reports: text for people (a `Display` for every result, numbers formatted once, errors
//! with their causes — see [`ErrorReport`], [`labelled`], [`fixed`]), SVG drawings of
//! security graphs (geographic or force-directed, with a legend; [`Drawing`]), SVG timelines
//! ([`Timeline`]) and Graphviz DOT.
//!
//! Written by hand (no plotting dependency): the output is small, deterministic text. Colours
//! are Okabe & Ito's colour-blind-safe set; amity and enmity differ in dash pattern as well.
//! Capitals for geographic layouts ship in `data/capitals.csv` (GeoNames, CC BY 4.0; see
//! `data/README.md`).

mod geo;
mod graph;
mod labels;
mod layout;
mod palette;
mod text;
mod timeline;

pub use geo::{Capital, Coordinates, capitals};
pub use graph::{Drawing, DrawingError};
pub use layout::Layout;
pub use text::{ErrorReport, Labelled, count, fixed, labelled, percent, signed};
pub use timeline::{Band, Timeline, TimelinePanel};

/// Escapes text for SVG and XML attributes.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}
