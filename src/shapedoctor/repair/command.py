"""``shapedoctor fix``: apply ranked, verified fixes to Python sources, atomically.

Per file: check, take the top-ranked fix of the first finding that has one with source edits, apply it,
re-check, and repeat until no finding has such a fix.  Fix applicability as ruff's: only ``safe`` fixes (which
cannot change what a working model computes) are applied, unless ``--unsafe-fixes`` is given; the unsafe ones
withheld are counted in the summary.  ``--pick N`` applies the N-th ranked fix of each finding, whatever its
applicability: naming the fix is the review.
Every applied fix was verified by re-checking the rewritten text (see ``rewrite.attach_edits``).
The file is written once, at the end, by temp file + rename, and only if its bytes on disk are
still the ones read.  ``--diff`` prints a unified diff and writes nothing.

Exit codes: 0 when every error/warning finding is fixed (or none existed), 1 when some remain
(including files that cannot be read, parsed, or were changed meanwhile), 2 usage errors.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import sys
import tempfile
from dataclasses import dataclass, field

MAX_ROUNDS = 25


@dataclass
class Applied:
    line: int  # where the finding was in the text as read (``original``)
    col: int
    code: str
    kind: str
    title: str
    fixed_line: int = 0  # where that line is in the fixed text (``fixed``)
    fixed_col: int = 0


@dataclass
class FixOutcome:
    path: str
    original: str | None = None  # decoded text as read
    fixed: str | None = None
    applied: list[Applied] = field(default_factory=list)
    remaining: list = field(default_factory=list)  # Diagnostics still there after the fixes
    error: str | None = None  # why the file was not (or could not be) rewritten
    raw: bytes | None = None
    keras: str | None = None  # --verify-keras result
    withheld: list = field(default_factory=list)  # (Diagnostic, Fix): unsafe top fixes not applied
    original_lines: list[int] | None = None  # per line of ``fixed`` (index line - 1): its line in ``original``
    partly: list = field(default_factory=list)  # incomplete-model findings after the fixes: verified that far

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.original is not None and self.fixed != self.original

    def original_line(self, line: int) -> int:
        """The line of ``original`` that ``line`` of ``fixed`` comes from (an inserted line: the one after it)."""
        lines = self.original_lines
        if not lines:
            return line
        return lines[min(max(line, 1), len(lines)) - 1]


def add_arguments(parser) -> None:
    from ..cli import DATA_SHAPE_HELP

    parser.add_argument("paths", nargs="+", metavar="PATH", help="Python files or directories")
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the fixes; write nothing")
    parser.add_argument("--pick", type=int, default=None, metavar="N",
                        help="apply the N-th ranked fix of each finding, safe or not (without it: the "
                             "top-ranked fix, when it is safe)")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply top-ranked fixes that change the architecture (insert a Reshape, remove "
                             "a layer, change padding or data_format); review them")
    parser.add_argument("--target-shape", help="shape of the training targets, e.g. '(None, 1)'")
    parser.add_argument("--data-shape", help=DATA_SHAPE_HELP)
    parser.add_argument("--verify-keras", action="store_true",
                        help="also build each fixed model in real Keras (torch backend) in a subprocess and "
                             "write only what builds. WARNING: this EXECUTES the fixed file (training, saving "
                             "and plotting calls are stubbed); use it only on code you trust. Without this "
                             "flag no user file is ever executed.")
    parser.add_argument("--keras-timeout", type=float, default=180.0, metavar="SECONDS",
                        help="time limit of one --verify-keras build (default 180)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="with PATH -: the name of the source read from stdin (the fixed source goes to stdout)")
    from ..cli import add_config_arguments

    add_config_arguments(parser)


def fix_text(text: str, path: str = "<string>", pick: int | None = None, target_shape=None, kinds=None,
             unsafe: bool = False) -> FixOutcome:
    """Fix ``text`` in memory (no file access).  ``outcome.fixed`` is the rewritten text.  ``kinds``: the kind
    names selected (the configuration's ``select``/``ignore``); the others are neither fixed nor reported.
    ``pick=None``: the top-ranked fix of each finding, applied only when it is safe or ``unsafe`` is true; an
    explicit ``pick`` applies that fix whatever its applicability."""
    from ..check import check_source
    from .rewrite import apply_edits, pick_fix

    outcome = FixOutcome(path, original=text)
    current = text
    skipped: set = set()
    withheld: dict = {}  # finding key -> the unsafe top fix not applied
    texts = [text]  # the text before each applied fix, then the final one: positions are mapped between them
    for _ in range(MAX_ROUNDS):
        # Edits only for the fix about to be applied (pick_fix): each costs a re-check of the whole file.
        report = check_source(current, path, target_shape, with_edits=False).files[0]
        if report.error:
            if current is text:
                outcome.error = report.error
                outcome.remaining = [d for d in report.diagnostics]
                return outcome
            break  # cannot happen: every applied fix was re-checked; keep the last good text
        chosen = None
        for diagnostic in report.diagnostics:
            if diagnostic.severity not in ("error", "warning") or (kinds is not None and
                                                                    diagnostic.kind.name not in kinds):
                continue
            key = (diagnostic.model, diagnostic.kind.name, diagnostic.message)
            if key in skipped:
                continue
            fix = pick_fix(report, diagnostic, pick, target_shape)  # None: the best one that can be written
            if fix is not None and (pick is not None or unsafe or fix.applicability == "safe"):
                chosen = (diagnostic, fix)
                break
            if fix is not None:
                withheld[key] = fix
            skipped.add(key)
        if chosen is None:
            break
        diagnostic, fix = chosen
        new = apply_edits(current, fix.edits)
        if new == current:
            skipped.add((diagnostic.model, diagnostic.kind.name, diagnostic.message))
            continue
        outcome.applied.append(Applied(diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.kind.name,
                                       fix.title))
        current = new
        texts.append(new)
    final = check_source(current, path, target_shape, with_fixes=False).files[0]
    if final.error:  # defensive: never hand back text that does not parse
        outcome.error = "the fixed text does not parse; nothing changed"
        outcome.fixed = text
        outcome.applied = []
        final = check_source(text, path, target_shape, with_fixes=False).files[0]
    else:
        outcome.fixed = current
        _map_positions(outcome, texts)
    outcome.remaining = [d for d in final.diagnostics if d.severity in ("error", "warning")
                         and (kinds is None or d.kind.name in kinds)]
    outcome.withheld = [(d, withheld[key]) for d in outcome.remaining
                        if (key := (d.model, d.kind.name, d.message)) in withheld]
    outcome.partly = [d for d in final.diagnostics if d.kind.name == "incomplete-model"]
    return outcome


def _map_positions(outcome: FixOutcome, texts: list[str]) -> None:
    """Each applied fix's finding was found in the text of its round: give its line in the text as read and in
    the fixed text, and map the fixed text's lines back to the text as read (``original_lines``), so that every
    position ``fix`` prints is one in the file on disk."""
    if len(texts) < 2:
        return
    steps = [_line_maps(a, b) for a, b in zip(texts, texts[1:])]
    for round_index, item in enumerate(outcome.applied):
        line = item.line
        for forward, _ in steps[round_index:]:
            line = forward[min(max(line, 1), len(forward)) - 1]
        item.fixed_line, item.fixed_col = line, item.col
        line = item.line
        for _, backward in reversed(steps[:round_index]):
            line = backward[min(max(line, 1), len(backward)) - 1]
        item.line = line
    lines = list(range(1, texts[-1].count("\n") + 2))
    for _, backward in reversed(steps):
        lines = [backward[min(max(n, 1), len(backward)) - 1] for n in lines]
    outcome.original_lines = lines


def _line_maps(before: str, after: str) -> tuple[list[int], list[int]]:
    """(line of ``before`` -> its line in ``after``, line of ``after`` -> its line in ``before``), 1-based.  A
    changed line maps to its replacement, an inserted or deleted one to the line that follows it."""
    a, b = before.split("\n"), after.split("\n")
    forward, backward = [0] * len(a), [0] * len(b)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        for i in range(i1, i2):
            forward[i] = (j1 + min(i - i1, j2 - j1 - 1) if j2 > j1 else min(j1, len(b) - 1)) + 1
        for j in range(j1, j2):
            backward[j] = (i1 + min(j - j1, i2 - i1 - 1) if i2 > i1 else min(i1, len(a) - 1)) + 1
    return forward, backward


def fix_file(path: str, pick: int | None = None, target_shape=None, write: bool = True, verify_keras: bool = False,
             keras_timeout: float = 180.0, kinds=None, unsafe: bool = False) -> FixOutcome:
    from ..check import MAX_FILE_BYTES, check_one_file

    if not path.endswith(".py"):
        report = check_one_file(path, target_shape, with_fixes=False)
        outcome = FixOutcome(path, remaining=[d for d in report.diagnostics if d.severity in ("error", "warning")
                                              and (kinds is None or d.kind.name in kinds)])
        if outcome.remaining:
            outcome.error = "not a Python source file: findings are reported, not rewritten"
        return outcome
    from ..check import decode_source

    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return _unreadable(path, "file is too large")
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return _unreadable(path, f"cannot read: {exc.strerror or exc}")
    try:
        text, encoding = decode_source(raw)  # a BOM or a PEP 263 cookie, as Python reads it; written back the same
    except ValueError as exc:
        return _unreadable(path, f"cannot read: {exc}")
    newline = None
    if re.search(r"\r(?!\n)", text):  # a CR not followed by LF: old Mac line ends
        if "\n" in text:
            outcome = fix_text(text, path, pick, target_shape, kinds, unsafe)
            if outcome.changed or outcome.remaining:
                outcome.fixed, outcome.applied = text, []
                outcome.error = "not rewritten: the file mixes CR-only line ends with LF ones; normalise them first"
            return outcome
        newline, text = "\r", text.replace("\r", "\n")  # CR-only: fixed as LF, written back as CR
    outcome = fix_text(text, path, pick, target_shape, kinds, unsafe)
    outcome.raw = raw
    if newline is not None:
        outcome.original = outcome.original.replace("\n", newline) if outcome.original is not None else None
        outcome.fixed = outcome.fixed.replace("\n", newline) if outcome.fixed is not None else None
    if outcome.changed and verify_keras:
        from .keras_build import build_source

        result = build_source(outcome.fixed, timeout=keras_timeout)
        outcome.keras = result.summary
        if not result.ok:
            outcome.error = f"not written: the fixed model does not build in Keras ({result.summary})"
            return outcome
    if write and outcome.changed:
        try:
            data = outcome.fixed.encode(encoding)
        except UnicodeEncodeError:
            outcome.error = f"not written: the fix cannot be written in the file's encoding ({encoding})"
            return outcome
        outcome.error = write_file(path, raw, data)
    return outcome


def _unreadable(path: str, message: str) -> FixOutcome:
    from ..check import file_problem
    from ..kinds import INPUT_ERROR

    report = file_problem(path, INPUT_ERROR, message)
    return FixOutcome(path, error=message, remaining=list(report.diagnostics))


TEMP_SUFFIX = ".shapedoctor"
STALE_SECONDS = 3600


def write_file(path: str, expected: bytes, data: bytes) -> str | None:
    """Write ``data`` over ``path`` unless the file no longer holds ``expected``; None, or why not.

    The file written is the one the user sees: through a symbolic link its target (the link stays a link), with
    its owner, group, mode and hard links kept.  A read-only file is refused.

    Design: when the file has one link, the new bytes go to a hidden temp file beside it (fsync'ed, given the
    original's owner, group and mode), then ``os.replace`` swaps it in: atomic, a reader or a crash sees the old
    or the new file, never half of one.  A file with several hard links cannot be replaced without splitting
    them, and a file whose owner we may not give to a new file (or in a directory we may not write) cannot
    either: those are rewritten in place (same inode: links, owner and mode stay by construction), after a last
    check of the bytes through the same open handle, with Ctrl-C held off until the write and fsync are done.
    Temp files left by a killed run are removed by the next run (see ``_remove_stale_temps``).
    """
    real = os.path.realpath(path)
    try:
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            return "not written: not a regular file"
        if not info.st_mode & 0o222:
            return "not written: the file is read-only (no write permission); make it writable to fix it"
        if not os.access(real, os.W_OK):
            return "not written: no permission to write the file"
        with open(real, "rb") as handle:
            if handle.read() != expected:
                return "not written: the file changed since it was read"
    except OSError as exc:
        return f"not written: {exc.strerror or exc}"
    directory, name = os.path.split(real)
    _remove_stale_temps(directory, name)
    if info.st_nlink == 1:
        done = _replace(real, info, expected, data)
        if done is not None:
            return done or None
    return _rewrite_in_place(real, expected, data)


def _replace(real: str, info: os.stat_result, expected: bytes, data: bytes) -> str | None:
    """Temp file + rename.  None: could not be done this way (try in place); "": written; else why not."""
    from ..interrupt import shielded

    directory, name = os.path.split(real)
    fd, tmp = None, None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=directory)
        except OSError:
            return None  # a directory we may not write in: the file itself may still be writable
        with shielded():  # Ctrl-C: finish this file (and remove the temp on failure) first
            try:
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    os.fchown(fd, info.st_uid, info.st_gid)
                os.fchmod(fd, stat.S_IMODE(info.st_mode))
            except OSError:
                return None  # not allowed to give the file its owner: in place keeps it
            with os.fdopen(fd, "wb") as handle:
                fd = None
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            with open(real, "rb") as handle:  # last look before the rename
                if handle.read() != expected:
                    return "not written: the file changed since it was read"
            os.replace(tmp, real)
            tmp = None
            _fsync_directory(directory)
        return ""
    except OSError as exc:
        return f"not written: {exc.strerror or exc}"
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _rewrite_in_place(real: str, expected: bytes, data: bytes) -> str | None:
    from ..interrupt import shielded

    try:
        with shielded(), open(real, "r+b") as handle:
            if handle.read() != expected:
                return "not written: the file changed since it was read"
            handle.seek(0)
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        return None
    except OSError as exc:
        return f"not written: {exc.strerror or exc}"


def _fsync_directory(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(directory: str, name: str) -> None:
    """Remove ``.NAME.PID.xxxx.shapedoctor`` temp files of runs that died (SIGKILL, power loss): their process is
    gone, or they are over an hour old.  A live concurrent run's temp file is left alone."""
    prefix = f".{name}."
    try:
        entries = [e for e in os.listdir(directory) if e.startswith(prefix) and e.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    import time

    for entry in entries:
        full = os.path.join(directory, entry)
        middle = entry[len(prefix):-len(TEMP_SUFFIX)]
        pid_text = middle.split(".", 1)[0]
        try:
            st = os.lstat(full)
            if not stat.S_ISREG(st.st_mode):
                continue
            stale = time.time() - st.st_mtime > STALE_SECONDS or not pid_text.isdigit() or not _alive(int(pid_text))
            if stale:
                os.unlink(full)
        except OSError:
            continue


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or not a pid): leave its file alone
    return True


def run(args) -> int:
    from ..cli import UsageError
    from ..settings import SettingsError

    try:
        return _run(args)
    except SettingsError as exc:  # a configuration file that cannot be used: one line, exit 2
        raise UsageError(str(exc)) from None


def _run(args) -> int:
    from ..cli import UsageError, display_path, expected_from, resolver_for, with_file_targets
    from ..discover import discover

    if args.pick is not None and args.pick < 1:
        raise UsageError("--pick must be at least 1")
    from ..report import printable

    target = expected_from(args)
    resolver = resolver_for(args)
    if "-" in args.paths:
        if len(args.paths) > 1:
            raise UsageError("- (stdin) cannot be fixed together with other paths")
        return _run_stdin(args, target, resolver)
    problems: list = []
    try:
        files = discover(args.paths, problems, resolver.for_directory)
    except FileNotFoundError as exc:
        raise UsageError(f"path does not exist: {exc.args[0]}") from None
    log = sys.stderr if args.diff else sys.stdout
    if args.verify_keras:
        print("shapedoctor: warning: --verify-keras EXECUTES each fixed file (in a subprocess, training and saving "
              "stubbed); use it only on code you trust", file=sys.stderr)
    fixed = remaining = written = withheld = 0
    for path, message in problems:  # input that exists but cannot be read: not fixed, and said so
        print(printable(f"{display_path(path)}: {message}"), file=log)
        remaining += 1
    for path in files:
        settings = resolver.for_path(path)
        file_target = with_file_targets(target, settings.target_shapes_map)
        outcome = _fix_guarded(path, args, file_target, settings.kinds_for(path))
        failed_write = outcome.error is not None and outcome.changed
        on_disk_fixed = outcome.changed and not failed_write and not args.diff  # the file now holds `fixed`
        _log_outcome(outcome, display_path(path), args.diff, on_disk_fixed, log)
        if args.diff and outcome.changed:
            sys.stdout.writelines(_diff(display_path(path), outcome.original, outcome.fixed))
        fixed += 0 if failed_write else len(outcome.applied)
        written += 1 if on_disk_fixed else 0
        withheld += len(outcome.withheld)
        remaining += len(outcome.remaining) + (len(outcome.applied) if failed_write else 0)
        if outcome.error and not outcome.remaining and not outcome.applied:
            remaining += 1
    print(_summary(args.diff, fixed, remaining, withheld, None if args.diff else written), file=log)
    if args.diff and fixed:
        return 1  # a CI gate, as `ruff check --fix --diff`: something would change
    return 1 if remaining else 0


def _log_outcome(outcome: FixOutcome, where: str, diff: bool, on_disk_fixed: bool, log) -> None:
    """One line per applied fix and per finding left, each at its position in the file as it is on disk when
    the command ends: the fixed text when it was written, the text as read otherwise (--diff, not written)."""
    from ..report import printable

    where = printable(where)
    verb = "would fix" if diff else ("could fix" if outcome.error and outcome.changed else "fixed")
    for item in outcome.applied:
        line, col = (item.fixed_line or item.line, item.fixed_col) if on_disk_fixed else (item.line, item.col)
        col = _text_col(outcome.fixed if on_disk_fixed else outcome.original, line, col)
        print(f"{where}:{line}:{col}: {item.code} [{item.kind}] {verb}: {printable(item.title)}", file=log)
    if outcome.applied:
        for diagnostic in outcome.partly:  # a fix verified by re-inference is verified only as far as it reaches
            line = diagnostic.line if on_disk_fixed else outcome.original_line(diagnostic.line)
            print(f"{where}:{line}: note: {printable(diagnostic.message)}; the fixes are verified up to there",
                  file=log)
    if outcome.keras:
        print(f"{where}: Keras build: {printable(outcome.keras)}", file=log)
    if outcome.error:
        print(f"{where}: {printable(outcome.error)}", file=log)
    unsafe = {id(d): fix for d, fix in outcome.withheld}
    for diagnostic in outcome.remaining:
        line = diagnostic.line if on_disk_fixed else outcome.original_line(diagnostic.line)
        # the finding's column is one of the fixed text (the last round's), whichever file is on disk
        col = _text_col(outcome.fixed if outcome.fixed is not None else outcome.original, diagnostic.line,
                        diagnostic.col)
        hidden = unsafe.get(id(diagnostic))
        why = f" (unsafe fix withheld: {printable(hidden.title)})" if hidden is not None else ""
        print(f"{where}:{line}:{col}: {diagnostic.code} [{diagnostic.kind.name}] "
              f"not fixed{why}: {printable(diagnostic.message)}", file=log)


def _text_col(text: str | None, line: int, byte_col: int) -> int:
    """A finding's column (UTF-8 bytes, 0-based) as the text output prints it: 1-based characters, as check."""
    from ..check import _line_of
    from ..report import char_col

    source = _line_of(text, line)
    return (char_col(source, byte_col) if source is not None else max(byte_col, 0)) + 1


def _summary(diff: bool, fixed: int, remaining: int, withheld: int, written: int | None = None) -> str:
    """The last line, as ruff's: what was (or would be) fixed, what remains, and the unsafe fixes withheld."""
    what = "would fix" if diff else "fixed"
    line = (f"{what.capitalize()} {fixed} finding{'s' * (fixed != 1)}"
            + ("" if written is None else f" in {written} file{'s' * (written != 1)}")
            + f"; {remaining} remaining.")
    if withheld:
        them = "them" if withheld != 1 else "it"
        line += (f" {withheld} unsafe fix{'es' * (withheld != 1)} withheld (changing the architecture): "
                 f"--unsafe-fixes applies {them}, after review.")
    return line


def _run_stdin(args, target, resolver) -> int:
    """``fix -``: the source read from stdin, fixed, written to stdout (``--diff``: the diff instead); the
    summary goes to stderr."""
    from ..check import decode_source
    from ..cli import UsageError, display_path, with_file_targets
    from ..report import printable

    name = args.stdin_filename
    path = display_path(name) if name else "-"
    settings = resolver.for_path(name or "-")
    try:
        text, _ = decode_source(sys.stdin.buffer.read())
    except ValueError as exc:
        print(printable(f"{path}: cannot read: {exc}"), file=sys.stderr)
        return 1
    if args.verify_keras:
        raise UsageError("--verify-keras cannot be used on stdin")
    if name and settings.force_exclude and settings.is_excluded_with_parents(name):
        if not args.diff:  # as ruff: an excluded --stdin-filename is echoed unchanged
            sys.stdout.write(text)
        return 0
    file_target = with_file_targets(target, settings.target_shapes_map)
    try:
        outcome = fix_text(text, path, args.pick, file_target, settings.kinds_for(name), args.unsafe_fixes)
    except Exception as exc:
        from .. import infer

        if infer._STRICT:
            raise
        outcome = _unreadable(path, f"not fixed: shapedoctor failed on it ({type(exc).__name__}); please report it")
        outcome.original = outcome.fixed = text
    _log_outcome(outcome, path, args.diff, False, sys.stderr)
    if args.diff:
        if outcome.changed:
            sys.stdout.writelines(_diff(path, outcome.original, outcome.fixed))
    else:
        sys.stdout.write(outcome.fixed if outcome.fixed is not None else text)
    fixed, remaining = len(outcome.applied), len(outcome.remaining) + (1 if outcome.error and not
                                                                        outcome.remaining else 0)
    print(_summary(args.diff, fixed, remaining, len(outcome.withheld)), file=sys.stderr)
    if args.diff and fixed:
        return 1
    return 1 if remaining else 0


def _fix_guarded(path: str, args, target, kinds=None) -> FixOutcome:
    """``fix_file``, and if shapedoctor itself fails on this file, that file's outcome (the others go on)."""
    try:
        return fix_file(path, args.pick, target, write=not args.diff, verify_keras=args.verify_keras,
                        keras_timeout=args.keras_timeout, kinds=kinds, unsafe=args.unsafe_fixes)
    except Exception as exc:
        from .. import infer

        if infer._STRICT:
            raise
        return _unreadable(path, f"not fixed: shapedoctor failed on this file ({type(exc).__name__}: "
                                 f"{str(exc)[:200]}); please report it")


def _diff(path: str, before: str, after: str):
    from ..report import printable

    # CR-only line ends are shown as LF lines (the file keeps its CRs); the path is escaped like all output.
    before, after = (re.sub(r"\r(?!\n)", "\n", t) for t in (before, after))
    lines = difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{printable(path)}",
                                 f"b/{printable(path)}")
    for line in lines:
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
