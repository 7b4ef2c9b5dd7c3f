//! Reports: text for people (a `Display` for every result, numbers formatted once, errors
//! with their causes — see [`ErrorReport`], [`labelled`], [`fixed`]), plain SVG timelines
//! and signed-graph drawings, and Graphviz DOT.
//!
//! Written by hand (no plotting dependency): the output is small, deterministic text.

mod graph;
mod text;
mod timeline;

pub use graph::Drawing;
pub use text::{ErrorReport, Labelled, count, fixed, labelled, percent, signed};
pub use timeline::{Band, Panel, Timeline};

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

/// A fixed palette of distinguishable colours.
pub(crate) const PALETTE: [&str; 10] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];
