//! Data-set JSON: any text either fails with a typed error or gives a data set that survives
//! a JSON and a TOML round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rsct::Dataset;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ds) = Dataset::from_json_str(text) {
        let json = ds.to_json_string().expect("a valid data set serialises");
        assert_eq!(Dataset::from_json_str(&json).expect("round trip"), ds);
        let toml = ds.to_toml_string().expect("a valid data set serialises");
        assert_eq!(Dataset::from_toml_str(&toml).expect("round trip"), ds);
    }
});
