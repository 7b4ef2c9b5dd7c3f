//! Series: the states of a range of years, complexes named consistently, and the events
//! between consecutive years.

use super::EvolutionError;
use super::compare::{Event, compare, match_complexes};
use super::options::EvolutionOptions;
use super::state::{YearState, year_state};
use crate::dataset::Dataset;
use crate::period::Year;
use std::collections::BTreeSet;

/// The states of a range of years, with complexes named consistently across years, and the
/// events between consecutive years.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Series {
    /// One state a year, in order.
    pub years: Vec<YearState>,
    /// The events between consecutive years, in order.
    pub events: Vec<Event>,
}

/// The evolution of `dataset` over `from..=to`: each year's state, complexes keeping their
/// names while their membership overlaps (Jaccard ≥ `match_share`), and the transformations
/// between consecutive years with their causes.
///
/// # Complexity
/// One [`year_state`](super::year_state) per year, plus O(C² + T) per pair of years for C complexes and T ties.
///
/// # Errors
/// [`EvolutionError::EmptyRange`], [`EvolutionError::RangeTooLong`] for more than
/// [`MAX_SERIES_YEARS`](super::MAX_SERIES_YEARS) years, or the errors of [`year_state`](super::year_state).
///
/// # Example
/// ```no_run
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// let s = rsct::evolution::series(&ds, 1991, 2013, &rsct::evolution::EvolutionOptions::new())?;
/// for e in &s.events { println!("{e}"); }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn series(
    dataset: &Dataset,
    from: Year,
    to: Year,
    o: &EvolutionOptions,
) -> Result<Series, EvolutionError> {
    if to < from {
        return Err(EvolutionError::EmptyRange { from, to });
    }
    // In i64: `to - from + 1` overflows i32 for ranges near the bounds.
    let span = i64::from(to) - i64::from(from) + 1;
    if span > i64::from(super::MAX_SERIES_YEARS) {
        return Err(EvolutionError::RangeTooLong {
            from,
            to,
            limit: super::MAX_SERIES_YEARS,
        });
    }
    let mut years: Vec<YearState> = Vec::with_capacity(span as usize);
    let mut events = Vec::new();
    for y in from..=to {
        let mut s = year_state(dataset, y, o)?;
        if let Some(prev) = years.last() {
            // Inherit names from matched complexes; new complexes keep theirs, made unique.
            let pairs = match_complexes(&prev.complexes, &s.complexes, o.match_share);
            let mut taken: BTreeSet<String> = BTreeSet::new();
            for (i, j) in &pairs {
                s.complexes[*j].name = prev.complexes[*i].name.clone();
                taken.insert(prev.complexes[*i].name.clone());
            }
            for (j, c) in s.complexes.iter_mut().enumerate() {
                if !pairs.iter().any(|p| p.1 == j) && taken.contains(&c.name) {
                    c.name = format!("{} (from {y})", c.name);
                }
                taken.insert(c.name.clone());
            }
            events.extend(compare(prev, &s, o));
        }
        years.push(s);
    }
    Ok(Series { years, events })
}
