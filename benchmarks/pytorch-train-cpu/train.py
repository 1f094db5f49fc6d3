#!/usr/bin/env python3
"""CPU training benchmark: a small MLP learns a synthetic classification task.

The data is generated in code (seeded): N_CLASSES Gaussian clusters in a 64-dimensional
space, passed through a fixed random non-linear map so the task is not linearly
separable. The model trains for a fixed number of optimizer steps; the script prints

    step=100 loss=0.8123 accuracy=0.7031          (every --log-every steps, training batch)
    epoch=1 val_loss=0.4567 val_accuracy=0.8812   (after each pass over the training set)
    samples_per_second=12345.6                    (training throughput, timed steps only)

and emits `train_time_s` (time spent in training steps) and `peak_rss_mb` through
Maat's emit client.

Usage: python3 train.py [--steps 200] [--batch-size 128] [--seed 0] [--threads 1]
"""

import argparse
import os
import sys
import time

try:
    import resource
except ImportError:  # not on Windows
    resource = None

try:
    import torch
    from torch import nn
except ImportError:
    sys.stderr.write(
        "error: this benchmark needs PyTorch, which is not importable by %s.\n"
        "install PyTorch: apt-get install python3-torch or pip install torch\n" % sys.executable
    )
    # pyenv's python3 comes first on PATH and does not see Debian's python3-torch.
    if (os.environ.get("PYENV_ROOT") or ".pyenv" in sys.executable) and os.environ.get("PYENV_VERSION") != "system":
        sys.stderr.write("this python3 is pyenv's: if PyTorch is installed for the system Python, run with PYENV_VERSION=system\n")
    sys.exit(3)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from maat_emit import emit  # noqa: E402

N_FEATURES = 64
N_CLASSES = 10


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=200, help="optimizer steps (default 200)")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--train-samples", type=int, default=8192)
    p.add_argument("--val-samples", type=int, default=2048)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--log-every", type=int, default=40, help="print the training loss every N steps")
    args = p.parse_args()
    for name in ("steps", "batch_size", "threads", "train_samples", "val_samples", "hidden", "log_every"):
        if getattr(args, name) <= 0:
            p.error("--%s must be positive" % name.replace("_", "-"))
    return args


def make_dataset(n_train, n_val, generator):
    """Seeded synthetic classification data: Gaussian clusters through a fixed non-linear map."""
    n = n_train + n_val
    centers = torch.randn(N_CLASSES, N_FEATURES, generator=generator) * 0.5
    labels = torch.randint(0, N_CLASSES, (n,), generator=generator)
    points = centers[labels] + torch.randn(n, N_FEATURES, generator=generator) * 1.2
    mixing = torch.randn(N_FEATURES, N_FEATURES, generator=generator) / N_FEATURES**0.5
    features = torch.tanh(points @ mixing) + 0.1 * points
    features = (features - features.mean(0)) / features.std(0)
    return (features[:n_train], labels[:n_train]), (features[n_train:], labels[n_train:])


def build_model(hidden):
    return nn.Sequential(
        nn.Linear(N_FEATURES, hidden),
        nn.ReLU(),
        nn.Linear(hidden, hidden),
        nn.ReLU(),
        nn.Linear(hidden, N_CLASSES),
    )


@torch.no_grad()
def evaluate(model, features, labels, loss_fn):
    model.eval()
    logits = model(features)
    loss = loss_fn(logits, labels).item()
    accuracy = (logits.argmax(1) == labels).float().mean().item()
    model.train()
    return loss, accuracy


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)

    (x_train, y_train), (x_val, y_val) = make_dataset(args.train_samples, args.val_samples, generator)
    model = build_model(args.hidden)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.steps)
    loss_fn = nn.CrossEntropyLoss()

    print(
        "torch=%s threads=%d steps=%d batch_size=%d train_samples=%d params=%d"
        % (
            torch.__version__,
            torch.get_num_threads(),
            args.steps,
            args.batch_size,
            args.train_samples,
            sum(p.numel() for p in model.parameters()),
        ),
        flush=True,
    )

    steps_per_epoch = max(1, args.train_samples // args.batch_size)
    order = torch.randperm(args.train_samples, generator=generator)
    train_time = 0.0
    for step in range(1, args.steps + 1):
        position = (step - 1) % steps_per_epoch
        if position == 0 and step > 1:
            order = torch.randperm(args.train_samples, generator=generator)
        index = order[position * args.batch_size : (position + 1) * args.batch_size]

        started = time.perf_counter()
        xb, yb = x_train[index], y_train[index]
        optimizer.zero_grad(set_to_none=True)
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        scheduler.step()
        train_time += time.perf_counter() - started

        if step % args.log_every == 0 or step == args.steps:
            accuracy = (logits.argmax(1) == yb).float().mean().item()
            print("step=%d loss=%.4f accuracy=%.4f" % (step, loss.item(), accuracy), flush=True)
        if step % steps_per_epoch == 0 or step == args.steps:
            # Fractional when the last epoch is partial (e.g. epoch=3.12).
            epoch = step / steps_per_epoch
            val_loss, val_accuracy = evaluate(model, x_val, y_val, loss_fn)
            print("epoch=%g val_loss=%.4f val_accuracy=%.4f" % (round(epoch, 2), val_loss, val_accuracy), flush=True)

    samples_per_second = args.steps * args.batch_size / train_time
    print("samples_per_second=%.1f" % samples_per_second, flush=True)
    emit("train_time_s", round(train_time, 4), "s")
    if resource is not None:
        # ru_maxrss is KiB on Linux, bytes on macOS.
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        emit("peak_rss_mb", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1), "MB")


if __name__ == "__main__":
    main()
