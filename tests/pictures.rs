//! Pictures: every SVG the examples write (through the examples' own code) is well-formed
//! XML, fits its canvas and has no two labels overlapping; the README's picture is the
//! `post_soviet` example's, up to date; the shipped capitals file is what its sources give.
//!
//! Regenerate the README's picture and the capitals file with
//! `RSCT_BLESS=1 cargo test --test pictures`; look at every checked picture with
//! `RSCT_PICTURES_DIR=<dir> cargo test --test pictures`.

// Both examples loaded below declare the examples' shared `common` module.
#![allow(clippy::duplicate_mod)]

mod common;

#[path = "../examples/post_soviet.rs"]
#[allow(dead_code)]
mod post_soviet_example;

use rsct::DerivationRules;
use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::datasets::{POST_SOVIET_OUTSIDE_POWERS, europe_1872_1907, post_soviet};
use rsct::evolution::{EvolutionOptions, series};
use rsct::polarity::Classification;
use rsct::report::{Drawing, Layout, Timeline};
use std::path::Path;

fn bless() -> bool {
    std::env::var_os("RSCT_BLESS").is_some()
}

/// The post_soviet example's picture of a year, through the example's own functions.
fn post_soviet_svg(year: i32) -> String {
    post_soviet_example::year_picture(post_soviet_example::Scope::Embedded, year).unwrap()
}

/// A text's estimated box: width = font size × 0.6 × characters, from 0.8 font sizes above
/// the baseline to 0.2 below, placed by `text-anchor`.
#[derive(Debug)]
struct TextBox {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn inherited<'a>(n: roxmltree::Node<'a, 'a>, attr: &str) -> Option<&'a str> {
    n.ancestors().find_map(|a| a.attribute(attr))
}

/// Parses an SVG as XML and checks it: the root is an `svg` with a size, every text lies
/// on the canvas, no two texts' boxes overlap, and no tie passes through a unit it does not
/// join. Returns the number of texts.
/// With `RSCT_PICTURES_DIR` set, every checked picture is also written there, to be looked
/// at.
fn check_svg(name: &str, svg: &str) -> usize {
    if let Some(dir) = std::env::var_os("RSCT_PICTURES_DIR") {
        let file: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let file = if file.ends_with(".svg") {
            file
        } else {
            file + ".svg"
        };
        std::fs::write(Path::new(&dir).join(file), svg).unwrap();
    }
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{name}");
    let num = |n: roxmltree::Node, a: &str| -> f64 {
        n.attribute(a)
            .unwrap_or_else(|| panic!("{name}: <{}> without {a}", n.tag_name().name()))
            .parse()
            .unwrap_or_else(|e| panic!("{name}: {a}: {e}"))
    };
    let (w, h) = (num(root, "width"), num(root, "height"));
    let mut boxes: Vec<TextBox> = Vec::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let text: String = n
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect();
        let size: f64 = inherited(n, "font-size")
            .expect("a font size")
            .parse()
            .expect("a number");
        let width = size * 0.6 * text.chars().count() as f64;
        let (x, y) = (num(n, "x"), num(n, "y"));
        let x0 = match inherited(n, "text-anchor").unwrap_or("start") {
            "middle" => x - width / 2.0,
            "end" => x - width,
            _ => x,
        };
        let b = TextBox {
            text,
            x0,
            y0: y - 0.8 * size,
            x1: x0 + width,
            y1: y + 0.2 * size,
        };
        assert!(
            b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= w && b.y1 <= h,
            "{name}: {b:?} is not on the {w}×{h} canvas"
        );
        boxes.push(b);
    }
    check_ties(name, &doc);
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            assert!(
                !overlap,
                "{name}: labels {:?} and {:?} overlap: {a:?} {b:?}",
                a.text, b.text
            );
        }
    }
    boxes.len()
}

/// Radius of a unit's marker in the drawings.
const NODE_RADIUS: f64 = 9.0;

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let l2 = dx * dx + dy * dy;
    let t = if l2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// In a drawing, no tie (a `line`, or a `path` `M a Q c b`) passes within a marker's radius
/// of a unit other than its two ends.
fn check_ties(name: &str, doc: &roxmltree::Document) {
    let f = |n: roxmltree::Node, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    let units: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("unit"))
        .map(|n| (f(n, "data-x"), f(n, "data-y")))
        .collect();
    let Some(ties) = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some("ties"))
    else {
        return;
    };
    for t in ties.children().filter(|n| n.is_element()) {
        let pts: Vec<(f64, f64)> = if t.has_tag_name("line") {
            vec![(f(t, "x1"), f(t, "y1")), (f(t, "x2"), f(t, "y2"))]
        } else {
            let d = t.attribute("d").unwrap();
            let v: Vec<f64> = d
                .split([',', ' ', 'M', 'Q'])
                .filter(|x| !x.is_empty())
                .map(|x| x.parse().unwrap())
                .collect();
            assert_eq!(v.len(), 6, "{name}: path {d}");
            (0..=400)
                .map(|i| {
                    let s = f64::from(i) / 400.0;
                    let (a, b, c) = ((1.0 - s) * (1.0 - s), 2.0 * (1.0 - s) * s, s * s);
                    (
                        a * v[0] + b * v[2] + c * v[4],
                        a * v[1] + b * v[3] + c * v[5],
                    )
                })
                .collect()
        };
        let (start, end) = (pts[0], pts[pts.len() - 1]);
        let near = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).hypot(p.1 - q.1) < 0.5;
        for &u in units.iter().filter(|&&u| !near(u, start) && !near(u, end)) {
            for w in pts.windows(2) {
                let d = segment_distance(u, w[0], w[1]);
                assert!(
                    d >= NODE_RADIUS,
                    "{name}: a tie from {start:?} to {end:?} passes {d:.1} from the unit at {u:?}"
                );
            }
        }
    }
}

#[test]
fn post_soviet_pictures_of_every_year_are_xml_without_overlapping_labels() {
    for year in 1991..=2013 {
        let svg = post_soviet_svg(year);
        let texts = check_svg(&format!("post_soviet_{year}.svg"), &svg);
        assert!(texts > 20, "{year}: {texts} texts");
        assert!(svg.contains("Nagorno-Karabakh") || year < 1992, "{year}");
    }
}

#[test]
fn the_1995_picture_shows_the_caucasus_and_moldova_wars_dashed() {
    let svg = post_soviet_svg(1995);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let enmity = |pair: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name("line") || n.has_tag_name("path"))
            .filter(|n| {
                n.children().any(|c| {
                    c.has_tag_name("title") && c.text().is_some_and(|t| t.starts_with(pair))
                })
            })
            .any(|n| n.attribute("stroke-dasharray").is_some())
    };
    assert!(enmity("Armenia–Azerbaijan") || enmity("Azerbaijan–Armenia"));
    assert!(enmity("Georgia–Abkhazia") || enmity("Abkhazia–Georgia"));
    assert!(enmity("Moldova–Transnistria") || enmity("Transnistria–Moldova"));
}

#[test]
fn evolution_timeline_is_xml_without_overlapping_labels_or_debug_names() {
    let ds = post_soviet().unwrap();
    let b = BoundaryOptions::new()
        .set_apart(POST_SOVIET_OUTSIDE_POWERS)
        .institutions(["EU"])
        .classes(Classification::buzan_waever_post_1990());
    let s = series(&ds, 1991, 2013, &EvolutionOptions::new().boundary(b)).unwrap();
    let svg = Timeline::of_series(&s, "post-Soviet complexes 1991–2013").to_svg();
    check_svg("evolution_post_soviet_1991_2013.svg", &svg);
    assert!(!svg.contains("ConflictFormation") && !svg.contains("SecurityRegime"));
    assert!(!svg.contains(".00<"), "counts written as decimals");
    let ds = europe_1872_1907().unwrap();
    let s = series(&ds, 1872, 1907, &EvolutionOptions::new()).unwrap();
    let svg = Timeline::of_series(&s, "Europe 1872–1907").to_svg();
    check_svg("evolution_europe_1872_1907.svg", &svg);
}

#[test]
fn force_layout_and_another_data_set_keep_labels_apart() {
    let ds = europe_1872_1907().unwrap();
    for year in [1872, 1890, 1907] {
        let g = ds.snapshot(year, &DerivationRules::new()).unwrap();
        let report = analyse(
            &g,
            &ds.capabilities_in(year),
            &InterdependenceOptions::new(),
            &BoundaryOptions::new(),
        )
        .unwrap();
        for layout in [Layout::Geographic, Layout::Force] {
            let svg = Drawing::new(&format!("Europe {year}"))
                .boundaries(&report)
                .full_names()
                .layout(layout)
                .to_svg(&g)
                .unwrap();
            check_svg(&format!("europe {year} {layout:?}"), &svg);
        }
    }
    let ds = post_soviet().unwrap();
    for year in [1995, 2008, 2013] {
        let g = ds.snapshot(year, &DerivationRules::new()).unwrap();
        let report = analyse(
            &g,
            &ds.capabilities_in(year),
            &InterdependenceOptions::new(),
            &post_soviet_example::options(post_soviet_example::Scope::ThesisOnly),
        )
        .unwrap();
        for (full, boundaries) in [(false, false), (true, true)] {
            let mut d = Drawing::new("force").layout(Layout::Force);
            if boundaries {
                d = d.boundaries(&report);
            }
            if full {
                d = d.full_names();
            }
            let svg = d.to_svg(&g).unwrap();
            check_svg(&format!("post-Soviet {year} force {full}"), &svg);
        }
    }
}

#[test]
fn overlapping_labels_are_caught() {
    let svg = r#"<svg width="100" height="40" font-size="10"><text x="10" y="20">abcdef</text><text x="20" y="22">ghi</text></svg>"#;
    let r = std::panic::catch_unwind(|| check_svg("bad", svg));
    assert!(r.is_err());
    let svg = r#"<svg width="100" height="40" font-size="10"><text x="10" y="20">abc</text><text x="40" y="20">ghi</text></svg>"#;
    assert_eq!(check_svg("good", svg), 2);
}

#[test]
fn a_tie_through_a_unit_is_caught() {
    let unit = |x: f64| format!(r#"<g class="unit" data-x="{x}" data-y="20"></g>"#);
    let svg = |tie: &str| {
        format!(
            r#"<svg width="200" height="40" font-size="10"><g class="ties">{tie}</g>{}{}{}</svg>"#,
            unit(10.0),
            unit(100.0),
            unit(190.0)
        )
    };
    let straight = svg(r#"<line x1="10" y1="20" x2="190" y2="20"/>"#);
    assert!(std::panic::catch_unwind(|| check_svg("straight", &straight)).is_err());
    let curved = svg(r#"<path d="M10,20 Q100,-40 190,20"/>"#);
    check_svg("curved", &curved);
}

#[test]
fn readme_pictures_are_the_examples_and_current() {
    // 2013 in the README, 1995 (the wars of Karabakh, Abkhazia and Transnistria) in
    // docs/post_soviet.md.
    for year in [1995, 2013] {
        let svg = post_soviet_svg(year);
        let name = format!("docs/post_soviet_{year}.svg");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&name);
        if bless() {
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        let shipped = std::fs::read_to_string(&path).unwrap();
        assert!(
            shipped == svg,
            "{name} is stale: regenerate it with `RSCT_BLESS=1 cargo test --test pictures`"
        );
    }
}

/// `data/capitals.csv` is regenerated from `../shared/data/geo/`: the COW states' rows as
/// they are (`key` = COW abbreviation), then the other units' rows (`key` = unit id, no COW
/// code).
#[test]
fn capitals_file_is_what_its_sources_give() {
    let (Some(cow), Some(other)) = (
        common::shared("geo", "cow_capitals.csv"),
        common::shared("geo", "other_units_capitals.csv"),
    ) else {
        return;
    };
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let (cow, other) = (read(&cow), read(&other));
    let mut out = String::from("key,cow,name,capital,lat,lon,source\n");
    let mut lines = cow.lines();
    assert_eq!(
        lines.next(),
        Some("stateabb,ccode,statenme,capital,lat,lon,source")
    );
    for l in lines {
        assert_eq!(l.split(',').count(), 7, "{l}");
        out.push_str(l);
        out.push('\n');
    }
    let mut lines = other.lines();
    assert_eq!(lines.next(), Some("unit,name,capital,lat,lon,source"));
    for l in lines {
        let f: Vec<&str> = l.split(',').collect();
        assert_eq!(f.len(), 6, "{l}");
        out.push_str(&format!("{},,{}\n", f[0], f[1..].join(",")));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/capitals.csv");
    if bless() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    assert!(
        read(&path) == out,
        "data/capitals.csv differs from ../shared/data/geo: regenerate it with `RSCT_BLESS=1 cargo test --test pictures`"
    );
}

/// A map of Europe in the world data (COW codes 200–399 in 1995, ATOP alliances and MID
/// disputes): geographic layout and labels stay legible for a region of some fifty states
/// and hundreds of ties.
#[test]
fn world_region_map_is_xml_without_overlapping_labels() {
    let Some(states) = common::shared("cow", "states2016.csv") else {
        return;
    };
    let world = rsct::panel::World::load(states.parent().unwrap()).unwrap();
    let ds = world
        .dataset(1995, 1995, &rsct::panel::WorldRules::new())
        .unwrap();
    let g = ds.snapshot(1995, &DerivationRules::new()).unwrap();
    let europe: Vec<String> = g
        .units()
        .filter(|u| u.cow().is_some_and(|c| (200..400).contains(&c)))
        .map(|u| u.id().to_owned())
        .collect();
    assert!(europe.len() > 40, "{}", europe.len());
    let g = g.restricted_to(&europe);
    let svg = Drawing::new("Europe, 1995 (ATOP 5.1, MID 5.0)")
        .full_names()
        .hide_isolated()
        .to_svg(&g)
        .unwrap();
    check_svg("world_europe_1995.svg", &svg);
}
