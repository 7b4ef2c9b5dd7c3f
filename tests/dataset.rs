//! Data sets: round trips, and one test per class of bad input, each asserting the exact
//! issue and the item it names.

use proptest::prelude::*;
use rsct::strategies::{DatasetParams, datasets};
use rsct::{Dataset, Sector};
use rsct::{DatasetError, Issue, Item};

proptest! {
    #[test]
    fn toml_round_trip(ds in datasets(DatasetParams::new())) {
        let text = ds.to_toml_string().unwrap();
        let back = Dataset::from_toml_str(&text).unwrap();
        prop_assert_eq!(&back, &ds);
        prop_assert_eq!(back.to_toml_string().unwrap(), text);
    }

    #[test]
    fn json_round_trip(ds in datasets(DatasetParams::new())) {
        let text = ds.to_json_string().unwrap();
        let back = Dataset::from_json_str(&text).unwrap();
        prop_assert_eq!(&back, &ds);
        prop_assert_eq!(back.to_json_string().unwrap(), text);
    }
}

const HEAD: &str = r#"
schema_version = 1
[[units]]
id = "RUS"
name = "Russia"
kind = "state"
[[units]]
id = "ARM"
name = "Armenia"
kind = "state"
period = { from = 1991 }
[[organisations]]
id = "CSTO"
name = "Collective Security Treaty Organization"
kind = "collective_defence"
"#;

fn relation(extra: &str) -> String {
    format!(
        r#"
[[relations]]
id = "r"
a = "RUS"
b = "ARM"
sign = "amity"
intensity = 0.5
sectors = ["military"]
period = {{ from = 1995 }}
evidence = [{{ text = "base in Gyumri", locator = "§2.3, fn 89" }}]
{extra}"#
    )
}

fn issues(text: &str) -> Vec<Issue> {
    match Dataset::from_toml_str(text) {
        Err(DatasetError::Invalid { issues, .. }) => issues,
        other => panic!("expected validation issues, got {other:?}"),
    }
}

fn rel_item(index: usize, id: &str, a: &str, b: &str) -> Item {
    Item::Relation {
        index,
        id: Some(id.to_owned()),
        a: a.to_owned(),
        b: b.to_owned(),
    }
}

#[test]
fn the_head_is_valid() {
    let ds = Dataset::from_toml_str(&format!("{HEAD}{}", relation(""))).unwrap();
    assert_eq!(ds.units().len(), 2);
    assert_eq!(
        ds.relations()[0].evidence()[0].locator(),
        Some("§2.3, fn 89")
    );
}

#[test]
fn unknown_unit() {
    let text = format!(
        "{HEAD}{}",
        relation("").replace("b = \"ARM\"", "b = \"XYZ\"")
    );
    assert_eq!(
        issues(&text),
        vec![Issue::UnknownUnit {
            item: rel_item(0, "r", "RUS", "XYZ"),
            unit: "XYZ".into()
        }]
    );
}

#[test]
fn duplicate_unit_id() {
    let text = format!("{HEAD}[[units]]\nid = \"RUS\"\nname = \"Again\"\nkind = \"state\"\n");
    assert_eq!(
        issues(&text),
        vec![Issue::DuplicateId {
            id: "RUS".into(),
            first: Item::Unit {
                index: 0,
                id: "RUS".into()
            },
            second: Item::Unit {
                index: 2,
                id: "RUS".into()
            },
        }]
    );
}

#[test]
fn self_relation() {
    let text = format!(
        "{HEAD}{}",
        relation("").replace("b = \"ARM\"", "b = \"RUS\"")
    );
    assert_eq!(
        issues(&text),
        vec![Issue::SelfRelation {
            relation: rel_item(0, "r", "RUS", "RUS")
        }]
    );
}

#[test]
fn intensity_nan_zero_negative_and_above_one() {
    for (v, shown) in [
        ("nan", f64::NAN),
        ("0.0", 0.0),
        ("-0.5", -0.5),
        ("1.5", 1.5),
        ("inf", f64::INFINITY),
    ] {
        let text = format!(
            "{HEAD}{}",
            relation("").replace("intensity = 0.5", &format!("intensity = {v}"))
        );
        let found = issues(&text);
        assert_eq!(found.len(), 1, "{v}: {found:?}");
        match &found[0] {
            Issue::IntensityOutOfRange { relation, value } => {
                assert_eq!(relation, &rel_item(0, "r", "RUS", "ARM"));
                assert!(
                    value.to_bits() == shown.to_bits() || (value.is_nan() && shown.is_nan()),
                    "{v}"
                );
            }
            other => panic!("{v}: {other:?}"),
        }
    }
}

#[test]
fn reversed_period() {
    let text = format!(
        "{HEAD}{}",
        relation("").replace(
            "period = { from = 1995 }",
            "period = { from = 2000, to = 1999 }"
        )
    );
    assert_eq!(
        issues(&text),
        vec![Issue::ReversedPeriod {
            item: rel_item(0, "r", "RUS", "ARM"),
            from: 2000,
            to: 1999
        }]
    );
}

#[test]
fn membership_in_unknown_organisation() {
    let text = format!(
        "{HEAD}[[memberships]]\norganisation = \"NATO\"\nunit = \"ARM\"\nperiod = {{ from = 1994 }}\nevidence = [{{ text = \"x\" }}]\n"
    );
    assert_eq!(
        issues(&text),
        vec![Issue::UnknownOrganisation {
            item: Item::Membership {
                index: 0,
                organisation: "NATO".into(),
                unit: "ARM".into()
            },
            organisation: "NATO".into()
        }]
    );
}

#[test]
fn capability_nan_and_negative() {
    let text = format!(
        "{HEAD}[[capabilities]]\nunit = \"RUS\"\nyear = 2000\nvalue = nan\nsource = \"s\"\n[[capabilities]]\nunit = \"ARM\"\nyear = 2000\nvalue = -1.0\nsource = \"s\"\n"
    );
    let found = issues(&text);
    assert_eq!(found.len(), 2);
    assert!(
        matches!(&found[0], Issue::CapabilityOutOfRange { capability: Item::Capability { index: 0, unit, year: 2000 }, value } if unit == "RUS" && value.is_nan())
    );
    assert_eq!(
        found[1],
        Issue::CapabilityOutOfRange {
            capability: Item::Capability {
                index: 1,
                unit: "ARM".into(),
                year: 2000
            },
            value: -1.0
        }
    );
}

#[test]
fn opposite_signs_on_the_same_pair_sector_and_years() {
    let second = relation("")
        .replace("id = \"r\"", "id = \"s\"")
        .replace("sign = \"amity\"", "sign = \"enmity\"")
        .replace(
            "period = { from = 1995 }",
            "period = { from = 2000, to = 2005 }",
        );
    let text = format!("{HEAD}{}{second}", relation(""));
    assert_eq!(
        issues(&text),
        vec![Issue::ConflictingRelations {
            first: rel_item(0, "r", "RUS", "ARM"),
            second: rel_item(1, "s", "RUS", "ARM"),
            sector: Sector::Military,
            years: rsct::Period::between(2000, 2005).unwrap(),
        }]
    );
    // Marked contested on both sides: allowed.
    let text = format!(
        "{HEAD}{}{}",
        relation("contested = true"),
        second + "contested = true\n"
    );
    assert!(Dataset::from_toml_str(&text).is_ok());
    // Another sector: no conflict.
    let other = relation("")
        .replace("id = \"r\"", "id = \"s\"")
        .replace("sign = \"amity\"", "sign = \"enmity\"")
        .replace("[\"military\"]", "[\"economic\"]");
    assert!(Dataset::from_toml_str(&format!("{HEAD}{}{other}", relation(""))).is_ok());
}

#[test]
fn relation_before_a_unit_exists() {
    let text = format!(
        "{HEAD}{}",
        relation("").replace("period = { from = 1995 }", "period = { from = 1985 }")
    );
    assert_eq!(
        issues(&text),
        vec![Issue::OutsideUnitPeriod {
            item: rel_item(0, "r", "RUS", "ARM"),
            unit: "ARM".into(),
            unit_period: rsct::Period::from_year(1991),
            period: rsct::Period::from_year(1985),
        }]
    );
}

#[test]
fn missing_evidence_and_sector() {
    let text = format!(
        "{HEAD}{}",
        relation("")
            .replace(
                "evidence = [{ text = \"base in Gyumri\", locator = \"§2.3, fn 89\" }]",
                "evidence = []"
            )
            .replace("[\"military\"]", "[]")
    );
    assert_eq!(
        issues(&text),
        vec![
            Issue::NoSector {
                relation: rel_item(0, "r", "RUS", "ARM")
            },
            Issue::MissingEvidence {
                item: rel_item(0, "r", "RUS", "ARM")
            },
        ]
    );
}

#[test]
fn invalid_identifier() {
    let text = HEAD.replace("id = \"ARM\"", "id = \"AR M\"");
    let found = issues(&text);
    assert!(
        matches!(&found[0], Issue::InvalidId { item: Item::Unit { index: 1, id }, .. } if id == "AR M"),
        "{found:?}"
    );
}

#[test]
fn several_problems_are_all_reported() {
    let bad = relation("")
        .replace("b = \"ARM\"", "b = \"XYZ\"")
        .replace("intensity = 0.5", "intensity = 2.0");
    let text = format!(
        "{HEAD}{bad}[[capabilities]]\nunit = \"RUS\"\nyear = 2000\nvalue = -3.0\nsource = \"s\"\n[[memberships]]\norganisation = \"NOPE\"\nunit = \"RUS\"\nperiod = {{ from = 2001, to = 2000 }}\nevidence = [{{ text = \"x\" }}]\n"
    );
    let err = Dataset::from_toml_str(&text).unwrap_err();
    let found = err.issues();
    assert_eq!(found.len(), 5, "{err}");
    let msg = err.to_string();
    for needle in [
        "unknown unit \"XYZ\"",
        "intensity 2 is outside",
        "value -3",
        "unknown organisation \"NOPE\"",
        "period 2001–2000",
    ] {
        assert!(msg.contains(needle), "{needle} not in {msg}");
    }
}

#[test]
fn schema_version_is_checked() {
    let e = Dataset::from_toml_str("schema_version = 2\n").unwrap_err();
    assert!(matches!(
        e,
        DatasetError::UnsupportedSchemaVersion {
            found: Some(2),
            supported: 1,
            ..
        }
    ));
    let e = Dataset::from_toml_str("name = \"x\"\n").unwrap_err();
    assert!(matches!(
        e,
        DatasetError::UnsupportedSchemaVersion { found: None, .. }
    ));
    let e = Dataset::from_json_str("{\"schema_version\": 7}").unwrap_err();
    assert!(matches!(
        e,
        DatasetError::UnsupportedSchemaVersion { found: Some(7), .. }
    ));
}

#[test]
fn parse_errors_name_line_and_unknown_fields() {
    let e = Dataset::from_toml_str("schema_version = 1\n[[units]]\nid = \"A\"\nnmae = \"typo\"\n")
        .unwrap_err();
    match e {
        DatasetError::Parse {
            line: Some(l),
            message,
            ..
        } => {
            assert!(l >= 2, "line {l}");
            assert!(message.contains("nmae"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let e = Dataset::from_json_str("{\"schema_version\": 1,\n \"units\": [ {\"id\": 3} ]}")
        .unwrap_err();
    assert!(
        matches!(e, DatasetError::Parse { line: Some(2), .. }),
        "{e:?}"
    );
}

#[test]
fn load_names_the_file() {
    let dir = std::env::temp_dir().join(format!("rsct-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(
        &path,
        format!(
            "{HEAD}{}",
            relation("").replace("b = \"ARM\"", "b = \"RUS\"")
        ),
    )
    .unwrap();
    let msg = Dataset::load(&path).unwrap_err().to_string();
    assert!(msg.starts_with(&path.display().to_string()), "{msg}");
    let e = Dataset::load(dir.join("x.yaml")).unwrap_err();
    assert!(matches!(e, DatasetError::UnknownFormat { .. }));
    let ok = dir.join("ok.json");
    let ds = Dataset::from_toml_str(&format!("{HEAD}{}", relation(""))).unwrap();
    ds.save(&ok).unwrap();
    assert_eq!(Dataset::load(&ok).unwrap(), ds);
    std::fs::remove_dir_all(&dir).unwrap();
}

const GEO: &str = r#"
[[borders]]
a = "RUS"
b = "ARM"
kind = "sea"
sea_miles = 400
period = { from = 1991, to = 2013 }
evidence = [{ text = "Caspian and Black Sea approaches", locator = "external: COW Direct Contiguity v3.2" }]
[[borders]]
a = "ARM"
b = "RUS"
kind = "land"
period = { from = 2014 }
evidence = [{ text = "hypothetical land border", locator = "test" }]
[[power_classes]]
unit = "RUS"
class = "great_power"
period = { from = 1991, to = 2013 }
evidence = [{ text = "Russia a great power", locator = "external: Buzan & Waever 2003, p. 37" }]
"#;

#[test]
fn borders_and_power_classes_round_trip_and_date() {
    use rsct::Contiguity;
    use rsct::polarity::PowerClass;
    let ds = Dataset::from_toml_str(&format!("{HEAD}{GEO}")).unwrap();
    assert_eq!(ds.borders().len(), 2);
    assert_eq!(ds.borders()[0].contiguity(), Contiguity::Sea400);
    assert_eq!(ds.borders()[0].contiguity().cow_code(), 5);
    assert_eq!(ds.borders()[1].contiguity(), Contiguity::Land);
    assert_eq!(ds.borders_in(2000).count(), 1);
    assert_eq!(ds.borders_in(1990).count(), 0);
    assert_eq!(ds.power_classes().len(), 1);
    assert_eq!(
        ds.classification_in(2000).class("RUS"),
        PowerClass::GreatPower
    );
    assert_eq!(ds.classification_in(2014).class("RUS"), PowerClass::Other);
    let toml = ds.to_toml_string().unwrap();
    assert_eq!(Dataset::from_toml_str(&toml).unwrap(), ds);
    let json = ds.to_json_string().unwrap();
    assert_eq!(Dataset::from_json_str(&json).unwrap(), ds);
    assert!(toml.contains("sea_miles = 400"));
    // A file without the new tables writes none of them.
    let plain = Dataset::from_toml_str(HEAD)
        .unwrap()
        .to_toml_string()
        .unwrap();
    assert!(!plain.contains("borders") && !plain.contains("power_classes"));
}

fn border(a: &str, b: &str, kind_and_miles: &str, period: &str) -> String {
    format!(
        r#"
[[borders]]
a = "{a}"
b = "{b}"
{kind_and_miles}
period = {period}
evidence = [{{ text = "border", locator = "test" }}]
"#
    )
}

fn border_item(index: usize, a: &str, b: &str) -> Item {
    Item::Border {
        index,
        a: a.into(),
        b: b.into(),
    }
}

#[test]
fn bad_borders_are_named() {
    let land = r#"kind = "land""#;
    let p = "{ from = 1995 }";
    assert_eq!(
        issues(&format!("{HEAD}{}", border("RUS", "XXX", land, p))),
        vec![Issue::UnknownUnit {
            item: border_item(0, "RUS", "XXX"),
            unit: "XXX".into()
        }]
    );
    assert_eq!(
        issues(&format!("{HEAD}{}", border("RUS", "RUS", land, p))),
        vec![Issue::SelfBorder {
            border: border_item(0, "RUS", "RUS")
        }]
    );
    assert_eq!(
        issues(&format!(
            "{HEAD}{}",
            border("RUS", "ARM", land, "{ from = 2000, to = 1999 }")
        )),
        vec![Issue::ReversedPeriod {
            item: border_item(0, "RUS", "ARM"),
            from: 2000,
            to: 1999
        }]
    );
    for (km, kind, miles) in [
        (r#"kind = "sea""#, "sea", None),
        ("kind = \"sea\"\nsea_miles = 13", "sea", Some(13)),
        ("kind = \"sea\"\nsea_miles = -12", "sea", Some(-12)),
        ("kind = \"land\"\nsea_miles = 12", "land", Some(12)),
    ] {
        let found = issues(&format!("{HEAD}{}", border("RUS", "ARM", km, p)));
        assert_eq!(
            found,
            vec![Issue::BadSeaMiles {
                border: border_item(0, "RUS", "ARM"),
                kind,
                miles
            }],
            "{km}"
        );
        assert!(
            found[0]
                .to_string()
                .starts_with("borders[0] (RUS–ARM): sea_miles")
        );
    }
    // Armenia exists from 1991: a border from 1980 lies outside it.
    let found = issues(&format!(
        "{HEAD}{}",
        border("RUS", "ARM", land, "{ from = 1980 }")
    ));
    assert!(
        matches!(&found[..], [Issue::OutsideUnitPeriod { unit, .. }] if unit == "ARM"),
        "{found:?}"
    );
    // Two borders of one pair (either order) over overlapping years.
    let found = issues(&format!(
        "{HEAD}{}{}",
        border("RUS", "ARM", land, "{ from = 1995, to = 2000 }"),
        border(
            "ARM",
            "RUS",
            "kind = \"sea\"\nsea_miles = 24",
            "{ from = 2000 }"
        )
    ));
    assert_eq!(
        found,
        vec![Issue::OverlappingBorders {
            first: border_item(0, "RUS", "ARM"),
            second: border_item(1, "ARM", "RUS"),
            years: rsct::Period::year(2000)
        }]
    );
    // No evidence.
    let text = format!(
        "{HEAD}[[borders]]\na = \"RUS\"\nb = \"ARM\"\nkind = \"land\"\nperiod = {{ from = 1995 }}\n"
    );
    assert_eq!(
        issues(&text),
        vec![Issue::MissingEvidence {
            item: border_item(0, "RUS", "ARM")
        }]
    );
}

#[test]
fn bad_power_classes_are_named() {
    let pc = |unit: &str, class: &str, period: &str| {
        format!(
            "[[power_classes]]\nunit = \"{unit}\"\nclass = \"{class}\"\nperiod = {period}\nevidence = [{{ text = \"t\", locator = \"l\" }}]\n"
        )
    };
    let item = |index, unit: &str| Item::PowerClass {
        index,
        unit: unit.into(),
    };
    assert_eq!(
        issues(&format!(
            "{HEAD}{}",
            pc("USA", "superpower", "{ from = 1991 }")
        )),
        vec![Issue::UnknownUnit {
            item: item(0, "USA"),
            unit: "USA".into()
        }]
    );
    assert_eq!(
        issues(&format!(
            "{HEAD}{}{}",
            pc("RUS", "superpower", "{ from = 1946, to = 1991 }"),
            pc("RUS", "great_power", "{ from = 1991 }")
        )),
        vec![Issue::OverlappingPowerClasses {
            first: item(0, "RUS"),
            second: item(1, "RUS"),
            years: rsct::Period::year(1991)
        }]
    );
    // "other" is not a class a data set states: a parse error naming the line.
    let err = Dataset::from_toml_str(&format!("{HEAD}{}", pc("RUS", "other", "{ from = 1991 }")))
        .unwrap_err();
    assert!(
        matches!(err, DatasetError::Parse { line: Some(_), .. }),
        "{err}"
    );
}

#[test]
fn geography_constructors_validate() {
    use rsct::GeographyError;
    use rsct::polarity::PowerClass;
    use rsct::{Border, Contiguity, Evidence, Period, PowerClassification};
    let ev = || vec![Evidence::cited("t", "l").unwrap()];
    let p = Period::from_year(1991);
    assert_eq!(
        Border::new("RUS", "RUS", Contiguity::Land, p, ev()),
        Err(GeographyError::SelfBorder { unit: "RUS".into() })
    );
    assert!(matches!(
        Border::new("RUS", "UKR", Contiguity::Land, p, vec![]),
        Err(GeographyError::NoEvidence { .. })
    ));
    assert!(matches!(
        Border::new("R S", "UKR", Contiguity::Land, p, ev()),
        Err(GeographyError::Id { .. })
    ));
    assert_eq!(
        PowerClassification::new("RUS", PowerClass::Other, p, ev()),
        Err(GeographyError::UnstatedClass { unit: "RUS".into() })
    );
    assert_eq!(Contiguity::sea(150), Some(Contiguity::Sea150));
    assert_eq!(Contiguity::sea(100), None);
    for c in Contiguity::ALL {
        assert_eq!(Contiguity::from_cow_code(c.cow_code()), Some(c));
    }
    assert_eq!(Contiguity::from_cow_code(6), None);
    // Built in code, validated across the data set.
    let err = Dataset::builder()
        .unit(rsct::Unit::state("RUS", "Russia").unwrap())
        .border(Border::new("RUS", "UKR", Contiguity::Land, p, ev()).unwrap())
        .build()
        .unwrap_err();
    assert!(matches!(err.issues(), [Issue::UnknownUnit { unit, .. }] if unit == "UKR"));
}
