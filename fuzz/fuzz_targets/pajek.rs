//! Pajek networks (`rsct::io::from_bytes::pajek`). The first byte chooses the options: the
//! default, a time point, or a named network. The `*Vertices` limit is lowered to 10^5 so
//! that a declared-but-empty network of millions of vertices (accepted, by design, up to
//! `PajekOptions::DEFAULT_MAX_VERTICES`) does not count as an out-of-memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rsct::io::PajekOptions;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let base = PajekOptions::new().max_vertices(100_000);
    let options = match sel % 4 {
        0 => base,
        1 => base.time(i64::from(sel / 4)),
        2 => base.network("b"),
        _ => base.time(i64::MIN).network(""),
    };
    if let Ok((g, report)) = rsct::io::from_bytes::pajek("fuzz.net", body, &options) {
        common::check(&g, &report);
    }
});
