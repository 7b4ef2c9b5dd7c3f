//! Pajek `.net` networks of signed graphs and security graphs.

use super::{WriteError, io, number, single_line};
use crate::graph::{SecurityGraph, SignedGraph};
use std::io::Write;

const FORMAT: &str = "Pajek";

/// A quoted Pajek label; a double quote or a line break cannot be written.
fn label(l: &str) -> Result<String, WriteError> {
    single_line(FORMAT, l)?;
    if l.contains('"') {
        return Err(WriteError::Unrepresentable {
            format: FORMAT,
            label: l.to_owned(),
            reason: "a double quote in a Pajek label",
        });
    }
    Ok(format!("\"{l}\""))
}

fn vertices<'a>(
    out: &mut impl Write,
    labels: impl ExactSizeIterator<Item = &'a str>,
) -> Result<(), WriteError> {
    let io = io(FORMAT);
    writeln!(out, "*Vertices {}", labels.len()).map_err(&io)?;
    for (i, l) in labels.enumerate() {
        writeln!(out, "{} {}", i + 1, label(l)?).map_err(&io)?;
    }
    Ok(())
}

/// Writes a signed graph as a Pajek network: `*Vertices` with every node (isolated ones too)
/// and its label in quotes, then `*Edges` with `a b value`, the value being sign × weight.
/// [`crate::io::read_pajek`] reads it back to the same labels, signs and weights.
///
/// # Errors
/// [`WriteError::Unrepresentable`] for a label with a double quote or a line break;
/// [`WriteError::Io`] when the writer fails.
///
/// # Example
/// ```
/// # use rsct::{SignedGraph, Sign};
/// let g = SignedGraph::from_edges(["A", "B"], [(0, 1, Sign::Enmity)])?;
/// let mut out = Vec::new();
/// rsct::io::write_signed_pajek(&g, &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "*Vertices 2\n1 \"A\"\n2 \"B\"\n*Edges\n1 2 -1\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_signed_pajek(g: &SignedGraph, mut out: impl Write) -> Result<(), WriteError> {
    let io = io(FORMAT);
    let labels: Vec<&str> = g
        .graph()
        .node_indices()
        .map(|i| g.label(i).unwrap_or_default())
        .collect();
    vertices(&mut out, labels.into_iter())?;
    writeln!(out, "*Edges").map_err(&io)?;
    for (a, b, e) in g.edges() {
        let v = e.sign().value() * e.weight();
        writeln!(out, "{} {} {}", a.index() + 1, b.index() + 1, number(v)).map_err(&io)?;
    }
    out.flush().map_err(&io)
}

/// Writes a security graph as a Pajek network: `*Network rsct <year>`, `*Vertices` with every
/// unit (labelled by identifier), then `*Edges` with `a b net` for every tie. A tie whose net
/// weight is zero is written with value 0, which [`crate::io::read_pajek`] drops and counts
/// ([`crate::io::ReadReport::zero_values`]), so reading gives
/// [`SecurityGraph::to_signed_graph`]. Pajek has no place for the other tie attributes:
/// write GraphML or CSV for them.
///
/// # Errors
/// As [`write_signed_pajek`].
pub fn write_security_pajek(g: &SecurityGraph, mut out: impl Write) -> Result<(), WriteError> {
    let io = io(FORMAT);
    writeln!(out, "*Network rsct {}", g.year()).map_err(&io)?;
    let ids: Vec<&str> = g.units().map(crate::unit::Unit::id).collect();
    vertices(&mut out, ids.into_iter())?;
    writeln!(out, "*Edges").map_err(&io)?;
    for e in petgraph::visit::IntoEdgeReferences::edge_references(g.graph()) {
        use petgraph::visit::EdgeRef;
        let (a, b) = (
            e.source().index().min(e.target().index()),
            e.source().index().max(e.target().index()),
        );
        writeln!(out, "{} {} {}", a + 1, b + 1, number(e.weight().net())).map_err(&io)?;
    }
    out.flush().map_err(&io)
}
