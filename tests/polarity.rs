//! Polarity: hand-computed cases for every measure and class, bad inputs, and properties.

use proptest::prelude::*;
use rsct::polarity::{
    Classification, MissingPolicy, Polarity, PolarityError, PoleRule, PowerClass, PowerClassRules,
    Shares, capability_shares, centredness, classify_powers, identify_poles, measures,
};
use rsct::{CapabilityObservation, Dataset, Unit};
use std::collections::BTreeSet;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn hand_computed_measures() {
    // Shares 0.5, 0.3, 0.2: HHI = 0.25 + 0.09 + 0.04 = 0.38; CON = √((0.38 − 1/3)/(2/3)) = √0.07.
    let s = Shares::from_values([("A", 5.0), ("B", 3.0), ("C", 2.0)]).unwrap();
    let m = measures(&s);
    assert_eq!(m.n, 3);
    assert!(close(m.hhi, 0.38));
    assert!(close(m.effective_poles, 1.0 / 0.38));
    assert!(close(m.con.unwrap(), 0.07f64.sqrt()));
    assert_eq!(m.leader, "A");
    assert!(close(m.leader_share, 0.5));
    assert!(close(m.leader_second_ratio.unwrap(), 5.0 / 3.0));
    assert_eq!(m.top_shares.len(), 3);
    assert!(close(m.top_shares[1], 0.8) && close(m.top_shares[2], 1.0));
    // One unit: HHI 1, one pole, CON undefined.
    let one = measures(&Shares::from_values([("A", 2.0)]).unwrap());
    assert!(close(one.hhi, 1.0) && one.con.is_none() && one.leader_second_ratio.is_none());
    // Equal shares: CON 0, effective poles N.
    let eq =
        measures(&Shares::from_values([("A", 1.0), ("B", 1.0), ("C", 1.0), ("D", 1.0)]).unwrap());
    assert!(close(eq.con.unwrap(), 0.0) && close(eq.effective_poles, 4.0));
    // A monopoly among N: CON 1.
    let mono = measures(&Shares::from_values([("A", 1.0), ("B", 0.0), ("C", 0.0)]).unwrap());
    assert!(close(mono.con.unwrap(), 1.0) && mono.leader_second_ratio.is_none());
}

#[test]
fn hand_computed_polarity_classes() {
    let rule = PoleRule::new();
    let uni = identify_poles(
        &Shares::from_values([("RUS", 0.7), ("UKR", 0.2), ("BLR", 0.1)]).unwrap(),
        &rule,
    )
    .unwrap();
    assert_eq!(uni.polarity, Polarity::Unipolar);
    assert!(close(uni.threshold, 0.35));
    let bi = identify_poles(
        &Shares::from_values([("USA", 0.45), ("SOV", 0.40), ("X", 0.15)]).unwrap(),
        &rule,
    )
    .unwrap();
    assert_eq!(bi.polarity, Polarity::Bipolar);
    assert_eq!(
        bi.poles.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        ["USA", "SOV"]
    );
    let multi = identify_poles(
        &Shares::from_values([("A", 0.3), ("B", 0.25), ("C", 0.2), ("D", 0.1), ("E", 0.15)])
            .unwrap(),
        &rule,
    )
    .unwrap();
    assert_eq!(multi.polarity, Polarity::Multipolar);
    assert_eq!(multi.poles.len(), 4); // A, B, C, E ≥ 0.15
    // Too flat: 40 equal units, each 2.5 % < the 5 % floor.
    let flat: Vec<(String, f64)> = (0..40).map(|i| (format!("U{i}"), 1.0)).collect();
    let none = identify_poles(&Shares::from_values(flat).unwrap(), &rule).unwrap();
    assert_eq!(none.polarity, Polarity::NoPole);
    assert!(none.poles.is_empty());
    // The relative fraction matters: with 0.9 the bipolar case above becomes unipolar.
    let strict = identify_poles(
        &Shares::from_values([("USA", 0.45), ("SOV", 0.40), ("X", 0.15)]).unwrap(),
        &PoleRule::new().relative(0.9),
    )
    .unwrap();
    assert_eq!(strict.polarity, Polarity::Unipolar);
}

#[test]
fn power_classes_and_centredness() {
    let world = Shares::from_values([
        ("USA", 0.30),
        ("RUS", 0.10),
        ("BRA", 0.02),
        ("ARM", 0.001),
        ("ROW", 0.579),
    ])
    .unwrap();
    let rules = PowerClassRules::new()
        .superpower(0.25)
        .superpower_relative(0.5);
    let c = classify_powers(&world, &rules).unwrap();
    // ROW 0.579: superpower by numbers (a stand-in for the rest of the world); USA 0.30 ≥ 0.5 × 0.579.
    assert_eq!(c.class("USA"), PowerClass::Superpower);
    assert_eq!(c.class("RUS"), PowerClass::GreatPower);
    assert_eq!(c.class("BRA"), PowerClass::RegionalPower);
    assert_eq!(c.class("ARM"), PowerClass::Other);
    assert_eq!(c.class("NOT-THERE"), PowerClass::Other);
    let bw = Classification::buzan_waever_post_1990();
    assert_eq!(
        bw.units_of(PowerClass::GreatPower),
        ["CHN", "EU", "JPN", "RUS"]
    );
    assert_eq!(bw.units_of(PowerClass::Superpower), ["USA"]);

    let region =
        Shares::from_values([("RUS", 0.75), ("UKR", 0.12), ("KAZ", 0.08), ("BLR", 0.05)]).unwrap();
    let poles = identify_poles(&region, &PoleRule::new()).unwrap();
    let cen = centredness(&poles, &bw, &BTreeSet::new());
    assert!(cen.is_centred());
    assert!(
        cen.reason.contains("RUS") && cen.reason.contains("great power"),
        "{}",
        cen.reason
    );
    // Unipolar around a regional power: standard, not centred.
    let sa = Shares::from_values([("IND", 0.8), ("PAK", 0.15), ("BGD", 0.05)]).unwrap();
    let p = identify_poles(&sa, &PoleRule::new()).unwrap();
    assert!(!centredness(&p, &bw, &BTreeSet::new()).is_centred());
    // Institutional centring.
    let eu = Shares::from_values([("EU", 0.9), ("NOR", 0.05), ("CHE", 0.05)]).unwrap();
    let p = identify_poles(&eu, &PoleRule::new()).unwrap();
    let inst: BTreeSet<String> = ["EU".to_owned()].into();
    let c = centredness(&p, &Classification::new(), &inst);
    assert_eq!(
        c.centred_on,
        Some(rsct::polarity::CentredOn::Institution("EU".into()))
    );
    // Bipolar: not centred, and the reason says so.
    let b = identify_poles(
        &Shares::from_values([("A", 0.5), ("B", 0.5)]).unwrap(),
        &PoleRule::new(),
    )
    .unwrap();
    assert!(
        centredness(&b, &bw, &BTreeSet::new())
            .reason
            .starts_with("not unipolar")
    );
}

#[test]
fn bad_inputs_are_typed_errors_naming_the_unit() {
    assert_eq!(
        Shares::from_values(Vec::<(&str, f64)>::new()),
        Err(PolarityError::EmptySet)
    );
    assert!(
        matches!(Shares::from_values([("A", 1.0), ("B", f64::NAN)]), Err(PolarityError::NotFinite { unit, .. }) if unit == "B")
    );
    assert_eq!(
        Shares::from_values([("A", 1.0), ("B", -0.1)]),
        Err(PolarityError::Negative {
            unit: "B".into(),
            value: -0.1
        })
    );
    assert_eq!(
        Shares::from_values([("A", 0.0), ("B", 0.0)]),
        Err(PolarityError::AllZero { count: 2 })
    );
    assert_eq!(
        Shares::from_values([("A", 1.0), ("A", 2.0)]),
        Err(PolarityError::DuplicateUnit { unit: "A".into() })
    );
    let s = Shares::from_values([("A", 1.0)]).unwrap();
    assert!(matches!(
        identify_poles(&s, &PoleRule::new().relative(0.0)),
        Err(PolarityError::BadParameter {
            parameter: "relative",
            ..
        })
    ));
    assert!(matches!(
        identify_poles(&s, &PoleRule::new().floor(f64::NAN)),
        Err(PolarityError::BadParameter {
            parameter: "floor",
            ..
        })
    ));
    assert!(matches!(
        classify_powers(&s, &PowerClassRules::new().great_power(2.0)),
        Err(PolarityError::BadParameter {
            parameter: "great_power",
            ..
        })
    ));
}

#[test]
fn shares_from_a_dataset_with_each_missing_policy() {
    let ds = Dataset::builder()
        .unit(Unit::state("RUS", "Russia").unwrap())
        .unit(Unit::state("BLR", "Belarus").unwrap())
        .unit(Unit::state("ARM", "Armenia").unwrap())
        .capability(CapabilityObservation::new("RUS", 2000, 0.06, "s").unwrap())
        .capability(CapabilityObservation::new("RUS", 2001, 0.05, "s").unwrap())
        .capability(CapabilityObservation::new("BLR", 1998, 0.01, "s").unwrap())
        .build()
        .unwrap();
    let e = capability_shares(&ds, &["RUS", "BLR"], 2001, MissingPolicy::Error).unwrap_err();
    assert_eq!(
        e,
        PolarityError::Missing {
            unit: "BLR".into(),
            year: 2001,
            carry: false
        }
    );
    let s = capability_shares(&ds, &["RUS", "BLR"], 2001, MissingPolicy::CarryForward).unwrap();
    assert!(close(s.share("BLR").unwrap(), 0.01 / 0.06));
    let s = capability_shares(&ds, &["RUS", "BLR"], 2001, MissingPolicy::Zero).unwrap();
    assert!(close(s.share("BLR").unwrap(), 0.0));
    let e = capability_shares(&ds, &["ARM"], 2001, MissingPolicy::CarryForward).unwrap_err();
    assert_eq!(
        e,
        PolarityError::Missing {
            unit: "ARM".into(),
            year: 2001,
            carry: true
        }
    );
    let e = capability_shares(&ds, &["XYZ"], 2001, MissingPolicy::Zero).unwrap_err();
    assert_eq!(e, PolarityError::UnknownUnit { unit: "XYZ".into() });
}

fn values() -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(0.0f64..100.0, 1..12)
        .prop_filter("not all zero", |v| v.iter().sum::<f64>() > 1e-6)
}

fn shares_of(v: &[f64]) -> Shares {
    Shares::from_values(v.iter().enumerate().map(|(i, x)| (format!("U{i:02}"), *x))).unwrap()
}

fn pole_names(p: &rsct::polarity::Poles) -> BTreeSet<String> {
    p.poles.iter().map(|x| x.0.clone()).collect()
}

proptest! {
    #[test]
    fn scale_invariance(v in values(), k in 0.001f64..1000.0) {
        let a = shares_of(&v);
        let b = shares_of(&v.iter().map(|x| x * k).collect::<Vec<_>>());
        let (ma, mb) = (measures(&a), measures(&b));
        prop_assert!((ma.hhi - mb.hhi).abs() < 1e-9);
        prop_assert!((ma.con.unwrap_or(0.0) - mb.con.unwrap_or(0.0)).abs() < 1e-6);
        let rule = PoleRule::new();
        prop_assert_eq!(pole_names(&identify_poles(&a, &rule).unwrap()), pole_names(&identify_poles(&b, &rule).unwrap()));
    }

    #[test]
    fn relabelling_changes_nothing(v in values(), rot in 0usize..12) {
        let n = v.len();
        let a = shares_of(&v);
        // Unit i is called U((i + rot) mod n) in b.
        let b = Shares::from_values(v.iter().enumerate().map(|(i, x)| (format!("U{:02}", (i + rot) % n), *x))).unwrap();
        let (ma, mb) = (measures(&a), measures(&b));
        prop_assert!((ma.hhi - mb.hhi).abs() < 1e-12);
        let pa = identify_poles(&a, &PoleRule::new()).unwrap();
        let pb = identify_poles(&b, &PoleRule::new()).unwrap();
        prop_assert_eq!(pa.polarity, pb.polarity);
        let mut sa: Vec<u64> = pa.poles.iter().map(|p| p.1.to_bits()).collect();
        let mut sb: Vec<u64> = pb.poles.iter().map(|p| p.1.to_bits()).collect();
        sa.sort_unstable();
        sb.sort_unstable();
        prop_assert_eq!(sa, sb);
    }

    #[test]
    fn a_zero_capability_unit_changes_only_con_as_its_formula_says(v in values()) {
        let a = shares_of(&v);
        let mut w = v.clone();
        w.push(0.0);
        let b = shares_of(&w);
        let (ma, mb) = (measures(&a), measures(&b));
        prop_assert!((ma.hhi - mb.hhi).abs() < 1e-12);
        prop_assert!((ma.effective_poles - mb.effective_poles).abs() < 1e-9);
        let rule = PoleRule::new();
        prop_assert_eq!(pole_names(&identify_poles(&a, &rule).unwrap()), pole_names(&identify_poles(&b, &rule).unwrap()));
        let n = (v.len() + 1) as f64;
        let expected = ((ma.hhi - 1.0 / n).max(0.0) / (1.0 - 1.0 / n)).sqrt();
        prop_assert!((mb.con.unwrap() - expected).abs() < 1e-9);
    }

    #[test]
    fn bounds_of_con_and_effective_poles(v in values()) {
        let m = measures(&shares_of(&v));
        let n = v.len() as f64;
        prop_assert!(m.effective_poles >= 1.0 - 1e-12 && m.effective_poles <= n + 1e-9);
        if let Some(con) = m.con {
            prop_assert!((0.0..=1.0).contains(&con));
            let all_equal = v.iter().all(|x| (x - v[0]).abs() <= 1e-12 * v[0].max(1.0));
            if all_equal { prop_assert!(con < 1e-6); }
            if con == 0.0 { prop_assert!(v.iter().all(|x| (x - v[0]).abs() < 1e-6 * v[0].max(1.0))); }
        }
    }

    #[test]
    fn raising_the_leader_never_adds_poles(v in values(), boost in 0.0f64..50.0) {
        let a = shares_of(&v);
        let leader = a.ranked()[0].0.to_owned();
        let li: usize = leader[1..].parse().unwrap();
        let mut w = v.clone();
        w[li] += boost;
        let b = shares_of(&w);
        let rule = PoleRule::new();
        let (pa, pb) = (identify_poles(&a, &rule).unwrap(), identify_poles(&b, &rule).unwrap());
        prop_assert!(pb.poles.len() <= pa.poles.len());
        prop_assert!(pole_names(&pb).is_subset(&pole_names(&pa)));
    }
}
