"""shapedoctor against pyflakes on a corpus, counted in instructions: a measure that does not move with the load.

    python benchmarks/corpus_instructions.py CORPUS_DIR

CPU seconds (corpus_vs_pyflakes.py) are what issue 9 is about, but on a shared machine two runs of the same code
differ by 10-25%, more than most single changes save.  Here each tool runs once under
``valgrind --tool=cachegrind --cache-sim=no``, which counts the instructions the process executes (the same count,
within ~0.1%, every time): shapedoctor cold (``--no-cache``, JSON, one process) and pyflakes on the same files.  The
instruction ratio is not the CPU ratio -- shapedoctor executes fewer instructions per cycle (a larger working set)
-- so use it to compare two versions of shapedoctor, and corpus_vs_pyflakes.py for the goal.  Needs valgrind; each
run takes some 25 s (valgrind is ~20x slower than the code it counts).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from corpus_vs_pyflakes import MAX_ARGS, python_files  # noqa: E402


def instructions(command: list[str], env: dict) -> int:
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *command], env=env, capture_output=True, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if found is None:
        sys.exit(f"no instruction count from valgrind: {proc.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="directory of Python files (kept outside this repository)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    files = python_files(args.corpus)
    if not files:
        sys.exit(f"no .py files under {args.corpus}")
    if len(files) > MAX_ARGS:
        files = files[:MAX_ARGS]
        print(f"(the first {MAX_ARGS} files only: one process each)")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"), KERAS_BACKEND="torch")
    compileall.compile_dir(os.path.join(ROOT, "src", "shapedoctor"), quiet=1)  # as corpus_vs_pyflakes.py does
    ours = instructions([sys.executable, "-m", "shapedoctor", "check", "--format", "json", "--no-cache", *files],
                        env)
    theirs = instructions([sys.executable, "-m", "pyflakes", *files], env)
    print(f"corpus: {args.corpus}: {len(files)} .py files; instructions executed (cachegrind)")
    print(f"  shapedoctor check --format json --no-cache: {ours / 1e9:7.3f} G")
    print(f"  pyflakes:                                   {theirs / 1e9:7.3f} G")
    print(f"  ratio shapedoctor / pyflakes: {ours / theirs:.2f}x (instructions; see corpus_vs_pyflakes.py for CPU)")


if __name__ == "__main__":
    main()
