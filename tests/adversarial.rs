//! Adversarial inputs for every reader and analysis: huge ids, many units, duplicate lines,
//! mixed line endings and byte-order marks, NaN and infinities, zero and negative
//! intensities, years at the `i32` bounds, empty files and truncated gzip. Each gives a typed
//! error naming the file and line (or the item), or a correct result — never a panic.

use rsct::Issue;
use rsct::evolution::{EvolutionError, EvolutionOptions, MAX_SERIES_YEARS, series};
use rsct::io::cow::{self, from_bytes as cow_bytes};
use rsct::io::{PajekOptions, ReadError, from_bytes};
use rsct::{Dataset, DatasetError, DerivationRules, Period, Sign};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Self {
        let p = std::env::temp_dir().join(format!("rsct-adversarial-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The file and line an error names (`None` for errors without a line).
fn place(e: &ReadError) -> (PathBuf, Option<usize>) {
    let msg = e.to_string();
    let file = match e {
        ReadError::Io { file, .. }
        | ReadError::Gzip { file, .. }
        | ReadError::Encoding { file, .. }
        | ReadError::MissingField { file, .. }
        | ReadError::ExtraFields { file, .. }
        | ReadError::BadNumber { file, .. }
        | ReadError::BadWeight { file, .. }
        | ReadError::UnterminatedQuote { file, .. }
        | ReadError::VertexOutOfRange { file, .. }
        | ReadError::Format { file, .. }
        | ReadError::NoSuchNetwork { file, .. }
        | ReadError::TooManyNodes { file, .. }
        | ReadError::TooManyVertices { file, .. }
        | ReadError::MissingColumn { file, .. }
        | ReadError::BadCode { file, .. }
        | ReadError::UnknownCcode { file, .. }
        | ReadError::OutOfRange { file, .. }
        | ReadError::UnknownFormat { file }
        | ReadError::Empty { file }
        | ReadError::TooLarge { file, .. }
        | ReadError::LineTooLong { file, .. }
        | ReadError::AmbiguousColumns { file, .. } => file.clone(),
        _ => panic!("unexpected error kind {e:?}"),
    };
    let line = match e {
        ReadError::Encoding { line, .. }
        | ReadError::MissingField { line, .. }
        | ReadError::ExtraFields { line, .. }
        | ReadError::BadNumber { line, .. }
        | ReadError::BadWeight { line, .. }
        | ReadError::UnterminatedQuote { line, .. }
        | ReadError::VertexOutOfRange { line, .. }
        | ReadError::Format { line, .. }
        | ReadError::TooManyVertices { line, .. }
        | ReadError::MissingColumn { line, .. }
        | ReadError::BadCode { line, .. }
        | ReadError::UnknownCcode { line, .. }
        | ReadError::OutOfRange { line, .. }
        | ReadError::LineTooLong { line, .. }
        | ReadError::AmbiguousColumns { line, .. } => Some(*line),
        _ => None,
    };
    assert!(msg.contains(&file.display().to_string()), "{msg}");
    if let Some(l) = line {
        assert!(msg.contains(&format!(":{l}:")), "{msg}");
    }
    (file, line)
}

/// Asserts `e` names `file` and `line`.
#[track_caller]
fn at(e: &ReadError, file: &str, line: usize) {
    let (f, l) = place(e);
    assert_eq!((f.as_path(), l), (Path::new(file), Some(line)), "{e}");
}

fn csv(text: &str) -> Result<(rsct::SignedGraph, rsct::io::ReadReport), ReadError> {
    from_bytes::csv("adv.csv", text.as_bytes())
}

fn edges(text: &str) -> Result<(rsct::SignedGraph, rsct::io::ReadReport), ReadError> {
    from_bytes::edge_list("adv.txt", text.as_bytes())
}

fn pajek(text: &str) -> Result<(rsct::SignedGraph, rsct::io::ReadReport), ReadError> {
    from_bytes::pajek("adv.net", text.as_bytes(), &PajekOptions::new())
}

const STATES: &str = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
USA,2,United States of America,1816,1,1,2016,12,31\n\
RUS,365,Russia,1816,1,1,2016,12,31\n";

// ---------------------------------------------------------------- huge ids

#[test]
fn huge_ids_in_edge_lists() {
    let long = "x".repeat(100_000);
    let (g, _) = csv(&format!("{long},b,1\n")).unwrap();
    assert_eq!(
        g.node(&long).map(|i| g.label(i).unwrap().len()),
        Some(100_000)
    );
    // Numeric labels past u64 and past the canonical 19 digits stay distinct strings.
    let text = "18446744073709551615 18446744073709551616 -1\n\
                99999999999999999999 0099 1\n99 0099 1\n9999999999999999999 99 1\n";
    let (g, r) = edges(text).unwrap();
    assert_eq!((g.node_count(), g.edge_count(), r.arcs), (6, 4, 4));
    for l in [
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999",
        "0099",
        "99",
        "9999999999999999999",
    ] {
        assert!(g.node(l).is_some(), "{l}");
    }
}

#[test]
fn huge_vertex_numbers_and_counts_in_pajek() {
    let e = pajek("*Vertices 2\n*Arcs\n1 9223372036854775807 1\n").unwrap_err();
    at(&e, "adv.net", 3);
    assert!(matches!(
        e,
        ReadError::VertexOutOfRange {
            vertex: i64::MAX,
            count: 2,
            ..
        }
    ));
    let e = pajek("*Vertices 2\n*Arcs\n1 99999999999999999999 1\n").unwrap_err();
    at(&e, "adv.net", 3);
    assert!(matches!(e, ReadError::BadNumber { .. }));
    let e = pajek("*Vertices 2\n*Arcs\n-9223372036854775808 1 1\n").unwrap_err();
    assert!(matches!(
        e,
        ReadError::VertexOutOfRange {
            vertex: i64::MIN,
            ..
        }
    ));
    // A count that would need gigabytes is refused at once, naming the line.
    let e = pajek("% big\n*Vertices 18446744073709551615\n").unwrap_err();
    at(&e, "adv.net", 2);
    assert!(matches!(
        e,
        ReadError::TooManyVertices { count: usize::MAX, limit, .. }
            if limit == PajekOptions::DEFAULT_MAX_VERTICES
    ));
    let e = pajek("*Vertices 18446744073709551616\n").unwrap_err();
    at(&e, "adv.net", 1);
    // The limit is an option; within it isolated vertices are all kept.
    let opts = PajekOptions::new().max_vertices(10);
    let e = from_bytes::pajek("adv.net", b"*Vertices 11\n", &opts).unwrap_err();
    assert!(matches!(
        e,
        ReadError::TooManyVertices {
            count: 11,
            limit: 10,
            ..
        }
    ));
    let (g, _) = from_bytes::pajek("adv.net", b"*Vertices 10\n", &opts).unwrap();
    assert_eq!(g.node_count(), 10);
}

#[test]
fn huge_country_codes_and_years_in_cow_files() {
    let e = cow_bytes::states(
        "s.csv",
        b"stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
          AAA,99999999999999999999,A,1816,1,1,2016,12,31\n",
    )
    .unwrap_err();
    at(&e, "s.csv", 2);
    assert!(matches!(e, ReadError::BadCode { ref column, .. } if column == "ccode"));
    let head =
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n";
    for (row, col) in [
        ("2,365,2147483648,1,0,0,0,0\n", "year"),
        ("2,365,-2147483649,1,0,0,0,0\n", "year"),
        ("2,365,1e300,1,0,0,0,0\n", "year"),
        ("2,365,1994,9223372036854775808,0,0,0,0\n", "atop_defense"),
    ] {
        let e = cow_bytes::atop("a.csv", format!("{head}{row}").as_bytes(), None).unwrap_err();
        at(&e, "a.csv", 2);
        assert!(
            matches!(&e, ReadError::BadNumber { field, .. } | ReadError::OutOfRange { column: field, .. } if field == col),
            "{e:?}"
        );
    }
}

#[test]
fn huge_ids_and_codes_in_data_sets() {
    let long = "A".repeat(10_000);
    let text = format!(
        "schema_version = 1\n[[units]]\nid = \"{long}\"\nname = \"x\"\nkind = \"state\"\n\
         cow = 9223372036854775807\n"
    );
    let DatasetError::Invalid { issues, .. } = Dataset::from_toml_str(&text).unwrap_err() else {
        panic!("expected validation issues");
    };
    assert!(
        issues.iter().any(|i| matches!(i, Issue::InvalidId { .. })),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| matches!(i, Issue::BadCode { field: "cow", .. })),
        "{issues:?}"
    );
    // A cow code beyond i64 is a parse error with its line.
    let e = Dataset::from_toml_str(
        "schema_version = 1\n[[units]]\nid = \"A\"\nname = \"x\"\nkind = \"state\"\ncow = 99999999999999999999\n",
    )
    .unwrap_err();
    assert!(
        matches!(e, DatasetError::Parse { line: Some(6), .. }),
        "{e:?}"
    );
}

// ---------------------------------------------------------------- many units

/// 10^6 distinct units in an edge list (a path), generated in memory. Release builds read
/// them all; debug builds (the normal `cargo test`) use 10^5 to keep the suite fast.
#[test]
fn a_million_units_in_an_edge_list() {
    let n: usize = if cfg!(debug_assertions) {
        100_000
    } else {
        1_000_000
    };
    let mut text = String::with_capacity(n * 16);
    for i in 0..n {
        // Alternate signs; every unit is new except the shared end.
        text.push_str(&format!(
            "{i} {} {}\n",
            i + 1,
            if i % 2 == 0 { 1 } else { -1 }
        ));
    }
    let (g, r) = edges(&text).unwrap();
    assert_eq!((g.node_count(), g.edge_count(), r.arcs), (n + 1, n, n));
    assert_eq!(g.negative_edge_count(), n / 2);
    // A path is a tree: balanced, with camps alternating at every enmity.
    let h = rsct::balance::harary_test(g.graph()).unwrap();
    assert!(h.is_balanced());
}

/// Many units in a data set: validation, snapshot and balance. 10^5 in debug builds, 10^6 in
/// release builds.
#[test]
fn many_units_in_a_data_set() {
    let n: usize = if cfg!(debug_assertions) {
        20_000
    } else {
        1_000_000
    };
    let mut b = Dataset::builder();
    for i in 0..n {
        b = b.unit(rsct::Unit::state(&format!("U{i}"), "u").unwrap());
    }
    let ev = rsct::Evidence::new("generated").unwrap();
    for i in 1..n {
        let sign = if i % 3 == 0 {
            Sign::Enmity
        } else {
            Sign::Amity
        };
        b = b.relation(
            rsct::Relation::builder(
                &format!("U{}", i - 1),
                &format!("U{i}"),
                sign,
                Period::from_year(2000),
            )
            .intensity(0.5)
            .sector(rsct::Sector::Military)
            .evidence(ev.clone())
            .build()
            .unwrap(),
        );
    }
    let ds = b.build().unwrap();
    let g = ds.snapshot(2000, &DerivationRules::new()).unwrap();
    assert_eq!((g.unit_count(), g.tie_count()), (n, n - 1));
    assert!(rsct::balance::harary_test(g.graph()).unwrap().is_balanced());
    // Before the data set's first year: an error naming the years it covers.
    let e = ds.snapshot(1999, &DerivationRules::new()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "year 1999 is outside the data set's years (2000–open)"
    );
}

// ---------------------------------------------------------------- duplicates

#[test]
fn duplicate_lines_are_merged_and_counted() {
    let text = "from,to,sign\na,b,1\na,b,1\na,b,1\nb,a,-1\nc,d,-1\nc,d,-1\n";
    let (g, r) = csv(text).unwrap();
    assert_eq!(
        (g.edge_count(), r.arcs, r.merged_pairs, r.cancelled_pairs),
        (2, 6, 2, 0)
    );
    let (a, b) = (g.node("a").unwrap(), g.node("b").unwrap());
    assert_eq!(
        g.graph()[g.graph().find_edge(a, b).unwrap()].sign(),
        Sign::Amity
    );
    // Duplicate COW rows fold into one dyad-year.
    let mid =
        "dispnum,ccode1,ccode2,year,hostlev\n1,2,365,1990,4\n1,2,365,1990,4\n1,365,2,1990,5\n";
    let d = cow_bytes::mid5("m.csv", mid.as_bytes(), None).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d.get(1990, 2, 365).unwrap().hostility(), 5);
    // Duplicate state rows under two abbreviations name the line.
    let s = format!("{STATES}XXX,365,Russia,1816,1,1,2016,12,31\n");
    let e = cow_bytes::states("s.csv", s.as_bytes()).unwrap_err();
    at(&e, "s.csv", 4);
    // Duplicate units in a data set name both items.
    let t = "schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\n\
             [[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\n";
    let DatasetError::Invalid { issues, .. } = Dataset::from_toml_str(t).unwrap_err() else {
        panic!()
    };
    assert!(
        matches!(&issues[..], [Issue::DuplicateId { id, .. }] if id == "A"),
        "{issues:?}"
    );
    // Duplicate Pajek vertex labels name the line of the first arc.
    let e = pajek("*Vertices 2\n1 \"a\"\n2 \"a\"\n*Arcs\n1 2 1\n").unwrap_err();
    at(&e, "adv.net", 5);
}

/// Many relations on one pair: duplicates of one sign are valid and cheap; opposite,
/// overlapping ones list at most `MAX_CONFLICTS_PER_PAIR` conflicts (not the quadratic
/// number, which for 3,000 + 3,000 relations would be 9 million issues).
#[test]
fn many_relations_on_one_pair() {
    let ev = rsct::Evidence::new("generated").unwrap();
    let rel = |sign, k: usize| {
        rsct::Relation::builder("A", "B", sign, Period::from_year(1990))
            .id(&format!("r{k}"))
            .intensity(0.5)
            .sector(rsct::Sector::Military)
            .evidence(ev.clone())
            .build()
            .unwrap()
    };
    let units = || {
        Dataset::builder()
            .unit(rsct::Unit::state("A", "a").unwrap())
            .unit(rsct::Unit::state("B", "b").unwrap())
    };
    let ds = units()
        .relations((0..20_000).map(|k| rel(Sign::Enmity, k)))
        .build()
        .unwrap();
    assert_eq!(ds.relations().len(), 20_000);
    let e = units()
        .relations((0..6_000).map(|k| {
            rel(
                if k % 2 == 0 {
                    Sign::Amity
                } else {
                    Sign::Enmity
                },
                k,
            )
        }))
        .build()
        .unwrap_err();
    let DatasetError::Invalid { issues, .. } = e else {
        panic!()
    };
    let max = rsct::MAX_CONFLICTS_PER_PAIR;
    assert_eq!(issues.len(), max + 1);
    assert!(
        issues[..max]
            .iter()
            .all(|i| matches!(i, Issue::ConflictingRelations { .. }))
    );
    assert!(
        matches!(&issues[max], Issue::TooManyConflicts { a, b, listed } if a == "A" && b == "B" && *listed == max)
    );
    // The first conflicts are listed in order: r0 with r1, r3, r5 …
    let Issue::ConflictingRelations { first, second, .. } = &issues[1] else {
        panic!()
    };
    assert_eq!(
        (first.to_string(), second.to_string()),
        (
            "relations[0] r0 (A–B)".to_owned(),
            "relations[3] r3 (A–B)".to_owned()
        )
    );
}

// ---------------------------------------------------------------- line endings and BOMs

#[test]
fn mixed_line_endings_and_byte_order_marks() {
    let text = "\u{feff}from,to,sign\r\na,b,1\nb,c,-1\r\n\r\nc,d,1\r\n";
    let (g, r) = csv(text).unwrap();
    assert_eq!((g.node_count(), g.edge_count(), r.arcs), (4, 3, 3));
    assert!(
        g.node("a").is_some(),
        "the BOM is not part of the first label"
    );
    // Line numbers count every line ending alike.
    let e = csv("\u{feff}from,to,sign\r\na,b,1\nb,c,x\r\n").unwrap_err();
    at(&e, "adv.csv", 3);
    let e = edges("a b 1\r\nb c 1\nc d\r\n").unwrap_err();
    at(&e, "adv.txt", 3);
    // A byte-order mark anywhere else is text: here a label.
    let (g, _) = edges("a b 1\n\u{feff}c d 1\n").unwrap();
    assert!(g.node("\u{feff}c").is_some());
    // UTF-16 is not UTF-8: an encoding error on line 1.
    let e = from_bytes::csv("adv.csv", b"\xff\xfef\x00r\x00").unwrap_err();
    assert!(matches!(e, ReadError::Encoding { line: 1, .. }), "{e:?}");
    // Old Mac line ends (lone CR) would run every line into the first: a typed error
    // rather than a silent misreading (the first line would pass for a header).
    for text in ["a,b,1\rb,c,1\r", "from,to,sign\ra,b,1\rb,c,1"] {
        let e = csv(text).unwrap_err();
        assert!(matches!(e, ReadError::Format { line: 1, .. }), "{e:?}");
    }
    let e = edges("a b 1\nb c 1\rc d 1\n").unwrap_err();
    at(&e, "adv.txt", 2);
    let e = cow_bytes::states("s.csv", STATES.replace('\n', "\r").as_bytes()).unwrap_err();
    at(&e, "s.csv", 1);
    // Doubled CRs at a line's end (a file converted twice) are still a line end.
    let (g, _) = csv("a,b,1\r\r\nb,c,1\r\r\n").unwrap();
    assert_eq!(g.edge_count(), 2);
    // Pajek and COW files with a BOM and CRLF.
    let (g, _) = pajek("\u{feff}*Vertices 2\r\n1 a\r\n2 b\n*Edges\r\n1 2 -1\r\n").unwrap();
    assert_eq!(g.negative_edge_count(), 1);
    let s = format!("\u{feff}{}", STATES.replace('\n', "\r\n"));
    let st = cow_bytes::states("s.csv", s.as_bytes()).unwrap();
    assert_eq!(st.abbreviation(365), Some("RUS"));
    // Data sets: a BOM before TOML or JSON is either accepted or a parse error with a line.
    for r in [
        Dataset::from_toml_str("\u{feff}schema_version = 1\r\nname = \"x\"\n"),
        Dataset::from_json_str("\u{feff}{\"schema_version\": 1}"),
    ] {
        match r {
            Ok(ds) => assert!(ds.units().is_empty()),
            Err(DatasetError::Parse { line, .. }) => assert_eq!(line, Some(1)),
            Err(e) => panic!("{e:?}"),
        }
    }
    let ds = Dataset::from_toml_str("schema_version = 1\r\nname = \"x\"\n").unwrap();
    assert_eq!(ds.name(), Some("x"));
}

// ---------------------------------------------------------------- NaN, infinities

#[test]
fn nan_and_infinities_are_typed_errors() {
    for v in ["NaN", "nan", "inf", "-inf", "infinity", "1e999", "-1e999"] {
        let e = csv(&format!("from,to,sign\na,b,1\nb,c,{v}\n")).unwrap_err();
        at(&e, "adv.csv", 3);
        assert!(
            matches!(e, ReadError::BadNumber { ref field, .. } if field == "sign"),
            "{v}: {e:?}"
        );
        let e = csv(&format!("a,b,1,{v}\n")).unwrap_err();
        at(&e, "adv.csv", 1);
        let e = edges(&format!("# c\na b {v}\n")).unwrap_err();
        at(&e, "adv.txt", 2);
        let e = pajek(&format!("*Vertices 2\n*Arcs\n1 2 {v}\n")).unwrap_err();
        at(&e, "adv.net", 3);
        let nmc =
            format!("ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1990,1,1,1,1,1,1,{v}\n");
        let e = cow_bytes::nmc("n.csv", nmc.as_bytes(), None).unwrap_err();
        at(&e, "n.csv", 2);
    }
    for v in ["nan", "inf", "-inf", "+inf"] {
        let t = format!(
            "schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\n\
             [[capabilities]]\nunit = \"A\"\nyear = 1990\nvalue = {v}\nsource = \"s\"\n"
        );
        let DatasetError::Invalid { issues, .. } = Dataset::from_toml_str(&t).unwrap_err() else {
            panic!("{v}")
        };
        assert!(
            matches!(&issues[..], [Issue::CapabilityOutOfRange { .. }]),
            "{issues:?}"
        );
    }
    // JSON has no NaN; an overflowing number is a parse error naming the line.
    let e = Dataset::from_json_str("{\"schema_version\": 1,\n\"capabilities\": [{\"unit\": \"A\", \"year\": 1, \"value\": 1e999, \"source\": \"s\"}]}").unwrap_err();
    assert!(
        matches!(e, DatasetError::Parse { line: Some(2), .. }),
        "{e:?}"
    );
    // Analyses reject non-finite capabilities with a typed error.
    let g = Dataset::builder()
        .build()
        .unwrap()
        .snapshot(2000, &DerivationRules::new())
        .unwrap();
    let caps = [("A".to_owned(), f64::NAN)].into_iter().collect();
    let e = rsct::boundary::analyse(
        &g,
        &caps,
        &rsct::boundary::InterdependenceOptions::new(),
        &rsct::boundary::BoundaryOptions::new(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        rsct::boundary::BoundaryError::BadCapability { .. }
    ));
    let e = rsct::polarity::Shares::from_values([("A", 1.0), ("B", f64::INFINITY)]).unwrap_err();
    assert!(matches!(e, rsct::polarity::PolarityError::NotFinite { .. }));
}

// ---------------------------------------------------------------- zero, negative intensities

#[test]
fn zero_and_negative_intensities_and_weights() {
    for v in ["0", "-0.0", "-0.5", "1.0000001", "2"] {
        let t = format!(
            "schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\n\
             [[units]]\nid = \"B\"\nname = \"b\"\nkind = \"state\"\n\
             [[relations]]\na = \"A\"\nb = \"B\"\nsign = \"amity\"\nintensity = {v}\n\
             sectors = [\"military\"]\nperiod = {{ from = 1990 }}\nevidence = [{{ text = \"t\" }}]\n"
        );
        let DatasetError::Invalid { issues, .. } = Dataset::from_toml_str(&t).unwrap_err() else {
            panic!("{v}")
        };
        assert!(
            matches!(&issues[..], [Issue::IntensityOutOfRange { value, .. }] if value.to_string() == v.parse::<f64>().unwrap().to_string()),
            "{v}: {issues:?}"
        );
    }
    // The smallest positive intensity is valid and survives a snapshot.
    let t = "schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\n\
             [[units]]\nid = \"B\"\nname = \"b\"\nkind = \"state\"\n\
             [[relations]]\na = \"A\"\nb = \"B\"\nsign = \"enmity\"\nintensity = 5e-324\n\
             sectors = [\"military\"]\nperiod = { from = 1990 }\nevidence = [{ text = \"t\" }]\n";
    let ds = Dataset::from_toml_str(t).unwrap();
    let g = ds.snapshot(1990, &DerivationRules::new()).unwrap();
    assert_eq!(g.tie("A", "B").unwrap().net(), -5e-324);
    // Zero and negative weights in edge lists; zero signs are dropped and counted.
    let e = csv("a,b,1,0\n").unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::BadWeight {
                line: 1,
                value: 0.0,
                ..
            }
        ),
        "{e:?}"
    );
    let e = csv("a,b,1,-2\n").unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::BadWeight {
                line: 1,
                value: -2.0,
                ..
            }
        ),
        "{e:?}"
    );
    let (g, r) = csv("a,b,0\nb,c,-0.0\nc,d,-0\n").unwrap();
    assert_eq!((g.edge_count(), r.zero_values, r.dropped_nodes), (0, 3, 4));
    // Weights near f64::MAX average without overflowing to infinity.
    let (g, _) = csv("a,b,1,1.7976931348623157e308\nb,a,1,1.7976931348623157e308\n").unwrap();
    let (x, y) = (g.node("a").unwrap(), g.node("b").unwrap());
    assert_eq!(
        g.graph()[g.graph().find_edge(x, y).unwrap()].weight(),
        f64::MAX
    );
    let (g, _) = csv("a,b,1.7976931348623157e308\nb,a,1.7976931348623157e308\na,b,1\n").unwrap();
    let w = g.graph()[g
        .graph()
        .find_edge(g.node("a").unwrap(), g.node("b").unwrap())
        .unwrap()]
    .weight();
    assert!(
        w.is_finite() && (w - 2.0 * (f64::MAX / 3.0)).abs() <= f64::MAX * 1e-15,
        "{w}"
    );
    // Capabilities: negative is an issue; zero for all units is a typed polarity error.
    let e = rsct::polarity::Shares::from_values([("A", 0.0), ("B", 0.0)]).unwrap_err();
    assert!(matches!(
        e,
        rsct::polarity::PolarityError::AllZero { count: 2 }
    ));
    let e = rsct::polarity::Shares::from_values([("A", -1.0)]).unwrap_err();
    assert!(matches!(e, rsct::polarity::PolarityError::Negative { .. }));
}

// ---------------------------------------------------------------- years at the bounds

fn extreme_dataset() -> Dataset {
    let t = "schema_version = 1\n\
             [[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\nperiod = { from = -2147483648 }\n\
             [[units]]\nid = \"B\"\nname = \"b\"\nkind = \"state\"\n\
             [[units]]\nid = \"C\"\nname = \"c\"\nkind = \"state\"\nperiod = { from = 2147483646 }\n\
             [[relations]]\na = \"A\"\nb = \"B\"\nsign = \"enmity\"\nintensity = 1.0\n\
             sectors = [\"military\"]\nperiod = { from = -2147483648, to = 2147483647 }\nevidence = [{ text = \"t\" }]\n\
             [[relations]]\na = \"A\"\nb = \"C\"\nsign = \"amity\"\nintensity = 0.5\n\
             sectors = [\"political\"]\nperiod = { from = 2147483647 }\nevidence = [{ text = \"t\" }]\n\
             [[capabilities]]\nunit = \"A\"\nyear = 2147483647\nvalue = 1.7976931348623157e308\nsource = \"s\"\n\
             [[capabilities]]\nunit = \"C\"\nyear = 2147483647\nvalue = 1.7976931348623157e308\nsource = \"s\"\n\
             [[capabilities]]\nunit = \"B\"\nyear = -2147483648\nvalue = 0.0\nsource = \"s\"\n";
    Dataset::from_toml_str(t).unwrap()
}

#[test]
fn periods_at_the_i32_bounds() {
    let ds = extreme_dataset();
    assert_eq!(ds.year_span(), Some((i32::MIN, i32::MAX)));
    let g = ds.snapshot(i32::MIN, &DerivationRules::new()).unwrap();
    assert_eq!((g.unit_count(), g.tie_count()), (2, 1));
    let g = ds.snapshot(i32::MAX, &DerivationRules::new()).unwrap();
    assert_eq!((g.unit_count(), g.tie_count()), (3, 2));
    assert_eq!(g.tie("A", "C").unwrap().net(), 0.5);
    // Round trips keep the extremes.
    assert_eq!(
        Dataset::from_toml_str(&ds.to_toml_string().unwrap()).unwrap(),
        ds
    );
    assert_eq!(
        Dataset::from_json_str(&ds.to_json_string().unwrap()).unwrap(),
        ds
    );
    // Shares of two units at f64::MAX each do not overflow.
    let units = ["A", "C"];
    let s = rsct::polarity::capability_shares(
        &ds,
        &units,
        i32::MAX,
        rsct::polarity::MissingPolicy::Error,
    )
    .unwrap();
    assert_eq!(s.shares(), &[0.5, 0.5]);
    // Evolution over the last years; the whole i32 range is refused with a typed error.
    let o = EvolutionOptions::new();
    let s = series(&ds, i32::MAX - 2, i32::MAX, &o).unwrap();
    assert_eq!(s.years.len(), 3);
    let s = series(&ds, i32::MIN, i32::MIN + 1, &o).unwrap();
    assert_eq!(s.years.len(), 2);
    let e = series(&ds, i32::MIN, i32::MAX, &o).unwrap_err();
    assert!(
        matches!(
            e,
            EvolutionError::RangeTooLong {
                from: i32::MIN,
                to: i32::MAX,
                limit: MAX_SERIES_YEARS
            }
        ),
        "{e:?}"
    );
    let e = series(&ds, 0, MAX_SERIES_YEARS as i32, &o).unwrap_err();
    assert!(matches!(e, EvolutionError::RangeTooLong { .. }));
    assert!(matches!(
        series(&ds, i32::MAX, i32::MIN, &o).unwrap_err(),
        EvolutionError::EmptyRange { .. }
    ));
    // Years beyond i32 are parse errors with their line.
    let e = Dataset::from_toml_str("schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\nperiod = { from = 2147483648 }\n").unwrap_err();
    assert!(
        matches!(e, DatasetError::Parse { line: Some(6), .. }),
        "{e:?}"
    );
    // Reversed extremes are a validation issue.
    let e = Dataset::from_toml_str("schema_version = 1\n[[units]]\nid = \"A\"\nname = \"a\"\nkind = \"state\"\nperiod = { from = 2147483647, to = -2147483648 }\n").unwrap_err();
    let DatasetError::Invalid { issues, .. } = e else {
        panic!()
    };
    assert!(matches!(
        &issues[..],
        [Issue::ReversedPeriod {
            from: i32::MAX,
            to: i32::MIN,
            ..
        }]
    ));
}

#[test]
fn pajek_time_and_cow_years_at_the_bounds() {
    let text = "*Vertices 3\n*Arcs\n1 2 1 [-9223372036854775808-*]\n2 3 -1 [9223372036854775807]\n";
    for (t, n) in [(i64::MIN, 1), (i64::MAX, 2), (0, 1)] {
        let (g, _) =
            from_bytes::pajek("adv.net", text.as_bytes(), &PajekOptions::new().time(t)).unwrap();
        assert_eq!(g.edge_count(), n, "time {t}");
    }
    let e = from_bytes::pajek(
        "adv.net",
        b"*Vertices 2\n*Arcs\n1 2 1 [99999999999999999999]\n",
        &PajekOptions::new().time(1),
    )
    .unwrap_err();
    at(&e, "adv.net", 3);
    // COW years are kept within ±100,000; beyond is a typed error naming line and column.
    let riv = "tssr_id,rivalry,ccode1,ccode2,start,end,positional,spatial,ideological,interventionary\n\
               1,a,2,365,-100000,100000,1,0,0,0\n2,b,2,365,1990,100001,1,0,0,0\n";
    let e = cow_bytes::rivalries("r.csv", riv.as_bytes(), None).unwrap_err();
    at(&e, "r.csv", 3);
    let r = cow_bytes::rivalries(
        "r.csv",
        riv.lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(r[0].period(), Period::between(-100_000, 100_000).unwrap());
    // A world panel at the i32 end stops after the last year.
    let world = rsct::panel::World::new()
        .with_states(cow_bytes::states("s.csv", STATES.as_bytes()).unwrap());
    let rows: Vec<_> = world
        .panel(
            i32::MAX - 1,
            i32::MAX,
            &rsct::panel::WorldRules::new(),
            rsct::panel::PanelOptions::new(),
        )
        .unwrap()
        .collect();
    assert_eq!(rows.len(), 2);
}

// ---------------------------------------------------------------- empty files

#[test]
fn empty_files() {
    let dir = Scratch::new("empty");
    // An empty input is a typed error naming the file, never an empty graph (which every
    // analysis would call balanced): 0 bytes, a 0-byte gzip stream, blank lines, a header or
    // comments alone.
    let empty_gz = gzip(b"");
    for (name, bytes) in [
        ("e.csv", &b""[..]),
        ("e.txt", b""),
        ("e.net", b""),
        ("e.csv.gz", &empty_gz),
        ("e.txt.gz", &empty_gz),
        ("e.net.gz", &empty_gz),
        ("h.csv", b"from,to,sign\n"),
        ("h.csv.gz", &gzip(b"source;target;weight\r\n\r\n")),
        ("c.txt", b"# FromNodeId ToNodeId Sign\n\n"),
        ("c.net", b"% nothing\n*Network x\n"),
    ] {
        let p = dir.write(name, bytes);
        let e = rsct::io::read_signed(&p).unwrap_err();
        assert!(
            matches!(&e, ReadError::Empty { file } if file == &p),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(&p.display().to_string()), "{e}");
    }
    let e = csv("\n\n  \n").unwrap_err();
    assert!(matches!(e, ReadError::Empty { .. }), "{e:?}");
    // An explicit empty Pajek network stays what it says.
    let (g, _) = pajek("*Vertices 0\n").unwrap();
    assert_eq!(g.node_count(), 0);
    let p = dir.write("states.csv", b"");
    let e = cow::read_states(&p).unwrap_err();
    assert!(
        matches!(&e, ReadError::MissingColumn { file, .. } if file == &p),
        "{e:?}"
    );
    for bytes in [&b""[..], b"\n\r\n", b"\xef\xbb\xbf"] {
        let e = cow_bytes::nmc("n.csv", bytes, None).unwrap_err();
        assert!(matches!(e, ReadError::MissingColumn { .. }), "{e:?}");
    }
    // A header alone is an empty table.
    let head =
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n";
    assert!(
        cow_bytes::atop("a.csv", head.as_bytes(), None)
            .unwrap()
            .is_empty()
    );
    // An empty data set file names the file; so does one that is not UTF-8.
    for (name, bytes) in [
        ("e.toml", &b""[..]),
        ("e.json", b""),
        ("bad.toml", b"\xff\xfe"),
    ] {
        let p = dir.write(name, bytes);
        let e = Dataset::load(&p).unwrap_err();
        assert!(e.to_string().contains(&p.display().to_string()), "{e}");
    }
}

// ---------------------------------------------------------------- truncated gzip

#[test]
fn truncated_gzip_everywhere() {
    let dir = Scratch::new("gz");
    let cases: [(&str, &[u8]); 4] = [
        ("t.csv.gz", b"from,to,sign\na,b,1\nb,c,-1\n"),
        ("t.txt.gz", b"a b 1\nb c -1\n"),
        ("t.net.gz", b"*Vertices 2\n*Edges\n1 2 -1\n"),
        ("states.csv.gz", STATES.as_bytes()),
    ];
    for (name, text) in cases {
        let full = gzip(text);
        // Every proper prefix of the stream is an error naming the file (the empty prefix
        // is an empty file, the 1-byte prefix is not gzip at all).
        for cut in 2..full.len() {
            let p = dir.write(name, &full[..cut]);
            let r = if name.starts_with("states") {
                cow::read_states(&p).map(|_| ())
            } else {
                rsct::io::read_signed(&p).map(|_| ())
            };
            let e = r.expect_err(&format!("{name} cut at {cut}"));
            let (file, _) = place(&e);
            assert_eq!(file, p);
        }
        let p = dir.write(name, &full);
        if name.starts_with("states") {
            assert_eq!(cow::read_states(&p).unwrap().state_count(), 2);
        } else {
            assert_eq!(
                rsct::io::read_signed(&p).unwrap().0.edge_count(),
                2 - usize::from(name.starts_with("t.net"))
            );
        }
        // Garbage after the gzip magic, and a stream followed by junk.
        let p = dir.write(name, b"\x1f\x8bgarbage");
        assert!(rsct::io::read_signed(&p).is_err() || cow::read_states(&p).is_err());
    }
    // The in-memory COW readers decompress too, with the same errors.
    let full = gzip(STATES.as_bytes());
    let e = cow_bytes::states("s.csv.gz", &full[..full.len() - 4]).unwrap_err();
    assert!(
        matches!(&e, ReadError::Gzip { file, .. } if file == Path::new("s.csv.gz")),
        "{e:?}"
    );
}

// ---------------------------------------------------------------- deep nesting

/// Deeply nested TOML and JSON stop at the parsers' recursion limits with a parse error
/// (naming the line where the parser gives one) instead of overflowing the stack.
#[test]
fn deeply_nested_data_sets() {
    let n = 100_000;
    let cases = [
        (
            format!(
                "schema_version = 1\nname = {}{}\n",
                "[".repeat(n),
                "]".repeat(n)
            ),
            Some(2),
        ),
        (
            format!(
                "schema_version = 1\nname = {}1{}\n",
                "{a=".repeat(n),
                "}".repeat(n)
            ),
            Some(2),
        ),
        (
            format!("schema_version = 1\n{} = 1\n", vec!["x"; n].join(".")),
            None,
        ),
        (
            format!("schema_version = 1\n[{}]\n", vec!["x"; n].join(".")),
            None,
        ),
    ];
    for (text, line) in cases {
        let e = Dataset::from_toml_str(&text).unwrap_err();
        assert!(
            matches!(e, DatasetError::Parse { line: l, .. } if line.is_none() || l == line),
            "{e:?}"
        );
    }
    let j = format!(
        "{{\"schema_version\": 1, \"name\": {}{}}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    let e = Dataset::from_json_str(&j).unwrap_err();
    assert!(
        matches!(e, DatasetError::Parse { line: Some(1), .. }),
        "{e:?}"
    );
}

// ---------------------------------------------------------------- years outside a data set

/// A snapshot outside the years a data set covers is an error, never an empty graph that
/// every analysis would call balanced; the years it covers, both ends included, are fine.
#[test]
fn snapshots_outside_the_data_sets_years() {
    use rsct::SnapshotError;
    let ds = Dataset::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/post_soviet.toml"
    ))
    .unwrap();
    let rules = DerivationRules::new();
    // Its first dated item is a membership from 1949 (NATO); its last year is 2013.
    for year in [1850, 1948, 2014, 2500, i32::MIN, i32::MAX] {
        let e = ds.snapshot(year, &rules).unwrap_err();
        assert!(
            matches!(e, SnapshotError::OutsideYears { year: y, first: 1949, last: Some(2013) } if y == year),
            "{e:?}"
        );
    }
    assert_eq!(
        ds.snapshot(1850, &rules).unwrap_err().to_string(),
        "year 1850 is outside the data set's years (1949–2013)"
    );
    assert!(ds.snapshot(1949, &rules).is_ok());
    assert!(ds.snapshot(2013, &rules).unwrap().tie_count() > 0);
}
