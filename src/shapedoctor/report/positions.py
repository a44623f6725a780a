"""Where a finding is, as a consumer counts: 1-based lines and columns in UTF-16 code units (SARIF's
``columnKind``, editors) or in characters (ruff's text and GitHub annotations), converted from shapedoctor's own
positions (1-based lines, 0-based columns in UTF-8 bytes, as Python's ``ast``).  A finding in a notebook is
placed where its code is stored in the ``.ipynb`` file's JSON text."""

from __future__ import annotations

from . import char_col, split_source_lines, utf16_col

UTF16, CHARACTERS = "utf16CodeUnits", "unicodeCodePoints"  # SARIF's names of the two column units




def _region(start: tuple[int, int], end: tuple[int, int], insertion: bool = False) -> dict:
    """A text region from 1-based (line, column) pairs.  An empty span is an insertion point when asked for
    one (a fix's ``deletedRegion``), otherwise the rest of the start line (no end column)."""
    (line, col), (end_line, end_col) = start, end
    line, col = max(line, 1), max(col, 1)
    if (end_line, end_col) < (line, col):
        end_line, end_col = line, col
    if (end_line, end_col) == (line, col) and not insertion:
        return {"startLine": line, "startColumn": col}
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


class Columns:
    """(line, UTF-8 byte column) of a source -> character or 1-based UTF-16 column (the file's text when known)."""

    def __init__(self, text: str | None):
        self.lines = split_source_lines(text) if text else None

    def line_text(self, line: int) -> str | None:
        if self.lines is None or not 1 <= line <= len(self.lines):
            return None
        return self.lines[line - 1]

    def char_col(self, line: int, byte_col: int) -> int:
        text = self.line_text(line)
        return max(byte_col, 0) if text is None else char_col(text, byte_col)

    def column(self, line: int, byte_col: int, unit: str = UTF16) -> int:
        """1-based, in ``unit``: UTF-16 code units (SARIF) or characters (GitHub annotations)."""
        text = self.line_text(line)
        if text is None:
            return max(byte_col, 0) + 1
        index = self.char_col(line, byte_col)
        return (utf16_col(text, index) if unit == UTF16 else index) + 1


class Positions:
    """Positions of one file's findings and edits in the file itself, 1-based, the columns in ``unit``:
    UTF-16 code units (SARIF's ``columnKind``) or characters (GitHub annotations, as ruff)."""

    def __init__(self, file, unit: str = UTF16):
        self.notebook = getattr(file, "notebook", None)
        self.columns = Columns(self.notebook.text if self.notebook is not None else getattr(file, "text", None))
        self.unit = unit

    def point(self, line: int, byte_col: int) -> tuple[int, int]:
        if self.notebook is not None:
            position = self.notebook.json_position(line, self.columns.char_col(line, byte_col))
            if position is None:
                return 1, 1
            json_line, index = position
            raw = self.notebook.raw_line(json_line)
            return json_line, (utf16_col(raw, index) if self.unit == UTF16 else index) + 1
        return max(line, 1), self.columns.column(line, byte_col, self.unit)

    def region(self, line: int, col: int, end_line: int, end_col: int, insertion: bool = False) -> dict:
        start = self.point(line, col)
        end = self.point(end_line, end_col) if (end_line, end_col) >= (line, col) else start
        return _region(start, end, insertion)
