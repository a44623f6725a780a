"""Inline suppression on the offending line, as flake8 and ruff read it.

* ``# noqa`` — every finding on that line;
* ``# noqa: SD101, SD105`` — those codes (a prefix such as ``SD1`` covers a family);
* ``# shapedoctor: ignore`` / ``# shapedoctor: ignore[rank, SD105]`` — the same with kind names or codes.

A finding is suppressed by a comment on the line it starts on.  Like flake8, the comment is found in the
physical line (a ``# noqa`` inside a string on that line counts too).  ``fix`` never sees a suppressed finding.
"""

from __future__ import annotations

import re

from .kinds import KINDS, Kind

_NOQA = re.compile(r"#\s*noqa(?P<sep>\s*:\s*(?P<codes>[A-Za-z0-9_\-]+(?:[\s,]+[A-Za-z0-9_\-]+)*))?", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*shapedoctor:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)


def selector_matches(selector: str, kind: Kind) -> bool:
    """``rank``, ``SD101``, ``SD1`` (a code prefix) or ``ALL``: does it name ``kind``?"""
    selector = selector.strip()
    if not selector:
        return False
    if selector.upper() == "ALL" or selector == kind.name:
        return True
    return kind.code.upper().startswith(selector.upper()) and selector.upper().startswith("SD")


def _selectors(comment: str | None) -> list[str] | None:
    """None: the comment names no codes (everything on the line)."""
    if comment is None:
        return None
    return [part for part in re.split(r"[\s,]+", comment) if part]


def line_rules(line: str) -> list[list[str] | None]:
    """What the comments on one source line suppress: a list of selector lists (None = everything)."""
    found: list[list[str] | None] = []
    if "#" not in line:
        return found
    for match in _NOQA.finditer(line):
        found.append(_selectors(match.group("codes")))
    for match in _IGNORE.finditer(line):
        found.append(_selectors(match.group("codes")) if match.group("codes") is not None else None)
    return found


def is_suppressed(kind: Kind, rules: list[list[str] | None]) -> bool:
    return any(rule is None or any(selector_matches(s, kind) for s in rule) for rule in rules)


def apply_suppressions(report) -> None:
    """Drop the findings of ``report`` (a FileReport with its ``text``) that a comment on their line suppresses;
    ``report.suppressed`` counts them."""
    text = getattr(report, "text", None)
    if not text or "#" not in text or not report.diagnostics:
        return
    lines = text.splitlines()
    kept = []
    for diagnostic in report.diagnostics:
        line = lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""
        if is_suppressed(diagnostic.kind, line_rules(line)):
            report.suppressed += 1
            continue
        kept.append(diagnostic)
    report.diagnostics = kept


def known_selector(selector: str) -> bool:
    """``--select``/``--ignore`` accept kind names, codes, code prefixes (``SD1``) and ``ALL``."""
    return any(selector_matches(selector, kind) for kind in KINDS.values())
