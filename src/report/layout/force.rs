//! Force-directed placement that keeps groups (complexes) apart.

use super::{Point, golden};

/// Ideal distance between tied units, in pixels.
const IDEAL: f64 = 70.0;
const ITERATIONS: usize = 300;

/// A force-directed placement (Fruchterman & Reingold 1991, "Graph drawing by
/// force-directed placement", *Software: Practice and Experience* 21(11)): units repel one
/// another, ties attract; members of the same group are drawn to their group's centre and
/// repel members of other groups more strongly. Afterwards every group — and every unit in no
/// group — is treated as a disc and the discs are moved apart until none overlaps, so that
/// complexes are visibly apart; units with no tie are then set in a row underneath.
/// Repulsion is ignored beyond six ideal distances. Deterministic: the start is each group
/// on its own circle.
///
/// # Complexity
/// O(I · (n² + m)) for I = 300 iterations, then O(P · g²) for g groups and P passes.
pub(crate) fn force(n: usize, edges: &[(usize, usize)], group: &[Option<usize>]) -> Vec<Point> {
    // Discs: each group, and each unit in none.
    let groups = group.iter().flatten().max().map_or(0, |g| g + 1);
    let disc: Vec<usize> = {
        let mut next = groups;
        group
            .iter()
            .map(|g| {
                g.unwrap_or_else(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    let discs = disc.iter().max().map_or(0, |d| d + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); discs];
    for (i, &d) in disc.iter().enumerate() {
        members[d].push(i);
    }
    // Start: discs on a spiral, members on a small circle round their disc's centre.
    let mut pos = vec![(0.0, 0.0); n];
    for (d, ms) in members.iter().enumerate() {
        let g = golden(d);
        let r = 90.0 * (d as f64).sqrt();
        let c = (g.0 * r, g.1 * r);
        let rr = 18.0 * (ms.len() as f64).sqrt();
        for (k, &i) in ms.iter().enumerate() {
            let a = std::f64::consts::TAU * k as f64 / ms.len().max(1) as f64;
            pos[i] = (c.0 + rr * a.cos(), c.1 + rr * a.sin());
        }
    }
    for it in 0..ITERATIONS {
        let temp = 40.0 * (1.0 - it as f64 / ITERATIONS as f64) + 0.5;
        let mut disp = vec![(0.0, 0.0); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-4);
                if d2 > (6.0 * IDEAL) * (6.0 * IDEAL) {
                    continue;
                }
                let apart = if disc[i] == disc[j] { 1.0 } else { 1.8 };
                let f = apart * IDEAL * IDEAL / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt();
            let pull = if disc[a] == disc[b] { 1.0 } else { 0.3 };
            let f = pull * d / IDEAL;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        // Members towards their group's centre; everything gently towards the origin.
        let centres: Vec<Point> = members.iter().map(|ms| centroid(&pos, ms)).collect();
        for i in 0..n {
            let c = centres[disc[i]];
            disp[i].0 += 0.2 * (c.0 - pos[i].0) - 0.02 * pos[i].0;
            disp[i].1 += 0.2 * (c.1 - pos[i].1) - 0.02 * pos[i].1;
        }
        for i in 0..n {
            let (dx, dy) = disp[i];
            let d = (dx * dx + dy * dy).sqrt();
            if d > 1e-9 {
                let s = d.min(temp) / d;
                pos[i].0 += dx * s;
                pos[i].1 += dy * s;
            }
        }
    }
    separate_discs(&mut pos, &members);
    // Units with no tie: in a row under the rest, not flung to the edge of the plane.
    let mut tied = vec![false; n];
    for &(a, b) in edges {
        tied[a] = true;
        tied[b] = true;
    }
    if tied.iter().any(|t| *t) {
        let placed = (0..n).filter(|&i| tied[i]);
        let (x0, y1) = placed.fold((f64::INFINITY, f64::NEG_INFINITY), |(x, y), i| {
            (x.min(pos[i].0), y.max(pos[i].1))
        });
        let mut k = 0.0;
        for i in (0..n).filter(|&i| !tied[i]) {
            pos[i] = (x0 + k * IDEAL, y1 + IDEAL);
            k += 1.0;
        }
    }
    pos
}

fn centroid(pos: &[Point], ms: &[usize]) -> Point {
    let m = ms.len().max(1) as f64;
    let (x, y) = ms
        .iter()
        .fold((0.0, 0.0), |(a, b), &i| (a + pos[i].0, b + pos[i].1));
    (x / m, y / m)
}

/// Moves whole discs (groups) apart until no two overlap (with a gap).
fn separate_discs(pos: &mut [Point], members: &[Vec<usize>]) {
    const GAP: f64 = 40.0;
    for _ in 0..500 {
        let centres: Vec<Point> = members.iter().map(|ms| centroid(pos, ms)).collect();
        let radii: Vec<f64> = members
            .iter()
            .zip(&centres)
            .map(|(ms, c)| {
                ms.iter()
                    .map(|&i| ((pos[i].0 - c.0).powi(2) + (pos[i].1 - c.1).powi(2)).sqrt())
                    .fold(0.0, f64::max)
                    + 12.0
            })
            .collect();
        let mut moved = false;
        for a in 0..members.len() {
            for b in a + 1..members.len() {
                let (dx, dy) = (centres[b].0 - centres[a].0, centres[b].1 - centres[a].1);
                let d = (dx * dx + dy * dy).sqrt();
                let need = radii[a] + radii[b] + GAP;
                if d >= need {
                    continue;
                }
                let dir = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    golden(a * 7919 + b)
                };
                let s = (need - d) / 2.0 + 0.05;
                for &i in &members[a] {
                    pos[i].0 -= dir.0 * s;
                    pos[i].1 -= dir.1 * s;
                }
                for &i in &members[b] {
                    pos[i].0 += dir.0 * s;
                    pos[i].1 += dir.1 * s;
                }
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_end_apart() {
        // Two triangles tied by one edge, and a loose unit.
        let edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)];
        let group = [Some(0), Some(0), Some(0), Some(1), Some(1), Some(1), None];
        let p = force(7, &edges, &group);
        let c0 = centroid(&p, &[0, 1, 2]);
        let c1 = centroid(&p, &[3, 4, 5]);
        let r = |ms: &[usize], c: Point| {
            ms.iter()
                .map(|&i| ((p[i].0 - c.0).powi(2) + (p[i].1 - c.1).powi(2)).sqrt())
                .fold(0.0, f64::max)
        };
        let d = ((c0.0 - c1.0).powi(2) + (c0.1 - c1.1).powi(2)).sqrt();
        assert!(
            d > r(&[0, 1, 2], c0) + r(&[3, 4, 5], c1) + 40.0,
            "groups overlap"
        );
        assert_eq!(p, force(7, &edges, &group), "deterministic");
    }
}
