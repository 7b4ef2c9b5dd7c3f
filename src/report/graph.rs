//! Drawings of a security graph: SVG (geographic or force-directed, with a legend) and
//! Graphviz DOT.

use super::geo::Coordinates;
use super::labels::Labeller;
use super::layout::{self, EDGE_CLEARANCE, Layout, NODE_RADIUS, Point, Route, route_points};
use super::palette::{self, FONT, Rect, text_width};
use super::xml_escape;
use crate::boundary::BoundaryReport;
use crate::graph::{SecurityGraph, Tie};
use crate::sign::{Sign, SignedWeight};
use std::fmt::Write;

/// Errors of the pictures.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DrawingError {
    /// The shipped capitals file is malformed.
    #[error("{file}, line {line}: {reason}")]
    Capitals {
        /// The file.
        file: &'static str,
        /// The line (1-based).
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// Coordinates out of range.
    #[error("coordinates of {unit} out of range: latitude {lat}, longitude {lon}")]
    Coordinates {
        /// The unit.
        unit: String,
        /// The latitude given.
        lat: f64,
        /// The longitude given.
        lon: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupKind {
    Complex,
    Proto,
}

#[derive(Debug, Clone, PartialEq)]
struct Group {
    label: String,
    units: Vec<String>,
    kind: GroupKind,
}

/// What a unit is in the picture; each has its own marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Outside,
    Buffer,
    Insulator,
    Member,
    Proto,
    Unplaced,
}

impl Role {
    fn legend(self) -> &'static str {
        match self {
            Role::Outside => "outside power",
            Role::Buffer => "buffer state",
            Role::Insulator => "insulator",
            Role::Member => "complex member",
            Role::Proto => "proto-complex member",
            Role::Unplaced => "in no complex",
        }
    }
}

/// How to draw a [`SecurityGraph`]: groups of units (complexes, sub-complexes), the roles of
/// units (outside powers, insulators, buffer states, proto-complexes), the layout and the
/// labels. A builder; [`Drawing::boundaries`] takes everything from a boundary report.
///
/// The SVG places units by their capitals ([`Layout::Geographic`], the default) or by forces
/// ([`Layout::Force`]); no tie is drawn through a unit it does not join, no two labels
/// overlap, and a legend explains colours, dashes, widths and markers. Colours are
/// colour-blind safe (Okabe–Ito), and amity and enmity differ in dashes as well as colour.
///
/// ```
/// use rsct::report::{Drawing, Layout};
/// let ds = rsct::datasets::post_soviet()?;
/// let g = ds.snapshot(1995, &rsct::DerivationRules::new())?;
/// let svg = Drawing::new("Caucasus, 1995")
///     .group("South Caucasus", ["ARM", "AZE", "GEO", "NKR", "ABK", "SOS"])
///     .outside(["USA"])
///     .full_names()
///     .hide_isolated()
///     .to_svg(&g)?;
/// assert!(svg.contains("Nagorno-Karabakh") && svg.contains("enmity"));
/// let force = Drawing::new("the same by forces").layout(Layout::Force).to_svg(&g)?;
/// assert!(force.starts_with("<svg"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct Drawing {
    title: String,
    groups: Vec<Group>,
    outside: Vec<String>,
    insulators: Vec<String>,
    buffers: Vec<String>,
    hide_isolated: bool,
    full_names: bool,
    layout: Layout,
    coordinates: Option<Coordinates>,
}

/// A legend entry's label, 42 px right of its symbol at `lx`, baseline `y`; returns the
/// width the entry takes.
fn legend_label(legend: &mut String, lx: f64, y: f64, t: &str) -> f64 {
    let _ = writeln!(
        legend,
        r#"<text x="{:.1}" y="{y:.1}">{}</text>"#,
        lx + 42.0,
        xml_escape(t)
    );
    42.0 + text_width(t, FONT, false)
}

fn names<S: AsRef<str>>(units: impl IntoIterator<Item = S>) -> Vec<String> {
    units.into_iter().map(|u| u.as_ref().to_owned()).collect()
}

/// Font sizes (body text: [`palette::FONT`]).
const TITLE_FONT: f64 = 17.0;
const HEAD_FONT: f64 = 12.0;
const NOTE_FONT: f64 = 10.0;
const MARGIN: f64 = 24.0;
/// Top of the drawing area (below the title).
const TOP: f64 = 58.0;

impl Drawing {
    /// A drawing with a title.
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            ..Self::default()
        }
    }
    /// Adds a labelled group of units (a complex or sub-complex), drawn in a colour of its
    /// own. A unit already in an earlier group stays there.
    pub fn group<S: AsRef<str>>(mut self, label: &str, units: impl IntoIterator<Item = S>) -> Self {
        self.groups.push(Group {
            label: label.to_owned(),
            units: names(units),
            kind: GroupKind::Complex,
        });
        self
    }
    /// Adds a proto-complex: its members are drawn hollow with a dashed outline.
    pub fn proto_complex<S: AsRef<str>>(
        mut self,
        label: &str,
        units: impl IntoIterator<Item = S>,
    ) -> Self {
        self.groups.push(Group {
            label: label.to_owned(),
            units: names(units),
            kind: GroupKind::Proto,
        });
        self
    }
    /// Marks units as outside powers (black triangles; in a geographic layout pulled in to
    /// the map's margin when far away).
    pub fn outside<S: AsRef<str>>(mut self, units: impl IntoIterator<Item = S>) -> Self {
        self.outside.extend(names(units));
        self
    }
    /// Marks units as insulators (squares).
    pub fn insulators<S: AsRef<str>>(mut self, units: impl IntoIterator<Item = S>) -> Self {
        self.insulators.extend(names(units));
        self
    }
    /// Marks units as buffer states (diamonds in their complex's colour).
    pub fn buffers<S: AsRef<str>>(mut self, units: impl IntoIterator<Item = S>) -> Self {
        self.buffers.extend(names(units));
        self
    }
    /// Everything a boundary report says: each complex as a group (after the groups already
    /// added), its buffer states, the proto-complexes, the insulators and the units set apart
    /// as outside powers.
    pub fn boundaries(mut self, report: &BoundaryReport) -> Self {
        for c in &report.complexes {
            self = self.group(&c.name, &c.members);
            self = self.buffers(c.buffers.iter().map(|b| b.unit.as_str()));
        }
        for p in &report.proto_complexes {
            let label = if p.members.len() <= 3 {
                format!("proto-complex {}", p.members.join("–"))
            } else {
                format!("proto-complex around {}", p.members[0])
            };
            self = self.proto_complex(&label, &p.members);
        }
        self = self.insulators(report.insulators.iter().map(|i| i.unit.as_str()));
        self.outside(report.set_apart.iter().map(|s| s.0.as_str()))
    }
    /// Leaves out units with no tie.
    pub fn hide_isolated(mut self) -> Self {
        self.hide_isolated = true;
        self
    }
    /// Labels units by their full names instead of their identifiers.
    pub fn full_names(mut self) -> Self {
        self.full_names = true;
        self
    }
    crate::internal::setters! {
        /// The layout ([`Layout::Geographic`] by default).
        layout(layout: Layout);
        /// Coordinates for the geographic layout (by default the shipped capitals of the units'
        /// COW codes, [`Coordinates::capitals`]). A geographic layout with no coordinates for any
        /// unit falls back to the force layout.
        coordinates(coordinates: Coordinates) => Some(coordinates);
    }
    /// The title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The layout chosen.
    #[must_use]
    pub fn layout_kind(&self) -> Layout {
        self.layout
    }

    fn group_of(&self, unit: &str) -> Option<usize> {
        self.groups
            .iter()
            .position(|gr| gr.units.iter().any(|u| u == unit))
    }

    fn role(&self, unit: &str) -> Role {
        let has = |v: &[String]| v.iter().any(|u| u == unit);
        if has(&self.outside) {
            Role::Outside
        } else if has(&self.buffers) {
            Role::Buffer
        } else if has(&self.insulators) {
            Role::Insulator
        } else {
            match self.group_of(unit).map(|k| self.groups[k].kind) {
                Some(GroupKind::Complex) => Role::Member,
                Some(GroupKind::Proto) => Role::Proto,
                None => Role::Unplaced,
            }
        }
    }

    /// Colour of each complex group (in order; proto-complexes have none). Only the groups
    /// with a unit in the picture (`shown`: the group of each unit drawn) take a colour, so
    /// that a picture of one region of a world report does not repeat a colour for two of
    /// its complexes while groups drawn elsewhere use up the palette.
    fn group_colours(&self, shown: &[Option<usize>]) -> Vec<Option<&'static str>> {
        let mut k = 0;
        self.groups
            .iter()
            .enumerate()
            .map(|(i, gr)| match gr.kind {
                GroupKind::Complex if shown.contains(&Some(i)) => {
                    k += 1;
                    Some(palette::GROUPS[(k - 1) % palette::GROUPS.len()])
                }
                GroupKind::Complex | GroupKind::Proto => None,
            })
            .collect()
    }

    /// The drawing as SVG (deterministic text; see the type's documentation).
    ///
    /// # Errors
    /// [`DrawingError::Capitals`] if the shipped capitals cannot be read (geographic layout
    /// without [`Drawing::coordinates`]).
    pub fn to_svg(&self, g: &SecurityGraph) -> Result<String, DrawingError> {
        let scene = self.scene(g)?;
        Ok(scene.svg(self))
    }

    fn scene<'g>(&self, g: &'g SecurityGraph) -> Result<Scene<'g>, DrawingError> {
        let units: Vec<&crate::unit::Unit> = g
            .units()
            .filter(|u| {
                !self.hide_isolated
                    || g.node(u.id())
                        .is_some_and(|n| g.graph().neighbors(n).next().is_some())
            })
            .collect();
        let index = |id: &str| units.iter().position(|u| u.id() == id);
        let ties: Vec<(usize, usize, &Tie)> = g
            .ties()
            .filter_map(|(a, b, t)| Some((index(a.id())?, index(b.id())?, t)))
            .collect();
        let pairs: Vec<(usize, usize)> = ties.iter().map(|&(a, b, _)| (a, b)).collect();
        let mut neighbours = vec![Vec::new(); units.len()];
        for &(a, b) in &pairs {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
        let roles: Vec<Role> = units.iter().map(|u| self.role(u.id())).collect();
        let groups: Vec<Option<usize>> = units.iter().map(|u| self.group_of(u.id())).collect();
        let geographic = match self.layout {
            Layout::Geographic => {
                let coords = match &self.coordinates {
                    Some(c) => c.clone(),
                    None => Coordinates::capitals(g)?,
                };
                let c: Vec<Option<(f64, f64)>> = units.iter().map(|u| coords.get(u.id())).collect();
                let peripheral: Vec<bool> = roles.iter().map(|r| *r == Role::Outside).collect();
                layout::geographic(&c, &peripheral, &neighbours)
            }
            Layout::Force => None,
        };
        let placed_by = match (&geographic, &self.coordinates) {
            (Some(_), None) => "Units at their capitals (GeoNames, CC BY 4.0).",
            (Some(_), Some(_)) => "Units at the coordinates given.",
            (None, _) => "Units placed by a force-directed layout.",
        };
        let mut pos = geographic.unwrap_or_else(|| {
            let by_group: Vec<Option<usize>> = groups
                .iter()
                .zip(&roles)
                .map(|(gr, r)| if *r == Role::Outside { None } else { *gr })
                .collect();
            layout::force(units.len(), &pairs, &by_group)
        });
        let routes = layout::legible(&mut pos, &pairs);
        Ok(Scene {
            units,
            ties,
            roles,
            groups,
            pos,
            routes,
            placed_by,
        })
    }

    /// The drawing as Graphviz DOT: groups as clusters in their colours, proto-complexes
    /// dashed, outside powers as triangles, insulators as boxes, buffer states as diamonds;
    /// amity solid blue, enmity dashed vermilion, `penwidth` by |net weight|.
    #[must_use]
    pub fn to_dot(&self, g: &SecurityGraph) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let shown: Vec<Option<usize>> = g.units().map(|u| self.group_of(u.id())).collect();
        let colours = self.group_colours(&shown);
        let label = |u: &crate::unit::Unit| {
            if self.full_names {
                short_name(u.name()).to_owned()
            } else {
                u.id().to_owned()
            }
        };
        let attrs = |u: &crate::unit::Unit| {
            let shape = match self.role(u.id()) {
                Role::Outside => "triangle",
                Role::Buffer => "diamond",
                Role::Insulator => "box",
                _ => "circle",
            };
            format!("[shape={shape}, label={}]", q(&label(u)))
        };
        let mut s = String::new();
        let _ = writeln!(s, "graph {} {{", q(&self.title));
        let _ = writeln!(
            s,
            "  label={}; labelloc=t; node [fontsize=10, style=filled, fillcolor=\"#E0E0E0\"];",
            q(&self.title)
        );
        let mut placed: Vec<&str> = Vec::new();
        for (i, gr) in self.groups.iter().enumerate() {
            let (colour, style) = match colours[i] {
                Some(c) => (c, "solid"),
                None => ("#555555", "dashed"),
            };
            let _ = writeln!(
                s,
                "  subgraph cluster_{i} {{ label={}; color={}; style={style}; node [fillcolor={}];",
                q(&gr.label),
                q(colour),
                q(if colours[i].is_some() {
                    colour
                } else {
                    "white"
                })
            );
            for u in g.units() {
                if gr.units.iter().any(|x| x == u.id()) && !placed.contains(&u.id()) {
                    let _ = writeln!(s, "    {} {};", q(u.id()), attrs(u));
                    placed.push(u.id());
                }
            }
            s.push_str("  }\n");
        }
        for u in g.units() {
            if !placed.contains(&u.id()) {
                let _ = writeln!(s, "  {} {};", q(u.id()), attrs(u));
            }
        }
        for (a, b, t) in g.ties() {
            let pen = 0.5 + t.net().abs().min(3.0);
            let style = match SignedWeight::sign(t) {
                Some(Sign::Amity) => format!("color=\"{}\"", palette::AMITY),
                Some(Sign::Enmity) => format!("color=\"{}\", style=dashed", palette::ENMITY),
                None => format!("color=\"{}\", style=dotted", palette::NEUTRAL),
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

/// A unit's name without a trailing parenthetical gloss ("Transnistria (Pridnestrovian
/// Moldavian Republic)" → "Transnistria"); tooltips keep the whole name.
fn short_name(name: &str) -> &str {
    match name.find(" (") {
        Some(i) if i > 0 && name.ends_with(')') => &name[..i],
        _ => name,
    }
}

/// Line width of a tie of net weight `net`.
fn tie_width(net: f64) -> f64 {
    0.8 + 1.6 * net.abs().min(3.0)
}

fn tie_style(sign: Option<Sign>, width: f64) -> String {
    match sign {
        Some(Sign::Amity) => format!(
            r#"stroke="{}" stroke-width="{width:.1}" stroke-opacity="0.8""#,
            palette::AMITY
        ),
        Some(Sign::Enmity) => format!(
            r#"stroke="{}" stroke-width="{width:.1}" stroke-dasharray="{}" stroke-opacity="0.9""#,
            palette::ENMITY,
            palette::ENMITY_DASH
        ),
        None => format!(
            r#"stroke="{}" stroke-width="1" stroke-dasharray="{}""#,
            palette::NEUTRAL,
            palette::NEUTRAL_DASH
        ),
    }
}

/// A unit's marker centred at (x, y).
fn marker(role: Role, fill: Option<&str>, x: f64, y: f64) -> String {
    let r = NODE_RADIUS;
    match role {
        Role::Outside => format!(
            r##"<path d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="#000000" stroke="white" stroke-width="1.5"/>"##,
            y - r - 1.0,
            x + r + 1.0,
            y + r * 0.75,
            x - r - 1.0,
            y + r * 0.75
        ),
        Role::Buffer => format!(
            r##"<path d="M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z" fill="{}" stroke="#222222" stroke-width="1.5"/>"##,
            y - r - 1.5,
            x + r + 1.5,
            y + r + 1.5,
            x - r - 1.5,
            fill.unwrap_or("#BBBBBB")
        ),
        Role::Insulator => format!(
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#222222" stroke-width="1.5"/>"##,
            x - r * 0.85,
            y - r * 0.85,
            r * 1.7,
            r * 1.7,
            fill.unwrap_or("#BBBBBB")
        ),
        Role::Member => format!(
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{}" stroke="#222222" stroke-width="1"/>"##,
            fill.unwrap_or("#BBBBBB")
        ),
        Role::Proto => format!(
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="white" stroke="#333333" stroke-width="2" stroke-dasharray="3,2"/>"##,
            r - 1.0
        ),
        Role::Unplaced => format!(
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="#E0E0E0" stroke="#888888" stroke-width="1"/>"##,
            r - 2.0
        ),
    }
}

/// A laid-out drawing.
struct Scene<'g> {
    units: Vec<&'g crate::unit::Unit>,
    ties: Vec<(usize, usize, &'g Tie)>,
    roles: Vec<Role>,
    groups: Vec<Option<usize>>,
    pos: Vec<Point>,
    routes: Vec<Route>,
    /// Where the positions come from, for a note under the legend.
    placed_by: &'static str,
}

/// One row of the legend.
enum Entry {
    Head(&'static str),
    Line(Option<Sign>, f64, String),
    Marker(Role, Option<&'static str>, String),
}

impl Scene<'_> {
    fn legend(&self, d: &Drawing) -> Vec<Entry> {
        let mut e = vec![Entry::Head("Ties")];
        let signs: Vec<Option<Sign>> = self.ties.iter().map(|t| SignedWeight::sign(t.2)).collect();
        e.push(Entry::Line(Some(Sign::Amity), 2.4, "amity (solid)".into()));
        e.push(Entry::Line(
            Some(Sign::Enmity),
            2.4,
            "enmity (dashed)".into(),
        ));
        if signs.contains(&None) {
            e.push(Entry::Line(None, 1.0, "no net sign (dotted)".into()));
        }
        e.push(Entry::Head("Width: |net weight|"));
        for (w, l) in [(0.5, "0.5"), (1.0, "1"), (2.0, "2"), (3.0, "3 or more")] {
            e.push(Entry::Line(Some(Sign::Amity), tie_width(w), l.into()));
        }
        e.push(Entry::Head("Units"));
        let colours = d.group_colours(&self.groups);
        for (k, gr) in d.groups.iter().enumerate() {
            let shown = self
                .groups
                .iter()
                .zip(&self.roles)
                .any(|(g, r)| *g == Some(k) && *r != Role::Outside);
            if !shown {
                continue;
            }
            match gr.kind {
                GroupKind::Complex => {
                    e.push(Entry::Marker(Role::Member, colours[k], gr.label.clone()))
                }
                GroupKind::Proto => e.push(Entry::Marker(Role::Proto, None, gr.label.clone())),
            }
        }
        for role in [Role::Buffer, Role::Insulator, Role::Outside, Role::Unplaced] {
            if self.roles.contains(&role) {
                e.push(Entry::Marker(role, None, role.legend().into()));
            }
        }
        e
    }

    fn label(&self, d: &Drawing, i: usize) -> String {
        if d.full_names {
            short_name(self.units[i].name()).to_owned()
        } else {
            self.units[i].id().to_owned()
        }
    }

    fn svg(&self, d: &Drawing) -> String {
        let colours = d.group_colours(&self.groups);
        let fill = |i: usize| self.groups[i].and_then(|k| colours[k]);
        // Paths of the ties, and labels placed round the units.
        let paths: Vec<Vec<Point>> = self
            .ties
            .iter()
            .zip(&self.routes)
            .map(|(&(a, b, _), &r)| route_points(self.pos[a], self.pos[b], r, 24))
            .collect();
        let segments: Vec<(Point, Point)> = paths
            .iter()
            .flat_map(|p| p.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
            .collect();
        let discs: Vec<(Point, f64)> = self.pos.iter().map(|&p| (p, NODE_RADIUS + 1.0)).collect();
        let mut labeller = Labeller::new(discs, segments);
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        let crowd = |i: usize| {
            self.pos
                .iter()
                .filter(|p| (p.0 - self.pos[i].0).hypot(p.1 - self.pos[i].1) < 90.0)
                .count()
        };
        order.sort_by_key(|&i| (std::cmp::Reverse(crowd(i)), i));
        let mut labels: Vec<(usize, Rect, usize)> = Vec::new();
        for i in order {
            let text = self.label(d, i);
            let (w, h) = (text_width(&text, FONT, false) + 2.0, 1.2 * FONT);
            let (rect, ring) = labeller.place(self.pos[i], NODE_RADIUS, w, h);
            labels.push((i, rect, ring));
        }
        labels.sort_by_key(|l| l.0);
        // The content's box, moved to the drawing area.
        let mut bbox = Rect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        };
        for p in &self.pos {
            bbox = bbox.union(&Rect {
                x0: p.0 - EDGE_CLEARANCE,
                y0: p.1 - EDGE_CLEARANCE,
                x1: p.0 + EDGE_CLEARANCE,
                y1: p.1 + EDGE_CLEARANCE,
            });
        }
        for p in paths.iter().flatten() {
            bbox = bbox.union(&Rect {
                x0: p.0 - 3.0,
                y0: p.1 - 3.0,
                x1: p.0 + 3.0,
                y1: p.1 + 3.0,
            });
        }
        for (_, r, _) in &labels {
            bbox = bbox.union(r);
        }
        if !bbox.x0.is_finite() {
            bbox = Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 200.0,
                y1: 100.0,
            };
        }
        let (ox, oy) = (MARGIN - bbox.x0, TOP - bbox.y0);
        let at = |p: Point| (p.0 + ox, p.1 + oy);
        // Legend at the right of the content.
        let entries = self.legend(d);
        let lx = bbox.x1 + ox + 36.0;
        let mut ly = TOP + 4.0;
        let mut legend = String::new();
        let mut lw: f64 = 0.0;
        for e in &entries {
            match e {
                Entry::Head(t) => {
                    ly += 8.0;
                    let _ = writeln!(
                        legend,
                        r#"<text x="{lx:.1}" y="{:.1}" font-size="{HEAD_FONT}" font-weight="bold">{}</text>"#,
                        ly + 10.0,
                        xml_escape(t)
                    );
                    lw = lw.max(text_width(t, HEAD_FONT, true));
                    ly += 18.0;
                }
                Entry::Line(sign, w, t) => {
                    let _ = writeln!(
                        legend,
                        r#"<line x1="{lx:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" {}/>"#,
                        ly + 7.0,
                        lx + 34.0,
                        ly + 7.0,
                        tie_style(*sign, *w)
                    );
                    lw = lw.max(legend_label(&mut legend, lx, ly + 11.0, t));
                    ly += 20.0;
                }
                Entry::Marker(role, fill, t) => {
                    legend.push_str(&marker(*role, *fill, lx + 17.0, ly + 8.0));
                    legend.push('\n');
                    lw = lw.max(legend_label(&mut legend, lx, ly + 12.0, t));
                    ly += 24.0;
                }
            }
        }
        ly += 10.0;
        let _ = writeln!(
            legend,
            r##"<text x="{lx:.1}" y="{:.1}" font-size="{NOTE_FONT}" fill="#555555">{}</text>"##,
            ly + 10.0,
            xml_escape(self.placed_by)
        );
        lw = lw.max(text_width(self.placed_by, NOTE_FONT, false));
        ly += 16.0;
        let title_w = text_width(&d.title, TITLE_FONT, true);
        let w = (lx + lw + MARGIN).max(MARGIN + title_w + MARGIN).ceil();
        let h = (bbox.y1 + oy).max(ly).ceil() + MARGIN;

        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif" font-size="{FONT}">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            s,
            r#"<text x="{MARGIN}" y="32" font-size="{TITLE_FONT}" font-weight="bold">{}</text>"#,
            xml_escape(&d.title)
        );
        s.push_str("<g class=\"ties\">\n");
        // Amity under enmity, wide under narrow, so that no dashed line is hidden.
        let mut drawn: Vec<usize> = (0..self.ties.len()).collect();
        drawn.sort_by(|&i, &j| {
            let key = |k: usize| {
                let t = self.ties[k].2;
                (SignedWeight::sign(t) == Some(Sign::Enmity), -t.net().abs())
            };
            let (a, b) = (key(i), key(j));
            a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(i.cmp(&j))
        });
        for k in drawn {
            let ((a, b, t), r) = (self.ties[k], self.routes[k]);
            let (p, q) = (at(self.pos[a]), at(self.pos[b]));
            let style = tie_style(SignedWeight::sign(t), tie_width(t.net()));
            let tip = format!(
                "{}–{}: net {:+.2}, interdependence {:.2}",
                self.units[a].name(),
                self.units[b].name(),
                t.net(),
                t.interdependence()
            );
            match r {
                Route::Straight => {
                    let _ = writeln!(
                        s,
                        r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" {style}><title>{}</title></line>"#,
                        p.0,
                        p.1,
                        q.0,
                        q.1,
                        xml_escape(&tip)
                    );
                }
                Route::Curve(c) => {
                    let c = at(c);
                    let _ = writeln!(
                        s,
                        r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" fill="none" {style}><title>{}</title></path>"#,
                        p.0,
                        p.1,
                        c.0,
                        c.1,
                        q.0,
                        q.1,
                        xml_escape(&tip)
                    );
                }
            }
        }
        s.push_str("</g>\n<g class=\"units\">\n");
        for i in 0..self.units.len() {
            let (x, y) = at(self.pos[i]);
            let role = match (self.roles[i], self.groups[i]) {
                (Role::Member | Role::Buffer | Role::Proto, Some(k)) => {
                    format!("{}, {}", self.roles[i].legend(), d.groups[k].label)
                }
                (r, _) => r.legend().to_owned(),
            };
            let _ = writeln!(
                s,
                r#"<g class="unit" data-x="{x:.1}" data-y="{y:.1}"><title>{} ({})</title>{}</g>"#,
                xml_escape(self.units[i].name()),
                xml_escape(&role),
                marker(self.roles[i], fill(i), x, y)
            );
        }
        s.push_str("</g>\n<g class=\"labels\">\n");
        for (i, r, ring) in &labels {
            let (x0, y0) = at((r.x0, r.y0));
            let (x1, _) = at((r.x1, r.y1));
            if *ring >= 2 {
                let p = at(self.pos[*i]);
                let cx = p.0.clamp(x0, x1);
                let cy = p.1.clamp(y0, y0 + 1.2 * FONT);
                let _ = writeln!(
                    s,
                    r##"<line x1="{:.1}" y1="{:.1}" x2="{cx:.1}" y2="{cy:.1}" stroke="#666666" stroke-width="0.6"/>"##,
                    p.0, p.1
                );
            }
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" stroke="white" stroke-width="3" paint-order="stroke">{}</text>"#,
                (x0 + x1) / 2.0,
                y0 + 0.92 * FONT,
                xml_escape(&self.label(d, *i))
            );
        }
        s.push_str("</g>\n<g class=\"legend\">\n");
        s.push_str(&legend);
        s.push_str("</g>\n</svg>\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, DerivationRules, Evidence, Period, Relation, Sector, Unit};

    fn graph() -> SecurityGraph {
        let rel = |a: &str, b: &str, sign| {
            Relation::builder(a, b, sign, Period::from_year(2000))
                .intensity(0.8)
                .sector(Sector::Military)
                .evidence(Evidence::cited("x", "test").unwrap())
                .build()
                .unwrap()
        };
        Dataset::builder()
            .unit(Unit::state("A", "Alpha (the first)").unwrap())
            .unit(Unit::state("B", "Beta").unwrap())
            .unit(Unit::state("C", "Gamma").unwrap())
            .relation(rel("A", "B", Sign::Amity))
            .relation(rel("B", "C", Sign::Enmity))
            .build()
            .unwrap()
            .snapshot(2000, &DerivationRules::new())
            .unwrap()
    }

    #[test]
    fn names_lose_their_gloss_only_in_labels() {
        assert_eq!(short_name("Transnistria (PMR)"), "Transnistria");
        assert_eq!(short_name("(odd)"), "(odd)");
        let svg = Drawing::new("t")
            .full_names()
            .layout(Layout::Force)
            .to_svg(&graph())
            .unwrap();
        assert!(svg.contains(">Alpha<") && svg.contains("Alpha (the first)–Beta"));
    }

    #[test]
    fn roles_have_their_markers_and_legend_rows() {
        let d = Drawing::new("t")
            .group("g", ["A"])
            .buffers(["A"])
            .insulators(["B"])
            .outside(["C"])
            .layout(Layout::Force);
        let svg = d.to_svg(&graph()).unwrap();
        for row in [
            "buffer state",
            "insulator",
            "outside power",
            "enmity (dashed)",
        ] {
            assert!(svg.contains(&format!(">{row}<")), "{row}");
        }
        assert!(svg.contains(&format!(r#"stroke-dasharray="{}""#, palette::ENMITY_DASH)));
        let dot = d.to_dot(&graph());
        assert!(dot.contains("shape=triangle") && dot.contains("shape=diamond"));
        assert!(dot.contains("shape=box"));
        assert_eq!(svg, d.to_svg(&graph()).unwrap(), "deterministic");
        assert!(svg.contains("force-directed"));
    }

    #[test]
    fn empty_and_single_unit_graphs_draw() {
        let empty = Dataset::builder()
            .build()
            .unwrap()
            .snapshot(2000, &DerivationRules::new())
            .unwrap();
        let svg = Drawing::new("nothing").to_svg(&empty).unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        let one = graph().restricted_to(&["A"]);
        let c = Coordinates::new().unit("A", 10.0, 20.0).unwrap();
        let svg = Drawing::new("one").coordinates(c).to_svg(&one).unwrap();
        assert!(svg.contains(">A<") && svg.contains("coordinates given"));
    }
}
