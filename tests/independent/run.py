"""End to end: generate -> Keras oracle (cached by case hash) -> shapedoctor -> tables and disagreements.

    python tests/independent/run.py --cases 5000 --seed 0 --out /tmp/indep

Writes into OUT: oracle_cache.jsonl (the Keras results, reused by later runs: only new cases are executed),
results.jsonl (one row per case), disagreements.json (groups, each with example sources; then every
disagreeing case), summary.json and report.md (the tables).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
os.environ["SHAPEDOCTOR_NO_CACHE"] = "1"  # every verdict is computed afresh (no per-file result cache)


def load_sibling(name: str):
    """This folder's module `name`, under a name of its own (plain `compare` / `oracle` could be another folder's
    module already imported in the same test session)."""
    full = f"shapedoctor_independent_{name}"
    if full in sys.modules:
        return sys.modules[full]
    spec = importlib.util.spec_from_file_location(full, os.path.join(HERE, f"{name}.py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules[full] = mod
    spec.loader.exec_module(mod)
    return mod


compare = load_sibling("compare")
generate = load_sibling("generate")
oracle = load_sibling("oracle")


def keras_version() -> str:
    from importlib.metadata import version

    return version("keras")


def load_cache(path: str, kv: str) -> dict:
    cache: dict = {}
    if os.path.exists(path):
        with open(path) as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if rec.get("keras") == kv:
                    cache[rec["hash"]] = rec["result"]
    return cache


def _sd_batch(sources: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    out = []
    for h, src in sources:
        try:
            out.append((h, compare.sd_verdict(src)))
        except Exception as exc:  # the API promises never to raise; record it if it does
            out.append((h, {"errors": [], "warnings": [], "infos": [], "models": 0, "skipped": 0,
                            "internal_errors": 1, "file_error": f"API raised {type(exc).__name__}: {exc}",
                            "complete": False, "gaps": [], "shape": None}))
    return out


def run_shapedoctor(cases: list, jobs: int) -> dict:
    items = [(c.hash, c.source) for c in cases]
    if jobs <= 1:
        return dict(_sd_batch(items))
    chunks = [items[i::jobs * 4] for i in range(jobs * 4)]
    out: dict = {}
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        for res in ex.map(_sd_batch, chunks):
            out.update(res)
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--workers", type=int, default=1, help="Keras oracle worker processes")
    ap.add_argument("--jobs", type=int, default=1, help="shapedoctor processes")
    ap.add_argument("--p-bad", type=float, default=0.45)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    log = (lambda *m: None) if a.quiet else (lambda *m: print(*m, file=sys.stderr, flush=True))

    t0 = time.time()
    cases = generate.generate(a.cases, a.seed, a.p_bad)
    log(f"generated {len(cases)} cases in {time.time() - t0:.1f}s")

    kv = f"{keras_version()}/oracle-{oracle.ORACLE_VERSION}"
    cache_path = os.path.join(a.out, "oracle_cache.jsonl")
    cache = load_cache(cache_path, kv)
    todo = {}
    for c in cases:
        if c.hash not in cache:
            todo[c.hash] = c.source
    log(f"oracle: {len(cases) - len(todo)} cached, {len(todo)} to run on {a.workers} worker(s)")
    t1 = time.time()
    if todo:
        with open(cache_path, "a") as fh:
            def progress(n, res):
                fh.write(json.dumps({"hash": res["hash"], "keras": kv, "result": res}) + "\n")
                if n % 500 == 0:
                    fh.flush()
                    dt = time.time() - t1
                    log(f"  oracle {n}/{len(todo)}  {n / dt:.1f} cases/s")
            results = oracle.run_many(list(todo.items()), workers=a.workers, progress=progress)
        cache.update(results)
    oracle_seconds = time.time() - t1
    if todo:
        log(f"oracle: {len(todo)} cases in {oracle_seconds:.1f}s ({len(todo) / max(oracle_seconds, 1e-9):.1f}/s)")

    t2 = time.time()
    sd = run_shapedoctor(cases, a.jobs)
    sd_seconds = time.time() - t2
    log(f"shapedoctor: {len(cases)} cases in {sd_seconds:.1f}s")

    rows = [compare.compare_one(c.to_json(), cache[c.hash], sd[c.hash]) for c in cases]
    summary = compare.summarize(rows)
    summary.update(seed=a.seed, p_bad=a.p_bad, keras=kv, oracle_seconds_new=round(oracle_seconds, 1),
                   oracle_cases_new=len(todo), shapedoctor_seconds=round(sd_seconds, 1),
                   layers_covered=generate.covered_names())
    extra = (f"seed {a.seed}, p_bad {a.p_bad}, Keras {kv} (torch backend); oracle = build + one forward pass "
             f"(batch 2).\n\n")
    report = compare.render(rows, extra)
    with open(os.path.join(a.out, "results.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    groups = compare.group_disagreements(rows)
    with open(os.path.join(a.out, "disagreements.json"), "w") as fh:
        json.dump({"summary": summary, "groups": groups,
                   "cases": [r for r in rows if r["label"] not in compare.AGREE]}, fh, indent=1)
    with open(os.path.join(a.out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=1)
    with open(os.path.join(a.out, "report.md"), "w") as fh:
        fh.write(report)
    if not a.quiet:
        print(report)
    return summary


if __name__ == "__main__":
    main()
