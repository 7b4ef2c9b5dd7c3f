//! Data-set TOML: any text either fails with a typed error or gives a data set that survives
//! a TOML and a JSON round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rsct::Dataset;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ds) = Dataset::from_toml_str(text) {
        let toml = ds.to_toml_string().expect("a valid data set serialises");
        assert_eq!(Dataset::from_toml_str(&toml).expect("round trip"), ds);
        let json = ds.to_json_string().expect("a valid data set serialises");
        assert_eq!(Dataset::from_json_str(&json).expect("round trip"), ds);
    }
});
