//! Reading CSV tables by column name: the header gives each column's position, rows are
//! split with the crate's quoted-CSV splitter, and every error names file, line and column.

use super::super::ReadError;
use super::super::edgelist::split_csv;
use super::super::source::{lines, text};
use super::Ccode;
use crate::period::Year;
use std::borrow::Cow;
use std::path::Path;

/// The fields of a row: byte ranges into an unquoted line (the fast path, which validates
/// UTF-8 only in the fields read), or the fields of a quoted line.
enum Fields<'r, 'a> {
    Plain(&'a [u8], &'r [(usize, usize)]),
    Quoted(&'r [Cow<'a, str>]),
}

/// A list of the country codes a file's rows may name (the COW state system), for
/// [`Row::known_code`].
pub(crate) trait KnownCodes {
    /// Whether `code` is in the list.
    fn knows(&self, code: Ccode) -> bool;
}

/// One data row of a table, with the columns asked for resolved by name.
pub(crate) struct Row<'r, 'a> {
    path: &'r Path,
    line: usize,
    fields: Fields<'r, 'a>,
    idx: &'r [Option<usize>],
    names: &'r [&'static str],
}

/// Whether a field holds no value (empty, `NA`, `.`).
fn is_missing(s: &str) -> bool {
    s.is_empty() || s.eq_ignore_ascii_case("na") || s == "."
}

/// Parses a whole number written as an integer or as a float with no fraction (`2`, `2.0`).
fn whole(s: &str) -> Option<i64> {
    // Fast path: plain unsigned digits, as nearly every field of these files is.
    let b = s.as_bytes();
    if !b.is_empty() && b.len() <= 18 && b.iter().all(u8::is_ascii_digit) {
        return Some(b.iter().fold(0i64, |v, &d| v * 10 + i64::from(d - b'0')));
    }
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
        let Some(i) = self.idx[k] else {
            return Ok("");
        };
        let missing = || ReadError::MissingField {
            file: self.path.to_path_buf(),
            line: self.line,
            field: self.names[k].to_owned(),
        };
        match self.fields {
            Fields::Quoted(f) => f.get(i).map(AsRef::as_ref).ok_or_else(missing),
            Fields::Plain(line, ranges) => {
                let &(a, b) = ranges.get(i).ok_or_else(missing)?;
                let f = std::str::from_utf8(&line[a..b]).map_err(|_| ReadError::Encoding {
                    file: self.path.to_path_buf(),
                    line: self.line,
                })?;
                Ok(f.trim())
            }
        }
    }

    /// The value of column `k` when it is plain ASCII digits in an unquoted line (the
    /// common case, parsed without UTF-8 validation or trimming); `None` otherwise, and the
    /// caller takes the general path.
    #[inline]
    fn digits(&self, k: usize) -> Option<i64> {
        let (Fields::Plain(line, ranges), Some(i)) = (&self.fields, self.idx[k]) else {
            return None;
        };
        let &(a, b) = ranges.get(i)?;
        let f = &line[a..b];
        if f.is_empty() || f.len() > 18 {
            return None;
        }
        let mut v = 0i64;
        for &d in f {
            if !d.is_ascii_digit() {
                return None;
            }
            v = v * 10 + i64::from(d - b'0');
        }
        Some(v)
    }

    /// A country code: a positive whole number below 100,000.
    pub fn code(&self, k: usize) -> Result<Ccode, ReadError> {
        if let Some(v) = self.digits(k).filter(|v| (1..100_000).contains(v)) {
            return Ok(v as Ccode);
        }
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
    pub fn known_code(
        &self,
        k: usize,
        states: Option<&impl KnownCodes>,
    ) -> Result<Ccode, ReadError> {
        let c = self.code(k)?;
        match states {
            Some(s) if !s.knows(c) => Err(ReadError::UnknownCcode {
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
        if let Some(v) = self.digits(k) {
            return Ok(v);
        }
        let s = self.field(k)?;
        whole(s).ok_or_else(|| self.bad_number(k, s))
    }

    /// A year, within ±100,000 (so that dyad-year keys stay packed).
    pub fn year(&self, k: usize) -> Result<Year, ReadError> {
        if let Some(v) = self.digits(k).filter(|v| *v <= 100_000) {
            return Ok(v as Year);
        }
        let s = self.field(k)?;
        whole(s)
            .filter(|v| v.abs() <= 100_000)
            .map(|v| v as Year)
            .ok_or_else(|| self.bad_number(k, s))
    }

    /// A whole number, or `None` when the field is empty, `NA` or `.`.
    pub fn opt_int(&self, k: usize) -> Result<Option<i64>, ReadError> {
        if let Some(v) = self.digits(k) {
            return Ok(Some(v));
        }
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
/// `k` is `required[k]`, then `optional[k - required.len()]`. Blank lines are skipped. Lines
/// are numbered as [`lines`] numbers them (from 1, after a UTF-8 byte-order mark).
///
/// Data lines are scanned once: the commas found give the fields' byte ranges; a line with a
/// double quote goes through the quoted-CSV splitter instead.
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
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut fields: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    let mut header_line = 1;
    let mut header: Option<Vec<String>> = None;
    for (n, raw) in lines(body) {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = text(path, n, raw)?;
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
    // The data start after the header's line end.
    let mut pos = 0;
    for _ in 0..header_line {
        match body[pos.min(body.len())..].iter().position(|&b| b == b'\n') {
            Some(i) => pos += i + 1,
            None => pos = body.len(),
        }
    }
    let header = header.unwrap_or_default();
    let names: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    let mut idx = Vec::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        let at = header.iter().position(|h| h == name);
        if at.is_none() && k < required.len() {
            return Err(ReadError::MissingColumn {
                file: path.to_path_buf(),
                line: header_line,
                column: (*name).to_owned(),
            });
        }
        idx.push(at);
    }
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(32);
    let mut n = header_line;
    while pos < body.len() {
        n += 1;
        ranges.clear();
        let line_start = pos;
        let (mut start, mut i, mut quoted) = (0, pos, false);
        while i < body.len() {
            match body[i] {
                b'\n' => break,
                b',' => {
                    ranges.push((start, i - line_start));
                    start = i - line_start + 1;
                }
                b'"' => quoted = true,
                _ => {}
            }
            i += 1;
        }
        pos = i + 1;
        let mut raw = &body[line_start..i];
        if let Some(r) = raw.strip_suffix(b"\r") {
            raw = r;
        }
        ranges.push((start.min(raw.len()), raw.len()));
        if ranges.len() == 1 && raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let fields = if quoted {
            let line = text(path, n, raw)?;
            split_csv(path, n, line, &mut fields)?;
            Fields::Quoted(&fields)
        } else {
            Fields::Plain(raw, &ranges)
        };
        f(&Row {
            path,
            line: n,
            fields,
            idx: &idx,
            names: &names,
        })?;
    }
    Ok(())
}
