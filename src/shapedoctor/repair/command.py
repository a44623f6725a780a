"""``shapedoctor fix``: apply ranked, verified fixes to Python sources, atomically.

Per file: check, take the N-th ranked fix (``--pick``, default 1) of the first finding that
has one with source edits, apply it, re-check, and repeat until no finding has such a fix.
Every applied fix was verified by re-checking the rewritten text (see ``rewrite.attach_edits``).
The file is written once, at the end, by temp file + rename, and only if its bytes on disk are
still the ones read.  ``--diff`` prints a unified diff and writes nothing.

Exit codes: 0 when every error/warning finding is fixed (or none existed), 1 when some remain
(including files that cannot be read, parsed, or were changed meanwhile), 2 usage errors.
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, field

MAX_ROUNDS = 25
_BOM = "\ufeff"


@dataclass
class Applied:
    line: int
    col: int
    code: str
    kind: str
    title: str


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

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.original is not None and self.fixed != self.original


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Python files or directories")
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the fixes; write nothing")
    parser.add_argument("--pick", type=int, default=1, metavar="N",
                        help="apply the N-th ranked fix of each finding (default 1, the top-ranked)")
    parser.add_argument("--target-shape", help="shape of the training targets, e.g. '(None, 1)'")
    parser.add_argument("--verify-keras", action="store_true",
                        help="also build each fixed model in real Keras (torch backend) in a subprocess and "
                             "write only what builds. WARNING: this EXECUTES the fixed file (training, saving "
                             "and plotting calls are stubbed); use it only on code you trust. Without this "
                             "flag no user file is ever executed.")
    parser.add_argument("--keras-timeout", type=float, default=180.0, metavar="SECONDS",
                        help="time limit of one --verify-keras build (default 180)")


def fix_text(text: str, path: str = "<string>", pick: int = 1, target_shape=None) -> FixOutcome:
    """Fix ``text`` in memory (no file access).  ``outcome.fixed`` is the rewritten text."""
    from ..check import check_source
    from .rewrite import apply_edits, attach_edits

    outcome = FixOutcome(path, original=text)
    current = text
    skipped: set = set()
    for _ in range(MAX_ROUNDS):
        report = check_source(current, path, target_shape).files[0]
        if report.error:
            if current is text:
                outcome.error = report.error
                outcome.remaining = [d for d in report.diagnostics]
                return outcome
            break  # cannot happen: every applied fix was re-checked; keep the last good text
        attach_edits(report, target_shape)
        chosen = None
        for diagnostic in report.diagnostics:
            if diagnostic.severity not in ("error", "warning"):
                continue
            key = (diagnostic.model, diagnostic.kind.name, diagnostic.message)
            if key in skipped:
                continue
            if len(diagnostic.fixes) >= pick and diagnostic.fixes[pick - 1].edits:
                chosen = (diagnostic, diagnostic.fixes[pick - 1])
                break
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
    final = check_source(current, path, target_shape, with_fixes=False).files[0]
    if final.error:  # defensive: never hand back text that does not parse
        outcome.error = "the fixed text does not parse; nothing changed"
        outcome.fixed = text
        outcome.applied = []
        final = check_source(text, path, target_shape, with_fixes=False).files[0]
    else:
        outcome.fixed = current
    outcome.remaining = [d for d in final.diagnostics if d.severity in ("error", "warning")]
    return outcome


def fix_file(path: str, pick: int = 1, target_shape=None, write: bool = True, verify_keras: bool = False,
             keras_timeout: float = 180.0) -> FixOutcome:
    from ..check import MAX_FILE_BYTES, check_one_file

    if not path.endswith(".py"):
        report = check_one_file(path, target_shape, with_fixes=False)
        outcome = FixOutcome(path, remaining=[d for d in report.diagnostics if d.severity in ("error", "warning")])
        if outcome.remaining:
            outcome.error = "not a Python source file: findings are reported, not rewritten"
        return outcome
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return _unreadable(path, "file is too large")
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return _unreadable(path, f"cannot read: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _unreadable(path, "cannot read: not UTF-8 text")
    bom = text.startswith(_BOM)
    outcome = fix_text(text[1:] if bom else text, path, pick, target_shape)
    outcome.raw = raw
    if outcome.changed and verify_keras:
        from .keras_build import build_source

        result = build_source(outcome.fixed, timeout=keras_timeout)
        outcome.keras = result.summary
        if not result.ok:
            outcome.error = f"not written: the fixed model does not build in Keras ({result.summary})"
            return outcome
    if write and outcome.changed:
        outcome.error = _atomic_write(path, raw, ((_BOM if bom else "") + outcome.fixed).encode("utf-8"))
    return outcome


def _unreadable(path: str, message: str) -> FixOutcome:
    from ..check import file_problem
    from ..kinds import INPUT_ERROR

    report = file_problem(path, INPUT_ERROR, message)
    return FixOutcome(path, error=message, remaining=list(report.diagnostics))


def _atomic_write(path: str, expected: bytes, data: bytes) -> str | None:
    """Write ``data`` over ``path`` by temp file + rename, unless the file no longer holds ``expected``."""
    try:
        with open(path, "rb") as handle:
            if handle.read() != expected:
                return "not written: the file changed since it was read"
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError as exc:
        return f"not written: {exc.strerror or exc}"
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = None, None
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".shapedoctor", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            fd = None
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        with open(path, "rb") as handle:  # last look before the rename
            if handle.read() != expected:
                return "not written: the file changed since it was read"
        os.replace(tmp, path)
        tmp = None
        return None
    except OSError as exc:
        return f"not written: {exc.strerror or exc}"
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def run(args) -> int:
    from ..cli import UsageError, parse_shape
    from ..discover import discover

    if args.pick < 1:
        raise UsageError("--pick must be at least 1")
    target = parse_shape(args.target_shape) if args.target_shape else None
    try:
        files = discover(args.paths)
    except FileNotFoundError as exc:
        raise UsageError(f"path does not exist: {exc.args[0]}") from None
    log = sys.stderr if args.diff else sys.stdout
    fixed = remaining = written = 0
    for path in files:
        outcome = fix_file(path, args.pick, target, write=not args.diff, verify_keras=args.verify_keras,
                           keras_timeout=args.keras_timeout)
        verb = "would fix" if args.diff else "fixed"
        for item in outcome.applied:
            print(f"{path}:{item.line}:{item.col + 1}: {item.code} [{item.kind}] {verb}: {item.title}", file=log)
        if outcome.keras:
            print(f"{path}: Keras build: {outcome.keras}", file=log)
        if outcome.error:
            print(f"{path}: {outcome.error}", file=log)
        for diagnostic in outcome.remaining:
            print(f"{path}:{diagnostic.line}:{diagnostic.col + 1}: {diagnostic.code} [{diagnostic.kind.name}] "
                  f"not fixed: {diagnostic.message}", file=log)
        if args.diff and outcome.changed:
            sys.stdout.writelines(_diff(path, outcome.original, outcome.fixed))
        failed_write = outcome.error is not None and outcome.changed
        fixed += 0 if failed_write else len(outcome.applied)
        written += 1 if outcome.changed and not failed_write and not args.diff else 0
        remaining += len(outcome.remaining) + (len(outcome.applied) if failed_write else 0)
        if outcome.error and not outcome.remaining and not outcome.applied:
            remaining += 1
    what = "would fix" if args.diff else "fixed"
    print(f"{what.capitalize()} {fixed} finding{'s' * (fixed != 1)}"
          + ("" if args.diff else f" in {written} file{'s' * (written != 1)}")
          + f"; {remaining} remaining.", file=log)
    return 1 if remaining else 0


def _diff(path: str, before: str, after: str):
    lines = difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{path}", f"b/{path}")
    for line in lines:
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
