#!/usr/bin/env bash
# Side by side on this machine: rsct's exact frustration index (`rsct frustration`) and
# the HiGHS binary program of shared/anchors/frustration_highs.py, on the same files.
# Prints a Markdown table per file and the totals; figures go to BENCHMARKS.md.
#
#   bench/benches/frustration_vs_highs.sh            # tribes + 51 COW windows, avatar, congress, cloister
#   HIGHS_BIG=1 bench/benches/frustration_vs_highs.sh  # + bitcoinalpha for HiGHS (10-minute cap)
#
# Needs ../shared and the anchors' Python environment (../shared/anchors/README.md):
#   python3 -m venv ~/.cache/anchors-venv && ~/.cache/anchors-venv/bin/pip install scipy highspy numpy
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
PY=${PY:-$HOME/.cache/anchors-venv/bin/python}
OUT=${OUT:-target/frustration_vs_highs}
mkdir -p "$OUT"
if [ ! -d "$SHARED/data/signed" ]; then
  echo "notice: $SHARED/data/signed is absent; nothing to compare" >&2
  exit 0
fi
cargo build --release -p rsct-cli >&2
S="$SHARED/data/signed"
small=("$S/gahuku_gama_tribes.csv" "$S"/cow_doreian_mrvar/*.csv)
mid=("$S/avatar.csv" "$S/congress.csv" "$S/cloister.csv")
big=("$S/bitcoinalpha.csv")

./target/release/rsct frustration "${small[@]}" "${mid[@]}" "${big[@]}" --format json --summary \
  --time-limit 60 > "$OUT/rsct.jsonl"
"$PY" "$SHARED/anchors/frustration_highs.py" "${small[@]}" > "$OUT/highs_small.txt"
"$PY" "$SHARED/anchors/frustration_highs.py" "${mid[@]}" > "$OUT/highs_mid.txt"
if [ -n "${HIGHS_BIG:-}" ]; then
  timeout 600 "$PY" "$SHARED/anchors/frustration_highs.py" "${big[@]}" > "$OUT/highs_big.txt" || echo "bitcoinalpha.csv - - - >600 timeout" > "$OUT/highs_big.txt"
fi

python3 - "$OUT" <<'EOF'
import json, sys, os
out = sys.argv[1]
rs = [json.loads(l) for l in open(os.path.join(out, 'rsct.jsonl'))]
for o in rs:
    o['file'] = os.path.basename(o['file'])
hi = {}
for name in ('highs_small.txt', 'highs_mid.txt', 'highs_big.txt'):
    p = os.path.join(out, name)
    if os.path.exists(p):
        for l in open(p):
            f = l.split()
            if len(f) >= 5 and f[0] != 'TOTAL':
                hi[f[0]] = (f[3], f[4])
print('| file | n | m | L rsct | proven | rsct s | L HiGHS | HiGHS s | agree |')
print('|---|---|---|---|---|---|---|---|---|')
tot_r = tot_h = 0.0
group = 0
for o in rs:
    h = hi.get(o['file'], ('-', '-'))
    agree = 'yes' if h[0] != '-' and float(h[0]) == o['L'] else ('n/a' if h[0] in '-' else 'NO')
    print(f"| {o['file']} | {o['nodes']} | {o['ties']} | {o['L']:g} | {o['optimal']} | {o['seconds']:.3f} | {h[0]} | {h[1]} | {agree} |")
    if o['file'].startswith(('cow_', 'gahuku')):
        tot_r += o['seconds']
        tot_h += float(h[1]) if h[1] != '-' else 0.0
print()
print(f"tribes + 51 COW windows: rsct {tot_r:.3f} s, HiGHS {tot_h:.3f} s, ratio {tot_h / max(tot_r, 1e-9):.1f}x")
EOF
