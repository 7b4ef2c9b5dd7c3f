//! Accessor runs written once: getters that hand out a field (by value for `Copy` fields, by
//! reference otherwise) and the `self`-consuming setters of options builders.

/// Getters `pub fn name(&self) -> T { self.name }`, one per line
/// `/// doc` `name: T;`; a type written `&T` hands out `&self.name` (deref coercion turns a
/// `String` into `&str`, an `Arc<[T]>` into `&[T]`). A line `get_name = field: T;` names the
/// getter apart from its field: an options builder's getter is `get_` and the name of its
/// setter, which holds the plain name (as `std::process::Command`'s `arg` / `get_args`).
/// Every getter is `#[must_use]`, also when its type is (an options builder handing out
/// another).
macro_rules! getters {
    () => {};
    ($(#[$doc:meta])* $name:ident = $field:ident: &$ty:ty; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        #[allow(clippy::double_must_use)]
        pub fn $name(&self) -> &$ty {
            &self.$field
        }
        $crate::internal::getters!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident = $field:ident: $ty:ty; $($rest:tt)*) => {
        $(#[$doc])*
        #[must_use]
        #[allow(clippy::double_must_use)]
        pub fn $name(&self) -> $ty {
            self.$field
        }
        $crate::internal::getters!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident: $($rest:tt)*) => {
        $crate::internal::getters!($(#[$doc])* $name = $name: $($rest)*);
    };
}

/// Builder setters `pub fn name(mut self, arg: T) -> Self`, one per line
/// `/// doc` `name(arg: T);` that store `arg` in the field `name`, or
/// `name(arg: T) => expr;` that store `expr` (e.g. a clamp).
macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) $(=> $value:expr)?;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, $arg: $ty) -> Self {
                self.$name = $crate::internal::setters!(@value $arg $(, $value)?);
                self
            }
        )*
    };
    (@value $arg:ident) => { $arg };
    (@value $arg:ident, $value:expr) => { $value };
}

/// Builder switches of a `bool` field, one per line
/// `/// doc` `on_name, /// doc` `off_name => field;`: `pub fn on_name(mut self) -> Self` sets
/// `field` to `true`, `pub fn off_name(mut self) -> Self` to `false` (a builder takes no bare
/// `bool`: each choice is named).
macro_rules! switches {
    ($($(#[$on_doc:meta])* $on:ident, $(#[$off_doc:meta])* $off:ident => $field:ident;)*) => {
        $(
            $(#[$on_doc])*
            pub fn $on(mut self) -> Self {
                self.$field = true;
                self
            }
            $(#[$off_doc])*
            pub fn $off(mut self) -> Self {
                self.$field = false;
                self
            }
        )*
    };
}

/// An options builder's accessors, one option per line: `/// doc` `name(arg: T), get_name;`
/// writes the setter `name` as [`setters!`] does (`name(arg: T) => expr, get_name;` stores
/// `expr`) and its getter `get_name`, which hands out the field by value, or by reference when
/// written `&get_name`. So no setter goes without its getter.
macro_rules! options {
    () => {};
    (@one [$($doc:tt)*] $name:ident($arg:ident: $ty:ty) [$($value:expr)?] $($getter:tt)*) => {
        $crate::internal::setters! { $($doc)* $name($arg: $ty) $(=> $value)?; }
        $crate::internal::getters! {
            #[doc = concat!("The value set by [`", stringify!($name), "`](Self::", stringify!($name), ").")]
            $($getter)*;
        }
    };
    ($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) $(=> $value:expr)?, &$getter:ident; $($rest:tt)*) => {
        $crate::internal::options!(@one [$(#[$doc])*] $name($arg: $ty) [$($value)?] $getter = $name: &$ty);
        $crate::internal::options!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) $(=> $value:expr)?, $getter:ident; $($rest:tt)*) => {
        $crate::internal::options!(@one [$(#[$doc])*] $name($arg: $ty) [$($value)?] $getter = $name: $ty);
        $crate::internal::options!($($rest)*);
    };
}

/// An options builder declared once: its type, its defaults, and every option's setter and
/// getter, one line an option — so a field's name, type and default stand in one place and
/// `new()`, `Default` and the accessors agree by construction.
///
/// ```text
/// builder! {
///     /// The type's doc.
///     #[derive(Debug, Clone, Copy, PartialEq)]
///     pub struct Options;
///     /// The doc of `new()`.
///     fn new();
///     /// An option: setter `seed`, getter `get_seed`, default 7.
///     seed(seed: u64) = 7, get_seed;
///     /// The setter stores an expression; the getter hands out a reference.
///     starts(n: usize) = 6 => n.max(1), &get_starts;
///     /// A field without accessors (set by other methods).
///     names: Vec<String> = Vec::new();
/// }
/// ```
///
/// writes the struct (`#[must_use]`; private fields, or `pub struct Options { pub(crate) fields };`), `new()`, `impl Default` (returning
/// `new()`) and, through [`options!`], the accessors.
macro_rules! builder {
    ($(#[$attr:meta])* pub struct $ty:ident $({ $fvis:vis fields })?; $(#[$new_doc:meta])* fn new();
        $($body:tt)*) => {
        $crate::internal::builder!(@munch {$(#[$attr])*} $ty [$($fvis)?] {$(#[$new_doc])*} [] [] []
            $($body)*);
    };
    (@munch $attrs:tt $ty:ident $fv:tt $nd:tt [$($f:tt)*] [$($i:tt)*] [$($o:tt)*]
        $(#[$doc:meta])* $name:ident($arg:ident: $t:ty) = $default:expr $(=> $value:expr)?, &$getter:ident;
        $($rest:tt)*) => {
        $crate::internal::builder!(@munch $attrs $ty $fv $nd [$($f)* ([] $fv $name: $t)] [$($i)* $name: $default,]
            [$($o)* $(#[$doc])* $name($arg: $t) $(=> $value)?, &$getter;] $($rest)*);
    };
    (@munch $attrs:tt $ty:ident $fv:tt $nd:tt [$($f:tt)*] [$($i:tt)*] [$($o:tt)*]
        $(#[$doc:meta])* $name:ident($arg:ident: $t:ty) = $default:expr $(=> $value:expr)?, $getter:ident;
        $($rest:tt)*) => {
        $crate::internal::builder!(@munch $attrs $ty $fv $nd [$($f)* ([] $fv $name: $t)] [$($i)* $name: $default,]
            [$($o)* $(#[$doc])* $name($arg: $t) $(=> $value)?, $getter;] $($rest)*);
    };
    (@munch $attrs:tt $ty:ident $fv:tt $nd:tt [$($f:tt)*] [$($i:tt)*] [$($o:tt)*]
        $(#[$doc:meta])* $name:ident: $t:ty = $default:expr; $($rest:tt)*) => {
        $crate::internal::builder!(@munch $attrs $ty $fv $nd [$($f)* ([$(#[$doc])*] $fv $name: $t)]
            [$($i)* $name: $default,] [$($o)*] $($rest)*);
    };
    (@munch {$($attrs:tt)*} $ty:ident $fv:tt {$($nd:tt)*}
        [$(([$($fdoc:tt)*] [$($fvis:tt)*] $fname:ident: $ft:ty))*] [$($i:tt)*] [$($o:tt)*]) => {
        $($attrs)*
        #[must_use]
        pub struct $ty {
            $($($fdoc)* $($fvis)* $fname: $ft,)*
        }

        impl $ty {
            $($nd)*
            pub fn new() -> Self {
                Self { $($i)* }
            }
            $crate::internal::options! { $($o)* }
        }

        impl Default for $ty {
            fn default() -> Self {
                Self::new()
            }
        }
    };
}

pub(crate) use builder;
pub(crate) use getters;
pub(crate) use options;
pub(crate) use setters;
pub(crate) use switches;

/// The accessors of a signed, weighted record (fields `sign: Sign` and `intensity: f64`,
/// the intensity in `(0, 1]`): `sign()`, `intensity()` and `signed_intensity()`. Relations
/// and the contributions made from them read the same.
macro_rules! sign_intensity {
    () => {
        $crate::internal::getters! {
            /// Amity or enmity.
            sign: $crate::sign::Sign;
            /// The intensity, in `(0, 1]`.
            intensity: f64;
        }
        /// `sign × intensity`.
        #[must_use]
        pub fn signed_intensity(&self) -> f64 {
            self.sign.value() * self.intensity
        }
    };
}

pub(crate) use sign_intensity;

/// The pair `(a, b)` with the smaller identifier first.
pub(crate) fn ordered_pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b { (a, b) } else { (b, a) }
}
