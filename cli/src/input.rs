//! Reading the inputs every command shares, and printing errors for people.

use rsct::{Dataset, DerivationRules, SecurityGraph, SignedGraph, Year};
use std::error::Error;
use std::path::Path;

/// A boxed error, as every command returns.
pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Whether `path` names a data set (`.toml` or `.json`) rather than a signed-graph file.
pub fn is_dataset(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("toml" | "json")
    )
}

/// Loads a data set (its errors name the file and every problem).
pub fn dataset(path: &Path) -> Result<Dataset> {
    Ok(Dataset::load(path)?)
}

/// The year asked for, or the data set's last year.
pub fn year_or_last(ds: &Dataset, year: Option<Year>, path: &Path) -> Result<Year> {
    match (year, ds.year_span()) {
        (Some(y), _) => Ok(y),
        (None, Some((_, last))) => Ok(last),
        (None, None) => {
            Err(format!("{}: the data set has no years; give --year", path.display()).into())
        }
    }
}

/// The security graph of a data set's year under the default derivation rules.
pub fn snapshot(path: &Path, year: Option<Year>) -> Result<(Dataset, SecurityGraph)> {
    let ds = dataset(path)?;
    let y = year_or_last(&ds, year, path)?;
    let g = ds
        .snapshot(y, &DerivationRules::new())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((ds, g))
}

/// A signed graph from a signed-graph file, or from a data set's year.
pub fn signed(path: &Path, year: Option<Year>) -> Result<SignedGraph> {
    if is_dataset(path) {
        let (_, g) = snapshot(path, year)?;
        Ok(g.to_signed_graph().0)
    } else {
        Ok(rsct::io::read_signed(path)?.0)
    }
}

/// An error and its chain of causes, for people (the crate's [`rsct::report::ErrorReport`]).
pub fn message(e: &(dyn Error + 'static)) -> String {
    format!("error: {}", rsct::report::ErrorReport::new(e))
}

/// The COW-family world from a folder of source files under their usual names, or from an
/// extract written by `rsct::io::cow::write_extract` (recognised by its `SOURCES.txt`).
pub fn world(dir: &Path) -> Result<rsct::panel::World> {
    if !dir.join("SOURCES.txt").exists() {
        return Ok(rsct::panel::World::load(dir)?);
    }
    Ok(rsct::io::cow::read_extract(dir)?.into())
}
