//! The shipped extract of the COW-family world (`data/world_1991_2013/`): it reads back on a
//! fresh clone, its facts agree with the post-Soviet data set's capabilities and with known
//! events, and, where the source files are present, regenerating it gives the same rows.

mod common;

use rsct::io::cow::{self, ExtractParts, Obligation, sources};
use std::io::Read;
use std::path::{Path, PathBuf};

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world_1991_2013")
}

fn text(path: &Path) -> String {
    let raw = std::fs::read(path).unwrap();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_string(&mut s)
            .unwrap();
        s
    } else {
        String::from_utf8(raw).unwrap()
    }
}

#[test]
fn the_shipped_extract_reads_back_with_known_facts() {
    let x = cow::read_extract(shipped()).unwrap();
    let states = x.states.as_ref().unwrap();
    assert!(states.is_member(365, 1991) && states.is_member(371, 2013));
    assert!(
        !states.is_member(371, 1990),
        "Armenia entered the system in 1991"
    );
    // Russia–Belarus: the 1992 Collective Security Treaty is a defence pact (ATOP).
    let ob = x.alliances.as_ref().unwrap().get(2000, 365, 370).unwrap();
    assert!(ob.contains(Obligation::Defense));
    // Armenia–Azerbaijan, 1993: MID 5.0 codes the dyad at hostility 4 (use of force; the
    // war's fighting is mostly Karabakh's forces, not a unit of the state system).
    let d = x.disputes.as_ref().unwrap().0.get(1993, 371, 373).unwrap();
    assert_eq!(d.hostility(), 4);
    // Russia–Ukraine share a land border (COW contiguity type 1).
    let c = x.contiguity.as_ref().unwrap().get(2000, 365, 369).unwrap();
    assert_eq!(c.code(), 1);
    // Nothing outside the span.
    assert!(x.alliances.as_ref().unwrap().get(1990, 365, 370).is_none());
}

#[test]
fn the_extract_cinc_equals_the_post_soviet_data_set() {
    let x = cow::read_extract(shipped()).unwrap();
    let nmc = x.capabilities.unwrap();
    let ds = rsct::datasets::post_soviet().unwrap();
    let mut compared = 0;
    for c in ds.capabilities() {
        let Some(ccode) = ds.unit(c.unit()).and_then(|u| u.cow()) else {
            continue;
        };
        let rec = nmc.get(ccode, c.year()).unwrap();
        assert_eq!(rec.cinc(), Some(c.value()), "{} {}", c.unit(), c.year());
        compared += 1;
    }
    assert!(compared > 400, "only {compared} capabilities compared");
}

#[test]
fn regenerating_the_extract_gives_the_shipped_rows() {
    let Some(dir) = common::shared("cow", "") else {
        return;
    };
    let states = cow::read_states(dir.join(sources::STATES.file)).unwrap();
    let st = Some(&states);
    let atop = cow::read_atop(dir.join(sources::ATOP.file), st).unwrap();
    let mid = cow::read_mid5(dir.join(sources::MID5.file), st).unwrap();
    let contiguity = cow::read_contiguity(dir.join(sources::CONTIGUITY.file), st).unwrap();
    let nmc = cow::read_nmc(dir.join(sources::NMC.file), st).unwrap();
    let rivalries = cow::read_rivalries(dir.join(sources::RIVALRIES.file), None).unwrap();
    let parts = ExtractParts {
        states: Some(&states),
        alliances: Some(&atop),
        disputes: Some((&mid, sources::MID5)),
        contiguity: Some(&contiguity),
        capabilities: Some(&nmc),
        rivalries: Some(&rivalries),
    };
    let out = std::env::temp_dir().join(format!("rsct-extract-{}", std::process::id()));
    let written = cow::write_extract(parts, &out, 1991, 2013).unwrap();
    assert_eq!(written.len(), cow::EXTRACT_FILES.len());
    for name in cow::EXTRACT_FILES {
        assert_eq!(
            text(&out.join(name)),
            text(&shipped().join(name)),
            "data/world_1991_2013/{name} is stale: run `cargo run --release --example \
             world_extract -- ../shared/data/cow data/world_1991_2013`"
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
}
