#!/usr/bin/python3
"""Tunes an MNIST MLP with Optuna over the same space as `mnist-lab tune --space mlp`.

The baseline mnist-lab is measured against: TPE sampler and median pruner (Optuna's
defaults for both), a plain PyTorch objective, a wall-clock budget and K trials at a time.
It writes one CSV row per finished trial with its times relative to the study's start, so
bench/best_at.py can compare best-so-far curves with mnist-lab's export.

Example:
  /usr/bin/python3 bench/optuna_mlp.py --timeout 600 --jobs 2 --seed 1 --out bench/optuna-trials.csv
"""
import argparse
import csv
import datetime
import gzip
import json
import math
import os
import sys
import threading
import time

# Debian's torch multiplies matrices in whichever libblas.so.3 is installed; OpenBLAS starts
# a thread per core of its own, which torch.set_num_threads does not govern. One each, set
# before the library loads, so that --jobs K trials use K cores (see bench/README.md).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread settings above)
import optuna  # noqa: E402
import torch  # noqa: E402

TRAIN_SIZE = 55_000  # the rest of the 60,000 training images is the validation split
MEAN, STD = 0.1307, 0.3081
EPOCHS = 12
EVAL_CHUNK = 1000
OPTIMIZERS = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop"]
# The point mnist-lab's mlp space lists under `first` (tried before any sampled one), given
# to Optuna the way an Optuna user would: study.enqueue_trial. Both tools start alike.
FIRST = dict(layers=2, units_1=512, units_2=256, activation="relu", dropout=0.2,
             batch_norm=False, optimizer="adam", lr=1e-3, batch_size=128, weight_decay=0.0,
             schedule="cosine")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", default=None,
                   help="directory with the MNIST IDX files, raw or .gz (default: "
                        "$MNIST_LAB_DATA, else ~/.mnist-lab/data/mnist, as mnist-lab)")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds after which no new trial starts (default 600)")
    p.add_argument("--jobs", type=int, default=2,
                   help="trials run at a time, as threads (default 2, like mnist-lab's two "
                        "workers)")
    p.add_argument("--seed", type=int, default=1, help="sampler and training seed (default 1)")
    p.add_argument("--out", default="optuna-trials.csv", help="CSV to write (default "
                   "optuna-trials.csv)")
    p.add_argument("--no-first", action="store_true",
                   help="do not enqueue mlp.yaml's first point before sampling")
    args = p.parse_args(argv)
    if args.timeout <= 0:
        p.error(f"--timeout must be > 0, got {args.timeout}")
    if args.jobs < 1:
        p.error(f"--jobs must be >= 1, got {args.jobs}")
    return args


def data_dir(flag):
    if flag:
        return os.path.expanduser(flag)
    env = os.environ.get("MNIST_LAB_DATA", "").strip()
    return os.path.expanduser(env) if env else os.path.expanduser("~/.mnist-lab/data/mnist")


def read_idx(directory, name, header):
    """Returns the bytes after the IDX header of NAME or NAME.gz in DIRECTORY."""
    path = os.path.join(directory, name)
    if os.path.exists(path):
        with open(path, "rb") as f:
            raw = f.read()
    elif os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rb") as f:
            raw = f.read()
    else:
        sys.exit(f"data directory {directory} lacks {name} (or {name}.gz)")
    return np.frombuffer(raw[header:], dtype=np.uint8)


def load(directory):
    """Returns (train_x, train_y, val_x, val_y): the classic 55,000/5,000 split, normalised."""
    images = read_idx(directory, "train-images-idx3-ubyte", 16).reshape(-1, 784)
    labels = read_idx(directory, "train-labels-idx1-ubyte", 8)
    if len(images) != 60_000 or len(labels) != 60_000:
        sys.exit(f"expected 60000 training images and labels, got {len(images)} and "
                 f"{len(labels)}")
    x = torch.from_numpy((images.astype(np.float32) / 255.0 - MEAN) / STD)
    y = torch.from_numpy(labels.astype(np.int64))
    return x[:TRAIN_SIZE], y[:TRAIN_SIZE], x[TRAIN_SIZE:], y[TRAIN_SIZE:]


def suggest(trial):
    """Samples one configuration from the space mnist-lab calls `mlp`."""
    layers = trial.suggest_int("layers", 1, 3)
    units = [trial.suggest_int(f"units_{i}", 64, 1024, log=True) for i in range(1, layers + 1)]
    activation = trial.suggest_categorical("activation", ["relu", "gelu", "tanh"])
    dropout = trial.suggest_float("dropout", 0.0, 0.5, step=0.05)
    batch_norm = trial.suggest_categorical("batch_norm", [False, True])
    optimizer = trial.suggest_categorical("optimizer", OPTIMIZERS)
    momentum = (trial.suggest_float("momentum", 0.8, 0.99)
                if optimizer in ("momentum", "nesterov") else None)
    lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
    weight_decay = trial.suggest_categorical("weight_decay", [0.0, 1e-5, 1e-4, 1e-3])
    schedule = trial.suggest_categorical("schedule", ["constant", "cosine"])
    batch_size = trial.suggest_categorical("batch_size", [32, 64, 128, 256])
    return dict(units=units, activation=activation, dropout=dropout, batch_norm=batch_norm,
                optimizer=optimizer, momentum=momentum, lr=lr, weight_decay=weight_decay,
                schedule=schedule, batch_size=batch_size)


def network(c):
    act = {"relu": torch.nn.ReLU, "gelu": torch.nn.GELU, "tanh": torch.nn.Tanh}[c["activation"]]
    blocks, width = [], 784
    for u in c["units"]:
        blocks.append(torch.nn.Linear(width, u))
        if c["batch_norm"]:
            blocks.append(torch.nn.BatchNorm1d(u))
        blocks.append(act())
        # A zero rate means no layer at all, as in mnist-lab, not a no-op Dropout(0).
        if c["dropout"] > 0:
            blocks.append(torch.nn.Dropout(c["dropout"]))
        width = u
    blocks.append(torch.nn.Linear(width, 10))
    return torch.nn.Sequential(*blocks)


def optimizer(c, params):
    lr, wd, kind = c["lr"], c["weight_decay"], c["optimizer"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=wd)
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=c["momentum"], weight_decay=wd,
                               nesterov=kind == "nesterov")
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=wd)
    if kind == "adamw":
        # Passed explicitly: AdamW's own default decay is 0.01, which the space never picks.
        return torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    return torch.optim.RMSprop(params, lr=lr, weight_decay=wd)


def accuracy(net, x, y):
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), EVAL_CHUNK):
            correct += (net(x[i:i + EVAL_CHUNK]).argmax(1) == y[i:i + EVAL_CHUNK]).sum().item()
    return correct / len(x)


class Objective:
    """Trains one trial's network for up to 12 epochs, reporting validation accuracy."""

    def __init__(self, data, seed):
        self.train_x, self.train_y, self.val_x, self.val_y = data
        self.seed = seed
        # Initial weights come from torch's global generator, which the other trial threads
        # share; seeding and building under a lock gives each trial its own start.
        self.init_lock = threading.Lock()

    def __call__(self, trial):
        c = suggest(trial)
        trial_seed = self.seed * 100_003 + trial.number
        with self.init_lock:
            torch.manual_seed(trial_seed)
            net = network(c)
        shuffle = torch.Generator().manual_seed(trial_seed)
        opt = optimizer(c, net.parameters())
        n, batch = len(self.train_x), c["batch_size"]
        steps = math.ceil(n / batch)
        sched = (torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps * EPOCHS, eta_min=0)
                 if c["schedule"] == "cosine" else None)
        loss_fn = torch.nn.CrossEntropyLoss()
        epoch_seconds = []
        acc = float("nan")
        for epoch in range(1, EPOCHS + 1):
            t0 = time.perf_counter()
            net.train()
            order = torch.randperm(n, generator=shuffle)
            for start in range(0, n, batch):  # the last, partial batch is trained on too
                idx = order[start:start + batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(self.train_x[idx]), self.train_y[idx])
                if not torch.isfinite(loss):
                    # Diverged: Optuna records a NaN result as a failed trial, and a network
                    # that never recovers is not worth the rest of its budget.
                    trial.set_user_attr("epoch_seconds", epoch_seconds)
                    return float("nan")
                loss.backward()
                opt.step()
                if sched is not None:
                    sched.step()
            acc = accuracy(net, self.val_x, self.val_y)
            epoch_seconds.append(time.perf_counter() - t0)
            trial.set_user_attr("epoch_seconds", epoch_seconds)
            trial.report(acc, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return acc


def write_csv(path, study, t0):
    def since(moment):
        return "" if moment is None else f"{(moment - t0).total_seconds():.3f}"

    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["number", "state", "value", "started", "finished", "epochs",
                      "seconds_per_epoch", "params"])
        for t in study.trials:
            if t.datetime_complete is None:
                continue
            secs = t.user_attrs.get("epoch_seconds", [])
            out.writerow([t.number, t.state.name, "" if t.value is None else t.value,
                          since(t.datetime_start), since(t.datetime_complete),
                          len(t.intermediate_values),
                          f"{sum(secs) / len(secs):.3f}" if secs else "",
                          json.dumps(t.params, sort_keys=True)])


def blas_library():
    """The libblas.so.3 this process loaded (reference BLAS or OpenBLAS), from its memory map."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.realpath(p) for p in paths if p.startswith("/"))) or "none"


def main(argv):
    args = parse_args(argv)
    # One intra-op thread per trial, so --jobs K uses K cores: the same share of the machine
    # as mnist-lab's workers, which run every trial with one engine thread.
    torch.set_num_threads(1)
    directory = data_dir(args.data_dir)
    t_load = time.perf_counter()
    data = load(directory)
    load_seconds = time.perf_counter() - t_load
    print(f"data: {directory}, train {len(data[0])}, validation {len(data[2])}, "
          f"loaded in {load_seconds:.1f} s; optuna {optuna.__version__}, torch "
          f"{torch.__version__}, BLAS {blas_library()}", flush=True)

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize",
                                sampler=optuna.samplers.TPESampler(seed=args.seed),
                                pruner=optuna.pruners.MedianPruner())
    if not args.no_first:
        study.enqueue_trial(FIRST)
    # Time zero is after loading the data, a little in Optuna's favour. Optuna stamps trials
    # with naive local datetimes, so the start is taken the same way.
    t0 = datetime.datetime.now()

    def progress(study, t):
        secs = t.user_attrs.get("epoch_seconds", [])
        per_epoch = f"{sum(secs) / len(secs):.1f} s/epoch" if secs else "no epoch"
        value = "-" if t.value is None else f"{t.value:.4f}"
        print(f"{(datetime.datetime.now() - t0).total_seconds():7.1f} s  trial {t.number:3d} "
              f"{t.state.name:8s} {value}  {len(t.intermediate_values):2d} epochs, {per_epoch}",
              flush=True)

    study.optimize(Objective(data, args.seed), timeout=args.timeout, n_jobs=args.jobs,
                   callbacks=[progress], gc_after_trial=False)
    write_csv(args.out, study, t0)

    states = [t.state for t in study.trials]
    complete = states.count(optuna.trial.TrialState.COMPLETE)
    pruned = states.count(optuna.trial.TrialState.PRUNED)
    best = f"{study.best_value:.4f}" if complete else "none"
    elapsed = (datetime.datetime.now() - t0).total_seconds()
    print(f"trials {len(study.trials)}, complete {complete}, pruned {pruned}, best value {best}"
          f" ({elapsed:.0f} s; wrote {args.out})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
