//! The adjusted Rand index of two partitions (Hubert & Arabie 1985).

/// The adjusted Rand index of two labellings of the same items: 1 for identical partitions
/// (up to label names), about 0 for independent ones. `None` when the lengths differ or there
/// are fewer than two items; 1 when both partitions are trivial in the same way.
///
/// Reference: Hubert & Arabie 1985, *Journal of Classification* 2.
///
/// # Complexity
/// O(n + k₁·k₂) for k₁, k₂ labels.
///
/// # Errors
/// None (`None` for mismatched or too-short input).
///
/// # Example
/// ```
/// use rsct::boundary::adjusted_rand_index;
/// assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 2, 2]), Some(1.0));
/// assert!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]).unwrap() < 0.0);
/// ```
#[must_use]
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    let relabel = |v: &[usize]| {
        let mut seen: Vec<usize> = v.to_vec();
        seen.sort_unstable();
        seen.dedup();
        let labels: Vec<usize> = v
            .iter()
            .map(|x| seen.binary_search(x).unwrap_or(0))
            .collect();
        (labels, seen.len())
    };
    let (la, ka) = relabel(a);
    let (lb, kb) = relabel(b);
    let mut table = vec![0u64; ka * kb];
    for (x, y) in la.iter().zip(&lb) {
        table[x * kb + y] += 1;
    }
    let c2 = |n: u64| (n * n.saturating_sub(1) / 2) as f64;
    let index: f64 = table.iter().map(|&n| c2(n)).sum();
    let rows: f64 = (0..ka)
        .map(|i| c2(table[i * kb..(i + 1) * kb].iter().sum()))
        .sum();
    let cols: f64 = (0..kb)
        .map(|j| c2((0..ka).map(|i| table[i * kb + j]).sum()))
        .sum();
    let total = c2(a.len() as u64);
    let expected = rows * cols / total;
    let max = (rows + cols) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return Some(1.0);
    }
    Some((index - expected) / (max - expected))
}
