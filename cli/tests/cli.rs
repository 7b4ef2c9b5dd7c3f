//! The `rsct` command line, run as a user runs it: exit codes, output formats, errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rsct(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rsct"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const COMMANDS: [&str; 9] = [
    "validate",
    "snapshot",
    "balance",
    "frustration",
    "polarity",
    "boundaries",
    "evolution",
    "panel",
    "draw",
];

#[test]
fn every_command_has_help_and_rejects_unknown_arguments() {
    for c in COMMANDS {
        let o = rsct(&[c, "--help"]);
        assert!(o.status.success(), "{c} --help");
        assert!(
            stdout(&o).contains("Usage: rsct"),
            "{c} --help: {}",
            stdout(&o)
        );
        let o = rsct(&[c, "--no-such-option"]);
        assert_eq!(o.status.code(), Some(2), "{c} with an unknown option");
        assert!(stderr(&o).contains("--no-such-option"));
    }
}

#[test]
fn validate_lists_every_problem_and_exits_1() {
    let o = rsct(&["validate", "data/post_soviet.toml"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("29 units"), "{}", stdout(&o));
    let dir = std::env::temp_dir().join(format!("rsct-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "schema_version = 1\n\
         [[units]]\nid = \"A\"\nname = \"A\"\nkind = \"state\"\n\
         [[relations]]\na = \"A\"\nb = \"ZZZ\"\nsign = \"amity\"\nintensity = 2.0\n\
         sectors = [\"military\"]\nperiod = { from = 2000 }\n",
    )
    .unwrap();
    let o = rsct(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("ZZZ"), "the unknown unit is named: {err}");
    assert!(err.contains('2'), "the bad intensity is named: {err}");
    assert!(!err.contains("Dataset {"), "no debug dump: {err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn balance_and_frustration_give_the_published_values_for_the_tribes() {
    let tribes = "tests/data/gahuku_gama_tribes.csv";
    let o = rsct(&["balance", tribes, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["units"], 16);
    assert_eq!(v["ties"], 58);
    assert_eq!(v["harary"]["balanced"], false);
    assert_eq!(v["triangles"]["ppp"], 19);
    let strict = v["triangles"]["strict_ratio"].as_f64().unwrap();
    assert!((strict - 0.867_647_1).abs() < 1e-7);
    let o = rsct(&["frustration", tribes, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["L"], 7.0);
    assert_eq!(v["optimal"], true);
    assert_eq!(v["frustrated"].as_array().unwrap().len(), 7);
}

#[test]
fn snapshot_rows_name_their_sources() {
    let o = rsct(&["snapshot", "data/post_soviet.toml", "--year", "2013"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("source,target,sign,net,interdependence,contributions,evidence")
    );
    let rus_arm = lines
        .find(|l| l.starts_with("RUS,ARM,") || l.starts_with("ARM,RUS,"))
        .expect("a Russia–Armenia tie in 2013");
    assert!(rus_arm.contains("§"), "thesis locators: {rus_arm}");
}

#[test]
fn errors_are_messages_and_exit_1() {
    let o = rsct(&["balance", "no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: ") && err.contains("no/such/file.csv"),
        "{err}"
    );
    let o = rsct(&["polarity", "data/post_soviet.toml", "--units", "RUS,XXX"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("XXX"));
}

#[test]
fn the_panel_runs_on_the_shipped_world_extract() {
    let o = rsct(&[
        "panel",
        "data/world_1991_2013",
        "--from",
        "1992",
        "--to",
        "1993",
        "--frustration-nodes",
        "0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(rows[0].starts_with("year,units,ties"));
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[1].starts_with("1992,") && rows[2].starts_with("1993,"));
    assert!(text.contains("ATOP v5.1"), "the data sets are cited");
}

#[test]
fn draw_writes_an_svg() {
    let dir = std::env::temp_dir().join(format!("rsct-cli-draw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("ps.svg");
    let o = rsct(&[
        "draw",
        "data/post_soviet.toml",
        "--year",
        "2008",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") || text.starts_with("<?xml"));
    assert!(text.contains("RUS"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn boundaries_and_evolution_give_json() {
    let o = rsct(&[
        "boundaries",
        "data/post_soviet.toml",
        "--year",
        "2013",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["complexes"].as_array().is_some_and(|c| !c.is_empty()));
    let o = rsct(&[
        "evolution",
        "data/post_soviet.toml",
        "--from",
        "1991",
        "--to",
        "1995",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for line in stdout(&o).lines() {
        let _: serde_json::Value = serde_json::from_str(line).unwrap();
    }
}
