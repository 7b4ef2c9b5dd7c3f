//! The post-Soviet data set laid over the shipped world extract: units mapped by COW code,
//! identifier collisions resolved as documented, the thesis layer replacing the world layer
//! on the dyad-years it covers, provenance naming the layer of every contribution.

use rsct::Dataset;
use rsct::OverlayRule;
use rsct::panel::{World, WorldRules};
use std::path::Path;

fn embedded() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world_1991_2013");
    let world: World = rsct::io::cow::read_extract(dir).unwrap().into();
    let base = world.dataset(1991, 2013, &WorldRules::new()).unwrap();
    let thesis = rsct::datasets::post_soviet().unwrap();
    Dataset::overlay(&base, &thesis, OverlayRule::Replace).unwrap()
}

#[test]
fn units_map_by_cow_code_and_collisions_are_renamed() {
    let ds = embedded();
    // Mongolia (COW 712) is the data set's MNG; the world's Montenegro (COW 341, whose COW
    // abbreviation is also MNG) becomes MNG-341.
    assert_eq!(ds.unit("MNG").unwrap().cow(), Some(712));
    assert_eq!(ds.unit("MNG-341").unwrap().cow(), Some(341));
    assert_eq!(ds.unit("MNG-341").unwrap().name(), "Montenegro");
    // Russia is one unit under the data set's id; the sub-state units join the world.
    assert_eq!(
        ds.units().iter().filter(|u| u.cow() == Some(365)).count(),
        1
    );
    assert!(ds.unit("NKR").is_some() && ds.unit("FRN").is_some());
}

#[test]
fn the_thesis_replaces_the_world_where_it_covers_a_dyad_year() {
    let ds = embedded();
    let g = ds
        .snapshot(2008, &WorldRules::new().derivation_rules())
        .unwrap();
    let rus_geo = g.tie("RUS", "GEO").unwrap();
    assert!(rus_geo.net() < 0.0, "the 2008 war is enmity");
    let layers: Vec<Option<&str>> = rus_geo.contributions().iter().map(|c| c.layer()).collect();
    assert!(!layers.is_empty());
    assert!(
        layers
            .iter()
            .all(|l| *l == Some("Post-Soviet security complex 1991–2013")),
        "{layers:?}"
    );
    // A dyad the thesis does not code keeps the world layer's ATOP record.
    let frn_gmy = g.tie("FRN", "GMY").unwrap();
    assert!(frn_gmy.net() > 0.0);
    let c = &frn_gmy.contributions()[0];
    assert_ne!(c.layer(), Some("Post-Soviet security complex 1991–2013"));
    assert!(c.evidence().any(|e| e.text().contains("ATOP")));
}
