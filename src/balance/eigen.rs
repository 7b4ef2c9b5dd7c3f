//! Dense symmetric eigen-decomposition: Householder tridiagonalisation followed by the
//! implicit QL algorithm with Wilkinson shifts (the EISPACK routines `tred2` and `tql2`,
//! as in the public-domain JAMA library). Backward stable: every computed eigenvalue is
//! within a small multiple of `n · ε · ‖A‖₂` of an exact one (Wilkinson 1965; Golub & Van
//! Loan, *Matrix Computations*, §8.3).

/// Eigenvalues in ascending order and, if asked for, the matching orthonormal eigenvectors
/// as the columns of a row-major `n × n` matrix. `Err(iterations)` if the QL iteration did
/// not converge within 60 sweeps for some eigenvalue (never seen in practice).
pub(crate) fn symmetric_eigen(
    a: &[f64],
    n: usize,
    vectors: bool,
) -> Result<(Vec<f64>, Option<Vec<f64>>), usize> {
    if n == 0 {
        return Ok((Vec::new(), vectors.then(Vec::new)));
    }
    let mut v = a.to_vec();
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n];
    tred2(&mut v, &mut d, &mut e, n, vectors);
    tql2(&mut v, &mut d, &mut e, n, if vectors { n } else { 0 })?;
    // Sort ascending (insertion by selection, stable enough for n ≤ a few thousand).
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&i, &j| d[i].total_cmp(&d[j]));
    let values: Vec<f64> = idx.iter().map(|&i| d[i]).collect();
    let vecs = vectors.then(|| {
        let mut out = vec![0.0; n * n];
        for (col, &i) in idx.iter().enumerate() {
            for r in 0..n {
                out[r * n + col] = v[r * n + i];
            }
        }
        out
    });
    Ok((values, vecs))
}

/// Eigenvalues of the symmetric tridiagonal matrix with diagonal `diag` and off-diagonal
/// `off` (`off[i]` couples `i` and `i + 1`; `off.len() + 1 == diag.len()`), in ascending
/// order, and the rows `rows` of the matching eigenvector matrix: `out[r][j]` is entry
/// `rows[r]` of the `j`-th eigenvector. Only the requested rows are rotated, so the cost is
/// `O(k² · (1 + rows.len()))` for a `k × k` matrix. `Err(iterations)` as for
/// [`symmetric_eigen`].
pub(crate) fn tridiagonal_eigen(
    diag: &[f64],
    off: &[f64],
    rows: &[usize],
) -> Result<(Vec<f64>, Vec<Vec<f64>>), usize> {
    let n = diag.len();
    if n == 0 {
        return Ok((Vec::new(), vec![Vec::new(); rows.len()]));
    }
    let mut d = diag.to_vec();
    // tql2 expects the off-diagonal shifted by one (e[i] couples i − 1 and i).
    let mut e = vec![0.0; n];
    e[1..n].copy_from_slice(&off[..n - 1]);
    let r = rows.len();
    let mut v = vec![0.0; r * n];
    for (k, &row) in rows.iter().enumerate() {
        v[k * n + row] = 1.0;
    }
    tql2(&mut v, &mut d, &mut e, n, r)?;
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&i, &j| d[i].total_cmp(&d[j]));
    let values = idx.iter().map(|&i| d[i]).collect();
    let out = (0..r)
        .map(|k| idx.iter().map(|&i| v[k * n + i]).collect())
        .collect();
    Ok((values, out))
}

/// Householder reduction to tridiagonal form; accumulates the transformations into `v`
/// only if `vectors` (the accumulation is as costly as the reduction).
#[allow(clippy::many_single_char_names)]
fn tred2(v: &mut [f64], d: &mut [f64], e: &mut [f64], n: usize, vectors: bool) {
    let at = |i: usize, j: usize| i * n + j;
    for j in 0..n {
        d[j] = v[at(n - 1, j)];
    }
    for i in (1..n).rev() {
        let mut scale = 0.0;
        let mut h = 0.0;
        for &x in &d[..i] {
            scale += f64::abs(x);
        }
        if scale == 0.0 {
            e[i] = d[i - 1];
            for j in 0..i {
                d[j] = v[at(i - 1, j)];
                v[at(i, j)] = 0.0;
                v[at(j, i)] = 0.0;
            }
        } else {
            for x in &mut d[..i] {
                *x /= scale;
                h += *x * *x;
            }
            let mut f = d[i - 1];
            let mut g = h.sqrt();
            if f > 0.0 {
                g = -g;
            }
            e[i] = scale * g;
            h -= f * g;
            d[i - 1] = f - g;
            for x in &mut e[..i] {
                *x = 0.0;
            }
            for j in 0..i {
                f = d[j];
                v[at(j, i)] = f;
                g = e[j] + v[at(j, j)] * f;
                for k in j + 1..i {
                    g += v[at(k, j)] * d[k];
                    e[k] += v[at(k, j)] * f;
                }
                e[j] = g;
            }
            f = 0.0;
            for j in 0..i {
                e[j] /= h;
                f += e[j] * d[j];
            }
            let hh = f / (h + h);
            for j in 0..i {
                e[j] -= hh * d[j];
            }
            for j in 0..i {
                f = d[j];
                g = e[j];
                for k in j..i {
                    v[at(k, j)] -= f * e[k] + g * d[k];
                }
                d[j] = v[at(i - 1, j)];
                v[at(i, j)] = 0.0;
            }
        }
        d[i] = h;
    }
    if !vectors {
        // The diagonal of the tridiagonal matrix is left on the diagonal of `v`.
        for j in 0..n {
            d[j] = v[at(j, j)];
        }
        e[0] = 0.0;
        return;
    }
    for i in 0..n - 1 {
        v[at(n - 1, i)] = v[at(i, i)];
        v[at(i, i)] = 1.0;
        let h = d[i + 1];
        if h != 0.0 {
            for k in 0..=i {
                d[k] = v[at(k, i + 1)] / h;
            }
            for j in 0..=i {
                let mut g = 0.0;
                for k in 0..=i {
                    g += v[at(k, i + 1)] * v[at(k, j)];
                }
                for k in 0..=i {
                    v[at(k, j)] -= g * d[k];
                }
            }
        }
        for k in 0..=i {
            v[at(k, i + 1)] = 0.0;
        }
    }
    for j in 0..n {
        d[j] = v[at(n - 1, j)];
        v[at(n - 1, j)] = 0.0;
    }
    v[at(n - 1, n - 1)] = 1.0;
    e[0] = 0.0;
}

/// Implicit QL with Wilkinson shifts on the tridiagonal matrix (`d`, `e`); rotates the first
/// `rows` rows of the row-major `rows × n` matrix `v` along (all of `v` for the eigenvectors
/// of a reduction, none for eigenvalues only).
#[allow(clippy::many_single_char_names)]
fn tql2(v: &mut [f64], d: &mut [f64], e: &mut [f64], n: usize, rows: usize) -> Result<(), usize> {
    let at = |i: usize, j: usize| i * n + j;
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    let mut f = 0.0;
    let mut tst1: f64 = 0.0;
    let eps = f64::EPSILON;
    for l in 0..n {
        tst1 = tst1.max(d[l].abs() + e[l].abs());
        let mut m = l;
        while m < n - 1 && e[m].abs() > eps * tst1 {
            m += 1;
        }
        if m > l {
            let mut iter = 0;
            loop {
                iter += 1;
                if iter > 60 {
                    return Err(iter);
                }
                let mut g = d[l];
                let mut p = (d[l + 1] - g) / (2.0 * e[l]);
                let mut r = p.hypot(1.0);
                if p < 0.0 {
                    r = -r;
                }
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                let dl1 = d[l + 1];
                let mut h = g - d[l];
                for x in &mut d[l + 2..n] {
                    *x -= h;
                }
                f += h;
                p = d[m];
                let mut c = 1.0;
                let mut c2 = c;
                let mut c3 = c;
                let el1 = e[l + 1];
                let mut s = 0.0;
                let mut s2 = 0.0;
                for i in (l..m).rev() {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = p.hypot(e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    for k in 0..rows {
                        h = v[at(k, i + 1)];
                        v[at(k, i + 1)] = s * v[at(k, i)] + c * h;
                        v[at(k, i)] = c * v[at(k, i)] - s * h;
                    }
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if e[l].abs() <= eps * tst1 {
                    break;
                }
            }
        }
        d[l] += f;
        e[l] = 0.0;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_known_spectra() {
        // Path on 3 nodes: eigenvalues -sqrt2, 0, sqrt2.
        let a = [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0];
        let (d, v) = symmetric_eigen(&a, 3, true).unwrap();
        let s = 2f64.sqrt();
        for (x, y) in d.iter().zip([-s, 0.0, s]) {
            assert!((x - y).abs() < 1e-12, "{d:?}");
        }
        // A v = λ v for every pair.
        let v = v.unwrap();
        for c in 0..3 {
            for r in 0..3 {
                let av: f64 = (0..3).map(|k| a[r * 3 + k] * v[k * 3 + c]).sum();
                assert!((av - d[c] * v[r * 3 + c]).abs() < 1e-12);
            }
        }
        // Diagonal and 1×1.
        let (d, _) = symmetric_eigen(&[3.0, 0.0, 0.0, -2.0], 2, false).unwrap();
        assert_eq!(d, vec![-2.0, 3.0]);
        let (d, _) = symmetric_eigen(&[5.0], 1, true).unwrap();
        assert_eq!(d, vec![5.0]);
    }

    #[test]
    fn trace_and_frobenius_preserved() {
        // A pseudo-random symmetric matrix: sum λ = trace, sum λ² = ‖A‖_F².
        let n = 40;
        let mut a = vec![0.0; n * n];
        let mut x: u64 = 7;
        for i in 0..n {
            for j in i..n {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let val = ((x >> 33) as f64 / (1u64 << 31) as f64) - 0.5;
                a[i * n + j] = val;
                a[j * n + i] = val;
            }
        }
        let (d, _) = symmetric_eigen(&a, n, false).unwrap();
        let tr: f64 = (0..n).map(|i| a[i * n + i]).sum();
        let fro: f64 = a.iter().map(|x| x * x).sum();
        assert!((d.iter().sum::<f64>() - tr).abs() < 1e-10);
        assert!((d.iter().map(|x| x * x).sum::<f64>() - fro).abs() < 1e-10);
        assert!(d.windows(2).all(|w| w[0] <= w[1]));
    }
}
