"""`shapedoctor compare`: train candidate models on a time-series dataset and compare them honestly."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from . import adapt, anomaly, datasets, models, report, stats, train
from .adapt import Candidate

DEFAULT_EPOCHS = 500  # Fawaz-style budget: the FCN needs ~500 epochs on GunPoint (~60 s per run on one core)
DEFAULT_ANOMALY_EPOCHS = 20
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILURE):
        super().__init__(message)
        self.code = code


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dataset", required=True, nargs="+", metavar="NAME|PATH",
                        help=f"bundled dataset ({', '.join(datasets.bundled_names())}), 'anomaly' "
                             "(labelled InternalBleeding + ECG, injected anomalies in those and Daphnet), or a "
                             ".npz/.npy/.csv/.ts file; several: one report per "
                             "dataset in OUT/NAME/ and a critical-difference summary across them")
    parser.add_argument("--candidates", nargs="+", default=["seed"], metavar="seed|repairs|FILE.py",
                        help="'seed' (the article's three models + FCN), a seed model name, 'repairs FILE.py' "
                             "(FILE.py's model adapted to the dataset, once per verified repair: every Reshape "
                             "factorization), or model files defining build_model(input_shape, n_classes)")
    parser.add_argument("--max-candidates", type=int, default=None, metavar="N",
                        help="train only the first N ranked repairs of a 'repairs FILE.py' (default: all)")
    parser.add_argument("--apply-winner", action="store_true",
                        help="write the winning repair into FILE.py (as `shapedoctor fix` does), only when the "
                             "comparison names a winner")
    parser.add_argument("--epochs", type=int, default=None,
                        help=f"epochs per run (default {DEFAULT_EPOCHS}; {DEFAULT_ANOMALY_EPOCHS} for anomaly)")
    parser.add_argument("--seeds", type=int, default=3, metavar="K", help="runs per candidate (default 3)")
    parser.add_argument("--out", default="compare-out", metavar="DIR", help="output directory")
    parser.add_argument("--quiet", action="store_true", help="no progress output")
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
    except (datasets.DatasetError, models.CandidateError, adapt.CannotAdapt) as e:
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


class Plan:
    """One dataset's share of a compare run: its candidates, trials and where its report goes."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def _run(args) -> int:
    os.environ.setdefault("AEON_DATA", str(datasets.CACHE_DIR / "aeon_data"))
    for flag in ("epochs", "seeds", "jobs", "max_candidates"):
        value = getattr(args, flag, None)
        if value is not None and value < 1:
            raise CommandError(f"--{flag.replace('_', '-')} must be at least 1 (got {value})", EXIT_USAGE)
    if args.ray_address and args.backend != "ray":
        raise CommandError("--ray-address needs --backend ray", EXIT_USAGE)
    check_tokens(args.candidates)
    specs = args.dataset if isinstance(args.dataset, list) else [args.dataset]
    specs = list(dict.fromkeys(specs))
    apply_winner = getattr(args, "apply_winner", False)
    if apply_winner and "repairs" not in args.candidates:
        raise CommandError("--apply-winner needs --candidates repairs FILE.py: it writes the winning repair "
                           "into FILE.py", EXIT_USAGE)
    if apply_winner and len(specs) > 1:
        raise CommandError("--apply-winner needs one dataset: the winner is decided per dataset", EXIT_USAGE)
    out = Path(args.out)
    cache_dir = Path(args.cache_dir) if args.cache_dir else datasets.CACHE_DIR / "compare"
    jobs = args.jobs or os.cpu_count() or 1
    seeds = list(range(args.seeds))
    multi = len(specs) > 1
    # every dataset is loaded and every candidate adapted before any worker starts
    plans = [_prepare(args, spec, out / _slug(spec) if multi else out, cache_dir, seeds) for spec in specs]
    trials = [t for plan in plans for t in plan.trials]
    for plan in plans:
        by_spec = {c.spec: c for c in plan.cands}
        for trial in plan.trials:  # shown only; not part of the cache key
            trial["label"] = by_spec[trial["candidate"]].label
            if multi:
                trial["label"] = f"{plan.summary['name']}: {trial['label']}"

    results, failures = {}, {}
    interrupted = False
    with Progress(args.quiet, trials) as progress:
        todo = []
        for trial in trials:
            cached = train.load_cached(trial, cache_dir)
            if cached is not None:
                results[trial["key"]] = cached
                progress.done(trial, cached, cached=True)
            else:
                todo.append(trial)
        todo.sort(key=lambda t: t["candidate"] != "fcn")  # the longest runs first keeps every core busy
        progress.begin(todo, sum(len(p.cands) for p in plans), len(seeds), max(p.epochs for p in plans),
                       min(jobs, max(1, len(todo))))

        def on_done(trial, result):
            progress.done(trial, result)
            if isinstance(result, train.TrialError):
                failures.setdefault((trial["dataset_id"], trial["candidate"]), str(result))
            else:
                results[trial["key"]] = result

        try:
            if todo and args.backend == "ray":
                _require("ray", "--backend ray needs Ray: pip install 'shapedoctor[train]' (or ray)")
                data = {p.data_id: p.data for p in plans if p.data is not None}
                train.run_ray(todo, cache_dir, args.ray_address, jobs, data or None, on_done)
            elif todo:
                train.run_local(todo, cache_dir, jobs, progress.epoch, on_done, on_start=progress.start)
        except KeyboardInterrupt:
            interrupted = True

    written = [_finish(plan, args, seeds, results, failures, interrupted) for plan in plans]
    if multi:
        summary = report.cross_dataset(written)
        report.write_cross(out, summary)
    if interrupted:
        raise CommandError(f"interrupted: {len(results)} of {len(trials)} runs finished and are cached; "
                           f"partial results in {out}; run the same command again to resume")
    for plan in plans:
        for c in plan.cands:
            message = failures.get((plan.data_id, c.spec))
            if message:
                _err(f"{plan.summary['name'] + ': ' if multi else ''}{c.label}: {message}")
    if not args.quiet:
        for plan, out_results in zip(plans, written):
            print(report.console_table(out_results))
            print(f"Report: {plan.out / 'report.md'}")
        if multi:
            print(report.cross_text(summary))
            print(f"Summary: {out / 'summary.md'}")
    code = EXIT_FAILURE if failures else EXIT_OK
    if apply_winner:
        code = max(code, _apply_winner(written[0], plans[0].cands))
    return code


def _slug(spec: str) -> str:
    name = Path(spec).stem if Path(spec).suffix else spec
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)


def _prepare(args, spec: str, out: Path, cache_dir: Path, seeds: list) -> Plan:
    series = anomaly.series_for(spec)
    if series is not None:
        if "repairs" in args.candidates:
            raise CommandError("--candidates repairs adapts a classifier; the anomaly task needs autoencoders "
                               "(seed models, or files defining build_autoencoder)", EXIT_USAGE)
        cands = resolve_candidates(args.candidates, out)
        for c in [c for c in cands if c.spec in anomaly.NO_AUTOENCODER]:
            if not args.quiet:
                _note(f"{c.label}: {anomaly.NO_AUTOENCODER[c.spec]}")
            cands.remove(c)
        if not cands:
            raise CommandError("no candidate for the anomaly task: " + "; ".join(
                f"{k}: {v}" for k, v in anomaly.NO_AUTOENCODER.items()), EXIT_USAGE)
        found = anomaly.available(series)
        if not found:
            raise CommandError("no anomaly series available: install aeon (InternalBleeding) or sktime (ECG)")
        epochs = args.epochs or DEFAULT_ANOMALY_EPOCHS
        trials = [train.make_trial(c.spec, models.candidate_id(c.spec), f"{name}@anomaly{anomaly.VERSION}", seed,
                                   epochs, "anomaly", series=name) for c in cands for name in found for seed in seeds]
        summary = {"name": spec, "series": [_series_info(n) for n in found],
                   "n_train": None, "n_test": len(found), "length": anomaly.WINDOW, "channels": 1, "classes": None}
        return Plan(out=out, cands=cands, trials=trials, summary=summary, data=None, data_id=f"{spec}@anomaly",
                    epochs=epochs, anomaly=True)
    data = _load(spec)
    cands = resolve_candidates(args.candidates, out, data=data, max_candidates=args.max_candidates,
                               note=(lambda message: None) if args.quiet else _note)
    epochs = args.epochs or DEFAULT_EPOCHS
    data_id = train.dataset_id(data)
    data_file = cache_dir / "data" / f"{data_id.replace('@', '-')}.npz"
    if not data_file.exists():
        data_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_file.parent, suffix=".npz", delete=False) as tmp:
            data.save(tmp)
        os.replace(tmp.name, data_file)
    trials = [train.make_trial(c.spec, models.candidate_id(c.spec), data_id, seed, epochs, data=str(data_file),
                               **({"flat": True} if c.flat else {}))
              for c in cands for seed in seeds]
    return Plan(out=out, cands=cands, trials=trials, summary=data.summary(), data=data, data_id=data_id,
                epochs=epochs, anomaly=False)


def _finish(plan: Plan, args, seeds, results, failures, interrupted) -> dict:
    """Summarise one dataset's runs, compare the candidates and write its report."""
    candidates = []
    for c in plan.cands:
        runs = [results[t["key"]] for t in plan.trials if t["candidate"] == c.spec and t["key"] in results]
        params = runs[0]["params"] if runs else None
        entry = report.summarise(c.label, params, runs, failures.get((plan.data_id, c.spec)))
        if c.fix_title:
            entry["repair"] = {"fix": c.fix_title, "file": c.origin, "candidate_file": c.spec, "adapted": c.adapted}
        candidates.append(entry)
    out_results = {"dataset": plan.summary, "candidates": candidates,
                   "reference": report.reference_for(plan.summary["name"]), "epochs": plan.epochs, "seeds": seeds,
                   "backend": args.backend,
                   "protocol": sorted({r["protocol"] for c in candidates for r in c["runs"]})}
    if plan.anomaly:
        out_results["task"] = "anomaly"
    else:
        out_results["comparison"] = comparison_for(candidates, plan.data.y_test)
    if interrupted:
        out_results["interrupted"] = True
    report.write_all(plan.out, out_results)
    return out_results


def comparison_for(candidates: list, y_test) -> dict:
    """The paired comparison of every candidate that finished at least one run (see stats.py)."""
    y_test = np.asarray(y_test)
    correct = {}
    for c in candidates:
        runs = [r for r in c["runs"] if r.get("predictions") is not None]
        if runs:
            correct[c["name"]] = np.array([np.asarray(r["predictions"]) == y_test for r in runs], float)
    result = stats.compare(correct)
    result["verdict"] = stats.verdict_text(result)
    return result


def _apply_winner(results: dict, cands: list) -> int:
    comparison = results.get("comparison") or {}
    winner = comparison.get("winner")
    if winner is None:
        tied = ", ".join(comparison.get("indistinguishable") or []) or "no candidate finished"
        _err(f"--apply-winner: nothing written: no supported winner ({tied} cannot be told apart)")
        return EXIT_FAILURE
    chosen = next(c for c in cands if c.label == winner)
    if not chosen.fix_title:
        _err(f"--apply-winner: nothing written: the winner {winner} is not a repair of a file")
        return EXIT_FAILURE
    try:
        done = adapt.apply_fix(Path(chosen.origin), chosen.fix_title)
    except adapt.CannotAdapt as e:
        _err(f"--apply-winner: {e}")
        return EXIT_FAILURE
    print(f"applied the winner: {done}")
    return EXIT_OK


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
    return {"name": name, "length": len(x), "train_end": train_end, "anomaly": list(region) if region else None,
            "injected": len(anomaly.injection_plan(name, x, train_end, region))}


def _require(module: str, message: str):
    try:
        __import__(module)
    except ImportError:
        raise CommandError(message) from None


# ----------------------------------------------------------------------------------------------- candidates

def check_tokens(tokens) -> None:
    """Usage errors in the --candidates words, before anything is loaded."""
    for token in tokens:
        if token in ("seed", "repairs") or token in models.SEED_NAMES:
            continue
        if token.endswith(".py"):
            if not Path(token).is_file():
                raise CommandError(f"candidate file {token} does not exist", EXIT_USAGE)
            continue
        raise CommandError(f"unknown candidate {token!r}: use seed, {', '.join(models.SEED_NAMES)}, "
                           "repairs FILE.py or a FILE.py", EXIT_USAGE)
    if "repairs" in tokens and not any(t.endswith(".py") for t in tokens[tokens.index("repairs"):]):
        raise CommandError("--candidates repairs needs a model file: --candidates repairs model.py", EXIT_USAGE)


def _note(message: str) -> None:
    print(f"compare: {message}", file=sys.stderr, flush=True)


def resolve_candidates(tokens, out: Path, data=None, max_candidates: int | None = None, note=_note) -> list:
    """Candidates (seed names, checked .py paths, adapted repairs) from the --candidates words."""
    check_tokens(tokens)
    cands, repairing = [], False
    for token in tokens:
        if token == "seed":
            cands += [Candidate(n, n) for n in models.SEED_NAMES]
            repairing = False
        elif token == "repairs":
            repairing = True
        elif token in models.SEED_NAMES:
            cands.append(Candidate(token, token))
        elif repairing:
            if data is None:
                raise CommandError("--candidates repairs needs a classification dataset", EXIT_USAGE)
            length, channels = data.X_train.shape[1:]
            made = adapt.repair_candidates(Path(token), (int(length), int(channels)), len(data.labels), out,
                                           data.name, max_candidates, warn=note)
            note(f"{Path(token).name}: {len(made)} verified repair(s) to compare: "
                 f"{', '.join(c.label for c in made)}")
            cands += made
        else:
            path = Path(token)
            cands.append(Candidate(str(path.resolve()), path.name))
    unique = list({c.spec: c for c in cands}.values())
    for c in unique:
        if c.spec not in models.SEED_NAMES:
            check_candidate(Path(c.spec), c.label)
    return unique


def check_candidate(path: Path, label: str | None = None) -> None:
    """Refuse a model file that shapedoctor's checker finds an error in; print its warnings."""
    from shapedoctor import check_file

    found = check_file(str(path))
    for d in found.diagnostics:
        line = f"{path.name}:{getattr(d, 'line', '?')}: {getattr(d, 'code', '')} {getattr(d, 'message', d)}".strip()
        if label and label != path.name:
            line = f"{label} ({line})"
        if d.severity == "error":
            raise CommandError(f"{line}: fix the model first (shapedoctor fix {path})")
        if d.severity == "warning":
            _err(f"warning: {line}")


# ----------------------------------------------------------------------------------------------- progress

def _clock(seconds: float | None) -> str:
    if seconds is None or not np.isfinite(seconds):
        return "--:--"
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def _outcome(result) -> str:
    if isinstance(result, train.TrialError):
        return f"failed: {result}"
    if result.get("protocol") == "reconstruction":
        parts = [f"{'hit' if result['hit'] else 'miss'} at {result['location']}"] if "hit" in result else []
        injected = result.get("injected") or []
        if injected:
            parts.append(f"{sum(v['hit'] for v in injected)}/{len(injected)} injected hit")
        return ", ".join(parts) or "done"
    return f"{100 * result['test_accuracy']:.1f}%"


class Progress:
    """An overall bar with ETA over every epoch of every run, plus one line per running worker (start-up shown as
    such) on a terminal; one line per finished run when stderr is not a terminal; nothing with --quiet."""

    def __init__(self, quiet: bool, trials: list, stream=None):
        self.stream = stream or sys.stderr
        self.mode = "off" if quiet else ("bar" if self.stream.isatty() else "lines")
        self.trials, self.tasks = trials, {}
        self.n = len(trials)
        self.finished = self.fresh_total = self.fresh_done = 0
        self.epochs_seen = {}
        self.start_time = time.monotonic()

    def __enter__(self):
        if self.mode == "bar":
            from rich.console import Console
            from rich.progress import BarColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                           TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                           TextColumn("{task.fields[status]}"), console=Console(file=self.stream), transient=False)
            self.bar.__enter__()
            self.overall = self.bar.add_task("all runs", total=1, count=f"0/{self.n} runs", status="")
        return self

    def __exit__(self, *exc):
        if self.mode == "bar":
            self.bar.__exit__(*exc)
        return False

    def _print(self, line: str) -> None:
        if self.mode == "bar":
            self.bar.console.print(line, highlight=False, markup=False)
        elif self.mode == "lines":
            print(line, file=self.stream, flush=True)

    def begin(self, todo, n_candidates, n_seeds, epochs, workers) -> None:
        self.fresh_total = sum(t["epochs"] for t in todo)
        self.start_time = time.monotonic()
        cached = self.n - len(todo)
        what = (f"{len(todo)} run(s) to train ({n_candidates} candidates x {n_seeds} seeds, up to {epochs} epochs "
                f"each) on {workers} worker(s)" + (f"; {cached} cached" if cached else ""))
        if self.mode == "lines":
            self._print(f"compare: {what}; each worker first imports Keras (a few seconds)")
        elif self.mode == "bar":
            self._print(f"compare: {what}")
            self.bar.update(self.overall, total=max(1, self.fresh_total), completed=0,
                            status="starting workers (importing Keras)" if todo else "")

    def start(self, trial, new_worker: bool = True) -> None:
        if self.mode == "bar":
            label = f"  {trial['label']}  {trial.get('series', '')} seed {trial['seed']}".replace("  seed", " seed")
            status = "starting worker (importing Keras)" if new_worker else "building the model"
            self.tasks[trial["key"]] = self.bar.add_task(label, total=trial["epochs"], count=f"0/{trial['epochs']}",
                                                         status=status, start=False)

    def epoch(self, trial, epoch) -> None:
        previous = self.epochs_seen.get(trial["key"], 0)
        self.epochs_seen[trial["key"]] = epoch
        self.fresh_done += max(0, epoch - previous)
        if self.mode == "bar":
            task = self.tasks.get(trial["key"])
            if task is not None:
                self.bar.start_task(task)
                self.bar.update(task, completed=epoch, count=f"{epoch}/{trial['epochs']}", status="")
            self.bar.update(self.overall, completed=self.fresh_done, status="")

    def eta(self) -> float | None:
        elapsed = time.monotonic() - self.start_time
        if self.fresh_done <= 0 or elapsed <= 0:
            return None
        return (self.fresh_total - self.fresh_done) * elapsed / self.fresh_done

    def done(self, trial, result, cached=False) -> None:
        self.finished += 1
        if not cached:  # early stopping: the epochs it did not need count as done
            self.fresh_done += max(0, trial["epochs"] - self.epochs_seen.get(trial["key"], 0))
            self.epochs_seen[trial["key"]] = trial["epochs"]
        where = f" {trial['series']}" if trial.get("series") else ""
        secs = "" if cached or isinstance(result, train.TrialError) else f" in {result['train_seconds']:.0f} s"
        line = (f"[{self.finished}/{self.n}] {trial['label']}{where} seed {trial['seed']}: {_outcome(result)}"
                f"{' (cached)' if cached else secs}")
        if self.mode == "lines" and not cached:
            line += f"; elapsed {_clock(time.monotonic() - self.start_time)}, ETA {_clock(self.eta())}"
        if self.mode == "bar":
            task = self.tasks.pop(trial["key"], None)
            if task is not None:
                self.bar.remove_task(task)
            self.bar.update(self.overall, completed=self.fresh_done, count=f"{self.finished}/{self.n} runs")
        if not cached:
            self._print(line)
