//! Signed-graph readers: fixtures everywhere, the real files of `../shared` when present.

use rsct::Sign;
use rsct::io::{
    PajekOptions, ReadError, ReadOptions, from_bytes, read_edge_list, read_pajek, read_signed,
    read_signed_csv, read_signed_with,
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

/// The edges of a graph as sorted `(a, b, sign, weight)` with labels, for comparing reads.
fn edges_of(g: &rsct::SignedGraph) -> Vec<(String, String, Sign, f64)> {
    let mut v: Vec<_> = g
        .graph()
        .edge_indices()
        .map(|e| {
            let (a, b) = g.graph().edge_endpoints(e).unwrap();
            let (mut a, mut b) = (
                g.label(a).unwrap().to_owned(),
                g.label(b).unwrap().to_owned(),
            );
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            (a, b, g.graph()[e].sign(), g.graph()[e].weight())
        })
        .collect();
    v.sort_by(|x, y| x.partial_cmp(y).unwrap());
    v
}

#[test]
fn csv_columns_by_header_name_with_aliases_and_delimiters() {
    let want = vec![
        ("A".to_owned(), "B".to_owned(), Sign::Enmity, 2.0),
        ("B".to_owned(), "C".to_owned(), Sign::Amity, 1.0),
    ];
    // The same ties under every alias, column order and delimiter.
    let cases: [&str; 9] = [
        "from,to,sign,weight\nA,B,-1,2\nB,C,1,1\n",
        "sign,weight,target,source\n-1,2,B,A\n1,1,C,B\n",
        "Source;Target;Sign;Weight\nA;B;-;2\nB;C;+;1\n",
        "src\tdst\tweight\nA\tB\t-2\nB\tC\t1\n",
        "node1,node2,rating\nA,B,-2\nB,C,1\n",
        "i;j;value\r\nA;B;-2\r\nB;C;+1\r\n",
        // Extra columns are ignored (and reported); a semicolon inside quotes is text.
        "\"note\";FROM;TO;sign;weight;year\n\"x;y\";A;B;-1;2;1990\nz;B;C;1;1;1991\n",
        // Tab-separated with a quoted label holding a space and a comma.
        "from\tto\tsign\nA\tB\t-\n\"B\"\tC\t+\nA\tB\t-1\n",
        // Headerless, semicolons: positional from;to;sign;weight.
        "A;B;-1;2\nB;C;1;1\n",
    ];
    for (k, text) in cases.iter().enumerate() {
        let (g, r) =
            from_bytes::csv("mem.csv", text.as_bytes()).unwrap_or_else(|e| panic!("{k}: {e}"));
        let mut got = edges_of(&g);
        if k == 7 {
            // Two agreeing arcs A–B merge; weight 1 each.
            assert_eq!(r.merged_pairs, 1);
            got[0].3 = 2.0;
        }
        assert_eq!(got, want, "case {k}: {text:?}");
        if k == 6 {
            assert_eq!(r.ignored_columns, ["note", "year"]);
        } else {
            assert!(r.ignored_columns.is_empty(), "case {k}");
        }
    }
    // A `sign` column with a `rating` column: the rating is not read, and is reported.
    let (g, r) = from_bytes::csv("m.csv", b"from,to,sign,rating\nA,B,1,-10\n").unwrap();
    assert_eq!(edges_of(&g), [("A".into(), "B".into(), Sign::Amity, 1.0)]);
    assert_eq!(r.ignored_columns, ["rating"]);
}

#[test]
fn csv_header_errors_are_typed() {
    let e = from_bytes::csv("m.csv", b"a,b,c\nA,B,1\n").unwrap_err();
    assert!(
        matches!(&e, ReadError::MissingColumn { line: 1, column, .. } if column.starts_with("source (or from")),
        "{e:?}"
    );
    let e = from_bytes::csv("m.csv", b"from,to,kind\nA,B,1\n").unwrap_err();
    assert!(
        matches!(&e, ReadError::MissingColumn { column, .. } if column.starts_with("sign")),
        "{e:?}"
    );
    let e = from_bytes::csv("m.csv", b"from,source,to,sign\nA,A,B,1\n").unwrap_err();
    assert!(
        matches!(&e, ReadError::AmbiguousColumns { role: "source", columns, .. } if columns == &["from", "source"]),
        "{e:?}"
    );
    // Without a sign column, two value columns cannot both be the sign.
    let e = from_bytes::csv("m.csv", b"from,to,weight,rating\nA,B,1,2\n").unwrap_err();
    assert!(
        matches!(&e, ReadError::AmbiguousColumns { role: "sign", .. }),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "m.csv:1: columns weight, rating all name the sign; keep one"
    );
    // A row narrower or wider than the header names the line and the column.
    let e = from_bytes::csv("m.csv", b"from,to,sign,year\nA,B,1\n").unwrap_err();
    assert!(
        matches!(&e, ReadError::MissingField { line: 2, field, .. } if field == "year"),
        "{e:?}"
    );
    let e = from_bytes::csv("m.csv", b"from;to;sign\nA;B;1;9\n").unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::ExtraFields {
                line: 2,
                found: 4,
                expected: 3,
                ..
            }
        ),
        "{e:?}"
    );
    // A sign that is neither a number nor + / - names its column as written.
    let e = from_bytes::csv("m.csv", b"From,To,Sign\nA,B,plus\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.csv:2: field Sign is \"plus\", not a finite number"
    );
}

#[test]
fn input_and_line_limits() {
    let dir = std::env::temp_dir().join(format!("rsct-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gz = |bytes: &[u8]| {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    // A small gzip holding one long line (a decompression bomb in miniature): refused at the
    // line limit, with the line named, before the rest is decompressed.
    let mut bomb = b"a b 1\n".to_vec();
    bomb.resize(bomb.len() + 2 * (1 << 20), b'x');
    let packed = gz(&bomb);
    assert!(packed.len() * 50 < bomb.len(), "{}", packed.len());
    let p = dir.join("bomb.txt.gz");
    std::fs::write(&p, &packed).unwrap();
    let e = read_signed(&p).unwrap_err();
    assert!(
        matches!(&e, ReadError::LineTooLong { file, line: 2, limit } if file == &p && *limit == ReadOptions::DEFAULT_MAX_LINE_BYTES),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains(":2: the line is longer than 1048576 bytes"),
        "{e}"
    );
    // Raised limits read it, and then the long line is a bad sign field.
    let o = ReadOptions::new().max_line_bytes(4 << 20);
    assert!(matches!(
        read_signed_with(&p, &o).unwrap_err(),
        ReadError::MissingField { line: 2, .. }
    ));
    // The size limit, after decompression, compressed or not.
    let text = "a b 1\n".repeat(1000);
    for (name, bytes) in [
        ("big.txt", text.as_bytes().to_vec()),
        ("big.txt.gz", gz(text.as_bytes())),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, &bytes).unwrap();
        let small = ReadOptions::new().max_input_bytes(5999);
        let e = read_signed_with(&p, &small).unwrap_err();
        assert!(
            matches!(&e, ReadError::TooLarge { file, limit: 5999 } if file == &p),
            "{name}: {e:?}"
        );
        let (g, r) = read_signed_with(&p, &small.max_input_bytes(6000)).unwrap();
        assert_eq!((g.edge_count(), r.arcs), (1, 1000), "{name}");
    }
    // The limits apply to every format, the line limit to text in memory too.
    let o = ReadOptions::new().max_line_bytes(8);
    let p = dir.join("long.csv");
    std::fs::write(&p, "from,to,sign\n").unwrap();
    assert!(matches!(
        read_signed_with(&p, &o).unwrap_err(),
        ReadError::LineTooLong {
            line: 1,
            limit: 8,
            ..
        }
    ));
    let p = dir.join("long.net");
    std::fs::write(&p, "*Vertices 2\n1 \"a very long label\"\n").unwrap();
    assert!(matches!(
        read_signed_with(&p, &o.max_line_bytes(12)).unwrap_err(),
        ReadError::LineTooLong { line: 2, .. }
    ));
    let e = from_bytes::edge_list("m.txt", format!("a b {}\n", "1".repeat(2 << 20)).as_bytes())
        .unwrap_err();
    assert!(matches!(e, ReadError::LineTooLong { line: 1, .. }), "{e:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
