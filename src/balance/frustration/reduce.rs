//! Data reduction for the frustration index (after Hüffner, Betzler & Niedermeier 2010):
//! the *dominant-tie rule* and the split into biconnected blocks.
//!
//! **Dominant-tie rule.** If a node's heaviest tie weighs at least as much as all its other
//! ties together, some optimal colouring satisfies that tie: flipping the node never costs
//! more. The node is then contracted into that neighbour. The rule removes nodes of degree
//! 1 and contracts paths through nodes of degree 2 (their two ties become one tie whose sign
//! is the product and whose weight is the lighter of the two), and it keeps firing on
//! weighted graphs produced by earlier contractions.
//!
//! **Blocks.** A tie lies on an unbalanced cycle only inside one biconnected block, and the
//! colourings of two blocks can be switched to agree on the cut vertex they share, so the
//! frustration index is the sum over blocks.

use super::work::{Colouring, WorkGraph};
use crate::tolerance::FRUSTRATION_EPS;

/// What a reduction did, to be undone in reverse order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
    /// `v` takes the colour of `into`, flipped when `flip`.
    Contract { v: u32, into: u32, flip: bool },
    /// `v` was isolated; any colour.
    Isolated { v: u32 },
}

/// Applies the dominant-tie rule until it no longer fires; returns the log.
pub(crate) fn reduce(g: &mut WorkGraph) -> Vec<Step> {
    let n = g.len();
    let mut log = Vec::new();
    let mut queued = vec![false; n];
    let mut queue: Vec<u32> = Vec::new();
    for v in (0..n as u32).rev() {
        if g.is_alive(v) {
            queued[v as usize] = true;
            queue.push(v);
        }
    }
    while let Some(v) = queue.pop() {
        queued[v as usize] = false;
        if !g.is_alive(v) {
            continue;
        }
        let (total, best) = g.heaviest(v);
        let Some((u, c)) = best else {
            g.remove_isolated(v);
            log.push(Step::Isolated { v });
            continue;
        };
        if 2.0 * c.abs() + FRUSTRATION_EPS >= total {
            let flip = c < 0.0;
            let touched = g.contract(v, u, flip);
            log.push(Step::Contract { v, into: u, flip });
            for x in touched.into_iter().chain(std::iter::once(u)) {
                if !queued[x as usize] {
                    queued[x as usize] = true;
                    queue.push(x);
                }
            }
        }
    }
    log
}

/// Colours the nodes removed by `log`, given the colours of the nodes that remain.
pub(crate) fn undo(log: &[Step], colour: &mut Colouring) {
    for s in log.iter().rev() {
        match *s {
            Step::Contract { v, into, flip } => colour[v as usize] = colour[into as usize] ^ flip,
            Step::Isolated { v } => colour[v as usize] = false,
        }
    }
}

/// One biconnected block: its nodes (the first one is the cut vertex towards the blocks
/// listed before it, or the first node of its component) and its edges.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) nodes: Vec<u32>,
    pub(crate) edges: Vec<(u32, u32)>,
}

/// The biconnected blocks of the graph's active part, in an order where every block shares
/// at most one node — its first — with the blocks before it (iterative Tarjan–Hopcroft).
pub(crate) fn blocks(g: &WorkGraph) -> Vec<Block> {
    let n = g.len();
    let mut disc = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut time = 0u32;
    let mut out: Vec<Block> = Vec::new();
    let mut edge_stack: Vec<(u32, u32)> = Vec::new();
    // DFS stack: (node, parent, next neighbour position)
    let mut stack: Vec<(u32, u32, usize)> = Vec::new();
    let mut mark = vec![u32::MAX; n];
    for root in g.active_nodes() {
        if disc[root as usize] != u32::MAX {
            continue;
        }
        disc[root as usize] = time;
        low[root as usize] = time;
        time += 1;
        stack.push((root, u32::MAX, 0));
        while let Some(&mut (v, parent, ref mut pos)) = stack.last_mut() {
            let nb = g.neighbours(v);
            if *pos < nb.len() {
                let w = nb[*pos].0;
                *pos += 1;
                if disc[w as usize] == u32::MAX {
                    edge_stack.push((v, w));
                    disc[w as usize] = time;
                    low[w as usize] = time;
                    time += 1;
                    stack.push((w, v, 0));
                } else if w != parent && disc[w as usize] < disc[v as usize] {
                    edge_stack.push((v, w));
                    low[v as usize] = low[v as usize].min(disc[w as usize]);
                }
            } else {
                stack.pop();
                if parent != u32::MAX {
                    low[parent as usize] = low[parent as usize].min(low[v as usize]);
                    if low[v as usize] >= disc[parent as usize] {
                        // Pop the block containing edge (parent, v).
                        let tag = out.len() as u32;
                        let mut nodes = vec![parent];
                        mark[parent as usize] = tag;
                        let mut edges = Vec::new();
                        while let Some((a, b)) = edge_stack.pop() {
                            for x in [a, b] {
                                if mark[x as usize] != tag {
                                    mark[x as usize] = tag;
                                    nodes.push(x);
                                }
                            }
                            edges.push((a, b));
                            if (a, b) == (parent, v) {
                                break;
                            }
                        }
                        out.push(Block { nodes, edges });
                    }
                }
            }
        }
    }
    out.reverse();
    out
}

/// Glues block colourings (each over its block's `nodes`, in order) into one colouring of
/// the whole graph, switching each block to agree on its first node when already coloured.
pub(crate) fn glue(
    blocks: &[Block],
    colours: &[Colouring],
    total: &mut Colouring,
    seen: &mut [bool],
) {
    for (b, c) in blocks.iter().zip(colours) {
        let first = b.nodes[0] as usize;
        let switch = seen[first] && total[first] != c[0];
        for (i, &v) in b.nodes.iter().enumerate() {
            total[v as usize] = c[i] ^ switch;
            seen[v as usize] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_sharing_a_node_are_two_blocks() {
        let g = WorkGraph::from_edges(
            5,
            [
                (0, 1, 1.0),
                (1, 2, 1.0),
                (0, 2, -1.0),
                (2, 3, 1.0),
                (3, 4, 1.0),
                (2, 4, 1.0),
            ],
        );
        let b = blocks(&g);
        assert_eq!(b.len(), 2);
        assert!(b.iter().all(|x| x.edges.len() == 3 && x.nodes.len() == 3));
        // The second block's first node is the cut vertex 2.
        assert_eq!(b[1].nodes[0], 2);
    }

    #[test]
    fn reduction_solves_a_tree_and_a_cycle() {
        // A 4-cycle with one negative edge reduces to cost 1 and no edges.
        let mut g = WorkGraph::from_edges(4, [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, -1.0)]);
        let log = reduce(&mut g);
        assert_eq!(g.edge_count(), 0);
        assert_eq!(g.constant(), 1.0);
        let mut c = vec![false; 4];
        undo(&log, &mut c);
        let orig = WorkGraph::from_edges(4, [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, -1.0)]);
        assert_eq!(orig.cost(&c), 1.0);
    }
}
