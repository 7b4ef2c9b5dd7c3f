//! Correlates-of-War family readers: fixtures everywhere (including bad rows), the real files
//! of `../shared/data/cow` when present.

use rsct::io::ReadError;
use rsct::io::cow::{
    self, ContiguityType, NmcComponent, Obligation, Obligations, StateSystem, from_bytes,
};
use std::path::{Path, PathBuf};

mod common;

fn fixture(name: &str) -> PathBuf {
    common::fixture("cow", name)
}

fn shared(name: &str) -> Option<std::path::PathBuf> {
    common::shared("cow", name)
}

fn states() -> StateSystem {
    cow::read_states(fixture("states2016_head.csv")).unwrap()
}

#[test]
fn states_fixture() {
    let s = states();
    assert_eq!(s.state_count(), 11);
    assert_eq!(s.spells().len(), 13);
    assert_eq!(s.abbreviation(365), Some("RUS"));
    assert_eq!(s.ccode("ARM"), Some(371));
    assert_eq!(s.name(370), Some("Belarus"));
    assert_eq!(s.first_year(365), Some(1816));
    assert!(s.is_member(255, 1945) && !s.is_member(255, 1960) && s.is_member(255, 1990));
    assert!(!s.is_member(371, 1990) && s.is_member(371, 1991));
    assert_eq!(s.members(1816), vec![2, 200, 220, 255, 300, 365, 640]);
    let g = s.spells_of(255).collect::<Vec<_>>();
    assert_eq!(
        (g[1].start().year, g[1].start().month, g[1].start().day),
        (1990, 10, 3)
    );
    let units = s.units().unwrap();
    let gmy = units.iter().find(|u| u.id() == "GMY").unwrap();
    assert_eq!(gmy.cow(), Some(255));
    assert_eq!(
        gmy.period(),
        Some(rsct::Period::between(1816, 2016).unwrap())
    );
}

#[test]
fn states_quoted_and_reordered_columns() {
    let text = "\u{feff}ccode,\"stateabb\",statenme,endyear,endmonth,endday,styear,stmonth,stday\r\n\
                365,\"RUS\",\"Russia, the Federation\",2016,12,31,1816,1,1\r\n";
    let s = from_bytes::states("q.csv", text.as_bytes()).unwrap();
    assert_eq!(s.name(365), Some("Russia, the Federation"));
    assert_eq!(s.first_year(365), Some(1816));
}

fn expect_missing_column(e: ReadError, file: &str, column: &str) {
    match e {
        ReadError::MissingColumn {
            file: f,
            line,
            column: c,
        } => {
            assert_eq!(f, Path::new(file));
            assert_eq!(line, 1);
            assert_eq!(c, column);
        }
        other => panic!("expected a missing column, got {other:?}"),
    }
}

fn expect_bad_code(e: ReadError, file: &str, line: usize, column: &str, value: &str) {
    match e {
        ReadError::BadCode {
            file: f,
            line: l,
            column: c,
            value: v,
        } => {
            assert_eq!(
                (f.as_path(), l, c.as_str(), v.as_str()),
                (Path::new(file), line, column, value)
            );
        }
        other => panic!("expected a bad code, got {other:?}"),
    }
}

fn expect_unknown(e: ReadError, file: &Path, line: usize, column: &str, ccode: u32) {
    match e {
        ReadError::UnknownCcode {
            file: f,
            line: l,
            column: c,
            ccode: k,
        } => assert_eq!((f.as_path(), l, c.as_str(), k), (file, line, column, ccode)),
        other => panic!("expected an unknown ccode, got {other:?}"),
    }
}

#[test]
fn bad_rows_are_typed_errors_naming_file_line_column() {
    // Missing columns, one per reader.
    let e = from_bytes::states("s.csv", b"stateabb,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,Russia,1816,1,1,2016,12,31\n").unwrap_err();
    expect_missing_column(e, "s.csv", "ccode");
    let e = from_bytes::nmc(
        "n.csv",
        b"ccode,year,milex,milper,irst,pec,tpop,upop\n2,1816,1,1,1,1,1,1\n",
        None,
    )
    .unwrap_err();
    expect_missing_column(e, "n.csv", "cinc");
    let e =
        from_bytes::contiguity("c.csv", b"state1no,state2no,year\n2,20,1920\n", None).unwrap_err();
    expect_missing_column(e, "c.csv", "conttype");
    let e = from_bytes::atop(
        "a.csv",
        b"ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg\n",
        None,
    )
    .unwrap_err();
    expect_missing_column(e, "a.csv", "atop_consul");
    let e = from_bytes::mid5("m.csv", b"dispnum,ccode1,ccode2,year,hostlev1\n", None).unwrap_err();
    expect_missing_column(e, "m.csv", "hostlev");
    let e = from_bytes::mid4("m4.csv", b"disno,statea,stateb,year\n", None).unwrap_err();
    expect_missing_column(e, "m4.csv", "hihost");
    let e =
        from_bytes::rivalries("r.csv", b"tssr_id,rivalry,ccode1,start,end\n", None).unwrap_err();
    expect_missing_column(e, "r.csv", "ccode2");
    let e = from_bytes::atop("empty.csv", b"", None).unwrap_err();
    expect_missing_column(e, "empty.csv", "ccode1");

    // Non-numeric codes.
    let e = from_bytes::states("s.csv", b"stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,RUS,Russia,1816,1,1,2016,12,31\n").unwrap_err();
    expect_bad_code(e, "s.csv", 2, "ccode", "RUS");
    let e = from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n1,371,373,1993,4\n2,371,\"AZE\",1993,4\n",
        None,
    )
    .unwrap_err();
    expect_bad_code(e, "m.csv", 3, "ccode2", "AZE");
    let e = from_bytes::atop("a.csv", b"ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n\n-4,20,1942,1,1,0,0,0\n", None).unwrap_err();
    expect_bad_code(e, "a.csv", 3, "ccode1", "-4");
    let e = from_bytes::contiguity(
        "c.csv",
        b"state1no,state2no,year,conttype\n2,,1920,1\n",
        None,
    )
    .unwrap_err();
    expect_bad_code(e, "c.csv", 2, "state2no", "");
    let e = from_bytes::mid4(
        "m4.csv",
        b"disno,statea,stateb,year,hihost\n2,2.5,200,1902,3\n",
        None,
    )
    .unwrap_err();
    expect_bad_code(e, "m4.csv", 2, "statea", "2.5");

    // Codes not in the state list.
    let st = states();
    let e = cow::read_nmc(fixture("nmc_head.csv"), Some(&st)).unwrap_err();
    expect_unknown(e, &fixture("nmc_head.csv"), 8, "ccode", 31);
    let e = cow::read_rivalries(fixture("rivalries_head.csv"), Some(&st)).unwrap_err();
    expect_unknown(e, &fixture("rivalries_head.csv"), 5, "ccode2", 369);
    let e = from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n1,372,373,1993,4\n",
        Some(&st),
    )
    .unwrap_err();
    expect_unknown(e, Path::new("m.csv"), 2, "ccode1", 372);

    // Other bad values.
    let e = from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n1,371,373,1993,7\n",
        None,
    )
    .unwrap_err();
    assert!(
        matches!(e, ReadError::OutOfRange { line: 2, ref column, .. } if column == "hostlev"),
        "{e:?}"
    );
    let e = from_bytes::contiguity(
        "c.csv",
        b"state1no,state2no,year,conttype\n2,20,19x0,1\n",
        None,
    )
    .unwrap_err();
    assert!(
        matches!(e, ReadError::BadNumber { line: 2, ref field, .. } if field == "year"),
        "{e:?}"
    );
    let e = from_bytes::atop("a.csv", b"ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n2,20,1942,1,1\n", None).unwrap_err();
    assert!(
        matches!(e, ReadError::MissingField { line: 2, ref field, .. } if field == "atop_neutral"),
        "{e:?}"
    );
    let e = from_bytes::states("s.csv", b"stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,13,1,2016,12,31\n").unwrap_err();
    assert!(
        matches!(e, ReadError::OutOfRange { line: 2, ref column, .. } if column == "stmonth"),
        "{e:?}"
    );
    // The message names the file, line and column.
    let e = from_bytes::mid5(
        "dyads.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n1,x,373,1993,4\n",
        None,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "dyads.csv:2: column ccode1 is \"x\", not a country code (a positive whole number)"
    );
}

#[test]
fn nmc_fixture() {
    let n = cow::read_nmc(fixture("nmc_head.csv"), None).unwrap();
    assert_eq!(n.records().len(), 8);
    let arm = n.get(371, 1991).unwrap();
    assert_eq!(arm.get(NmcComponent::MilitaryPersonnel), None); // -9 = missing
    assert_eq!(arm.get(NmcComponent::MilitaryExpenditure), Some(147_000.0));
    assert_eq!(n.get(365, 1816).unwrap().cinc(), Some(0.16430406));
    assert_eq!(
        n.in_year(1993)
            .iter()
            .map(|r| r.ccode())
            .collect::<Vec<_>>(),
        vec![31, 371, 373]
    );
    let st = states();
    let obs = n
        .observations(NmcComponent::Cinc, |c| st.abbreviation(c))
        .unwrap();
    assert_eq!(obs.len(), 6);
    assert!(
        obs.iter()
            .any(|o| o.unit() == "RUS" && o.year() == 1816 && o.source() == "COW NMC 6.0 (cinc)")
    );
}

#[test]
fn contiguity_fixture_folds_both_orders() {
    let c = cow::read_contiguity(fixture("contdird_head.csv"), Some(&states())).unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c.get(1993, 370, 365), Some(ContiguityType::Land));
    assert_eq!(c.get(1920, 20, 2), Some(ContiguityType::Land));
    assert_eq!(c.get(1919, 2, 20), None);
    assert_eq!(ContiguityType::from_code(5), Some(ContiguityType::Water400));
    assert_eq!(ContiguityType::from_code(0), None);
}

#[test]
fn atop_fixture_gzip_and_both_orders() {
    let a = cow::read_atop(fixture("atop5.1_head.csv.gz"), Some(&states())).unwrap();
    // 12 directed rows, 6 dyad-years.
    assert_eq!(a.len(), 6);
    let o = a.get(1993, 370, 365).unwrap();
    assert_eq!(
        o.to_string(),
        "defense+neutrality+nonaggression+consultation"
    );
    assert!(!o.contains(Obligation::Offense));
    let usa_can: Obligations = [Obligation::Defense, Obligation::Offense]
        .into_iter()
        .collect();
    assert_eq!(a.get(1942, 20, 2), Some(usa_can));
    assert_eq!(a.in_year(1993).len(), 2);
    assert_eq!(a.year_span(), Some((1942, 1995)));
}

#[test]
fn mid_fixtures() {
    let m = cow::read_mid5(fixture("mid5_head.csv"), Some(&states())).unwrap();
    assert_eq!(m.len(), 3);
    let d = m.get(1993, 373, 371).unwrap();
    assert_eq!((d.hostility(), d.dispute()), (4, 3564));
    let m4 = cow::read_mid4(fixture("dyadic_mid_4.02_head.csv"), Some(&states())).unwrap();
    // USA–UKG 1902 and 1903 (hihost 3); ARM–AZE 1992 (4) and 1993 (5).
    assert_eq!(m4.len(), 4);
    assert_eq!(m4.get(1902, 200, 2).map(|d| d.hostility()), Some(3));
    assert_eq!(m4.get(1992, 371, 373).map(|d| d.hostility()), Some(4));
    assert_eq!(
        m4.get(1993, 373, 371).map(|d| (d.hostility(), d.dispute())),
        Some((5, 3564))
    );
}

#[test]
fn rivalries_fixture() {
    let r = cow::read_rivalries(fixture("rivalries_head.csv"), None).unwrap();
    assert_eq!(r.len(), 4);
    let aa = r.iter().find(|r| r.id() == 199).unwrap();
    assert_eq!(
        (aa.a(), aa.b(), aa.name()),
        (371, 373, "Armenia-Azerbaijan")
    );
    assert!(aa.active_in(1991) && aa.active_in(2020) && !aa.active_in(1990));
    assert!(aa.spatial() && aa.interventionary() && !aa.positional() && !aa.ideological());
    assert_eq!(r[0].period(), rsct::Period::between(1494, 1918).unwrap());
}

#[test]
fn real_state_list() {
    let Some(p) = shared("states2016.csv") else {
        return;
    };
    let s = cow::read_states(p).unwrap();
    assert_eq!(s.state_count(), 217);
    assert_eq!(s.first_year(365), Some(1816));
    assert_eq!(s.abbreviation(365), Some("RUS"));
    for (code, abb) in [(371, "ARM"), (370, "BLR")] {
        assert_eq!(s.first_year(code), Some(1991));
        assert_eq!(s.abbreviation(code), Some(abb));
        assert!(s.is_member(code, 1991) && !s.is_member(code, 1990));
    }
    assert!(s.units().is_ok());
}

#[test]
fn real_disputes_armenia_azerbaijan() {
    let (Some(sp), Some(mp)) = (shared("states2016.csv"), shared("mid5_dyadic_disputes.csv"))
    else {
        return;
    };
    let s = cow::read_states(sp).unwrap();
    let m = cow::read_mid5(mp, Some(&s)).unwrap();
    let d = m.get(1993, 371, 373).unwrap();
    assert!(d.hostility() >= 4, "{d:?}");
    assert_eq!(m.get(1990, 371, 373), None);
    assert_eq!(m.year_span(), Some((1816, 2014)));
    if let Some(p4) = shared("dyadic_mid_4.02.csv") {
        let m4 = cow::read_mid4(p4, Some(&s)).unwrap();
        assert!(m4.get(1993, 373, 371).is_some_and(|d| d.hostility() >= 4));
    }
}

#[test]
fn real_files_read_with_the_state_list() {
    let Some(sp) = shared("states2016.csv") else {
        return;
    };
    let s = cow::read_states(sp).unwrap();
    if let Some(p) = shared("atop5.1_directed_dyad_year.csv.gz") {
        let a = cow::read_atop(p, Some(&s)).unwrap();
        // 273,296 directed rows, each dyad-year in both orders.
        assert_eq!(a.len(), 273_296 / 2);
        assert!(
            a.get(1993, 365, 371)
                .is_some_and(|o| o.contains(Obligation::Defense))
        );
    }
    if let Some(p) = shared("contdird.csv") {
        let c = cow::read_contiguity(p, Some(&s)).unwrap();
        assert_eq!(c.get(2000, 365, 370), Some(ContiguityType::Land));
        assert_eq!(c.get(2000, 371, 373), Some(ContiguityType::Land));
    }
    if let Some(p) = shared("NMC-60-abridged.csv") {
        let n = cow::read_nmc(p, Some(&s)).unwrap();
        assert_eq!(n.records().len(), 15_951);
        // The published CINC scores of 2000 sum to 1.000506 (pandas on the same file).
        let cinc: f64 = n.in_year(2000).iter().filter_map(|r| r.cinc()).sum();
        assert!(
            (cinc - 1.000506).abs() < 1e-6,
            "CINC shares of 2000 sum to {cinc}"
        );
    }
    if let Some(p) = shared("strategic_rivalries_tss.csv") {
        let r = cow::read_rivalries(p, None).unwrap();
        assert_eq!(r.len(), 264);
    }
}

#[test]
fn crlf_blank_lines_and_line_numbers() {
    let text = b"\xEF\xBB\xBF\r\nccode1,ccode2,year,hostlev,dispnum\r\n371,373,1993,4,3564\r\n\r\n  \r\n373,371,1993,3,9\r\n371,373,1994,x,1";
    let e = from_bytes::mid5("crlf.csv", text, None).unwrap_err();
    assert!(
        matches!(e, ReadError::BadNumber { line: 7, ref field, .. } if field == "hostlev"),
        "{e:?}"
    );
    let ok = &text[..text.len() - 17];
    let m = from_bytes::mid5("crlf.csv", ok, None).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(
        m.get(1993, 371, 373).map(|d| (d.hostility(), d.dispute())),
        Some((4, 3564))
    );
    // Gzip in memory, as from a file.
    let gz = std::fs::read(fixture("atop5.1_head.csv.gz")).unwrap();
    assert_eq!(from_bytes::atop("a.csv.gz", &gz, None).unwrap().len(), 6);
}
