//! The text of results: exact strings for small inputs whose answers are known by hand.

use super::{ErrorReport, count, fixed, labelled, percent, signed};
use crate::balance::{CensusOptions, clusterability, harary_test, triangle_census};
use crate::balance::{FrustrationOptions, frustration_exact};
use crate::boundary::{Character, ComplexType};
use crate::evolution::{Cause, Transformation};
use crate::polarity::{CentredOn, Polarity, PowerClass};
use crate::{
    Dataset, DerivationRules, Evidence, Period, Relation, Sector, Sign, SignedGraph, Unit,
};

type R = Result<(), Box<dyn std::error::Error>>;

/// A triangle RUS–BLR–GEO with the given signs of (RUS,BLR), (RUS,GEO), (BLR,GEO).
fn triangle(s: [Sign; 3]) -> SignedGraph {
    SignedGraph::from_edges(
        ["RUS", "BLR", "GEO"],
        [(0, 1, s[0]), (0, 2, s[1]), (1, 2, s[2])],
    )
    .expect("a valid triangle")
}

#[test]
fn numbers_never_show_a_negative_zero() {
    assert_eq!(fixed(-0.0, 2), "0.00");
    assert_eq!(fixed(-0.004, 2), "0.00");
    assert_eq!(fixed(-0.006, 2), "-0.01");
    assert_eq!(percent(-0.004, 0), "0 %");
    assert_eq!(signed(-0.0, 1), "0.0");
    assert_eq!(signed(0.25, 2), "+0.25");
    assert_eq!(count(11.0, 2), "11");
    assert_eq!(count(-0.0, 2), "0");
    assert_eq!(fixed(f64::NAN, 2), "n/a");
}

#[test]
fn harary_balanced_and_unbalanced() -> R {
    use Sign::{Amity as P, Enmity as N};
    let g = triangle([P, N, N]);
    let h = harary_test(g.graph())?;
    assert_eq!(h.to_string(), "balanced: two camps of 2 and 1 units");
    let named = labelled(&h, |i| g.label(i).unwrap_or("?").to_owned());
    assert_eq!(
        named.to_string(),
        "balanced: two camps {RUS, BLR} and {GEO}"
    );

    let g = triangle([P, P, N]);
    let h = harary_test(g.graph())?;
    assert_eq!(h.to_string(), "not balanced: a cycle of 3 ties, 1 negative");
    let text = labelled(&h, |i| g.label(i).unwrap_or("?").to_owned()).to_string();
    // The cycle starts and ends at the same unit and shows each tie's sign once.
    let cycle = text
        .strip_prefix("not balanced: cycle ")
        .and_then(|t| t.strip_suffix(" (1 negative tie)"))
        .ok_or(text.clone())?;
    let units: Vec<&str> = cycle
        .split(['=', '+', '-', ' '])
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(units.len(), 4, "{text}");
    assert_eq!(units.first(), units.last(), "{text}");
    assert_eq!(cycle.matches("=-=").count(), 1, "{text}");
    assert_eq!(cycle.matches("=+=").count(), 2, "{text}");
    Ok(())
}

#[test]
fn clusterability_of_three_enemies() -> R {
    use Sign::Enmity as N;
    let g = triangle([N, N, N]);
    let c = clusterability(g.graph())?;
    assert_eq!(
        c.to_string(),
        "clusterable into 3 clusters (components of amity)"
    );
    assert_eq!(
        labelled(&c, |i| g.label(i).unwrap_or("?").to_owned()).to_string(),
        "clusterable into 3 clusters: {RUS}, {BLR}, {GEO}"
    );
    Ok(())
}

#[test]
fn triangle_counts_and_frustration() -> R {
    use Sign::{Amity as P, Enmity as N};
    let g = triangle([P, P, N]);
    let census = triangle_census(g.graph(), &CensusOptions::new())?;
    assert_eq!(
        census.counts().to_string(),
        "+++ 0  ++- 1  +-- 0  --- 0  (1 triangles; strict balance 0.000, weak 0.000)"
    );
    let f = frustration_exact(g.graph(), &FrustrationOptions::new().seed(7))?;
    let text = f.to_string();
    assert!(
        text.starts_with("L = 1, proven optimal; F = 1 − 2L/m = 0.333 with m = 3; camps of "),
        "{text}"
    );
    let named = labelled(&f, |i| g.label(i).unwrap_or("?").to_owned()).to_string();
    assert_eq!(named.matches("; frustrated: ").count(), 1, "{named}");
    // The frustrated tie and the camps are named by the graph's own ids.
    let t = f.frustrated()[0];
    assert_eq!(g.graph().edge_endpoints(t.edge), Some((t.source, t.target)));
    assert!(named.ends_with(&format!(
        "; frustrated: {}",
        labelled(&t, |i| g.label(i).unwrap_or("?").to_owned())
    )));
    Ok(())
}

#[test]
fn words_for_classes_types_and_changes() {
    assert_eq!(PowerClass::GreatPower.to_string(), "great power");
    assert_eq!(PowerClass::Other.to_string(), "other");
    assert_eq!(Polarity::NoPole.to_string(), "no pole");
    assert_eq!(
        Character::ConflictFormation.to_string(),
        "conflict formation"
    );
    assert_eq!(
        ComplexType::Centred {
            centre: CentredOn::GreatPower("RUS".into())
        }
        .to_string(),
        "centred on the great power RUS"
    );
    assert_eq!(
        ComplexType::Standard {
            polarity: Polarity::Bipolar
        }
        .to_string(),
        "standard, bipolar"
    );
    assert_eq!(
        Transformation::External {
            joined: vec!["NKR".into()],
            left: vec![]
        }
        .to_string(),
        "external transformation (joined: NKR; left: none)"
    );
    assert_eq!(
        Transformation::Overlay {
            outside_share: 0.624
        }
        .to_string(),
        "overlay (outside powers 62 %)"
    );
    assert_eq!(
        Cause::Membership {
            organisation: "CSTO".into(),
            unit: "ARM".into(),
            began: true
        }
        .to_string(),
        "ARM joined CSTO"
    );
    assert_eq!(
        Cause::Tie {
            a: "ARM".into(),
            b: "AZE".into(),
            before: None,
            after: Some(-1.0),
            evidence: vec![],
        }
        .to_string(),
        "tie ARM–AZE none → -1.00"
    );
}

#[test]
fn units_ties_and_contributions() -> R {
    let ds = Dataset::builder()
        .unit(Unit::state("RUS", "Russia")?.with_cow(365)?)
        .unit(Unit::state("ARM", "Armenia")?.with_period(Period::from_year(1991)))
        .relation(
            Relation::builder("RUS", "ARM", Sign::Amity, Period::from_year(1995))
                .id("bases")
                .intensity(0.8)
                .sector(Sector::Military)
                .evidence(Evidence::cited("military base in Gyumri", "§2.3, fn 89")?)
                .build()?,
        )
        .relation(
            Relation::builder("RUS", "ARM", Sign::Enmity, Period::year(2006))
                .intensity(0.4)
                .sector(Sector::Economic)
                .evidence(Evidence::cited("gas price doubled", "§2.3")?)
                .build()?,
        )
        .build()?;
    assert_eq!(ds.units()[0].to_string(), "Russia [RUS]: state, COW 365");
    assert_eq!(ds.units()[1].to_string(), "Armenia [ARM]: state, 1991–");
    let g = ds.snapshot(2006, &DerivationRules::new())?;
    let tie = g.tie("RUS", "ARM").ok_or("a tie")?;
    assert_eq!(
        tie.to_string(),
        "amity: net +0.40, interdependence 1.20, 2 contributions"
    );
    let c: Vec<String> = tie
        .contributions()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        c,
        [
            "+0.80 military (bilateral, relation bases)",
            "-0.40 economic (bilateral, relation #1)"
        ]
    );
    Ok(())
}

#[test]
fn errors_list_every_problem_once() -> R {
    let e = Dataset::builder()
        .unit(Unit::state("RUS", "Russia")?)
        .unit(Unit::state("RUS", "Russia, again")?)
        .build()
        .err()
        .ok_or("a duplicate identifier is an error")?;
    assert_eq!(
        ErrorReport::new(&e).to_string(),
        "1 problem(s) in the data set:\n  - units[1] (RUS): duplicate identifier \"RUS\", first used by units[0] (RUS)"
    );
    // A source whose text the message already holds is not repeated; another one is.
    let e = Dataset::load("/no/such/dir/file.toml")
        .err()
        .ok_or("a missing file is an error")?;
    let text = ErrorReport::new(&e).to_string();
    assert!(text.starts_with("/no/such/dir/file.toml: "), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    Ok(())
}

#[test]
fn complex_states_in_words() {
    use crate::evolution::ComplexState;
    let c = ComplexState {
        name: "complex around RUS".into(),
        members: vec!["RUS".into(), "BLR".into(), "ARM".into()],
        polarity: Some(Polarity::Unipolar),
        poles: vec!["RUS".into()],
        complex_type: ComplexType::Centred {
            centre: CentredOn::GreatPower("RUS".into()),
        },
        character: Some(Character::SecurityRegime),
        enmity_share: Some(0.0851),
        internal: 37.6,
        external: 15.2,
        triangle_balance: Some(0.91),
        frustration: Some(1.0),
        outside_share: 0.08,
        overlaid: false,
    };
    assert_eq!(
        c.to_string(),
        "complex around RUS: RUS, BLR, ARM; centred on the great power RUS, security regime (enmity 9 %)"
    );
}
