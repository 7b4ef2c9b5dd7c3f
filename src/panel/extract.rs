//! The world from a compact extract ([`crate::io::cow::read_extract`]).

use super::World;
use crate::io::cow::Extract;

impl From<Extract> for World {
    /// The world of an extract's parts: the same as reading the source files the extract was
    /// written from, restricted to its years.
    fn from(x: Extract) -> Self {
        let mut w = World::new();
        if let Some(s) = x.states {
            w = w.with_states(s);
        }
        if let Some(a) = x.alliances {
            w = w.with_alliances(a);
        }
        if let Some((d, source)) = x.disputes {
            w = w.with_disputes(d, source);
        }
        if let Some(r) = x.rivalries {
            w = w.with_rivalries(r);
        }
        if let Some(c) = x.contiguity {
            w = w.with_contiguity(c);
        }
        if let Some(n) = x.capabilities {
            w = w.with_capabilities(n);
        }
        w
    }
}
