//! Regression tests for every crash, hang, out-of-memory and silent misreading found by the
//! fuzzers (`fuzz/`) and the adversarial tests. Each input that is a file is kept under
//! `tests/data/regressions/`, read through the public reader it broke, and checked for the
//! correct result or the typed error naming its file and line. Inputs found by the
//! structured `analyses` target are rebuilt here in code (its bytes only mean something to
//! the fuzz harness).

use rsct::evolution::{EvolutionError, EvolutionOptions, MAX_SERIES_YEARS, series};
use rsct::io::{PajekOptions, ReadError};
use rsct::{Dataset, Sign};
use std::path::{Path, PathBuf};

fn regression(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/regressions")
        .join(name)
}

/// Every file in the folder is covered by a test below (none is left unread).
#[test]
fn every_regression_file_is_checked() {
    let known = [
        "csv-cr-only-line-ends.csv",
        "csv-weight-sum-overflow.csv",
        "dataset-json-float-roundtrip.json",
        "pajek-ideographic-space-before-network.net",
        "pajek-negative-time-interval.net",
        "pajek-vertices-4e9.net",
    ];
    let mut found: Vec<String> = std::fs::read_dir(regression(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    found.sort();
    assert_eq!(found, known);
}

/// Panicked: `*Network` after multi-byte white space sliced the line at byte 7, inside a
/// character (`start byte index 7 is not a char boundary`).
#[test]
fn pajek_network_name_after_unicode_space() {
    let p = regression("pajek-ideographic-space-before-network.net");
    let (g, _) = rsct::io::read_pajek(&p, &PajekOptions::new()).unwrap();
    assert_eq!((g.node_count(), g.negative_edge_count()), (2, 1));
    let (g, _) = rsct::io::read_pajek(&p, &PajekOptions::new().network("x")).unwrap();
    assert_eq!(g.edge_count(), 1);
}

/// Out of memory: `*Vertices 4000000000` allocated a label per declared vertex up front.
#[test]
fn pajek_vertex_count_is_bounded() {
    let p = regression("pajek-vertices-4e9.net");
    let e = rsct::io::read_pajek(&p, &PajekOptions::new()).unwrap_err();
    assert!(
        matches!(&e, ReadError::TooManyVertices { file, line: 1, count: 4_000_000_000, limit }
            if file == &p && *limit == PajekOptions::DEFAULT_MAX_VERTICES),
        "{e:?}"
    );
    assert!(e.to_string().contains("pajek-vertices-4e9.net:1:"), "{e}");
}

/// Rejected: a time interval with a negative start (`[-5--3]`) split at the minus sign.
#[test]
fn pajek_negative_time_interval() {
    let p = regression("pajek-negative-time-interval.net");
    for (t, edges) in [(-4, 1), (-6, 0), (-2, 0)] {
        let (g, r) = rsct::io::read_pajek(&p, &PajekOptions::new().time(t)).unwrap();
        assert_eq!(
            (g.edge_count(), r.outside_time),
            (edges, 1 - edges),
            "time {t}"
        );
    }
}

/// Silent misreading: with CR-only line ends the whole file was one line, taken for a
/// header, and the graph came back empty without an error.
#[test]
fn csv_cr_only_line_ends() {
    let p = regression("csv-cr-only-line-ends.csv");
    let e = rsct::io::read_signed_csv(&p).unwrap_err();
    assert!(
        matches!(&e, ReadError::Format { file, line: 1, message } if file == &p && message.contains("carriage return")),
        "{e:?}"
    );
}

/// Silent misreading: two arcs of weight f64::MAX summed to infinity, and the edge fell
/// back to weight 1.
#[test]
fn csv_weight_sum_overflow() {
    let (g, r) = rsct::io::read_signed_csv(regression("csv-weight-sum-overflow.csv")).unwrap();
    assert_eq!(r.merged_pairs, 1);
    let e = g
        .graph()
        .find_edge(g.node("a").unwrap(), g.node("b").unwrap())
        .unwrap();
    assert_eq!(g.graph()[e].sign(), Sign::Amity);
    assert_eq!(g.graph()[e].weight(), f64::MAX);
}

/// Silent misreading (fuzz target `analyses`, JSON round trip): serde_json's default float
/// parser read `1.1945305331658133e+103` as `1.1945305331658131e103`, one ulp off, so a data
/// set saved as JSON did not load back equal.
#[test]
fn json_floats_parse_exactly() {
    let p = regression("dataset-json-float-roundtrip.json");
    let ds = Dataset::load(&p).unwrap();
    let v = ds.capabilities()[0].value();
    assert_eq!(v.to_bits(), 1.1945305331658133e103_f64.to_bits());
    assert_eq!(
        Dataset::from_json_str(&ds.to_json_string().unwrap()).unwrap(),
        ds
    );
    assert_eq!(
        Dataset::from_toml_str(&ds.to_toml_string().unwrap()).unwrap(),
        ds
    );
}

fn one_unit() -> Dataset {
    Dataset::builder()
        .unit(rsct::Unit::state("U0", "U0").unwrap())
        .build()
        .unwrap()
}

/// Panicked (fuzz target `analyses`): `to - from + 1` overflowed `i32` in
/// `evolution::series` for ranges reaching both ends of the year type; with overflow
/// checks off, the range ran for billions of years (a hang) or asked for gigabytes (out of
/// memory).
#[test]
fn evolution_series_over_extreme_ranges() {
    let ds = one_unit();
    let o = EvolutionOptions::new();
    for (from, to) in [
        (i32::MIN, i32::MAX),
        (i32::MIN, 0),
        (-1, i32::MAX),
        (-35_549_557, 1_000_000),
    ] {
        let e = series(&ds, from, to, &o).unwrap_err();
        assert_eq!(
            e,
            EvolutionError::RangeTooLong {
                from,
                to,
                limit: MAX_SERIES_YEARS
            }
        );
    }
    let s = series(&ds, i32::MAX - 1, i32::MAX, &o).unwrap();
    assert_eq!(s.years.len(), 2);
    let last = i32::MIN + MAX_SERIES_YEARS as i32 - 1;
    assert_eq!(series(&ds, i32::MIN, last, &o).unwrap().years.len(), 10_000);
}

/// Wrong result (adversarial test): shares of capabilities near f64::MAX summed to infinity
/// and every share came out 0.
#[test]
fn shares_of_huge_capabilities() {
    let s = rsct::polarity::Shares::from_values([("A", f64::MAX), ("B", f64::MAX), ("C", 0.0)])
        .unwrap();
    assert_eq!(s.shares(), &[0.5, 0.5, 0.0]);
    let m = rsct::polarity::measures(&s);
    assert_eq!(m.hhi, 0.5);
}

/// Panicked with overflow checks: a timeline starting in `i32::MAX` labelled its second
/// year `i32::MAX + 1`.
#[test]
fn timeline_at_the_last_year() {
    let t = rsct::report::Timeline {
        title: "end of time".into(),
        first_year: i32::MAX,
        panels: vec![rsct::report::TimelinePanel {
            title: "p".into(),
            series: vec![("A".into(), vec![Some(0.1), Some(0.2)])],
        }],
        bands: vec![],
    };
    let svg = t.to_svg();
    assert!(
        svg.contains(">2147483647<") && svg.contains(">2147483648<"),
        "{svg}"
    );
}
