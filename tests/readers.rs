//! Signed-graph readers: fixtures everywhere, the real files of `../shared` when present.

use rsct::Sign;
use rsct::io::{
    PajekOptions, ReadError, from_bytes, read_edge_list, read_pajek, read_signed, read_signed_csv,
};
use std::path::PathBuf;

mod common;

fn fixture(name: &str) -> PathBuf {
    common::fixture("", name)
}

fn shared(name: &str) -> Option<std::path::PathBuf> {
    common::shared("signed", name)
}

#[test]
fn tribes_csv() {
    let (g, r) = read_signed_csv(fixture("gahuku_gama_tribes.csv")).unwrap();
    assert_eq!(
        (g.node_count(), g.edge_count(), g.negative_edge_count()),
        (16, 58, 29)
    );
    assert_eq!(r.arcs, 58);
    assert_eq!(
        r.self_loops + r.cancelled_pairs + r.merged_pairs + r.zero_values,
        0
    );
    let (a, b) = (g.node("Kotun").unwrap(), g.node("Gavev").unwrap());
    let e = g.graph().find_edge(a, b).unwrap();
    assert_eq!(g.graph()[e].sign(), Sign::Amity);
}

#[test]
fn epinions_excerpt_follows_the_rule() {
    // Reference counts computed with shared/anchors/signed_io.py's rule on the same excerpt.
    let (g, r) = read_edge_list(fixture("epinions_head200.txt.gz")).unwrap();
    assert_eq!(
        (g.node_count(), g.edge_count(), g.negative_edge_count()),
        (201, 199, 54)
    );
    assert_eq!(r.arcs, 200);
    let (g2, _) = read_signed(fixture("epinions_head200.txt.gz")).unwrap();
    assert_eq!(g2.edge_count(), 199);
}

#[test]
fn merge_rule_sums_signs_and_drops_ties() {
    let text = b"a b 1\nb a 1\nc d 1\nd c -1\ne e 1\nf g 0\nh i -3\ni h -1\n";
    let (g, r) = from_bytes::edge_list("mem", text).unwrap();
    // a–b kept (+2), c–d cancelled, e–e self-loop, f–g zero value, h–i kept (−).
    assert_eq!(g.edge_count(), 2);
    assert_eq!(r.self_loops, 1);
    assert_eq!(r.zero_values, 1);
    assert_eq!(r.cancelled_pairs, 1);
    assert_eq!(r.merged_pairs, 3);
    assert_eq!(r.dropped_nodes, 3); // e, f, g appear only in dropped arcs
    assert_eq!(g.node_count(), 6);
    let e = g
        .graph()
        .find_edge(g.node("h").unwrap(), g.node("i").unwrap())
        .unwrap();
    assert_eq!(g.graph()[e].sign(), Sign::Enmity);
    assert_eq!(g.graph()[e].weight(), 2.0); // mean of |−3| and |−1|
}

#[test]
fn csv_quoting_header_weights_and_line_endings() {
    let text = "\u{feff}from,to,sign,weight\r\n\"46th Earth King\",\"Chin, the Great\",-1,2.5\r\nA,B,1,1\r\n\r\n";
    let (g, _) = from_bytes::csv("mem.csv", text.as_bytes()).unwrap();
    assert_eq!(g.edge_count(), 2);
    let a = g.node("46th Earth King").unwrap();
    let b = g.node("Chin, the Great").unwrap();
    let e = g.graph().find_edge(a, b).unwrap();
    assert_eq!(
        (g.graph()[e].sign(), g.graph()[e].weight()),
        (Sign::Enmity, 2.5)
    );
    // Headerless bitcoin-style ratings: the sign of the value, its magnitude as weight.
    let (g, _) = from_bytes::csv("r.csv", b"1,2,-10\n2,3,4\n").unwrap();
    assert_eq!(g.negative_edge_count(), 1);
}

#[test]
fn csv_errors_name_file_and_line() {
    let cases: [(&[u8], &str); 6] = [
        (b"from,to,sign\nA,B,x\n", "mem.csv:2: field sign is \"x\""),
        (b"A,B\n", "mem.csv:1: missing field sign"),
        (b"A,B,1,1,1\n", "mem.csv:1: 5 fields"),
        (b"A,B,1,-2\n", "mem.csv:1: weight -2 is not positive"),
        (b"A,B,1\n\"A,B,1\n", "mem.csv:2: unterminated quoted field"),
        (b"A,B,1\nA,B,NaN\n", "mem.csv:2: field sign is \"NaN\""),
    ];
    for (text, want) in cases {
        let e = from_bytes::csv("mem.csv", text).unwrap_err();
        assert!(e.to_string().starts_with(want), "{e} !~ {want}");
    }
    let e = from_bytes::csv("bin.csv", b"A,B,1\n\xff\xfe,B,1\n").unwrap_err();
    assert!(matches!(e, ReadError::Encoding { line: 2, .. }), "{e:?}");
    let e = from_bytes::edge_list("x.txt", b"# c\n1 2\n").unwrap_err();
    assert!(
        matches!(e, ReadError::MissingField { line: 2, ref field, .. } if field == "sign"),
        "{e:?}"
    );
}

#[test]
fn truncated_gzip_is_a_typed_error() {
    let bytes = std::fs::read(fixture("epinions_head200.txt.gz")).unwrap();
    let dir = std::env::temp_dir().join(format!("rsct-readers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("cut.txt.gz");
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(
        read_edge_list(&p).unwrap_err(),
        ReadError::Gzip { .. }
    ));
    let e = read_signed(dir.join("x.unknown")).unwrap_err();
    assert!(matches!(e, ReadError::UnknownFormat { .. }));
    let e = read_signed(dir.join("missing.csv")).unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pajek_sampson() {
    let (g, r) = read_pajek(fixture("sampson.paj"), &PajekOptions::new()).unwrap();
    assert_eq!(g.node_count(), 25);
    assert!(g.node("John Bosco").is_some());
    assert_eq!(r.arcs, 322);
    // Time point 4 of the first network, and the named second network.
    let (g4, r4) = read_pajek(fixture("sampson.paj"), &PajekOptions::new().time(4)).unwrap();
    assert!(g4.edge_count() < g.edge_count());
    assert!(r4.outside_time > 0);
    assert_eq!(r4.arcs + r4.outside_time, 322);
    let (t4, _) = read_pajek(
        fixture("sampson.paj"),
        &PajekOptions::new().network("Sampson_T4"),
    )
    .unwrap();
    assert_eq!(t4.node_count(), 18);
    let e = read_pajek(fixture("sampson.paj"), &PajekOptions::new().network("nope")).unwrap_err();
    assert!(
        matches!(e, ReadError::NoSuchNetwork { ref available, .. } if available.len() == 2),
        "{e:?}"
    );
}

#[test]
fn pajek_errors() {
    let o = PajekOptions::new();
    let e = from_bytes::pajek(
        "p.net",
        b"*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3 1\n",
        &o,
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::VertexOutOfRange {
                line: 5,
                vertex: 3,
                count: 2,
                ..
            }
        ),
        "{e:?}"
    );
    let e = from_bytes::pajek("p.net", b"*Arcs\n1 2 1\n", &o).unwrap_err();
    assert!(matches!(e, ReadError::Format { line: 2, .. }), "{e:?}");
    let e = from_bytes::pajek("p.net", b"*Vertices 2\n*Matrix\n0 1\n1 0\n", &o).unwrap_err();
    assert!(e.to_string().contains("not supported"), "{e}");
    let e = from_bytes::pajek(
        "p.net",
        b"*Vertices 2\n1 \"a\"\n2 \"a\"\n*Edges\n1 2 -1\n",
        &o,
    )
    .unwrap_err();
    assert!(e.to_string().contains("two vertices are labelled"), "{e}");
    // Unlabelled vertices keep their numbers; isolated vertices stay.
    let (g, _) = from_bytes::pajek("p.net", b"*Vertices 3\n*Edges\n1 2 -1\n", &o).unwrap();
    assert_eq!(
        (g.node_count(), g.edge_count(), g.negative_edge_count()),
        (3, 1, 1)
    );
    assert!(g.node("3").is_some());
}

#[test]
fn real_signed_files() {
    if let Some(p) = shared("gahuku_gama_tribes.csv") {
        let (g, _) = read_signed(p).unwrap();
        assert_eq!(
            (g.node_count(), g.edge_count(), g.negative_edge_count()),
            (16, 58, 29)
        );
    }
    if let Some(p) = shared("snap_soc-sign-epinions.txt.gz") {
        let (g, r) = read_signed(p).unwrap();
        assert_eq!((g.node_count(), g.edge_count()), (131_580, 708_507));
        assert_eq!(r.arcs, 841_372);
    }
    if let Some(p) = shared("snap_soc-sign-Slashdot090221.txt.gz") {
        // The same rule in shared/anchors/signed_io.py gives 82,140 nodes and 498,532 edges.
        let (g, r) = read_signed(p).unwrap();
        assert_eq!((g.node_count(), g.edge_count()), (82_140, 498_532));
        assert_eq!(r.arcs, 549_202);
    }
    for name in [
        "avatar.csv",
        "congress.csv",
        "bitcoinalpha.csv",
        "cloister.csv",
        "sampson.paj",
    ] {
        if let Some(p) = shared(name) {
            let (g, _) = read_signed(&p).unwrap();
            assert!(g.edge_count() > 0, "{name}");
        }
    }
    if let Some(p) = shared("bitcoinalpha.csv") {
        let (g, _) = read_signed(p).unwrap();
        assert_eq!((g.node_count(), g.edge_count()), (3_783, 13_876));
    }
}
