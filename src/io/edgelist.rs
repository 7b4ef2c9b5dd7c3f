//! Signed edge lists: CSV `from,to,sign[,weight]` and whitespace (SNAP) edge lists.

use super::ReadError;
use super::merge::{Merger, ReadReport};
use super::source::{lines, read_bytes, text};
use crate::graph::SignedGraph;
use std::path::Path;

/// Splits a CSV line into fields: comma-separated, fields optionally in double quotes with
/// `""` for a quote inside; white space around unquoted fields is trimmed.
pub(crate) fn split_csv<'a>(
    path: &Path,
    line_no: usize,
    line: &'a str,
    out: &mut Vec<std::borrow::Cow<'a, str>>,
) -> Result<(), ReadError> {
    out.clear();
    if !line.contains('"') {
        out.extend(
            line.split(',')
                .map(|f| std::borrow::Cow::Borrowed(f.trim())),
        );
        return Ok(());
    }
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start();
        if let Some(q) = trimmed.strip_prefix('"') {
            let mut field = String::new();
            let mut chars = q.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if q[i + 1..].starts_with('"') {
                        field.push('"');
                        chars.next();
                    } else {
                        end = Some(i + 1);
                        break;
                    }
                } else {
                    field.push(c);
                }
            }
            let Some(end) = end else {
                return Err(ReadError::UnterminatedQuote {
                    file: path.to_path_buf(),
                    line: line_no,
                });
            };
            out.push(std::borrow::Cow::Owned(field));
            let after = q[end..].trim_start();
            match after.strip_prefix(',') {
                Some(r) => rest = r,
                None if after.is_empty() => return Ok(()),
                None => {
                    return Err(ReadError::Format {
                        file: path.to_path_buf(),
                        line: line_no,
                        message: "text after a closing quote".to_owned(),
                    });
                }
            }
        } else {
            match trimmed.find(',') {
                Some(i) => {
                    out.push(std::borrow::Cow::Borrowed(trimmed[..i].trim()));
                    rest = &trimmed[i + 1..];
                }
                None => {
                    out.push(std::borrow::Cow::Borrowed(trimmed.trim()));
                    return Ok(());
                }
            }
        }
    }
}

/// Room for the arcs of `bytes`: one per line, but at most one per 6 bytes (the shortest
/// data line, `a b 1` and its line end), so a file of blank lines reserves no more than it
/// can hold.
fn arc_capacity(bytes: &[u8]) -> usize {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    lines.min(bytes.len() / 6 + 1)
}

pub(crate) fn number(path: &Path, line: usize, field: &str, value: &str) -> Result<f64, ReadError> {
    // The common signs first, without the general float parser.
    match value {
        "1" | "+1" => return Ok(1.0),
        "-1" => return Ok(-1.0),
        _ => {}
    }
    match value.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ReadError::BadNumber {
            file: path.to_path_buf(),
            line,
            field: field.to_owned(),
            value: value.to_owned(),
        }),
    }
}

fn weight_of(path: &Path, line: usize, value: f64, weight: Option<&str>) -> Result<f64, ReadError> {
    match weight {
        None => Ok(value.abs()),
        Some(w) => {
            let w = number(path, line, "weight", w)?;
            if w > 0.0 {
                Ok(w)
            } else {
                Err(ReadError::BadWeight {
                    file: path.to_path_buf(),
                    line,
                    value: w,
                })
            }
        }
    }
}

/// Reads a signed CSV edge list `from,to,sign[,weight]`, plain or gzip-compressed.
///
/// A first line whose third field is not a number is a header and is skipped. The sign
/// column holds any finite number: its sign is the tie's sign (0 = no sign, dropped and
/// counted); without a weight column the weight is its absolute value (so `-10…10` ratings
/// become signed weights). Fields may be quoted. Blank lines are skipped. The result follows
/// the rule of [`crate::io`] for directed and multi-edge input.
///
/// # Errors
/// A [`ReadError`] naming the file and line: unreadable or corrupt file, a missing field, a
/// non-numeric sign or weight, a non-positive weight, more than four fields, an unterminated
/// quote, non-UTF-8 text.
///
/// # Example
/// ```no_run
/// let (g, report) = rsct::io::read_signed_csv("gahuku_gama_tribes.csv")?;
/// println!("{} units, {} ties, {} dropped self-loops", g.node_count(), g.edge_count(),
///          report.self_loops);
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_signed_csv(path: impl AsRef<Path>) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let bytes = read_bytes(path)?;
    parse_csv(path, &bytes)
}

pub(crate) fn parse_csv(path: &Path, bytes: &[u8]) -> Result<(SignedGraph, ReadReport), ReadError> {
    let mut m = Merger::new();
    m.reserve(arc_capacity(bytes));
    let mut fields = Vec::with_capacity(4);
    let mut first = true;
    for (n, raw) in lines(bytes) {
        let line = text(path, n, raw)?;
        if line.trim().is_empty() {
            continue;
        }
        split_csv(path, n, line, &mut fields)?;
        if first {
            first = false;
            if fields.len() >= 3 && fields[2].parse::<f64>().is_err() {
                continue;
            }
        }
        edge_fields(path, n, &fields, &mut m)?;
    }
    Ok(m.finish())
}

fn edge_fields<S: AsRef<str>>(
    path: &Path,
    n: usize,
    fields: &[S],
    m: &mut Merger,
) -> Result<(), ReadError> {
    const NAMES: [&str; 3] = ["from", "to", "sign"];
    if fields.len() < 3 {
        return Err(ReadError::MissingField {
            file: path.to_path_buf(),
            line: n,
            field: NAMES[fields.len()].to_owned(),
        });
    }
    if fields.len() > 4 {
        return Err(ReadError::ExtraFields {
            file: path.to_path_buf(),
            line: n,
            found: fields.len(),
            expected: 4,
        });
    }
    for (i, f) in fields[..2].iter().enumerate() {
        if f.as_ref().is_empty() {
            return Err(ReadError::MissingField {
                file: path.to_path_buf(),
                line: n,
                field: NAMES[i].to_owned(),
            });
        }
    }
    let value = number(path, n, "sign", fields[2].as_ref())?;
    let weight = weight_of(path, n, value, fields.get(3).map(AsRef::as_ref))?;
    m.arc(path, fields[0].as_ref(), fields[1].as_ref(), value, weight)
}

/// Reads a whitespace-separated edge list `from to sign [weight]` such as SNAP's
/// `soc-sign-*.txt(.gz)`, plain or gzip-compressed. Lines starting with `#` (or `%`) are
/// comments (their content is not read); commas also separate fields. Otherwise as
/// [`read_signed_csv`].
///
/// # Errors
/// As [`read_signed_csv`].
pub fn read_edge_list(path: impl AsRef<Path>) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let bytes = read_bytes(path)?;
    parse_edge_list(path, &bytes)
}

pub(crate) fn parse_edge_list(
    path: &Path,
    bytes: &[u8],
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let mut m = Merger::new();
    m.reserve(arc_capacity(bytes));
    let mut fields: Vec<&str> = Vec::with_capacity(5);
    for (n, raw) in lines(bytes) {
        let t = raw.trim_ascii_start();
        if t.is_empty() || t[0] == b'#' || t[0] == b'%' {
            continue;
        }
        // The separators are ASCII, so splitting the bytes never cuts a UTF-8 sequence; each
        // field is then checked on its own.
        fields.clear();
        for f in t.split(|&b| b.is_ascii_whitespace() || b == b',') {
            if !f.is_empty() {
                fields.push(text(path, n, f)?);
            }
        }
        edge_fields(path, n, &fields, &mut m)?;
    }
    Ok(m.finish())
}
