//! Making a placement legible: units kept apart, no edge through a third unit.

use super::{EDGE_CLEARANCE, NODE_SPACING, Point, golden, segment_distance};

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Route {
    /// A straight line.
    Straight,
    /// A quadratic Bézier curve with this control point.
    Curve(Point),
}

/// Points along an edge's drawn path: its two ends for a straight line, `samples + 1` points
/// for a curve.
pub(crate) fn route_points(a: Point, b: Point, route: Route, samples: usize) -> Vec<Point> {
    match route {
        Route::Straight => vec![a, b],
        Route::Curve(c) => (0..=samples)
            .map(|i| {
                let t = i as f64 / samples as f64;
                let (u, v, w) = ((1.0 - t) * (1.0 - t), 2.0 * (1.0 - t) * t, t * t);
                (u * a.0 + v * c.0 + w * b.0, u * a.1 + v * c.1 + w * b.1)
            })
            .collect(),
    }
}

/// The least distance from the path `points` to any unit other than `skip`.
fn path_clearance(points: &[Point], pos: &[Point], skip: (usize, usize)) -> f64 {
    let mut best = f64::INFINITY;
    for (k, &p) in pos.iter().enumerate() {
        if k == skip.0 || k == skip.1 {
            continue;
        }
        for w in points.windows(2) {
            best = best.min(segment_distance(p, w[0], w[1]));
        }
    }
    best
}

/// Samples of a curved route when checking it.
const CURVE_SAMPLES: usize = 24;

/// Moves units apart until every pair is at least [`NODE_SPACING`] apart (or the passes run
/// out; coincident units are split along a fixed direction of their index).
fn separate(pos: &mut [Point]) {
    for _ in 0..400 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= NODE_SPACING {
                    continue;
                }
                let dir = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    golden(i * 7919 + j)
                };
                let shift = (NODE_SPACING - d) / 2.0 + 0.05;
                pos[i].0 -= dir.0 * shift;
                pos[i].1 -= dir.1 * shift;
                pos[j].0 += dir.0 * shift;
                pos[j].1 += dir.1 * shift;
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

/// Pushes each unit that lies too close to an edge between two others off that edge,
/// perpendicularly, unless that would take it farther than `reach` from `home`; returns
/// whether anything moved.
fn nudge(pos: &mut [Point], edges: &[(usize, usize)], home: &[Point], reach: f64) -> bool {
    let mut moved = false;
    for &(a, b) in edges {
        for c in 0..pos.len() {
            if c == a || c == b {
                continue;
            }
            let (pa, pb, p) = (pos[a], pos[b], pos[c]);
            let d = segment_distance(p, pa, pb);
            if d >= EDGE_CLEARANCE + 1.0 {
                continue;
            }
            let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
            let len = (dx * dx + dy * dy).sqrt();
            let normal = if len > 1e-9 {
                (-dy / len, dx / len)
            } else {
                golden(c)
            };
            // Away from the line, on the side the unit is already on.
            let side = (p.0 - pa.0) * normal.0 + (p.1 - pa.1) * normal.1;
            let s = if side.abs() > 1e-9 {
                side.signum()
            } else if c % 2 == 0 {
                1.0
            } else {
                -1.0
            };
            let step = EDGE_CLEARANCE + 2.0 - d;
            let to = (
                pos[c].0 + s * normal.0 * step,
                pos[c].1 + s * normal.1 * step,
            );
            // Units stay near where the layout put them; curves do the rest.
            if (to.0 - home[c].0).hypot(to.1 - home[c].1) > reach {
                continue;
            }
            pos[c] = to;
            moved = true;
        }
    }
    moved
}

/// A route for the edge `a`–`b` that keeps [`EDGE_CLEARANCE`] from every other unit: straight
/// if possible, else the gentlest curve that does (`None` when none of the tried curves does).
fn route(pos: &[Point], a: usize, b: usize) -> Option<Route> {
    let (pa, pb) = (pos[a], pos[b]);
    if path_clearance(&[pa, pb], pos, (a, b)) >= EDGE_CLEARANCE {
        return Some(Route::Straight);
    }
    let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let normal = (-dy / len, dx / len);
    let mid = ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
    for k in 1..=10 {
        let offset = k as f64 * (0.15 * len).max(14.0);
        for side in [1.0, -1.0] {
            let c = (
                mid.0 + side * normal.0 * offset,
                mid.1 + side * normal.1 * offset,
            );
            let r = Route::Curve(c);
            let points = route_points(pa, pb, r, CURVE_SAMPLES);
            if path_clearance(&points, pos, (a, b)) >= EDGE_CLEARANCE {
                return Some(r);
            }
        }
    }
    None
}

/// Makes a placement legible and returns each edge's route: units at least
/// [`NODE_SPACING`] apart, units nudged off edges between others (by at most
/// [`NODE_SPACING`] each, so that a geographic layout stays a map), edges that still pass within
/// [`EDGE_CLEARANCE`] of a third unit curved round it; when some edge cannot be routed, the
/// whole picture is spread out (scaled about its centre) and the steps repeated.
///
/// # Complexity
/// O(r · (n² + p·m·n)) for n units, m edges, p nudging passes and r spreading rounds (both
/// bounded by constants).
pub(crate) fn legible(pos: &mut [Point], edges: &[(usize, usize)]) -> Vec<Route> {
    let mut routes = vec![Route::Straight; edges.len()];
    for _round in 0..16 {
        separate(pos);
        let home = pos.to_vec();
        for _ in 0..40 {
            if !nudge(pos, edges, &home, NODE_SPACING) {
                break;
            }
            separate(pos);
        }
        let mut all = true;
        for (k, &(a, b)) in edges.iter().enumerate() {
            match route(pos, a, b) {
                Some(r) => routes[k] = r,
                None => all = false,
            }
        }
        if all {
            return routes;
        }
        let n = pos.len().max(1) as f64;
        let cx = pos.iter().map(|p| p.0).sum::<f64>() / n;
        let cy = pos.iter().map(|p| p.1).sum::<f64>() / n;
        for p in pos.iter_mut() {
            p.0 = cx + 1.3 * (p.0 - cx);
            p.1 = cy + 1.3 * (p.1 - cy);
        }
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::super::NODE_RADIUS;
    use super::*;
    use proptest::prelude::*;

    /// The property the drawings promise: no edge's drawn path comes within a unit's radius
    /// of a third unit, and no two units overlap. Curves are checked far more finely than the
    /// layout samples them.
    fn check(pos: &[Point], edges: &[(usize, usize)], routes: &[Route]) -> Result<(), String> {
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let d = ((pos[i].0 - pos[j].0).powi(2) + (pos[i].1 - pos[j].1).powi(2)).sqrt();
                if d < 2.0 * NODE_RADIUS {
                    return Err(format!("units {i} and {j} overlap ({d:.2})"));
                }
            }
        }
        for (&(a, b), &r) in edges.iter().zip(routes) {
            let points = route_points(pos[a], pos[b], r, 400);
            let d = path_clearance(&points, pos, (a, b));
            if d < NODE_RADIUS {
                return Err(format!("edge {a}-{b} passes {d:.2} from a unit"));
            }
        }
        Ok(())
    }

    fn placement() -> impl Strategy<Value = (Vec<Point>, Vec<(usize, usize)>)> {
        (2usize..14).prop_flat_map(|n| {
            // Coordinates on a coarse grid, so that coincident and collinear units are common.
            let pos = prop::collection::vec((0i32..8, 0i32..6), n).prop_map(|v| {
                v.into_iter()
                    .map(|(x, y)| (f64::from(x) * 20.0, f64::from(y) * 20.0))
                    .collect::<Vec<_>>()
            });
            let edges = prop::collection::vec((0..n, 0..n), 0..(2 * n)).prop_map(|v| {
                let mut e: Vec<(usize, usize)> = v
                    .into_iter()
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| (a.min(b), a.max(b)))
                    .collect();
                e.sort_unstable();
                e.dedup();
                e
            });
            (pos, edges)
        })
    }

    proptest! {
        #[test]
        fn no_edge_passes_through_a_third_unit((mut pos, edges) in placement()) {
            let routes = legible(&mut pos, &edges);
            prop_assert!(check(&pos, &edges, &routes).is_ok(), "{:?}", check(&pos, &edges, &routes));
        }
    }

    #[test]
    fn a_unit_on_an_edge_is_moved_off_it() {
        // Three collinear units, the middle one exactly on the edge between the others.
        let mut pos = vec![(0.0, 0.0), (50.0, 0.0), (100.0, 0.0)];
        let edges = [(0, 2)];
        let routes = legible(&mut pos, &edges);
        assert!(check(&pos, &edges, &routes).is_ok());
        assert!(
            segment_distance(pos[1], pos[0], pos[2]) >= EDGE_CLEARANCE
                || routes[0] != Route::Straight
        );
    }

    #[test]
    fn check_catches_an_edge_through_a_unit() {
        let pos = vec![(0.0, 0.0), (50.0, 0.0), (100.0, 0.0)];
        assert!(check(&pos, &[(0, 2)], &[Route::Straight]).is_err());
    }
}
