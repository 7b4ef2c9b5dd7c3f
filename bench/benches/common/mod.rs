//! What every bench shares: where the real data sets are.

use std::path::{Path, PathBuf};

/// `<shared data>/<sub>`: `$RSCT_SHARED_DIR/<sub>` when that variable is set (as for the
/// tests, e.g. from a worktree that does not sit beside `shared/`), else
/// `../shared/data/<sub>` beside the repository. (`balance` also reads `RSCT_SIGNED_DATA`
/// for `signed/`.)
pub fn shared_dir(sub: &str) -> PathBuf {
    match std::env::var_os("RSCT_SHARED_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d).join(sub),
        _ => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data")
            .join(sub),
    }
}
