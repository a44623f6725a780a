"""How does the cost of checking grow with the size of a model?  Prints a growth table.

    python benchmarks/scale.py [--sizes 10,100,1000,10000,100000] [--forms list,add,functional,config]
                               [--commands api,api-broken,check,trace,fix] [--timeout 300] [--json OUT]

Models of N layers (N counts every layer, the input included) are generated in a temporary
directory in four forms:

- ``list``        ``keras.Sequential([keras.Input(...), layers.Dense(...), ...])``
- ``add``         ``model = keras.Sequential()`` + one ``model.add(...)`` line per layer
- ``functional``  ``x = layers.Dense(...)(x)`` chains and ``keras.Model(inputs, x)``
- ``config``      a ``model.to_json()``-style Keras 3 Sequential config (one line, like Keras writes it)

Each form has a clean variant and a broken one (the last layer is a ``Conv1D`` after ``Dense``: one
rank error with ranked Reshape fixes).  Commands, each run in a fresh child process:

- ``api``         ``shapedoctor.check_file(clean)`` in process (time of the call itself, import excluded)
- ``api-broken``  ``shapedoctor.check_file(broken)``: finding, explanation, verified fixes and source edits
- ``check``       ``shapedoctor check broken`` as a CLI subprocess (whole process, text output)
- ``trace``       ``shapedoctor trace clean`` as a CLI subprocess
- ``fix``         ``shapedoctor fix --diff broken`` as a CLI subprocess (Python forms only)

For every run it reports the wall time and the child's peak memory (``ru_maxrss`` of that one child,
from ``os.wait4``).  The growth column is time(N) / time(N/10): about 10 means linear, about 100
quadratic (at small N fixed costs such as the interpreter start dominate, so ratios there are < 10).
This prints measurements; it asserts nothing about time (shared machines are noisy).
A run slower than ``--timeout`` is killed and larger sizes of that command are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FORMS = ("list", "add", "functional", "config")
COMMANDS = ("api", "api-broken", "check", "trace", "fix")
WIDTH = 64  # features of every Dense; the broken Conv1D gets (None, 64)

# A repeating block of ordinary layers (every one keeps the shape (None, WIDTH)).
_BLOCK = [
    ('Dense', f'{WIDTH}, activation="relu"', {"units": WIDTH, "activation": "relu"}),
    ('Dropout', '0.1', {"rate": 0.1}),
    ('Dense', f'{WIDTH}', {"units": WIDTH, "activation": "linear"}),
    ('Activation', '"relu"', {"activation": "relu"}),
]
_BROKEN = ('Conv1D', '32, 3', {"filters": 32, "kernel_size": [3], "padding": "valid"})


def _layers(n: int, broken: bool) -> list[tuple[str, str, dict]]:
    """The n - 1 layers after the input; the broken variant ends with a Dense then a Conv1D."""
    body = [_BLOCK[i % len(_BLOCK)] for i in range(n - 1)]
    if broken:
        body[-2:] = [_BLOCK[0], _BROKEN]
    return body


_HEADER = "import keras\nfrom keras import layers\n\n"


def source_list(n: int, broken: bool) -> str:
    lines = [_HEADER, "model = keras.Sequential([\n", f"    keras.Input(shape=({WIDTH},)),\n"]
    lines += [f"    layers.{t}({a}),\n" for t, a, _ in _layers(n, broken)]
    lines.append("])\nmodel.compile(optimizer=\"adam\", loss=\"mse\")\n")
    return "".join(lines)


def source_add(n: int, broken: bool) -> str:
    lines = [_HEADER, "model = keras.Sequential()\n", f"model.add(keras.Input(shape=({WIDTH},)))\n"]
    lines += [f"model.add(layers.{t}({a}))\n" for t, a, _ in _layers(n, broken)]
    lines.append("model.compile(optimizer=\"adam\", loss=\"mse\")\n")
    return "".join(lines)


def source_functional(n: int, broken: bool) -> str:
    lines = [_HEADER, f"inputs = keras.Input(shape=({WIDTH},))\n", "x = inputs\n"]
    lines += [f"x = layers.{t}({a})(x)\n" for t, a, _ in _layers(n, broken)]
    lines.append("model = keras.Model(inputs, x)\nmodel.compile(optimizer=\"adam\", loss=\"mse\")\n")
    return "".join(lines)


def _dtype() -> dict:
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def source_config(n: int, broken: bool) -> str:
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": [None, WIDTH], "dtype": "float32", "sparse": False, "ragged": False,
                          "name": "input_layer", "optional": False}, "registered_name": None}]
    counts: dict[str, int] = {}
    for type_, _, args in _layers(n, broken):
        base = {"Dense": "dense", "Dropout": "dropout", "Activation": "activation", "Conv1D": "conv1d"}[type_]
        k = counts.get(base, 0)
        counts[base] = k + 1
        config = {"name": base if k == 0 else f"{base}_{k}", "trainable": True, "dtype": _dtype(), **args}
        layers.append({"module": "keras.layers", "class_name": type_, "config": config, "registered_name": None})
    model = {"module": "keras", "class_name": "Sequential",
             "config": {"name": "sequential", "trainable": True, "dtype": _dtype(), "layers": layers},
             "registered_name": None}
    return json.dumps(model)


_GENERATORS = {"list": source_list, "add": source_add, "functional": source_functional, "config": source_config}

_API_CHILD = """
import sys, time
import shapedoctor
from shapedoctor.check import check_file
path = sys.argv[1]
start = time.perf_counter()
report = check_file(path)
elapsed = time.perf_counter() - start
print(elapsed, len(report.diagnostics), sum(len(d.fixes) for d in report.diagnostics))
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"), COLUMNS="200")


def run_child(cmd: list[str], timeout: float) -> dict:
    """Wall time, peak RSS (MB) and stdout of one child process; ``timed_out`` when killed."""
    out = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stdout=out, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = start + timeout
    status = rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return {"time": None, "timed_out": True, "rss_mb": rusage.ru_maxrss / 1024}
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    stdout = out.read().decode("utf-8", "replace")
    return {"time": elapsed, "timed_out": False, "rss_mb": rusage.ru_maxrss / 1024, "rc": proc.returncode,
            "stdout": stdout}


def measure(command: str, clean: str, broken: str, timeout: float) -> dict:
    py = sys.executable
    if command == "api":
        result = run_child([py, "-c", _API_CHILD, clean], timeout)
    elif command == "api-broken":
        result = run_child([py, "-c", _API_CHILD, broken], timeout)
    elif command == "check":
        result = run_child([py, "-m", "shapedoctor", "check", broken], timeout)
    elif command == "trace":
        result = run_child([py, "-m", "shapedoctor", "trace", clean], timeout)
    elif command == "fix":
        result = run_child([py, "-m", "shapedoctor", "fix", "--unsafe-fixes", "--diff", broken], timeout)
    else:
        raise ValueError(command)
    if command.startswith("api") and not result["timed_out"]:
        fields = result["stdout"].split()
        if result.get("rc") == 0 and fields:
            result["time"] = float(fields[0])  # the call itself, not the interpreter and imports
            result["findings"], result["fixes"] = int(fields[1]), int(fields[2])
        else:
            result["failed"] = True
    elif not result["timed_out"] and result.get("rc") not in (0, 1):
        result["failed"] = True
    result.pop("stdout", None)
    return result


def _fmt_time(r: dict | None) -> str:
    if r is None:
        return "-"
    if r.get("timed_out"):
        return "timeout"
    if r.get("failed"):
        return f"exit {r.get('rc')}"
    t = r["time"]
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def print_table(results: dict, sizes: list[int], forms, commands) -> None:
    for form in forms:
        print(f"\n== {form} " + "=" * 60)
        head = f"{'command':<11}" + "".join(f"{n:>19,}" for n in sizes)
        print(head)
        for command in commands:
            if (form, command, sizes[0]) not in results and all((form, command, n) not in results for n in sizes):
                continue
            cells_t, cells_g, cells_m = [], [], []
            for i, n in enumerate(sizes):
                r = results.get((form, command, n))
                cells_t.append(_fmt_time(r))
                prev = results.get((form, command, sizes[i - 1])) if i else None
                if r and prev and r.get("time") and prev.get("time") and not r.get("failed") \
                        and sizes[i - 1] * 10 == n:
                    cells_g.append(f"x{r['time'] / prev['time']:.1f}")
                else:
                    cells_g.append("")
                cells_m.append(f"{r['rss_mb']:.0f} MB" if r and r.get("rss_mb") else "-")
            print(f"{command:<11}" + "".join(f"{c:>19}" for c in cells_t))
            print(f"{'  growth':<11}" + "".join(f"{c:>19}" for c in cells_g))
            print(f"{'  peak RSS':<11}" + "".join(f"{c:>19}" for c in cells_m))


def generate(form: str, n: int, clean: str, broken: str) -> None:
    for path, is_broken in ((clean, False), (broken, True)):
        with open(path, "w") as handle:
            handle.write(_GENERATORS[form](n, is_broken))


def main() -> None:
    if sys.argv[1:2] == ["--generate"]:
        form, n, clean, broken = sys.argv[2:6]
        generate(form, int(n), clean, broken)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,10000,100000")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run (default 300)")
    parser.add_argument("--json", metavar="OUT", help="also write the raw measurements here")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    forms = [f for f in args.forms.split(",") if f]
    commands = [c for c in args.commands.split(",") if c]
    for name in forms:
        if name not in FORMS:
            parser.error(f"unknown form {name!r}")
    for name in commands:
        if name not in COMMANDS:
            parser.error(f"unknown command {name!r}")
    tmp = tempfile.mkdtemp(prefix="shapedoctor-scale-")
    results: dict = {}
    try:
        for form in forms:
            ext = ".json" if form == "config" else ".py"
            gave_up: set[str] = set()
            for n in sizes:
                clean = os.path.join(tmp, f"{form}_{n}{ext}")
                broken = os.path.join(tmp, f"{form}_{n}_broken{ext}")
                # Generated in a child: this process stays small, so a child's ru_maxrss is its own (a forked
                # child starts from its parent's resident size).
                subprocess.run([sys.executable, os.path.abspath(__file__), "--generate", form, str(n), clean, broken],
                               check=True)
                for command in commands:
                    if command == "fix" and form == "config":
                        continue  # configs are reported, never rewritten
                    if command in gave_up:
                        continue
                    r = measure(command, clean, broken, args.timeout)
                    results[(form, command, n)] = r
                    size_mb = os.path.getsize(broken) / 1e6
                    print(f"{form:<10} {command:<10} {n:>7} layers ({size_mb:6.2f} MB): {_fmt_time(r):>10} "
                          f"{r['rss_mb']:7.0f} MB", file=sys.stderr, flush=True)
                    if r.get("timed_out"):
                        gave_up.add(command)
                os.unlink(clean)
                os.unlink(broken)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(results, sizes, forms, commands)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump([{"form": f, "command": c, "layers": n, **r} for (f, c, n), r in results.items()], handle,
                      indent=1)


if __name__ == "__main__":
    main()
