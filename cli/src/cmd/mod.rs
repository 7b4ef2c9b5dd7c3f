//! One module per command.

pub mod balance;
pub mod boundaries;
pub mod draw;
pub mod evolution;
pub mod frustration;
pub mod panel;
pub mod polarity;
pub mod snapshot;
pub mod validate;

/// Quotes a CSV field when it needs it.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
