"""ruff/pyflakes-style text: one line per finding, then the explanation and the fixes."""

from __future__ import annotations


def finding_lines(d, path: str) -> list[str]:
    lines = [f"{path}:{d.line}:{d.col + 1}: {d.code} [{d.kind.name}] {d.message}"]
    lines += [f"  {line}" for line in d.explanation]
    for fix in d.fixes:
        why = f"  ({fix.why})" if fix.why else ""
        lines.append(f"  fix {fix.rank}: {fix.title}{why}")
    return lines


def render(report, show_info: bool = True, **_) -> str:
    out: list[str] = []
    for file in report.files:
        for d in file.diagnostics:
            if d.severity == "info" and not show_info:
                continue
            out.extend(finding_lines(d, file.path))
    errors, warnings = report.count("error"), report.count("warning")
    models = len(report.models)
    files = len(report.files)
    if errors or warnings:
        out.append(f"Found {errors} error{'s' * (errors != 1)} and {warnings} warning{'s' * (warnings != 1)} "
                   f"in {files} file{'s' * (files != 1)} ({models} model{'s' * (models != 1)} checked).")
    else:
        out.append(f"All checks passed: {files} file{'s' * (files != 1)}, {models} model{'s' * (models != 1)}.")
    return "\n".join(out) + "\n"
