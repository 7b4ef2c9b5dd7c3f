//! The theory's assumptions and the crate's theorems, written as properties.
//!
//! Each property's doc comment gives its source. The number of cases comes from
//! `PROPTEST_CASES` (CI: 64; a deep search: `PROPTEST_CASES=100000 cargo test --test theory`).

mod balance;
mod boundary;
mod evolution;
mod invariance;
mod polarity;
