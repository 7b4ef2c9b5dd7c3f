//! Reading whole files into memory, transparently gunzipping them, and iterating lines.

use super::ReadError;
use std::io::Read;
use std::path::Path;

/// Reads `path` into memory, decompressing it when it starts with the gzip magic bytes.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let raw = std::fs::read(path).map_err(|source| ReadError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    match gunzip(path, &raw)? {
        Some(out) => Ok(out),
        None => Ok(raw),
    }
}

/// The decompressed bytes when `raw` starts with the gzip magic bytes, `None` otherwise.
pub(crate) fn gunzip(path: &Path, raw: &[u8]) -> Result<Option<Vec<u8>>, ReadError> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(raw.len() * 4);
    flate2::read::MultiGzDecoder::new(raw)
        .read_to_end(&mut out)
        .map_err(|source| ReadError::Gzip {
            file: path.to_path_buf(),
            source,
        })?;
    Ok(Some(out))
}

/// The lines of `bytes` with their 1-based numbers; `\n`, `\r\n` and a lone trailing `\r`
/// end a line, and a UTF-8 byte-order mark at the start is skipped.
pub(crate) fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    body.split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
}

/// The line as UTF-8 text. A carriage return inside the line (before its last non-blank
/// character) is an error: the file has old-Mac CR-only line ends, which would otherwise run
/// every line into the first and mis-read it silently.
pub(crate) fn text<'a>(path: &Path, line: usize, bytes: &'a [u8]) -> Result<&'a str, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ReadError::Encoding {
        file: path.to_path_buf(),
        line,
    })?;
    if text.trim_end_matches([' ', '\t', '\r']).contains('\r') {
        return Err(ReadError::Format {
            file: path.to_path_buf(),
            line,
            message: "a carriage return inside the line: CR-only (old Mac) line ends are not \
                      supported; convert them to LF or CRLF"
                .to_owned(),
        });
    }
    Ok(text)
}
