//! Signed CSV edge lists (`rsct::io::from_bytes::csv`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok((g, report)) = rsct::io::from_bytes::csv("fuzz.csv", data) {
        common::check(&g, &report);
    }
});
