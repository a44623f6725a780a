"""The ``shapedoctor`` command line. Exit codes: 0 clean, 1 findings, 2 usage error."""

from __future__ import annotations

import os
import sys

if os.path.basename(getattr(sys.modules.get("__main__"), "__file__", None) or "") == "shapedoctor":
    from .interrupt import install as _install  # the console script: Ctrl-C is exit 130 from its first import

    _install()

import argparse  # noqa: E402
import gc  # noqa: E402

from . import __version__  # noqa: E402
from .report import FORMATS, printable  # noqa: E402

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# Checking allocates many short-lived objects (syntax trees, shapes) while the reports of the files checked so far
# stay alive; with CPython's default thresholds (700, 10, 10) the cyclic collector re-scanned those reports so often
# that it took a third of the CPU on the keras-io corpus (benchmarks/corpus_vs_pyflakes.py). Fewer young
# collections and a full one only every 100 middle ones: 0.24 s of collection instead of 1.3 s, peak memory +15%.
# ``check`` itself collects once per file instead (gc_schedule.py).
GC_THRESHOLDS = (2000, 20, 100)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as the contract says
        raise UsageError(message)


def parse_shape(text: str, option: str = "--target-shape") -> tuple:
    """``--target-shape`` (or ``--data-shape``): "(None, 1)", "None,1", "1" (batch axis added when missing)."""
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
            raise UsageError(f"{option}: cannot read {_clip(text)!r}; write e.g. '(None, 1)'")
    if not dims:
        raise UsageError(f"{option}: cannot read {_clip(text)!r}; write e.g. '(None, 1)'")
    if dims[0] is not None:
        dims.insert(0, None)
    return tuple(dims)


DATA_SHAPE_HELP = "shape of the input arrays the model is fit on, e.g. '(None, 640)' (single-input models)"


def expected_from(args):
    """The command line's ``--target-shape`` and ``--data-shape``: a shape, an ``Expected`` of both, or None."""
    target = parse_shape(args.target_shape) if args.target_shape else None
    data = parse_shape(args.data_shape, "--data-shape") if getattr(args, "data_shape", None) else None
    if data is None:
        return target
    from .data_shapes import Expected

    return Expected(target, data)


def with_file_targets(expected, file_targets):
    """The command line's expectations, the file's configured `target-shapes` where no target was given."""
    from .data_shapes import Expected

    if expected is None:
        return file_targets
    if isinstance(expected, Expected) and expected.target is None:
        return Expected(file_targets, expected.data)
    return expected


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


def add_config_arguments(parser, force_exclude: bool = True) -> None:
    """The configuration options every command that reads files shares (``check``, ``fix``; ``trace`` without
    ``--force-exclude``: it takes one path)."""
    parser.add_argument("--config", action="append", metavar="FILE|KEY=VALUE",
                        help="a configuration file used for every path (pyproject.toml or shapedoctor.toml), or a "
                             "TOML KEY = VALUE pair that overrides the configuration files' value, e.g. "
                             "--config \"select = ['SD1']\"; repeatable (pairs), as ruff")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    if force_exclude:
        parser.add_argument("--force-exclude", action="store_true", default=None,
                            help="apply exclude patterns to files named on the command line too (pre-commit, "
                                 "editors)")


def resolver_for(args, **overrides):
    """The settings resolver of a command: ``--config`` (a file and ``KEY=VALUE`` pairs)/``--isolated``, then the
    command-line ``overrides`` (and ``--force-exclude``).  A configuration file or pair that cannot be used is a
    usage error (one line, exit 2)."""
    from .settings import Resolver, SettingsError, config_override, is_config_override

    values = getattr(args, "config", None) or []
    if isinstance(values, str):
        values = [values]
    files = [value for value in values if not is_config_override(value)]
    isolated = getattr(args, "isolated", False)
    if len(files) > 1:
        raise UsageError(f"--config FILE can be given once (got {', '.join(map(repr, files))}); "
                         f"more --config options must be KEY = VALUE pairs")
    if files and isolated:
        raise UsageError("--config FILE and --isolated cannot be used together")
    if getattr(args, "force_exclude", None) is not None:
        overrides.setdefault("force_exclude", args.force_exclude)
    try:
        pairs = tuple(config_override(value) for value in values if is_config_override(value))
        return Resolver(config=files[0] if files else None, isolated=isolated, overrides=overrides,
                        config_overrides=pairs)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def display_path(path: str) -> str:
    """``path`` as printed: relative to the working directory when it is under it (as ruff), else as given."""
    try:
        cwd = os.getcwd()
    except OSError:
        return path
    full = os.path.abspath(path)
    if full == cwd:
        return "."
    if not full.startswith(cwd.rstrip(os.sep) + os.sep):
        return path
    relative = os.path.relpath(full, cwd)
    if os.pardir in path.replace(os.altsep or os.sep, os.sep).split(os.sep):  # "a/../b": only if a is no link
        try:
            if not os.path.samefile(path, relative):
                return path
        except OSError:
            return path
    return relative


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """``command``: the sub-command about to run; heavy sub-commands add their options only then,
    so that `shapedoctor check` never imports what `compare` needs."""
    parser = _Parser(prog="shapedoctor", description="Find, explain and fix Keras shape errors statically.")
    parser.add_argument("--version", action="version", version=f"shapedoctor {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="check models for shape errors")
    check.add_argument("paths", nargs="*", default=[], metavar="PATH",
                       help="files or directories (default: .); - reads Python source from stdin")
    check.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
    check.add_argument("--select", help="only these kinds/codes (comma-separated)")
    check.add_argument("--extend-select", help="these kinds/codes too, on top of the selection")
    check.add_argument("--ignore", help="skip these kinds/codes (comma-separated)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when findings are reported (usage and internal errors still exit 2/3)")
    check.add_argument("--statistics", action="store_true",
                       help="after the report, the number of findings per code (text format)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="text format: only the error and warning lines, no explanations, no summary")
    check.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--target-shape", help="shape of the training targets, e.g. '(None, 1)'")
    check.add_argument("--data-shape", help=DATA_SHAPE_HELP)
    check.add_argument("-j", "--jobs", type=int, default=1, help="check files in N processes")
    check.add_argument("--no-fixes", action="store_true", help="do not compute fix suggestions")
    check.add_argument("--report-unused-noqa", action="store_true", default=None,
                       help="report suppression comments that silence nothing (SD301 unused-noqa)")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                        help="text format: a code frame under each finding (default on a terminal)")
    source.add_argument("--no-show-source", dest="show_source", action="store_false")
    check.add_argument("--extend-exclude", metavar="PATTERN,..", help="more glob patterns to skip in a walk")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name of the source read from stdin (output, configuration, per-file-ignores)")
    check.add_argument("--watch", action="store_true", help="re-check whenever a checked file changes")
    check.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the result cache (also: SHAPEDOCTOR_NO_CACHE=1)")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="where results are cached (default .shapedoctor_cache; also SHAPEDOCTOR_CACHE_DIR)")
    add_config_arguments(check)

    trace = sub.add_parser("trace", help="per-layer shape table")
    trace.add_argument("path", metavar="PATH")
    trace.add_argument("--model", help="only the model of this name")
    trace.add_argument("--target-shape")
    trace.add_argument("--data-shape", help=DATA_SHAPE_HELP)
    add_config_arguments(trace, force_exclude=False)

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

    lsp = sub.add_parser("lsp", help="language server for editors (LSP over stdio; needs shapedoctor[lsp])")
    lsp.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default, and the only way)")
    mcp = sub.add_parser("mcp", help="Model Context Protocol server for agents (stdio; needs shapedoctor[mcp])")
    mcp.add_argument("--root", action="append", default=[], metavar="DIR",
                     help="a directory whose files the tools may read (and `fix` with write=true may rewrite); "
                          "repeatable; default: the client's roots when it declares them, else the current "
                          "directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    code = _run_main(argv)
    if argv is None and isinstance(code, int) and _command_of(sys.argv[1:]) in FAST_EXIT_COMMANDS:
        _exit_now(code)
    return code


# Commands that leave by ``os._exit`` when run as the program: everything they write is written (and closed) by
# then, and the interpreter's teardown -- a last garbage collection and freeing every object the run made, every
# report and every module -- cost 0.4-0.55 s of CPU after checking the keras-io corpus, a fifth of the run
# (benchmarks/corpus_vs_pyflakes.py).
FAST_EXIT_COMMANDS = {"check"}


def _command_of(argv: list[str]) -> str | None:
    return next((a for a in argv if not a.startswith("-")), None)


def _exit_now(code: int) -> None:
    """Exit with ``code`` now, skipping the interpreter's teardown; returns (and the caller exits as usual) when
    the output cannot be flushed (a closed pipe), so that case keeps the interpreter's own handling."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _run_main(argv: list[str] | None) -> int:
    from .interrupt import install, restore

    previous = install()  # first: a Ctrl-C from here on is exit 130 and one line, never a traceback
    previous_gc = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
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
            gc.set_threshold(*previous_gc)


def _main(argv) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = _command_of(argv)
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
    if args.command in ("lsp", "mcp"):
        return _serve(args)
    return EXIT_USAGE


def _serve(args) -> int:
    """``lsp`` and ``mcp``: their SDKs are optional extras, imported only here (never by ``check``)."""
    package, modules = {"lsp": ("pygls", {"pygls", "lsprotocol", "cattrs"}),
                        "mcp": ("mcp", {"mcp", "mcp_types", "pydantic", "pydantic_core", "anyio"})}[args.command]
    try:
        if args.command == "lsp":
            from .servers.lsp import run
        else:
            from .servers.mcp_server import run
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in modules:
            raise
        print(f'shapedoctor {args.command} needs {package}: pip install "shapedoctor[{args.command}]"',
              file=sys.stderr)
        return EXIT_USAGE
    return run(args)


def _collect(paths, target_shape, jobs: int = 1, with_fixes: bool = True, with_edits: bool = False,
             resolver=None, force_exclude: bool = False, cache_dir: str | None = None):
    """Check ``paths``.  ``target_shape``: the command line's (every model); else each file's `target-shapes`
    from its configuration.  Paths are reported relative to the working directory when under it."""
    from .check import Report, check_one_file, file_problem
    from .discover import discover
    from .gc_schedule import one_file_at_a_time
    from .kinds import INPUT_ERROR
    from .settings import SettingsError

    resolver = resolver if resolver is not None else resolver_for(None)
    problems: list = []
    try:
        files = discover(paths, problems, resolver.for_directory, force_exclude)
        targets = [with_file_targets(target_shape, resolver.for_path(f).target_shapes_map) for f in files]
    except FileNotFoundError as exc:
        raise UsageError(f"path does not exist: {exc.args[0]}") from None
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    named = {os.path.abspath(p) for p in paths}
    explicit = [os.path.abspath(f) in named for f in files]
    files = [display_path(f) for f in files]
    # Input that exists but cannot be read is a finding (exit 1), never "All checks passed: 0 files".
    unread = [file_problem(display_path(path), INPUT_ERROR, message) for path, message in problems]
    if jobs > 1 and len(files) > 1:
        reports = _collect_parallel(files, explicit, targets, with_fixes, with_edits, jobs, cache_dir)
    elif cache_dir is None:  # check_one_file never raises: a failure in one file is that file's finding
        reports = one_file_at_a_time(check_one_file, [(f, t, with_fixes, e, with_edits)
                                                      for f, t, e in zip(files, targets, explicit)])
    else:
        from .cache import FileCache, check_through

        cache = FileCache(cache_dir)
        reports = one_file_at_a_time(check_through, [(cache, f, t, with_fixes, e, with_edits)
                                                     for f, t, e in zip(files, targets, explicit)])
    return Report(unread + reports)


def _collect_parallel(files, explicit, targets, with_fixes, with_edits, jobs, cache_dir=None):
    """Each file is its own task, so one that fails (or kills its worker) is that file's finding only."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .cache import check_file_cached
    from .check import file_problem
    from .kinds import INPUT_ERROR

    reports = [None] * len(files)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(check_file_cached, cache_dir, f, t, with_fixes, e, with_edits)
                   for f, t, e in zip(files, targets, explicit)]
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


def _collect_stdin(name, target_shape, with_fixes, with_edits, resolver, force_exclude: bool = False):
    """``check -``: the source read from stdin, named ``name`` (``--stdin-filename``) or ``-``."""
    from .check import Report, _check_notebook, check_source, decode_source, file_problem, guarded
    from .kinds import INPUT_ERROR

    settings = resolver.for_path(name or "-")
    if name and (force_exclude or settings.force_exclude) and settings.is_excluded_with_parents(name):
        return Report([])  # as ruff: an excluded --stdin-filename is not checked
    if name and name.lower().endswith((".json", ".keras")):
        raise UsageError("stdin takes Python source or a notebook (--stdin-filename NAME.py or NAME.ipynb)")
    path = display_path(name) if name else "-"
    target = with_file_targets(target_shape, settings.target_shapes_map)
    raw = sys.stdin.buffer.read()
    if path.lower().endswith(".ipynb"):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return Report([file_problem(path, INPUT_ERROR, "cannot read: not UTF-8 text")])
        return Report([guarded(path, _check_notebook, text, path, target, with_fixes)])
    try:
        text, _ = decode_source(raw)
    except ValueError as exc:
        return Report([file_problem(path, INPUT_ERROR, f"cannot read: {exc}")])
    return check_source(text, path, target, with_fixes, with_edits)


def _filter(report, select=None, ignore=None, resolver=None):
    """Keep each file's findings of the kinds its settings select (with the command line's on top), and add
    its ``unused-noqa`` findings when asked for."""
    if resolver is None:  # the old call: two sets of kind names
        for file in report.files:
            file.diagnostics = [d for d in file.diagnostics if (select is None or d.kind.name in select)
                                and (ignore is None or d.kind.name not in ignore)]
        return report
    for file in report.files:
        settings = resolver.for_path(file.path)
        kinds = settings.kinds_for(file.path)
        diagnostics = file.diagnostics
        if settings.report_unused_noqa and getattr(file, "unused_noqa", None):
            diagnostics = sorted(diagnostics + file.unused_noqa, key=lambda d: (d.line, d.col))
        file.diagnostics = [d for d in diagnostics if d.kind.name in kinds]
    return report


def _selectors(text: str | None) -> list[str] | None:
    """A comma-separated --select/--ignore value, each part checked (unknown: a usage error)."""
    if text is None:
        return None
    _kinds(text)
    return [part.strip() for part in text.split(",") if part.strip()]


def _use_color(stream) -> bool:
    """ANSI colours: NO_COLOR (any non-empty value) turns them off, FORCE_COLOR on even without a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _settings_errors(command):
    """A configuration file that cannot be used (unknown key, invalid TOML...) is a usage error: one line, exit 2."""
    import functools

    @functools.wraps(command)
    def run(args) -> int:
        from .settings import SettingsError

        try:
            return command(args)
        except SettingsError as exc:
            raise UsageError(str(exc)) from None

    return run


@_settings_errors
def _check(args) -> int:
    from .cache import cache_dir_from
    from .report import render

    paths = list(args.paths)
    stdin = paths == ["-"] or (not paths and args.stdin_filename is not None)
    if "-" in paths and len(paths) > 1:
        raise UsageError("- (stdin) cannot be checked together with other paths")
    if stdin and args.watch:
        raise UsageError("--watch cannot read stdin")
    if args.jobs < 1:
        raise UsageError("-j/--jobs must be at least 1")
    paths = paths or ["."]
    target = expected_from(args)
    extend_exclude = [p.strip() for p in args.extend_exclude.split(",") if p.strip()] if args.extend_exclude else None
    overrides = dict(select=_selectors(args.select), extend_select=_selectors(args.extend_select),
                     ignore=_selectors(args.ignore), report_unused_noqa=args.report_unused_noqa,
                     force_exclude=args.force_exclude, extend_exclude=extend_exclude)

    def once() -> int:
        resolver = resolver_for(args, **overrides)  # afresh each time: --watch sees a changed configuration
        project = resolver.for_path(args.stdin_filename if stdin and args.stdin_filename else ".")
        fmt = args.format or project.format or "text"
        to_terminal = not args.output_file and fmt == "text"
        show_source = args.show_source if args.show_source is not None else project.show_source
        if show_source is None:
            show_source = to_terminal and not args.quiet and _isatty(sys.stdout)
        with_edits = fmt in ("json", "sarif")  # source edits are only shown by the machine-readable formats
        if stdin:
            report = _collect_stdin(args.stdin_filename, target, not args.no_fixes, with_edits, resolver,
                                    project.force_exclude)
        else:
            report = _collect(paths, target, args.jobs, not args.no_fixes, with_edits, resolver,
                              project.force_exclude, cache_dir_from(args.cache_dir, args.no_cache))
        _filter(report, resolver=resolver)
        if fmt == "text":
            rendered = render(report, fmt, quiet=args.quiet, show_source=bool(show_source) and fmt == "text",
                              color=to_terminal and _use_color(sys.stdout))
        else:
            rendered = render(report, fmt)
        if args.statistics and fmt == "text":
            rendered += _statistics(report)
        if args.output_file:
            _write_report(args.output_file, rendered)
        else:
            sys.stdout.write(rendered)
            sys.stdout.flush()
        if args.exit_zero and report.exit_code == 1:
            return 0
        return report.exit_code

    if args.watch:
        return _watch(once, paths, args)
    return once()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


WATCH_INTERVAL = 0.5  # polling: seconds between two looks at the files' modification times
WATCH_TIMEOUT = 5.0  # watchfiles: at the latest this often a look anyway (a configuration file created above)


def _watch(once, paths, args, wakeups=None) -> int:
    """``check --watch``: check, then re-check whenever a checked file, a new file or a configuration file
    changes.  A change is a change of the files' (modification time, size) snapshot; what wakes the loop up to
    compare is ``wakeups`` (tests), else ``_wakeups``: the file system's notifications when the optional
    ``watchfiles`` package is installed, else polling every ``WATCH_INTERVAL`` s.  Ctrl-C ends it (exit 130)."""
    import time

    def note(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    def snapshot() -> dict:
        from .discover import discover
        from .settings import CONFIG_FILES, is_config_override

        try:
            resolver = resolver_for(args)
            files = discover(paths, [], resolver.for_directory)
        except (UsageError, FileNotFoundError):
            files = []
        watched = set(files)
        for directory in {os.path.dirname(os.path.abspath(f)) for f in files} | {os.path.abspath(p) for p in paths}:
            while True:  # the configuration files that may apply
                watched.update(os.path.join(directory, name) for name in CONFIG_FILES)
                parent = os.path.dirname(directory)
                if parent == directory:
                    break
                directory = parent
        for value in getattr(args, "config", None) or ():
            if not is_config_override(value):
                watched.add(value)
        state = {}
        for path in watched:
            try:
                info = os.stat(path)
            except OSError:
                continue
            state[path] = (info.st_mtime_ns, info.st_size)
        return state

    def safe_once() -> None:
        from .settings import SettingsError

        try:
            once()
        except (UsageError, SettingsError) as exc:  # e.g. a configuration file being edited: say so, keep watching
            print(f"shapedoctor: error: {printable(exc)}", file=sys.stderr, flush=True)

    safe_once()
    state = snapshot()
    if wakeups is None:
        wakeups = _wakeups(_watch_roots(paths, state))
    note("Watching for file changes.")
    for _ in wakeups:
        current = snapshot()
        if current != state:
            changed = sorted(p for p in set(current) | set(state) if current.get(p) != state.get(p))
            note(f"File change detected: {printable(display_path(changed[0]))}"
                 + (f" and {len(changed) - 1} more" if len(changed) > 1 else ""))
            safe_once()
            state = snapshot()
            note("Watching for file changes.")
    return EXIT_CLEAN


def _watch_roots(paths, state: dict) -> list[str]:
    """What ``watchfiles`` watches: each directory named (recursively), the directory of each file named (an editor
    that saves by renaming replaces the file itself), and each configuration file found above them."""
    roots = set()
    for path in paths:
        full = os.path.abspath(path)
        roots.add(full if os.path.isdir(full) else os.path.dirname(full))
    roots |= {os.path.abspath(p) for p in state}
    roots = {r for r in roots if os.path.exists(r)}
    return sorted(r for r in roots if not any(r != o and r.startswith(o.rstrip(os.sep) + os.sep) for o in roots))


def _wakeups(roots: list[str]):
    """Yields whenever the watched files may have changed: with ``watchfiles`` on the file system's notifications
    (and at least every ``WATCH_TIMEOUT`` s), else every ``WATCH_INTERVAL`` s (polling)."""
    import time

    try:
        import watchfiles
    except ImportError:
        watchfiles = None
    if watchfiles is not None and roots:
        try:
            yield from watchfiles.watch(*roots, rust_timeout=int(WATCH_TIMEOUT * 1000), yield_on_timeout=True)
            return
        except OSError:  # e.g. the system's limit of watches reached: poll instead
            pass
    while True:
        time.sleep(WATCH_INTERVAL)
        yield None


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


@_settings_errors
def _trace(args) -> int:
    from .report.trace import render_plain, render_rich

    target = expected_from(args)
    report = _collect([args.path], target, resolver=resolver_for(args))
    if args.model and not any(m.name == args.model for m in report.models):
        names = ", ".join(sorted({m.name for m in report.models})) or "none"
        raise UsageError(f"no model named {args.model!r} (models: {names})")
    for file in report.files:
        if file.error:
            print(printable(f"{file.path}: {file.error}"))
    if not report.models:  # say so, rather than print nothing
        where = display_path(args.path)
        skipped = report.skipped_models
        if skipped:
            first = skipped[0]
            more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
            print(printable(f"{where}: no model could be traced: line {first.line}: {first.reason}{more}"))
        elif not any(file.error for file in report.files):
            files = len(report.files)
            print(printable(f"{where}: no Keras model found" + (f" in {files} files" if files > 1 else "")))
        return report.exit_code
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
