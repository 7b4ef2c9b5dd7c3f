//! The examples' command line: `--help` (exit 0), unknown arguments (exit 2, with the usage),
//! data errors printed as the crate's messages, one problem per line (exit 1), and no Rust
//! debug formatting in what they print. The example binaries are found through cargo's own
//! build messages, so any target directory works.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Builds the examples in release mode (a no-op when they are built) and maps each name to
/// its executable, as cargo reports it.
fn examples() -> &'static BTreeMap<String, PathBuf> {
    static EXAMPLES: OnceLock<BTreeMap<String, PathBuf>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let out = Command::new(cargo)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--release", "--examples", "--message-format=json"])
            .output()
            .expect("cargo runs");
        assert!(
            out.status.success(),
            "building the examples failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut map = BTreeMap::new();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let is_example = v["target"]["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|x| x == "example"));
            if let (true, Some(name), Some(exe)) = (
                is_example,
                v["target"]["name"].as_str(),
                v["executable"].as_str(),
            ) {
                map.insert(name.to_owned(), PathBuf::from(exe));
            }
        }
        map
    })
}

fn run(example: &str, args: &[&str]) -> Output {
    let exe = examples()
        .get(example)
        .unwrap_or_else(|| panic!("no example {example}"));
    Command::new(exe)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the example runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every example that takes arguments.
const WITH_ARGUMENTS: [&str; 10] = [
    "armenia_belarus",
    "balance",
    "boundaries",
    "europe_1872_1907",
    "evolution",
    "frustration",
    "polarity",
    "post_soviet",
    "quickstart",
    "world_panel",
];

#[test]
fn help_prints_the_usage_and_succeeds() {
    for ex in WITH_ARGUMENTS {
        let out = run(ex, &["--help"]);
        assert_eq!(out.status.code(), Some(0), "{ex} --help");
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with("usage: "), "{ex} --help: {stdout}");
        assert!(out.stderr.is_empty(), "{ex} --help wrote to stderr");
    }
}

#[test]
fn an_unknown_argument_is_a_usage_error() {
    for ex in WITH_ARGUMENTS {
        let args: &[&str] = match ex {
            // Positional arguments first, so the unknown option is what fails.
            "balance" | "frustration" => &["tests/data/gahuku_gama_tribes.csv", "--bogus"],
            "polarity" | "boundaries" => &["2013", "--bogus"],
            _ => &["--bogus"],
        };
        let out = run(ex, args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{ex}: {stderr}");
        assert!(
            stderr.starts_with("error: unknown argument --bogus\n") && stderr.contains("usage: "),
            "{ex}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{ex} printed a result");
    }
    let out = run("post_soviet", &["--year", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: --year abc: "));
}

#[test]
fn an_unreadable_file_fails_with_the_readers_message() {
    let dir = std::env::temp_dir().join(format!("rsct-example-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("bad.csv");
    std::fs::write(&file, "source,target,sign\nA,B,+\nB,C,maybe\n").expect("written");
    let path = file.to_str().expect("a UTF-8 path");
    for ex in ["balance", "frustration"] {
        let out = run(ex, &[path]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{ex}: {stderr}");
        assert!(stderr.starts_with("error: "), "{ex}: {stderr}");
        assert!(
            stderr.contains("bad.csv:3") && stderr.contains("maybe"),
            "{ex}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{ex} printed a result");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Rust's debug formatting of the crate's types, as it used to leak into the output.
const DEBUG_MARKS: [&str; 9] = [
    "Some(",
    "ConflictFormation",
    "SecurityRegime",
    "SecurityCommunity",
    "GreatPower",
    "RegionalPower",
    "Superpower)",
    "(Other)",
    "Iteration {",
];

#[test]
fn no_debug_formatting_in_the_output() {
    let runs: [(&str, &[&str]); 7] = [
        ("post_soviet", &[]),
        ("post_soviet", &["--year", "2002"]),
        ("evolution", &[]),
        ("polarity", &["1995"]),
        ("balance", &[]),
        ("frustration", &[]),
        ("boundaries", &["2013"]),
    ];
    for (ex, args) in runs {
        let out = run(ex, args);
        assert!(out.status.success(), "{ex} {args:?}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        for mark in DEBUG_MARKS {
            assert!(
                !stdout.contains(mark),
                "{ex} {args:?} prints {mark}: {stdout}"
            );
        }
        assert!(
            !stdout.contains("-0 %") && !stdout.contains("-0.0 "),
            "{ex} {args:?}"
        );
    }
}

#[test]
fn the_examples_share_one_exit_code_convention() {
    // Every example that takes arguments uses the shared helper, which documents it.
    let common = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/common/mod.rs");
    let doc = std::fs::read_to_string(common).expect("examples/common/mod.rs");
    assert!(doc.contains("| 2 | a usage error"));
    for ex in WITH_ARGUMENTS {
        let src = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{ex}.rs")),
        )
        .expect("the example's source");
        assert!(
            src.contains("common::main("),
            "{ex} does not use the shared helper"
        );
    }
}
