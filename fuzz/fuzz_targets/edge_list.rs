//! Whitespace / SNAP edge lists (`rsct::io::from_bytes::edge_list`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok((g, report)) = rsct::io::from_bytes::edge_list("fuzz.txt", data) {
        common::check(&g, &report);
    }
});
