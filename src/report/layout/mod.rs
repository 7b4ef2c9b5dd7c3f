//! Node placement for drawings: geographic (capitals' coordinates) or force-directed, then
//! made legible — nodes kept apart, and no edge drawn through a third node (nodes nudged off
//! edges, edges curved round what remains, the picture spread out as a last resort).

mod clearance;
mod force;
mod geographic;

pub(crate) use clearance::{Route, legible, route_points};
pub(crate) use force::force;
pub(crate) use geographic::geographic;

/// How a [`Drawing`](super::Drawing) places units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Layout {
    /// Units at their capitals' coordinates ([`Coordinates`](super::Coordinates); the shipped
    /// capitals by default), outside powers pulled in to the map's margin in their direction,
    /// units without coordinates beside their neighbours. The default.
    #[default]
    Geographic,
    /// A force-directed layout (Fruchterman–Reingold) in which members of a group attract one
    /// another and groups are then moved apart until their discs no longer overlap.
    Force,
}

/// Radius of a unit's marker, in pixels.
pub(crate) const NODE_RADIUS: f64 = 9.0;
/// Least distance between an edge's path and a third unit's centre.
pub(crate) const EDGE_CLEARANCE: f64 = NODE_RADIUS + 4.0;
/// Least distance between two units' centres.
pub(crate) const NODE_SPACING: f64 = 54.0;

pub(crate) type Point = (f64, f64);

/// Distance from `p` to the segment `a`–`b`.
pub(crate) fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// A deterministic direction for index `i` (golden angle), for breaking ties between
/// coincident points.
pub(crate) fn golden(i: usize) -> Point {
    let a = i as f64 * 2.399_963_229_728_653;
    (a.cos(), a.sin())
}
