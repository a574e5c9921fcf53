#!/usr/bin/python3
"""Times the PyTorch examples' MNIST CNN in plain PyTorch: the twin of `mnist-lab bench --only cnn`.

The network is the one of PyTorch's examples/mnist (conv 32, conv 64, max-pool, dropout 0.25,
dense 128, dropout 0.5; 1,199,882 parameters), trained as `mnist-lab bench` trains its `cnn`:
batch 128, Adam at 1e-3, pixels standardised by mean 0.1307 and std 0.3081, shuffled each
epoch. The data are the MNIST IDX files of mnist-lab's data directory, split as mnist-lab
splits them by default: the first 55,000 training images train, the last 5,000 validate.

It prints each epoch's seconds, the steady state (the median of the epochs after the first,
as `mnist-lab bench` reports it), images per second, the peak resident memory and, at the end,
the validation accuracy. Only the training pass is timed; the validation pass runs once, after
the last epoch.

Example:
  /usr/bin/python3 bench/cnn_torch.py --threads 2 --epochs 4 --json cnn-torch.json
"""
import argparse
import ctypes
import gzip
import json
import os
import statistics
import sys
import time

# Filled in by main() once the thread settings are in the environment: OpenBLAS and OpenMP
# read theirs when the libraries load, so torch cannot be imported before --threads is known.
np = None
torch = None

TRAIN_IMAGES = 60_000
MEAN, STD = 0.1307, 0.3081
BATCH = 128
LR = 1e-3
EVAL_CHUNK = 1000
# The same network in mnist-lab's layer language, so the two reports name the same thing.
MODEL = ("conv2d(32,3),relu,conv2d(64,3),relu,maxpool(2),dropout(0.25),flatten,linear(128),"
         "relu,dropout(0.5),linear(10)")
PARAMETERS = 1_199_882


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", default=None,
                   help="directory with the MNIST IDX files, raw or .gz (default: "
                        "$MNIST_LAB_DATA, else ~/.mnist-lab/data/mnist, as mnist-lab)")
    p.add_argument("--epochs", type=int, default=4,
                   help="epochs to train, at least 2: the first warms up (default 4, as "
                        "mnist-lab bench)")
    p.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                   help="intra-op threads (torch.set_num_threads), also OpenBLAS's and "
                        "OpenMP's unless OPENBLAS_NUM_THREADS or OMP_NUM_THREADS is set "
                        "(default: the cores this process may use, PyTorch's own default)")
    p.add_argument("--val-size", type=int, default=5000,
                   help="the last N of the 60,000 training images validate (default 5000, "
                        "mnist-lab's split); 0 trains on all of them, as mnist-lab bench "
                        "does, and reports no accuracy")
    p.add_argument("--limit", type=int, default=0,
                   help="train on only the first N training images, for a quick check "
                        "(default 0: all of them)")
    p.add_argument("--seed", type=int, default=1,
                   help="seeds the initial weights, dropout and shuffling (default 1)")
    p.add_argument("--json", default=None, metavar="FILE|-",
                   help="also write the figures as JSON to FILE, or to stdout with '-' (the "
                        "progress lines then go to stderr)")
    args = p.parse_args(argv)
    if args.epochs < 2:
        p.error(f"--epochs must be >= 2 (the first epoch warms up), got {args.epochs}")
    if args.threads < 1:
        p.error(f"--threads must be >= 1, got {args.threads}")
    if not 0 <= args.val_size < TRAIN_IMAGES:
        p.error(f"--val-size must be between 0 and {TRAIN_IMAGES - 1}, got {args.val_size}")
    if args.limit < 0:
        p.error(f"--limit must be >= 0 (0 for all training images), got {args.limit}")
    if args.json not in (None, "-"):
        parent = os.path.dirname(os.path.abspath(args.json))
        if not os.path.isdir(parent):
            p.error(f"--json: directory {parent} does not exist")
    return args


def data_dir(flag):
    if flag:
        return os.path.expanduser(flag)
    env = os.environ.get("MNIST_LAB_DATA", "").strip()
    return os.path.expanduser(env or "~/.mnist-lab/data/mnist")


def read_idx(directory, name, magic):
    """Returns the items of the IDX file NAME (or NAME.gz) in DIRECTORY as a uint8 array."""
    path = os.path.join(directory, name)
    opener = open
    if not os.path.exists(path):
        path, opener = path + ".gz", gzip.open
        if not os.path.exists(path):
            sys.exit(f"data directory {directory} lacks {name} (or {name}.gz); "
                     f"`mnist-lab data fetch` puts them there")
    with opener(path, "rb") as f:
        raw = f.read()
    found = int.from_bytes(raw[0:4], "big")
    if found != magic:
        sys.exit(f"{path}: expected IDX magic number {magic}, found {found}")
    dims = raw[3]
    header = 4 + 4 * dims
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def load(directory, val_size, limit):
    """Returns (train_x, train_y, val_x, val_y), split and standardised as mnist-lab does."""
    images = read_idx(directory, "train-images-idx3-ubyte", 2051)
    labels = read_idx(directory, "train-labels-idx1-ubyte", 2049)
    if len(images) != TRAIN_IMAGES or len(labels) != TRAIN_IMAGES:
        sys.exit(f"expected {TRAIN_IMAGES} training images and labels, got {len(images)} and "
                 f"{len(labels)}")
    x = torch.from_numpy((images.astype(np.float32) / 255.0 - MEAN) / STD).unsqueeze(1)
    y = torch.from_numpy(labels.astype(np.int64))
    cut = TRAIN_IMAGES - val_size
    end = min(cut, limit) if limit else cut
    return x[:end], y[:end], x[cut:], y[cut:]


def network():
    """Returns the Net of PyTorch's examples/mnist, its forward pass ending in logits."""

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = torch.nn.Conv2d(1, 32, 3, 1)
            self.conv2 = torch.nn.Conv2d(32, 64, 3, 1)
            self.dropout1 = torch.nn.Dropout(0.25)
            self.dropout2 = torch.nn.Dropout(0.5)
            self.fc1 = torch.nn.Linear(9216, 128)
            self.fc2 = torch.nn.Linear(128, 10)

        def forward(self, x):
            x = torch.relu(self.conv1(x))
            x = torch.relu(self.conv2(x))
            x = self.dropout1(torch.nn.functional.max_pool2d(x, 2))
            x = torch.relu(self.fc1(torch.flatten(x, 1)))
            # The examples end in log_softmax and nll_loss; logits and cross_entropy are the
            # same loss in one operation, as mnist-lab computes it.
            return self.fc2(self.dropout2(x))

    return Net()


def train_epoch(net, opt, x, y, shuffle):
    """Trains one shuffled pass over (x, y) and returns (seconds, mean training loss)."""
    net.train()
    start = time.perf_counter()
    order = torch.randperm(len(x), generator=shuffle)
    total, steps = 0.0, 0
    for first in range(0, len(x), BATCH):  # the last, partial batch is trained on too
        idx = order[first:first + BATCH]
        opt.zero_grad(set_to_none=True)
        loss = torch.nn.functional.cross_entropy(net(x[idx]), y[idx])
        loss.backward()
        opt.step()
        total += loss.item()
        steps += 1
    return time.perf_counter() - start, total / steps


def accuracy(net, x, y):
    net.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), EVAL_CHUNK):
            correct += (net(x[i:i + EVAL_CHUNK]).argmax(1) == y[i:i + EVAL_CHUNK]).sum().item()
    return correct / len(x)


def peak_rss_mb():
    """The process's peak resident memory in MiB (VmHWM, as mnist-lab bench reads it)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def blas():
    """Returns (the libblas.so.3 this process loaded, its thread count or None if unknown)."""
    with open("/proc/self/maps") as maps:
        paths = sorted({os.path.realpath(line.split()[-1]) for line in maps
                        if "blas" in line.lower() and line.split()[-1].startswith("/")})
    for path in paths:
        try:
            return path, ctypes.CDLL(path).openblas_get_num_threads()
        except (OSError, AttributeError):
            continue  # the reference BLAS has no thread count
    return ", ".join(paths) or "none", None


def cpu_model():
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def main(argv):
    global np, torch
    args = parse_args(argv)
    # Debian's torch multiplies matrices (the dense layers) in the system's libblas.so.3, whose
    # OpenBLAS keeps a thread pool of its own that torch.set_num_threads does not govern; the
    # convolutions run in oneDNN on torch's OpenMP pool. Both get --threads, before they load.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import numpy as np  # noqa: E402 (after the thread settings above)
    import torch  # noqa: E402

    torch.set_num_interop_threads(1)  # one inter-op thread, as mnist-lab runs
    torch.set_num_threads(args.threads)
    log = sys.stderr if args.json == "-" else sys.stdout
    directory = data_dir(args.data_dir)
    train_x, train_y, val_x, val_y = load(directory, args.val_size, args.limit)
    blas_path, blas_threads = blas()
    print(f"data: {directory}, train {len(train_x)}, validation {len(val_x)}; torch "
          f"{torch.__version__}, BLAS {blas_path}; threads {torch.get_num_threads()} "
          f"(OpenBLAS {blas_threads if blas_threads is not None else 'n/a'})", file=log,
          flush=True)

    torch.manual_seed(args.seed)
    net = network()
    parameters = sum(p.numel() for p in net.parameters())
    if parameters != PARAMETERS:
        sys.exit(f"the network has {parameters} parameters, expected {PARAMETERS}")
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    shuffle = torch.Generator().manual_seed(args.seed)
    print(f"cnn: {parameters:,} parameters, batch {BATCH}, Adam lr {LR:g}, {args.epochs} epochs",
          file=log, flush=True)

    seconds, rates = [], []
    for epoch in range(1, args.epochs + 1):
        s, loss = train_epoch(net, opt, train_x, train_y, shuffle)
        seconds.append(s)
        rates.append(len(train_x) / s)
        print(f"epoch {epoch}: {s:.2f} s, {rates[-1]:.0f} images/s, train loss {loss:.4f}",
              file=log, flush=True)
    per_epoch = statistics.median(seconds[1:])
    per_second = statistics.median(rates[1:])
    peak = peak_rss_mb()
    after_first = "epoch 2" if args.epochs == 2 else f"median of epochs 2-{args.epochs}"
    print(f"steady state: {per_epoch:.2f} s/epoch, {per_second:.0f} images/s ({after_first});"
          f" peak RSS {peak:.0f} MiB", file=log, flush=True)
    val_accuracy = accuracy(net, val_x, val_y) if len(val_x) else None
    if val_accuracy is not None:
        print(f"validation accuracy {val_accuracy:.4f} ({len(val_x):,} images)", file=log,
              flush=True)

    if args.json is not None:
        report = {
            "name": "cnn", "model": MODEL, "framework": f"PyTorch {torch.__version__}",
            "batch_size": BATCH, "epochs": args.epochs, "train_images": len(train_x),
            "seconds_per_epoch": per_epoch, "samples_per_second": per_second,
            "epoch_seconds": seconds, "peak_rss_mb": peak, "threads": torch.get_num_threads(),
            "openblas_threads": blas_threads, "blas": blas_path,
            "val_accuracy": val_accuracy, "val_images": len(val_x), "seed": args.seed,
            "cores": len(os.sched_getaffinity(0)), "cpu": cpu_model(),
        }
        text = json.dumps(report, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            temporary = args.json + ".tmp"
            with open(temporary, "w") as f:
                f.write(text)
            os.replace(temporary, args.json)


if __name__ == "__main__":
    main(sys.argv[1:])
