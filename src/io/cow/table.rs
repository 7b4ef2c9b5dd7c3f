//! Reading CSV tables by column name: the header gives each column's position, rows are
//! split with the crate's quoted-CSV splitter, and every error names file, line and column.

use super::super::ReadError;
use super::super::edgelist::split_csv;
use super::super::source::{lines, text};
use super::Ccode;
use super::states::StateSystem;
use crate::period::Year;
use std::borrow::Cow;
use std::path::Path;

/// One data row of a table, with the columns asked for resolved by name.
pub(crate) struct Row<'r, 'a> {
    path: &'r Path,
    line: usize,
    fields: &'r [Cow<'a, str>],
    idx: &'r [Option<usize>],
    names: &'r [&'static str],
}

/// Whether a field holds no value (empty, `NA`, `.`).
fn is_missing(s: &str) -> bool {
    s.is_empty() || s.eq_ignore_ascii_case("na") || s == "."
}

/// Parses a whole number written as an integer or as a float with no fraction (`2`, `2.0`).
fn whole(s: &str) -> Option<i64> {
    if let Ok(v) = s.parse::<i64>() {
        return Some(v);
    }
    let f = s.parse::<f64>().ok()?;
    (f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64)
}

impl Row<'_, '_> {
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn name(&self, k: usize) -> &'static str {
        self.names[k]
    }

    /// The field of column `k` (required columns come first, then optional ones); an
    /// optional column absent from the header reads as empty.
    pub fn field(&self, k: usize) -> Result<&str, ReadError> {
        match self.idx[k] {
            None => Ok(""),
            Some(i) => {
                self.fields
                    .get(i)
                    .map(AsRef::as_ref)
                    .ok_or_else(|| ReadError::MissingField {
                        file: self.path.to_path_buf(),
                        line: self.line,
                        field: self.names[k].to_owned(),
                    })
            }
        }
    }

    /// A country code: a positive whole number below 100,000.
    pub fn code(&self, k: usize) -> Result<Ccode, ReadError> {
        let s = self.field(k)?;
        match whole(s) {
            Some(v) if (1..100_000).contains(&v) => Ok(v as Ccode),
            _ => Err(ReadError::BadCode {
                file: self.path.to_path_buf(),
                line: self.line,
                column: self.names[k].to_owned(),
                value: s.to_owned(),
            }),
        }
    }

    /// A country code that must be in `states` when a list is given.
    pub fn known_code(&self, k: usize, states: Option<&StateSystem>) -> Result<Ccode, ReadError> {
        let c = self.code(k)?;
        match states {
            Some(s) if !s.contains(c) => Err(ReadError::UnknownCcode {
                file: self.path.to_path_buf(),
                line: self.line,
                column: self.names[k].to_owned(),
                ccode: c,
            }),
            _ => Ok(c),
        }
    }

    fn bad_number(&self, k: usize, s: &str) -> ReadError {
        ReadError::BadNumber {
            file: self.path.to_path_buf(),
            line: self.line,
            field: self.names[k].to_owned(),
            value: s.to_owned(),
        }
    }

    /// A whole number.
    pub fn int(&self, k: usize) -> Result<i64, ReadError> {
        let s = self.field(k)?;
        whole(s).ok_or_else(|| self.bad_number(k, s))
    }

    /// A year, within ±100,000 (so that dyad-year keys stay packed).
    pub fn year(&self, k: usize) -> Result<Year, ReadError> {
        let s = self.field(k)?;
        whole(s)
            .filter(|v| v.abs() <= 100_000)
            .map(|v| v as Year)
            .ok_or_else(|| self.bad_number(k, s))
    }

    /// A whole number, or `None` when the field is empty, `NA` or `.`.
    pub fn opt_int(&self, k: usize) -> Result<Option<i64>, ReadError> {
        let s = self.field(k)?;
        if is_missing(s) {
            return Ok(None);
        }
        whole(s).map(Some).ok_or_else(|| self.bad_number(k, s))
    }

    /// A finite number, or `None` when the field is empty, `NA` or `.`.
    pub fn opt_num(&self, k: usize) -> Result<Option<f64>, ReadError> {
        let s = self.field(k)?;
        if is_missing(s) {
            return Ok(None);
        }
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(self.bad_number(k, s)),
        }
    }

    /// A whole number in `lo..=hi`.
    pub fn int_in(
        &self,
        k: usize,
        lo: i64,
        hi: i64,
        expected: &'static str,
    ) -> Result<i64, ReadError> {
        let v = self.int(k)?;
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            Err(ReadError::OutOfRange {
                file: self.path.to_path_buf(),
                line: self.line,
                column: self.names[k].to_owned(),
                value: v.to_string(),
                expected,
            })
        }
    }
}

/// Calls `f` on every data row of the CSV table in `bytes`. The first non-blank line is the
/// header; column names match case-insensitively. `required` columns must be in the header
/// ([`ReadError::MissingColumn`] otherwise); `optional` ones may be absent. In a row, column
/// `k` is `required[k]`, then `optional[k - required.len()]`. Blank lines are skipped.
pub(crate) fn for_each_row<F>(
    path: &Path,
    bytes: &[u8],
    required: &[&'static str],
    optional: &[&'static str],
    mut f: F,
) -> Result<(), ReadError>
where
    F: FnMut(&Row<'_, '_>) -> Result<(), ReadError>,
{
    let mut fields: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    let mut it = lines(bytes);
    let mut header_line = 1;
    let mut header: Option<Vec<String>> = None;
    for (n, raw) in it.by_ref() {
        let line = text(path, n, raw)?;
        if line.trim().is_empty() {
            continue;
        }
        split_csv(path, n, line, &mut fields)?;
        header_line = n;
        header = Some(
            fields
                .iter()
                .map(|f| f.trim().to_ascii_lowercase())
                .collect(),
        );
        break;
    }
    let header = header.unwrap_or_default();
    let names: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    let mut idx = Vec::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        let pos = header.iter().position(|h| h == name);
        if pos.is_none() && k < required.len() {
            return Err(ReadError::MissingColumn {
                file: path.to_path_buf(),
                line: header_line,
                column: (*name).to_owned(),
            });
        }
        idx.push(pos);
    }
    for (n, raw) in it {
        let line = text(path, n, raw)?;
        if line.trim().is_empty() {
            continue;
        }
        split_csv(path, n, line, &mut fields)?;
        f(&Row {
            path,
            line: n,
            fields: &fields,
            idx: &idx,
            names: &names,
        })?;
    }
    Ok(())
}
