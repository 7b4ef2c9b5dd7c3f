//! Quick start: build a small data set in code, take the snapshot of one year, and print
//! each tie with its evidence.
//!
//! Run with `cargo run --release --example quickstart [YEAR]` (default 2006).
//!
//! Facts are from the thesis in `shared/seed/` (Russia's security policy toward Armenia and
//! Belarus), cited by section and footnote.

use rsct::{
    Dataset, DerivationRules, Evidence, Membership, Organisation, OrganisationKind, Period,
    Relation, Role, Sector, Sign, SignedWeight, Unit, UnitKind,
};
use std::error::Error;

fn build() -> Result<Dataset, Box<dyn Error>> {
    let thesis = |text: &str, locator: &str| Evidence::cited(text, locator);
    let cst_member = |unit: &str, period: Period| -> Result<Membership, Box<dyn Error>> {
        Ok(Membership::new(
            "CST",
            unit,
            Role::Member,
            period,
            vec![thesis(
                &format!(
                    "{unit}: party to the Collective Security Treaty (Tashkent, 15 May 1992; \
                          Azerbaijan, Belarus and Georgia signed in 1993; Azerbaijan withdrew in 1999)"
                ),
                "§3.2, fn 123",
            )?],
        )?)
    };
    let ds = Dataset::builder()
        .name("quickstart: Russia, Armenia, Azerbaijan, Belarus")
        .unit(Unit::state("RUS", "Russia")?.with_cow(365)?)
        .unit(Unit::state("ARM", "Armenia")?.with_cow(371)?.with_period(Period::from_year(1991)))
        .unit(Unit::state("AZE", "Azerbaijan")?.with_cow(373)?.with_period(Period::from_year(1991)))
        .unit(Unit::state("BLR", "Belarus")?.with_cow(370)?.with_period(Period::from_year(1991)))
        .unit(Unit::new("NKR", "Nagorno-Karabakh", UnitKind::SubState)?.with_period(Period::from_year(1991)))
        .organisation(
            Organisation::new("CST", "Collective Security Treaty (CSTO from 2002)", OrganisationKind::CollectiveDefence)?
                .founded(1992),
        )
        .membership(cst_member("RUS", Period::from_year(1992))?)
        .membership(cst_member("ARM", Period::from_year(1992))?)
        .membership(cst_member("BLR", Period::from_year(1993))?)
        .membership(cst_member("AZE", Period::between(1993, 1999)?)?)
        .relation(
            Relation::builder("RUS", "ARM", Sign::Amity, Period::from_year(1995))
                .id("rus-arm-bases")
                .intensity(0.8)
                .sector(Sector::Military)
                .evidence(thesis(
                    "Russians have an airbase in Yerevan and military base in Gyumri comprising 3,214 troops",
                    "§2.3, fn 89",
                )?)
                .build()?,
        )
        .relation(
            Relation::builder("RUS", "ARM", Sign::Enmity, Period::year(2006))
                .id("rus-arm-gas-2006")
                .intensity(0.4)
                .sector(Sector::Economic)
                .evidence(thesis(
                    "Yerevan was very disappointed when Moscow increased to double the gas price in 2006",
                    "§2.3, fn 89",
                )?)
                .build()?,
        )
        .relation(
            Relation::builder("ARM", "AZE", Sign::Enmity, Period::from_year(1991))
                .id("arm-aze-karabakh")
                .intensity(1.0)
                .sector(Sector::Military)
                .sector(Sector::Political)
                .evidence(thesis("Armenia and Azerbaijan in conflict over Nagorno-Karabakh", "§2.3")?)
                .build()?,
        )
        .relation(
            Relation::builder("ARM", "NKR", Sign::Amity, Period::from_year(1991))
                .id("arm-nkr")
                .intensity(0.8)
                .sector(Sector::Military)
                .evidence(thesis("Armenia backs the Karabakh Armenians", "§2.3")?)
                .build()?,
        )
        .build()?;
    Ok(ds)
}

fn main() -> Result<(), Box<dyn Error>> {
    let year: i32 = match std::env::args().nth(1) {
        Some(y) => y
            .parse()
            .map_err(|_| format!("year {y:?} is not a whole number"))?,
        None => 2006,
    };
    let ds = build()?;
    let g = ds.snapshot(year, &DerivationRules::new())?;
    println!(
        "{} — {} units and {} ties in {}",
        ds.name().unwrap_or("data set"),
        g.unit_count(),
        g.tie_count(),
        g.year()
    );
    for (a, b, tie) in g.ties() {
        let sign = tie
            .sign()
            .map_or("0", |s| if s.is_negative() { "−" } else { "+" });
        println!(
            "\n{}–{}  {sign}  net {:+.2}  interdependence {:.2}",
            a.id(),
            b.id(),
            tie.net(),
            tie.interdependence()
        );
        for c in tie.contributions() {
            println!(
                "    {:+.2} {} ({}, {})",
                c.signed_intensity(),
                c.sectors(),
                c.instrument(),
                match c.provenance() {
                    rsct::Provenance::Relation { id, index, .. } => format!(
                        "relation {}",
                        id.clone().unwrap_or_else(|| index.to_string())
                    ),
                    rsct::Provenance::Membership { organisation, .. } =>
                        format!("co-members of {organisation}"),
                    _ => "other".to_owned(),
                }
            );
            for e in c.evidence() {
                println!("        evidence: {e}");
            }
        }
    }
    Ok(())
}
