//! The examples run and print what their documentation promises (smoke tests and JSON
//! shape). Each test builds its example in release mode (a no-op when `.ci/run` has built
//! them already) and runs it on the shipped data sets.

use std::path::PathBuf;
use std::process::Command;

fn run(example: &str, args: &[&str]) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .current_dir(&root)
        .args(["build", "--release", "--quiet", "--example", example])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building example {example} failed");
    let bin = root.join("target/release/examples").join(example);
    let out = Command::new(&bin)
        .current_dir(&root)
        .args(args)
        .output()
        .expect("the example runs");
    assert!(
        out.status.success(),
        "{example} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn quickstart_prints_ties_with_evidence() {
    let out = run("quickstart", &[]);
    assert!(
        out.contains("RUS–ARM") && out.contains("§2.3, fn 89"),
        "{out}"
    );
}

#[test]
fn post_soviet_json_shape_and_picture() {
    let out = run("post_soviet", &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["year"], 2013);
    assert_eq!(v["complex"], "complex around RUS");
    let members = v["report"]["complexes"][0]["members"]
        .as_array()
        .expect("members");
    // Under the definition-driven detection (issue 15) Belarus stays in Russia's complex;
    // Armenia, drawn by its conflict with Azerbaijan and its ties with the USA, Iran and
    // Nagorno-Karabakh, falls in a proto-complex with them (not tuned on: the post-Soviet
    // data set is held apart from calibration).
    assert!(members.iter().any(|m| m == "BLR"));
    let proto = v["report"]["proto_complexes"].as_array().expect("proto");
    assert!(proto.iter().any(|p| {
        p["members"]
            .as_array()
            .is_some_and(|m| m.iter().any(|u| u == "ARM"))
    }));
    assert_eq!(
        v["report"]["complexes"][0]["complex_type"]["type"],
        "centred"
    );
    assert!(v["balance"]["ppp"].as_u64().is_some());
    assert!(v["events"].as_array().is_some_and(|e| !e.is_empty()));
    let svg =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(v["picture"]["svg"].as_str().expect("path"));
    let text = std::fs::read_to_string(svg).expect("the picture was written");
    assert!(text.starts_with("<svg") && text.contains("RUS"));
    let human = run("post_soviet", &["--year", "2002"]);
    assert!(
        human.contains("The post-Soviet security complex in 2002"),
        "{human}"
    );
}

#[test]
fn armenia_belarus_json_shape() {
    let out = run(
        "armenia_belarus",
        &["--from", "2009", "--to", "2010", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter()
            .all(|r| r["russia_net"].as_f64().is_some_and(|x| x > 0.0))
    );
    assert!(
        v["bilateral_share_of_russias_ties"]["ARM"]
            .as_f64()
            .is_some()
    );
}

#[test]
fn boundaries_polarity_and_evolution_run() {
    let b = run(
        "boundaries",
        &[
            "data/post_soviet.toml",
            "--year",
            "2013",
            "--set-apart",
            "CHN,EU,IND,PAK,MNG",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&b).expect("JSON");
    assert_eq!(v["year"], 2013);
    let p = run(
        "polarity",
        &[
            "data/post_soviet.toml",
            "--year",
            "2013",
            "--units",
            "RUS,BLR,ARM,KAZ",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(p.trim()).expect("JSON line");
    assert_eq!(v["poles"]["polarity"], "unipolar");
    let e = run(
        "evolution",
        &[
            "data/post_soviet.toml",
            "--from",
            "1999",
            "--to",
            "2001",
            "--json",
        ],
    );
    for line in e.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        assert!(v["transformation"]["kind"].is_string());
    }
}

#[test]
fn europe_march_to_balance() {
    let out = run("europe_1872_1907", &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let years = v.as_array().expect("years");
    assert_eq!(years.len(), 36);
    let last = &years[35];
    assert_eq!(last["year"], 1907);
    assert_eq!(last["balanced"], true);
    assert_eq!(last["frustration"], 0.0);
    let camp = |k: usize| {
        let mut c: Vec<String> = last["camps"][k]
            .as_array()
            .expect("camp")
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        c.sort();
        c
    };
    let mut camps = [camp(0), camp(1)];
    camps.sort();
    assert_eq!(
        camps,
        [vec!["AUH", "DEU", "ITA"], vec!["FRA", "GBR", "RUS"]]
    );
    // Not balanced at some point on the way (the march to balance).
    assert!(years.iter().any(|y| y["balanced"] == false));
}
