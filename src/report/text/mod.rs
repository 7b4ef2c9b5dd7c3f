//! Text for people: [`Display`](std::fmt::Display) for the crate's results, numbers
//! formatted once, certificates named by their units, and errors with their causes.

mod balance;
mod boundary;
mod error;
mod evolution;
mod number;
mod polarity;
mod structure;
mod tie;

pub use error::ErrorReport;
pub use number::{count, fixed, percent, signed};

/// A result whose units are shown by name: the result and a function from its node
/// identifiers to labels. Made by [`labelled`]; its `Display` lists the units of the
/// certificate (camps, clusters, cycles) where the plain `Display` gives only their sizes.
#[derive(Clone, Copy)]
pub struct Labelled<'a, T: ?Sized, F> {
    value: &'a T,
    label: F,
}

/// `value` with its node identifiers shown through `label` (e.g. `|i| graph.label(i)`).
///
/// Every result a user prints has a `Display`, so `println!("{result}")` gives a
/// sentence, not Rust's debug dump:
///
/// ```
/// use rsct::balance::harary_test;
/// use rsct::report::labelled;
/// use rsct::{Sign, SignedGraph};
///
/// let g = SignedGraph::from_edges(
///     ["RUS", "BLR", "GEO"],
///     [(0, 1, Sign::Amity), (0, 2, Sign::Enmity), (1, 2, Sign::Enmity)],
/// )?;
/// let h = harary_test(g.graph())?;
/// assert_eq!(h.to_string(), "balanced: two camps of 2 and 1 units");
/// // The same certificate, its units named by the graph's labels:
/// let named = labelled(&h, |i| g.label(i).unwrap_or("?"));
/// assert_eq!(named.to_string(), "balanced: two camps {RUS, BLR} and {GEO}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Works for [`HararyTest`](crate::balance::HararyTest),
/// [`Clusterability`](crate::balance::Clusterability),
/// [`SignedCycle`](crate::balance::SignedCycle), [`Frustration`](crate::balance::Frustration)
/// and [`FrustratedTie`](crate::balance::FrustratedTie): every certificate names units by the
/// graph's node identifiers (`NodeIndex` for a petgraph `Graph`).
pub fn labelled<T: ?Sized, F>(value: &T, label: F) -> Labelled<'_, T, F> {
    Labelled { value, label }
}

/// Writes `items` separated by `sep`.
pub(crate) fn join<I, D>(f: &mut std::fmt::Formatter<'_>, items: I, sep: &str) -> std::fmt::Result
where
    I: IntoIterator<Item = D>,
    D: std::fmt::Display,
{
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{x}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
