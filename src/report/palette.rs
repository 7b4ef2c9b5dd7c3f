//! Colours and text metrics shared by the pictures.
//!
//! Colours are Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008, "Color Universal
//! Design", <https://jfly.uni-koeln.de/color/>): enmity is vermilion and amity blue, and
//! neither is used for anything else.

/// Amity (blue).
pub(crate) const AMITY: &str = "#0072B2";
/// Enmity (vermilion).
pub(crate) const ENMITY: &str = "#D55E00";
/// Ties with no net sign.
pub(crate) const NEUTRAL: &str = "#999999";
/// Dash pattern of enmity, so that it reads without colour.
pub(crate) const ENMITY_DASH: &str = "7,4";
/// Dash pattern of ties with no net sign.
pub(crate) const NEUTRAL_DASH: &str = "2,3";

/// Fills for groups (complexes) in a drawing: the Okabe–Ito colours other than the amity and
/// enmity colours and black.
pub(crate) const GROUPS: [&str; 5] = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442"];

/// Colours for the series and categories of a timeline: seven Okabe–Ito colours, the same at
/// half strength, then black and grey. A timeline never gives one colour to two series:
/// beyond these it varies the dash pattern as well ([`series_style`]).
pub(crate) const SERIES: [&str; 16] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#7FB8D8",
    "#F2CF7F", "#7FCEB9", "#E5BCD3", "#EAAE7F", "#AAD9F4", "#F7F1A1", "#000000", "#7F7F7F",
];

/// Dash patterns that, with [`SERIES`], make every series' style distinct.
const DASHES: [&str; 4] = ["", "6,3", "2,2", "8,3,2,3"];

/// The colour and dash pattern of the `k`-th series (distinct for every `k` below 64).
pub(crate) fn series_style(k: usize) -> (&'static str, &'static str) {
    (
        SERIES[k % SERIES.len()],
        DASHES[(k / SERIES.len()) % DASHES.len()],
    )
}

/// A rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl Rect {
    pub(crate) fn overlaps(&self, o: &Rect, pad: f64) -> bool {
        self.x0 < o.x1 + pad && o.x0 < self.x1 + pad && self.y0 < o.y1 + pad && o.y0 < self.y1 + pad
    }
    /// Whether the disc at `c` with radius `r` meets the rectangle.
    pub(crate) fn meets_disc(&self, c: (f64, f64), r: f64) -> bool {
        let x = c.0.clamp(self.x0, self.x1);
        let y = c.1.clamp(self.y0, self.y1);
        (x - c.0).powi(2) + (y - c.1).powi(2) < r * r
    }
    /// Whether the segment `a`–`b` crosses the rectangle (sampled; for scoring only).
    pub(crate) fn meets_segment(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        if a.0.max(b.0) < self.x0
            || a.0.min(b.0) > self.x1
            || a.1.max(b.1) < self.y0
            || a.1.min(b.1) > self.y1
        {
            return false;
        }
        (0..=16).any(|i| {
            let t = f64::from(i) / 16.0;
            let (x, y) = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
        })
    }
    /// Distance from a point to the rectangle (0 inside).
    pub(crate) fn distance(&self, p: (f64, f64)) -> f64 {
        let dx = (self.x0 - p.0).max(p.0 - self.x1).max(0.0);
        let dy = (self.y0 - p.1).max(p.1 - self.y1).max(0.0);
        dx.hypot(dy)
    }
    pub(crate) fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
}

/// The size of body text in every picture (drawings and timelines), in pixels.
pub(crate) const FONT: f64 = 11.0;

/// A generous estimate of a text's width in pixels (wider than a sans-serif font's average
/// advance, so that estimated boxes contain the rendered text).
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().count() as f64 * size * if bold { 0.68 } else { 0.62 }
}
