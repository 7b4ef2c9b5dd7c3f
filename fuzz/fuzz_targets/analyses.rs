//! Structured fuzzing: the bytes are read with `arbitrary::Unstructured` as a *valid but
//! extreme* data set — years at the `i32` bounds, intensities at the edges of (0, 1],
//! capabilities from 0 to `f64::MAX`, many units, empty sets — which then goes through
//! snapshot, every balance measure, polarity, boundary analysis, evolution and a TOML/JSON
//! round trip. Any panic is a bug; typed errors are fine.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use rsct::balance::{
    CensusOptions, PnIndexOptions, SignedEigenvectorOptions, WalkBalanceOptions, clusterability,
    harary_test, pn_index, signed_degrees, signed_eigenvector, triangle_census, verify_harary,
    walk_balance,
};
use rsct::boundary::{BoundaryOptions, InterdependenceOptions};
use rsct::evolution::EvolutionOptions;
use rsct::polarity::{
    Classification, MissingPolicy, PoleRule, PowerClassRules, capability_shares, classify_powers,
    identify_poles, measures,
};
use rsct::{
    CapabilityObservation, Dataset, DerivationRules, Evidence, Membership, Organisation,
    OrganisationKind, Period, Relation, Role, Sector, SectorSet, Sign, Unit, UnitKind, Year,
};
use std::collections::BTreeMap;

const YEARS: [Year; 12] = [
    Year::MIN,
    Year::MIN + 1,
    -1_000_000,
    -1,
    0,
    1,
    1816,
    1991,
    2016,
    1_000_000,
    Year::MAX - 1,
    Year::MAX,
];

fn year(u: &mut Unstructured) -> Result<Year> {
    Ok(if u.ratio(3, 4)? {
        *u.choose(&YEARS)?
    } else {
        u.arbitrary()?
    })
}

fn period(u: &mut Unstructured) -> Result<Period> {
    let from = year(u)?;
    if u.ratio(1, 4)? {
        return Ok(Period::from_year(from));
    }
    // Mostly short periods near `from`, sometimes up to an extreme.
    let to = if u.ratio(2, 3)? {
        from.saturating_add(u.int_in_range(0..=3)?)
    } else {
        year(u)?.max(from)
    };
    Ok(Period::between(from, to).expect("to ≥ from"))
}

fn intensity(u: &mut Unstructured) -> Result<f64> {
    const EDGES: [f64; 7] = [
        f64::MIN_POSITIVE,
        5e-324,
        1e-300,
        0.5,
        1.0 - f64::EPSILON,
        1.0,
        0.1,
    ];
    Ok(if u.ratio(2, 3)? {
        *u.choose(&EDGES)?
    } else {
        (f64::from(u.int_in_range(1u32..=1_000_000)?)) / 1_000_000.0
    })
}

fn capability(u: &mut Unstructured) -> Result<f64> {
    const EDGES: [f64; 7] = [0.0, 5e-324, f64::MIN_POSITIVE, 1e-300, 1.0, 1e300, f64::MAX];
    Ok(if u.ratio(2, 3)? {
        *u.choose(&EDGES)?
    } else {
        let v: f64 = u.arbitrary()?;
        if v.is_finite() { v.abs() } else { 0.0 }
    })
}

fn sectors(u: &mut Unstructured) -> Result<SectorSet> {
    let mut s = SectorSet::of(*u.choose(&Sector::ALL)?);
    for sec in Sector::ALL {
        if u.ratio(1, 4)? {
            s = s.with(sec);
        }
    }
    Ok(s)
}

fn evidence() -> Evidence {
    Evidence::cited("fuzz", "§0").expect("valid evidence")
}

fn dataset(u: &mut Unstructured) -> Result<Option<Dataset>> {
    let n: usize = if u.ratio(1, 16)? {
        u.int_in_range(200..=2000)?
    } else {
        u.int_in_range(0..=12)?
    };
    let mut b = Dataset::builder();
    let ids: Vec<String> = (0..n).map(|i| format!("U{i}")).collect();
    for id in &ids {
        let kind = *u.choose(&[UnitKind::State, UnitKind::SubState, UnitKind::Institution])?;
        let mut unit = Unit::new(id, id, kind).expect("valid id");
        if u.ratio(1, 3)? {
            unit = unit.with_period(period(u)?);
        }
        b = b.unit(unit);
    }
    let orgs = u.int_in_range(0..=2)?;
    for o in 0..orgs {
        let kind = *u.choose(&[
            OrganisationKind::CollectiveDefence,
            OrganisationKind::CollectiveSecurity,
            OrganisationKind::Economic,
            OrganisationKind::Union,
            OrganisationKind::Forum,
        ])?;
        b = b.organisation(Organisation::new(&format!("O{o}"), "org", kind).expect("valid"));
    }
    if n == 0 {
        return Ok(b.build().ok());
    }
    let ties = if n > 100 {
        u.int_in_range(0..=4 * n)?
    } else {
        u.int_in_range(0..=3 * n)?
    };
    for k in 0..ties {
        let a = u.choose_index(n)?;
        let c = u.choose_index(n)?;
        if a == c {
            continue;
        }
        let sign = if u.arbitrary()? {
            Sign::Amity
        } else {
            Sign::Enmity
        };
        let mut r = Relation::builder(&ids[a], &ids[c], sign, period(u)?)
            .id(&format!("r{k}"))
            .intensity(intensity(u)?)
            .sectors(sectors(u)?)
            .contested(u.arbitrary()?)
            .evidence(evidence());
        if orgs > 0 && u.ratio(1, 5)? {
            r = r.via(&format!("O{}", u.choose_index(orgs)?));
        }
        if let Ok(r) = r.build() {
            b = b.relation(r);
        }
    }
    if orgs > 0 {
        for _ in 0..u.int_in_range(0..=n.min(20))? {
            let o = format!("O{}", u.choose_index(orgs)?);
            let unit = &ids[u.choose_index(n)?];
            let role = *u.choose(&[Role::Member, Role::Observer, Role::Partner])?;
            if let Ok(m) = Membership::new(&o, unit, role, period(u)?, vec![evidence()]) {
                b = b.membership(m);
            }
        }
    }
    for _ in 0..u.int_in_range(0..=2 * n.min(50))? {
        let unit = &ids[u.choose_index(n)?];
        if let Ok(c) = CapabilityObservation::new(unit, year(u)?, capability(u)?, "fuzz") {
            b = b.capability(c);
        }
    }
    Ok(b.build().ok())
}

fn run(u: &mut Unstructured) -> Result<()> {
    let Some(ds) = dataset(u)? else {
        return Ok(());
    };
    // Serialisation round trips keep extreme values exactly.
    let toml = ds.to_toml_string().expect("serialises");
    assert_eq!(Dataset::from_toml_str(&toml).expect("TOML round trip"), ds);
    let json = ds.to_json_string().expect("serialises");
    assert_eq!(Dataset::from_json_str(&json).expect("JSON round trip"), ds);

    let y = year(u)?;
    let rules = if u.arbitrary()? {
        DerivationRules::new()
    } else {
        DerivationRules::new().without_memberships()
    };
    let Ok(g) = ds.snapshot(y, &rules) else {
        return Ok(());
    };
    let sg = g.graph();
    if let Ok(h) = harary_test(sg) {
        verify_harary(sg, h.certificate()).expect("Harary certificate verifies");
    }
    let _ = clusterability(sg);
    let _ = triangle_census(sg, &CensusOptions::new());
    let _ = signed_degrees(sg);
    if g.unit_count() <= 300 {
        let _ = walk_balance(sg, &WalkBalanceOptions::new());
        let _ = pn_index(sg, &PnIndexOptions::new());
        let _ = signed_eigenvector(sg, &SignedEigenvectorOptions::new());
    }

    let units: Vec<String> = g.units().map(|u| u.id().to_owned()).collect();
    let policy = *u.choose(&[
        MissingPolicy::Error,
        MissingPolicy::CarryForward,
        MissingPolicy::Zero,
    ])?;
    if let Ok(shares) = capability_shares(&ds, &units, y, policy) {
        let m = measures(&shares);
        assert!(m.hhi.is_finite(), "HHI {}", m.hhi);
        let _ = identify_poles(&shares, &PoleRule::new());
        let _ = classify_powers(&shares, &PowerClassRules::new());
    }

    let caps: BTreeMap<String, f64> = ds
        .capabilities()
        .iter()
        .filter(|c| c.year() == y)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    let opts = BoundaryOptions::new().classes(Classification::buzan_waever_post_1990());
    if g.unit_count() <= 300
        && let Ok(r) = rsct::boundary::analyse(&g, &caps, &InterdependenceOptions::new(), &opts)
    {
        let _ = r.to_string();
        let _ = r.explain();
    }

    if ds.units().len() <= 50 {
        let from = year(u)?;
        let to = if u.ratio(1, 8)? {
            year(u)?
        } else {
            from.saturating_add(u.int_in_range(0..=2)?)
        };
        if let Ok(s) = rsct::evolution::series(&ds, from, to, &EvolutionOptions::new()) {
            for e in &s.events {
                let _ = e.to_string();
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = run(&mut u);
});
