//! A compact extract of the COW-family world for a span of years, written by a program in
//! the repository and read back by [`read_extract`], so that analyses of a region inside its
//! world run on a fresh clone without the source files.
//!
//! The extract holds derived facts only, never the source files: the state-system spells
//! that overlap the span; ATOP alliance obligations per undirected dyad-year (both
//! directions folded); the most hostile MID dispute per undirected dyad-year (number and
//! hostility level); Direct Contiguity per undirected dyad-year (type 1–5); NMC CINC per
//! state-year; strategic rivalries that overlap the span. Each is one gzip-compressed CSV
//! whose columns carry the names the crate's readers look for, so the same readers (and the
//! same checks) read them back.
//!
//! | file | from | cite |
//! |---|---|---|
//! | `states.csv.gz` | COW State System v2016 | COW Project 2016 |
//! | `alliances.csv.gz` | ATOP v5.1 directed dyad-years | Leeds et al. 2002 |
//! | `disputes.csv.gz` | MID v5.0 (or Dyadic MID v4.02) | Palmer et al. 2022 (Maoz et al. 2019) |
//! | `contiguity.csv.gz` | COW Direct Contiguity v3.2 | Stinnett et al. 2002 |
//! | `capabilities.csv.gz` | NMC v6.0 (CINC only) | Singer, Bremer & Stuckey 1972 |
//! | `rivalries.csv.gz` | Thompson, Sakuwa & Suhas strategic rivalries | Thompson, Sakuwa & Suhas 2021 |
//! | `SOURCES.txt` | which data sets and years the extract was made from | |
//!
//! No COW alliance data is read or written: alliances come from ATOP.

use super::atop::parse_atop;
use super::contiguity::parse_contiguity;
use super::mid::{MID5_COLS, parse_mid};
use super::nmc::parse_nmc;
use super::rivalry::parse_rivalries;
use super::states::parse_states;
use super::{
    AllianceYears, ContiguityYears, DataSource, DisputeYears, DyadYear, DyadYears, Nmc, Obligation,
    Rivalry, StateSystem, sources,
};
use crate::io::ReadError;
use crate::io::source::read_bytes;
use crate::period::{Period, Year};
use flate2::Compression;
use flate2::GzBuilder;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The file names of an extract, in the order they are written.
pub const EXTRACT_FILES: [&str; 7] = [
    "states.csv.gz",
    "alliances.csv.gz",
    "disputes.csv.gz",
    "contiguity.csv.gz",
    "capabilities.csv.gz",
    "rivalries.csv.gz",
    "SOURCES.txt",
];

/// The parts of the world an extract is made from (any may be absent), borrowed from the
/// readers' results.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractParts<'a> {
    /// The state system.
    pub states: Option<&'a StateSystem>,
    /// ATOP alliances.
    pub alliances: Option<&'a AllianceYears>,
    /// MID disputes, with the data set they were read from.
    pub disputes: Option<(&'a DisputeYears, DataSource)>,
    /// Direct Contiguity.
    pub contiguity: Option<&'a ContiguityYears>,
    /// NMC capabilities.
    pub capabilities: Option<&'a Nmc>,
    /// Strategic rivalries.
    pub rivalries: Option<&'a [Rivalry]>,
}

/// What [`read_extract`] gives back: the parts of the world, owned.
#[derive(Debug, Clone, Default)]
pub struct Extract {
    /// The state system.
    pub states: Option<StateSystem>,
    /// ATOP alliances.
    pub alliances: Option<AllianceYears>,
    /// MID disputes, with the data set they were read from.
    pub disputes: Option<(DisputeYears, DataSource)>,
    /// Direct Contiguity.
    pub contiguity: Option<ContiguityYears>,
    /// NMC capabilities (CINC).
    pub capabilities: Option<Nmc>,
    /// Strategic rivalries.
    pub rivalries: Option<Vec<Rivalry>>,
}

fn io_error(path: &Path, e: std::io::Error) -> ReadError {
    ReadError::Io {
        file: path.to_path_buf(),
        source: e,
    }
}

/// Writes `text` gzip-compressed (no file name, time stamp 0: the bytes depend only on the
/// text and the compression library).
fn write_gz(path: &Path, text: &str) -> Result<(), ReadError> {
    let file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
    let mut gz = GzBuilder::new().mtime(0).write(file, Compression::best());
    gz.write_all(text.as_bytes())
        .map_err(|e| io_error(path, e))?;
    gz.finish().map_err(|e| io_error(path, e))?;
    Ok(())
}

fn quoted(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn in_span<V: Copy>(d: &DyadYears<V>, from: Year, to: Year) -> impl Iterator<Item = &DyadYear<V>> {
    d.records()
        .iter()
        .filter(move |r| (from..=to).contains(&r.year()))
}

/// Writes the extract of `parts` for the years `from..=to` into `dir` (created if absent):
/// the files of [`EXTRACT_FILES`] (a part that is absent writes no file). Rows are sorted, so
/// the same parts and span give the same files.
///
/// # Errors
/// [`ReadError::Io`] naming the file that could not be written; [`ReadError::Format`] when
/// `from > to`.
///
/// # Example
/// ```no_run
/// use rsct::io::cow::{self, ExtractParts};
/// let states = cow::read_states("cow/states2016.csv")?;
/// let parts = ExtractParts { states: Some(&states), ..ExtractParts::default() };
/// let written = cow::write_extract(parts, "world_extract", 1991, 2013)?;
/// assert_eq!(written.len(), 2); // states.csv.gz and SOURCES.txt
/// # Ok::<(), rsct::io::ReadError>(())
/// ```
pub fn write_extract(
    parts: ExtractParts<'_>,
    dir: impl AsRef<Path>,
    from: Year,
    to: Year,
) -> Result<Vec<PathBuf>, ReadError> {
    let dir = dir.as_ref();
    let span = Period::between(from, to).map_err(|e| ReadError::Format {
        file: dir.to_path_buf(),
        line: 0,
        message: format!("extract span: {e}"),
    })?;
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let mut written = Vec::new();
    let mut cited: Vec<DataSource> = Vec::new();
    let mut emit = |name: &str, text: String, source: DataSource| -> Result<(), ReadError> {
        let path = dir.join(name);
        write_gz(&path, &text)?;
        written.push(path);
        cited.push(source);
        Ok(())
    };
    if let Some(states) = parts.states {
        let mut t =
            String::from("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n");
        for s in states.spells() {
            if s.period().overlaps(&span) {
                let (a, z) = (s.start(), s.end());
                let _ = writeln!(
                    t,
                    "{},{},{},{},{},{},{},{},{}",
                    quoted(s.abbreviation()),
                    s.ccode(),
                    quoted(s.name()),
                    a.year,
                    a.month,
                    a.day,
                    z.year,
                    z.month,
                    z.day
                );
            }
        }
        emit("states.csv.gz", t, sources::STATES)?;
    }
    if let Some(alliances) = parts.alliances {
        let mut t = String::from("ccode1,ccode2,year");
        for o in Obligation::ALL {
            t.push(',');
            t.push_str(o.column());
        }
        t.push('\n');
        for r in in_span(alliances, from, to) {
            let _ = write!(t, "{},{},{}", r.a(), r.b(), r.year());
            for o in Obligation::ALL {
                t.push_str(if r.value().contains(o) { ",1" } else { ",0" });
            }
            t.push('\n');
        }
        emit("alliances.csv.gz", t, sources::ATOP)?;
    }
    if let Some((disputes, source)) = parts.disputes {
        let mut t = String::from("dispnum,ccode1,ccode2,year,hostlev\n");
        for r in in_span(disputes, from, to) {
            let d = r.value();
            let _ = writeln!(
                t,
                "{},{},{},{},{}",
                d.dispute(),
                r.a(),
                r.b(),
                r.year(),
                d.hostility()
            );
        }
        emit("disputes.csv.gz", t, source)?;
    }
    if let Some(contiguity) = parts.contiguity {
        let mut t = String::from("state1no,state2no,year,conttype\n");
        for r in in_span(contiguity, from, to) {
            let _ = writeln!(t, "{},{},{},{}", r.a(), r.b(), r.year(), r.value().code());
        }
        emit("contiguity.csv.gz", t, sources::CONTIGUITY)?;
    }
    if let Some(nmc) = parts.capabilities {
        let mut t = String::from("ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n");
        for r in nmc.records() {
            if (from..=to).contains(&r.year()) {
                let cinc = r.cinc().map_or_else(String::new, |c| format!("{c}"));
                let _ = writeln!(t, "{},{},,,,,,,{cinc}", r.ccode(), r.year());
            }
        }
        emit("capabilities.csv.gz", t, sources::NMC)?;
    }
    if let Some(rivalries) = parts.rivalries {
        let mut t = String::from(
            "tssr_id,rivalry,ccode1,ccode2,start,end,positional,spatial,ideological,interventionary\n",
        );
        let flag = |b: bool| if b { "1" } else { "" };
        for r in rivalries {
            if r.period().overlaps(&span) {
                let end = r.period().end().map_or_else(String::new, |e| e.to_string());
                let _ = writeln!(
                    t,
                    "{},{},{},{},{},{end},{},{},{},{}",
                    r.id(),
                    quoted(r.name()),
                    r.a(),
                    r.b(),
                    r.period().start(),
                    flag(r.positional()),
                    flag(r.spatial()),
                    flag(r.ideological()),
                    flag(r.interventionary())
                );
            }
        }
        emit("rivalries.csv.gz", t, sources::RIVALRIES)?;
    }
    let mut s = format!(
        "Extract of the COW-family world, {from}–{to}, written by rsct::io::cow::write_extract.\n\
         Derived facts only (see the module documentation of rsct::io::cow::extract).\n\
         Data sets (cite them wherever results computed from this extract are shown):\n"
    );
    for c in &cited {
        let _ = writeln!(s, "- {} ({}), from {}", c.name, c.cite, c.file);
    }
    let path = dir.join("SOURCES.txt");
    std::fs::write(&path, s).map_err(|e| io_error(&path, e))?;
    written.push(path);
    Ok(written)
}

/// Reads an extract written by [`write_extract`] from `dir`: each file present is read by the
/// same reader as its source (state codes checked against the extract's state list), and the
/// disputes are cited as MID v5.0 unless `SOURCES.txt` names Dyadic MID v4.02.
///
/// # Errors
/// The first [`ReadError`] of a file that is present (naming file, line and column).
pub fn read_extract(dir: impl AsRef<Path>) -> Result<Extract, ReadError> {
    let dir = dir.as_ref();
    let file = |name: &str| {
        let p = dir.join(name);
        p.exists().then_some(p)
    };
    let mut x = Extract::default();
    if let Some(p) = file("states.csv.gz") {
        x.states = Some(parse_states(&p, &read_bytes(&p)?)?);
    }
    let st = x.states.as_ref();
    if let Some(p) = file("alliances.csv.gz") {
        x.alliances = Some(parse_atop(&p, &read_bytes(&p)?, st)?);
    }
    if let Some(p) = file("disputes.csv.gz") {
        let source = match file("SOURCES.txt") {
            Some(s) => {
                let text = std::fs::read_to_string(&s).map_err(|e| io_error(&s, e))?;
                if text.contains(sources::MID4.name) {
                    sources::MID4
                } else {
                    sources::MID5
                }
            }
            None => sources::MID5,
        };
        x.disputes = Some((parse_mid(&p, &read_bytes(&p)?, st, &MID5_COLS)?, source));
    }
    if let Some(p) = file("contiguity.csv.gz") {
        x.contiguity = Some(parse_contiguity(&p, &read_bytes(&p)?, st)?);
    }
    if let Some(p) = file("capabilities.csv.gz") {
        x.capabilities = Some(parse_nmc(&p, &read_bytes(&p)?, st)?);
    }
    if let Some(p) = file("rivalries.csv.gz") {
        x.rivalries = Some(parse_rivalries(&p, &read_bytes(&p)?, None)?);
    }
    Ok(x)
}
