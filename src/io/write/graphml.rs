//! GraphML documents of signed graphs and security graphs (Gephi, igraph, networkx, yEd).

use super::{WriteError, evidence_summary, io, number, provenance_summary, tie_sign};
use crate::graph::{SecurityGraph, SignedGraph};
use crate::sector::Sector;
use petgraph::visit::EdgeRef;
use std::io::Write;

const FORMAT: &str = "GraphML";

/// Text escaped for XML (a CR as a character reference, which a parser would otherwise read
/// as LF); a control character XML 1.0 cannot hold is an error.
fn xml(s: &str) -> Result<String, WriteError> {
    if s.chars().any(|c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        return Err(WriteError::Unrepresentable {
            format: FORMAT,
            label: s.to_owned(),
            reason: "a control character XML cannot hold",
        });
    }
    Ok(crate::report::xml_escape(s).replace('\r', "&#13;"))
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

fn key(out: &mut impl Write, domain: &str, name: &str, ty: &str) -> Result<(), WriteError> {
    writeln!(
        out,
        "  <key id=\"{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
    )
    .map_err(io(FORMAT))
}

/// Writes a signed graph as GraphML: an undirected graph whose nodes `n0`, `n1`, … carry
/// their `label`, and whose edges carry `sign` (`1` or `-1`, an int) and `weight` (a double,
/// in round-trip form). Isolated nodes are kept.
///
/// # Errors
/// [`WriteError::Unrepresentable`] for a label with a control character XML cannot hold;
/// [`WriteError::Io`] when the writer fails.
///
/// # Example
/// ```
/// # use rsct::{SignedGraph, Sign};
/// let g = SignedGraph::from_edges(["A", "B&C"], [(0, 1, Sign::Enmity)])?;
/// let mut out = Vec::new();
/// rsct::io::write_signed_graphml(&g, &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("<data key=\"label\">B&amp;C</data>"));
/// assert!(text.contains("<edge source=\"n0\" target=\"n1\"><data key=\"sign\">-1</data>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_signed_graphml(g: &SignedGraph, mut out: impl Write) -> Result<(), WriteError> {
    let io = io(FORMAT);
    out.write_all(HEAD.as_bytes()).map_err(&io)?;
    key(&mut out, "node", "label", "string")?;
    key(&mut out, "edge", "sign", "int")?;
    key(&mut out, "edge", "weight", "double")?;
    writeln!(out, "  <graph id=\"G\" edgedefault=\"undirected\">").map_err(&io)?;
    for i in g.graph().node_indices() {
        writeln!(
            out,
            "    <node id=\"n{}\"><data key=\"label\">{}</data></node>",
            i.index(),
            xml(g.label(i).unwrap_or_default())?
        )
        .map_err(&io)?;
    }
    for (a, b, e) in g.edges() {
        writeln!(
            out,
            "    <edge source=\"n{}\" target=\"n{}\"><data key=\"sign\">{}</data><data key=\"weight\">{}</data></edge>",
            a.index(),
            b.index(),
            e.sign().as_i8(),
            number(e.weight())
        )
        .map_err(&io)?;
    }
    writeln!(out, "  </graph>\n</graphml>").map_err(&io)?;
    out.flush().map_err(&io)
}

/// Writes a security graph as GraphML: the graph carries its `year`; each unit node `n0`,
/// `n1`, … its `label` (identifier), `name`, `kind` and, when known, `cow` code; each tie
/// `sign` (`1`, `-1`, or `0` for a net weight of zero), `weight` (|net|), `net`,
/// `interdependence`, `<sector>_net` and `<sector>_interdependence` for the five sectors,
/// `contributions` (their number), `provenance` and `evidence` (summaries as in
/// [`crate::io::write_security_csv`]).
///
/// # Errors
/// As [`write_signed_graphml`].
pub fn write_security_graphml(g: &SecurityGraph, mut out: impl Write) -> Result<(), WriteError> {
    let io = io(FORMAT);
    out.write_all(HEAD.as_bytes()).map_err(&io)?;
    key(&mut out, "graph", "year", "int")?;
    for k in ["label", "name", "kind"] {
        key(&mut out, "node", k, "string")?;
    }
    key(&mut out, "node", "cow", "int")?;
    key(&mut out, "edge", "sign", "int")?;
    for k in ["weight", "net", "interdependence"] {
        key(&mut out, "edge", k, "double")?;
    }
    for s in Sector::ALL {
        key(&mut out, "edge", &format!("{}_net", s.as_str()), "double")?;
        key(
            &mut out,
            "edge",
            &format!("{}_interdependence", s.as_str()),
            "double",
        )?;
    }
    key(&mut out, "edge", "contributions", "int")?;
    key(&mut out, "edge", "provenance", "string")?;
    key(&mut out, "edge", "evidence", "string")?;
    writeln!(out, "  <graph id=\"G\" edgedefault=\"undirected\">").map_err(&io)?;
    writeln!(out, "    <data key=\"year\">{}</data>", g.year()).map_err(&io)?;
    let graph = g.graph();
    for i in graph.node_indices() {
        let u = &graph[i];
        let cow = u
            .cow()
            .map(|c| format!("<data key=\"cow\">{c}</data>"))
            .unwrap_or_default();
        writeln!(
            out,
            "    <node id=\"n{}\"><data key=\"label\">{}</data><data key=\"name\">{}</data><data key=\"kind\">{}</data>{cow}</node>",
            i.index(),
            xml(u.id())?,
            xml(u.name())?,
            u.kind().as_str()
        )
        .map_err(&io)?;
    }
    for e in graph.edge_references() {
        let t = e.weight();
        let (a, b) = (e.source().index(), e.target().index());
        let (a, b) = (a.min(b), a.max(b));
        let mut data = format!(
            "<data key=\"sign\">{}</data><data key=\"weight\">{}</data><data key=\"net\">{}</data><data key=\"interdependence\">{}</data>",
            tie_sign(t),
            number(t.net().abs()),
            number(t.net()),
            number(t.interdependence())
        );
        for s in Sector::ALL {
            data.push_str(&format!(
                "<data key=\"{0}_net\">{1}</data><data key=\"{0}_interdependence\">{2}</data>",
                s.as_str(),
                number(t.sector_net(s)),
                number(t.sector_interdependence(s))
            ));
        }
        data.push_str(&format!(
            "<data key=\"contributions\">{}</data><data key=\"provenance\">{}</data><data key=\"evidence\">{}</data>",
            t.contributions().len(),
            xml(&provenance_summary(t))?,
            xml(&evidence_summary(t))?
        ));
        writeln!(
            out,
            "    <edge source=\"n{a}\" target=\"n{b}\">{data}</edge>"
        )
        .map_err(&io)?;
    }
    writeln!(out, "  </graph>\n</graphml>").map_err(&io)?;
    out.flush().map_err(&io)
}
