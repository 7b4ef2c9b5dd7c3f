//! Polarity through the API: the capability shares of Buzan & Wæver's twelve post-Soviet
//! states, the concentration measures, the poles, the power classes and whether the complex
//! is centred on a great power.
//!
//! ```text
//! cargo run --release --example polarity [-- YEAR]
//! ```
//!
//! `YEAR` is 1991–2013 (default 2013); shares come from the data set's capability observations
//! (COW NMC 6.0 CINC). Any data set, unit set, range of years or pole rule, and JSON: the command
//! line, `rsct polarity DATASET [--year Y | --from Y --to Y] [--units A,B] [--format json]`.

mod common;

use rsct::polarity::{
    Classification, MissingPolicy, PoleRule, capability_shares, centredness, identify_poles,
    measures,
};
use std::collections::BTreeSet;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: polarity [YEAR]
  YEAR  1991–2013 (default 2013)
The command line does more: rsct polarity --help.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

/// The post-Soviet complex as Buzan & Wæver draw it (ch. 13).
const REGION: [&str; 12] = [
    "RUS", "BLR", "UKR", "MDA", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB",
];

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let year = common::year_or(args, 2013)?;
    let ds = rsct::datasets::post_soviet()?;

    // Shares of the units' summed capabilities; a unit without an observation is an error.
    let shares = capability_shares(&ds, &REGION, year, MissingPolicy::Error)?;
    let m = measures(&shares);
    println!(
        "{year}: HHI {:.3}, effective poles {:.2}, leader {} with {:.3}",
        m.hhi, m.effective_poles, m.leader, m.leader_share
    );

    // Poles: at least half the leader's share and 5 % (Buzan & Wæver's "pole" made a rule).
    let poles = identify_poles(&shares, &PoleRule::new())?;
    println!("poles: {}", poles.polarity);

    // Centred: a unipolar complex around a great power (Buzan & Wæver's classes after 1990:
    // one superpower, four great powers), not an institution.
    let classes = Classification::buzan_waever_post_1990();
    let centred = centredness(&poles, &classes, &BTreeSet::new());
    println!("centred: {}", centred.reason);
    Ok(())
}
