//! Series: the states of a range of years, complexes named consistently, and the events
//! between consecutive years.

use super::EvolutionError;
use super::compare::{Event, compare, match_complexes};
use super::options::EvolutionOptions;
use super::state::{YearState, year_state};
use crate::dataset::Dataset;
use crate::period::Year;
use std::collections::BTreeMap;

/// The states of a range of years, with complexes named consistently across years, and the
/// events between consecutive years.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Series {
    /// One state a year, in order.
    pub years: Vec<YearState>,
    /// The events between consecutive years, in order.
    pub events: Vec<Event>,
}

/// The evolution of `dataset` over `from..=to`: each year's state, complexes keeping one
/// name while their membership overlaps from one year to the next (Jaccard ≥ `match_share`),
/// and the transformations between consecutive years with their causes.
///
/// A complex traced across years (a lineage) is named as it was named in the last year it
/// was seen — the complex as it stands at the end, the way one speaks of "the European
/// complex" in 1991 — so a complex that Russia left is not called "complex around RUS"
/// ever after; where two lineages end with the same name, the one that ended earlier is
/// called "… (until YEAR)".
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
    for y in from..=to {
        years.push(year_state(dataset, y, o)?);
    }
    name_lineages(&mut years, o.match_share);
    let events = years
        .windows(2)
        .flat_map(|w| compare(&w[0], &w[1], o))
        .collect();
    Ok(Series { years, events })
}

/// Names every complex of `years` by its lineage: complexes matched from one year to the
/// next (Jaccard ≥ `share`, see [`match_complexes`]) form one lineage, named after the last
/// year it was seen; of lineages ending with the same name, all but the latest-ending get
/// ` (until YEAR)`.
fn name_lineages(years: &mut [YearState], share: f64) {
    // lineage[y][j]: the lineage of complex j of year y.
    let mut lineage: Vec<Vec<usize>> = Vec::with_capacity(years.len());
    // Per lineage: the last year's index and the complex's own name then.
    let mut last: Vec<(usize, String)> = Vec::new();
    for (y, state) in years.iter().enumerate() {
        let mut ids = vec![usize::MAX; state.complexes.len()];
        if y > 0 {
            for (i, j) in match_complexes(&years[y - 1].complexes, &state.complexes, share) {
                ids[j] = lineage[y - 1][i];
            }
        }
        for (j, id) in ids.iter_mut().enumerate() {
            if *id == usize::MAX {
                *id = last.len();
                last.push((y, String::new()));
            }
            last[*id] = (y, state.complexes[j].name.clone());
        }
        lineage.push(ids);
    }
    // The latest-ending lineage of each name keeps it (ties: the later-formed lineage,
    // which cannot share a last year with another of the same name).
    let mut keeper: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, (y, name)) in last.iter().enumerate() {
        let k = keeper.entry(name.as_str()).or_insert(id);
        if last[*k].0 <= *y {
            *k = id;
        }
    }
    let names: Vec<String> = last
        .iter()
        .enumerate()
        .map(|(id, (y, name))| {
            if keeper[name.as_str()] == id {
                name.clone()
            } else {
                format!("{name} (until {})", years[*y].year)
            }
        })
        .collect();
    for (state, ids) in years.iter_mut().zip(&lineage) {
        for (c, &id) in state.complexes.iter_mut().zip(ids) {
            c.name.clone_from(&names[id]);
        }
    }
}
