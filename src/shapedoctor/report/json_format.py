"""JSON output, version 1 (the contract in docs/json-output.md)."""

from __future__ import annotations

import json
from json.encoder import c_make_encoder, encode_basestring_ascii

_encoder = json.JSONEncoder(ensure_ascii=True, check_circular=False)
# ``_encoder.encode`` builds a new C encoder on every call (tens of thousands of leaves per corpus report): the one it
# builds, made once.  Strings (every key) go straight to the C function ``encode`` gives them to.
try:  # (markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan): 3.6-3.13
    _c_encode = c_make_encoder(None, _encoder.default, encode_basestring_ascii, None, _encoder.key_separator,
                               _encoder.item_separator, False, False, True) if c_make_encoder is not None else None
except TypeError:  # another signature: the encoder's own encode() for every leaf, as before
    _c_encode = None


def _compact(value) -> str:
    if isinstance(value, str):
        return encode_basestring_ascii(value)
    if _c_encode is None:
        return _encoder.encode(value)
    return "".join(_c_encode(value, 0))


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
        items = [f"{encode_basestring_ascii(key)}: {_encode(item, level + 1, indent, depth)}"
                 for key, item in value.items()]
        opening, closing = "{", "}"
    else:
        items = [_encode(item, level + 1, indent, depth) for item in value]
        opening, closing = "[", "]"
    inner = "\n" + " " * (indent * (level + 1))
    return opening + inner + ("," + inner).join(items) + "\n" + " " * (indent * level) + closing
