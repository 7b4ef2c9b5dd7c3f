//! Geographic placement: an equirectangular projection of the units' coordinates.

use super::{NODE_SPACING, Point, golden};

/// Width and height (pixels) into which the core units' coordinates are fitted.
const MAP_W: f64 = 980.0;
const MAP_H: f64 = 640.0;
/// How far beyond the core's box peripheral units (outside powers) may lie.
const MARGIN: f64 = 110.0;

/// Places units by their (latitude, longitude): an equirectangular projection scaled so that
/// the core units (those with coordinates that are not `peripheral`) fill a box (980 × 640
/// pixels for 30 units or more, smaller for fewer);
/// peripheral units lying beyond it are pulled in along their direction from its centre to
/// a margin round it; units without coordinates go beside the placed units they are tied to
/// (`neighbours`), or in a row under the map. `None` when no unit has coordinates.
///
/// # Complexity
/// O(n + m) for n units and m ties, times the few propagation passes.
pub(crate) fn geographic(
    coords: &[Option<(f64, f64)>],
    peripheral: &[bool],
    neighbours: &[Vec<usize>],
) -> Option<Vec<Point>> {
    let n = coords.len();
    let mut core: Vec<usize> = (0..n)
        .filter(|&i| coords[i].is_some() && !peripheral[i])
        .collect();
    if core.is_empty() {
        core = (0..n).filter(|&i| coords[i].is_some()).collect();
    }
    if core.is_empty() {
        return None;
    }
    let lat0 = core
        .iter()
        .filter_map(|&i| coords[i])
        .map(|c| c.0)
        .sum::<f64>()
        / core.len() as f64;
    let k = lat0.to_radians().cos().max(0.2);
    let proj = |(lat, lon): (f64, f64)| (lon * k, -lat);
    let pts: Vec<Point> = core.iter().filter_map(|&i| coords[i].map(proj)).collect();
    let (x0, x1) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.0), b.max(p.0))
        });
    let (y0, y1) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    // Smaller maps for fewer units, so that a handful of units is not lost on a wide page.
    let f = (core.len() as f64 / 30.0).sqrt().clamp(0.45, 1.0);
    let (map_w, map_h) = (MAP_W * f, MAP_H * f);
    let scale = match (x1 - x0 > 1e-9, y1 - y0 > 1e-9) {
        (true, true) => (map_w / (x1 - x0)).min(map_h / (y1 - y0)),
        (true, false) => map_w / (x1 - x0),
        (false, true) => map_h / (y1 - y0),
        (false, false) => 1.0,
    };
    let (w, h) = ((x1 - x0) * scale, (y1 - y0) * scale);
    let centre = (w / 2.0, h / 2.0);
    let mut pos: Vec<Option<Point>> = coords
        .iter()
        .map(|c| {
            c.map(|c| {
                let p = proj(c);
                ((p.0 - x0) * scale, (p.1 - y0) * scale)
            })
        })
        .collect();
    // Pull far-away peripheral units in to the margin, keeping their direction.
    let (lo, hi) = ((-MARGIN, -MARGIN), (w + MARGIN, h + MARGIN));
    for i in 0..n {
        let Some(p) = pos[i] else { continue };
        if !peripheral[i] {
            continue;
        }
        let (dx, dy) = (p.0 - centre.0, p.1 - centre.1);
        let mut t: f64 = 1.0;
        if dx > 0.0 {
            t = t.min((hi.0 - centre.0) / dx);
        } else if dx < 0.0 {
            t = t.min((lo.0 - centre.0) / dx);
        }
        if dy > 0.0 {
            t = t.min((hi.1 - centre.1) / dy);
        } else if dy < 0.0 {
            t = t.min((lo.1 - centre.1) / dy);
        }
        pos[i] = Some((centre.0 + t * dx, centre.1 + t * dy));
    }
    // Units without coordinates: beside their placed neighbours, passes until none changes.
    for _ in 0..n {
        let mut changed = false;
        for i in 0..n {
            if pos[i].is_some() {
                continue;
            }
            let placed: Vec<Point> = neighbours[i].iter().filter_map(|&j| pos[j]).collect();
            if placed.is_empty() {
                continue;
            }
            let m = placed.len() as f64;
            let (sx, sy) = placed
                .iter()
                .fold((0.0, 0.0), |(a, b), p| (a + p.0, b + p.1));
            let g = golden(i);
            pos[i] = Some((sx / m + g.0 * NODE_SPACING, sy / m + g.1 * NODE_SPACING));
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let mut row = 0.0;
    Some(
        pos.into_iter()
            .map(|p| {
                p.unwrap_or_else(|| {
                    row += 1.0;
                    (row * NODE_SPACING * 1.5, h + MARGIN + NODE_SPACING)
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_is_up_and_east_is_right_and_far_powers_are_pulled_in() {
        // Moscow, Kyiv, Tbilisi; Washington set apart.
        let coords = [
            Some((55.75, 37.62)),
            Some((50.45, 30.52)),
            Some((41.72, 44.79)),
            Some((38.90, -77.04)),
            None,
        ];
        let peripheral = [false, false, false, true, false];
        let neighbours = vec![vec![], vec![], vec![], vec![], vec![2]];
        let p = geographic(&coords, &peripheral, &neighbours).unwrap();
        assert!(p[0].1 < p[2].1, "Moscow north of Tbilisi");
        assert!(
            p[1].0 < p[0].0 && p[0].0 < p[2].0,
            "Kyiv, Moscow, Tbilisi west to east"
        );
        assert!(
            p[3].0 >= -MARGIN - 1e-9 && p[3].0 < p[1].0,
            "Washington at the western margin"
        );
        let d = ((p[4].0 - p[2].0).powi(2) + (p[4].1 - p[2].1).powi(2)).sqrt();
        assert!(
            (d - NODE_SPACING).abs() < 1e-9,
            "a unit without coordinates beside its neighbour"
        );
        assert!(geographic(&[None], &[false], &[vec![]]).is_none());
    }
}
