"""ruff/pyflakes-style text: one line per finding, then the explanation and the fixes."""

from __future__ import annotations

from . import printable


def finding_lines(d, path: str) -> list[str]:
    """Every piece of user text is escaped (``printable``): a layer named "x\\nfake.py:1:1: SD101" stays one line."""
    lines = [f"{printable(path)}:{d.line}:{d.col + 1}: {d.code} [{d.kind.name}] {printable(d.message)}"]
    lines += [f"  {printable(line)}" for line in d.explanation]
    for fix in d.fixes:
        why = f"  ({printable(fix.why)})" if fix.why else ""
        lines.append(f"  fix {fix.rank}: {printable(fix.title)}{why}")
    return lines


def render(report, show_info: bool = True, quiet: bool = False, **_) -> str:
    """``quiet``: the error and warning findings only, one line each, no explanation and no summary (``-q``)."""
    out: list[str] = []
    for file in report.files:
        for d in file.diagnostics:
            if d.severity == "info" and (not show_info or quiet):
                continue
            out.extend(finding_lines(d, file.path)[:1] if quiet else finding_lines(d, file.path))
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
