//! Internals shared by several analyses, written once: the seeded generator, the fast hash
//! maps, union–find, the parallel maps, and the accessor macros (getters; builder setters,
//! options with their getters and switches; sign and intensity) of the data model's records
//! and the options builders.
//!
//! Private to the crate; each piece is a small, deterministic building block that more than one
//! module needs (the same seed gives the same sequence on every platform).

mod accessors;
pub(crate) mod hash;
pub(crate) mod parallel;
mod rng;
mod union_find;

pub(crate) use accessors::{
    builder, getters, options, ordered_pair, setters, sign_intensity, switches,
};
pub(crate) use rng::Rng;
pub(crate) use union_find::ParityUnionFind;
