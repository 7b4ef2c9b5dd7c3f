//! The boundaries of a year, in words: the summary (`Display`) and the explanation of each
//! complex ([`BoundaryReport::explain`]).

use super::number::List;
use crate::boundary::{BoundaryReport, ComplexType, Flip};
use crate::polarity::{CentredOn, PowerClass};
use std::fmt::{self, Display, Formatter};

impl BoundaryReport {
    /// Why each complex is what it is, in words: which ties and which thresholds decided.
    #[must_use]
    pub fn explain(&self) -> String {
        let mut s = String::new();
        for c in &self.complexes {
            let q = &c.qualification;
            s += &format!(
                "{} ({} members: {}):\n",
                c.name,
                c.members.len(),
                c.members.join(", ")
            );
            s += &format!(
                "  qualifies: {} autonomous units; internal interdependence {:.2} > external {:.2}; every member has at least the required share inside\n",
                q.autonomous_units, q.internal_degree, q.external_degree
            );
            if let Some(t) = c.metrics.boundary_ties.first() {
                s += &format!(
                    "  strongest tie across the boundary: {}–{} ({:.2}); conductance {}\n",
                    t.0,
                    t.1,
                    t.2,
                    c.metrics
                        .conductance
                        .map_or("undefined".into(), |x| format!("{x:.3}"))
                );
            }
            s += &format!(
                "  type: {} — {}\n",
                type_name(&c.complex_type),
                c.type_reason
            );
            match (c.enmity_share, c.character) {
                (Some(e), Some(ch)) => {
                    s += &format!(
                        "  character: {} — enmity is {:.0} % of the members' signed interdependence\n",
                        ch,
                        e * 100.0
                    );
                }
                _ => s += "  character: undetermined — no signed ties among the members\n",
            }
            for b in &c.buffers {
                s += &format!(
                    "  buffer: {} located between rivals {} ({}) and {} ({}) (interdependence of at least {:.2} with both)\n",
                    b.unit, b.between.0, b.alignment.0, b.between.1, b.alignment.1, b.strength
                );
            }
            for h in &c.hedging {
                s += &format!(
                    "  hedging: {} friendly with both rivals {} and {} (ties of at least {:.2} to both, enmity with neither)\n",
                    h.unit, h.between.0, h.between.1, h.strength
                );
            }
            for p in &c.penetration {
                s += &format!(
                    "  penetrated by {} (interdependence {:.2}; aligned with {}; opposed to {})\n",
                    p.power,
                    p.interdependence,
                    List(&p.aligned),
                    List(&p.opposed)
                );
            }
            s += &format!(
                "  overlay: {} — outside global powers hold {:.0} % of the members' interdependence (threshold {:.0} %)\n",
                if c.overlay.overlaid { "yes" } else { "no" },
                c.overlay.outside_share * 100.0,
                c.overlay.threshold * 100.0
            );
            for (sc, ch) in c.subcomplexes.iter().zip(&c.subcomplex_characters) {
                s += &format!(
                    "  sub-complex: {} ({})\n",
                    sc.join(", "),
                    ch.map_or_else(|| "character undetermined".to_owned(), |c| c.to_string())
                );
            }
        }
        for p in &self.proto_complexes {
            s += &format!(
                "proto-complex {}: {}\n",
                p.members.join(", "),
                p.qualification.reasons.join("; ")
            );
        }
        for i in &self.insulators {
            s += &format!(
                "insulator {}: participation {:.2}, at most {:.0} % with one complex, total {:.2}; touches {}\n",
                i.unit,
                i.participation,
                i.max_share * 100.0,
                i.strength,
                i.touches
                    .iter()
                    .map(|(u, w)| format!("{u} {:.0} %", w * 100.0))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        for (u, c) in &self.set_apart {
            s += &format!(
                "set apart: {u} ({}) — placed in no complex\n",
                class_name(*c)
            );
        }
        for gp in &self.global_powers {
            s += &format!(
                "global power {}: member of {}; penetrates {}\n",
                gp.unit,
                gp.home.as_deref().unwrap_or("no complex"),
                List(&gp.penetrates)
            );
        }
        for sc in &self.supercomplexes {
            s += &format!(
                "supercomplex: {} tied together through great powers\n",
                sc.join(" + ")
            );
        }
        s
    }
}

fn class_name(c: PowerClass) -> &'static str {
    match c {
        PowerClass::Superpower => "superpower",
        PowerClass::GreatPower => "great power",
        PowerClass::RegionalPower => "regional power",
        _ => "no power class",
    }
}

fn type_name(t: &ComplexType) -> String {
    match t {
        ComplexType::Standard { polarity } => format!("standard, {polarity}"),
        ComplexType::Centred { centre } => match centre {
            CentredOn::Superpower(u) => format!("centred on the superpower {u}"),
            CentredOn::GreatPower(u) => format!("centred on the great power {u}"),
            CentredOn::Institution(u) => format!("centred, integrated by {u}"),
        },
        ComplexType::GreatPower { .. } => "great-power complex".to_owned(),
        ComplexType::Undetermined => "undetermined".to_owned(),
    }
}

impl Display for BoundaryReport {
    /// The year, one line per complex (name, type, character, members), then the
    /// insulators, the units set apart, the proto-complexes and the unstructured units.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} complex(es), modularity {:.3}",
            self.year,
            self.complexes.len(),
            self.modularity
        )?;
        for c in &self.complexes {
            writeln!(
                f,
                "  {} [{}{}]: {}",
                c.name,
                type_name(&c.complex_type),
                c.character.map_or(String::new(), |ch| format!(", {ch}")),
                c.members.join(" ")
            )?;
        }
        if !self.insulators.is_empty() {
            writeln!(
                f,
                "  insulators: {}",
                self.insulators
                    .iter()
                    .map(|i| i.unit.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            )?;
        }
        if !self.set_apart.is_empty() {
            writeln!(
                f,
                "  set apart: {}",
                self.set_apart
                    .iter()
                    .map(|s| s.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            )?;
        }
        for p in &self.proto_complexes {
            writeln!(f, "  proto-complex: {}", p.members.join(" "))?;
        }
        if !self.unstructured.is_empty() {
            writeln!(f, "  unstructured: {}", self.unstructured.join(" "))?;
        }
        Ok(())
    }
}

impl Display for Flip {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} left its {} co-members in {} and was back with them in {}",
            self.unit,
            self.from,
            self.from + 1,
            self.back
        )?;
        const STAYED: &str =
            "it stayed in the complex that kept more of them than any other, the rest left";
        let stayed = if self.stayed {
            format!("; {STAYED}")
        } else {
            String::new()
        };
        match (self.tie_change, &self.main_partner) {
            (Some(c), Some((p, pc))) => write!(
                f,
                " (its ties changed by {:.0} %; those of {p}, its main partner, by {:.0} %{stayed})",
                100.0 * c,
                100.0 * pc
            ),
            (Some(c), None) => write!(f, " (its ties changed by {:.0} %{stayed})", 100.0 * c),
            _ if self.stayed => write!(f, " ({STAYED})"),
            _ => Ok(()),
        }
    }
}
