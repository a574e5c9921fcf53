#!/usr/bin/env bash
# Measures how many small-net trials per hour `mnist-lab tune` finishes with one worker and
# with two, and the ratio (the goal on 2 cores: at least 1.7).
#
# Usage: bench/tune_throughput.sh [TIMEOUT [KEEP_DIR]]
#   TIMEOUT   how long each run may start trials, in tune's --timeout format (default 5m);
#             a number with s, m or h
#   KEEP_DIR  a directory to copy both exports into (default: they are deleted)
#
# Each run is its own study in a throwaway SQLite file, random sampler, no pruner, the same
# seed, on bench/small-mlp.yaml. Only trials that finished COMPLETE within TIMEOUT of the
# run's first queued (or started) trial count, so the trials still running when the time is
# up do not make the run with more workers look better or worse. Nothing else should run
# on the machine meanwhile.
set -euo pipefail

timeout="${1:-5m}"
keep="${2:-}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
space="$root/bench/small-mlp.yaml"

if ! [[ "$timeout" =~ ^0*[1-9][0-9]*[smh]$ ]]; then
  echo "timeout must be a whole number > 0 with s, m or h (e.g. 5m), got '$timeout'" >&2
  exit 2
fi
count="$((10#${timeout%?}))"
case "$timeout" in
  *s) seconds="$count" ;;
  *m) seconds=$((count * 60)) ;;
  *h) seconds=$((count * 3600)) ;;
esac
if [ -n "$keep" ] && [ ! -d "$keep" ]; then
  echo "keep directory does not exist: $keep" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
storage="sqlite:$work/throughput.db"

cd "$root"
for workers in 1 2; do
  study="throughput-p$workers"
  echo "== $study: --parallel $workers for $timeout" >&2
  # --trials high enough that the timeout, not the trial count, ends the run: with the
  # default 100 both runs finished every trial within 4 minutes and the ratio read 1.00.
  ./mnist-lab tune --space "$space" --sampler random --pruner none --timeout "$timeout" \
    --trials 100000 --parallel "$workers" --seed 1 --study "$study" --storage "$storage"
  ./mnist-lab export --study "$study" --storage "$storage" --out "$work/$study.csv"
  if [ -n "$keep" ]; then
    cp "$work/$study.csv" "$keep/"
  fi
done

# Counting reads the export with best_at.py's own CSV and timestamp handling.
/usr/bin/env python3 - "$root/bench" "$seconds" "$work/throughput-p1.csv" \
  "$work/throughput-p2.csv" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from best_at import parse_instant, read_rows, since

window = float(sys.argv[2])
rates = []
for workers, path in ((1, sys.argv[3]), (2, sys.argv[4])):
    rows = read_rows(path)
    stamps = [parse_instant(r[c]) for r in rows for c in ("queued_at", "started_at") if r[c]]
    if not stamps:
        sys.exit(f"{path}: no trial was queued or started")
    t0 = min(stamps)
    done, others = 0, {}
    for r in rows:
        in_time = bool(r["finished_at"]) and since(t0, parse_instant(r["finished_at"])) <= window
        if r["state"] == "COMPLETE" and in_time:
            done += 1
        else:
            kind = r["state"] + ("" if in_time or not r["finished_at"] else " after the window")
            others[kind] = others.get(kind, 0) + 1
    rate = done * 3600 / window
    rates.append(rate)
    rest = ", ".join(f"{n} {s}" for s, n in sorted(others.items())) or "none"
    print(f"--parallel {workers}: {done} trials complete within {window:.0f} s = "
          f"{rate:.1f} trials/hour (other rows: {rest})")
if rates[0] == 0:
    sys.exit("no trial completed with one worker: cannot compute the ratio")
ratio = rates[1] / rates[0]
print(f"ratio (2 workers / 1 worker): {ratio:.2f} (goal >= 1.7: "
      f"{'met' if ratio >= 1.7 else 'NOT met'})")
PY
