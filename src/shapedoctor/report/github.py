"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…::…``."""

from __future__ import annotations

from . import full_message, printable

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, **_) -> str:
    """Columns are 1-based characters, as ruff writes them (shapedoctor's own columns are UTF-8 bytes); a finding
    in a notebook is placed where its code is stored in the ``.ipynb`` file, as in SARIF."""
    from .positions import CHARACTERS, Positions

    out = []
    for file in report.files:
        positions = Positions(file, unit=CHARACTERS)
        for d in file.diagnostics:
            body = full_message(d)
            region = positions.region(d.line, d.col, d.end_line, d.end_col)
            line, col = region["startLine"], region["startColumn"]
            end_line, end_col = region.get("endLine", line), region.get("endColumn", col)
            out.append(f"::{_LEVEL[d.severity]} file={_escape_property(printable(file.path))},line={line},"
                       f"endLine={end_line},col={col},endColumn={end_col},"
                       f"title={_escape_property(d.code + ' ' + d.kind.name)}::{_escape_data(body)}")
    return "\n".join(out) + ("\n" if out else "")
