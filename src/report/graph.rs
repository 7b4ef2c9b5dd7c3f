//! Drawings of a security graph: SVG with units grouped, and Graphviz DOT.

use super::{PALETTE, xml_escape};
use crate::graph::SecurityGraph;
use crate::sign::{Sign, SignedWeight};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How to draw a [`SecurityGraph`]: groups of units (e.g. sub-complexes), outside powers set
/// apart, and a title. A builder.
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct Drawing {
    title: String,
    groups: Vec<(String, Vec<String>)>,
    outside: Vec<String>,
    hide_isolated: bool,
}

impl Drawing {
    /// A drawing with a title.
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            ..Self::default()
        }
    }
    /// Adds a labelled group of units, drawn together on a circle.
    pub fn group(mut self, label: &str, units: &[String]) -> Self {
        self.groups.push((label.to_owned(), units.to_vec()));
        self
    }
    /// Units drawn apart, in a column on the right (outside powers).
    pub fn outside(mut self, units: &[String]) -> Self {
        self.outside = units.to_vec();
        self
    }
    /// Leaves out units with no tie.
    pub fn hide_isolated(mut self) -> Self {
        self.hide_isolated = true;
        self
    }

    /// Positions: each group's units on a circle of its own, the circles in rows from left
    /// to right; other units in rows at the bottom; outside powers in a column at the right.
    fn layout(&self, g: &SecurityGraph) -> (BTreeMap<String, (f64, f64, usize)>, f64, f64) {
        const AREA: f64 = 760.0;
        let mut pos: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
        let (mut cursor, mut row_top, mut row_height) = (40.0, 90.0, 0.0f64);
        for (gi, (_, units)) in self.groups.iter().enumerate() {
            let units: Vec<&String> = units
                .iter()
                .filter(|u| g.node(u).is_some() && !pos.contains_key(*u))
                .collect();
            let n = units.len().max(1) as f64;
            let r = if units.len() <= 1 {
                0.0
            } else {
                (85.0 * n / std::f64::consts::TAU).max(50.0)
            };
            if cursor + 2.0 * r > AREA && cursor > 40.0 {
                cursor = 40.0;
                row_top += row_height + 70.0;
                row_height = 0.0;
            }
            let (gx, gy) = (cursor + r + 10.0, row_top + r + 20.0);
            for (ui, u) in units.iter().enumerate() {
                let a = std::f64::consts::TAU * ui as f64 / n - std::f64::consts::FRAC_PI_2;
                pos.insert((*u).clone(), (gx + r * a.cos(), gy + r * a.sin(), gi + 1));
            }
            cursor += 2.0 * r + 90.0;
            row_height = row_height.max(2.0 * r + 20.0);
        }
        let mut bottom = row_top + row_height + 70.0;
        for (i, u) in self.outside.iter().enumerate() {
            if g.node(u).is_some() && !pos.contains_key(u) {
                pos.insert(u.clone(), (AREA + 150.0, 100.0 + 60.0 * i as f64, 0));
            }
        }
        let rest: Vec<&str> = g
            .units()
            .map(|u| u.id())
            .filter(|u| !pos.contains_key(*u))
            .filter(|u| {
                !self.hide_isolated
                    || g.node(u)
                        .is_some_and(|n| g.graph().neighbors(n).next().is_some())
            })
            .collect();
        for (i, u) in rest.iter().enumerate() {
            let row = i / 12;
            pos.insert(
                (*u).to_owned(),
                (
                    50.0 + 62.0 * (i % 12) as f64,
                    bottom + 50.0 * row as f64,
                    usize::MAX,
                ),
            );
        }
        if !rest.is_empty() {
            bottom += 50.0 * (rest.len().div_ceil(12)) as f64;
        }
        let height = bottom.max(140.0 + 60.0 * self.outside.len() as f64) + 20.0;
        (pos, AREA + 240.0, height)
    }

    /// The drawing as SVG: amity solid (green-grey), enmity dashed red, line width by the
    /// tie's |net weight|, ties with no net sign dotted grey; groups labelled and coloured;
    /// outside powers in a column at the right.
    #[must_use]
    pub fn to_svg(&self, g: &SecurityGraph) -> String {
        let (pos, w, h) = self.layout(g);
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="sans-serif" font-size="11">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            s,
            r#"<text x="20" y="28" font-size="16" font-weight="bold">{}</text>"#,
            xml_escape(&self.title)
        );
        let _ = writeln!(
            s,
            r##"<text x="20" y="48" fill="#555">amity: solid green; enmity: dashed red; width: |net weight|; grey: in no group; right column: outside powers</text>"##
        );
        for (a, b, t) in g.ties() {
            let (Some(p), Some(q)) = (pos.get(a.id()), pos.get(b.id())) else {
                continue;
            };
            let width = 0.8 + 1.6 * t.net().abs().min(3.0);
            let style = match SignedWeight::sign(t) {
                Some(Sign::Amity) => {
                    format!(r##"stroke="#4a7a4a" stroke-width="{width:.1}" stroke-opacity="0.7""##)
                }
                Some(Sign::Enmity) => format!(
                    r##"stroke="#d62728" stroke-width="{width:.1}" stroke-dasharray="6,4" stroke-opacity="0.8""##
                ),
                None => r##"stroke="#999" stroke-width="1" stroke-dasharray="2,3""##.to_owned(),
            };
            let _ = writeln!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" {style}><title>{}–{} net {:+.2}, interdependence {:.2}</title></line>"#,
                p.0,
                p.1,
                q.0,
                q.1,
                a.id(),
                b.id(),
                t.net(),
                t.interdependence()
            );
        }
        for (gi, (label, units)) in self.groups.iter().enumerate() {
            let placed: Vec<&(f64, f64, usize)> = units.iter().filter_map(|u| pos.get(u)).collect();
            if placed.is_empty() {
                continue;
            }
            let mx: f64 = placed.iter().map(|p| p.0).sum();
            let mx = mx / placed.len() as f64;
            let top = placed.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let _ = writeln!(
                s,
                r#"<text x="{mx:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="{}">{}</text>"#,
                top - 22.0,
                PALETTE[gi % PALETTE.len()],
                xml_escape(label)
            );
        }
        for (u, (x, y, group)) in &pos {
            let fill = match *group {
                0 => "#333",
                usize::MAX => "#bbb",
                k => PALETTE[(k - 1) % PALETTE.len()],
            };
            let _ = writeln!(
                s,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="9" fill="{fill}" stroke="white" stroke-width="1.5"/>"#
            );
            let _ = writeln!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                y + 21.0,
                xml_escape(u)
            );
        }
        s.push_str("</svg>\n");
        s
    }

    /// The drawing as Graphviz DOT: groups as clusters, outside powers as boxes, amity
    /// solid, enmity dashed red, `penwidth` by |net weight|.
    #[must_use]
    pub fn to_dot(&self, g: &SecurityGraph) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let mut s = String::new();
        let _ = writeln!(s, "graph {} {{", q(&self.title));
        let _ = writeln!(
            s,
            "  label={}; labelloc=t; node [shape=circle, fontsize=10];",
            q(&self.title)
        );
        let mut placed: Vec<&str> = Vec::new();
        for (i, (label, units)) in self.groups.iter().enumerate() {
            let _ = writeln!(
                s,
                "  subgraph cluster_{i} {{ label={}; color={};",
                q(label),
                q(PALETTE[i % PALETTE.len()])
            );
            for u in units {
                if g.node(u).is_some() && !placed.contains(&u.as_str()) {
                    let _ = writeln!(s, "    {};", q(u));
                    placed.push(u);
                }
            }
            s.push_str("  }\n");
        }
        for u in &self.outside {
            if g.node(u).is_some() && !placed.contains(&u.as_str()) {
                let _ = writeln!(s, "  {} [shape=box];", q(u));
                placed.push(u);
            }
        }
        for u in g.units() {
            if !placed.contains(&u.id()) {
                let _ = writeln!(s, "  {} [color=gray];", q(u.id()));
            }
        }
        for (a, b, t) in g.ties() {
            let pen = 0.5 + t.net().abs().min(3.0);
            let style = match SignedWeight::sign(t) {
                Some(Sign::Amity) => "color=darkgreen",
                Some(Sign::Enmity) => "color=red, style=dashed",
                None => "color=gray, style=dotted",
            };
            let _ = writeln!(
                s,
                "  {} -- {} [{style}, penwidth={pen:.2}, tooltip=\"net {:+.2}\"];",
                q(a.id()),
                q(b.id()),
                t.net()
            );
        }
        s.push_str("}\n");
        s
    }
}
