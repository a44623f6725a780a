"""Training runs for `shapedoctor compare`: one trial = one (candidate, dataset, seed, epochs).

Protocol (chosen from the training-set size, recorded in every run):
  fawaz           n_train < 500: fixed epochs, batch 16, Adam 1e-3, ReduceLROnPlateau(factor 0.5, patience 50,
                  min_lr 1e-4) on the *training* loss, and the weights of the epoch with the lowest training
                  loss are evaluated (Fawaz et al. 2019).  A validation split of a 50-series training set is too
                  small to steer anything (early stopping on it stops the FCN at ~60% on GunPoint).
  early-stopping  n_train >= 500: a stratified 20% of TRAIN is held out for validation; EarlyStopping (patience
                  P = max(20, epochs/10), best weights restored) and ReduceLROnPlateau (factor 0.5, patience
                  max(1, P // 2), min_lr 1e-4) on the validation loss.  The LR patience is half the stopping
                  patience so that the rate is halved at least once before training stops (with equal patiences,
                  as in protocol version 1, the schedule never acted).
The test split is only used once, after training; the predicted class of every test series is kept in the run
record (`predictions`), so that candidates can be compared series by series (see stats.py).

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

PROTOCOL_VERSION = 2  # 2: per-series test predictions kept; LR patience half the early-stopping patience
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


def early_stopping_patience(epochs: int) -> tuple:
    """(EarlyStopping patience, ReduceLROnPlateau patience) of the early-stopping protocol: the rate is halved
    after half the epochs without improvement that stop training, so the schedule can act before the stop."""
    stop = max(20, epochs // 10)
    return stop, max(1, stop // 2)


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
        stop, reduce = early_stopping_patience(epochs)
        callbacks += [keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=reduce, min_lr=1e-4),
                      keras.callbacks.EarlyStopping(monitor="val_loss", patience=stop, restore_best_weights=True)]
    start = time.perf_counter()
    history = model.fit(X, y, batch_size=min(BATCH_SIZE, len(X)), epochs=epochs, verbose=0, shuffle=True,
                        callbacks=callbacks, **fit_kw).history
    seconds = time.perf_counter() - start
    pred = np.argmax(model.predict(data.X_test, batch_size=256, verbose=0), axis=1)
    epochs_run = len(history["loss"])
    return {"seed": seed, "protocol": protocol, "test_accuracy": float(np.mean(pred == data.y_test)),
            "train_seconds": seconds, "epochs_run": epochs_run, "epoch_seconds": seconds / max(1, epochs_run),
            "predictions": [int(p) for p in pred],
            "history": {k: [float(v) for v in vals] for k, vals in history.items()}}


def run_trial(trial: dict, data: Dataset, report=lambda epoch: None) -> dict:
    """Run one trial in this process (keras is imported here, with the backend already chosen)."""
    import keras

    from . import models

    keras.utils.set_random_seed(trial["seed"])
    if trial["task"] == "anomaly":
        from . import anomaly

        return anomaly.run_trial(trial, report)
    model = models.build(trial["candidate"], data.X_train.shape[1:], len(data.labels), flat=trial.get("flat", False))
    record = fit_classifier(model, data, trial["epochs"], trial["seed"], report)
    record["params"] = int(model.count_params())
    return record


def worker_main(argv) -> int:
    """`python -m shapedoctor.experiments.train --serve CACHE_DIR`: read trial file paths from stdin, one per
    line, run each and store its result, until stdin closes (one worker serves many trials: Keras and torch are
    imported once).  `python -m shapedoctor.experiments.train TRIAL.json CACHE_DIR` runs a single trial."""
    import torch

    torch.set_num_threads(int(os.environ.get("SHAPEDOCTOR_THREADS", "1")))
    if argv and argv[0] == "--serve":
        cache_dir = Path(argv[1])
        print(f"{_MARK}ready", flush=True)
        for line in sys.stdin:
            if line.strip():
                _serve_one(Path(line.strip()), cache_dir)
        return 0
    return 0 if _serve_one(Path(argv[0]), Path(argv[1])) else 3


def _serve_one(spec: Path, cache_dir: Path) -> bool:
    import traceback

    import keras

    from .models import CandidateError

    def report(epoch):
        print(f"{_MARK}epoch {epoch}", flush=True)

    trial = json.loads(spec.read_text())
    try:
        data = Dataset.from_npz(Path(trial["data"])) if trial.get("data") else None
        result = run_trial(trial, data, report)
    except (CandidateError, ValueError) as e:
        print(f"{_MARK}error {display_error(e)}", flush=True)
        print(f"{_MARK}finished", flush=True)
        return False
    except Exception as e:  # keep serving the other trials; the traceback goes to the worker's log
        traceback.print_exc()
        print(f"{_MARK}error {display_error(e)}", flush=True)
        print(f"{_MARK}finished", flush=True)
        return False
    finally:
        keras.backend.clear_session()
    store(trial, result, cache_dir)
    print(f"{_MARK}finished", flush=True)
    return True


def display_error(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if isinstance(e, ValueError) and text[:1].islower() else f"{type(e).__name__}: {text}"


# ----------------------------------------------------------------------------------------------- the driver

def worker_env(threads: int) -> dict:
    env = dict(os.environ)
    if os.environ.get("SHAPEDOCTOR_THREADS", "").isdigit() and int(os.environ["SHAPEDOCTOR_THREADS"]) >= 1:
        threads = int(os.environ["SHAPEDOCTOR_THREADS"])
    src = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([src] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.update(KERAS_BACKEND="torch", SHAPEDOCTOR_THREADS=str(threads), OMP_NUM_THREADS=str(threads),
               AEON_DATA=env.get("AEON_DATA", str(CACHE_DIR / "aeon_data")))
    # Idle OpenMP threads sleep instead of spinning.  Measured on the shared 2-core development machine (load ~4),
    # conv-pool-conv on ItalyPowerDemand: 2 threads spinning 205 ms/epoch, 2 threads passive 44 ms/epoch, 1 thread
    # 17 ms/epoch.  SHAPEDOCTOR_THREADS=1 (set by the user) gives each worker one thread whatever --jobs is.
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return env


def run_local(trials, cache_dir: Path, jobs: int, on_epoch, on_done, on_start=None) -> None:
    """Run trials in `jobs` worker subprocesses, each serving trial after trial (Keras is imported once per
    worker).  on_start(trial, new_worker) when a trial is handed to a worker (a new worker first imports Keras:
    a few seconds before the first epoch), on_epoch(trial, epoch), on_done(trial, result|TrialError).  A worker
    that dies fails only its current trial; a new one takes over the rest."""
    cache_dir = Path(cache_dir)
    work = cache_dir / "trials"
    work.mkdir(parents=True, exist_ok=True)
    threads = max(1, (os.cpu_count() or 1) // jobs)
    events: queue.Queue = queue.Queue()
    pending = list(trials)
    workers: dict = {}  # id -> {"proc", "trial", "error", "log", "fresh"}
    counter = iter(range(1 << 30))

    def pump(wid, proc):
        for line in proc.stdout:
            if line.startswith(_MARK):
                events.put((wid, line[len(_MARK):].strip()))
        events.put((wid, f"exit {proc.wait()}"))

    def spawn():
        wid = next(counter)
        log_path = work / f"worker-{os.getpid()}-{wid}.log"
        with open(log_path, "w") as log:
            proc = subprocess.Popen([sys.executable, "-m", "shapedoctor.experiments.train", "--serve",
                                     str(cache_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                    text=True, env=worker_env(threads))
        workers[wid] = {"proc": proc, "trial": None, "error": None, "log": log_path, "fresh": True}
        threading.Thread(target=pump, args=(wid, proc), daemon=True).start()
        return wid

    def assign(wid):
        w = workers[wid]
        if not pending:
            w["trial"] = None
            try:
                w["proc"].stdin.close()
            except OSError:
                pass
            return
        trial = pending.pop(0)
        spec = work / f"{trial['key']}.json"
        spec.write_text(json.dumps(trial))
        w["trial"], w["error"] = trial, None
        try:
            w["proc"].stdin.write(f"{spec}\n")
            w["proc"].stdin.flush()
        except OSError:  # the worker is gone: its exit event hands the trial back
            pass
        if on_start is not None:
            on_start(trial, w["fresh"])
        w["fresh"] = False

    try:
        for _ in range(min(jobs, len(pending))):
            assign(spawn())
        while any(w["trial"] is not None for w in workers.values()):
            wid, event = events.get()
            w = workers.get(wid)
            if w is None:
                continue
            trial = w["trial"]
            if event.startswith("epoch ") and trial is not None:
                on_epoch(trial, int(event.split()[1]))
            elif event.startswith("error "):
                w["error"] = event[len("error "):]
            elif event == "finished" and trial is not None:
                result = load_cached(trial, cache_dir)
                if result is None:
                    result = TrialError(w["error"] or "the worker gave no result")
                w["trial"] = None
                on_done(trial, result)
                assign(wid)
            elif event.startswith("exit "):
                del workers[wid]
                if trial is not None:  # died during a trial
                    result = load_cached(trial, cache_dir)
                    if result is None:
                        result = TrialError(w["error"] or _last_log_line(w["log"], event))
                    on_done(trial, result)
                    if pending:
                        assign(spawn())
    finally:
        for w in workers.values():
            if w["proc"].poll() is None:
                w["proc"].terminate()
        for w in workers.values():
            w["proc"].wait()


def _last_log_line(path: Path, event: str) -> str:
    try:
        lines = [ln.strip() for ln in path.read_text().splitlines() if ln.strip()]
    except OSError:
        lines = []
    return f"worker failed ({event}): {lines[-1] if lines else 'no output'} (log: {path})"


def run_ray(trials, cache_dir: Path, address: str | None, jobs: int, data, on_done) -> None:
    """Run the same trials as Ray tasks (local ray.init() or a cluster at `address`); data: a Dataset, or
    {dataset_id: Dataset} for trials of several datasets, or None (anomaly task)."""
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
        if isinstance(data, Dataset):
            data = {t["dataset_id"]: data for t in trials}
        data_refs = {key: ray.put(d) for key, d in (data or {}).items()}
        task = ray.remote(num_cpus=1, max_retries=0)(_ray_trial)
        refs = {task.remote(trial, data_refs.get(trial["dataset_id"])): trial for trial in trials}
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
