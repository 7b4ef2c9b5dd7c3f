//! Polarity is a property of the distribution of power, not of its unit of measurement.

use proptest::prelude::*;
use rsct::polarity::{PoleRule, Shares, identify_poles, measures};
use rsct::strategies::capabilities;

proptest! {
    /// **Polarity is scale-invariant** (THEORY §4; Singer, Bremer & Stuckey 1972): CON, HHI
    /// and the poles depend on shares only, so multiplying every capability by a constant
    /// changes nothing.
    #[test]
    fn polarity_is_scale_invariant(caps in capabilities(1..=15), k in 1e-3f64..1e3) {
        let a = Shares::from_values(caps.iter().map(|(u, v)| (u.as_str(), *v))).unwrap();
        let b = Shares::from_values(caps.iter().map(|(u, v)| (u.as_str(), v * k))).unwrap();
        let (ma, mb) = (measures(&a), measures(&b));
        prop_assert!((ma.hhi - mb.hhi).abs() < 1e-9);
        prop_assert!((ma.con.unwrap_or(0.0) - mb.con.unwrap_or(0.0)).abs() < 1e-6);
        let (pa, pb) = (identify_poles(&a, &PoleRule::new()).unwrap(), identify_poles(&b, &PoleRule::new()).unwrap());
        prop_assert_eq!(pa.polarity, pb.polarity);
        prop_assert_eq!(pa.poles.len(), pb.poles.len());
    }
}
