//! Identifiers of units and organisations.
//!
//! An identifier is 1–64 ASCII characters, each a letter, a digit, `_` or `-`, such as `RUS`,
//! `NKR` or `CSTO`. Identifiers are case-sensitive. Units and organisations have separate
//! namespaces: a unit `EU` and an organisation `EU` may coexist.

/// The longest identifier accepted.
pub const MAX_ID_LEN: usize = 64;

/// Errors from checking an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The identifier is empty.
    #[error("identifier is empty")]
    Empty,
    /// The identifier is longer than [`MAX_ID_LEN`].
    #[error("identifier {id:?} is {len} characters long; at most {MAX_ID_LEN} are allowed")]
    TooLong {
        /// The identifier given.
        id: String,
        /// Its length in bytes.
        len: usize,
    },
    /// The identifier holds a character other than an ASCII letter, digit, `_` or `-`.
    #[error(
        "identifier {id:?} holds the character {character:?}; only ASCII letters, digits, '_' and '-' are allowed"
    )]
    BadCharacter {
        /// The identifier given.
        id: String,
        /// The first offending character.
        character: char,
    },
}

/// Checks that `id` is a valid identifier of a unit or an organisation.
///
/// An identifier is 1–64 ASCII characters, each a letter, a digit, `_` or `-`, such as `RUS`,
/// `NKR` or `CSTO`. Identifiers are case-sensitive. Units and organisations have separate
/// namespaces: a unit `EU` and an organisation `EU` may coexist.
///
/// # Errors
/// The [`IdError`] naming the problem.
///
/// ```
/// assert!(rsct::check_id("RUS").is_ok());
/// assert!(rsct::check_id("N K").is_err());
/// ```
pub fn check_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if id.len() > MAX_ID_LEN {
        return Err(IdError::TooLong {
            id: id.to_owned(),
            len: id.len(),
        });
    }
    if let Some(character) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(IdError::BadCharacter {
            id: id.to_owned(),
            character,
        });
    }
    Ok(())
}
