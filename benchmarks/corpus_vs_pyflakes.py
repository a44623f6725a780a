"""shapedoctor on a real-code corpus: its CPU time against pyflakes' on the same files, and how much it checks.

    python benchmarks/corpus_vs_pyflakes.py CORPUS_DIR [--runs 3] [--jobs 1]

e.g. with the keras-io examples checked out somewhere outside this repository:
``python benchmarks/corpus_vs_pyflakes.py ../keras-io/examples``.

Both tools get the same ``.py`` files of CORPUS_DIR (recursively; hidden directories skipped) on their command
line, one whole process each, run alternately ``--runs`` times in this one run; the CPU time of each is its
children's user + sys time (``resource.getrusage(RUSAGE_CHILDREN)``), the median over the runs. Shared machines
are noisy: compare the ratio, never absolute times across runs. shapedoctor's sources are byte-compiled first
(``compileall``), as an installed package is, so no run pays for compiling them.

shapedoctor is measured twice per run: cold (``--no-cache``: every file parsed and interpreted, the
figure to compare with pyflakes, which has no cache) and warm (a result cache filled by one untimed run
beforehand, in a temporary directory: what a second ``check`` of unchanged files costs, as ruff's cache).

Coverage is counted from shapedoctor's JSON over every ``Model(...)``/``Sequential(...)``/``Functional(...)``
constructor call found in the files with ``ast``:
  traced     a model at that line whose every layer has status "ok" and a known output shape
  explained  not traced, but said so: a model at that line with "complete": false and gaps, a file-level
             "skipped_models" entry at that line, or any finding at that line
  silent     neither: the model was lost without a word
"""

from __future__ import annotations

import argparse
import ast
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CONSTRUCTORS = {"Model", "Sequential", "Functional"}
MAX_ARGS = 2000  # files per process invocation (command-line length); CPU time adds up over invocations


def python_files(corpus: str) -> list[str]:
    found = []
    for directory, subdirs, files in os.walk(corpus):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found += [os.path.join(directory, f) for f in sorted(files) if f.endswith(".py")]
    return found


def cpu_of(commands: list[list[str]], env: dict) -> tuple[float, list[str]]:
    """Children's user + sys CPU seconds of running ``commands`` one after the other; their stdouts."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    outputs = []
    for command in commands:
        proc = subprocess.run(command, env=env, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(command[:4])} ... exited {proc.returncode}: {proc.stderr[-500:]}")
        outputs.append(proc.stdout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), outputs


def constructor_lines(path: str) -> list[int]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            tree = ast.parse(handle.read())
    except (SyntaxError, ValueError, RecursionError):
        return []
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in CONSTRUCTORS:
                lines.append(node.lineno)
    return lines


def fully_traced(model: dict) -> bool:
    layers = model.get("layers") or []
    return bool(layers) and all(l.get("status") == "ok" and l.get("output_shape") is not None for l in layers)


def coverage(reports: list[dict]) -> dict:
    calls = traced = silent = 0
    silent_sites, first_reasons, findings = [], Counter(), []
    for report in reports:
        for file in report["files"]:
            models, diagnostics = file.get("models", []), file.get("diagnostics", [])
            skipped = file.get("skipped_models") or []
            findings += [f"{file['path']}:{d['line']}: {d['code']} [{d['kind']}] {d['message']}"
                         for d in diagnostics if d["severity"] in ("error", "warning")]
            for model in models:
                if model.get("gaps"):
                    first_reasons[_category(model["gaps"][0]["reason"])] += 1
            for line in constructor_lines(file["path"]):
                calls += 1
                here = [m for m in models if m.get("line") == line]
                if any(fully_traced(m) for m in here):
                    traced += 1
                elif not (any(m.get("complete") is False and m.get("gaps") for m in here)
                          or any(s.get("line") == line for s in skipped)
                          or any(d.get("line") == line for d in diagnostics)):
                    silent += 1
                    silent_sites.append(f"{file['path']}:{line}")
    return {"calls": calls, "traced": traced, "explained": calls - traced - silent, "silent": silent,
            "silent_sites": silent_sites, "first_reasons": first_reasons, "findings": findings}


def _category(reason: str) -> str:
    """A gap's reason without its specifics (names, numbers), to count reasons across a corpus."""
    import re

    reason = re.sub(r"`[^`]*`", "`...`", reason)
    reason = re.sub(r"'[^']*'", "'...'", reason)
    return re.sub(r"\d+", "N", reason)[:100]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory of Python files (kept outside this repository)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="shapedoctor check -j")
    parser.add_argument("--list", type=int, default=10, help="silent sites and findings to list")
    args = parser.parse_args(argv)
    files = python_files(args.corpus)
    if not files:
        sys.exit(f"no .py files under {args.corpus}")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"), KERAS_BACKEND="torch")
    env.pop("SHAPEDOCTOR_NO_CACHE", None)  # the warm runs use the cache; the cold ones say --no-cache
    # Byte-compile shapedoctor's sources first, as ``pip install`` does for pyflakes (and for shapedoctor): run
    # from a source tree with PYTHONDONTWRITEBYTECODE set, every run would otherwise compile its ~80 modules
    # again (~0.12 s of CPU on the keras-io corpus, charged to shapedoctor only).  Stale files are recompiled.
    compileall.compile_dir(os.path.join(ROOT, "src", "shapedoctor"), quiet=1)
    chunks = [files[i:i + MAX_ARGS] for i in range(0, len(files), MAX_ARGS)]
    cache = tempfile.mkdtemp(prefix="shapedoctor-bench-cache-")
    check = [sys.executable, "-m", "shapedoctor", "check", "--format", "json", "-j", str(args.jobs)]
    ours = [[*check, "--no-cache", *chunk] for chunk in chunks]
    warm = [[*check, "--cache-dir", cache, *chunk] for chunk in chunks]
    theirs = [[sys.executable, "-m", "pyflakes", *chunk] for chunk in chunks]
    _, warm_outputs = cpu_of(warm, env)  # fills the cache (untimed)
    ours_cpu, warm_cpu, pyflakes_cpu, outputs = [], [], [], []
    for _ in range(max(args.runs, 1)):
        seconds, outputs = cpu_of(ours, env)
        ours_cpu.append(seconds)
        seconds, warm_outputs = cpu_of(warm, env)
        warm_cpu.append(seconds)
        seconds, _ = cpu_of(theirs, env)
        pyflakes_cpu.append(seconds)
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    ours_s, pyflakes_s = statistics.median(ours_cpu), statistics.median(pyflakes_cpu)
    warm_s = statistics.median(warm_cpu)
    if warm_outputs != outputs:
        sys.exit("the warm (cached) run's JSON differs from the cold run's: a cache bug")
    reports = [json.loads(out) for out in outputs]
    summary = Counter()
    for report in reports:
        summary.update({k: v for k, v in report["summary"].items() if isinstance(v, int)})

    print(f"corpus: {args.corpus}: {len(files)} .py files; median of {len(ours_cpu)} run(s), CPU = user + sys of "
          f"the child processes")
    print(f"  shapedoctor check --format json -j {args.jobs}, cold: {ours_s:7.2f} s CPU")
    print(f"  shapedoctor check --format json -j {args.jobs}, warm: {warm_s:7.2f} s CPU (cached results, same JSON)")
    print(f"  pyflakes:                                      {pyflakes_s:7.2f} s CPU")
    ratio = (lambda seconds: f"{seconds / pyflakes_s:.2f}x" if pyflakes_s else "inf")
    print(f"  ratio shapedoctor / pyflakes: cold {ratio(ours_s)}, warm {ratio(warm_s)}")
    found = coverage(reports)
    calls = max(found["calls"], 1)
    print(f"coverage: {found['traced']}/{found['calls']} constructor calls fully traced "
          f"({100 * found['traced'] / calls:.0f}%), {found['explained']} explained, {found['silent']} silent")
    print(f"  models: {summary['models']} ({summary['fully_checked']} fully checked, {summary['partly_checked']} "
          f"partly checked), {summary['skipped_models']} skipped; {summary['internal_errors']} internal errors; "
          f"{summary['errors']} errors, {summary['warnings']} warnings")
    if found["first_reasons"]:
        print("  first gap of the partly checked models, most frequent first:")
        for reason, count in found["first_reasons"].most_common(args.list):
            print(f"    {count:5d}  {reason}")
    for site in found["silent_sites"][:args.list]:
        print(f"  silent: {site}")
    if found["findings"]:
        print(f"  {len(found['findings'])} error/warning findings (verify each in real Keras):")
        for line in found["findings"][:args.list]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
