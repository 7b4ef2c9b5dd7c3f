//! Placing labels so that no two overlap and none covers a unit.

use super::palette::Rect;

type Point = (f64, f64);

/// Greedy label placement: each label goes to the first free spot of the nearest ring of
/// candidate positions round its anchor (below, above, right, left, then the diagonals),
/// preferring a spot nearer its own unit than any other, then the spot crossed by fewest
/// edges; a spot is free when it overlaps no placed
/// label and no unit's disc. Rings grow outwards until a free spot is found, which always
/// happens (far enough out, nothing has been placed).
#[derive(Debug, Default)]
pub(crate) struct Labeller {
    placed: Vec<Rect>,
    discs: Vec<(Point, f64)>,
    segments: Vec<(Point, Point)>,
}

/// Gap between a label and what it must not touch.
const PAD: f64 = 1.5;

impl Labeller {
    pub(crate) fn new(discs: Vec<(Point, f64)>, segments: Vec<(Point, Point)>) -> Self {
        Self {
            placed: Vec::new(),
            discs,
            segments,
        }
    }

    fn free(&self, r: &Rect) -> bool {
        !self.placed.iter().any(|p| p.overlaps(r, PAD))
            && !self
                .discs
                .iter()
                .any(|(c, rad)| r.meets_disc(*c, rad + PAD))
    }

    /// Places a `w` × `h` label next to a disc of radius `r` at `at`; returns its box and how
    /// many rings out it had to go (0: touching the disc).
    pub(crate) fn place(&mut self, at: Point, r: f64, w: f64, h: f64) -> (Rect, usize) {
        let mut ring = 0usize;
        loop {
            let gap = 2.0 + 9.0 * ring as f64;
            let d = r + gap;
            let e = (r * 0.72) + gap;
            // Top-left corners of the candidates, in order of preference.
            let cands = [
                (at.0 - w / 2.0, at.1 + d),
                (at.0 - w / 2.0, at.1 - d - h),
                (at.0 + d, at.1 - h / 2.0),
                (at.0 - d - w, at.1 - h / 2.0),
                (at.0 + e, at.1 + e),
                (at.0 - e - w, at.1 + e),
                (at.0 + e, at.1 - e - h),
                (at.0 - e - w, at.1 - e - h),
            ];
            let mut best: Option<((usize, usize), Rect)> = None;
            for (x, y) in cands {
                let rect = Rect {
                    x0: x,
                    y0: y,
                    x1: x + w,
                    y1: y + h,
                };
                if !self.free(&rect) {
                    continue;
                }
                let crossings = self
                    .segments
                    .iter()
                    .filter(|(a, b)| rect.meets_segment(*a, *b))
                    .count();
                // A label nearer another unit than its own would be read as that unit's.
                let own = rect.distance(at);
                let ambiguous = self
                    .discs
                    .iter()
                    .any(|(c, _)| *c != at && rect.distance(*c) < own);
                let score = (usize::from(ambiguous), crossings);
                if best.is_none_or(|(c, _)| score < c) {
                    best = Some((score, rect));
                }
            }
            if let Some((_, rect)) = best {
                self.placed.push(rect);
                return (rect, ring);
            }
            ring += 1;
            if ring > 100_000 {
                // Unreachable with finite coordinates (far enough out every spot is free);
                // a bound all the same.
                let rect = Rect {
                    x0: at.0,
                    y0: at.1,
                    x1: at.0 + w,
                    y1: at.1 + h,
                };
                self.placed.push(rect);
                return (rect, ring);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crowded_labels_never_overlap() {
        // Nine units on a tight grid, each with a long label.
        let discs: Vec<(Point, f64)> = (0..9)
            .map(|i| ((f64::from(i % 3) * 20.0, f64::from(i / 3) * 20.0), 9.0))
            .collect();
        let mut l = Labeller::new(discs.clone(), Vec::new());
        let boxes: Vec<Rect> = discs
            .iter()
            .map(|(c, r)| l.place(*c, *r, 80.0, 13.0).0)
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b, 0.0), "{a:?} {b:?}");
            }
            for (c, r) in &discs {
                assert!(!a.meets_disc(*c, *r));
            }
        }
    }
}
