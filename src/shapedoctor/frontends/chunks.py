"""A long module parsed piece by piece: the same statements as ``ast.parse``, at a fraction of the memory.

``ast.parse`` of a 100,000-line model file peaks at some 700 MB (the parser's memo for the whole file) and its
tree holds some 350 MB.  Here the text is cut at lines that start a top-level statement (column 0), every
``CHUNK_LINES`` lines or so, and each piece is parsed on its own with as many empty lines before it as come before
it in the file, so every node has the line and column a whole-file parse gives it.  A cut that is not a statement
boundary (inside a string, brackets, a backslash continuation, before an ``else:``) makes a piece that does not
parse: it is joined with the next one.  ``statements`` yields the top-level statements lazily, so a walker that
keeps no reference to them lets each piece be freed once it has been walked.

A file with a real syntax error is parsed whole, so the ``SyntaxError`` is exactly the one ``ast.parse`` raises.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

CHUNK_LINES = 2_000
MAX_JOINS = 4  # pieces joined before giving up and parsing the whole text (a string spanning many pieces)

# A column-0 line that starts a statement; never a clause that continues the statement before it.
_STATEMENT_START = re.compile(r"(?!(?:else|elif|except|finally)\b)[A-Za-z_@]")


def pieces(text: str, chunk_lines: int | None = None) -> list[tuple[int, int]]:
    """Candidate (start, end) offsets of the pieces: cuts before a column-0 line every ``chunk_lines`` lines."""
    chunk_lines = chunk_lines or CHUNK_LINES
    if text.count("\n") < chunk_lines:  # no cut can be reached: one piece, without a Python step per line
        return [(0, len(text))]
    cuts = [0]
    lines = 0
    position = text.find("\n")
    while position >= 0:
        lines += 1
        if lines >= chunk_lines and _STATEMENT_START.match(text, position + 1):
            cuts.append(position + 1)
            lines = 0
        position = text.find("\n", position + 1)
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:])) or [(0, len(text))]


def parsed_pieces(text: str, filename: str = "<unknown>") -> Iterator[tuple[int, int, ast.Module]]:
    """(start, end, module) for consecutive pieces covering ``text``; positions are those of the whole file."""
    candidates = pieces(text)
    if len(candidates) == 1:
        yield 0, len(text), ast.parse(text, filename=filename)
        return
    i, lines_before = 0, 0
    while i < len(candidates):
        start, module = candidates[i][0], None
        for joined in range(MAX_JOINS + 1):
            j = min(i + joined, len(candidates) - 1)
            end = candidates[j][1]
            try:
                module = ast.parse("\n" * lines_before + text[start:end], filename=filename)
                break
            except SyntaxError:
                if j == len(candidates) - 1:
                    break
        if module is None:  # the rest in one piece; if even that fails, the whole file raises the exact error
            j, end = len(candidates) - 1, len(text)
            try:
                module = ast.parse("\n" * lines_before + text[start:], filename=filename)
            except SyntaxError:
                whole = ast.parse(text, filename=filename)  # raises the error exactly as for the whole file
                first_line = lines_before + 1  # (never reached for valid code: cuts are statement starts)
                module = ast.Module(body=[s for s in whole.body if s.lineno >= first_line], type_ignores=[])
        yield start, end, module
        lines_before += text.count("\n", start, end)
        i = j + 1


def statements(text: str, filename: str = "<unknown>") -> Iterator[ast.stmt]:
    """The top-level statements of ``text``, as ``ast.parse(text).body`` has them, parsed piece by piece."""
    for _, _, module in parsed_pieces(text, filename):
        yield from module.body
