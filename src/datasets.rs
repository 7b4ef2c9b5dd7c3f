//! Data sets shipped with the crate, embedded in the binary.
//!
//! | function | what | source |
//! |---|---|---|
//! | [`post_soviet`] | the post-Soviet security complex 1991–2013: 29 units, 24 organisations, memberships, relations, COW NMC 6.0 CINC capabilities | encoded from a thesis on Russia's security policy toward Armenia and Belarus ([theory §6](crate::guide::theory#6-the-post-soviet-case)), each relation citing section and footnote; facts from elsewhere marked `external:` |
//! | [`europe_1872_1907`] | the six European great powers from the Three Emperors' League to the Anglo-Russian Convention | treaties and historians cited per relation (Antal, Krapivsky & Redner 2006; Taylor 1954; Langer 1931) |
//!
//! The files are `data/post_soviet.toml` and `data/europe_1872_1907.toml`; `data/README.md`
//! documents the coding scheme.

use crate::dataset::{Dataset, DatasetError};

/// Outside powers of the post-Soviet data set whose own region is not in it (China, the EU,
/// India, Pakistan, Mongolia): analyses set them apart, like the superpower, so that they
/// appear as penetrating powers rather than as members.
pub const POST_SOVIET_OUTSIDE_POWERS: [&str; 5] = ["CHN", "EU", "IND", "PAK", "MNG"];

/// The post-Soviet security complex 1991–2013 (see the module docs).
///
/// # Errors
/// None in practice: the embedded file is validated by the crate's tests; a
/// [`DatasetError`] would name the problem.
///
/// ```
/// let ds = rsct::datasets::post_soviet()?;
/// assert!(ds.unit("RUS").is_some() && ds.organisation("CSTO").is_some());
/// # Ok::<(), rsct::DatasetError>(())
/// ```
pub fn post_soviet() -> Result<Dataset, DatasetError> {
    Dataset::from_toml_str(include_str!("../data/post_soviet.toml"))
}

/// The European great powers 1872–1907 (see the module docs).
///
/// # Errors
/// As [`post_soviet`].
///
/// ```
/// let ds = rsct::datasets::europe_1872_1907()?;
/// assert_eq!(ds.units().len(), 6);
/// # Ok::<(), rsct::DatasetError>(())
/// ```
pub fn europe_1872_1907() -> Result<Dataset, DatasetError> {
    Dataset::from_toml_str(include_str!("../data/europe_1872_1907.toml"))
}
