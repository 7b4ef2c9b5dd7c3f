//! The options builders: every setter has a getter (`get_` and the setter's name, or the
//! state a pair of switches sets), and the getter reads back what was set.

use rsct::balance::{
    CensusOptions, Clusters, FrustrationOptions, HeuristicOptions, KwayOptions, KwaySearch,
    PnIndexOptions, SignedEigenvectorOptions, WalkBalanceOptions, Weighting,
};
use rsct::boundary::{
    BoundaryOptions, FormationRule, GlobalPlacement, InterdependenceOptions, Method, Proposer,
};
use rsct::evolution::EvolutionOptions;
use rsct::io::cow::{ContiguityType, Obligation, Obligations};
use rsct::io::{PajekOptions, ReadOptions};
use rsct::panel::{Conflict, Labels, PactWeight, PanelOptions, WorldBoundaryOptions, WorldRules};
use rsct::polarity::{Classification, PoleRule, PowerClassRules};
use rsct::strategies::{DatasetParams, RegionParams, SignedGraphParams};
use rsct::{
    Combination, Contiguity, DerivationRules, ExplicitRule, FamilyRule, InstrumentFilter,
    MembershipTie, MembershipWeight, OrganisationKind, Role, Sector, SectorSet, Sign, UnitKind,
};
use std::time::Duration;

#[test]
fn boundary_options_read_back() {
    let o = BoundaryOptions::new()
        .method(Method::Modularity)
        .global_placement(GlobalPlacement::LargestShare)
        .proposer(Proposer::ConstantPotts)
        .inside_ratio(1.5)
        .split_ratio(3.0)
        .coupling(0.25)
        .resolution(2.0)
        .seed(11)
        .classes(Classification::buzan_waever_post_1990())
        .institutions(["EU"])
        .set_apart(["CHN"])
        .member_share(0.4)
        .sub_resolution(1.5)
        .insulator_participation(0.3)
        .insulator_max_share(0.45)
        .overlay_share(0.6)
        .supercomplex_share(0.1)
        .community_enmity(0.1)
        .conflict_enmity(0.4)
        .pole_rule(PoleRule::new().floor(0.1))
        .without_rule(FormationRule::Split);
    assert_eq!(o.get_method(), Method::Modularity);
    assert_eq!(o.get_global_placement(), GlobalPlacement::LargestShare);
    assert_eq!(o.get_proposer(), Proposer::ConstantPotts);
    assert_eq!(
        BoundaryOptions::new().get_global_placement(),
        GlobalPlacement::AboveChance
    );
    assert_eq!(
        (o.get_inside_ratio(), o.get_split_ratio(), o.get_coupling()),
        (1.5, 3.0, 0.25)
    );
    assert_eq!((o.get_resolution(), o.get_seed()), (2.0, 11));
    assert_eq!(o.get_classes(), &Classification::buzan_waever_post_1990());
    assert_eq!(o.get_institutions(), ["EU"]);
    assert_eq!(o.get_set_apart(), ["CHN"]);
    assert_eq!((o.get_member_share(), o.get_sub_resolution()), (0.4, 1.5));
    assert_eq!(
        (o.get_insulator_participation(), o.get_insulator_max_share()),
        (0.3, 0.45)
    );
    assert_eq!(
        (o.get_overlay_share(), o.get_supercomplex_share()),
        (0.6, 0.1)
    );
    assert_eq!(
        (o.get_community_enmity(), o.get_conflict_enmity()),
        (0.1, 0.4)
    );
    assert_eq!(o.get_pole_rule().get_floor(), 0.1);
    assert!(!o.has_rule(FormationRule::Split) && o.has_rule(FormationRule::Merge));

    let i = InterdependenceOptions::new()
        .proximity("A", "B", 0.5)
        .proximity_weight(1.0);
    assert_eq!(i.get_proximity(), [("A".to_owned(), "B".to_owned(), 0.5)]);
    assert_eq!(i.get_proximity_weight(), 1.0);
}

#[test]
fn balance_options_read_back() {
    let c = CensusOptions::new()
        .without_per_unit()
        .with_weighted()
        .with_unbalanced_list()
        .threads(2);
    assert_eq!(
        (
            c.per_unit(),
            c.weighted(),
            c.unbalanced_list(),
            c.get_threads()
        ),
        (false, true, true, 2)
    );
    let d = CensusOptions::new();
    assert_eq!(
        (d.per_unit(), d.weighted(), d.unbalanced_list()),
        (true, false, false)
    );
    assert_eq!(
        d.with_weighted()
            .without_weighted()
            .without_per_unit()
            .with_per_unit(),
        d
    );

    let p = PnIndexOptions::new().dense_limit(10).max_iterations(20);
    assert_eq!((p.get_dense_limit(), p.get_max_iterations()), (10, 20));
    let e = SignedEigenvectorOptions::new()
        .dense_limit(10)
        .max_iterations(20)
        .seed(3);
    assert_eq!(
        (e.get_dense_limit(), e.get_max_iterations(), e.get_seed()),
        (10, 20, 3)
    );
    let w = WalkBalanceOptions::new()
        .dense_limit(10)
        .max_steps(20)
        .tolerance(1e-6)
        .seed(3);
    assert_eq!(
        (
            w.get_dense_limit(),
            w.get_max_steps(),
            w.get_tolerance(),
            w.get_seed()
        ),
        (10, 20, 1e-6, 3)
    );

    let f = FrustrationOptions::new()
        .enumerate_up_to(20)
        .time_limit(Duration::from_secs(1))
        .node_limit(5)
        .seed(3)
        .weighting(Weighting::Magnitude)
        .threads(2);
    assert_eq!(f.get_enumerate_up_to(), 14, "capped at 14");
    assert_eq!(f.get_threads(), 2);
    assert_eq!(f.get_time_limit(), Some(Duration::from_secs(1)));
    assert_eq!((f.get_node_limit(), f.get_seed()), (5, 3));
    assert_eq!(f.get_weighting(), Weighting::Magnitude);

    let h = HeuristicOptions::new()
        .seed(3)
        .starts(0)
        .moves_per_node(f64::NAN)
        .min_moves(10)
        .max_moves(20)
        .weighting(Weighting::Magnitude)
        .threads(1);
    assert_eq!((h.get_seed(), h.get_starts()), (3, 1));
    assert_eq!(h.get_threads(), 1);
    assert_eq!(h.get_moves_per_node(), 0.0);
    assert_eq!((h.get_min_moves(), h.get_max_moves()), (10, 20));
    assert_eq!(h.get_weighting(), Weighting::Magnitude);
    assert!(!h.certifies_gap() && h.certify_gap().certifies_gap());

    let k = KwayOptions::new()
        .clusters(Clusters::Exactly(3))
        .alpha(0.3)
        .search(KwaySearch::Exact)
        .seed(3)
        .starts(4)
        .weighting(Weighting::Magnitude);
    assert_eq!(k.get_clusters(), Clusters::Exactly(3));
    assert_eq!((k.get_alpha(), k.get_seed(), k.get_starts()), (0.3, 3, 4));
    assert_eq!(k.get_search(), KwaySearch::Exact);
    assert_eq!(k.get_weighting(), Weighting::Magnitude);
}

#[test]
fn derivation_rules_read_back() {
    let tie = MembershipTie::new(Sign::Amity, 0.8, SectorSet::of(Sector::Political)).unwrap();
    let r = DerivationRules::new()
        .kind_tie(OrganisationKind::Union, tie)
        .no_kind_tie(OrganisationKind::CollectiveDefence)
        .organisation_tie("CIS", tie)
        .no_organisation_tie("CSTO")
        .roles(&[Role::Member, Role::Observer])
        .sectors(SectorSet::of(Sector::Military))
        .instruments(InstrumentFilter::Bilateral)
        .unit_kinds(&[UnitKind::State])
        .combination(Combination::Sum)
        .membership_weight(MembershipWeight::Full)
        .families(FamilyRule::Each)
        .explicit_relations(ExplicitRule::Adds)
        .contiguity_up_to(Contiguity::Land);
    assert_eq!(r.get_kind_tie(OrganisationKind::Union), Some(tie));
    assert_eq!(r.get_kind_tie(OrganisationKind::CollectiveDefence), None);
    assert_eq!(r.get_organisation_tie("CIS"), Some(Some(tie)));
    assert_eq!(r.get_organisation_tie("CSTO"), Some(None));
    assert_eq!(r.get_organisation_tie("EU"), None);
    assert_eq!(
        r.get_roles().iter().copied().collect::<Vec<_>>(),
        [Role::Member, Role::Observer]
    );
    assert_eq!(r.get_sectors(), SectorSet::of(Sector::Military));
    assert_eq!(r.get_instruments(), &InstrumentFilter::Bilateral);
    assert_eq!(
        r.get_unit_kinds().iter().copied().collect::<Vec<_>>(),
        [UnitKind::State]
    );
    assert_eq!(r.get_combination(), Combination::Sum);
    assert_eq!(r.get_membership_weight(), MembershipWeight::Full);
    assert_eq!(r.get_families(), FamilyRule::Each);
    assert_eq!(r.get_explicit_relations(), ExplicitRule::Adds);
    assert_eq!(r.get_contiguity_up_to(), Some(Contiguity::Land));
    assert_eq!(r.clone().without_borders().get_contiguity_up_to(), None);
    assert!(r.memberships() && !r.without_memberships().memberships());
}

#[test]
fn world_options_read_back() {
    let p = PanelOptions::new()
        .without_census()
        .without_harary()
        .without_polarity()
        .threads(1);
    assert_eq!(
        (p.census(), p.harary(), p.polarity(), p.get_threads()),
        (false, false, false, 1)
    );
    assert_eq!(
        p.with_census().with_harary().with_polarity().threads(0),
        PanelOptions::new()
    );

    let r = WorldRules::new()
        .atop_obligations(Obligations::NONE.with(Obligation::Defense))
        .atop_intensity(Obligation::Offense, 0.5)
        .pact_weight(PactWeight::PerCommitment)
        .mid_hostility_at_least(4)
        .mid_intensity(5, 0.9)
        .conflict(Conflict::Neither)
        .rivalry_intensity(0.7)
        .contiguity(ContiguityType::Land, 2.0)
        .members_only()
        .labels(Labels::Ccode);
    assert_eq!(
        r.get_atop_obligations(),
        Obligations::NONE
            .with(Obligation::Defense)
            .with(Obligation::Offense)
    );
    assert_eq!(r.get_atop_intensity(Obligation::Offense), Some(0.5));
    assert_eq!(r.get_atop_intensity(Obligation::Neutrality), None);
    assert_eq!(r.get_pact_weight(), PactWeight::PerCommitment);
    assert_eq!(r.get_mid_hostility_at_least(), 4);
    assert_eq!(r.get_mid_intensity(5), Some(0.9));
    assert_eq!(r.get_mid_intensity(1), Some(0.2), "below the threshold too");
    assert_eq!(r.get_mid_intensity(6), None);
    assert_eq!(r.get_conflict(), Conflict::Neither);
    assert_eq!(r.get_rivalry_intensity(), Some(0.7));
    assert_eq!(r.get_contiguity(), Some((ContiguityType::Land, 2.0)));
    assert!(r.is_members_only() && !r.clone().with_non_members().is_members_only());
    assert_eq!(r.get_labels(), Labels::Ccode);

    let b = WorldBoundaryOptions::new()
        .boundary(BoundaryOptions::new().seed(3))
        .power_rules(PowerClassRules::new().great_power(0.05))
        .buzan_waever_from(None)
        .threads(3);
    assert_eq!(b.get_boundary().get_seed(), 3);
    assert_eq!(b.get_threads(), 3);
    assert_eq!(b.get_power_rules().get_great_power(), 0.05);
    assert_eq!(b.get_buzan_waever_from(), None);

    let e = EvolutionOptions::new()
        .rules(DerivationRules::new().without_borders())
        .interdependence(InterdependenceOptions::new().proximity_weight(0.0))
        .boundary(BoundaryOptions::new().seed(3))
        .match_share(0.6)
        .enmity_change(0.2)
        .balance_change(0.3);
    assert_eq!(e.get_rules().get_contiguity_up_to(), None);
    assert_eq!(e.get_interdependence().get_proximity_weight(), 0.0);
    assert_eq!(e.get_boundary().get_seed(), 3);
    assert_eq!(
        (
            e.get_match_share(),
            e.get_enmity_change(),
            e.get_balance_change()
        ),
        (0.6, 0.2, 0.3)
    );
}

#[test]
fn polarity_and_reader_options_read_back() {
    let p = PoleRule::new().relative(0.4).floor(0.02);
    assert_eq!((p.get_relative(), p.get_floor()), (0.4, 0.02));
    let c = PowerClassRules::new()
        .superpower(0.2)
        .superpower_relative(0.7)
        .great_power(0.04)
        .regional_power(0.01);
    assert_eq!(
        (
            c.get_superpower(),
            c.get_superpower_relative(),
            c.get_great_power(),
            c.get_regional_power()
        ),
        (0.2, 0.7, 0.04, 0.01)
    );

    let r = ReadOptions::new().max_input_bytes(100).max_line_bytes(10);
    assert_eq!((r.get_max_input_bytes(), r.get_max_line_bytes()), (100, 10));
    let j = PajekOptions::new();
    assert_eq!((j.get_network(), j.get_time()), (None, None));
    assert_eq!(j.get_max_vertices(), PajekOptions::DEFAULT_MAX_VERTICES);
    let j = j.network("N").time(3).max_vertices(7).limits(r);
    assert_eq!((j.get_network(), j.get_time()), (Some("N"), Some(3)));
    assert_eq!((j.get_max_vertices(), j.get_limits()), (7, &r));
}

#[test]
fn strategy_params_read_back() {
    let g = SignedGraphParams::new()
        .nodes(1..=5)
        .density(2.0)
        .enmity_share(0.2)
        .planted_camps(0, 0.1);
    assert_eq!(g.get_nodes(), &(1..=5));
    assert_eq!((g.get_density(), g.get_enmity_share()), (1.0, 0.2));
    assert_eq!(g.get_planted_camps(), Some((1, 0.1)));

    let (from, to) = (2000, 1995);
    let d = DatasetParams::new()
        .units(0..=3)
        .relations(1..=2)
        .organisations(0..=1)
        .memberships(0..=4)
        .years(from..=to)
        .without_capabilities();
    assert_eq!(d.get_units(), &(2..=3));
    assert_eq!(d.get_relations(), &(1..=2));
    assert_eq!(d.get_organisations(), &(0..=1));
    assert_eq!(d.get_memberships(), &(0..=4));
    assert_eq!(d.get_years(), 1995..=2000, "swapped when reversed");
    assert!(!d.capabilities() && d.with_capabilities().capabilities());

    let r = RegionParams::new()
        .regions(3..=3)
        .size(4..=5)
        .inside_density(0.8)
        .across_density(-1.0)
        .enmity_share(0.1)
        .insulators(1..=1)
        .outside_powers(0..=2);
    assert_eq!((r.get_regions(), r.get_size()), (&(3..=3), &(4..=5)));
    assert_eq!((r.get_inside_density(), r.get_across_density()), (0.8, 0.0));
    assert_eq!(r.get_enmity_share(), 0.1);
    assert_eq!(
        (r.get_insulators(), r.get_outside_powers()),
        (&(1..=1), &(0..=2))
    );
}
