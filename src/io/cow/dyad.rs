//! `DyadYears`: undirected dyad-year records, sorted by year and dyad, one per dyad-year.

use super::Ccode;
use crate::period::Year;
use serde::Serialize;

/// One undirected dyad in one year with a value; `a < b` always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DyadYear<V> {
    year: Year,
    a: Ccode,
    b: Ccode,
    value: V,
}

impl<V: Copy> DyadYear<V> {
    crate::internal::getters! {
        /// The year.
        year: Year;
        /// The smaller country code of the dyad.
        a: Ccode;
        /// The larger country code of the dyad.
        b: Ccode;
        /// The value (obligations, hostility, contiguity type …).
        value: V;
    }
}

/// Undirected dyad-year records: the directed rows of a COW-style file folded so that each
/// unordered dyad appears once per year (`a < b`), whichever order the file gives it in,
/// and sorted by `(year, a, b)`. Two rows of the same dyad-year (its two directions, or two
/// disputes) are combined by the reader's documented rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DyadYears<V> {
    records: Vec<DyadYear<V>>,
}

impl<V: Copy> DyadYears<V> {
    /// Folds directed rows `(year, x, y, value)` into undirected dyad-years, combining the
    /// values of one dyad-year with `merge`. Self-dyads (`x == y`) are dropped.
    pub(crate) fn fold(rows: Vec<(Year, Ccode, Ccode, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let mut keyed: Vec<(u64, V)> = rows
            .into_iter()
            .filter(|&(_, x, y, _)| x != y)
            .map(|(year, x, y, v)| (key(year, x.min(y), x.max(y)), v))
            .collect();
        // The merge rules are commutative and associative: an unstable sort is deterministic.
        keyed.sort_unstable_by_key(|&(k, _)| k);
        let mut records: Vec<DyadYear<V>> = Vec::with_capacity(keyed.len());
        let mut last = None;
        for (k, v) in keyed {
            if last == Some(k) {
                if let Some(r) = records.last_mut() {
                    r.value = merge(r.value, v);
                }
            } else {
                last = Some(k);
                let (year, a, b) = unkey(k);
                records.push(DyadYear {
                    year,
                    a,
                    b,
                    value: v,
                });
            }
        }
        Self { records }
    }

    /// The number of dyad-years.
    #[must_use]
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// All dyad-years, sorted by `(year, a, b)`.
    #[must_use]
    pub fn records(&self) -> &[DyadYear<V>] {
        &self.records
    }

    /// The dyad-years of `year`, sorted by `(a, b)`.
    #[must_use]
    pub fn in_year(&self, year: Year) -> &[DyadYear<V>] {
        let lo = self.records.partition_point(|r| r.year < year);
        let hi = self.records.partition_point(|r| r.year <= year);
        &self.records[lo..hi]
    }

    /// The value of dyad `{x, y}` in `year`, in either order.
    #[must_use]
    pub fn get(&self, year: Year, x: Ccode, y: Ccode) -> Option<V> {
        let k = (year, x.min(y), x.max(y));
        self.records
            .binary_search_by(|r| (r.year, r.a, r.b).cmp(&k))
            .ok()
            .map(|i| self.records[i].value)
    }

    /// The first and last years with a record.
    #[must_use]
    pub fn year_span(&self) -> Option<(Year, Year)> {
        Some((self.records.first()?.year, self.records.last()?.year))
    }
}

/// Years are offset into 24 unsigned bits; codes take 20 bits each (codes are < 100,000).
const YEAR_OFFSET: i64 = 1 << 23;

fn key(year: Year, a: Ccode, b: Ccode) -> u64 {
    let y = (i64::from(year) + YEAR_OFFSET) as u64;
    (y << 40) | (u64::from(a) << 20) | u64::from(b)
}

fn unkey(k: u64) -> (Year, Ccode, Ccode) {
    let year = ((k >> 40) as i64 - YEAR_OFFSET) as Year;
    (
        year,
        ((k >> 20) & 0xF_FFFF) as Ccode,
        (k & 0xF_FFFF) as Ccode,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_merges_both_orders_and_sorts() {
        let d = DyadYears::fold(
            vec![
                (1994, 373, 371, 3u8),
                (1993, 371, 373, 4),
                (1994, 371, 373, 4),
                (-5, 2, 2, 1),
            ],
            u8::max,
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d.get(1994, 373, 371), Some(4));
        assert_eq!(d.in_year(1993).len(), 1);
        assert_eq!(d.year_span(), Some((1993, 1994)));
        assert_eq!(unkey(key(-3000, 99_999, 1)), (-3000, 99_999, 1));
    }
}
