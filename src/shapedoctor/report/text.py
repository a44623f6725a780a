"""ruff/pyflakes-style text: one line per finding, then the explanation and the fixes."""

from __future__ import annotations

from . import char_col as _char_col, printable, split_source_lines


def finding_lines(d, path: str, notebook=None, source: list[str] | None = None, show_source: bool = False,
                  color: bool = False) -> list[str]:
    """Every piece of user text is escaped (``printable``): a layer named "x\\nfake.py:1:1: SD101" stays one line.

    In a notebook the position is printed as ruff prints it: ``nb.ipynb:cell 4:2:5:`` (cell, line, column).
    ``source``: the file's lines (``source_lines``), for character columns and ``show_source``'s code frame."""
    where = notebook.location(d.line, d.col) if notebook is not None else None
    # 1-based columns in characters, as ruff prints them (the finding's own columns are UTF-8 byte offsets)
    col = _char_col(source[d.line - 1], d.col) if source and 0 < d.line <= len(source) else d.col
    position = f"cell {where[0]}:{where[1]}:{where[2] + 1}" if where else f"{d.line}:{col + 1}"
    paint = _paint if color else _plain
    lines = [f"{paint(printable(path), BOLD)}:{position}: {paint(d.code, _SEVERITY[d.severity])} "
             f"[{d.kind.name}] {printable(d.message)}"]
    if show_source and source:
        lines += code_frame(source, d, where[1] if where else d.line, paint)
    lines += [f"  {printable(line)}" for line in d.explanation]
    for fix in d.fixes:
        why = f"  ({printable(fix.why)})" if fix.why else ""
        lines.append(f"  {paint(f'fix {fix.rank}:', CYAN)} {printable(fix.title)}{why}")
    return lines


# ANSI styles, only when asked (a terminal, or FORCE_COLOR; never NO_COLOR, a file or another format)
BOLD, RED, YELLOW, CYAN, BLUE = "1", "1;31", "1;33", "36", "1;34"
_SEVERITY = {"error": RED, "warning": YELLOW, "info": CYAN}


def _paint(text: str, style: str) -> str:
    return f"\x1b[{style}m{text}\x1b[0m"


def _plain(text: str, style: str) -> str:
    return text


def source_lines(file) -> list[str] | None:
    """The lines the file's positions refer to (a notebook: its joined code cells), None when unknown."""
    notebook = getattr(file, "notebook", None)
    text = notebook.text if notebook is not None else getattr(file, "text", None)
    if not text:
        return None
    return split_source_lines(text)


def _shown(text: str) -> str:
    """A piece of a source line as printed: tabs to 4 spaces, control characters escaped."""
    return printable(text.replace("\t", "    "))


def _width(text: str) -> int:
    """Terminal cells: East Asian wide characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def code_frame(source: list[str], d, shown_line: int, paint=_plain) -> list[str]:
    """The finding's source line with ``^~~~`` under its span (to the end of the line for a span that goes on
    over several lines), as a compiler prints it."""
    if not 0 < d.line <= len(source):
        return []
    line = source[d.line - 1]
    start = min(_char_col(line, d.col), len(line))
    end = _char_col(line, d.end_col) if d.end_line == d.line else len(line.rstrip())
    end = max(start, min(end, len(line)))
    gutter = " " * len(str(shown_line))
    bar = paint("|", BLUE)
    text = _shown(line).rstrip()
    pad = " " * _width(_shown(line[:start]))
    width = max(_width(_shown(line[start:end])), 1)
    marker = paint("^" + "~" * (width - 1), _SEVERITY[d.severity])
    return [f"  {gutter} {bar}", f"  {paint(str(shown_line), BLUE)} {bar} {text}", f"  {gutter} {bar} {pad}{marker}"]


def render(report, show_info: bool = True, quiet: bool = False, show_source: bool = False, color: bool = False,
           **_) -> str:
    """``quiet``: the error and warning findings only, one line each, no explanation and no summary (``-q``).
    ``show_source``: a code frame under each finding; ``color``: ANSI colours (the caller decides: a terminal)."""
    out: list[str] = []
    for file in report.files:
        source = source_lines(file) if file.diagnostics else None
        for d in file.diagnostics:
            if d.severity == "info" and (not show_info or quiet):
                continue
            lines = finding_lines(d, file.path, getattr(file, "notebook", None), source, show_source, color)
            frame = 4 if show_source and source and 0 < d.line <= len(source) else 1
            out.extend(lines[:frame] if quiet else lines)
    if not quiet:
        out.append(summary(report))
    return "".join(line + "\n" for line in out)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(report) -> str:
    """The last line: findings, then how much was really checked.

    "All checks passed" only when every model was fully checked, none was skipped and shapedoctor never failed.
    """
    errors, warnings = report.count("error"), report.count("warning")
    models, files = len(report.models), len(report.files)
    full, partly, skipped = report.fully_checked, report.partly_checked, len(report.skipped_models)
    internal = report.internal_errors
    if errors or warnings:
        coverage = f"{_n(models, 'model')}: {full} fully checked"
        coverage += f", {partly} partly" if partly else ""
        coverage += f"; {skipped} skipped" if skipped else ""
        coverage += f"; {_n(internal, 'internal error')}" if internal else ""
        return (f"Found {_n(errors, 'error')} and {_n(warnings, 'warning')} in {_n(files, 'file')} "
                f"({coverage}).")
    if report.everything_checked:
        checked = f"{_n(models, 'model')} fully checked" if models else "0 models"
        return f"All checks passed: {_n(files, 'file')}, {checked}."
    parts = [f"{full} fully checked", f"{partly} partly checked"]
    parts += [f"{skipped} skipped"] if skipped else []
    parts += [_n(internal, "internal error")] if internal else []
    return (f"No errors found: {_n(files, 'file')}, {_n(models, 'model')} ({', '.join(parts)}); "
            f"run with --format json to see the gaps.")
