//! Errors for people: the message and the chain of its causes.

use std::error::Error;
use std::fmt;

/// An error as a person reads it: its message, then each cause in its
/// [`source`](Error::source) chain that the message does not already contain, one per line
/// (`  caused by: …`). A data set's validation error already lists every problem on its own
/// line.
///
/// The crate's examples print every error this way and exit with status 1 (2 for a wrong
/// command line). In a program:
///
/// ```
/// use rsct::report::ErrorReport;
/// use rsct::Dataset;
///
/// match Dataset::load("no/such/file.toml") {
///     Ok(ds) => println!("{} units", ds.units().len()),
///     Err(e) => {
///         let text = ErrorReport::new(&e).to_string();
///         assert!(text.starts_with("no/such/file.toml: "));
///         eprintln!("error: {text}"); // then, e.g., std::process::exit(1)
///     }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct ErrorReport<'a> {
    error: &'a (dyn Error + 'static),
}

impl<'a> ErrorReport<'a> {
    /// The report of `error`.
    #[must_use]
    pub fn new(error: &'a (dyn Error + 'static)) -> Self {
        Self { error }
    }
}

impl fmt::Display for ErrorReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.error.to_string();
        f.write_str(&shown)?;
        let mut next = self.error.source();
        while let Some(cause) = next {
            let text = cause.to_string();
            if !shown.contains(&text) {
                write!(f, "\n  caused by: {text}")?;
                shown.push('\n');
                shown.push_str(&text);
            }
            next = cause.source();
        }
        Ok(())
    }
}

impl fmt::Debug for ErrorReport<'_> {
    /// The same text as `Display`: a report is for people in every context.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
