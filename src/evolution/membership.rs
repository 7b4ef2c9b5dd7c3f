//! Membership timelines of organisations.

use crate::dataset::Dataset;
use crate::organisation::Role;
use crate::period::Period;

/// One unit's membership of an organisation over a period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MembershipSpan {
    /// The organisation.
    pub organisation: String,
    /// The unit.
    pub unit: String,
    /// The role.
    pub role: Role,
    /// The period (both ends inclusive).
    pub period: Period,
}

/// Every organisation's memberships, grouped by organisation in data-set order and sorted by
/// start year, then unit.
///
/// # Complexity
/// O(M log M).
///
/// # Errors
/// None.
///
/// # Example
/// ```no_run
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// for span in rsct::evolution::membership_timeline(&ds) {
///     println!("{} {} {} {}", span.organisation, span.unit, span.role, span.period);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn membership_timeline(dataset: &Dataset) -> Vec<MembershipSpan> {
    let mut out = Vec::with_capacity(dataset.memberships().len());
    for org in dataset.organisations() {
        let mut spans: Vec<MembershipSpan> = dataset
            .memberships()
            .iter()
            .filter(|m| m.organisation() == org.id())
            .map(|m| MembershipSpan {
                organisation: m.organisation().to_owned(),
                unit: m.unit().to_owned(),
                role: m.role(),
                period: m.period(),
            })
            .collect();
        spans.sort_by(|a, b| (a.period.start(), &a.unit).cmp(&(b.period.start(), &b.unit)));
        out.extend(spans);
    }
    out
}
