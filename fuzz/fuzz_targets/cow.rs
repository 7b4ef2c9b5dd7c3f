//! COW-family readers (`rsct::io::cow::from_bytes`). The first byte chooses the reader (low
//! three bits) and whether a small state-system list is given (bit 3); whatever a reader
//! accepts is put into a `World` and three years of its panel are built.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rsct::io::cow::{StateSystem, from_bytes, sources};
use rsct::panel::{PanelOptions, World, WorldRules};
use std::sync::OnceLock;

const STATES: &str = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
USA,2,United States of America,1816,1,1,2016,12,31\n\
UKG,200,United Kingdom,1816,1,1,2016,12,31\n\
FRN,220,France,1816,1,1,1942,11,11\n\
FRN,220,France,1944,10,23,2016,12,31\n\
RUS,365,Russia,1816,1,1,2016,12,31\n";

fn states() -> &'static StateSystem {
    static S: OnceLock<StateSystem> = OnceLock::new();
    S.get_or_init(|| from_bytes::states("states.csv", STATES.as_bytes()).expect("fixed list"))
}

fn panel(world: &World, from: Option<i32>) {
    let from = from.unwrap_or(1816);
    let to = from.saturating_add(2);
    let rules = WorldRules::new().rivalry_intensity(0.5);
    if let Ok(p) = world.panel(from, to, &rules, PanelOptions::new()) {
        for row in p {
            let _ = row;
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let list = (sel & 8 != 0).then(states);
    let base = || match list {
        Some(s) => World::new().with_states(s.clone()),
        None => World::new(),
    };
    match sel & 7 {
        0 => {
            if let Ok(s) = from_bytes::states("fuzz.csv", body) {
                let first = s.spells().first().map(|sp| sp.start().year);
                let _ = s.units();
                panel(&World::new().with_states(s), first);
            }
        }
        1 => {
            if let Ok(n) = from_bytes::nmc("fuzz.csv", body, list) {
                let first = n.records().first().map(|r| r.year());
                panel(&base().with_capabilities(n), first);
            }
        }
        2 => {
            if let Ok(c) = from_bytes::contiguity("fuzz.csv", body, list) {
                let first = c.year_span().map(|s| s.0);
                panel(&base().with_contiguity(c), first);
            }
        }
        3 => {
            if let Ok(a) = from_bytes::atop("fuzz.csv", body, list) {
                let first = a.year_span().map(|s| s.0);
                panel(&base().with_alliances(a), first);
            }
        }
        4 | 5 => {
            let (r, src) = if sel & 7 == 4 {
                (from_bytes::mid5("fuzz.csv", body, list), sources::MID5)
            } else {
                (from_bytes::mid4("fuzz.csv", body, list), sources::MID4)
            };
            if let Ok(d) = r {
                let first = d.year_span().map(|s| s.0);
                panel(&base().with_disputes(d, src), first);
            }
        }
        _ => {
            if let Ok(r) = from_bytes::rivalries("fuzz.csv", body, list) {
                let first = r.first().map(|x| x.period().start());
                panel(&base().with_rivalries(r), first);
            }
        }
    }
});
