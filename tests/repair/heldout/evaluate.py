"""Held-out evaluation of `shapedoctor check` / `fix --pick 1` on broken models from real bug reports.

Usage (from the repository root, with Keras installed):

    KERAS_BACKEND=torch python tests/repair/heldout/evaluate.py [--json OUT.json] [--cases 01,07] [--timeout S]

For every case of manifest.toml, as a new user would:

1. the case file is copied to a temporary directory;
2. `shapedoctor check --format json` runs on it (with `--target-shape` when the manifest gives one):
   **found** = at least one error/warning finding on a line of the real mistake (the statements marked
   `# heldout: mistake` in the case file: the root cause and the layer Keras fails at);
3. `shapedoctor fix --pick 1` runs on a second copy (the first fix of each finding, whatever its safety;
   `--target-shape` as above): **fixed** = the file changed and a re-check reports no error;
4. in ONE Keras subprocess (KERAS_BACKEND=torch, `import keras` once), each case isolated by try/except and a
   time limit: the ORIGINAL file is executed and trained one step (it must fail: a build or train error), and
   the FIXED file is executed, its `model` taken and trained one step (`train_on_batch`, batch of 2) on random
   data of the reporter's input shape (manifest `data_shape`, else the model's input shapes) and target shape
   (manifest `target_shape`, else the model's output shape): **built** = no error AND the model's output shape
   matches the reporter's target shape.

Prints a per-class table (found / fixed / built) and writes a JSON result file.  Nothing here changes the
engine; the numbers are what it does today.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.toml"
MARKER = "# heldout: mistake"
CLASSES = ["channels-first", "rank-in-loop", "image-rank", "sequence-rank", "recurrent-2d", "head-on-sequence",
           "input-spelling", "reshape-size", "concat-mismatch", "kernel-too-long"]
BATCH = 2
FREE_DIM = 12          # a None (non-batch) dimension in random data


def read_manifest(path: Path) -> list[dict]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)["case"]


def load_manifest(path: Path | None = None) -> list[dict]:
    return read_manifest(path or MANIFEST)


def parse_shape(text: str | None) -> list | None:
    if text is None:
        return None
    with _AST_LOCK:
        value = ast.literal_eval(text)
    return [None if d is None else int(d) for d in value]


# CPython 3.11 keeps the AST converter's recursion depth in interpreter-wide state: ast.parse in two threads at
# once can fail with "SystemError: AST constructor recursion depth mismatch" (the cases are checked in threads)
_AST_LOCK = threading.Lock()


def mistake_lines(source: str) -> set[int]:
    """Every line of each simple statement that carries a `# heldout: mistake` marker on any of its lines."""
    marked = {i for i, line in enumerate(source.splitlines(), 1) if MARKER in line}
    lines: set[int] = set()
    with _AST_LOCK:
        tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not hasattr(node, "body"):
            span = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            if span & marked:
                lines |= span
    return lines


# ---------------------------------------------------------------------------------------------------------------
# static phase: the shapedoctor CLI, as a user runs it

def _shapedoctor(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _findings(report: dict) -> list[dict]:
    out = []
    for f in report.get("files", []):
        for d in f.get("diagnostics", []):
            out.append({"code": d["code"], "kind": d["kind"], "severity": d["severity"], "line": d["line"],
                        "message": d["message"], "fixes": [x.get("title", "") for x in d.get("fixes", [])][:6]})
    return out


# --with-data-shape: also tell shapedoctor the reporter's input arrays (`data_shape`), as a user who knows them
# can (`--data-shape`).  Off by default: the sets were first measured without it.
GIVE_DATA_SHAPE = False


def _shape_args(target: str | None, data: str | None) -> list[str]:
    return (["--target-shape", target] if target else []) + (["--data-shape", data] if data else [])


def _check(path: Path, target: str | None, data: str | None = None) -> dict:
    args = ["check", "--format", "json", "--isolated", "--exit-zero"] + _shape_args(target, data)
    proc = _shapedoctor(args + [path.name], path.parent)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"crashed": True, "stderr": proc.stderr[-2000:], "findings": []}
    return {"crashed": False, "findings": _findings(report),
            "models": [{"name": m["name"], "line": m["line"], "complete": m["complete"]}
                       for f in report.get("files", []) for m in f.get("models", [])]}


def static_case(case: dict, workdir: Path) -> dict:
    src = HERE / case["file"]
    text = src.read_text(encoding="utf-8")
    lines = mistake_lines(text)
    target = case.get("target_shape") if case.get("labels") != "sparse" else None
    data = case.get("data_shape") if GIVE_DATA_SHAPE else None

    orig_dir = workdir / case["id"] / "original"
    fix_dir = workdir / case["id"] / "fixed"
    orig_dir.mkdir(parents=True)
    fix_dir.mkdir(parents=True)
    orig = orig_dir / src.name
    fixed = fix_dir / src.name
    shutil.copyfile(src, orig)
    shutil.copyfile(src, fixed)

    check = _check(orig, target, data)
    problems = [f for f in check["findings"] if f["severity"] in ("error", "warning")]
    found = any(f["line"] in lines for f in problems)

    args = ["fix", "--pick", "1", "--isolated"] + _shape_args(target, data)
    proc = _shapedoctor(args + [fixed.name], fix_dir)
    after = fixed.read_text(encoding="utf-8")
    changed = after != text
    recheck = _check(fixed, target, data) if changed else check  # unchanged: the re-check would be the check
    errors_after = [f for f in recheck["findings"] if f["severity"] == "error"]
    fixed_ok = changed and not errors_after and not recheck["crashed"]
    return {
        "mistake_lines": sorted(lines),
        "check_crashed": check["crashed"],
        "findings": problems,
        "found": found,
        "fix_stdout": (proc.stdout + proc.stderr)[-3000:],
        "fix_exit": proc.returncode,
        "changed": changed,
        "diff": _diff(text, after, src.name) if changed else "",
        "errors_after_fix": errors_after,
        "fixed": fixed_ok,
        "original_path": str(orig),
        "fixed_path": str(fixed),
    }


def _diff(a: str, b: str, name: str) -> str:
    import difflib
    return "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), f"a/{name}", f"b/{name}", n=1))


# ---------------------------------------------------------------------------------------------------------------
# Keras phase: one subprocess, every case isolated

def _keras_worker(out_path: str, timeout: int) -> None:
    """Reads one JSON job per stdin line ({"id", "kind": "original"|"fixed", "path", ...}) until EOF; appends one
    JSON result line per job to `out_path`."""
    import contextlib
    import gc
    import io
    import runpy
    import signal
    import time
    import warnings

    import numpy as np

    warnings.filterwarnings("ignore")
    import keras  # noqa: F401  (imported once for every case)

    _alias_tensorflow(keras)

    class Timeout(Exception):
        pass

    def on_alarm(signum, frame):
        raise Timeout(f"time limit {timeout}s")

    signal.signal(signal.SIGALRM, on_alarm)
    rng = np.random.default_rng(0)

    def concrete(shape, free=FREE_DIM):
        return [BATCH] + [free if d is None else int(d) for d in shape[1:]]

    def make_inputs(model, job):
        inputs = list(getattr(model, "inputs", None) or [])
        overrides = job.get("inputs") or {}
        data_shape = job.get("data_shape")
        if data_shape is not None and len(inputs) <= 1:
            dtype = str(inputs[0].dtype) if inputs else "float32"
            return _random(concrete(data_shape), dtype, None, None)
        if not inputs:
            raise RuntimeError("the model has no inputs and the manifest gives no data_shape")
        xs = []
        for t in inputs:
            name = getattr(t, "name", "")
            base = name.split(":")[0]
            o = overrides.get(base) or overrides.get(name) or {}
            shape = [BATCH] + list(o["shape"]) if "shape" in o else concrete(list(t.shape))
            xs.append(_random(shape, str(t.dtype), o.get("low"), o.get("high")))
        return xs[0] if len(xs) == 1 else xs

    def _random(shape, dtype, low, high):
        if "int" in dtype or low is not None:
            lo = 0 if low is None else low
            hi = 2 if high is None else high
            arr = rng.integers(lo, hi, size=shape)
            return arr.astype("int32" if "int" in dtype else "float32")
        return rng.random(size=shape).astype("float32")

    def output_shapes(model):
        outs = getattr(model, "outputs", None) or []
        return [[None if d is None else int(d) for d in o.shape] for o in outs]

    def make_targets(model, job):
        if getattr(model, "loss", None) is None:
            return None
        target = job.get("target_shape")
        if job.get("labels") == "sparse":
            n = target[-1]
            return rng.integers(0, n, size=(BATCH,)).astype("int32")
        if target is not None:
            return rng.random(size=concrete(target)).astype("float32")
        shapes = output_shapes(model)
        ys = [rng.random(size=concrete(s)).astype("float32") for s in shapes]
        return ys[0] if len(ys) == 1 else ys

    def shape_matches(out, target):
        if target is None:
            return True
        if len(out) != len(target):
            return False
        return all(a is None or b is None or a == b for a, b in zip(out[1:], target[1:]))

    def run(path, job):
        """(stage, error, output_shapes): stage is 'build', 'train' or 'ok'."""
        model = None
        signal.alarm(timeout)
        try:
            cwd = os.getcwd()
            os.chdir(os.path.dirname(path))
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    env = runpy.run_path(path, run_name="__heldout__")
            finally:
                os.chdir(cwd)
            model = env.get(job.get("model_var") or "model")
            if model is None:
                return "build", "the module defines no model variable", None
            try:
                x = make_inputs(model, job)
                y = make_targets(model, job)
                with contextlib.redirect_stdout(io.StringIO()):
                    model.train_on_batch(x, y)
            except Exception as e:  # noqa: BLE001 - every failure is a result
                return "train", f"{type(e).__name__}: {str(e)[:400]}", _safe_shapes(model)
            return "ok", None, output_shapes(model)
        except Exception as e:  # noqa: BLE001
            return "build", f"{type(e).__name__}: {str(e)[:400]}", None
        finally:
            signal.alarm(0)
            del model
            keras.config.set_image_data_format("channels_last")
            gc.collect()
            try:
                keras.backend.clear_session()
            except Exception:  # noqa: BLE001
                pass

    def _safe_shapes(model):
        try:
            return output_shapes(model)
        except Exception:  # noqa: BLE001
            return None

    with open(out_path, "a", encoding="utf-8") as out:
        for line in sys.stdin:
            if not line.strip():
                continue
            job = json.loads(line)
            t0 = time.monotonic()
            stage, err, shapes = run(job["path"], job)
            target = job.get("target_shape")
            match = bool(shapes) and shape_matches(shapes[0], target)
            result = {"id": job["id"], "kind": job["kind"], "stage": stage, "error": err, "output_shapes": shapes,
                      "output_matches_target": match, "seconds": round(time.monotonic() - t0, 2)}
            out.write(json.dumps(result) + "\n")
            out.flush()


def _alias_tensorflow(keras) -> None:
    """Reporters write `from tensorflow import keras` / `tf.keras.layers...`; TensorFlow is not installed here, so
    those names are served by Keras 3 (the torch backend), as they would be by `tf.keras` on Keras 3."""
    import importlib.util
    import types

    if importlib.util.find_spec("tensorflow") is not None:
        return
    from keras.src.utils import module_utils

    # Keras asks whether TensorFlow is available (tree / serialization): settle it before the alias exists.
    assert not module_utils.tensorflow.available
    tf = types.ModuleType("tensorflow")
    tf.keras = keras
    # Once "tensorflow" is in sys.modules, Keras' preprocessing layers (Resizing...) ask it whether they run
    # eagerly (backend_utils.in_tf_graph) when they are called on data: without the answer a fixed model that
    # builds failed its training step with "module 'tensorflow' has no attribute 'executing_eagerly'".
    tf.executing_eagerly = lambda: True
    sys.modules["tensorflow"] = tf
    sys.modules["tensorflow.keras"] = keras
    for name in ("layers", "models", "optimizers", "losses", "metrics", "callbacks", "utils", "activations",
                 "regularizers", "initializers", "constraints", "backend", "ops"):
        sys.modules[f"tensorflow.keras.{name}"] = getattr(keras, name)


class KerasWorker:
    """The one Keras subprocess: jobs are streamed to it while shapedoctor runs on the other cases.  A job that
    kills the process (a native crash in the backend: heap corruption in a backward pass) is recorded as failed at
    stage 'crash' with the end of its stderr, and the jobs after it run in a new process."""

    def __init__(self, workdir: Path, timeout: int):
        self.workdir = workdir
        self.out_path = workdir / "keras_results.jsonl"
        self.timeout = timeout
        self.jobs: list[dict] = []
        self.starts = 0
        self._start()

    def _start(self) -> None:
        self.starts += 1
        self.err_path = self.workdir / f"keras_worker{self.starts}.stderr"
        env = dict(os.environ, KERAS_BACKEND="torch", PYTHONWARNINGS="ignore")
        with open(self.err_path, "w") as err:  # a file, not a pipe: Keras' warnings must never fill a pipe
            self.proc = subprocess.Popen([sys.executable, __file__, "--keras-worker", str(self.out_path),
                                          str(self.timeout)], env=env, stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=err, text=True)

    @property
    def count(self) -> int:
        return len(self.jobs)

    def submit(self, case: dict, kind: str, path: str) -> None:
        job = {"id": case["id"], "kind": kind, "path": path, "model_var": case.get("model_var", "model"),
               "data_shape": parse_shape(case.get("data_shape")), "target_shape": parse_shape(case.get("target_shape")),
               "labels": case.get("labels"), "inputs": case.get("inputs")}
        self.jobs.append(job)
        self._send(job)

    def _send(self, job: dict) -> None:
        try:
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):  # the process died: finish() runs what it did not answer
            pass

    def _wait(self, pending: int) -> None:
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        try:
            self.proc.wait(timeout=self.timeout * (pending + 2))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def _results(self) -> dict[tuple[str, str], dict]:
        results = {}
        if self.out_path.exists():
            for line in self.out_path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                results[(r["id"], r["kind"])] = r
        return results

    def finish(self) -> dict[tuple[str, str], dict]:
        self._wait(len(self.jobs))
        results = self._results()
        while len(results) < len(self.jobs):
            missing = [j for j in self.jobs if (j["id"], j["kind"]) not in results]
            err = self.err_path.read_text(errors="replace").strip()
            if self.starts > len(self.jobs) + 1:
                raise RuntimeError(f"the Keras worker answered {len(results)} of {len(self.jobs)} jobs:\n{err[-4000:]}")
            crashed = missing[0]  # jobs run in order: the first unanswered one killed the process
            last = err.splitlines()[-1] if err else f"exit code {self.proc.returncode}"
            with open(self.out_path, "a", encoding="utf-8") as out:
                out.write(json.dumps({"id": crashed["id"], "kind": crashed["kind"], "stage": "crash",
                                      "error": f"the Keras process crashed: {last[:300]}", "output_shapes": None,
                                      "output_matches_target": False, "seconds": 0.0}) + "\n")
            if len(missing) > 1:
                self._start()
                for job in missing[1:]:
                    self._send(job)
                self._wait(len(missing) - 1)
            results = self._results()
        return results


# ---------------------------------------------------------------------------------------------------------------

def originals_only(case: dict, workdir: Path) -> dict:
    """No shapedoctor at all: only copies the file, so the Keras phase checks the original fails."""
    src = HERE / case["file"]
    d = workdir / case["id"] / "original"
    d.mkdir(parents=True)
    shutil.copyfile(src, d / src.name)
    return {"mistake_lines": sorted(mistake_lines(src.read_text(encoding="utf-8"))), "check_crashed": False,
            "findings": [], "found": False, "fix_stdout": "", "fix_exit": None, "changed": False, "diff": "",
            "errors_after_fix": [], "fixed": False, "original_path": str(d / src.name), "fixed_path": ""}


def reference_case(case: dict, workdir: Path) -> dict:
    """The hand-written repair of reference_fixes.py instead of shapedoctor (validates cases and harness)."""
    sys.path.insert(0, str(HERE))
    import reference_fixes

    src = HERE / case["file"]
    text = src.read_text(encoding="utf-8")
    out = originals_only(case, workdir)
    d = workdir / case["id"] / "fixed"
    d.mkdir(parents=True)
    (d / src.name).write_text(reference_fixes.apply(case["id"], text), encoding="utf-8")
    out.update(changed=True, fixed=True, fixed_path=str(d / src.name))
    return out


def evaluate(case_ids: list[str] | None = None, timeout: int = 120, jobs: int = 2,
             with_shapedoctor: bool = True, reference: bool = False) -> dict:
    cases = load_manifest()
    if case_ids:
        cases = [c for c in cases if c["id"] in case_ids]
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        workdir = Path(tmp)
        step = reference_case if reference else static_case if with_shapedoctor else originals_only
        worker = KerasWorker(workdir, timeout)
        for c in cases:  # the originals first: they do not depend on shapedoctor
            src = HERE / c["file"]
            d = workdir / c["id"] / "as-given"
            d.mkdir(parents=True)
            shutil.copyfile(src, d / src.name)
            worker.submit(c, "original", str(d / src.name))
        statics: dict[str, dict] = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(step, c, workdir): c for c in cases}
            for future in concurrent.futures.as_completed(futures):
                c = futures[future]
                statics[c["id"]] = s = future.result()
                if s["changed"]:
                    worker.submit(c, "fixed", s["fixed_path"])
        keras_results = worker.finish()
        per_case = []
        for c in cases:
            s = statics[c["id"]]
            orig = keras_results[(c["id"], "original")]
            fixed = keras_results.get((c["id"], "fixed"))
            target = parse_shape(c.get("target_shape"))
            k = {"original": {"stage": orig["stage"], "error": orig["error"], "output_shapes": orig["output_shapes"],
                              "fails": orig["stage"] != "ok",
                              "silent_mismatch": orig["stage"] == "ok" and not orig["output_matches_target"]},
                 "fixed": ({"stage": fixed["stage"], "error": fixed["error"], "output_shapes": fixed["output_shapes"],
                            "output_matches_target": fixed["output_matches_target"],
                            "built": fixed["stage"] == "ok" and fixed["output_matches_target"]} if fixed else
                           {"stage": "unchanged", "error": None, "output_shapes": None,
                            "output_matches_target": False, "built": False}),
                 "seconds": round(orig["seconds"] + (fixed["seconds"] if fixed else 0), 2),
                 "target_shape": target}
            per_case.append({
                "id": c["id"], "file": c["file"], "class": c["class"], "builder": c.get("builder", "module"),
                "source": c["source"], "target_shape": c.get("target_shape"), "data_shape": c.get("data_shape"),
                "found": s["found"], "fixed": s["fixed"], "built": k["fixed"]["built"],
                "original_fails": k["original"]["fails"], "static": s, "keras": k,
            })
    for r in per_case:  # paths of the deleted temporary directory are of no use in the result
        r["static"].pop("original_path", None)
        r["static"].pop("fixed_path", None)
    return {"date": datetime.date.today().isoformat(), "summary": summarise(per_case), "cases": per_case}


def summarise(per_case: list[dict]) -> dict:
    def row(rs):
        return {"total": len(rs), "found": sum(r["found"] for r in rs), "fixed": sum(r["fixed"] for r in rs),
                "built": sum(r["built"] for r in rs), "original_fails": sum(r["original_fails"] for r in rs)}
    by_class = {c: row([r for r in per_case if r["class"] == c]) for c in CLASSES}
    by_builder = {b: row([r for r in per_case if r["builder"] == b]) for b in ("module", "function")}
    total = row(per_case)
    total["built_rate"] = round(total["built"] / total["total"], 4) if total["total"] else 0.0
    return {"by_class": by_class, "by_builder": by_builder, "total": total}


def format_table(summary: dict) -> str:
    lines = [f"{'class':<18} {'cases':>5} {'found':>6} {'fixed':>6} {'built':>6}  original fails"]
    for name, r in list(summary["by_class"].items()) + [("", None)] + list(summary["by_builder"].items()):
        if r is None:
            lines.append("-" * 58)
            continue
        lines.append(f"{name:<18} {r['total']:>5} {r['found']:>6} {r['fixed']:>6} {r['built']:>6}  {r['original_fails']}")
    t = summary["total"]
    lines.append("=" * 58)
    lines.append(f"{'total':<18} {t['total']:>5} {t['found']:>6} {t['fixed']:>6} {t['built']:>6}  {t['original_fails']}"
                 f"   built rate {t['built_rate']:.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--keras-worker"]:
        _keras_worker(argv[1], int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="write the full result here")
    parser.add_argument("--cases", help="comma-separated case ids (default: all)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per Keras build+step (default 120)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="parallel shapedoctor runs (default 2)")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-case outcome lines")
    parser.add_argument("--originals-only", action="store_true",
                        help="only check in Keras that every original case fails (shapedoctor is not run)")
    parser.add_argument("--reference", action="store_true",
                        help="apply the hand-written repairs of reference_fixes.py instead of shapedoctor fix")
    parser.add_argument("--with-data-shape", action="store_true",
                        help="also pass each case's data_shape as --data-shape (not how the sets were first measured)")
    args = parser.parse_args(argv)
    global GIVE_DATA_SHAPE
    GIVE_DATA_SHAPE = args.with_data_shape
    ids = [s.strip() for s in args.cases.split(",")] if args.cases else None
    result = evaluate(ids, args.timeout, args.jobs, with_shapedoctor=not args.originals_only,
                      reference=args.reference)
    if args.verbose:
        for r in result["cases"]:
            k = r["keras"]
            print(f"{r['id']} {r['class']:<17} found={int(r['found'])} fixed={int(r['fixed'])} built={int(r['built'])}"
                  f"  original={k['original']['stage']}  fixed-run={k['fixed']['stage']}"
                  f" out={k['fixed']['output_shapes']}  {k['seconds']}s")
            if args.originals_only or args.reference:
                print(f"    original error: {k['original']['error']}  shapes={k['original']['output_shapes']}")
                if k["fixed"]["error"]:
                    print(f"    fixed error: {k['fixed']['error']}")
    print(format_table(result["summary"]))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
