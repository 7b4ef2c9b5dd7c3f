//! Signed edge lists: delimited (CSV) with columns by header name or position, and
//! whitespace (SNAP) edge lists.

use super::ReadError;
use super::merge::{Merger, ReadReport};
use super::source::{ReadOptions, lines, read_bytes_with, text};
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
    split_fields(path, line_no, line, ',', out)
}

/// Splits a delimited line into fields as [`split_csv`] does, at `delimiter`.
pub(crate) fn split_fields<'a>(
    path: &Path,
    line_no: usize,
    line: &'a str,
    delimiter: char,
    out: &mut Vec<std::borrow::Cow<'a, str>>,
) -> Result<(), ReadError> {
    out.clear();
    if !line.contains('"') {
        out.extend(
            line.split(delimiter)
                .map(|f| std::borrow::Cow::Borrowed(f.trim())),
        );
        return Ok(());
    }
    // White space around quoted fields is skipped, except the delimiter itself (a tab).
    let blank = |c: char| c.is_whitespace() && c != delimiter;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(blank);
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
            let after = q[end..].trim_start_matches(blank);
            match after.strip_prefix(delimiter) {
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
            match trimmed.find(delimiter) {
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
            // An arc without a sign is dropped whatever its weight.
            if w > 0.0 || value == 0.0 {
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

/// The names a signed CSV header may give each column (compared without regard to case).
const SOURCE_NAMES: [&str; 5] = ["source", "from", "src", "node1", "i"];
const TARGET_NAMES: [&str; 5] = ["target", "to", "dst", "node2", "j"];
/// A column that gives the sign only.
const SIGN_NAMES: [&str; 1] = ["sign"];
/// A column that gives the weight only when a sign column is present; otherwise it gives the
/// sign (its sign) and the weight (its absolute value), like the `rating` and `value` columns.
const WEIGHT_NAMES: [&str; 1] = ["weight"];
const VALUE_NAMES: [&str; 2] = ["rating", "value"];

/// Where the fields of a signed CSV row are.
struct Layout {
    source: usize,
    target: usize,
    sign: usize,
    weight: Option<usize>,
    /// The header's names (`None` without a header: positional `from,to,sign[,weight]`).
    names: Option<Vec<String>>,
}

impl Layout {
    const POSITIONAL: Layout = Layout {
        source: 0,
        target: 1,
        sign: 2,
        weight: Some(3),
        names: None,
    };

    /// The columns of a header line, by name.
    fn from_header(
        path: &Path,
        line: usize,
        fields: &[std::borrow::Cow<'_, str>],
        report: &mut ReadReport,
    ) -> Result<Self, ReadError> {
        let names: Vec<String> = fields.iter().map(|f| f.trim().to_owned()).collect();
        let find = |aliases: &[&str]| -> Vec<usize> {
            (0..names.len())
                .filter(|&i| aliases.iter().any(|a| names[i].eq_ignore_ascii_case(a)))
                .collect()
        };
        let one = |role: &'static str, aliases: &[&str], found: Vec<usize>| match found.len() {
            0 => Err(ReadError::MissingColumn {
                file: path.to_path_buf(),
                line,
                column: format!("{role} (or {})", aliases[1..].join(", ")),
            }),
            1 => Ok(found[0]),
            _ => Err(ReadError::AmbiguousColumns {
                file: path.to_path_buf(),
                line,
                role,
                columns: found.iter().map(|&i| names[i].clone()).collect(),
            }),
        };
        let source = one("source", &SOURCE_NAMES, find(&SOURCE_NAMES))?;
        let target = one("target", &TARGET_NAMES, find(&TARGET_NAMES))?;
        let signs = find(&SIGN_NAMES);
        let weights = find(&WEIGHT_NAMES);
        let (sign, weight) = if signs.is_empty() {
            // The sign and the weight from one value column.
            let mut values = weights;
            values.extend(find(&VALUE_NAMES));
            values.sort_unstable();
            let all = ["sign", "weight", "rating", "value"];
            (one("sign", &all, values)?, None)
        } else {
            let sign = one("sign", &SIGN_NAMES, signs)?;
            let weight = match weights.len() {
                0 => None,
                _ => Some(one("weight", &WEIGHT_NAMES, weights)?),
            };
            (sign, weight)
        };
        let used = [Some(source), Some(target), Some(sign), weight];
        report.ignored_columns = (0..names.len())
            .filter(|i| !used.contains(&Some(*i)))
            .map(|i| names[i].clone())
            .collect();
        Ok(Self {
            source,
            target,
            sign,
            weight,
            names: Some(names),
        })
    }

    /// Whether the first line is a header: one of its fields is a known column name, or its
    /// third field is not a number (the positional format's sign).
    fn is_header(fields: &[std::borrow::Cow<'_, str>]) -> bool {
        let known = |f: &str| {
            [
                &SOURCE_NAMES[..],
                &TARGET_NAMES,
                &SIGN_NAMES,
                &WEIGHT_NAMES,
                &VALUE_NAMES,
            ]
            .iter()
            .any(|names| names.iter().any(|n| f.eq_ignore_ascii_case(n)))
        };
        fields.iter().any(|f| known(f))
            || fields
                .get(2)
                .is_some_and(|f| !matches!(f.as_ref(), "+" | "-") && f.parse::<f64>().is_err())
    }
}

/// The delimiter of a delimited line: whichever of `,` `;` and tab occurs most often outside
/// double quotes (a comma on a tie, and when none occurs).
fn detect_delimiter(line: &str) -> char {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| counts[i]).unwrap_or(0);
    if counts[best] == 0 {
        ','
    } else {
        [',', ';', '\t'][best]
    }
}

/// Reads a signed CSV edge list, plain or gzip-compressed, with the default
/// [`ReadOptions`].
///
/// **Delimiter**: `,`, `;` or tab, whichever occurs most often in the first non-blank line.
/// **Columns**: with a header, by name (case ignored): the source is `source`, `from`,
/// `src`, `node1` or `i`; the target `target`, `to`, `dst`, `node2` or `j`; the sign
/// `sign`, with an optional `weight` column; without a `sign` column, one `weight`, `rating`
/// or `value` column gives both the sign (its sign) and the weight (its absolute value).
/// Other columns are ignored and listed in [`ReadReport::ignored_columns`]. Without a header
/// (the first line's third field is a number, and no field is a known name) the columns are
/// `from,to,sign[,weight]` by position. **Signs**: any finite number (its sign; 0 = no sign,
/// dropped and counted), or `+` / `-`; without a weight column the weight is the value's
/// absolute value (so `-10…10` ratings become signed weights). Fields may be quoted. Blank
/// lines are skipped. The result follows the rule of [`crate::io`] for directed and
/// multi-edge input.
///
/// # Errors
/// A [`ReadError`] naming the file and line: unreadable or corrupt file; an empty input
/// ([`ReadError::Empty`]: 0 bytes, a 0-byte gzip stream, a header alone); a header without a
/// source, target or sign column ([`ReadError::MissingColumn`]) or with two of one
/// ([`ReadError::AmbiguousColumns`]); a row with fewer or more fields than the header (more
/// than four without one); a non-numeric sign or weight, a non-positive weight, an
/// unterminated quote, non-UTF-8 text; an input or a line above the limits of
/// [`ReadOptions`].
///
/// # Example
/// ```no_run
/// let (g, report) = rsct::io::read_signed_csv("gahuku_gama_tribes.csv")?;
/// println!("{} units, {} ties, {} dropped self-loops", g.node_count(), g.edge_count(),
///          report.self_loops);
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn read_signed_csv(path: impl AsRef<Path>) -> Result<(SignedGraph, ReadReport), ReadError> {
    read_signed_csv_with(path, &ReadOptions::new())
}

/// As [`read_signed_csv`], with limits on input size and line length.
///
/// # Errors
/// As [`read_signed_csv`].
pub fn read_signed_csv_with(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let bytes = read_bytes_with(path, options)?;
    parse_csv(path, &bytes, options)
}

pub(crate) fn parse_csv(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let mut fields = Vec::with_capacity(4);
    let mut layout: Option<Layout> = None;
    let mut delimiter = ',';
    read_arcs(path, bytes, options, |n, raw, m| {
        let line = text(path, n, raw)?;
        if line.trim().is_empty() {
            return Ok(());
        }
        let Some(l) = &layout else {
            delimiter = detect_delimiter(line);
            split_fields(path, n, line, delimiter, &mut fields)?;
            if Layout::is_header(&fields) {
                layout = Some(Layout::from_header(path, n, &fields, &mut m.report)?);
                return Ok(());
            }
            edge_fields(path, n, &fields, &Layout::POSITIONAL, m)?;
            layout = Some(Layout::POSITIONAL);
            return Ok(());
        };
        split_fields(path, n, line, delimiter, &mut fields)?;
        edge_fields(path, n, &fields, l, m)
    })
}

/// Reads the lines of an edge list into one signed graph, the frame both text readers share:
/// each line is checked against the limits of `options`, then `line(n, raw, merger)` reads
/// it; an input without any arc is [`ReadError::Empty`].
fn read_arcs<'a>(
    path: &Path,
    bytes: &'a [u8],
    options: &ReadOptions,
    mut line: impl FnMut(usize, &'a [u8], &mut Merger) -> Result<(), ReadError>,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let mut m = Merger::new();
    m.reserve(arc_capacity(bytes));
    for (n, raw) in lines(bytes) {
        options.check_line(path, n, raw)?;
        line(n, raw, &mut m)?;
    }
    if m.report.arcs == 0 {
        return Err(ReadError::Empty {
            file: path.to_path_buf(),
        });
    }
    Ok(m.finish())
}

/// The sign column's value: a finite number, or `+` / `-`.
fn sign_value(path: &Path, line: usize, field: &str, value: &str) -> Result<f64, ReadError> {
    match value {
        "+" => Ok(1.0),
        "-" => Ok(-1.0),
        _ => number(path, line, field, value),
    }
}

fn edge_fields<S: AsRef<str>>(
    path: &Path,
    n: usize,
    fields: &[S],
    layout: &Layout,
    m: &mut Merger,
) -> Result<(), ReadError> {
    const NAMES: [&str; 3] = ["from", "to", "sign"];
    let name = |i: usize| match &layout.names {
        Some(names) => names[i].clone(),
        None => NAMES[i].to_owned(),
    };
    let (min, max) = match &layout.names {
        Some(names) => (names.len(), names.len()),
        None => (3, 4),
    };
    if fields.len() < min {
        return Err(ReadError::MissingField {
            file: path.to_path_buf(),
            line: n,
            field: name(fields.len()),
        });
    }
    if fields.len() > max {
        return Err(ReadError::ExtraFields {
            file: path.to_path_buf(),
            line: n,
            found: fields.len(),
            expected: max,
        });
    }
    for i in [layout.source, layout.target] {
        if fields[i].as_ref().is_empty() {
            return Err(ReadError::MissingField {
                file: path.to_path_buf(),
                line: n,
                field: name(i),
            });
        }
    }
    let sign_name = layout.names.as_ref().map_or("sign", |v| &v[layout.sign]);
    let value = sign_value(path, n, sign_name, fields[layout.sign].as_ref())?;
    let weight = layout.weight.and_then(|i| fields.get(i)).map(AsRef::as_ref);
    let weight = weight_of(path, n, value, weight)?;
    m.arc(
        path,
        fields[layout.source].as_ref(),
        fields[layout.target].as_ref(),
        value,
        weight,
    )
}

/// Reads a whitespace-separated edge list `from to sign [weight]` such as SNAP's
/// `soc-sign-*.txt(.gz)`, plain or gzip-compressed. Lines starting with `#` (or `%`) are
/// comments (their content is not read); commas also separate fields. Otherwise as
/// [`read_signed_csv`].
///
/// # Errors
/// As [`read_signed_csv`].
pub fn read_edge_list(path: impl AsRef<Path>) -> Result<(SignedGraph, ReadReport), ReadError> {
    read_edge_list_with(path, &ReadOptions::new())
}

/// As [`read_edge_list`], with limits on input size and line length.
///
/// # Errors
/// As [`read_edge_list`].
pub fn read_edge_list_with(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let bytes = read_bytes_with(path, options)?;
    parse_edge_list(path, &bytes, options)
}

pub(crate) fn parse_edge_list(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let mut fields: Vec<&str> = Vec::with_capacity(5);
    read_arcs(path, bytes, options, |n, raw, m| {
        let t = raw.trim_ascii_start();
        if t.is_empty() || t[0] == b'#' || t[0] == b'%' {
            return Ok(());
        }
        // The separators are ASCII, so splitting the bytes never cuts a UTF-8 sequence; each
        // field is then checked on its own.
        fields.clear();
        for f in t.split(|&b| b.is_ascii_whitespace() || b == b',') {
            if !f.is_empty() {
                fields.push(text(path, n, f)?);
            }
        }
        edge_fields(path, n, &fields, &Layout::POSITIONAL, m)
    })
}
