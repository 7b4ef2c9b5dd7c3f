//! Writers: CSV and Pajek read back to the same graph; GraphML parses as XML to the same
//! graph and tie attributes; labels a format cannot hold are typed errors.

use proptest::prelude::*;
use rsct::Sector;
use rsct::SignedEdge;
use rsct::io::{
    PajekOptions, WriteError, from_bytes, write_security_csv, write_security_graphml,
    write_security_pajek, write_signed_csv, write_signed_graphml, write_signed_pajek,
};
use rsct::strategies::{SignedGraphParams, signed_graphs};
use rsct::{Dataset, DerivationRules, Sign, SignedGraph};
use std::collections::BTreeMap;

type Edges = BTreeMap<(String, String), (Sign, u64)>;

/// Edges by unordered label pair, with the weight's bits (exact comparison).
fn edges(g: &SignedGraph) -> Edges {
    g.edges()
        .map(|(a, b, e)| {
            let (a, b) = (
                g.label(a).unwrap().to_owned(),
                g.label(b).unwrap().to_owned(),
            );
            let key = if a < b { (a, b) } else { (b, a) };
            (key, (e.sign(), e.weight().to_bits()))
        })
        .collect()
}

fn labels(g: &SignedGraph) -> Vec<String> {
    g.graph()
        .node_indices()
        .map(|i| g.label(i).unwrap().to_owned())
        .collect()
}

fn csv_of(g: &SignedGraph) -> Vec<u8> {
    let mut out = Vec::new();
    write_signed_csv(g, &mut out).unwrap();
    out
}

fn pajek_of(g: &SignedGraph) -> Vec<u8> {
    let mut out = Vec::new();
    write_signed_pajek(g, &mut out).unwrap();
    out
}

/// A signed graph read back from GraphML with an XML parser.
fn from_graphml(text: &str) -> (Vec<String>, Edges) {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let data = |n: roxmltree::Node, k: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(k))
            .and_then(|c| c.text())
            .unwrap_or("")
            .to_owned()
    };
    let mut ids = BTreeMap::new();
    let mut labels = Vec::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("node")) {
        ids.insert(n.attribute("id").unwrap().to_owned(), data(n, "label"));
        labels.push(data(n, "label"));
    }
    let mut edges = Edges::new();
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        let a = ids[e.attribute("source").unwrap()].clone();
        let b = ids[e.attribute("target").unwrap()].clone();
        let sign = match data(e, "sign").as_str() {
            "1" => Sign::Amity,
            "-1" => Sign::Enmity,
            s => panic!("sign {s}"),
        };
        let w: f64 = data(e, "weight").parse().unwrap();
        let key = if a < b { (a, b) } else { (b, a) };
        edges.insert(key, (sign, w.to_bits()));
    }
    (labels, edges)
}

/// Labels that need quoting, escaping or care in some format.
const AWKWARD: [&str; 10] = [
    "a,b",
    " spaced ",
    "semi;colon",
    "tab\there",
    "quo\"te",
    "Chişinău",
    "007",
    "7",
    "<&>'",
    "from",
];

fn awkward_graph() -> SignedGraph {
    let mut g = SignedGraph::new();
    let ids: Vec<_> = AWKWARD.iter().map(|l| g.add_node(l).unwrap()).collect();
    let isolated = g.add_node("alone").unwrap();
    let _ = isolated;
    for k in 0..ids.len() - 1 {
        let sign = if k % 3 == 0 {
            Sign::Enmity
        } else {
            Sign::Amity
        };
        let w = [1.0, 0.1, 1e-300, 2.5e17, f64::MAX][k % 5];
        g.add_weighted_edge(ids[k], ids[k + 1], SignedEdge::weighted(sign, w).unwrap())
            .unwrap();
    }
    g
}

#[test]
fn csv_round_trip_with_awkward_labels_and_weights() {
    let g = awkward_graph();
    let mut out = Vec::new();
    let isolated = write_signed_csv(&g, &mut out).unwrap();
    assert_eq!(isolated, 1);
    let (h, r) = from_bytes::csv("w.csv", &out).unwrap();
    assert_eq!(edges(&h), edges(&g));
    assert_eq!(h.node_count(), g.node_count() - 1);
    assert!(r.ignored_columns.is_empty());
}

#[test]
fn pajek_round_trip_keeps_every_node_in_order() {
    // Pajek labels cannot hold a double quote.
    let mut g = SignedGraph::new();
    let ids: Vec<_> = AWKWARD
        .iter()
        .filter(|l| !l.contains('"'))
        .map(|l| g.add_node(l).unwrap())
        .collect();
    g.add_node("alone").unwrap();
    for k in 0..ids.len() - 1 {
        let sign = if k % 2 == 0 {
            Sign::Enmity
        } else {
            Sign::Amity
        };
        g.add_weighted_edge(
            ids[k],
            ids[k + 1],
            SignedEdge::weighted(sign, 0.1 * (k + 1) as f64).unwrap(),
        )
        .unwrap();
    }
    let (h, r) = from_bytes::pajek("w.net", &pajek_of(&g), &PajekOptions::new()).unwrap();
    assert_eq!(labels(&h), labels(&g));
    assert_eq!(edges(&h), edges(&g));
    assert_eq!(r.arcs, g.edge_count());
    let e = write_signed_pajek(&awkward_graph(), Vec::new()).unwrap_err();
    assert!(
        matches!(&e, WriteError::Unrepresentable { label, .. } if label == "quo\"te"),
        "{e:?}"
    );
}

#[test]
fn graphml_parses_to_the_same_graph() {
    let g = awkward_graph();
    let mut out = Vec::new();
    write_signed_graphml(&g, &mut out).unwrap();
    let (l, e) = from_graphml(std::str::from_utf8(&out).unwrap());
    assert_eq!(l, labels(&g));
    assert_eq!(e, edges(&g));
}

#[test]
fn unrepresentable_labels_are_typed_errors() {
    for bad in ["two\nlines", "cr\rhere"] {
        let mut g = SignedGraph::new();
        let a = g.add_node("a").unwrap();
        let b = g.add_node(bad).unwrap();
        g.add_edge(a, b, Sign::Amity).unwrap();
        for e in [
            write_signed_csv(&g, Vec::new()).map(|_| ()).unwrap_err(),
            write_signed_pajek(&g, Vec::new()).unwrap_err(),
        ] {
            assert!(
                matches!(&e, WriteError::Unrepresentable { label, .. } if label == bad),
                "{e:?}"
            );
        }
        // XML holds line breaks (CR as a character reference).
        let mut out = Vec::new();
        write_signed_graphml(&g, &mut out).unwrap();
        assert_eq!(from_graphml(std::str::from_utf8(&out).unwrap()).0[1], bad);
    }
    let mut g = SignedGraph::new();
    g.add_node("bell\u{7}").unwrap();
    assert!(matches!(
        write_signed_graphml(&g, Vec::new()).unwrap_err(),
        WriteError::Unrepresentable { .. }
    ));
    // An isolated node's label is checked too.
    let mut g = SignedGraph::new();
    g.add_node("x\ny").unwrap();
    assert!(write_signed_csv(&g, Vec::new()).is_err());
}

proptest! {
    #[test]
    fn every_format_round_trips(g in signed_graphs(SignedGraphParams::new().nodes(1..=12))) {
        let (h, _) = from_bytes::pajek("p.net", &pajek_of(&g), &PajekOptions::new()).unwrap();
        prop_assert_eq!(labels(&h), labels(&g));
        prop_assert_eq!(edges(&h), edges(&g));
        if g.edge_count() > 0 {
            let (h, _) = from_bytes::csv("p.csv", &csv_of(&g)).unwrap();
            prop_assert_eq!(edges(&h), edges(&g));
        } else {
            // A header alone is an empty input.
            prop_assert!(from_bytes::csv("p.csv", &csv_of(&g)).is_err());
        }
        let mut out = Vec::new();
        write_signed_graphml(&g, &mut out).unwrap();
        let (l, e) = from_graphml(std::str::from_utf8(&out).unwrap());
        prop_assert_eq!(l, labels(&g));
        prop_assert_eq!(e, edges(&g));
    }
}

fn post_soviet_2013() -> rsct::SecurityGraph {
    let ds = Dataset::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/post_soviet.toml"
    ))
    .unwrap();
    ds.snapshot(2013, &DerivationRules::new()).unwrap()
}

#[test]
fn security_graph_csv_and_pajek_read_back_as_its_signed_graph() {
    let sg = post_soviet_2013();
    let (signed, neutral) = sg.to_signed_graph();
    let mut out = Vec::new();
    let untied = write_security_csv(&sg, &mut out).unwrap();
    let (h, r) = from_bytes::csv("s.csv", &out).unwrap();
    assert_eq!(edges(&h), edges(&signed));
    assert_eq!(r.zero_values, neutral);
    assert_eq!(r.arcs, sg.tie_count());
    let tied: std::collections::BTreeSet<_> =
        sg.ties().flat_map(|(a, b, _)| [a.id(), b.id()]).collect();
    assert_eq!(untied, sg.unit_count() - tied.len());
    let mut want = vec!["net".to_owned(), "interdependence".to_owned()];
    for s in Sector::ALL {
        want.push(format!("{}_net", s.as_str()));
        want.push(format!("{}_interdependence", s.as_str()));
    }
    want.extend(["contributions", "provenance", "evidence"].map(String::from));
    assert_eq!(r.ignored_columns, want);
    // A tie the thesis documents, with its evidence locator.
    let text = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("RUS,ARM,") || l.starts_with("ARM,RUS,"))
        .expect("the Russia–Armenia tie");
    assert!(line.contains("§2.3, fn 89"), "{line}");

    let mut out = Vec::new();
    write_security_pajek(&sg, &mut out).unwrap();
    let (h, r) = from_bytes::pajek("s.net", &out, &PajekOptions::new()).unwrap();
    assert_eq!(edges(&h), edges(&signed));
    assert_eq!(labels(&h), labels(&signed));
    assert_eq!(r.zero_values, neutral);
}

#[test]
fn security_graph_graphml_carries_every_tie_attribute() {
    let sg = post_soviet_2013();
    let mut out = Vec::new();
    write_security_graphml(&sg, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let data = |n: roxmltree::Node, k: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(k))
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    let graph = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(data(graph, "year").as_deref(), Some("2013"));
    let mut ids = BTreeMap::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("node")) {
        let id = data(n, "label").unwrap();
        let unit = sg.unit(sg.node(&id).unwrap()).unwrap();
        assert_eq!(data(n, "name").as_deref(), Some(unit.name()));
        assert_eq!(data(n, "cow"), unit.cow().map(|c| c.to_string()));
        ids.insert(n.attribute("id").unwrap().to_owned(), id);
    }
    assert_eq!(ids.len(), sg.unit_count());
    let mut seen = 0;
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        let (a, b) = (
            &ids[e.attribute("source").unwrap()],
            &ids[e.attribute("target").unwrap()],
        );
        let t = sg.tie(a, b).unwrap();
        let num = |k: &str| data(e, k).unwrap().parse::<f64>().unwrap();
        assert_eq!(num("net"), t.net());
        assert_eq!(num("weight"), t.net().abs());
        assert_eq!(num("interdependence"), t.interdependence());
        for s in Sector::ALL {
            assert_eq!(num(&format!("{}_net", s.as_str())), t.sector_net(s));
            assert_eq!(
                num(&format!("{}_interdependence", s.as_str())),
                t.sector_interdependence(s)
            );
        }
        assert_eq!(num("contributions") as usize, t.contributions().len());
        let sign = num("sign");
        assert_eq!(sign, t.net().signum() * f64::from(u8::from(t.net() != 0.0)));
        assert!(!data(e, "provenance").unwrap().is_empty());
        seen += 1;
    }
    assert_eq!(seen, sg.tie_count());
}
