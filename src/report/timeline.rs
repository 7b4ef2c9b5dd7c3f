//! A multi-panel SVG timeline: numeric series as lines, categorical series as bands.

use super::palette::{FONT, SERIES, series_style, text_width};
use super::xml_escape;
use crate::evolution::{ComplexState, Series, YearState};
use crate::period::Year;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A panel of numeric series sharing one vertical scale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelinePanel {
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
/// Each series label has one colour and dash pattern in every panel, and no two labels share
/// one; each category of the bands has a colour of its own. Vertical axes have round ticks,
/// written as whole numbers when the panel's values all are (counts). A legend of the series
/// is under the title, a legend of the categories under the bands.
///
/// ```
/// use rsct::report::{Band, TimelinePanel, Timeline};
/// let t = Timeline {
///     title: "example".into(),
///     first_year: 2000,
///     panels: vec![TimelinePanel { title: "enmity share".into(),
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
    pub panels: Vec<TimelinePanel>,
    /// Categorical bands.
    pub bands: Vec<Band>,
}

const MARGIN: f64 = 16.0;
const PLOT_W: f64 = 760.0;
const PANEL_H: f64 = 130.0;
const BAND_H: f64 = 20.0;
const TITLE_FONT: f64 = 15.0;

/// A legend laid out in rows: each entry goes right of the one before, or starts a new row
/// (18 px lower) when it would pass the plot's right edge.
struct LegendRow {
    left: f64,
    x: f64,
}

impl LegendRow {
    fn new(left: f64) -> Self {
        Self { left, x: left }
    }

    /// The left edge of an entry `width` wide; moves `top` down when the entry starts a row.
    fn place(&mut self, width: f64, top: &mut f64) -> f64 {
        if self.x + width > self.left + PLOT_W && self.x > self.left {
            self.x = self.left;
            *top += 18.0;
        }
        let x = self.x;
        self.x += width;
        x
    }
}

/// Round ticks covering `lo..=hi`: a step of 1, 2 or 5 times a power of ten, three to six
/// ticks. Returns the ticks and the decimals they need.
fn ticks(lo: f64, hi: f64, whole: bool) -> (Vec<f64>, usize) {
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= 5.0)
        .unwrap_or(10.0 * mag);
    if whole {
        step = step.max(1.0).round();
    }
    let first = (lo / step).floor() * step;
    let mut t = Vec::new();
    let mut k = 0.0;
    // At most 12 ticks, also when rounding stalls the steps (huge values, tiny spans).
    while k < 12.0 && first + k * step <= hi + step * 1e-9 {
        t.push(first + k * step);
        k += 1.0;
    }
    if t.last().is_none_or(|&l| l < hi) {
        t.push(first + k * step);
    }
    let decimals = if whole {
        0
    } else {
        (-step.log10().floor()).max(0.0) as usize
    };
    (t, decimals)
}

impl Timeline {
    /// The timeline of an evolution series: one line a complex (by its name, the same in every
    /// year of its lineage) in four panels — members, strict triangle balance of the members'
    /// ties, their frustration index, the enmity share of internal interdependence — and two
    /// bands a complex, its polarity and its character.
    ///
    /// # Example
    /// ```
    /// use rsct::evolution::{series, EvolutionOptions};
    /// use rsct::report::Timeline;
    /// let ds = rsct::datasets::europe_1872_1907()?;
    /// let s = series(&ds, 1872, 1907, &EvolutionOptions::new())?;
    /// let t = Timeline::of_series(&s, "Europe 1872–1907");
    /// assert_eq!((t.first_year, t.panels.len()), (1872, 4));
    /// assert!(t.to_svg().contains("Europe 1872–1907"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_series(s: &Series, title: impl Into<String>) -> Self {
        let names: BTreeSet<&str> = s
            .years
            .iter()
            .flat_map(|y| y.complexes.iter().map(|c| c.name.as_str()))
            .collect();
        fn find<'a>(y: &'a YearState, name: &str) -> Option<&'a ComplexState> {
            y.complexes.iter().find(|c| c.name == name)
        }
        let panel = |title: &str, f: &dyn Fn(&ComplexState) -> Option<f64>| TimelinePanel {
            title: title.to_owned(),
            series: names
                .iter()
                .map(|n| {
                    let v = s.years.iter().map(|y| find(y, n).and_then(f));
                    ((*n).to_owned(), v.collect())
                })
                .collect(),
        };
        let band = |n: &str, what: &str, f: &dyn Fn(&ComplexState) -> Option<String>| Band {
            label: format!("{n}: {what}"),
            values: s.years.iter().map(|y| find(y, n).and_then(f)).collect(),
        };
        Self {
            title: title.into(),
            first_year: s.years.first().map_or(0, |y| y.year),
            panels: vec![
                panel("members", &|c| Some(c.members.len() as f64)),
                panel("strict triangle balance of the members' ties", &|c| {
                    c.triangle_balance
                }),
                panel("frustration index of the members' ties", &|c| c.frustration),
                panel("enmity share of internal interdependence", &|c| {
                    c.enmity_share
                }),
            ],
            bands: names
                .iter()
                .flat_map(|n| {
                    [
                        band(n, "polarity", &|c| c.polarity.map(|p| p.to_string())),
                        band(n, "character", &|c| c.character.map(|x| x.to_string())),
                    ]
                })
                .collect(),
        }
    }

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
        // One style per series label, in order of first appearance.
        let mut style: BTreeMap<&str, usize> = BTreeMap::new();
        let mut labels: Vec<&str> = Vec::new();
        for p in &self.panels {
            for (l, _) in &p.series {
                if !style.contains_key(l.as_str()) {
                    style.insert(l, labels.len());
                    labels.push(l);
                }
            }
        }
        // One colour per category, after the series' colours.
        let mut colours: BTreeMap<&str, &str> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for band in &self.bands {
            for v in band.values.iter().flatten() {
                if !colours.contains_key(v.as_str()) {
                    colours.insert(v, SERIES[(labels.len() + order.len()) % SERIES.len()]);
                    order.push(v);
                }
            }
        }
        // Panels' scales and tick labels, to size the left column.
        let scales: Vec<(f64, f64, Vec<f64>, usize)> = self
            .panels
            .iter()
            .map(|panel| {
                let vals: Vec<f64> = panel
                    .series
                    .iter()
                    .flat_map(|s| s.1.iter().flatten().copied())
                    .filter(|v| v.is_finite())
                    .collect();
                let whole = vals.iter().all(|v| v.fract() == 0.0);
                let lo = vals.iter().copied().fold(0.0, f64::min);
                let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let hi = if hi > lo { hi } else { lo + 1.0 };
                let (t, dec) = ticks(lo, hi, whole);
                let (lo, hi) = (t[0].min(lo), t[t.len() - 1].max(hi));
                (lo, hi, t, dec)
            })
            .collect();
        let tick_w = scales
            .iter()
            .flat_map(|(_, _, t, d)| {
                t.iter()
                    .map(move |v| text_width(&format!("{v:.d$}", d = *d), FONT, false))
            })
            .fold(0.0, f64::max);
        let band_w = self
            .bands
            .iter()
            .map(|b| text_width(&b.label, FONT, false))
            .fold(0.0, f64::max);
        let left = MARGIN + (tick_w + 8.0).max(band_w + 10.0);
        let step = PLOT_W / n as f64;
        let x = |i: usize| left + step * (i as f64 + 0.5);
        let width = (left + PLOT_W + MARGIN)
            .max(MARGIN * 2.0 + text_width(&self.title, TITLE_FONT, true))
            .ceil();
        let mut s = String::new();
        let mut body = String::new();
        let _ = writeln!(
            body,
            r#"<text x="{MARGIN}" y="24" font-size="{TITLE_FONT}" font-weight="bold">{}</text>"#,
            xml_escape(&self.title)
        );
        // Legend of the series, in rows under the title.
        let mut top = 44.0;
        let mut row = LegendRow::new(left);
        for (k, l) in labels.iter().enumerate() {
            let (colour, dash) = series_style(k);
            let lx = row.place(30.0 + text_width(l, FONT, false) + 16.0, &mut top);
            let _ = writeln!(
                body,
                r#"<line x1="{lx:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                top - 4.0,
                lx + 24.0,
                top - 4.0,
                lx + 30.0,
                top,
                xml_escape(l)
            );
        }
        top += if labels.is_empty() { 0.0 } else { 30.0 };
        for (panel, (lo, hi, tk, dec)) in self.panels.iter().zip(&scales) {
            let (lo, hi) = (*lo, *hi);
            let y = |v: f64| top + PANEL_H - (v - lo) / (hi - lo) * PANEL_H;
            let _ = writeln!(
                body,
                r#"<text x="{left}" y="{:.1}" font-weight="bold">{}</text>"#,
                top - 7.0,
                xml_escape(&panel.title)
            );
            for t in tk {
                let _ = writeln!(
                    body,
                    r##"<line x1="{left}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#E5E5E5"/><text x="{2:.1}" y="{3:.1}" text-anchor="end">{t:.dec$}</text>"##,
                    y(*t),
                    left + PLOT_W,
                    left - 5.0,
                    y(*t) + 4.0,
                    dec = *dec
                );
            }
            let _ = writeln!(
                body,
                r##"<rect x="{left}" y="{top:.1}" width="{PLOT_W}" height="{PANEL_H}" fill="none" stroke="#AAAAAA"/>"##
            );
            for (label, values) in &panel.series {
                let (colour, dash) = series_style(style[label.as_str()]);
                let mut path = String::new();
                let mut pen_up = true;
                for (i, v) in values.iter().enumerate() {
                    match v.filter(|v| v.is_finite()) {
                        Some(v) => {
                            let _ = write!(
                                path,
                                "{}{:.1},{:.1} ",
                                if pen_up { "M" } else { "L" },
                                x(i),
                                y(v)
                            );
                            pen_up = false;
                            let _ = writeln!(
                                body,
                                r#"<circle cx="{:.1}" cy="{:.1}" r="2.2" fill="{colour}"/>"#,
                                x(i),
                                y(v)
                            );
                        }
                        None => pen_up = true,
                    }
                }
                if !path.is_empty() {
                    let _ = writeln!(
                        body,
                        r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="1.8" stroke-dasharray="{dash}"><title>{}</title></path>"#,
                        path.trim_end(),
                        xml_escape(label)
                    );
                }
            }
            top += PANEL_H + 40.0;
        }
        if self.panels.is_empty() {
            top += 10.0;
        }
        for band in &self.bands {
            let _ = writeln!(
                body,
                r#"<text x="{MARGIN}" y="{:.1}">{}</text>"#,
                top + 14.0,
                xml_escape(&band.label)
            );
            for (i, v) in band.values.iter().enumerate() {
                if let Some(v) = v {
                    let _ = writeln!(
                        body,
                        r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{BAND_H}" fill="{}" shape-rendering="crispEdges"><title>{} {}</title></rect>"#,
                        x(i) - step / 2.0,
                        step,
                        colours[v.as_str()],
                        i64::from(self.first_year) + i as i64,
                        xml_escape(v)
                    );
                }
            }
            top += BAND_H + 5.0;
        }
        // The year axis: as many labels as fit.
        let year_w = text_width(
            &format!("{}", i64::from(self.first_year) + n as i64),
            FONT,
            false,
        );
        let every = ((year_w + 8.0) / step).ceil().max(1.0) as usize;
        for i in (0..n).step_by(every) {
            let _ = writeln!(
                body,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x(i),
                top + 12.0,
                i64::from(self.first_year) + i as i64
            );
        }
        top += 22.0;
        // Legend of the categories.
        if !order.is_empty() {
            top += 8.0;
            let mut row = LegendRow::new(left);
            for c in &order {
                let lx = row.place(16.0 + text_width(c, FONT, false) + 16.0, &mut top);
                let _ = writeln!(
                    body,
                    r#"<rect x="{lx:.1}" y="{:.1}" width="11" height="11" fill="{}"/><text x="{:.1}" y="{top:.1}">{}</text>"#,
                    top - 9.0,
                    colours[c],
                    lx + 16.0,
                    xml_escape(c)
                );
            }
            top += 12.0;
        }
        let height = (top + MARGIN).ceil();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="{FONT}">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        s.push_str(&body);
        s.push_str("</svg>\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_counts_are_whole() {
        let (t, d) = ticks(0.0, 11.0, true);
        assert_eq!(d, 0);
        assert_eq!(t, vec![0.0, 5.0, 10.0, 15.0]);
        let (t, d) = ticks(0.0, 0.37, false);
        assert_eq!(d, 1);
        let shown: Vec<String> = t.iter().map(|v| format!("{v:.1}")).collect();
        assert_eq!(shown, ["0.0", "0.1", "0.2", "0.3", "0.4"]);
    }

    #[test]
    fn counts_have_no_decimals_and_series_share_no_style() {
        let t = Timeline {
            title: "t".into(),
            first_year: 1991,
            panels: vec![TimelinePanel {
                title: "members".into(),
                series: (0..20)
                    .map(|k| (format!("s{k}"), vec![Some(f64::from(k)), Some(11.0)]))
                    .collect(),
            }],
            bands: vec![],
        };
        let svg = t.to_svg();
        assert!(!svg.contains(">11.00<") && svg.contains(">10<"), "{svg}");
        let styles: std::collections::BTreeSet<(&str, &str)> = (0..20).map(series_style).collect();
        assert_eq!(styles.len(), 20);
    }
}
