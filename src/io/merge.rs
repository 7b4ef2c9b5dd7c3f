//! The one rule that turns directed or multi-edge signed input into a simple undirected
//! signed graph.
//!
//! **Rule** (the same as the crate's Python baselines for signed input): every arc `u → v` with a non-zero
//! value contributes its sign (+1 or −1) to the unordered pair {u, v}; the pair's signs are
//! summed; a pair whose sum is 0 is dropped; self-loops are dropped; arcs whose value is 0
//! carry no sign and are dropped. The edge's sign is the sign of the sum, and its weight is the
//! mean absolute value of the arcs that agree with that sign (1 for unweighted input). Nodes
//! are numbered in order of first appearance in a kept arc (or of declaration, in Pajek);
//! edges are sorted by their end points. Every drop is counted in [`ReadReport`].

use super::ReadError;
use crate::graph::{SignedEdge, SignedGraph};
use crate::internal::hash::FxHashMap;
use crate::sign::Sign;
use std::path::Path;

/// What a reader saw and what the merge rule dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct ReadReport {
    /// Arcs (data lines) read.
    pub arcs: usize,
    /// Arcs dropped because both ends were the same node.
    pub self_loops: usize,
    /// Arcs dropped because their value was 0 (no sign).
    pub zero_values: usize,
    /// Pairs dropped because their signs summed to 0.
    pub cancelled_pairs: usize,
    /// Pairs that had more than one arc (merged into one edge).
    pub merged_pairs: usize,
    /// Arcs left out by a time filter (Pajek).
    pub outside_time: usize,
    /// Nodes that appeared only in dropped arcs (self-loops, zero values) and so are not in
    /// the graph.
    pub dropped_nodes: usize,
    /// Columns of a CSV header that the reader does not use (neither source, target, sign
    /// nor weight), as written, in file order; their values are not read.
    pub ignored_columns: Vec<String>,
}

/// One arc after the self-loop and zero-value checks.
#[derive(Clone, Copy)]
struct Arc {
    key: u64,
    seq: u32,
    positive: bool,
    weight: f64,
}

/// Accumulates arcs by node label and applies the rule.
pub(crate) struct Merger {
    labels: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Labels that are canonical decimal numbers (most large edge lists) are looked up here,
    /// without string comparison.
    numeric: FxHashMap<u64, u32>,
    /// Small numeric labels map through this table (`u32::MAX` = not yet seen).
    dense: Vec<u32>,
    arcs: Vec<Arc>,
    dropped_labels: Vec<String>,
    pub report: ReadReport,
}

impl Merger {
    pub fn new() -> Self {
        Self {
            labels: Vec::new(),
            ids: FxHashMap::default(),
            numeric: FxHashMap::default(),
            dense: Vec::new(),
            arcs: Vec::new(),
            dropped_labels: Vec::new(),
            report: ReadReport::default(),
        }
    }

    /// Reserves room for about `arcs` arcs.
    pub fn reserve(&mut self, arcs: usize) {
        self.arcs.reserve(arcs);
    }

    /// Declares a node (Pajek vertices, or an end of a kept arc); returns its number.
    pub fn node(&mut self, path: &Path, label: &str) -> Result<u32, ReadError> {
        let numeric = canonical_number(label);
        let found = match numeric {
            Some(n) if n < DENSE_LIMIT => self
                .dense
                .get(n as usize)
                .copied()
                .filter(|&i| i != u32::MAX),
            Some(n) => self.numeric.get(&n).copied(),
            None => self.ids.get(label).copied(),
        };
        if let Some(i) = found {
            return Ok(i);
        }
        let i = u32::try_from(self.labels.len()).map_err(|_| ReadError::TooManyNodes {
            file: path.to_path_buf(),
            limit: u32::MAX as usize,
        })?;
        match numeric {
            Some(n) if n < DENSE_LIMIT => {
                let n = n as usize;
                if n >= self.dense.len() {
                    self.dense.resize((n + 1).next_power_of_two(), u32::MAX);
                }
                self.dense[n] = i;
            }
            Some(n) => {
                self.numeric.insert(n, i);
            }
            None => {
                self.ids.insert(label.to_owned(), i);
            }
        }
        self.labels.push(label.to_owned());
        Ok(i)
    }

    /// Whether a label is declared already.
    pub fn has(&self, label: &str) -> bool {
        match canonical_number(label) {
            Some(n) if n < DENSE_LIMIT => {
                self.dense.get(n as usize).is_some_and(|&i| i != u32::MAX)
            }
            Some(n) => self.numeric.contains_key(&n),
            None => self.ids.contains_key(label),
        }
    }

    /// Adds one arc between declared node numbers with a finite value.
    pub fn arc_ids(&mut self, a: u32, b: u32, value: f64, weight: f64) {
        self.report.arcs += 1;
        if a == b {
            self.report.self_loops += 1;
            return;
        }
        if value == 0.0 {
            self.report.zero_values += 1;
            return;
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let seq = u32::try_from(self.arcs.len()).unwrap_or(u32::MAX);
        self.arcs.push(Arc {
            key: (u64::from(lo) << 32) | u64::from(hi),
            seq,
            positive: value > 0.0,
            weight,
        });
    }

    /// Adds one arc between labels. The ends of a dropped arc (a self-loop, or a value of
    /// 0) are not declared as nodes; those that appear in no kept arc are counted in
    /// [`ReadReport::dropped_nodes`].
    pub fn arc(
        &mut self,
        path: &Path,
        a: &str,
        b: &str,
        value: f64,
        weight: f64,
    ) -> Result<(), ReadError> {
        if a == b || value == 0.0 {
            self.report.arcs += 1;
            if a == b {
                self.report.self_loops += 1;
            } else {
                self.report.zero_values += 1;
            }
            for l in [a, b] {
                if !self.has(l) {
                    self.dropped_labels.push(l.to_owned());
                }
            }
            return Ok(());
        }
        let a = self.node(path, a)?;
        let b = self.node(path, b)?;
        self.arc_ids(a, b, value, weight);
        Ok(())
    }

    /// Applies the rule and builds the graph (edges sorted by their end points).
    pub fn finish(mut self) -> (SignedGraph, ReadReport) {
        self.dropped_labels.sort_unstable();
        self.dropped_labels.dedup();
        self.report.dropped_nodes = self.dropped_labels.iter().filter(|l| !self.has(l)).count();
        // Counting sort by the smaller end, then each bucket by (larger end, position): the
        // order, and so every float sum, is deterministic.
        let arcs = bucket_sort(std::mem::take(&mut self.arcs), self.labels.len());
        self.arcs = arcs;
        let mut edges = Vec::with_capacity(self.arcs.len());
        for run in self.arcs.chunk_by(|x, y| x.key == y.key) {
            if run.len() > 1 {
                self.report.merged_pairs += 1;
            }
            let (mut pos, mut neg, mut wp, mut wn) = (0i64, 0i64, 0.0, 0.0);
            for a in run {
                if a.positive {
                    pos += 1;
                    wp += a.weight;
                } else {
                    neg += 1;
                    wn += a.weight;
                }
            }
            let (sign, w, k) = match pos.cmp(&neg) {
                std::cmp::Ordering::Greater => (Sign::Amity, wp, pos),
                std::cmp::Ordering::Less => (Sign::Enmity, wn, neg),
                std::cmp::Ordering::Equal => {
                    self.report.cancelled_pairs += 1;
                    continue;
                }
            };
            let mut mean = w / k as f64;
            if !mean.is_finite() {
                // The sum overflowed (weights near f64::MAX): average term by term, which
                // stays below the largest weight.
                let agree = sign == Sign::Amity;
                mean = run
                    .iter()
                    .filter(|a| a.positive == agree)
                    .map(|a| a.weight / k as f64)
                    .sum();
            }
            let edge = SignedEdge::weighted(sign, mean).unwrap_or(SignedEdge::new(sign));
            let key = run[0].key;
            edges.push(((key >> 32) as u32, key as u32, edge));
        }
        let g = SignedGraph::from_parts(self.labels, edges);
        (g, self.report)
    }
}

/// Numeric labels below this use a direct table (at most 8 MiB) instead of hashing.
const DENSE_LIMIT: u64 = 1 << 21;

fn bucket_sort(arcs: Vec<Arc>, nodes: usize) -> Vec<Arc> {
    let mut start = vec![0usize; nodes + 1];
    for a in &arcs {
        start[(a.key >> 32) as usize + 1] += 1;
    }
    for i in 0..nodes {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut out = vec![
        Arc {
            key: 0,
            seq: 0,
            positive: false,
            weight: 0.0,
        };
        arcs.len()
    ];
    for a in arcs {
        let lo = (a.key >> 32) as usize;
        out[next[lo]] = a;
        next[lo] += 1;
    }
    for w in start.windows(2) {
        out[w[0]..w[1]].sort_unstable_by_key(|a| (a.key, a.seq));
    }
    out
}

/// The value of a label that is a canonical decimal number (no sign, no leading zero, at
/// most 19 digits), so that `"7"` and `"07"` stay distinct labels.
fn canonical_number(label: &str) -> Option<u64> {
    let b = label.as_bytes();
    if b.is_empty() || b.len() > 19 || (b.len() > 1 && b[0] == b'0') {
        return None;
    }
    let mut n: u64 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(c - b'0');
    }
    Some(n)
}
