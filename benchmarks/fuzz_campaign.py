"""A long crash-fuzzing campaign: N mutants of the project's own model files, configs and notebooks.

    python benchmarks/fuzz_campaign.py [--n 20000] [--jobs 2] [--timeout 10] [--seed 0] [--out DIR]

Each mutant (tests/engine/mutate.py) is written to a file and goes through the whole pipeline in strict mode
(``infer._STRICT``: a rule or front-end exception is a crash, not a degraded "unknown"): check_one_file with
fixes and edits, every output format and the trace, and for every fifth Python mutant ``fix_text``.  A worker
that takes longer than --timeout on one input is killed and the input counted as a hang; a worker memory
limit (--memory-mb) turns a memory blow-up into a crash.  Crashing and hanging inputs are saved in --out with
their traceback.  Prints: mutants, crashes, hangs, internal errors (internal-error findings), and the time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from multiprocessing.connection import wait

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "engine"))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from mutate import mutate, seed_files  # noqa: E402


def make_mutant(index: int, seed: int, seeds: list[str]) -> tuple[str, str]:
    rng = random.Random(f"{seed}:{index}")
    path = rng.choice(seeds)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    suffix = os.path.splitext(path)[1]
    return mutate(text, suffix, rng), suffix


def check_mutant(text: str, suffix: str, path: str, with_fix: bool) -> int:
    """Runs everything on one mutant; returns the number of internal-error findings. Raises on a crash."""
    from shapedoctor.check import check_one_file
    from shapedoctor.report import render
    from shapedoctor.report.trace import render_plain

    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8", "surrogatepass"))
    report = check_one_file(path, explicit=True, with_edits=True)
    from shapedoctor.check import Report

    whole = Report([report])
    for fmt in ("text", "json", "sarif", "github"):
        render(whole, fmt)
    render_plain(whole)
    internal = getattr(report, "internal_errors", 0) + sum(
        getattr(m.inference, "internal_errors", 0) for m in report.models)
    internal += sum(1 for d in report.diagnostics if d.kind.name == "internal-error" or "internal error" in d.message)
    if with_fix and suffix == ".py":
        from shapedoctor.repair.command import fix_text

        fix_text(text, path)
    return internal


def worker(conn, seed: int, seeds: list[str], workdir: str, memory_mb: int) -> None:
    import resource
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, memory_mb * 1024 * 1024))
    from shapedoctor import infer

    infer._STRICT = True
    path_for = {}
    while True:
        index = conn.recv()
        if index is None:
            return
        text, suffix = make_mutant(index, seed, seeds)
        path = path_for.setdefault(suffix, os.path.join(workdir, f"mutant_{os.getpid()}{suffix}"))
        try:
            internal = check_mutant(text, suffix, path, with_fix=index % 5 == 0)
            conn.send((index, "ok", internal, ""))
        except BaseException as exc:  # noqa: BLE001 - every failure is a finding of the campaign
            conn.send((index, "crash", 0, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it is a hang")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first mutant index (to resume or split a campaign)")
    parser.add_argument("--memory-mb", type=int, default=3000, help="address-space limit per worker (0: none)")
    parser.add_argument("--out", default=os.path.join(HERE, "..", ".cache", "fuzz"))
    args = parser.parse_args(argv)
    os.environ.setdefault("KERAS_BACKEND", "torch")
    seeds = seed_files()
    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="shapedoctor-fuzz-")
    context = multiprocessing.get_context("fork")
    workers = {}  # conn -> [process, index or None, started]

    def spawn():
        parent, child = context.Pipe()
        process = context.Process(target=worker, args=(child, args.seed, seeds, workdir, args.memory_mb), daemon=True)
        process.start()
        workers[parent] = [process, None, 0.0]

    for _ in range(args.jobs):
        spawn()
    todo = iter(range(args.start, args.start + args.n))
    counts = {"mutants": 0, "crashes": 0, "hangs": 0, "internal_errors": 0}
    slowest = (0.0, None)
    began = time.time()
    exhausted = False

    def save(index, kind, detail):
        text, suffix = make_mutant(index, args.seed, seeds)
        base = os.path.join(args.out, f"{kind}_{args.seed}_{index}")
        with open(base + suffix, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(text)
        with open(base + ".txt", "w", encoding="utf-8") as handle:
            handle.write(detail)

    while workers:
        for conn, state in list(workers.items()):
            if state[1] is None and not exhausted:
                index = next(todo, None)
                if index is None:
                    exhausted = True
                else:
                    conn.send(index)
                    state[1], state[2] = index, time.time()
            if state[1] is None and exhausted:
                conn.send(None)
                state[0].join(5)
                del workers[conn]
        if not workers:
            break
        ready = wait(list(workers), timeout=0.5)
        now = time.time()
        for conn in ready:
            process, index, started = workers[conn]
            try:
                got, status, internal, detail = conn.recv()
            except (EOFError, OSError):  # the worker died (segfault, memory limit hit hard)
                counts["mutants"] += 1
                counts["crashes"] += 1
                save(index, "died", f"worker exit code {process.exitcode}")
                del workers[conn]
                spawn()
                continue
            counts["mutants"] += 1
            elapsed = now - started
            slowest = max(slowest, (elapsed, index))
            if status == "crash":
                counts["crashes"] += 1
                save(index, "crash", detail)
            counts["internal_errors"] += 1 if internal else 0
            if internal:
                save(index, "internal", "internal-error finding")
            workers[conn][1] = None
        for conn, (process, index, started) in list(workers.items()):
            if index is not None and now - started > args.timeout:
                process.kill()
                process.join()
                counts["mutants"] += 1
                counts["hangs"] += 1
                save(index, "hang", f"over {args.timeout} s")
                del workers[conn]
                spawn()
        if counts["mutants"] and counts["mutants"] % 1000 == 0 and ready:
            print(f"  {counts['mutants']} mutants, {counts['crashes']} crashes, {counts['hangs']} hangs, "
                  f"{counts['internal_errors']} internal errors ({time.time() - began:.0f} s)", flush=True)
    total = time.time() - began
    print(f"mutants {counts['mutants']}  crashes {counts['crashes']}  hangs (> {args.timeout:g} s) {counts['hangs']}  "
          f"internal errors {counts['internal_errors']}  seeds {len(seeds)}  time {total:.0f} s  "
          f"slowest {slowest[0]:.2f} s (mutant {slowest[1]})  saved in {os.path.relpath(args.out)}")
    return 1 if counts["crashes"] or counts["hangs"] or counts["internal_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
