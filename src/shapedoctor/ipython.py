"""``%load_ext shapedoctor``: Keras shape errors in IPython/Jupyter cells, explained in place.

A custom exception handler for ``ValueError`` shows IPython's normal traceback and, when the exception comes
from Keras and the code that failed has a shape finding for the failing layer, the finding, the per-layer trace
table and the ranked fixes.  Nothing is re-run: the session's *executed history* (``In``, in execution order)
up to the failing cell is checked statically as one source, so sizes, imports and helper functions defined in
earlier cells are known (``N = 50`` in cell 1, ``Input((N,))`` in cell 3).  Findings point at the user's cell
and line as IPython's traceback names it (``Cell In[3]:4:5``), never at the kernel's temporary file.

In Jupyter (an ipykernel shell) the explanation is displayed as a rich output under the error (HTML, with a
plain-text alternative); in a terminal it is printed under the traceback.  ``%unload_ext shapedoctor``
removes the handler.
"""

from __future__ import annotations

import html
import linecache
import re
import traceback
from dataclasses import dataclass, field
from typing import Any

_INSTALLED: dict[int, tuple[Any, Any]] = {}  # id(shell) -> the custom exceptions it had before
MAX_HISTORY_CHARS = 2_000_000  # older cells beyond this are left out (the failing cells are always kept)
_CELL_NAME = re.compile(r"In\[(\d+)\]")


def load_ipython_extension(ipython: Any) -> None:
    _INSTALLED.setdefault(id(ipython), (getattr(ipython, "custom_exceptions", ()), getattr(ipython, "CustomTB",
                                                                                             None)))
    ipython.set_custom_exc((ValueError,), _handler)


def unload_ipython_extension(ipython: Any) -> None:
    previous = _INSTALLED.pop(id(ipython), None)
    ipython.set_custom_exc((), None)
    if previous is not None and previous[0]:
        ipython.custom_exceptions, ipython.CustomTB = previous


def _handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> None:
    stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    try:
        explanation = cell_explanation(shell, value)
    except Exception:  # the explanation is a bonus: never lose the user's traceback over it
        explanation = None
    rich = explanation is not None and _in_kernel(shell)
    if explanation is not None and not rich:
        stb = list(stb) + ["", str(explanation)]
    shell._showtraceback(etype, value, stb)
    if rich:
        try:
            import importlib

            importlib.import_module("IPython.display").display(explanation)
        except Exception:
            pass
    return None


def _in_kernel(shell: Any) -> bool:
    return type(shell).__module__.startswith("ipykernel")


# ----------------------------------------------------------------------------------- the explanation
@dataclass
class Explanation:
    """What ``%load_ext shapedoctor`` shows under a Keras shape error: ``str()`` for terminals, ``_repr_html_``
    for Jupyter."""

    header: str  # "Cell In[3]:4:5: SD101 [rank] Conv1D needs ..."
    explanation: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)
    table: list[tuple[str, ...]] = field(default_factory=list)  # (layer, where, input, output, params, status)
    model: str = ""
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        from .report import printable

        lines = ["shapedoctor explains this error:", printable(self.header)]
        lines += [f"  {printable(line)}" for line in self.explanation]
        lines += [f"  {printable(line)}" for line in self.fixes]
        if self.table:
            headers = ("Layer", "Line", "Input", "Output", "Params", "")
            widths = [max(len(h), *(len(r[i]) for r in self.table)) for i, h in enumerate(headers)]
            lines += ["", printable(f"model '{self.model}'")]
            lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
            lines += ["  " + "  ".join(printable(c).ljust(w) for c, w in zip(row, widths)).rstrip()
                      for row in self.table]
        lines += [f"  {printable(line)}" for line in self.problems]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        e = html.escape
        parts = ['<div class="shapedoctor" style="border-left: 4px solid #d9534f; padding: 0.3em 0.8em;">',
                 "<p><b>shapedoctor explains this error:</b></p>",
                 f"<p><code>{e(self.header)}</code></p>"]
        if self.explanation:
            parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in self.explanation) + "</ul>")
        if self.fixes:
            parts.append("<p><b>Fixes</b> (ranked, each verified):</p><ol>"
                         + "".join(f"<li>{e(line.split(': ', 1)[-1])}</li>" for line in self.fixes) + "</ol>")
        if self.table:
            head = "".join(f"<th>{h}</th>" for h in ("Layer", "Line", "Input", "Output", "Params", ""))
            rows = "".join(
                "<tr" + (' style="color: #d9534f; font-weight: bold;"' if row[5].startswith("<--") else "") + ">"
                + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in self.table)
            parts.append(f"<p>model <code>{e(self.model)}</code></p>"
                         f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        if self.problems:
            parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in self.problems) + "</ul>")
        parts.append("</div>")
        return "".join(parts)


@dataclass
class _Segment:
    label: str  # "In[3]" (IPython's name for the cell)
    text: str
    start: int  # first line in the joined source


def cell_explanation(shell: Any, value: BaseException) -> Explanation | None:
    """shapedoctor's explanation for an exception raised while running a cell, or None."""
    from .frontends.live import _is_keras_file

    frames = traceback.extract_tb(value.__traceback__)
    if not any(_is_keras_file(f.filename) for f in frames):
        return None
    cell_frames = [f for f in frames if _is_cell(f.filename) and linecache.getlines(f.filename)]
    found = _from_history(shell, value, cell_frames) if cell_frames else None
    if found is not None:
        return found
    return _from_files(value)


def _history(shell: Any) -> list[str]:
    history = getattr(getattr(shell, "history_manager", None), "input_hist_parsed", None)
    if not history:
        history = (getattr(shell, "user_ns", None) or {}).get("In") or []
    return [h if isinstance(h, str) else "" for h in history]


def _cell_number(shell: Any, filename: str, text: str, history: list[str]) -> tuple[str, int | None]:
    """IPython's name for the cell compiled as ``filename`` ("In[3]") and its index in ``history`` (None when
    the cell is not in it: run with store_history=False)."""
    label = None
    try:
        named = shell.compile.format_code_name(filename)
        if named:
            label = named[1]
    except Exception:
        pass
    match = _CELL_NAME.fullmatch(label or "") or re.match(r"<ipython-input-(\d+)-", filename)
    number = int(match.group(1)) if match else None
    if number is not None and 0 < number < len(history) and history[number].strip() == text.strip():
        return f"In[{number}]", number
    for index in range(len(history) - 1, 0, -1):  # the latest run of this very text
        if history[index].strip() == text.strip():
            return f"In[{index}]", index
    return label or (f"In[{number}]" if number is not None else "cell"), None


def _from_history(shell: Any, value: BaseException, cell_frames: list[traceback.FrameSummary]) -> Explanation | None:
    from .check import check_source

    history = _history(shell)
    files: dict[str, tuple[str, int | None]] = {}
    texts: dict[str, str] = {}
    for frame in cell_frames:
        if frame.filename not in files:
            texts[frame.filename] = "".join(linecache.getlines(frame.filename))
            files[frame.filename] = _cell_number(shell, frame.filename, texts[frame.filename], history)
    numbers = [n for _, n in files.values() if n is not None]
    unmatched = [name for name, (_, n) in files.items() if n is None]
    last = max(numbers) if numbers and not unmatched else len(history) - 1
    keep = set(numbers)
    segments: list[_Segment] = []
    size = 0
    for index in range(last, 0, -1):  # newest first, so that a size cap drops the oldest cells
        text = history[index]
        if index not in keep and (size + len(text) > MAX_HISTORY_CHARS or not _parses(text)):
            continue  # a cell that raised SyntaxError is history too: it would make everything unparsable
        size += len(text)
        segments.append(_Segment(f"In[{index}]", text, 0))
    segments.reverse()
    by_file: dict[str, _Segment] = {}
    for name in unmatched:
        segments.append(_Segment(files[name][0], texts[name], 0))
    line = 1
    for segment in segments:
        if not segment.text.endswith("\n"):
            segment.text += "\n"
        segment.start = line
        line += segment.text.count("\n")
    for name, (label, number) in files.items():
        by_file[name] = next(s for s in reversed(segments) if s.label == label and (
            number is not None or s.text.rstrip("\n") == texts[name].rstrip("\n")))
    source = "".join(s.text for s in segments)
    try:
        report = check_source(source, "<ipython history>", with_edits=False).files[0]
    except Exception:
        return None
    # Only findings inside the cells of the traceback: an older, since corrected run of a cell is history too.
    ranges = [(s.start, s.start + s.text.count("\n") - 1) for s in by_file.values()]
    for model in report.models:
        model.inference.diagnostics[:] = [d for d in model.inference.diagnostics
                                          if any(a <= d.line <= b for a, b in ranges)]
    from .frontends.live import _match

    for frame in reversed(cell_frames):  # innermost first: closest to the failing layer
        segment = by_file[frame.filename]
        shift = segment.start - 1
        end = getattr(frame, "end_lineno", None) or frame.lineno or 0
        shifted = _Frame((frame.lineno or 0) + shift, end + shift)
        found = _match(report, shifted, str(value))
        if found is not None:
            return _explanation(found[0], found[1], segments)
    return None


def _parses(text: str) -> bool:
    import ast

    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


@dataclass
class _Frame:
    lineno: int
    end_lineno: int


def _locate(line: int, segments: list[_Segment]) -> tuple[str, int]:
    for segment in reversed(segments):
        if segment.start <= line:
            return segment.label, line - segment.start + 1
    return "", line


def _explanation(diagnostic: Any, model: Any, segments: list[_Segment]) -> Explanation:
    from .report.trace import rows

    def cells(text: str) -> str:  # "at line 12" of the joined history -> "at In[3], line 4"
        def one(match: re.Match[str]) -> str:
            label, line = _locate(int(match.group(1)), segments)
            return f"{label}, line {line}" if label else match.group(0)

        return re.sub(r"\bline (\d+)", one, text)

    from .report import char_col, split_source_lines

    label, line = _locate(diagnostic.line, segments)
    joined = split_source_lines("".join(s.text for s in segments))
    text = joined[diagnostic.line - 1] if 0 < diagnostic.line <= len(joined) else ""
    col = char_col(text, diagnostic.col) + 1  # characters, as the text output (the finding's: UTF-8 bytes)
    header = (f"Cell {label}:{line}:{col}: {diagnostic.code} [{diagnostic.kind.name}] "
              f"{cells(diagnostic.message)}")
    fixes = []
    for fix in diagnostic.fixes:
        why = f"  ({cells(fix.why)})" if fix.why else ""
        fixes.append(f"fix {fix.rank}: {cells(fix.title)}{why}")
    table: list[tuple[str, ...]] = []
    for row in rows(model):
        where = ""
        if row[1]:
            row_label, row_line = _locate(int(row[1]), segments)
            where = f"{row_label}:{row_line}"
        table.append((row[0], where, *row[2:]))
    problems = [f"not checked: {cells(f'line {gap.line}')}: {cells(gap.reason)}"
                for gap in model.inference.precision_gaps]
    return Explanation(header, [cells(line) for line in diagnostic.explanation], fixes, table, model.name, problems)


def _from_files(value: BaseException) -> Explanation | None:
    """A failure inside a user's .py module (imported by the cell): that file, checked on its own."""
    from .frontends.live import explanation_for

    text = explanation_for(value)
    if text is None:
        return None
    lines = text.splitlines()
    return _Text(lines)


class _Text(Explanation):
    def __init__(self, lines: list[str]):
        super().__init__(lines[1] if len(lines) > 1 else "")
        self.lines = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return f'<pre class="shapedoctor">{html.escape(str(self))}</pre>'


def _is_cell(filename: str) -> bool:
    return filename.startswith(("<ipython-input-", "<cell")) or "ipykernel_" in filename or \
        "/ipython-input-" in filename
