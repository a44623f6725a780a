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
    ``report.suppressed`` counts them, and ``report.unused_noqa`` gets an ``unused-noqa`` finding for each
    suppression comment of shapedoctor's that silenced nothing (reported with ``--report-unused-noqa``)."""
    text = getattr(report, "text", None)
    if not text or "#" not in text or not _DIRECTIVE.search(text):
        return
    lines = text.splitlines()
    directives = {n: _directives(lines[n - 1]) for n in _directive_lines(text, lines)}
    kept = []
    for diagnostic in report.diagnostics:
        found = directives.get(diagnostic.line)
        if found is None:
            line = lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""
            found = directives[diagnostic.line] = _directives(line)
        used = [d for d in found if d.silences(diagnostic.kind)]
        if used:
            report.suppressed += 1
            for directive in used:
                directive.use(diagnostic.kind)
            continue
        kept.append(diagnostic)
    report.diagnostics = kept
    if hasattr(report, "unused_noqa"):
        report.unused_noqa = _unused(text, lines, directives, getattr(report, "path", ""))


# ---------------------------------------------------------------------------- unused suppressions
_DIRECTIVE = re.compile(r"#\s*(?:noqa|shapedoctor:\s*ignore)", re.IGNORECASE)


class _Directive:
    """One suppression comment on a line: where it is and which of its selectors silenced something."""

    def __init__(self, kind: str, start: int, end: int, selectors: list[str] | None):
        self.kind, self.start, self.end, self.selectors = kind, start, end, selectors
        self.used: set[str] = set()  # selectors that silenced a finding ("" for a bare comment)

    def silences(self, kind: Kind) -> bool:
        return self.selectors is None or any(selector_matches(s, kind) for s in self.selectors)

    def use(self, kind: Kind) -> None:
        if self.selectors is None:
            self.used.add("")
        else:
            self.used.update(s for s in self.selectors if selector_matches(s, kind))

    def unused(self) -> list[str] | None:
        """What to report: [] the whole (bare) comment, [selectors...] those unused, None nothing.

        A bare ``# noqa`` and codes that are not shapedoctor's (``E501``, ``F401``) belong to other linters
        (flake8, ruff) and are never reported; ``# shapedoctor: ignore`` is ours whole."""
        if self.selectors is None:
            return None if self.kind == "noqa" or self.used else []
        ours = [s for s in self.selectors if self.kind == "ignore" or s.upper().startswith("SD") or known_selector(s)]
        unused = [s for s in ours if s not in self.used]
        return unused or None


_OTHER_BREAKS = re.compile("[\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")


def _directive_lines(text: str, lines: list[str]) -> list[int]:
    """Line numbers (1-based, as in ``lines``) of every line holding a suppression comment."""
    if _OTHER_BREAKS.search(text):  # str.splitlines() breaks there too: count the slow way
        return [n for n, line in enumerate(lines, 1) if _DIRECTIVE.search(line)]
    out, line, position = [], 1, 0
    for match in _DIRECTIVE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not out or out[-1] != line:
            out.append(line)
    return out


def _directives(line: str) -> list[_Directive]:
    found: list[_Directive] = []
    if "#" not in line:
        return found
    for match in _NOQA.finditer(line):
        found.append(_Directive("noqa", match.start(), match.end(), _selectors(match.group("codes"))))
    for match in _IGNORE.finditer(line):
        codes = match.group("codes")
        found.append(_Directive("ignore", match.start(), match.end(), None if codes is None else _selectors(codes)))
    return found


def _unused(text: str, lines: list[str], directives: dict, path: str) -> list:
    from .diagnostics import Diagnostic
    from .kinds import UNUSED_NOQA

    candidates = [(n, d, unused) for n, found in sorted(directives.items()) for d in found
                  if (unused := d.unused()) is not None]
    if not candidates:
        return []
    comments = _comment_starts(text)
    out = []
    for n, directive, unused in candidates:
        if comments is not None and not any(start <= directive.start for start in comments.get(n, ())):
            continue  # inside a string, not a comment
        line = lines[n - 1]
        spelled = "noqa" if directive.kind == "noqa" else "shapedoctor: ignore"
        message = f"Unused `{spelled}` directive"
        if unused:
            names = ", ".join(f"`{s}`" for s in unused)
            unknown = [s for s in unused if not known_selector(s)]
            message += f" (unknown: {names})" if len(unknown) == len(unused) else f" (unused: {names})"
        col = len(line[:directive.start].encode("utf-8", "surrogatepass"))
        end_col = len(line[:directive.end].encode("utf-8", "surrogatepass"))
        out.append(Diagnostic(kind=UNUSED_NOQA, severity=UNUSED_NOQA.severity, message=message, line=n, col=col,
                              end_line=n, end_col=end_col, path=path, explanation=[
                                  "It silenced no finding on this line: remove it (or the codes it no longer "
                                  "needs), so that it cannot hide a future error."]))
    return out


def _comment_starts(text: str) -> dict[int, list[int]] | None:
    """{line: [character column of each comment]}; None when the text cannot be tokenized."""
    import io
    import tokenize

    starts: dict[int, list[int]] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                starts.setdefault(token.start[0], []).append(token.start[1])
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    return starts


def known_selector(selector: str) -> bool:
    """``--select``/``--ignore`` accept kind names, codes, code prefixes (``SD1``) and ``ALL``."""
    return any(selector_matches(selector, kind) for kind in KINDS.values())
