//! Paths shared by the integration tests: fixtures under `tests/data/`, and the real data of
//! `../shared/data/`, which a fresh clone does not have.
#![allow(dead_code)] // each test crate uses only some of these

use std::path::{Path, PathBuf};

/// `tests/data/<dir>/<name>` (`dir` may be empty).
pub fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
        .join(name)
}

/// `../shared/data/<dir>/<name>` when it exists; otherwise prints a notice and returns
/// `None`, so that the check is skipped on a fresh clone.
pub fn shared(dir: &str, name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(dir)
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("notice: {} is absent; skipping this check", p.display());
        None
    }
}
