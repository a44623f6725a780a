"""JSON output, version 1 (the contract in docs/json-output.md)."""

from __future__ import annotations

import json

_compact = json.JSONEncoder(ensure_ascii=True, check_circular=False).encode


def render(report, **_) -> str:
    return dumps(report.to_json()) + "\n"


def dumps(value, indent: int = 2, depth: int = 6) -> str:
    """``json.dumps(value, indent=indent)`` down to ``depth`` levels of nesting, each deeper value on one line.

    The same JSON document; only the whitespace differs.  ``json`` uses its C encoder only without ``indent``:
    indenting a whole corpus report (megabytes: every layer of every model) in pure Python took more CPU than
    checking the corpus, so the leaves (a layer, a finding, a fix) are encoded by the C encoder, one per line.
    """
    return _encode(value, 0, indent, depth)


def _encode(value, level: int, indent: int, depth: int) -> str:
    if level >= depth or not value or not isinstance(value, (dict, list)):
        return _compact(value)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            return _compact(value)
        items = [f"{_compact(key)}: {_encode(item, level + 1, indent, depth)}" for key, item in value.items()]
        opening, closing = "{", "}"
    else:
        items = [_encode(item, level + 1, indent, depth) for item in value]
        opening, closing = "[", "]"
    inner = "\n" + " " * (indent * (level + 1))
    return opening + inner + ("," + inner).join(items) + "\n" + " " * (indent * level) + closing
