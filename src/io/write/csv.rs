//! CSV edge lists of signed graphs and security graphs.

use super::{WriteError, evidence_summary, io, number, provenance_summary, single_line, tie_sign};
use crate::graph::{SecurityGraph, SignedGraph};
use crate::sector::Sector;
use std::io::Write;

const FORMAT: &str = "CSV";

/// A CSV field: quoted (with `""` for a quote) when it holds a delimiter the reader could
/// take (`,` `;` tab), a quote, or white space at either end; an empty or multi-line label
/// is an error.
fn field(label: &str) -> Result<std::borrow::Cow<'_, str>, WriteError> {
    single_line(FORMAT, label)?;
    if label.is_empty() {
        return Err(WriteError::Unrepresentable {
            format: FORMAT,
            label: String::new(),
            reason: "an empty label (the reader needs a source and a target)",
        });
    }
    let needs = label.contains([',', ';', '\t', '"']) || label.trim() != label;
    Ok(if needs {
        format!("\"{}\"", label.replace('"', "\"\"")).into()
    } else {
        label.into()
    })
}

/// Writes a signed graph as a CSV edge list with the header `source,target,sign,weight`:
/// one line per edge, in the graph's edge order, the sign as `1` or `-1`, the weight in
/// round-trip form. [`crate::io::read_signed_csv`] reads it back to the same labels, signs and
/// weights.
///
/// An edge list has no place for an isolated node: they are left out, and their number is
/// returned (write Pajek or GraphML to keep them).
///
/// # Errors
/// [`WriteError::Unrepresentable`] for an empty label or one with a line break;
/// [`WriteError::Io`] when the writer fails.
///
/// # Example
/// ```
/// # use rsct::{SignedGraph, Sign};
/// let g = SignedGraph::from_edges(["A", "B", "C"], [(0, 1, Sign::Enmity), (1, 2, Sign::Amity)])?;
/// let mut out = Vec::new();
/// let isolated = rsct::io::write_signed_csv(&g, &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "source,target,sign,weight\nA,B,-1,1\nB,C,1,1\n");
/// assert_eq!(isolated, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_signed_csv(g: &SignedGraph, mut out: impl Write) -> Result<usize, WriteError> {
    let io = io(FORMAT);
    writeln!(out, "source,target,sign,weight").map_err(&io)?;
    let mut touched = vec![false; g.node_count()];
    for (a, b, e) in g.edges() {
        touched[a.index()] = true;
        touched[b.index()] = true;
        let (la, lb) = (
            g.label(a).unwrap_or_default(),
            g.label(b).unwrap_or_default(),
        );
        writeln!(
            out,
            "{},{},{},{}",
            field(la)?,
            field(lb)?,
            e.sign().as_i8(),
            number(e.weight())
        )
        .map_err(&io)?;
    }
    for i in g.graph().node_indices() {
        // Labels of isolated nodes are checked too, so that every label the graph holds is
        // one the format could hold.
        if !touched[i.index()] {
            single_line(FORMAT, g.label(i).unwrap_or_default())?;
        }
    }
    out.flush().map_err(&io)?;
    Ok(touched.iter().filter(|t| !**t).count())
}

/// Writes a security graph as a CSV table of ties, one line per tie (in
/// [`SecurityGraph::ties`] order) with the columns `source`, `target` (unit identifiers),
/// `sign` (`1`, `-1`, or `0` for a net weight of zero), `weight` (|net|), `net`,
/// `interdependence`, `<sector>_net` and `<sector>_interdependence` for the five sectors,
/// `contributions` (their number), `provenance` (`relation <id>` or `membership <org>` per
/// contribution, joined by `; `) and `evidence` (the distinct evidence locators, joined by
/// `; `; a line break in evidence becomes a space).
///
/// [`crate::io::read_signed_csv`] reads it as the signed graph of
/// [`SecurityGraph::to_signed_graph`] (less isolated units): it takes `source`, `target`,
/// `sign` and `weight`, drops the ties of sign 0 (counted in
/// [`crate::io::ReadReport::zero_values`]) and reports the other columns as ignored.
/// Returns the number of units without a tie, which a table of ties leaves out.
///
/// # Errors
/// As [`write_signed_csv`].
pub fn write_security_csv(g: &SecurityGraph, mut out: impl Write) -> Result<usize, WriteError> {
    let io = io(FORMAT);
    let mut head = String::from("source,target,sign,weight,net,interdependence");
    for s in Sector::ALL {
        head.push_str(&format!(",{0}_net,{0}_interdependence", s.as_str()));
    }
    head.push_str(",contributions,provenance,evidence");
    writeln!(out, "{head}").map_err(&io)?;
    let mut touched = std::collections::HashSet::new();
    for (a, b, t) in g.ties() {
        touched.insert(a.id());
        touched.insert(b.id());
        let mut line = format!(
            "{},{},{},{},{},{}",
            field(a.id())?,
            field(b.id())?,
            tie_sign(t),
            number(t.net().abs()),
            number(t.net()),
            number(t.interdependence())
        );
        for s in Sector::ALL {
            line.push_str(&format!(
                ",{},{}",
                number(t.sector_net(s)),
                number(t.sector_interdependence(s))
            ));
        }
        let text = |s: String| -> Result<String, WriteError> {
            if s.is_empty() {
                Ok(s)
            } else {
                Ok(field(&s.replace(['\n', '\r'], " "))?.into_owned())
            }
        };
        line.push_str(&format!(
            ",{},{},{}",
            t.contributions().len(),
            text(provenance_summary(t))?,
            text(evidence_summary(t))?
        ));
        writeln!(out, "{line}").map_err(&io)?;
    }
    out.flush().map_err(&io)?;
    Ok(g.units().filter(|u| !touched.contains(u.id())).count())
}
