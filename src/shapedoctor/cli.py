"""The ``shapedoctor`` command line. Exit codes: 0 clean, 1 findings, 2 usage error."""

from __future__ import annotations

import os
import sys

if os.path.basename(getattr(sys.modules.get("__main__"), "__file__", None) or "") == "shapedoctor":
    from .interrupt import install as _install  # the console script: Ctrl-C is exit 130 from its first import

    _install()

import argparse  # noqa: E402

from . import __version__  # noqa: E402
from .report import FORMATS, printable  # noqa: E402

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the contract says
        raise UsageError(message)


def parse_shape(text: str) -> tuple:
    """``--target-shape``: "(None, 1)", "None,1", "1" (batch axis added when missing)."""
    cleaned = text.strip().strip("()[]")
    dims = []
    for part in (p.strip() for p in cleaned.split(",")):
        if not part:
            continue
        if part.lower() in ("none", "null", "?"):
            dims.append(None)
        elif part.isascii() and part.isdigit() and len(part) <= 18:  # not "²", not 5,000 digits
            dims.append(int(part))
        else:
            raise UsageError(f"--target-shape: cannot read {_clip(text)!r}; write e.g. '(None, 1)'")
    if not dims:
        raise UsageError(f"--target-shape: cannot read {_clip(text)!r}; write e.g. '(None, 1)'")
    if dims[0] is not None:
        dims.insert(0, None)
    return tuple(dims)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _kinds(text: str | None) -> set[str] | None:
    if not text:
        return None
    from .kinds import kind_by_name_or_code

    from .kinds import KINDS
    from .suppress import selector_matches

    out = set()
    for part in text.split(","):
        if not part.strip():
            continue
        kind = kind_by_name_or_code(part)
        if kind is not None:
            out.add(kind.name)
            continue
        matched = {k.name for k in KINDS.values() if selector_matches(part, k)}  # SD1 (a prefix), ALL
        if not matched:
            raise UsageError(f"unknown finding kind or code {part.strip()!r} (see `shapedoctor explain --list`)")
        out |= matched
    return out


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """``command``: the sub-command about to run; heavy sub-commands add their options only then,
    so that `shapedoctor check` never imports what `compare` needs."""
    parser = _Parser(prog="shapedoctor", description="Find, explain and fix Keras shape errors statically.")
    parser.add_argument("--version", action="version", version=f"shapedoctor {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="check models for shape errors")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--select", help="only these kinds/codes (comma-separated)")
    check.add_argument("--ignore", help="skip these kinds/codes (comma-separated)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when findings are reported (usage and internal errors still exit 2/3)")
    check.add_argument("--statistics", action="store_true",
                       help="after the report, the number of findings per code (text format)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="text format: only the error and warning lines, no explanations, no summary")
    check.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--target-shape", help="shape of the training targets, e.g. '(None, 1)'")
    check.add_argument("-j", "--jobs", type=int, default=1, help="check files in N processes")
    check.add_argument("--no-fixes", action="store_true", help="do not compute fix suggestions")

    trace = sub.add_parser("trace", help="per-layer shape table")
    trace.add_argument("path", metavar="PATH")
    trace.add_argument("--model", help="only the model of this name")
    trace.add_argument("--target-shape")

    fix = sub.add_parser("fix", help="apply ranked, verified fixes")
    if command == "fix":
        from .repair.command import add_arguments as add_fix_arguments

        add_fix_arguments(fix)

    compare = sub.add_parser("compare", help="train candidate architectures on time-series data")
    if command == "compare":
        try:
            from .experiments.command import add_arguments as add_compare_arguments
        except ModuleNotFoundError as exc:
            raise UsageError(f"compare needs the training extras ({exc.name} is not installed): "
                             f"pip install 'shapedoctor[train]'") from None
        add_compare_arguments(compare)

    explain = sub.add_parser("explain", help="long explanation of a finding kind")
    explain.add_argument("kind", nargs="?", metavar="KIND")
    explain.add_argument("--list", action="store_true", help="list all kinds")
    explain.add_argument("--markdown", action="store_true", help="every kind's documentation as Markdown "
                                                                   "(docs/kinds.md is generated this way)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from .interrupt import install, restore

    previous = install()  # first: a Ctrl-C from here on is exit 130 and one line, never a traceback
    for stream in (sys.stdout, sys.stderr):  # an ASCII-only terminal gets \\u escapes, not UnicodeEncodeError
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    try:
        return _main(argv)
    except UsageError as exc:
        print(f"shapedoctor: error: {printable(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("shapedoctor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # never a traceback: one line, and a distinct exit code for bugs
        print(f"shapedoctor: internal error: {type(exc).__name__}: {printable(exc)} (please report this)",
              file=sys.stderr)
        return 3
    finally:
        if argv is not None:  # called as a function (tests, embedding): give the caller its handler back
            restore(previous)


def _main(argv) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "check":
        return _check(args)
    if args.command == "trace":
        return _trace(args)
    if args.command == "explain":
        return _explain(args)
    if args.command == "fix":
        from .repair.command import run
        return run(args)
    if args.command == "compare":
        from .experiments.command import run
        return run(args)
    return EXIT_USAGE


def _collect(paths, target_shape, jobs: int = 1, with_fixes: bool = True, with_edits: bool = False):
    from .check import Report, check_one_file, file_problem
    from .discover import discover
    from .kinds import INPUT_ERROR

    problems: list = []
    try:
        files = discover(paths, problems)
    except FileNotFoundError as exc:
        raise UsageError(f"path does not exist: {exc.args[0]}") from None
    named = {os.path.normpath(p) for p in paths}
    explicit = [os.path.normpath(f) in named for f in files]
    # Input that exists but cannot be read is a finding (exit 1), never "All checks passed: 0 files".
    unread = [file_problem(path, INPUT_ERROR, message) for path, message in problems]
    if jobs > 1 and len(files) > 1:
        reports = _collect_parallel(files, explicit, target_shape, with_fixes, with_edits, jobs)
    else:  # check_one_file never raises: a failure in one file is that file's finding
        reports = [check_one_file(f, target_shape, with_fixes, e, with_edits) for f, e in zip(files, explicit)]
    return Report(unread + reports)


def _collect_parallel(files, explicit, target_shape, with_fixes, with_edits, jobs):
    """Each file is its own task, so one that fails (or kills its worker) is that file's finding only."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .check import check_one_file, file_problem
    from .kinds import INPUT_ERROR

    reports = [None] * len(files)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(check_one_file, f, target_shape, with_fixes, e, with_edits)
                   for f, e in zip(files, explicit)]
        for i, future in enumerate(futures):
            try:
                reports[i] = future.result()
            except BrokenProcessPool:
                reports[i] = file_problem(files[i], INPUT_ERROR, "not checked: a worker process died while checking "
                                                                 "files (out of memory?); check it with -j 1")
            except Exception as exc:  # e.g. a result that cannot be sent back
                reports[i] = file_problem(files[i], INPUT_ERROR, f"not checked: shapedoctor failed on this file "
                                                                 f"({type(exc).__name__}); please report it")
    return reports


def _filter(report, select, ignore):
    for file in report.files:
        file.diagnostics = [d for d in file.diagnostics
                            if (select is None or d.kind.name in select) and (ignore is None or d.kind.name not in ignore)]
    return report


def _check(args) -> int:
    from .report import render

    select, ignore = _kinds(args.select), _kinds(args.ignore)
    target = parse_shape(args.target_shape) if args.target_shape else None
    if args.jobs < 1:
        raise UsageError("-j/--jobs must be at least 1")
    # Source edits are only shown by the machine-readable formats.
    with_edits = args.format in ("json", "sarif")
    report = _filter(_collect(args.paths, target, args.jobs, not args.no_fixes, with_edits), select, ignore)
    rendered = render(report, args.format, quiet=args.quiet) if args.format == "text" else render(report, args.format)
    if args.statistics and args.format == "text":
        rendered += _statistics(report)
    if args.output_file:
        _write_report(args.output_file, rendered)
    else:
        sys.stdout.write(rendered)
    if args.exit_zero and report.exit_code == 1:
        return 0
    return report.exit_code


def _write_report(path: str, text: str) -> None:
    """Whole or not at all: a temporary file beside it, then an atomic rename."""
    import os
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".shapedoctor-report-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError(f"cannot write --output-file {path}: {exc.strerror or exc}") from None


def _statistics(report) -> str:
    """ruff --statistics: one line per code, most frequent first."""
    from collections import Counter

    counts = Counter((d.code, d.kind.name) for d in report.diagnostics)
    suppressed = sum(getattr(f, "suppressed", 0) for f in report.files)
    lines = [f"{n:5d}  {code}  {name}" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if suppressed:
        lines.append(f"{suppressed:5d}  suppressed by # noqa / # shapedoctor: ignore")
    return "".join(line + "\n" for line in lines)


def _trace(args) -> int:
    from .report.trace import render_plain, render_rich

    target = parse_shape(args.target_shape) if args.target_shape else None
    report = _collect([args.path], target)
    if args.model and not any(m.name == args.model for m in report.models):
        names = ", ".join(sorted({m.name for m in report.models})) or "none"
        raise UsageError(f"no model named {args.model!r} (models: {names})")
    for file in report.files:
        if file.error:
            print(printable(f"{file.path}: {file.error}"))
    if sys.stdout.isatty():
        from rich.console import Console

        render_rich(report, Console(), args.model)
    else:
        sys.stdout.write(render_plain(report, args.model))
    return report.exit_code


def _explain(args) -> int:
    from .kinds import KINDS, kind_by_name_or_code

    if args.markdown:
        print("# Finding kinds\n\nGenerated by `shapedoctor explain --markdown` from the kinds registry.\n")
        for kind in KINDS.values():
            print(f"## {kind.code} `{kind.name}` ({kind.severity})\n")
            print(kind.doc.replace("## ", "### ") + "\n")
        return EXIT_CLEAN
    if args.list or not args.kind:
        for kind in KINDS.values():
            print(f"{kind.code}  {kind.name:<24} {kind.severity}")
        return EXIT_CLEAN
    kind = kind_by_name_or_code(args.kind)
    if kind is None:
        raise UsageError(f"unknown finding kind {args.kind!r}; `shapedoctor explain --list` lists them")
    print(f"{kind.code} {kind.name} (default severity: {kind.severity})\n")
    print(kind.doc)
    return EXIT_CLEAN
