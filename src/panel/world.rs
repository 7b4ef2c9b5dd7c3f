//! `World`: the loaded COW-family data, a source of data sets.

use super::PanelError;
use super::rules::{Conflict, Labels, PactWeight, WorldRules};
use crate::internal::hash::FxHashMap;
use crate::io::ReadError;
use crate::io::cow::{
    self, AllianceYears, Ccode, ContiguityYears, DataSource, Dispute, DisputeYears, Nmc,
    Obligation, Obligations, Rivalry, StateSystem, sources,
};
use crate::period::Year;
use crate::sign::Sign;
use std::path::Path;

/// The COW-family data of the world: any of the state system, ATOP alliances, MID disputes,
/// strategic rivalries, Direct Contiguity and NMC capabilities, with the sources to cite.
///
/// Build it from files with [`World::load`], or from readers' results with the `with_*`
/// methods. Then [`World::dataset`] gives the [`crate::Dataset`] of a span of years (whose
/// [`crate::snapshot()`] is the security graph of a year, [`World::security_graph`]), and
/// [`World::panel`] streams the yearly rows of analyses over those snapshots.
#[derive(Debug, Clone, Default)]
pub struct World {
    states: Option<StateSystem>,
    alliances: Option<AllianceYears>,
    disputes: Option<(DisputeYears, DataSource)>,
    rivalries: Option<Vec<Rivalry>>,
    contiguity: Option<ContiguityYears>,
    nmc: Option<Nmc>,
}

impl World {
    /// An empty world.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads every file of the COW family found in `dir` under its usual name (see
    /// [`cow::sources`]): `states2016.csv` first (then every other file's codes must be in
    /// it), `atop5.1_directed_dyad_year.csv.gz`, `mid5_dyadic_disputes.csv` (or, when it is
    /// absent, `dyadic_mid_4.02.csv`), `strategic_rivalries_tss.csv` (whose codes are not
    /// checked: the rivalries reach back to 1494 and name polities outside the COW list),
    /// `contdird.csv` and `NMC-60-abridged.csv`. Absent files are skipped. A file's name may
    /// also end in `.gz`.
    ///
    /// # Errors
    /// The first [`ReadError`] of a file that is present.
    pub fn load(dir: impl AsRef<Path>) -> Result<Self, ReadError> {
        let dir = dir.as_ref();
        let find = |s: &DataSource| {
            let p = dir.join(s.file);
            if p.exists() {
                return Some(p);
            }
            let gz = dir.join(format!("{}.gz", s.file));
            gz.exists().then_some(gz)
        };
        let mut w = World::new();
        if let Some(p) = find(&sources::STATES) {
            w.states = Some(cow::read_states(p)?);
        }
        let st = w.states.as_ref();
        let atop = find(&sources::ATOP)
            .map(|p| cow::read_atop(p, st))
            .transpose()?;
        let disputes = if let Some(p) = find(&sources::MID5) {
            Some((cow::read_mid5(p, st)?, sources::MID5))
        } else if let Some(p) = find(&sources::MID4) {
            Some((cow::read_mid4(p, st)?, sources::MID4))
        } else {
            None
        };
        // Rivalries reach back to 1494 and name polities outside the COW list (e.g. 324):
        // their codes are not checked against it.
        let rivalries = find(&sources::RIVALRIES)
            .map(|p| cow::read_rivalries(p, None))
            .transpose()?;
        let contiguity = find(&sources::CONTIGUITY)
            .map(|p| cow::read_contiguity(p, st))
            .transpose()?;
        let nmc = find(&sources::NMC)
            .map(|p| cow::read_nmc(p, st))
            .transpose()?;
        w.alliances = atop;
        w.disputes = disputes;
        w.rivalries = rivalries;
        w.contiguity = contiguity;
        w.nmc = nmc;
        Ok(w)
    }

    /// With the state system (labels, members per year).
    #[must_use]
    pub fn with_states(mut self, states: StateSystem) -> Self {
        self.states = Some(states);
        self
    }
    /// With ATOP alliances.
    #[must_use]
    pub fn with_alliances(mut self, alliances: AllianceYears) -> Self {
        self.alliances = Some(alliances);
        self
    }
    /// With MID disputes read from `source` ([`sources::MID5`] or [`sources::MID4`]).
    #[must_use]
    pub fn with_disputes(mut self, disputes: DisputeYears, source: DataSource) -> Self {
        self.disputes = Some((disputes, source));
        self
    }
    /// With strategic rivalries.
    #[must_use]
    pub fn with_rivalries(mut self, rivalries: Vec<Rivalry>) -> Self {
        self.rivalries = Some(rivalries);
        self
    }
    /// With Direct Contiguity.
    #[must_use]
    pub fn with_contiguity(mut self, contiguity: ContiguityYears) -> Self {
        self.contiguity = Some(contiguity);
        self
    }
    /// With NMC capabilities.
    #[must_use]
    pub fn with_capabilities(mut self, nmc: Nmc) -> Self {
        self.nmc = Some(nmc);
        self
    }

    /// The state system, if loaded.
    #[must_use]
    pub fn states(&self) -> Option<&StateSystem> {
        self.states.as_ref()
    }
    /// The alliances, if loaded.
    #[must_use]
    pub fn alliances(&self) -> Option<&AllianceYears> {
        self.alliances.as_ref()
    }
    /// The disputes, if loaded.
    #[must_use]
    pub fn disputes(&self) -> Option<&DisputeYears> {
        self.disputes.as_ref().map(|d| &d.0)
    }
    /// The rivalries, if loaded.
    #[must_use]
    pub fn rivalries(&self) -> Option<&[Rivalry]> {
        self.rivalries.as_deref()
    }
    /// The contiguity, if loaded.
    #[must_use]
    pub fn contiguity(&self) -> Option<&ContiguityYears> {
        self.contiguity.as_ref()
    }
    /// The capabilities, if loaded.
    #[must_use]
    pub fn capabilities(&self) -> Option<&Nmc> {
        self.nmc.as_ref()
    }

    /// The data sets loaded, to cite wherever results computed from them are shown.
    #[must_use]
    pub fn sources(&self) -> Vec<DataSource> {
        let mut v = Vec::new();
        if self.states.is_some() {
            v.push(sources::STATES);
        }
        if self.alliances.is_some() {
            v.push(sources::ATOP);
        }
        if let Some((_, s)) = &self.disputes {
            v.push(*s);
        }
        if self.rivalries.is_some() {
            v.push(sources::RIVALRIES);
        }
        if self.contiguity.is_some() {
            v.push(sources::CONTIGUITY);
        }
        if self.nmc.is_some() {
            v.push(sources::NMC);
        }
        v
    }

    /// The label of a unit under `labels`.
    #[must_use]
    pub fn label(&self, ccode: Ccode, labels: Labels) -> String {
        match (
            labels,
            self.states.as_ref().and_then(|s| s.abbreviation(ccode)),
        ) {
            (Labels::Abbreviation, Some(a)) => a.to_owned(),
            _ => ccode.to_string(),
        }
    }

    pub(crate) fn check_needs(&self, rules: &WorldRules) -> Result<(), PanelError> {
        if rules.is_members_only() && self.states.is_none() {
            return Err(PanelError::NeedsStates {
                rule: "members_only",
            });
        }
        Ok(())
    }

    /// The signed ties of `year` as `(a, b, tie)` with `a < b`, sorted, in `scratch.ties`;
    /// returns the counts of contested and dropped dyads. Units are COW codes.
    pub(crate) fn ties_of_year(
        &self,
        year: Year,
        rules: &WorldRules,
        scratch: &mut Scratch,
    ) -> (usize, usize) {
        let cands = &mut scratch.candidates;
        cands.clear();
        if let Some(al) = &self.alliances {
            cands.extend(al.in_year(year).iter().filter_map(|r| {
                rules.amity_intensity(r.value()).map(|_| Candidate {
                    a: r.a(),
                    b: r.b(),
                    what: What::Alliance(r.value()),
                })
            }));
        }
        if let Some((d, _)) = &self.disputes {
            cands.extend(d.in_year(year).iter().filter_map(|r| {
                rules
                    .enmity_intensity(r.value().hostility())
                    .map(|_| Candidate {
                        a: r.a(),
                        b: r.b(),
                        what: What::Dispute(r.value()),
                    })
            }));
        }
        if let (Some(rv), Some(_)) = (&self.rivalries, rules.get_rivalry_intensity()) {
            cands.extend(rv.iter().filter(|r| r.active_in(year)).map(|r| Candidate {
                a: r.a(),
                b: r.b(),
                what: What::Rivalry(r.id()),
            }));
        }
        // The alliance and dispute runs are each sorted: the stable sort merges them.
        cands.sort_by_key(|c| (c.a, c.b));
        let states = self.states.as_ref();
        let member = |c: Ccode| states.is_none_or(|s| s.is_member(c, year));
        // The partners a pact's weight is shared over: 1 per commitment, c when capped.
        let cap = match rules.get_pact_weight() {
            PactWeight::PerCommitment => Some(1.0),
            PactWeight::Capped(c) => Some(f64::from(c)),
            _ => None,
        };
        let shared = cap.map(|c| (c, SharedPartners::of(cands)));
        let ties = &mut scratch.ties;
        ties.clear();
        let (mut contested, mut dropped) = (0, 0);
        let mut i = 0;
        while i < cands.len() {
            let (a, b) = (cands[i].a, cands[i].b);
            let mut tie = YearTie {
                a,
                b,
                sign: Sign::Amity,
                intensity: 0.0,
                alliance: None,
                dispute: None,
                rivalry: None,
            };
            while i < cands.len() && (cands[i].a, cands[i].b) == (a, b) {
                match cands[i].what {
                    What::Alliance(o) => {
                        tie.alliance = Some(tie.alliance.unwrap_or_default().union(o));
                    }
                    What::Dispute(d) => tie.dispute = Some(d),
                    What::Rivalry(r) => tie.rivalry = Some(tie.rivalry.unwrap_or(r).min(r)),
                }
                i += 1;
            }
            if rules.is_members_only() && !(member(a) && member(b)) {
                dropped += 1;
                continue;
            }
            let amity = tie.alliance.and_then(|o| match &shared {
                None => rules.amity_intensity(o),
                Some((c, s)) => o
                    .iter()
                    .filter_map(|ob| {
                        rules
                            .get_atop_intensity(ob)
                            .map(|w| w * (c / (1.0 + f64::from(s.shared(ob, a, b)))).min(1.0))
                    })
                    .reduce(f64::max),
            });
            let enmity = [
                tie.dispute
                    .and_then(|d| rules.enmity_intensity(d.hostility())),
                tie.rivalry.and(rules.get_rivalry_intensity()),
            ]
            .into_iter()
            .flatten()
            .reduce(f64::max);
            let (sign, intensity) = match (amity, enmity) {
                (Some(x), None) => (Sign::Amity, x),
                (None, Some(y)) => (Sign::Enmity, y),
                (Some(x), Some(y)) => {
                    contested += 1;
                    match rules.get_conflict() {
                        Conflict::Alliance => (Sign::Amity, x),
                        Conflict::Neither => continue,
                        _ => (Sign::Enmity, y),
                    }
                }
                (None, None) => continue,
            };
            tie.sign = sign;
            tie.intensity = intensity;
            ties.push(tie);
        }
        (contested, dropped)
    }

    /// The units of `year` under `rules`: the system members (when a state list is loaded;
    /// with members only, just them) and every unit with a tie, ascending, in
    /// `scratch.units`. Needs [`World::ties_of_year`] first.
    pub(crate) fn units_of_year(&self, year: Year, scratch: &mut Scratch) {
        let units = &mut scratch.units;
        units.clear();
        if let Some(s) = &self.states {
            units.extend(s.members(year));
        }
        units.extend(scratch.ties.iter().flat_map(|t| [t.a, t.b]));
        units.sort_unstable();
        units.dedup();
    }
}

#[derive(Clone, Copy)]
enum What {
    Alliance(Obligations),
    Dispute(Dispute),
    Rivalry(u32),
}

#[derive(Clone, Copy)]
pub(crate) struct Candidate {
    a: Ccode,
    b: Ccode,
    what: What,
}

/// The allies of each state in one year, per obligation, as bit rows: how many partners
/// two states share under an obligation ([`PactWeight::PerCommitment`]).
struct SharedPartners {
    index: FxHashMap<Ccode, usize>,
    words: usize,
    rows: [Vec<u64>; 5],
}

impl SharedPartners {
    /// From the year's candidates (the alliance ones count).
    fn of(cands: &[Candidate]) -> Self {
        let mut codes: Vec<Ccode> = cands
            .iter()
            .filter(|c| matches!(c.what, What::Alliance(_)))
            .flat_map(|c| [c.a, c.b])
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let index: FxHashMap<Ccode, usize> =
            codes.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        let words = codes.len().div_ceil(64);
        let mut rows: [Vec<u64>; 5] = std::array::from_fn(|_| vec![0; codes.len() * words]);
        for c in cands {
            let What::Alliance(obligations) = c.what else {
                continue;
            };
            let (i, j) = (index[&c.a], index[&c.b]);
            for o in obligations.iter() {
                let row = &mut rows[o as usize];
                row[i * words + j / 64] |= 1 << (j % 64);
                row[j * words + i / 64] |= 1 << (i % 64);
            }
        }
        Self { index, words, rows }
    }

    /// The number of states allied to both `a` and `b` under obligation `o`.
    fn shared(&self, o: Obligation, a: Ccode, b: Ccode) -> u32 {
        let (Some(&i), Some(&j)) = (self.index.get(&a), self.index.get(&b)) else {
            return 0;
        };
        let row = &self.rows[o as usize];
        let w = self.words;
        row[i * w..(i + 1) * w]
            .iter()
            .zip(&row[j * w..(j + 1) * w])
            .map(|(x, y)| (x & y).count_ones())
            .sum()
    }
}

/// Buffers reused from year to year.
#[derive(Default)]
pub(crate) struct Scratch {
    candidates: Vec<Candidate>,
    pub(crate) ties: Vec<YearTie>,
    pub(crate) units: Vec<Ccode>,
}

/// One signed tie of a year with what it comes from: the alliance obligations, the most
/// hostile dispute and the rivalry behind it (any of them may be absent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YearTie {
    pub(crate) a: Ccode,
    pub(crate) b: Ccode,
    pub(crate) sign: Sign,
    pub(crate) intensity: f64,
    pub(crate) alliance: Option<Obligations>,
    pub(crate) dispute: Option<Dispute>,
    pub(crate) rivalry: Option<u32>,
}

impl YearTie {
    /// Whether the dyad-year had both amity and enmity (resolved by [`Conflict`]).
    pub(crate) fn is_contested(&self) -> bool {
        self.alliance.is_some() && (self.dispute.is_some() || self.rivalry.is_some())
    }
}
