#!/usr/bin/python3
"""Sums up the mnist-lab against Optuna benchmark over several seeds, paired by seed.

Reads DIR/mnist-lab-trials-S.csv and DIR/optuna-trials-S.csv for every seed S that has
both files, takes each tool's best validation accuracy of complete trials finished by 2, 5
and 10 minutes (as best_at.py does), and prints, as Markdown:

- one row per seed with both tools' bests and mnist-lab's minus Optuna's;
- per mark: the means, in how many seeds mnist-lab's best was at least Optuna's, the mean
  of the paired differences with a 95% interval (Student's t over the seeds), and a
  two-sided sign test of "neither tool is ahead more often";
- the standard error of a single validation accuracy near the bests, sqrt(p (1 - p) / n),
  as a yardstick for what a difference between two networks can mean.

A seed where a tool has no complete trial by a mark counts that tool's best as missing;
the seed then has no difference at that mark.

Examples:
  python3 bench/seeds.py bench/results
  python3 bench/seeds.py bench/results/lag2 --optuna bench/results
"""
import argparse
import math
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from best_at import MARKS_MINUTES, best_by, cell, mnist_lab_trials, optuna_trials  # noqa: E402

# Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom; beyond, 1.96 is
# within 0.1 of them and the intervals here are read to two digits.
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
       2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
       2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def seeds_in(directory, optuna_directory):
    """Returns the seeds S with both mnist-lab-trials-S.csv and optuna-trials-S.csv."""
    names = set(os.listdir(directory))
    optuna_names = set(os.listdir(optuna_directory))
    found = []
    for name in names:
        m = re.fullmatch(r"mnist-lab-trials-(\d+)\.csv", name)
        if m and f"optuna-trials-{m.group(1)}.csv" in optuna_names:
            found.append(int(m.group(1)))
    return sorted(found)


def t95(df):
    return T95[df - 1] if df <= len(T95) else 1.96


def sign_test(wins, losses):
    """Returns the two-sided p-value of WINS against LOSSES under a fair coin (ties left out)."""
    n = wins + losses
    if n == 0:
        return 1.0
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def signed(value):
    return "-" if value is None else f"{value:+.4f}"


def summary(bests):
    """BESTS maps seed -> {mark: (mnist-lab best, Optuna best)}; returns Markdown lines."""
    lines = ["| seed | " + " | ".join(f"{m} min: mnist-lab / Optuna (diff)"
                                      for m in MARKS_MINUTES) + " |",
             "|---|" + "---|" * len(MARKS_MINUTES)]
    for seed in sorted(bests):
        cells = []
        for m in MARKS_MINUTES:
            a, b = bests[seed][m]
            diff = a - b if a is not None and b is not None else None
            cells.append(f"{cell(a)} / {cell(b)} ({signed(diff)})")
        lines.append(f"| {seed} | " + " | ".join(cells) + " |")
    lines += ["", "| mark | seeds | mean mnist-lab | mean Optuna | mnist-lab >= Optuna "
                  "| mean difference, 95% interval | sign test p |",
              "|---|---|---|---|---|---|---|"]
    for m in MARKS_MINUTES:
        pairs = [bests[s][m] for s in bests
                 if bests[s][m][0] is not None and bests[s][m][1] is not None]
        if not pairs:
            lines.append(f"| {m} min | 0 | - | - | - | - | - |")
            continue
        diffs = [a - b for a, b in pairs]
        at_least = sum(d >= 0 for d in diffs)
        wins, losses = sum(d > 0 for d in diffs), sum(d < 0 for d in diffs)
        mean = statistics.fmean(diffs)
        if len(diffs) > 1:
            half = t95(len(diffs) - 1) * statistics.stdev(diffs) / math.sqrt(len(diffs))
            interval = f"{mean:+.4f} ({mean - half:+.4f} to {mean + half:+.4f})"
        else:
            interval = f"{mean:+.4f}"
        lines.append(f"| {m} min | {len(pairs)} | {statistics.fmean(a for a, _ in pairs):.4f} "
                     f"| {statistics.fmean(b for _, b in pairs):.4f} "
                     f"| {at_least} of {len(pairs)} | {interval} "
                     f"| {sign_test(wins, losses):.2f} |")
    return lines


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("directory", help="folder with mnist-lab-trials-S.csv and optuna-trials-S.csv")
    p.add_argument("--optuna", metavar="DIR2",
                   help="take optuna-trials-S.csv from this folder instead (to compare a "
                        "variant's mnist-lab runs with the same Optuna runs)")
    p.add_argument("--val-size", type=int, default=5000,
                   help="validation images each accuracy is measured on (default 5000)")
    args = p.parse_args(argv)
    if args.val_size <= 0:
        p.error(f"--val-size must be > 0, got {args.val_size}")
    if not os.path.isdir(args.directory):
        p.error(f"no such folder: {args.directory}")
    optuna_directory = args.optuna or args.directory
    if not os.path.isdir(optuna_directory):
        p.error(f"no such folder: {optuna_directory}")
    seeds = seeds_in(args.directory, optuna_directory)
    if not seeds:
        p.error(f"{args.directory} has no seed S with both mnist-lab-trials-S.csv and "
                f"optuna-trials-S.csv")
    bests = {}
    for s in seeds:
        ml = mnist_lab_trials(os.path.join(args.directory, f"mnist-lab-trials-{s}.csv"), False)
        op = optuna_trials(os.path.join(optuna_directory, f"optuna-trials-{s}.csv"), False)
        bests[s] = {m: (best_by(ml, 60 * m), best_by(op, 60 * m)) for m in MARKS_MINUTES}
    print(f"Best validation accuracy of complete trials by each mark, seeds "
          f"{', '.join(map(str, seeds))}; difference is mnist-lab's minus Optuna's.\n")
    print("\n".join(summary(bests)))
    finals = [v for s in bests for v in bests[s][MARKS_MINUTES[-1]] if v is not None]
    if finals:
        p_hat = statistics.fmean(finals)
        se = math.sqrt(p_hat * (1 - p_hat) / args.val_size)
        print(f"\nOne validation accuracy near {p_hat:.4f} on {args.val_size} images has a "
              f"standard error of {se:.4f} (binomial).")


if __name__ == "__main__":
    main(sys.argv[1:])
