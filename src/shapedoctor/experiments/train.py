"""Training runs for `shapedoctor compare`: one trial = one (candidate, dataset, seed, epochs).

Protocol (chosen from the training-set size, recorded in every run):
  fawaz           n_train < 500: fixed epochs, batch 16, Adam 1e-3, ReduceLROnPlateau(factor 0.5, patience 50,
                  min_lr 1e-4) on the *training* loss, and the weights of the epoch with the lowest training
                  loss are evaluated (Fawaz et al. 2019).  A validation split of a 50-series training set is too
                  small to steer anything (early stopping on it stops the FCN at ~60% on GunPoint).
  early-stopping  n_train >= 500: a stratified 20% of TRAIN is held out for validation; ReduceLROnPlateau and
                  EarlyStopping (patience max(20, epochs/10), best weights restored) on the validation loss.
The test split is only used once, after training.

Each trial runs in its own process (a subprocess, or a Ray task with `--backend ray`) with a fixed seed, and its
result is written atomically to the cache directory as soon as it finishes, keyed by candidate (content hash for
user files), dataset content, seed, epochs, task and protocol version: a re-run reuses it instantly and an
interrupted run keeps everything that finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

from .datasets import CACHE_DIR, Dataset

PROTOCOL_VERSION = 1
EARLY_STOPPING_MIN_TRAIN = 500
BATCH_SIZE = 16
_MARK = "@@sd "  # prefix of the worker's machine-readable stdout lines


class TrialError(RuntimeError):
    """A trial that failed; the message is one line."""


def protocol_for(n_train: int) -> str:
    return "early-stopping" if n_train >= EARLY_STOPPING_MIN_TRAIN else "fawaz"


def dataset_id(data: Dataset) -> str:
    h = hashlib.sha256()
    for a in (data.X_train, data.y_train, data.X_test, data.y_test):
        h.update(np.ascontiguousarray(a).tobytes())
    return f"{data.name}@{h.hexdigest()[:12]}"


def make_trial(candidate: str, cand_id: str, data_id: str, seed: int, epochs: int, task: str = "classify",
               **extra) -> dict:
    trial = {"candidate": candidate, "candidate_id": cand_id, "dataset_id": data_id, "seed": seed,
             "epochs": epochs, "task": task, "version": PROTOCOL_VERSION, **extra}
    blob = json.dumps({k: v for k, v in trial.items() if k != "candidate"}, sort_keys=True)
    trial["key"] = hashlib.sha256(blob.encode()).hexdigest()[:20]
    return trial


def cache_path(trial: dict, cache_dir: Path) -> Path:
    return Path(cache_dir) / "runs" / f"{trial['key']}.json"


def load_cached(trial: dict, cache_dir: Path):
    try:
        return json.loads(cache_path(trial, cache_dir).read_text())
    except (OSError, ValueError):
        return None


def store(trial: dict, result: dict, cache_dir: Path) -> None:
    path = cache_path(trial, cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(result))
    os.replace(tmp, path)


# ----------------------------------------------------------------------------------------------- in the worker

def _progress_callback(report):
    import keras

    class Progress(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            report(epoch + 1)

    return Progress()


def _best_loss_callback():
    import keras

    class KeepBestTrainLoss(keras.callbacks.Callback):
        """Fawaz et al. evaluate the model of the epoch with the lowest training loss."""

        def on_train_begin(self, logs=None):
            self.best, self.weights = np.inf, None

        def on_epoch_end(self, epoch, logs=None):
            if logs and logs.get("loss", np.inf) < self.best:
                self.best, self.weights = logs["loss"], self.model.get_weights()

        def on_train_end(self, logs=None):
            if self.weights is not None:
                self.model.set_weights(self.weights)

    return KeepBestTrainLoss()


def _val_split(y, seed, fraction=0.2):
    rng = np.random.default_rng(seed)
    val = np.zeros(len(y), bool)
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        val[idx[: max(1, int(round(len(idx) * fraction)))]] = True
    return val


def fit_classifier(model, data: Dataset, epochs: int, seed: int, report=lambda epoch: None) -> dict:
    """Train `model` on data by the protocol for its size; returns the run record (without params)."""
    import keras

    protocol = protocol_for(len(data.X_train))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    X, y, fit_kw = data.X_train, data.y_train, {}
    callbacks = [_progress_callback(report)]
    if protocol == "fawaz":
        callbacks += [keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=50, min_lr=1e-4),
                      _best_loss_callback()]
    else:
        val = _val_split(y, seed)
        X, y, fit_kw["validation_data"] = X[~val], y[~val], (X[val], y[val])
        callbacks += [keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=50, min_lr=1e-4),
                      keras.callbacks.EarlyStopping(monitor="val_loss", patience=max(20, epochs // 10),
                                                    restore_best_weights=True)]
    start = time.perf_counter()
    history = model.fit(X, y, batch_size=min(BATCH_SIZE, len(X)), epochs=epochs, verbose=0, shuffle=True,
                        callbacks=callbacks, **fit_kw).history
    seconds = time.perf_counter() - start
    pred = np.argmax(model.predict(data.X_test, batch_size=256, verbose=0), axis=1)
    epochs_run = len(history["loss"])
    return {"seed": seed, "protocol": protocol, "test_accuracy": float(np.mean(pred == data.y_test)),
            "train_seconds": seconds, "epochs_run": epochs_run, "epoch_seconds": seconds / max(1, epochs_run),
            "history": {k: [float(v) for v in vals] for k, vals in history.items() if k != "learning_rate"}}


def run_trial(trial: dict, data: Dataset, report=lambda epoch: None) -> dict:
    """Run one trial in this process (keras is imported here, with the backend already chosen)."""
    import keras

    from . import models

    keras.utils.set_random_seed(trial["seed"])
    if trial["task"] == "anomaly":
        from . import anomaly

        return anomaly.run_trial(trial, report)
    model = models.build(trial["candidate"], data.X_train.shape[1:], len(data.labels))
    record = fit_classifier(model, data, trial["epochs"], trial["seed"], report)
    record["params"] = int(model.count_params())
    return record


def worker_main(argv) -> int:
    """`python -m shapedoctor.experiments.train TRIAL.json CACHE_DIR`: run one trial, store its result."""
    trial = json.loads(Path(argv[0]).read_text())
    cache_dir = Path(argv[1])
    import torch

    torch.set_num_threads(int(os.environ.get("SHAPEDOCTOR_THREADS", "1")))
    from .models import CandidateError

    def report(epoch):
        print(f"{_MARK}epoch {epoch}", flush=True)

    try:
        data = Dataset.from_npz(Path(trial["data"])) if trial.get("data") else None
        result = run_trial(trial, data, report)
    except (CandidateError, ValueError) as e:
        print(f"{_MARK}error {display_error(e)}", flush=True)
        return 3
    store(trial, result, cache_dir)
    print(f"{_MARK}done", flush=True)
    return 0


def display_error(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if isinstance(e, ValueError) and text[:1].islower() else f"{type(e).__name__}: {text}"


# ----------------------------------------------------------------------------------------------- the driver

def worker_env(threads: int) -> dict:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([src] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.update(KERAS_BACKEND="torch", SHAPEDOCTOR_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
               AEON_DATA=env.get("AEON_DATA", str(CACHE_DIR / "aeon_data")))
    return env


def run_local(trials, cache_dir: Path, jobs: int, on_epoch, on_done) -> None:
    """Run trials as subprocesses, `jobs` at a time; on_epoch(trial, epoch), on_done(trial, result|TrialError)."""
    cache_dir = Path(cache_dir)
    work = cache_dir / "trials"
    work.mkdir(parents=True, exist_ok=True)
    threads = max(1, (os.cpu_count() or 1) // jobs)
    events: queue.Queue = queue.Queue()
    pending, running = list(trials), {}

    def pump(trial, proc):
        for line in proc.stdout:
            if line.startswith(_MARK):
                events.put((trial["key"], line[len(_MARK):].strip()))
        events.put((trial["key"], f"exit {proc.wait()}"))

    try:
        while pending or running:
            while pending and len(running) < jobs:
                trial = pending.pop(0)
                spec = work / f"{trial['key']}.json"
                spec.write_text(json.dumps(trial))
                log = open(work / f"{trial['key']}.log", "w")
                proc = subprocess.Popen([sys.executable, "-m", "shapedoctor.experiments.train", str(spec),
                                         str(cache_dir)], stdout=subprocess.PIPE, stderr=log, text=True,
                                        env=worker_env(threads), stdin=subprocess.DEVNULL)
                log.close()
                running[trial["key"]] = (trial, proc, [None])
                threading.Thread(target=pump, args=(trial, proc), daemon=True).start()
            key, event = events.get()
            trial, proc, error = running[key]
            if event.startswith("epoch "):
                on_epoch(trial, int(event.split()[1]))
            elif event.startswith("error "):
                error[0] = event[len("error "):]
            elif event.startswith("exit "):
                del running[key]
                result = load_cached(trial, cache_dir)
                if result is None:
                    error[0] = error[0] or _last_log_line(work / f"{key}.log", event)
                    result = TrialError(error[0])
                on_done(trial, result)
    finally:
        for _, proc, _ in running.values():
            proc.terminate()
        for _, proc, _ in running.values():
            proc.wait()


def _last_log_line(path: Path, event: str) -> str:
    try:
        lines = [ln.strip() for ln in path.read_text().splitlines() if ln.strip()]
    except OSError:
        lines = []
    return f"worker failed ({event}): {lines[-1] if lines else 'no output'} (log: {path})"


def run_ray(trials, cache_dir: Path, address: str | None, jobs: int, data: Dataset | None, on_done) -> None:
    """Run the same trials as Ray tasks (local ray.init() or a cluster at `address`)."""
    import ray

    src = str(Path(__file__).resolve().parents[2])
    env = {"KERAS_BACKEND": "torch", "OMP_NUM_THREADS": "1",
           "AEON_DATA": os.environ.get("AEON_DATA", str(CACHE_DIR / "aeon_data"))}
    if address is None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    started_here = not ray.is_initialized()
    if started_here:
        kw = {"num_cpus": jobs, "include_dashboard": False} if address is None else {}
        ray.init(address=address, runtime_env={"env_vars": env}, logging_level="ERROR", log_to_driver=False,
                 configure_logging=True, **kw)
    try:
        data_ref = ray.put(data) if data is not None else None
        task = ray.remote(num_cpus=1, max_retries=0)(_ray_trial)
        refs = {task.remote(trial, data_ref): trial for trial in trials}
        while refs:
            done, _ = ray.wait(list(refs), num_returns=1)
            trial = refs.pop(done[0])
            try:
                result = ray.get(done[0])
            except Exception as e:  # ray wraps the task's exception; keep its last line
                cause = getattr(e, "cause", None) or e
                result = TrialError(display_error(cause))
            if not isinstance(result, TrialError):
                store(trial, result, cache_dir)
            on_done(trial, result)
    finally:
        if started_here:
            ray.shutdown()


def _ray_trial(trial: dict, data):
    os.environ["KERAS_BACKEND"] = "torch"
    import torch

    torch.set_num_threads(1)
    return run_trial(trial, data)


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
