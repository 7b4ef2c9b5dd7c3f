//! Reading whole files into memory, transparently gunzipping them, and iterating lines; the
//! limits on input size and line length.

use super::ReadError;
use std::io::Read;
use std::path::Path;

/// Limits on what the signed-graph readers accept: the size of the input after
/// decompression and the length of one line. A builder; the defaults are generous (4 GiB,
/// 1 MiB) and exist so that a small crafted file (a 2 MB gzip holding one 2 GB line) is
/// refused quickly with a typed error instead of exhausting memory.
///
/// ```
/// use rsct::io::ReadOptions;
/// let o = ReadOptions::new().max_input_bytes(1 << 30).max_line_bytes(4096);
/// assert_eq!((o.get_max_input_bytes(), o.get_max_line_bytes()), (1 << 30, 4096));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct ReadOptions {
    max_input: u64,
    max_line: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_input: Self::DEFAULT_MAX_INPUT_BYTES,
            max_line: Self::DEFAULT_MAX_LINE_BYTES,
        }
    }
}

impl ReadOptions {
    /// The default largest input, after decompression: 4 GiB.
    pub const DEFAULT_MAX_INPUT_BYTES: u64 = 4 << 30;
    /// The default longest line: 1 MiB.
    pub const DEFAULT_MAX_LINE_BYTES: usize = 1 << 20;

    /// The defaults ([`Self::DEFAULT_MAX_INPUT_BYTES`], [`Self::DEFAULT_MAX_LINE_BYTES`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// The largest input accepted, in bytes after decompression; a larger one is a
    /// [`ReadError::TooLarge`].
    pub fn max_input_bytes(mut self, bytes: u64) -> Self {
        self.max_input = bytes;
        self
    }
    /// The longest line accepted, in bytes without its line end; a longer one is a
    /// [`ReadError::LineTooLong`] naming the line.
    pub fn max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line = bytes;
        self
    }
    crate::internal::getters! {
        /// The largest input accepted (see [`Self::max_input_bytes`]).
        get_max_input_bytes = max_input: u64;
        /// The longest line accepted (see [`Self::max_line_bytes`]).
        get_max_line_bytes = max_line: usize;
    }

    /// The error for line `line` of `path` when it is longer than the limit.
    pub(crate) fn check_line(&self, path: &Path, line: usize, raw: &[u8]) -> Result<(), ReadError> {
        if raw.len() > self.max_line {
            return Err(ReadError::LineTooLong {
                file: path.to_path_buf(),
                line,
                limit: self.max_line,
            });
        }
        Ok(())
    }
}

/// Reads `path` into memory, decompressing it when it starts with the gzip magic bytes, with
/// the default limits.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bytes_with(path, &ReadOptions::new())
}

/// Reads `path` into memory, decompressing it when it starts with the gzip magic bytes; a
/// file or decompressed content above the size limit, or a compressed line above the line
/// limit, is an error.
pub(crate) fn read_bytes_with(path: &Path, options: &ReadOptions) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        file: path.to_path_buf(),
        source,
    };
    // A file above the limit is refused before it is read (compressed, its content would be
    // larger still but for a few bytes of a stored stream).
    if std::fs::metadata(path).map_err(io)?.len() > options.max_input {
        return Err(ReadError::TooLarge {
            file: path.to_path_buf(),
            limit: options.max_input,
        });
    }
    let raw = std::fs::read(path).map_err(io)?;
    Ok(gunzip_with(path, &raw, options)?.unwrap_or(raw))
}

/// The decompressed bytes when `raw` starts with the gzip magic bytes, `None` otherwise
/// (default limits).
pub(crate) fn gunzip(path: &Path, raw: &[u8]) -> Result<Option<Vec<u8>>, ReadError> {
    gunzip_with(path, raw, &ReadOptions::new())
}

/// The decompressed bytes when `raw` starts with the gzip magic bytes, `None` otherwise.
/// Decompresses in chunks and stops at once when the output passes the size limit or the
/// line being decompressed passes the line limit, so a crafted stream costs at most about
/// the limits in memory and time.
pub(crate) fn gunzip_with(
    path: &Path,
    raw: &[u8],
    options: &ReadOptions,
) -> Result<Option<Vec<u8>>, ReadError> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(None);
    }
    const CHUNK: usize = 1 << 16;
    let cap = raw
        .len()
        .saturating_mul(4)
        .min(usize::try_from(options.max_input).unwrap_or(usize::MAX));
    let mut out: Vec<u8> = Vec::with_capacity(cap);
    let mut decoder = flate2::read::MultiGzDecoder::new(raw);
    // Start of the line being decompressed (just after the last `\n` seen).
    let mut line_start = 0usize;
    loop {
        let at = out.len();
        let room = CHUNK
            .min(usize::try_from(options.max_input.saturating_add(1) - at as u64).unwrap_or(CHUNK));
        if room == 0 {
            break;
        }
        out.resize(at + room, 0);
        let n = decoder
            .read(&mut out[at..])
            .map_err(|source| ReadError::Gzip {
                file: path.to_path_buf(),
                source,
            })?;
        out.truncate(at + n);
        if n == 0 {
            break;
        }
        if out.len() as u64 > options.max_input {
            return Err(ReadError::TooLarge {
                file: path.to_path_buf(),
                limit: options.max_input,
            });
        }
        let too_long = |start: usize, end: usize| {
            let line = &out[start..end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            // The line number is counted only for the error.
            (line.len() > options.max_line).then(|| ReadError::LineTooLong {
                file: path.to_path_buf(),
                line: out[..start].iter().filter(|&&b| b == b'\n').count() + 1,
                limit: options.max_line,
            })
        };
        if let Some(i) = out[at..].iter().rposition(|&b| b == b'\n') {
            // Of the lines that ended inside this chunk only the first can be long (the
            // others lie wholly in the chunk; the parsers check every line again).
            let first_end = at + out[at..].iter().position(|&b| b == b'\n').unwrap_or(i);
            if let Some(e) = too_long(line_start, first_end) {
                return Err(e);
            }
            line_start = at + i + 1;
        }
        if let Some(e) = too_long(line_start, out.len()) {
            return Err(e);
        }
    }
    out.shrink_to_fit();
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
