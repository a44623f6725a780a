"""Reporters: one module per output format, each ``render(report) -> str``."""

import re

FORMATS = ("text", "json", "sarif", "github")

# Control characters in user text (layer names, file names, messages that echo them) would let a file draw on
# the reader's terminal: a newline fakes a finding line, \r overwrites one, ESC [ starts an ANSI sequence.
# Human-readable output escapes them (C0, DEL, C1, and the bidirectional overrides) as Python does in a repr.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = {c: repr(chr(c))[1:-1] for c in (*range(0x20), *range(0x7f, 0xa0))}
_UNSAFE.update({ord(c): f"\\u{ord(c):04x}" for c in _BIDI})
_UNSAFE.update({0xDC00 + b: f"\\x{b:02x}" for b in range(0x80, 0x100)})  # undecodable bytes of a file name

_LINE_END = re.compile(r"\r\n|\r|\n")


def split_source_lines(text: str) -> list[str]:
    """``text`` split at each line end Python counts (``\\r\\n``, ``\\r``, ``\\n``), the ends dropped; a text
    without ``\\r`` (the common case) by ``str.split``, the same lines without a regex scan per character."""
    return text.split("\n") if "\r" not in text else _LINE_END.split(text)


def printable(text) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``...): safe to print on a terminal."""
    return str(text).translate(_UNSAFE)


def char_col(line: str, byte_col: int) -> int:
    """A column in UTF-8 bytes of ``line`` (Python's ``ast`` ``col_offset``, shapedoctor's own columns) as a column
    in characters (code points): what ruff's text output and GitHub annotations count."""
    if line.isascii():
        return max(byte_col, 0)
    return len(line.encode("utf-8", "surrogatepass")[:max(byte_col, 0)].decode("utf-8", "ignore"))


def utf16_col(line: str, char_index: int) -> int:
    """A column in characters of ``line`` as a column in UTF-16 code units (SARIF's and LSP's default)."""
    head = line[:max(char_index, 0)]
    return len(head) if head.isascii() else len(head.encode("utf-16-le", "surrogatepass")) // 2


def full_message(diagnostic, with_fixes: bool = True) -> str:
    """The one-line message, then the explanation lines and the ranked fixes, for one-field formats."""
    lines = [diagnostic.message, *diagnostic.explanation]
    if with_fixes:
        lines += [f"fix {f.rank}: {f.title}" for f in diagnostic.fixes]
    return "\n".join(printable(line) for line in lines)


def render(report, fmt: str, **options) -> str:
    if fmt == "json":
        from .json_format import render as fn
    elif fmt == "sarif":
        from .sarif import render as fn
    elif fmt == "github":
        from .github import render as fn
    else:
        from .text import render as fn
    return fn(report, **options)
