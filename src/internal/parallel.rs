//! Parallel maps on rayon whose results do not depend on the number of threads: every map
//! collects its results in the order of its inputs, each task draws its own random numbers
//! (from its own seed, never from a generator shared across tasks), and callers combine
//! floating-point results in that order. An analysis's `threads` option says where its maps
//! run:
//!
//! - `0` (the default of every option): rayon's current pool — the global pool (every core,
//!   or `RAYON_NUM_THREADS`), or the pool of a caller already running in one, so nested
//!   analyses (the panel's years, each with its frustration heuristic) share one pool;
//! - `1`: the calling thread alone, without rayon;
//! - `n ≥ 2`: a pool of `n` threads of the analysis's own for the call.

use rayon::prelude::*;

/// Runs `f` with the maps it makes on `threads` threads (see the module documentation): in
/// a pool of its own when `threads ≥ 2` (on the calling thread should the pool fail to
/// start), else where the caller runs.
pub(crate) fn install<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    if threads < 2 {
        return f();
    }
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// `f` of every item, in the items' order: on the calling thread when `threads == 1` (or
/// with fewer than two items), else as tasks of rayon's current pool.
pub(crate) fn map<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    map_init(threads, items, || (), |(), _, x| f(x))
}

/// As [`map`], `f` also given the item's position and scratch space made by `init` (once
/// per run of items on a thread, not once per item), which `f` must leave as it found it
/// for the result not to depend on how items are grouped.
pub(crate) fn map_init<T: Sync, S, R: Send>(
    threads: usize,
    items: &[T],
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize, &T) -> R + Sync + Send,
) -> Vec<R> {
    if threads == 1 || items.len() < 2 {
        let mut scratch = init();
        items
            .iter()
            .enumerate()
            .map(|(i, x)| f(&mut scratch, i, x))
            .collect()
    } else {
        items
            .par_iter()
            .enumerate()
            .map_init(init, |s, (i, x)| f(s, i, x))
            .collect()
    }
}

/// `f(i, piece)` of every `chunk`-long piece of `items` (the `i`-th; the last may be
/// shorter), in the pieces' order: on the calling thread when `threads == 1` (or with one
/// piece), else as tasks of rayon's current pool. Each piece is seen by one call alone, so
/// what `f` writes into it does not depend on the number of threads.
pub(crate) fn map_chunks_mut<T: Send, R: Send>(
    threads: usize,
    items: &mut [T],
    chunk: usize,
    f: impl Fn(usize, &mut [T]) -> R + Sync + Send,
) -> Vec<R> {
    if threads == 1 || items.len() <= chunk {
        items
            .chunks_mut(chunk)
            .enumerate()
            .map(|(i, c)| f(i, c))
            .collect()
    } else {
        items
            .par_chunks_mut(chunk)
            .enumerate()
            .map(|(i, c)| f(i, c))
            .collect()
    }
}

/// `(a(), b())`: one after the other when `threads == 1`, else as two tasks of rayon's
/// current pool (side by side when it has two threads free). Each result is what its
/// closure computes alone, so it does not depend on the number of threads when the
/// closures themselves do not.
pub(crate) fn join<A: Send, B: Send>(
    threads: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if threads == 1 {
        (a(), b())
    } else {
        rayon::join(a, b)
    }
}

/// The number of tasks worth running side by side: 1 when `threads == 1`, else the threads
/// of the pool the maps would run in.
pub(crate) fn width(threads: usize) -> usize {
    match threads {
        1 => 1,
        0 => rayon::current_num_threads(),
        n => n,
    }
}

#[cfg(test)]
mod tests {
    use super::{install, join, map, map_chunks_mut, width};

    #[test]
    fn join_returns_both_results_on_any_number_of_threads() {
        let sum = |lo: u64| (lo..lo + 10_000).map(|x| x * x).sum::<u64>();
        let one = join(1, || sum(0), || sum(7));
        for threads in [0, 2, 3] {
            assert_eq!(
                install(threads, || join(threads, || sum(0), || sum(7))),
                one
            );
        }
    }

    #[test]
    fn maps_keep_the_input_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..1000).collect();
        let square = |x: &u64| x * x;
        let one = map(1, &items, square);
        for threads in [0, 2, 3] {
            assert_eq!(install(threads, || map(threads, &items, square)), one);
        }
        let mut v: Vec<u64> = (0..1000).collect();
        let sums = map_chunks_mut(1, &mut v, 64, |i, c| {
            c.iter_mut().for_each(|x| *x += i as u64);
            c.iter().sum::<u64>()
        });
        for threads in [0, 2, 3] {
            let mut w: Vec<u64> = (0..1000).collect();
            let s = install(threads, || {
                map_chunks_mut(threads, &mut w, 64, |i, c| {
                    c.iter_mut().for_each(|x| *x += i as u64);
                    c.iter().sum::<u64>()
                })
            });
            assert_eq!((s, &w), (sums.clone(), &v));
        }
        assert_eq!(width(1), 1);
        assert_eq!(width(3), 3);
        assert!(width(0) >= 1);
    }
}
