#!/usr/bin/python3
"""Trains one configuration of the mlp space in PyTorch, exactly as optuna_mlp.py trains a trial.

Takes the configuration as the JSON of optuna_mlp.py's `params` column and trains it for 12
epochs with each seed given, without pruning, printing one JSON line per seed with the last
epoch's validation accuracy and the seconds taken. Used to tell a search's lucky draw from a
network that is good, and to compare with `mnist-lab train` on the same settings.

Example:
  /usr/bin/python3 bench/retrain.py '{"layers": 1, "units_1": 128, ...}' --seeds 1 2
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import optuna_mlp  # noqa: E402  (sets OPENBLAS_NUM_THREADS before torch loads)
import optuna  # noqa: E402
import torch  # noqa: E402


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("params", help="the configuration, as JSON (optuna_mlp.py's params column)")
    p.add_argument("--seeds", type=int, nargs="+", default=[1], help="training seeds (default 1)")
    p.add_argument("--data-dir", default=None, help="as for optuna_mlp.py")
    args = p.parse_args(argv)
    try:
        params = json.loads(args.params)
    except json.JSONDecodeError as e:
        p.error(f"params must be JSON, got '{args.params}': {e}")
    torch.set_num_threads(1)
    data = optuna_mlp.load(optuna_mlp.data_dir(args.data_dir))
    for seed in args.seeds:
        start = time.perf_counter()
        # Trial number 0: the seed alone decides the initial weights and the shuffling.
        value = optuna_mlp.Objective(data, seed)(optuna.trial.FixedTrial(params, number=0))
        print(json.dumps({"seed": seed, "val_accuracy": value,
                          "seconds": round(time.perf_counter() - start, 1), "params": params}),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
