"""`shapedoctor compare`: train candidate models on a time-series dataset and compare them honestly."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import anomaly, datasets, models, report, train

DEFAULT_EPOCHS = 500  # Fawaz-style budget: the FCN needs ~500 epochs on GunPoint (~60 s per run on one core)
DEFAULT_ANOMALY_EPOCHS = 20
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.code = code


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dataset", required=True, metavar="NAME|PATH",
                        help=f"bundled dataset ({', '.join(datasets.bundled_names())}), 'anomaly' "
                             "(InternalBleeding + ECG), or a .npz/.npy/.csv/.ts file")
    parser.add_argument("--candidates", nargs="+", default=["seed"], metavar="seed|repairs|FILE.py",
                        help="'seed' (the article's three models + FCN), a seed model name, 'repairs FILE.py' "
                             "(the ranked fixes of FILE.py), or model files defining build_model(input_shape, "
                             "n_classes)")
    parser.add_argument("--epochs", type=int, default=None,
                        help=f"epochs per run (default {DEFAULT_EPOCHS}; {DEFAULT_ANOMALY_EPOCHS} for anomaly)")
    parser.add_argument("--seeds", type=int, default=3, metavar="K", help="runs per candidate (default 3)")
    parser.add_argument("--out", default="compare-out", metavar="DIR", help="output directory")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument("--backend", choices=("local", "ray"), default="local",
                        help="local subprocesses (default) or Ray tasks")
    parser.add_argument("--ray-address", default=None, metavar="ADDR", help="Ray cluster address (default: local)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="trials in parallel (default: number of cores)")
    parser.add_argument("--cache-dir", default=None, metavar="DIR",
                        help=f"finished runs are kept here (default {datasets.CACHE_DIR / 'compare'})")


def run(args) -> int:
    try:
        return _run(args)
    except CommandError as e:
        _err(str(e))
        return e.code
    except (datasets.DatasetError, models.CandidateError) as e:
        _err(str(e))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_FAILURE
    except Exception as e:  # never a traceback: one line, the full one only with SHAPEDOCTOR_DEBUG
        if os.environ.get("SHAPEDOCTOR_DEBUG"):
            raise
        _err(f"compare failed: {train.display_error(e)}")
        return EXIT_FAILURE


def _err(message: str) -> None:
    print(f"shapedoctor compare: {message}", file=sys.stderr)


def _run(args) -> int:
    os.environ.setdefault("AEON_DATA", str(datasets.CACHE_DIR / "aeon_data"))
    for flag in ("epochs", "seeds", "jobs"):
        value = getattr(args, flag)
        if value is not None and value < 1:
            raise CommandError(f"--{flag} must be at least 1 (got {value})", EXIT_USAGE)
    if args.ray_address and args.backend != "ray":
        raise CommandError("--ray-address needs --backend ray", EXIT_USAGE)
    out = Path(args.out)
    cache_dir = Path(args.cache_dir) if args.cache_dir else datasets.CACHE_DIR / "compare"
    jobs = args.jobs or os.cpu_count() or 1
    seeds = list(range(args.seeds))
    specs = resolve_candidates(args.candidates, out)

    series = anomaly.series_for(args.dataset)
    if series is not None:
        found = anomaly.available(series)
        if not found:
            raise CommandError("no anomaly series available: install aeon (InternalBleeding) or sktime (ECG)")
        epochs = args.epochs or DEFAULT_ANOMALY_EPOCHS
        data, data_file = None, None
        trials = [train.make_trial(s, models.candidate_id(s), f"{name}@anomaly", seed, epochs, "anomaly",
                                   series=name) for s in specs for name in found for seed in seeds]
        summary = {"name": args.dataset, "series": [_series_info(n) for n in found],
                   "n_train": None, "n_test": len(found), "length": anomaly.WINDOW, "channels": 1, "classes": None}
    else:
        data = _load(args.dataset)
        epochs = args.epochs or DEFAULT_EPOCHS
        data_id = train.dataset_id(data)
        data_file = cache_dir / "data" / f"{data_id.replace('@', '-')}.npz"
        if not data_file.exists():
            data_file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=data_file.parent, suffix=".npz", delete=False) as tmp:
                data.save(tmp)
            os.replace(tmp.name, data_file)
        trials = [train.make_trial(s, models.candidate_id(s), data_id, seed, epochs, data=str(data_file))
                  for s in specs for seed in seeds]
        summary = data.summary()

    results, failures = {}, {}
    interrupted = False
    with _Progress(args.quiet, trials, specs) as progress:
        todo = []
        for trial in trials:
            cached = train.load_cached(trial, cache_dir)
            if cached is not None:
                results[trial["key"]] = cached
                progress.done(trial, cached=True)
            else:
                todo.append(trial)
        todo.sort(key=lambda t: t["candidate"] != "fcn")  # the longest runs first keeps every core busy

        def on_done(trial, result):
            progress.done(trial, failed=isinstance(result, train.TrialError))
            if isinstance(result, train.TrialError):
                failures.setdefault(trial["candidate"], str(result))
            else:
                results[trial["key"]] = result

        try:
            if todo and args.backend == "ray":
                _require("ray", "--backend ray needs Ray: pip install 'shapedoctor[train]' (or ray)")
                train.run_ray(todo, cache_dir, args.ray_address, jobs, data, on_done)
            elif todo:
                train.run_local(todo, cache_dir, jobs, progress.epoch, on_done)
        except KeyboardInterrupt:
            interrupted = True

    candidates = []
    for spec in specs:
        runs = [results[t["key"]] for t in trials if t["candidate"] == spec and t["key"] in results]
        params = runs[0]["params"] if runs else None
        candidates.append(report.summarise(models.display_name(spec), params, runs, failures.get(spec)))
    out_results = {"dataset": summary, "candidates": candidates, "reference": report.reference_for(summary["name"]),
                   "epochs": epochs, "seeds": seeds, "backend": args.backend,
                   "protocol": sorted({r["protocol"] for r in results.values()})}
    if series is not None:
        out_results["task"] = "anomaly"
    if interrupted:
        out_results["interrupted"] = True
    report.write_all(out, out_results)
    if interrupted:
        raise CommandError(f"interrupted: {len(results)} of {len(trials)} runs finished and are cached; "
                           f"partial results in {out}; run the same command again to resume")
    for spec, message in failures.items():
        _err(f"{models.display_name(spec)}: {message}")
    if not args.quiet:
        order = report.ranked(out_results)
        if order:
            best = order[0]
            print(f"best: {best['name']} {100 * best['test_accuracy_mean']:.1f}%; "
                  f"{report.confidence(out_results)} Report: {out / 'report.md'}")
    return EXIT_FAILURE if failures else EXIT_OK


def _load(spec: str):
    path = Path(spec)
    looks_like_path = path.suffix.lower() in (".npz", ".npy", ".csv", ".ts") or os.sep in spec
    if looks_like_path and not path.exists():
        raise CommandError(f"dataset file {spec} does not exist", EXIT_USAGE)
    try:
        return datasets.load_dataset(spec)
    except datasets.DatasetError as e:
        code = EXIT_USAGE if str(e).startswith("unknown dataset") else EXIT_FAILURE
        raise CommandError(str(e), code) from None


def _series_info(name):
    x, train_end, region = anomaly.load_series(name)
    return {"name": name, "length": len(x), "train_end": train_end, "anomaly": list(region)}


def _require(module: str, message: str):
    try:
        __import__(module)
    except ImportError:
        raise CommandError(message) from None


# ----------------------------------------------------------------------------------------------- candidates

def resolve_candidates(tokens, out: Path) -> list:
    """Candidate specs (seed names and checked .py paths) from the --candidates words."""
    specs, repairing = [], False
    for token in tokens:
        if token == "seed":
            specs += models.SEED_NAMES
            repairing = False
        elif token == "repairs":
            repairing = True
        elif token in models.SEED_NAMES:
            specs.append(token)
        elif token.endswith(".py"):
            path = Path(token)
            if not path.is_file():
                raise CommandError(f"candidate file {token} does not exist", EXIT_USAGE)
            specs += repair_variants(path, out) if repairing else [str(path.resolve())]
        else:
            raise CommandError(f"unknown candidate {token!r}: use seed, {', '.join(models.SEED_NAMES)}, "
                               "repairs FILE.py or a FILE.py", EXIT_USAGE)
    if repairing and not any(t.endswith(".py") for t in tokens):
        raise CommandError("--candidates repairs needs a model file: --candidates repairs model.py", EXIT_USAGE)
    for spec in specs:
        if spec not in models.SEED_NAMES:
            check_candidate(Path(spec))
    return list(dict.fromkeys(specs))


def check_candidate(path: Path) -> None:
    """Refuse a model file that shapedoctor's checker finds an error in; print its warnings."""
    from shapedoctor import check_file

    found = check_file(str(path))
    for d in found.diagnostics:
        line = f"{path.name}:{getattr(d, 'line', '?')}: {getattr(d, 'code', '')} {getattr(d, 'message', d)}".strip()
        if d.severity == "error":
            raise CommandError(f"{line}: fix the model first (shapedoctor fix {path})")
        if d.severity == "warning":
            _err(f"warning: {line}")


def repair_variants(path: Path, out: Path, max_rank: int = 3) -> list:
    """One candidate file per fix rank: `path` repaired by ``shapedoctor fix --pick k`` (the same rewrites,
    re-checked), for k = 1..max_rank; ranks that give the same model are kept once."""
    from ..repair.command import fix_text

    source = path.read_text()
    variants, seen = [], set()
    for rank in range(1, max_rank + 1):
        outcome = fix_text(source, str(path), pick=rank)
        if not outcome.applied or outcome.remaining or outcome.fixed in seen:
            continue
        seen.add(outcome.fixed)
        titles = "; ".join(a.title for a in outcome.applied)
        target = out / "repairs" / f"{path.stem}_fix{rank}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {path.name} repaired with fix {rank}: {titles}\n" + outcome.fixed)
        variants.append(str(target.resolve()))
    if not variants:
        raise CommandError(f"{path.name}: shapedoctor found nothing it can repair; pass it as a plain candidate")
    return variants


# ----------------------------------------------------------------------------------------------- progress

class _Progress:
    """A rich progress bar per candidate run (nothing with --quiet)."""

    def __init__(self, quiet: bool, trials: list, specs: list):
        self.quiet, self.trials, self.tasks = quiet, trials, {}
        self.width = max(len(models.display_name(s)) for s in specs)

    def __enter__(self):
        if self.quiet:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.fields[status]}"),
                            console=Console(stderr=True), transient=False)
        self.bar.__enter__()
        for t in self.trials:
            label = f"{models.display_name(t['candidate']):<{self.width}}  {t.get('series', '')} seed {t['seed']}"
            self.tasks[t["key"]] = self.bar.add_task(label, total=t["epochs"], status="", start=False)
        return self

    def __exit__(self, *exc):
        if not self.quiet:
            self.bar.__exit__(*exc)
        return False

    def epoch(self, trial, epoch):
        if not self.quiet:
            self.bar.start_task(self.tasks[trial["key"]])
            self.bar.update(self.tasks[trial["key"]], completed=epoch)

    def done(self, trial, cached=False, failed=False):
        if not self.quiet:
            status = "cached" if cached else ("[red]failed" if failed else "")
            self.bar.start_task(self.tasks[trial["key"]])
            self.bar.update(self.tasks[trial["key"]], completed=trial["epochs"], status=status)
