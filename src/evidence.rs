//! Evidence: the citations behind every encoded fact.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Errors from constructing [`Evidence`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvidenceError {
    /// The citation text is empty or only white space.
    #[error("evidence text is empty")]
    EmptyText,
}

/// A citation: a text (a quotation, paraphrase or reference) and an optional locator such as
/// `§2.3, fn 89` (a section and footnote of the source) or `COW NMC 6.0`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locator: Option<String>,
}

impl Evidence {
    /// A citation with a text and no locator.
    ///
    /// # Errors
    /// [`EvidenceError::EmptyText`] when the text is blank.
    pub fn new(text: &str) -> Result<Self, EvidenceError> {
        Self::cited_owned(text.to_owned(), String::new())
    }

    /// A citation with a text and a locator.
    ///
    /// # Errors
    /// [`EvidenceError::EmptyText`] when the text is blank.
    ///
    /// ```
    /// let e = rsct::Evidence::cited("Russia has a military base in Gyumri", "§2.3, fn 89")?;
    /// assert_eq!(e.locator(), Some("§2.3, fn 89"));
    /// # Ok::<(), rsct::EvidenceError>(())
    /// ```
    pub fn cited(text: &str, locator: &str) -> Result<Self, EvidenceError> {
        Self::cited_owned(text.to_owned(), locator.to_owned())
    }

    /// [`Evidence::cited`] from texts already owned (no copy), for readers that compose
    /// their citations.
    pub(crate) fn cited_owned(text: String, locator: String) -> Result<Self, EvidenceError> {
        if text.trim().is_empty() {
            return Err(EvidenceError::EmptyText);
        }
        Ok(Self {
            text,
            locator: (!locator.trim().is_empty()).then_some(locator),
        })
    }

    /// The citation text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The locator, if any.
    #[must_use]
    pub fn locator(&self) -> Option<&str> {
        self.locator.as_deref()
    }

    pub(crate) fn is_valid(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.locator {
            Some(l) => write!(f, "{} [{}]", self.text, l),
            None => f.write_str(&self.text),
        }
    }
}
