"""The oracle: real Keras 3 (torch backend) builds each generated case, then runs one forward pass.

Each worker is one long-lived process (``python oracle.py --worker``) reading JSON lines
``{"hash", "source"}`` on stdin and writing one JSON result line per case on stdout:

    builds      exec of the source succeeded (layers constructed, called on the symbolic inputs, Model built)
    forward_ok  model(batch) on a random batch of size 2 succeeded
    shapes      the model's symbolic output shapes (batch axis None), when it builds
    run_shapes  the forward pass output shapes (batch 2), when it runs
    error       "ExcType: message" of the first failure; error_line: the source line it was raised from
    stage       "ok", "build" or "forward" (or "timeout" / "crash")

A per-case alarm (``CASE_TIMEOUT`` s) guards each case inside the worker; the parent ``Pool`` also kills and
restarts a worker that stops answering (a hang in native code) or dies (a crash), marking that case.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import traceback

ORACLE_VERSION = 3  # part of the cache key: bump when what a result means changes
CASE_TIMEOUT = 20
HARD_TIMEOUT = 60
# the sizes given to a None axis other than the batch: the first, then (only if the forward pass fails) the
# others in turn; a model that runs for one of them is counted as running (a length-dependent failure is not a
# shape error a static checker could report)
VARIABLE_DIMS = (12, 8, 5, 15, 7, 9, 16, 6, 64)


def _shape(t) -> list:
    return [None if d is None else int(d) for d in t.shape]


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - signal handler
    raise _Timeout(f"case took more than {CASE_TIMEOUT}s")


def _error_line(exc: BaseException) -> int | None:
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == "case.py":
            line = lineno
    return line


def _message(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    return text[:600]


def _batch(model, length: int, np, keras):
    rng = np.random.default_rng(0)
    batch = []
    for t in model.inputs:
        shape = [2] + [length if d is None else int(d) for d in t.shape[1:]]
        dtype = str(t.dtype)
        if "int" in dtype:
            batch.append(rng.integers(0, 2, size=shape).astype(dtype))
        elif "bool" in dtype:
            batch.append(rng.integers(0, 2, size=shape).astype(bool))
        else:
            batch.append(rng.standard_normal(shape).astype("float32"))
    return batch if len(batch) > 1 else batch[0]


def run_case(source: str) -> dict:
    import numpy as np
    import keras

    result = {"builds": False, "forward_ok": False, "shapes": None, "run_shapes": None, "error": None,
              "error_line": None, "stage": "build"}
    ns: dict = {"__name__": "case"}
    signal.alarm(CASE_TIMEOUT)
    try:
        try:
            exec(compile(source, "case.py", "exec"), ns)
            model = ns["model"]
            result["shapes"] = [_shape(t) for t in model.outputs]
            result["builds"] = True
        except _Timeout as exc:
            result.update(stage="timeout", error=_message(exc))
            return result
        except Exception as exc:
            result.update(error=_message(exc), error_line=_error_line(exc))
            return result
        result["stage"] = "forward"
        has_free_dim = any(d is None for t in model.inputs for d in t.shape[1:])
        first_error = None
        for length in (VARIABLE_DIMS if has_free_dim else VARIABLE_DIMS[:1]):
            try:
                out = model(_batch(model, length, np, keras))
                outs = out if isinstance(out, (list, tuple)) else [out]
                result["run_shapes"] = [[int(d) for d in keras.ops.shape(o)] for o in outs]
                result.update(forward_ok=True, stage="ok", error=None, error_line=None)
                if first_error is not None:  # fails for some lengths of a None axis only: not a shape error
                    result["length_dependent"] = {"failed_at": VARIABLE_DIMS[0], "works_at": length,
                                                  "error": first_error}
                break
            except _Timeout as exc:
                result.update(stage="timeout", error=_message(exc))
                break
            except Exception as exc:
                result.update(error=_message(exc), error_line=_error_line(exc))
                if first_error is None:
                    first_error = result["error"]
        return result
    finally:
        signal.alarm(0)


def worker_main() -> None:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import warnings

    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    import torch

    torch.set_num_threads(1)
    import keras

    keras.utils.set_random_seed(0)
    signal.signal(signal.SIGALRM, _on_alarm)
    out = sys.stdout
    sys.stdout = sys.stderr  # a case printing something must not corrupt the protocol
    done = 0
    for line in sys.stdin:
        req = json.loads(line)
        t0 = time.perf_counter()
        try:
            res = run_case(req["source"])
        except BaseException as exc:  # noqa: BLE001 - the worker must survive anything a case does
            res = {"builds": False, "forward_ok": False, "shapes": None, "run_shapes": None,
                   "error": _message(exc), "error_line": None, "stage": "crash"}
        res["hash"] = req["hash"]
        res["seconds"] = round(time.perf_counter() - t0, 4)
        out.write(json.dumps(res) + "\n")
        out.flush()
        done += 1
        if done % 200 == 0:
            keras.backend.clear_session()


class Worker:
    def __init__(self):
        env = dict(os.environ, KERAS_BACKEND="torch", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
                   PYTHONWARNINGS="ignore")
        self.proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
                                     env=env)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def ask(self, case_hash: str, source: str) -> dict:
        self.proc.stdin.write(json.dumps({"hash": case_hash, "source": source}) + "\n")
        self.proc.stdin.flush()
        try:
            line = self.lines.get(timeout=HARD_TIMEOUT + (60 if not getattr(self, "warm", False) else 0))
        except queue.Empty:
            self.kill()
            return {"hash": case_hash, "builds": False, "forward_ok": False, "shapes": None, "run_shapes": None,
                    "error": "hang: worker killed", "error_line": None, "stage": "timeout"}
        if line is None:
            self.kill()
            return {"hash": case_hash, "builds": False, "forward_ok": False, "shapes": None, "run_shapes": None,
                    "error": "worker process died", "error_line": None, "stage": "crash"}
        self.warm = True
        return json.loads(line)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            self.kill()


def run_many(items: list[tuple[str, str]], workers: int = 1, progress=None) -> dict[str, dict]:
    """{hash: result} for [(hash, source)], on `workers` worker processes."""
    todo: queue.Queue = queue.Queue()
    for it in items:
        todo.put(it)
    results: dict[str, dict] = {}
    lock = threading.Lock()

    def loop():
        w = Worker()
        try:
            while True:
                try:
                    h, src = todo.get_nowait()
                except queue.Empty:
                    return
                if not w.alive():
                    w = Worker()
                res = w.ask(h, src)
                with lock:
                    results[h] = res
                    if progress:
                        progress(len(results), res)
        finally:
            w.close()

    threads = [threading.Thread(target=loop) for _ in range(max(1, workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


if __name__ == "__main__":
    if "--worker" in sys.argv:
        worker_main()
    else:
        src = open(sys.argv[1]).read()
        print(json.dumps(run_many([("x", src)])["x"], indent=1))
