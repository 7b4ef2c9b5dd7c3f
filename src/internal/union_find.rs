//! Union–find with parity (Galler & Fischer 1964; Tarjan 1975): each node knows the parity of
//! the number of negative ties on a path to its root. Path compression and union by size;
//! parent and parity share one `u32` (the top bit is the parity).

const PARITY: u32 = 1 << 31;
const MASK: u32 = PARITY - 1;

pub(crate) struct ParityUnionFind {
    link: Vec<u32>,
    size: Vec<u32>,
}

impl ParityUnionFind {
    /// `n` singletons (`n < 2³¹`).
    pub fn new(n: usize) -> Self {
        Self {
            link: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// The root of `x` and the parity of `x` relative to it.
    #[inline]
    pub fn find(&mut self, x: u32) -> (u32, u32) {
        let mut r = x;
        let mut p = 0;
        loop {
            let l = self.link[r as usize];
            let up = l & MASK;
            if up == r {
                break;
            }
            p ^= l >> 31;
            r = up;
        }
        // Compress: point every node on the path at the root with its parity to the root.
        let mut y = x;
        let mut py = p;
        while y != r {
            let l = self.link[y as usize];
            self.link[y as usize] = r | (py << 31);
            py ^= l >> 31;
            y = l & MASK;
        }
        (r, p)
    }

    /// Adds the constraint "parity(a) xor parity(b) = odd". Returns `false` if it contradicts
    /// the constraints so far.
    #[inline]
    pub fn unite(&mut self, a: u32, b: u32, odd: bool) -> bool {
        let (ra, pa) = self.find(a);
        let (rb, pb) = self.find(b);
        let want = u32::from(odd);
        if ra == rb {
            return pa ^ pb == want;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.link[small as usize] = big | ((pa ^ pb ^ want) << 31);
        self.size[big as usize] += self.size[small as usize];
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parity_constraints() {
        let mut uf = ParityUnionFind::new(4);
        assert!(uf.unite(0, 1, true));
        assert!(uf.unite(1, 2, true));
        assert!(uf.unite(0, 2, false));
        assert!(!uf.unite(0, 2, true));
        let (r0, p0) = uf.find(0);
        let (r2, p2) = uf.find(2);
        assert_eq!((r0, p0 ^ p2), (r2, 0));
        assert_ne!(uf.find(3).0, r0);
        // Self constraint: odd contradicts.
        assert!(!uf.unite(3, 3, true));
        assert!(uf.unite(3, 3, false));
    }
}
