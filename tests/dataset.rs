//! Data sets: round trips, and one test per class of bad input, each asserting the exact
//! issue and the item it names.

use proptest::prelude::*;
use rsct::dataset::{DatasetError, Issue, Item};
use rsct::strategies::{DatasetParams, datasets};
use rsct::{Dataset, Sector};

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
