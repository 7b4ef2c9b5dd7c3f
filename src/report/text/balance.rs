//! Structural balance results and their certificates, in words.

use super::number::{count, fixed, opt};
use super::{Labelled, join};
use crate::balance::{
    Clusterability, ClusterabilityCertificate, EigenMethod, FrustratedTie, Frustration,
    HararyCertificate, HararyTest, KwayPartition, PnIndex, PnMethod, SignedCycle, SignedDegree,
    SignedEigenvector, Status, TriangleCensus, TriangleCounts, WalkBalance, WeightedTriangleCounts,
};
use std::fmt::{self, Display, Formatter};

/// ` (n ties without a sign left out)` when there are any.
fn neutral(f: &mut Formatter<'_>, n: usize) -> fmt::Result {
    match n {
        0 => Ok(()),
        1 => f.write_str(" (1 tie without a sign left out)"),
        n => write!(f, " ({n} ties without a sign left out)"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `{A, B, C}`.
fn set<N: Copy, L: Display>(
    f: &mut Formatter<'_>,
    units: &[N],
    label: &impl Fn(N) -> L,
) -> fmt::Result {
    f.write_str("{")?;
    join(f, units.iter().map(|&u| label(u)), ", ")?;
    f.write_str("}")
}

impl<N, E> Display for SignedCycle<N, E> {
    /// `a cycle of 3 ties, 1 negative`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a cycle of {}, {} negative",
            plural(self.len(), "tie", "ties"),
            self.negatives()
        )
    }
}

impl<N: Copy, E, F: Fn(N) -> L, L: Display> Display for Labelled<'_, SignedCycle<N, E>, F> {
    /// `UKR =+= RUS =-= MDA =+= UKR`: the units in order, each tie's sign between them, back
    /// to the first.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let c = self.value;
        for (&u, s) in c.units().iter().zip(c.signs()) {
            write!(f, "{} ={s}= ", (self.label)(u))?;
        }
        if let Some(&first) = c.units().first() {
            write!(f, "{}", (self.label)(first))?;
        }
        Ok(())
    }
}

impl<N, E> Display for HararyTest<N, E> {
    /// `balanced: two camps of 15 and 14 units`, or
    /// `not balanced: a cycle of 3 ties, 1 negative` (the certificate: an odd number of
    /// negative ties).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.certificate() {
            HararyCertificate::Balanced { camps } => write!(
                f,
                "balanced: two camps of {} and {} units",
                camps[0].len(),
                camps[1].len()
            )?,
            HararyCertificate::Unbalanced { cycle } => write!(f, "not balanced: {cycle}")?,
        }
        neutral(f, self.neutral_ties())
    }
}

impl<N: Copy, E, F: Fn(N) -> L, L: Display> Display for Labelled<'_, HararyTest<N, E>, F> {
    /// `balanced: two camps {RUS, BLR} and {GEO}`, or
    /// `not balanced: cycle UKR =+= RUS =-= MDA =+= UKR (1 negative tie)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.value.certificate() {
            HararyCertificate::Balanced { camps } => {
                f.write_str("balanced: two camps ")?;
                set(f, &camps[0], &self.label)?;
                f.write_str(" and ")?;
                set(f, &camps[1], &self.label)?;
            }
            HararyCertificate::Unbalanced { cycle } => write!(
                f,
                "not balanced: cycle {} ({})",
                Labelled {
                    value: cycle,
                    label: &self.label
                },
                plural(cycle.negatives(), "negative tie", "negative ties")
            )?,
        }
        neutral(f, self.value.neutral_ties())
    }
}

impl<N, E> Display for Clusterability<N, E> {
    /// `clusterable into 3 clusters (components of amity)`, or
    /// `not clusterable: a cycle of 4 ties, 1 negative`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.certificate() {
            ClusterabilityCertificate::Clusters { clusters } => write!(
                f,
                "clusterable into {} (components of amity)",
                plural(clusters.len(), "cluster", "clusters")
            )?,
            ClusterabilityCertificate::Cycle { cycle } => write!(f, "not clusterable: {cycle}")?,
        }
        neutral(f, self.neutral_ties())
    }
}

impl<N: Copy, E, F: Fn(N) -> L, L: Display> Display for Labelled<'_, Clusterability<N, E>, F> {
    /// `clusterable into 2 clusters: {A, B}, {C}`, or
    /// `not clusterable: cycle RUS =+= UKR =+= MDA =-= RUS`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.value.certificate() {
            ClusterabilityCertificate::Clusters { clusters } => {
                write!(
                    f,
                    "clusterable into {}: ",
                    plural(clusters.len(), "cluster", "clusters")
                )?;
                for (i, c) in clusters.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    set(f, c, &self.label)?;
                }
            }
            ClusterabilityCertificate::Cycle { cycle } => write!(
                f,
                "not clusterable: cycle {}",
                Labelled {
                    value: cycle,
                    label: &self.label
                }
            )?,
        }
        neutral(f, self.value.neutral_ties())
    }
}

impl Display for TriangleCounts {
    /// `+++ 57  ++- 24  +-- 38  --- 0  (119 triangles; strict balance 0.798, weak 0.798)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "+++ {}  ++- {}  +-- {}  --- {}  ({} triangles; strict balance {}, weak {})",
            self.ppp(),
            self.ppm(),
            self.pmm(),
            self.mmm(),
            self.total(),
            opt(self.strict_ratio(), 3),
            opt(self.weak_ratio(), 3)
        )
    }
}

impl Display for WeightedTriangleCounts {
    /// `weighted: strict balance 0.820, weak 0.820`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "weighted: strict balance {}, weak {}",
            opt(self.strict_ratio(), 3),
            opt(self.weak_ratio(), 3)
        )
    }
}

impl<N> Display for TriangleCensus<N> {
    /// The counts; then the weighted ratios and the unbalanced triangles' number when the
    /// census computed them.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.counts())?;
        if let Some(w) = self.weighted() {
            write!(f, "; {w}")?;
        }
        if let Some(u) = self.unbalanced() {
            write!(
                f,
                "; {} listed",
                plural(u.len(), "unbalanced triangle", "unbalanced triangles")
            )?;
        }
        neutral(f, self.neutral_ties())
    }
}

impl Display for WalkBalance {
    /// `walk balance 0.2133888 (error bound 1.4e-13; 3 connected parts, largest 27)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "walk balance {} (error bound {:.1e}; {}, largest {})",
            fixed(self.ratio(), 7),
            self.error_bound(),
            plural(self.parts(), "connected part", "connected parts"),
            self.largest_part()
        )
    }
}

impl Display for Status {
    /// `optimal`, `node limit`, `time limit` or `heuristic`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Optimal => "optimal",
            Status::NodeLimit => "node limit",
            Status::TimeLimit => "time limit",
            _ => "heuristic",
        })
    }
}

/// `L = 10, proven optimal` or `L = 12 (lower bound 10, gap 2; stopped at the node limit)`.
fn frustration_head<N, E>(r: &Frustration<N, E>, f: &mut Formatter<'_>) -> fmt::Result {
    write!(f, "L = {}", count(r.value(), 3))?;
    if r.is_optimal() {
        f.write_str(", proven optimal")?;
    } else {
        write!(
            f,
            " (lower bound {}, gap {}; ",
            count(r.lower_bound(), 3),
            count(r.gap(), 3)
        )?;
        match r.status() {
            Status::NodeLimit => f.write_str("stopped at the node limit)")?,
            Status::TimeLimit => f.write_str("stopped at the time limit)")?,
            _ => f.write_str("local search)")?,
        }
    }
    write!(
        f,
        "; F = 1 − 2L/m = {} with m = {}",
        fixed(r.normalised(), 3),
        count(r.total_weight(), 3)
    )
}

impl<N, E> Display for Frustration<N, E> {
    /// `L = 10, proven optimal; F = 1 − 2L/m = 0.767 with m = 86; camps of 15 and 14 units`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        frustration_head(self, f)?;
        let [a, b] = self.camps();
        write!(f, "; camps of {} and {} units", a.len(), b.len())?;
        neutral(f, self.neutral_ties())
    }
}

impl<N: Copy, E, F: Fn(N) -> L, L: Display> Display for Labelled<'_, Frustration<N, E>, F> {
    /// The head of the plain `Display`, then the camps and the frustrated ties by name:
    /// `…; camps {A, B} and {C}; frustrated: A–B (-)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        frustration_head(self.value, f)?;
        let [a, b] = self.value.camps();
        f.write_str("; camps ")?;
        set(f, a, &self.label)?;
        f.write_str(" and ")?;
        set(f, b, &self.label)?;
        if !self.value.frustrated().is_empty() {
            f.write_str("; frustrated: ")?;
            join(
                f,
                self.value.frustrated().iter().map(|t| {
                    Labelled {
                        value: t,
                        label: &self.label,
                    }
                    .to_string()
                }),
                ", ",
            )?;
        }
        neutral(f, self.value.neutral_ties())
    }
}

impl<N, E> Display for FrustratedTie<N, E> {
    /// `amity across the camps` or `enmity inside a camp`, with ` (weight 2.5)` when weighted
    /// (see [`super::labelled`] for the ends' names).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.sign.is_negative() {
            f.write_str("enmity inside a camp")?;
        } else {
            f.write_str("amity across the camps")?;
        }
        if self.weight != 1.0 {
            write!(f, " (weight {})", count(self.weight, 3))?;
        }
        Ok(())
    }
}

impl<N: Copy, E, F: Fn(N) -> L, L: Display> Display for Labelled<'_, FrustratedTie<N, E>, F> {
    /// `A–B (-)`: its ends by name and its sign.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let t = self.value;
        write!(
            f,
            "{}–{} ({})",
            (self.label)(t.source),
            (self.label)(t.target),
            t.sign
        )
    }
}

impl Display for KwayPartition {
    /// `3 clusters, criterion 2.5 (enmity inside 2, amity across 3; 5 inconsistent ties), proven optimal`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, criterion {} (enmity inside {}, amity across {}; {})",
            plural(self.clusters(), "cluster", "clusters"),
            count(self.criterion(), 3),
            count(self.negative_inside(), 3),
            count(self.positive_across(), 3),
            plural(self.inconsistent(), "inconsistent tie", "inconsistent ties")
        )?;
        if self.is_optimal() {
            f.write_str(", proven optimal")?;
        }
        Ok(())
    }
}

impl Display for PnMethod {
    /// `dense solve` or `iteration (20 iterations)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            PnMethod::Dense => f.write_str("dense solve"),
            PnMethod::Iteration { iterations } => {
                write!(
                    f,
                    "iteration ({})",
                    plural(*iterations, "iteration", "iterations")
                )
            }
        }
    }
}

impl Display for EigenMethod {
    /// `dense eigen-decomposition` or `Lanczos (42 matrix–vector products)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            EigenMethod::Dense => f.write_str("dense eigen-decomposition"),
            EigenMethod::Lanczos { steps } => write!(
                f,
                "Lanczos ({})",
                plural(*steps, "matrix–vector product", "matrix–vector products")
            ),
        }
    }
}

impl Display for PnIndex {
    /// `PN index of 29 units by dense solve, error bound 0.0e0`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PN index of {} by {}, error bound {:.1e}",
            plural(self.values().len(), "unit", "units"),
            self.method(),
            self.error_bound()
        )?;
        neutral(f, self.neutral_ties())
    }
}

impl Display for SignedEigenvector {
    /// `signed eigenvector of 29 units: eigenvalue 7.271631 (dense eigen-decomposition)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "signed eigenvector of {}: eigenvalue {} ({})",
            plural(self.values().len(), "unit", "units"),
            fixed(self.eigenvalue(), 6),
            self.method()
        )?;
        neutral(f, self.neutral_ties())
    }
}

impl Display for SignedDegree {
    /// `+7 -2 (net 5)`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "+{} -{} (net {})",
            self.positive(),
            self.negative(),
            self.net()
        )
    }
}
