//! A small, seeded, deterministic generator: SplitMix64 (Steele, Lea & Flood 2014), the
//! generator behind every randomised step of the crate (the community search's node order,
//! the frustration heuristics, Lanczos's start vectors). Not for cryptography.

/// SplitMix64: a 64-bit state advanced by the golden-ratio increment and mixed.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

/// The golden-ratio increment of SplitMix64.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl Rng {
    /// A generator whose state is `state` as given.
    pub(crate) fn from_state(state: u64) -> Self {
        Self(state)
    }

    /// A generator seeded with `seed` mixed with the golden-ratio constant, so that seed 0
    /// does not start from state 0.
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed ^ GOLDEN)
    }

    /// The generator of task `task` of a computation seeded with `seed` (a start of a
    /// multi-start search): task 0's is [`Rng::new`]`(seed)`, every other task's state is
    /// drawn from `seed` and `task`. Tasks so seeded draw the same numbers whatever order,
    /// or thread, they run in.
    pub(crate) fn for_task(seed: u64, task: u64) -> Self {
        if task == 0 {
            return Self::new(seed);
        }
        let mut mixer = Self::from_state(seed ^ task.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Self::from_state(mixer.next_u64())
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), from the high bits.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % (n as u64)) as usize
    }

    /// Shuffles `v` in place (Fisher–Yates, index from the low bits).
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn splitmix64_reference_values() {
        // The first outputs of SplitMix64 from state 0 (Vigna's reference implementation).
        let mut r = Rng::from_state(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn below_stays_in_range_and_shuffle_permutes() {
        let mut r = Rng::new(7);
        assert!((0..1000).all(|_| r.below(13) < 13));
        let mut v: Vec<u32> = (0..50).collect();
        r.shuffle(&mut v);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..50).collect::<Vec<_>>());
    }
}
