//! A multi-panel SVG timeline: numeric series as lines, categorical series as bands.

use super::{PALETTE, xml_escape};
use crate::period::Year;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A panel of numeric series sharing one vertical scale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Panel {
    /// The panel's title.
    pub title: String,
    /// The series: a label and one value per year (`None`: no value that year).
    pub series: Vec<(String, Vec<Option<f64>>)>,
}

/// A row of categories over the years (e.g. the polarity class of a complex).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Band {
    /// The row's label.
    pub label: String,
    /// One category per year (`None`: absent).
    pub values: Vec<Option<String>>,
}

/// A timeline over consecutive years with numeric panels and categorical bands.
///
/// ```
/// use rsct::report::{Band, Panel, Timeline};
/// let t = Timeline {
///     title: "example".into(),
///     first_year: 2000,
///     panels: vec![Panel { title: "enmity share".into(),
///         series: vec![("A".into(), vec![Some(0.1), Some(0.4), None])] }],
///     bands: vec![Band { label: "A polarity".into(),
///         values: vec![Some("unipolar".into()), Some("bipolar".into()), None] }],
/// };
/// let svg = t.to_svg();
/// assert!(svg.starts_with("<svg") && svg.contains("enmity share") && svg.contains("bipolar"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The title.
    pub title: String,
    /// The first year; the series' values are for consecutive years from it.
    pub first_year: Year,
    /// Numeric panels.
    pub panels: Vec<Panel>,
    /// Categorical bands.
    pub bands: Vec<Band>,
}

const LEFT: f64 = 215.0;
const WIDTH: f64 = 1020.0;
const PANEL_H: f64 = 150.0;
const BAND_H: f64 = 22.0;

impl Timeline {
    fn years(&self) -> usize {
        let p = self
            .panels
            .iter()
            .flat_map(|p| p.series.iter().map(|s| s.1.len()));
        let b = self.bands.iter().map(|b| b.values.len());
        p.chain(b).max().unwrap_or(0)
    }

    /// The timeline as a standalone SVG document (deterministic text).
    #[must_use]
    pub fn to_svg(&self) -> String {
        let n = self.years().max(1);
        let plot_w = WIDTH - LEFT - 30.0;
        let x = |i: usize| {
            LEFT + if n == 1 {
                plot_w / 2.0
            } else {
                plot_w * i as f64 / (n - 1) as f64
            }
        };
        let height = 50.0
            + self.panels.len() as f64 * (PANEL_H + 40.0)
            + self.bands.len() as f64 * (BAND_H + 6.0)
            + 60.0;
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="sans-serif" font-size="11">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            s,
            r#"<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{}</text>"#,
            xml_escape(&self.title)
        );
        let mut top = 50.0;
        for panel in &self.panels {
            let vals = panel
                .series
                .iter()
                .flat_map(|s| s.1.iter().flatten().copied());
            let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
            let (lo, hi) = if lo.is_finite() {
                (lo.min(0.0), if hi > lo { hi } else { lo + 1.0 })
            } else {
                (0.0, 1.0)
            };
            let y = |v: f64| top + PANEL_H - (v - lo) / (hi - lo) * PANEL_H;
            let _ = writeln!(
                s,
                r#"<text x="{LEFT}" y="{:.1}" font-weight="bold">{}</text>"#,
                top - 6.0,
                xml_escape(&panel.title)
            );
            let _ = writeln!(
                s,
                r##"<rect x="{LEFT}" y="{top:.1}" width="{plot_w:.1}" height="{PANEL_H}" fill="none" stroke="#bbb"/>"##
            );
            for (v, anchor) in [(lo, "end"), (hi, "end")] {
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}">{v:.2}</text>"#,
                    LEFT - 4.0,
                    y(v) + 4.0
                );
            }
            for (k, (label, values)) in panel.series.iter().enumerate() {
                let colour = PALETTE[k % PALETTE.len()];
                let mut path = String::new();
                let mut pen_up = true;
                for (i, v) in values.iter().enumerate() {
                    match v {
                        Some(v) => {
                            let _ = write!(
                                path,
                                "{}{:.1},{:.1} ",
                                if pen_up { "M" } else { "L" },
                                x(i),
                                y(*v)
                            );
                            pen_up = false;
                            let _ = writeln!(
                                s,
                                r#"<circle cx="{:.1}" cy="{:.1}" r="2" fill="{colour}"/>"#,
                                x(i),
                                y(*v)
                            );
                        }
                        None => pen_up = true,
                    }
                }
                if !path.is_empty() {
                    let _ = writeln!(
                        s,
                        r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="1.5"/>"#,
                        path.trim_end()
                    );
                }
                let _ = writeln!(
                    s,
                    r#"<text x="8" y="{:.1}" fill="{colour}">{}</text>"#,
                    top + 14.0 + 14.0 * k as f64,
                    xml_escape(label)
                );
            }
            top += PANEL_H + 40.0;
        }
        // Bands: one colour per category, in order of first appearance.
        let mut colours: BTreeMap<&str, &str> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for band in &self.bands {
            for v in band.values.iter().flatten() {
                if !colours.contains_key(v.as_str()) {
                    colours.insert(v, PALETTE[order.len() % PALETTE.len()]);
                    order.push(v);
                }
            }
        }
        let step = if n > 1 {
            plot_w / (n - 1) as f64
        } else {
            plot_w
        };
        for band in &self.bands {
            let _ = writeln!(
                s,
                r#"<text x="8" y="{:.1}">{}</text>"#,
                top + 15.0,
                xml_escape(&band.label)
            );
            for (i, v) in band.values.iter().enumerate() {
                if let Some(v) = v {
                    let _ = writeln!(
                        s,
                        r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{BAND_H}" fill="{}"><title>{} {}</title></rect>"#,
                        x(i) - step / 2.0,
                        step,
                        colours[v.as_str()],
                        i64::from(self.first_year) + i as i64,
                        xml_escape(v)
                    );
                }
            }
            top += BAND_H + 6.0;
        }
        // Legend of categories and the year axis.
        let mut lx = LEFT;
        for c in &order {
            let _ = writeln!(
                s,
                r#"<rect x="{lx:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                top + 4.0,
                colours[c],
                lx + 14.0,
                top + 13.0,
                xml_escape(c)
            );
            lx += 24.0 + 7.0 * c.chars().count() as f64;
        }
        top += 24.0;
        let every = (n / 12).max(1);
        for i in (0..n).step_by(every) {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x(i),
                top + 12.0,
                i64::from(self.first_year) + i as i64
            );
        }
        s.push_str("</svg>\n");
        s
    }
}
