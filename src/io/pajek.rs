//! Pajek `.net` / `.paj` files with signed arcs and edges.

use super::ReadError;
use super::merge::{Merger, ReadReport};
use super::source::{ReadOptions, lines, read_bytes_with, text};
use crate::graph::SignedGraph;
use std::path::Path;

/// Options for [`read_pajek`]: which network of a `.paj` project file, and which time point
/// of a temporal network. A builder.
///
/// ```
/// let opts = rsct::io::PajekOptions::new().network("Sampson_T4").time(3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct PajekOptions {
    network: Option<String>,
    time: Option<i64>,
    max_vertices: Option<usize>,
    limits: ReadOptions,
}

impl PajekOptions {
    /// The default largest `*Vertices` count accepted: 2²⁴ = 16,777,216 vertices. Every
    /// declared vertex becomes a node (isolated vertices too) and costs about 100 bytes, so a
    /// short file cannot ask for unbounded memory; raise it with
    /// [`PajekOptions::max_vertices`].
    pub const DEFAULT_MAX_VERTICES: usize = 1 << 24;

    /// The defaults: the first network in the file, and every arc whatever its time
    /// interval (the union over time, merged by the rule of [`crate::io`]).
    pub fn new() -> Self {
        Self::default()
    }
    crate::internal::setters! {
        /// Reads the network with this name (`*Network NAME`).
        network(name: &str) => Some(name.to_owned());
        /// Keeps only arcs present at time point `t`: arcs with a time interval (`[3]`, `[2-4]`,
        /// `[2,3]`, `[1-*]`) that contains `t`, and arcs without one. Vertices are all kept.
        time(t: i64) => Some(t);
        /// The largest `*Vertices` count accepted (default [`PajekOptions::DEFAULT_MAX_VERTICES`]); a larger
        /// one is a [`ReadError::TooManyVertices`] naming the line.
        max_vertices(limit: usize) => Some(limit);
    }
    crate::internal::options! {
        /// The limits on input size and line length (default [`ReadOptions::new`]).
        limits(limits: ReadOptions), &get_limits;
    }
    /// The name of the network read, `None` for the first in the file.
    #[must_use]
    pub fn get_network(&self) -> Option<&str> {
        self.network.as_deref()
    }
    /// The time point kept, `None` for every arc.
    #[must_use]
    pub fn get_time(&self) -> Option<i64> {
        self.time
    }
    /// The largest `*Vertices` count accepted.
    #[must_use]
    pub fn get_max_vertices(&self) -> usize {
        self.max_vertices.unwrap_or(Self::DEFAULT_MAX_VERTICES)
    }
}

#[derive(PartialEq)]
enum Section {
    None,
    Vertices,
    Arcs,
    Skip,
}

/// Reads a Pajek network with signed arcs (`*Arcs`) or edges (`*Edges`): vertices keep their
/// labels (or their numbers when unlabelled) and isolated vertices stay in the graph; the
/// value of each arc gives its sign (0 = no sign, dropped and counted), a missing value
/// counts as 1, and directed or repeated arcs are merged by the rule of [`crate::io`].
/// Partitions, vectors and permutations in a project file are skipped; drawing attributes
/// after an arc's value are ignored.
///
/// # Errors
/// A [`ReadError`] naming the file and line: a vertex outside `1..=n`, an arc before
/// `*Vertices`, an unsupported section (`*Arcslist`, `*Edgeslist`, `*Matrix`), a duplicate
/// label, a malformed number or time interval, a `*Vertices` count above
/// [`PajekOptions::max_vertices`] ([`ReadError::TooManyVertices`]),
/// [`ReadError::NoSuchNetwork`], an input without a `*Vertices` line ([`ReadError::Empty`];
/// `*Vertices 0` is an explicit empty network), or an input or line above
/// [`PajekOptions::limits`].
pub fn read_pajek(
    path: impl AsRef<Path>,
    options: &PajekOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let path = path.as_ref();
    let bytes = read_bytes_with(path, &options.limits)?;
    parse_pajek(path, &bytes, options)
}

pub(crate) fn parse_pajek(
    path: &Path,
    bytes: &[u8],
    options: &PajekOptions,
) -> Result<(SignedGraph, ReadReport), ReadError> {
    let err = |line: usize, message: String| ReadError::Format {
        file: path.to_path_buf(),
        line,
        message,
    };
    let mut m = Merger::new();
    let mut names: Vec<String> = Vec::new();
    let mut active = true; // reading the selected network
    let mut done = false; // the selected network has been read
    let mut section = Section::None;
    let mut labels: Vec<Option<String>> = Vec::new();
    let mut declared = false;
    let mut ids: Vec<u32> = Vec::new();
    let mut vertices_seen = false;
    for (n, raw) in lines(bytes) {
        options.limits.check_line(path, n, raw)?;
        let line = text(path, n, raw)?;
        let t = line.trim();
        if t.is_empty() || t.starts_with('%') {
            continue;
        }
        if let Some(head) = t.strip_prefix('*') {
            let mut words = head.split_whitespace();
            let key = words.next().unwrap_or("").to_ascii_lowercase();
            match key.as_str() {
                "network" => {
                    // The first word is exactly `key` in some letter case (ASCII), so the
                    // name starts `key.len()` bytes into the trimmed head.
                    let name = head.trim_start()[key.len()..].trim().to_owned();
                    if !names.is_empty() || declared {
                        // A second network: the first (or the selected one) is complete.
                        if active {
                            done = true;
                        }
                    }
                    active = !done && options.network.as_deref().is_none_or(|want| want == name);
                    names.push(name);
                    section = Section::None;
                }
                "vertices" if section == Section::Skip => {}
                "vertices" => {
                    let count = words
                        .next()
                        .ok_or_else(|| err(n, "*Vertices without a count".into()))?;
                    let count: usize = count.parse().map_err(|_| {
                        err(n, format!("*Vertices count {count:?} is not a number"))
                    })?;
                    let limit = options.get_max_vertices();
                    if count > limit {
                        return Err(ReadError::TooManyVertices {
                            file: path.to_path_buf(),
                            line: n,
                            count,
                            limit,
                        });
                    }
                    if active {
                        labels = vec![None; count];
                        declared = false;
                        vertices_seen = true;
                    }
                    section = Section::Vertices;
                }
                "arcs" | "edges" => section = Section::Arcs,
                "partition" | "vector" | "permutation" | "cluster" | "hierarchy" => {
                    section = Section::Skip;
                }
                "arcslist" | "edgeslist" | "matrix" => {
                    return Err(err(
                        n,
                        format!(
                            "the *{key} section is not supported; write the network with *Arcs or *Edges"
                        ),
                    ));
                }
                _ => return Err(err(n, format!("unknown section *{key}"))),
            }
            continue;
        }
        if !active || section == Section::Skip {
            continue;
        }
        match section {
            Section::None => {
                return Err(err(
                    n,
                    "data before any *Vertices, *Arcs or *Edges line".into(),
                ));
            }
            Section::Skip => {}
            Section::Vertices => {
                let (num, rest) = split_first(t);
                let v = vertex(path, n, num, labels.len())?;
                let label =
                    parse_label(rest).ok_or_else(|| err(n, "unterminated quoted label".into()))?;
                if let Some(l) = label {
                    labels[v] = Some(l);
                }
            }
            Section::Arcs => {
                if !declared {
                    if labels.is_empty() {
                        return Err(err(n, "an arc before any *Vertices line".into()));
                    }
                    ids.clear();
                    for (i, l) in labels.iter().enumerate() {
                        let label = l.clone().unwrap_or_else(|| (i + 1).to_string());
                        if m.has(&label) {
                            return Err(err(n, format!("two vertices are labelled {label:?}")));
                        }
                        ids.push(m.node(path, &label)?);
                    }
                    declared = true;
                }
                let mut tokens = t.split_whitespace();
                let a = vertex(path, n, tokens.next().unwrap_or(""), labels.len())?;
                let b = vertex(path, n, tokens.next().unwrap_or(""), labels.len())?;
                let mut value = 1.0;
                let mut interval = None;
                for (k, tok) in tokens.enumerate() {
                    if tok.starts_with('[') {
                        interval = Some(tok);
                        break;
                    }
                    if k == 0 {
                        value = super::edgelist::number(path, n, "value", tok)?;
                    }
                }
                if let (Some(time), Some(iv)) = (options.time, interval) {
                    if !in_interval(iv, time)
                        .ok_or_else(|| err(n, format!("malformed time interval {iv}")))?
                    {
                        m.report.outside_time += 1;
                        continue;
                    }
                }
                m.arc_ids(ids[a], ids[b], value, value.abs());
            }
        }
    }
    if let Some(want) = &options.network
        && !names.iter().any(|x| x == want)
    {
        return Err(ReadError::NoSuchNetwork {
            file: path.to_path_buf(),
            name: want.clone(),
            available: names,
        });
    }
    if !vertices_seen {
        return Err(ReadError::Empty {
            file: path.to_path_buf(),
        });
    }
    if !declared {
        // Vertices without arcs: an edgeless graph.
        for (i, l) in labels.iter().enumerate() {
            let label = l.clone().unwrap_or_else(|| (i + 1).to_string());
            if m.has(&label) {
                return Err(err(0, format!("two vertices are labelled {label:?}")));
            }
            m.node(path, &label)?;
        }
    }
    Ok(m.finish())
}

fn split_first(t: &str) -> (&str, &str) {
    match t.find(char::is_whitespace) {
        Some(i) => (&t[..i], t[i..].trim_start()),
        None => (t, ""),
    }
}

/// A vertex number in `1..=count`, as a 0-based index.
fn vertex(path: &Path, line: usize, tok: &str, count: usize) -> Result<usize, ReadError> {
    let v: i64 = tok.parse().map_err(|_| ReadError::BadNumber {
        file: path.to_path_buf(),
        line,
        field: "vertex".to_owned(),
        value: tok.to_owned(),
    })?;
    if v < 1 || v as u64 > count as u64 {
        return Err(ReadError::VertexOutOfRange {
            file: path.to_path_buf(),
            line,
            vertex: v,
            count,
        });
    }
    Ok((v - 1) as usize)
}

/// The label after a vertex number: a quoted string or a bare word; `None` when a quote is
/// unterminated, `Some(None)` when there is no label.
fn parse_label(rest: &str) -> Option<Option<String>> {
    if let Some(q) = rest.strip_prefix('"') {
        let end = q.find('"')?;
        Some(Some(q[..end].to_owned()))
    } else if rest.is_empty() {
        Some(None)
    } else {
        Some(Some(split_first(rest).0.to_owned()))
    }
}

/// Whether time `t` lies in a Pajek interval list such as `[2-4,6]` or `[1-*]`; `None` when
/// malformed.
fn in_interval(iv: &str, t: i64) -> Option<bool> {
    let inner = iv.strip_prefix('[')?.strip_suffix(']')?;
    let mut hit = false;
    for part in inner.split(',') {
        let part = part.trim();
        // The dash between the ends, not a minus sign leading the start.
        let (lo, hi) = match part.get(1..).and_then(|r| r.find('-')) {
            Some(i) => (part[..=i].trim(), part[i + 2..].trim()),
            None => (part, part),
        };
        let lo: i64 = lo.parse().ok()?;
        let hi_ok = if hi == "*" {
            true
        } else {
            t <= hi.parse::<i64>().ok()?
        };
        hit |= t >= lo && hi_ok;
    }
    Some(hit)
}

#[cfg(test)]
mod tests {
    use super::in_interval;

    #[test]
    fn intervals() {
        assert_eq!(in_interval("[3]", 3), Some(true));
        assert_eq!(in_interval("[3]", 4), Some(false));
        assert_eq!(in_interval("[2-4]", 4), Some(true));
        assert_eq!(in_interval("[2,3]", 4), Some(false));
        assert_eq!(in_interval("[1-*]", 40), Some(true));
        assert_eq!(in_interval("[x]", 1), None);
        assert_eq!(in_interval("[-3--1]", -2), Some(true));
        assert_eq!(in_interval("[-3]", -3), Some(true));
        assert_eq!(in_interval("[-3-*]", 0), Some(true));
        assert_eq!(in_interval("[-]", 0), None);
        assert_eq!(in_interval("[é-]", 0), None);
    }
}
