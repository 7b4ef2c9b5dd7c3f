//! Paths shared by the integration tests: fixtures under `tests/data/`, and the real data of
//! `../shared/data/` (or `RSCT_SHARED_DIR`), which a fresh clone does not have.
//!
//! A check that needs `../shared` and cannot find it is *skipped visibly*: one line
//! `rsct-test skipped: …` goes straight to the terminal's standard error (past the test
//! harness's output capture, so `cargo test` shows it without `--nocapture`), with the test's
//! name and a running count, so that `cargo test 2>&1 | grep -c 'rsct-test skipped'` counts
//! the skipped checks. With `RSCT_REQUIRE_SHARED=1` (as `.ci/run` sets it where the data is
//! present) a missing file fails the test instead.
#![allow(dead_code)] // each test crate uses only some of these

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// `tests/data/<dir>/<name>` (`dir` may be empty).
pub fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
        .join(name)
}

/// The directory of the shared data: `RSCT_SHARED_DIR` when set, else `../shared/data`
/// beside the repository.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("RSCT_SHARED_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

/// `<shared_dir>/<dir>/<name>` when it exists; otherwise reports the skip (see the module
/// documentation) and returns `None`, or panics under `RSCT_REQUIRE_SHARED=1`.
pub fn shared(dir: &str, name: &str) -> Option<PathBuf> {
    let p = shared_dir().join(dir).join(name);
    if p.exists() { Some(p) } else { skip(&p) }
}

/// `../shared/data/<dir>/<name>` for every name when all exist; otherwise as [`shared`] for
/// the first that is missing.
pub fn shared_all<const N: usize>(dir: &str, names: [&str; N]) -> Option<[PathBuf; N]> {
    let mut out = Vec::with_capacity(N);
    for n in names {
        out.push(shared(dir, n)?);
    }
    out.try_into().ok()
}

/// Whether a missing shared file must fail the test (`RSCT_REQUIRE_SHARED` set and not `0`).
pub fn shared_required() -> bool {
    std::env::var("RSCT_REQUIRE_SHARED").is_ok_and(|v| !v.is_empty() && v != "0")
}

static SKIPPED: AtomicUsize = AtomicUsize::new(0);

fn skip(missing: &Path) -> Option<PathBuf> {
    let test = std::thread::current()
        .name()
        .unwrap_or("<unnamed test>")
        .to_owned();
    if shared_required() {
        panic!(
            "{test}: {} is absent and RSCT_REQUIRE_SHARED is set",
            missing.display()
        );
    }
    let n = SKIPPED.fetch_add(1, Ordering::Relaxed) + 1;
    // Written to the process's standard error directly: `eprintln!` would be captured by the
    // test harness and shown only for failing tests.
    let _ = writeln!(
        std::io::stderr().lock(),
        "rsct-test skipped: {test} in {} (skip {n} of this test binary): {} is absent",
        env!("CARGO_CRATE_NAME"),
        missing.display()
    );
    None
}
