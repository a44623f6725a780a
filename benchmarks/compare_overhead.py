"""Overhead of `shapedoctor compare` over a plain `model.fit` of the same model.

Runs, alternately and REPEAT times each:
  compare  `shapedoctor compare --dataset D --candidates C --seeds 1 --epochs E --jobs 2` with a fresh cache
           (a worker subprocess, progress lines, ReduceLROnPlateau, best-weights tracking) and reads the
           per-epoch time the worker measured around fit from results.json; the whole command is timed too;
  plain    a subprocess that loads the same data, builds the same model with the same seed and thread count
           and calls model.fit(X, y, batch_size=16, epochs=E, verbose=0) with no callbacks.
Both use one torch thread (what compare gives each worker with --jobs 2 on 2 cores), which also keeps the
measurement less sensitive to other load on a shared machine; the ratio uses the fastest repetition of each
(the least disturbed one) and the median is printed too.

    KERAS_BACKEND=torch PYTHONPATH=src python benchmarks/compare_overhead.py [--dataset GunPoint]
        [--candidate fcn] [--epochs 40] [--repeat 4]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PLAIN = """
import json, sys, time
import torch
torch.set_num_threads({threads})
import keras
from shapedoctor.experiments import datasets, models
t0 = time.perf_counter()
data = datasets.load_dataset({dataset!r})
keras.utils.set_random_seed(0)
model = models.build({candidate!r}, data.X_train.shape[1:], len(data.labels))
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
start = time.perf_counter()
model.fit(data.X_train, data.y_train, batch_size=16, epochs={epochs}, verbose=0)
fit = time.perf_counter() - start
model.predict(data.X_test, batch_size=256, verbose=0)
print(json.dumps({{"epoch_seconds": fit / {epochs}}}))
"""
COMPARE = """
import argparse, sys
from shapedoctor.experiments import command
p = argparse.ArgumentParser(); command.add_arguments(p)
sys.exit(command.run(p.parse_args(sys.argv[1:])))
"""


def env():
    e = dict(os.environ, KERAS_BACKEND="torch")
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), e.get("PYTHONPATH")]))
    return e


def run_plain(args, threads):
    code = PLAIN.format(threads=threads, dataset=args.dataset, candidate=args.candidate, epochs=args.epochs)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env(), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["epoch_seconds"], time.perf_counter() - start


def run_compare(args):
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["--dataset", args.dataset, "--candidates", args.candidate, "--seeds", "1", "--epochs",
                str(args.epochs), "--jobs", "2", "--quiet", "--out", f"{tmp}/out", "--cache-dir", f"{tmp}/cache"]
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", COMPARE, *argv], env=env(), capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        results = json.loads(Path(tmp, "out", "results.json").read_text())
    return results["candidates"][0]["runs"][0]["epoch_seconds"], wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="GunPoint")
    parser.add_argument("--candidate", default="fcn")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=4)
    args = parser.parse_args()
    threads = max(1, (os.cpu_count() or 1) // 2)  # what compare gives each worker with --jobs 2
    plain, compare = [], []
    for i in range(args.repeat):
        plain.append(run_plain(args, threads))
        compare.append(run_compare(args))
        print(f"rep {i + 1}: plain {1000 * plain[-1][0]:.1f} ms/epoch ({plain[-1][1]:.1f} s total), "
              f"compare {1000 * compare[-1][0]:.1f} ms/epoch ({compare[-1][1]:.1f} s total)", flush=True)
    ratio = min(c for c, _ in compare) / min(p for p, _ in plain)
    median = statistics.median(c for c, _ in compare) / statistics.median(p for p, _ in plain)
    c_wall, p_wall = min(w for _, w in compare), min(w for _, w in plain)
    print(f"{args.candidate} on {args.dataset}, {args.epochs} epochs, {threads} thread(s), {args.repeat} repetitions")
    print(f"per-epoch time compare/plain = {ratio:.3f} (fastest of each; median {median:.3f}): "
          f"overhead {100 * (ratio - 1):+.1f}%, target < 5%")
    print(f"end-to-end wall clock compare/plain = {c_wall / p_wall:.3f} ({c_wall:.1f} s vs {p_wall:.1f} s: "
          "includes process start, data loading, evaluation, report and plots)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
