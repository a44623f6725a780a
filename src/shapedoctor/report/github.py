"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…::…``."""

from __future__ import annotations

from . import full_message, printable

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, **_) -> str:
    out = []
    for file in report.files:
        for d in file.diagnostics:
            body = full_message(d)
            out.append(f"::{_LEVEL[d.severity]} file={_escape_property(printable(file.path))},line={d.line},"
                       f"endLine={d.end_line},col={d.col + 1},endColumn={d.end_col + 1},"
                       f"title={_escape_property(d.code + ' ' + d.kind.name)}::{_escape_data(body)}")
    return "\n".join(out) + ("\n" if out else "")
