"""How fast is shapedoctor compared with Keras' own time-to-error, and how many files/s does it check?

Prints ratios measured in this one run (shared machines are noisy: never compare absolute times across runs).

    python benchmarks/check_speed.py [--runs 5] [--files 1000] [--jobs 2]

1. Time to the error on one broken file (seed example 1's broken twin), whole processes:
   `shapedoctor check FILE` vs `python FILE` with Keras 3 (torch backend), which raises at `Sequential(`.
2. Throughput: `shapedoctor check -j N DIR` over a generated corpus of FILES model files.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BROKEN = os.path.join(ROOT, "examples", "seed_1_broken_conv_after_dense.py")


def _timed(cmd: list[str], env: dict) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, proc.returncode


def _env() -> dict:
    env = dict(os.environ, KERAS_BACKEND="torch", PYTHONPATH=os.path.join(ROOT, "src"))
    return env


def time_to_error(runs: int) -> None:
    env = _env()
    with open(BROKEN) as handle:
        source = handle.read()
    tmp = tempfile.mkdtemp(prefix="shapedoctor-bench-")
    # The same broken model for Keras 3 itself (the example imports tensorflow.keras, absent here).
    keras_copy = os.path.join(tmp, "broken_keras3.py")
    with open(keras_copy, "w") as handle:
        handle.write(source.replace("tensorflow.keras", "keras"))
    timings: dict[str, list[float]] = {"ours": [], "ours_fixes": [], "keras": [], "import": []}
    try:
        for _ in range(runs):  # interleaved, so all see the same machine load
            t, rc = _timed([sys.executable, "-m", "shapedoctor", "check", "--no-fixes", BROKEN], env)
            assert rc == 1, f"shapedoctor should report the error (exit {rc})"
            timings["ours"].append(t)
            t, rc = _timed([sys.executable, "-m", "shapedoctor", "check", BROKEN], env)
            timings["ours_fixes"].append(t)
            t, rc = _timed([sys.executable, keras_copy], env)
            proc = subprocess.run([sys.executable, keras_copy], env=env, capture_output=True, text=True)
            assert "min_ndim=3" in proc.stderr, "Keras should raise the rank error"
            timings["keras"].append(t)
            t, _ = _timed([sys.executable, "-c", "import keras"], env)
            timings["import"].append(t)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in timings.items()}
    print(f"time to the error, one file (median of {runs}, whole processes):")
    print(f"  shapedoctor check --no-fixes            {med['ours'] * 1000:8.1f} ms")
    print(f"  shapedoctor check (with verified fixes) {med['ours_fixes'] * 1000:8.1f} ms")
    print(f"  python -c 'import keras'                {med['import'] * 1000:8.1f} ms")
    print(f"  python broken_model.py (Keras raises)   {med['keras'] * 1000:8.1f} ms")
    print(f"  ratio keras time-to-error / shapedoctor {med['keras'] / med['ours']:8.1f}x "
          f"(with fixes: {med['keras'] / med['ours_fixes']:.1f}x)")


_TEMPLATE = '''import numpy as np
from tensorflow.keras import layers, models

N_STEPS = {steps}
X = np.random.rand(64, N_STEPS, {channels})

model = models.Sequential([
    layers.Input(shape=X.shape[1:]),
{body}
    layers.Dense({classes}, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
'''


def _generated_file(rng: random.Random) -> str:
    body = []
    for _ in range(rng.randint(1, 4)):
        body.append(f"    layers.Conv1D({rng.choice([16, 32, 64])}, {rng.choice([3, 5, 7])}, "
                    f"padding={rng.choice(['valid', 'same'])!r}, activation='relu'),")
        if rng.random() < 0.6:
            body.append(f"    layers.MaxPooling1D({rng.choice([2, 3])}),")
    if rng.random() < 0.3:
        body.append("    layers.Dense(64),")  # Dense keeps the steps axis: fine before Flatten
    body.append("    layers.Flatten()," if rng.random() < 0.5 else "    layers.GlobalAveragePooling1D(),")
    if rng.random() < 0.3:
        body.append("    layers.Conv1D(8, 3),")  # the classic mistake
    return _TEMPLATE.format(steps=rng.choice([32, 64, 128, 500]), channels=rng.choice([1, 3]),
                            body="\n".join(body), classes=rng.choice([2, 5]))


def throughput(n_files: int, jobs: int) -> None:
    rng = random.Random(0)
    tmp = tempfile.mkdtemp(prefix="shapedoctor-bench-")
    try:
        for i in range(n_files):
            with open(os.path.join(tmp, f"model_{i:05d}.py"), "w") as handle:
                handle.write(_generated_file(rng))
        env = _env()
        for j in sorted({1, jobs}):
            t, rc = _timed([sys.executable, "-m", "shapedoctor", "check", "-j", str(j), tmp], env)
            assert rc in (0, 1)
            print(f"throughput, {n_files} generated files, -j {j}: {n_files / t:8.0f} files/s ({t:.2f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    time_to_error(args.runs)
    throughput(args.files, args.jobs)


if __name__ == "__main__":
    main()
