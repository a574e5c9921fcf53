#!/usr/bin/python3
"""Compares best validation accuracy over time: mnist-lab's export against optuna_mlp.py's CSV.

For each tool it prints, as a Markdown table, the best validation accuracy among the trials
that had finished 2, 5 and 10 minutes after the study began, and when the first trial
reaching 0.98 finished. With --curves it also writes both best-so-far curves as CSV.

Clocks. Optuna: seconds since study.optimize began, as optuna_mlp.py writes them. mnist-lab:
seconds since the earliest queued_at or started_at of any trial in the export (in practice
the first trial's queued_at, the moment the study put work in the queue), so the time
mnist-lab spends queueing counts against it.

Which trials count. By default only COMPLETE trials, as both tools' "best value" does.
With --include-pruned a pruned trial counts with its last reported validation accuracy
(Optuna's stored value of a pruned trial; mnist-lab's final_val_accuracy column). Trials
that failed or diverged never count.

Example:
  python3 bench/best_at.py bench/mnist-lab-trials.csv bench/optuna-trials.csv \\
      --curves bench/curves.csv
"""
import argparse
import csv
import datetime
import re
import sys

MARKS_MINUTES = (2, 5, 10)
TARGET = 0.98


def parse_instant(text):
    """Returns (whole seconds since the epoch, fraction) of an ISO-8601 instant.

    Java's Instant.toString() writes up to nine fraction digits, more than datetime takes,
    hence the regex; the fraction stays apart so that differences keep every digit a double
    can hold.
    """
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)",
                     text.strip())
    if not m:
        raise ValueError(f"timestamp must be ISO-8601 with a zone, e.g. "
                         f"2026-01-01T10:00:00.5Z, got '{text}'")
    zone = "+00:00" if m.group(3) == "Z" else m.group(3)
    whole = datetime.datetime.fromisoformat(m.group(1) + zone)
    fraction = float("0." + m.group(2)) if m.group(2) else 0.0
    return int(whole.timestamp()), fraction


def since(start, instant):
    """Returns the seconds from START to INSTANT, both as parse_instant returns them."""
    return (instant[0] - start[0]) + (instant[1] - start[1])


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value else None  # NaN counts as no value


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def require_columns(path, rows, names):
    if rows:
        missing = [n for n in names if n not in rows[0]]
        if missing:
            sys.exit(f"{path} lacks column(s) {', '.join(missing)}; has "
                     f"{', '.join(rows[0].keys())}")


def mnist_lab_trials(path, include_pruned):
    """Returns [(finished seconds since the study began, accuracy)] from an export CSV."""
    rows = read_rows(path)
    require_columns(path, rows, ["state", "queued_at", "started_at", "finished_at"])
    # final_val_accuracy is the last epoch's validation accuracy whatever the study's
    # objective, and it is there for pruned trials too; value is the fallback.
    column = "final_val_accuracy" if not rows or "final_val_accuracy" in rows[0] else "value"
    stamps = [parse_instant(r[c]) for r in rows for c in ("queued_at", "started_at") if r[c]]
    if not stamps:
        return []
    t0 = min(stamps)
    return [(since(t0, parse_instant(r["finished_at"])), number(r[column]))
            for r in rows if counts(r["state"], include_pruned) and r["finished_at"]]


def optuna_trials(path, include_pruned):
    """Returns [(finished seconds since the study began, accuracy)] from optuna_mlp.py's CSV."""
    rows = read_rows(path)
    require_columns(path, rows, ["state", "value", "finished"])
    return [(float(r["finished"]), number(r["value"]))
            for r in rows if counts(r["state"], include_pruned) and r["finished"]]


def counts(state, include_pruned):
    return state == "COMPLETE" or (include_pruned and state == "PRUNED")


def best_by(trials, seconds):
    """Returns the best accuracy among trials finished by SECONDS, or None if there is none."""
    values = [v for t, v in trials if t <= seconds and v is not None]
    return max(values) if values else None


def first_reaching(trials, target):
    """Returns when the first trial with accuracy >= TARGET finished, or None."""
    times = [t for t, v in trials if v is not None and v >= target]
    return min(times) if times else None


def clock(seconds):
    return "never" if seconds is None else f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def cell(value):
    return "-" if value is None else f"{value:.4f}"


def table(results):
    head = (["tool", "trials counted, all"] + [f"best at {m} min" for m in MARKS_MINUTES]
            + [f"first >= {TARGET} (m:ss)"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, trials in results:
        row = ([name, str(len(trials))]
               + [cell(best_by(trials, 60 * m)) for m in MARKS_MINUTES]
               + [clock(first_reaching(trials, TARGET))])
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def verdict(mnist_lab, optuna):
    """Returns one line per mark saying whether mnist-lab's best is at least Optuna's."""
    out = []
    for m in MARKS_MINUTES:
        a, b = best_by(mnist_lab, 60 * m), best_by(optuna, 60 * m)
        # No trial at all is worse than any accuracy, and ties go to mnist-lab (">= Optuna").
        ok = b is None or (a is not None and a >= b)
        out.append(f"- {m} min: mnist-lab {cell(a)} vs Optuna {cell(b)}: "
                   f"{'at least Optuna' if ok else 'BELOW Optuna'}")
    return "\n".join(out)


def write_curves(path, mnist_lab, optuna, step):
    last = max([t for t, _ in mnist_lab + optuna] + [60 * MARKS_MINUTES[-1]])
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["minute", "mnist_lab_best", "optuna_best"])
        ticks = int(last // step) + (1 if last % step else 0)
        for i in range(ticks + 1):
            s = i * step
            bests = [best_by(t, s) for t in (mnist_lab, optuna)]
            out.writerow([f"{s / 60:g}"] + ["" if b is None else f"{b:.4f}" for b in bests])


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mnist_lab_csv", help="CSV from 'mnist-lab export'")
    p.add_argument("optuna_csv", help="CSV from bench/optuna_mlp.py")
    p.add_argument("--include-pruned", action="store_true",
                   help="count pruned trials with their last validation accuracy")
    p.add_argument("--curves", metavar="CSV", help="also write both best-so-far curves here")
    p.add_argument("--step", type=float, default=30.0,
                   help="seconds between points of --curves (default 30)")
    args = p.parse_args(argv)
    if args.step <= 0:
        p.error(f"--step must be > 0, got {args.step}")
    mnist_lab = mnist_lab_trials(args.mnist_lab_csv, args.include_pruned)
    optuna = optuna_trials(args.optuna_csv, args.include_pruned)
    counted = "complete and pruned" if args.include_pruned else "complete"
    print(f"Best validation accuracy among {counted} trials finished by each mark.\n")
    print(table([("mnist-lab", mnist_lab), ("Optuna", optuna)]))
    print()
    print(verdict(mnist_lab, optuna))
    if args.curves:
        write_curves(args.curves, mnist_lab, optuna, args.step)
        print(f"\nwrote {args.curves}")


if __name__ == "__main__":
    main(sys.argv[1:])
