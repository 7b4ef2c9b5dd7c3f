//! Quick start: build a small data set in code, take the snapshot of one year, and print
//! each tie with its evidence.
//!
//! Run with `cargo run --release --example quickstart [YEAR]` (default 2006). Errors are
//! printed as the crate's messages (exit code 1; 2 for a wrong command line).
//!
//! Facts are from the thesis in `shared/seed/` (Russia's security policy toward Armenia and
//! Belarus), cited by section and footnote.

mod common;

use rsct::report::{fixed, signed};
use rsct::{
    Dataset, DerivationRules, Evidence, Membership, Organisation, OrganisationKind, Period,
    Relation, Role, Sector, Sign, SignedWeight, Unit, UnitKind,
};
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: quickstart [YEAR]   (default 2006)";

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

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let year: i32 = match args.next() {
        Some(flag) if flag.starts_with("--") => return Err(common::unknown(&flag).into()),
        Some(y) => y
            .parse()
            .map_err(|_| common::Usage(format!("year {y} is not a whole number")))?,
        None => 2006,
    };
    if let Some(extra) = args.next() {
        return Err(common::unknown(&extra).into());
    }
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
            "\n{}–{}  {sign}  net {}  interdependence {}",
            a.id(),
            b.id(),
            signed(tie.net(), 2),
            fixed(tie.interdependence(), 2)
        );
        for c in tie.contributions() {
            println!("    {c}");
            for e in c.evidence() {
                println!("        evidence: {e}");
            }
        }
    }
    Ok(())
}
