"""Jupyter notebooks: the code cells, in order, checked as one Python source (read as JSON, never run).

Cells are numbered as ruff numbers them: the 1-based position of the cell among *all* cells of the notebook
(markdown and raw cells included), which is what a reader counts from the top.  A finding is printed
``nb.ipynb:cell 4:2:5: SD101 ...`` (cell 4, line 2 of that cell, column 5).

IPython syntax never makes a notebook a parse error.  It is neutralised line by line, so every line keeps its
number and every Python line its columns (no IPython import is needed):

* ``%magic``, ``!shell``, ``?obj``, ``obj?``, ``obj??``, the autocall escapes ``/f x``, ``,f a b``, ``;f a b``,
  and automagic lines (``pip install keras``, ``cd ..``: a line magic's name first, and not valid Python)
  become an empty line, or ``pass`` where the line is indented (a loop body must not become empty).  A
  ``\\``-continued escape line takes its continuation lines with it.
* ``x = !ls``, ``x = %sx ls``, ``files = %system ls``: the assignment is kept and its value becomes
  ``get_ipython()`` (what IPython runs: an opaque call), so ``x`` stays defined.
* Escapes count only at the start of a logical line: ``% 2`` continuing an expression in brackets, a ``?`` in
  a string or a comment, are Python and are kept.
* A ``%%`` cell magic: ``%%time``, ``%%timeit`` and ``%%capture`` run their body as Python in the kernel, so
  only their first line is blanked and the body is checked.  Every other cell magic (``%%bash``,
  ``%%writefile``, ``%%html``, ``%%python3``, ``%%script``...) runs its body elsewhere or not as Python: the
  whole cell is blanked.
* A ``%%writefile script.py`` (or ``%%file``) cell writes a Python script that runs outside the kernel (a
  training job, a tuner's worker): it is checked as a module of its own, apart from the notebook's namespace,
  its lines kept where they are in the notebook (``-a`` appends to the script an earlier cell wrote).  So is one
  whose name IPython fills in from a variable (``%%writefile {module_file}``) when its body parses as Python.
* A cell indented as a whole (IPython removes the common first-line indentation) is dedented; the columns
  reported are those of the cell as written.

A notebook whose kernel is not Python (``metadata.kernelspec.language`` / ``language_info.name``) has no
code to check.

For SARIF (where a region is a place in the ``.ipynb`` file itself), :meth:`NotebookSource.json_position`
maps a position of the joined cells to the line and column of the notebook's JSON text where that character
is stored: with nbformat's usual one-string-per-line layout, the JSON line of that very source line.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from dataclasses import dataclass, field

# Cell magics whose body is Python run in the kernel's namespace: the body is checked.
PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture"})

# Line magics IPython also accepts without the `%` (automagic).  A line starting with one of these names,
# followed by an argument, that is not valid Python on its own, is a magic (as ruff decides too).
_AUTOMAGICS = frozenset("""
alias alias_magic autoawait autocall automagic bookmark cd code_wrap colors conda config debug dhist dirs
doctest_mode edit env gui history killbgscripts load load_ext loadpy logoff logon logstart logstate logstop
lsmagic macro magic mamba matplotlib micromamba notebook page pastebin pdb pdef pdoc pfile pinfo pinfo2 pip
popd pprint precision prun psearch psource pushd pwd pycat pylab quickref recall rehashx reload_ext rerun
reset reset_selective run save sc set_env sx system tb time timeit unalias unload_ext who who_ls whos xdel
xmode
cat clear cp ldir less lf lk ll ls lx man mkdir more mv rm rmdir""".split())  # the last line: IPython's default
# shell aliases on POSIX (``ls ./data/train/`` in a tutorial cell), which automagic runs the same way

_ESCAPES = ("%", "!", "?", "/", ",", ";")
# What IPython's prefilter takes for Python after a first word, magic name or not (its AssignmentChecker and
# PythonOpsChecker): ``history = model.fit(`` opening a call continued on the next lines is an assignment, not
# the %history magic, though the line alone does not compile.
_PYTHON_AFTER_A_NAME = tuple("!=()<>,+*/%^&|")
_ASSIGN_FROM_IPYTHON = re.compile(
    r"^(?P<lhs>[ \t]*[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?)*"
    r"[ \t]*=[ \t]*)(?P<rhs>[!%].*)$")


@dataclass
class NotebookSource:
    text: str
    # per line of ``text`` (index = line - 1): (cell number as ruff counts it, line in that cell)
    cell_of_line: list[tuple[int, int]]
    # per line: columns removed by dedenting a cell indented as a whole (added back when reporting)
    col_shift: list[int] = field(default_factory=list)
    # per line: (index into _cells, offset of the line's start in that cell's source); None: no JSON positions
    _line_start: list[tuple[int, int]] | None = None
    # per code cell: [(raw offset of a source string's first character, decoded length), ...]
    _cells: list[list[tuple[int, int]]] = field(default_factory=list)
    _raw: str = ""
    _raw_line_starts: list[int] = field(default_factory=list)
    _text_lines: list[str] | None = None
    # the Python scripts %%writefile cells write: (file name, text with every other line of ``text`` blank)
    scripts: list[tuple[str, str]] = field(default_factory=list)

    def where(self, line: int) -> str:
        if 1 <= line <= len(self.cell_of_line):
            cell, cell_line = self.cell_of_line[line - 1]
            return f"cell {cell}, line {cell_line}"
        return f"line {line}"

    def location(self, line: int, col: int) -> tuple[int, int, int] | None:
        """(cell, line in the cell, 0-based character column in the cell as written) of a position in ``text``
        given as (line, UTF-8 byte column), Python's ``ast`` positions."""
        if not 1 <= line <= len(self.cell_of_line):
            return None
        cell, cell_line = self.cell_of_line[line - 1]
        return cell, cell_line, self.char_col(line, col) + (self.col_shift[line - 1] if self.col_shift else 0)

    def char_col(self, line: int, byte_col: int) -> int:
        """The character column in line ``line`` of ``text`` of a UTF-8 byte column."""
        lines = self._lines()
        if not 1 <= line <= len(lines) or lines[line - 1].isascii():
            return max(byte_col, 0)
        return len(lines[line - 1].encode("utf-8", "surrogatepass")[:max(byte_col, 0)].decode("utf-8", "ignore"))

    def _lines(self) -> list[str]:
        if self._text_lines is None:
            self._text_lines = self.text.split("\n")
        return self._text_lines

    def json_position(self, line: int, char_col: int) -> tuple[int, int] | None:
        """(1-based line, 0-based character column) in the notebook's JSON text of the character at
        (``line``, ``char_col``) of ``text`` (a character column, not bytes); None when unknown."""
        if self._line_start is None or not 1 <= line <= len(self._line_start):
            return None
        cell_index, start = self._line_start[line - 1]
        pieces = self._cells[cell_index]
        if not pieces:
            return None
        offset = start + char_col + (self.col_shift[line - 1] if self.col_shift else 0)
        for raw_start, length in pieces:
            if offset < length:
                return self._raw_line_col(_raw_index(self._raw, raw_start, offset))
            offset -= length
        raw_start, length = pieces[-1]  # past the cell's end (the line joining it to the next): its last char
        return self._raw_line_col(_raw_index(self._raw, raw_start, length))

    def raw_line(self, line: int) -> str:
        """Line ``line`` (1-based) of the notebook's JSON text."""
        starts = self._raw_line_starts
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] - 1 if line < len(starts) else len(self._raw)
        return self._raw[starts[line - 1]:end]

    def without_unparsable_cells(self) -> tuple[NotebookSource, list[SyntaxError]]:
        """Each code cell compiled on its own, as IPython runs it: a cell that does not parse is blanked (its
        lines kept, empty) so that the other cells are still checked, as they still run in the kernel.  The new
        source, and per blanked cell its error, ``lineno`` counted in ``text``."""
        lines = self.text.split("\n")
        cells: dict[int, list[int]] = {}
        for index, (cell, _) in enumerate(self.cell_of_line):
            cells.setdefault(cell, []).append(index)
        errors = []
        for indexes in cells.values():
            try:
                compile("\n".join(lines[i] for i in indexes), "<cell>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            except SyntaxError as exc:
                exc.lineno = indexes[0] + min(max(exc.lineno or 1, 1), len(indexes))
                errors.append(exc)
            except (ValueError, RecursionError, MemoryError) as exc:  # a null byte; nesting too deep
                error = SyntaxError(str(exc) if isinstance(exc, ValueError) else "the cell is too deeply nested")
                error.lineno, error.offset = indexes[0] + 1, 1
                errors.append(error)
            else:
                continue
            for i in indexes:
                lines[i] = ""
        if not errors:
            return self, []
        return dataclasses.replace(self, text="\n".join(lines), _text_lines=None), errors

    def _raw_line_col(self, offset: int) -> tuple[int, int]:
        import bisect

        index = bisect.bisect_right(self._raw_line_starts, offset) - 1
        return index + 1, offset - self._raw_line_starts[index]


def notebook_source(raw: str) -> NotebookSource:
    """Raises ValueError for anything that is not a notebook (or whose code cells are not text)."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ValueError("not a Jupyter notebook (JSON nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise ValueError("not a Jupyter notebook (no 'cells' list)")
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    shifts: list[int] = []
    line_start: list[tuple[int, int]] = []
    code_cells = 0
    python = _is_python(data.get("metadata"))
    written: list[tuple[str, dict[int, str]]] = []  # per script: its name, {index in `lines`: line}
    for number, cell in enumerate(data["cells"], 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        code_cells += 1
        source = cell.get("source", "")
        # nbformat: a string or a list of strings.  Anything else (numbers, nulls, nested lists) is not code.
        if isinstance(source, list) and all(isinstance(part, str) for part in source):
            text = "".join(source)
        elif isinstance(source, str):
            text = source
        else:
            raise ValueError(f"code cell {code_cells}: `source` is not text (a string or a list of strings)")
        cell_lines = split_lines(text)
        python_lines, cell_shifts = python_cell(cell_lines) if python else ([""] * len(cell_lines),
                                                                            [0] * len(cell_lines))
        script = _written_script(cell_lines) if python else None
        if script is not None:
            name, append, body = script
            group = next((g for g in reversed(written) if g[0] == name), None) if append else None
            if group is None:
                group = (name, {})
                written.append(group)
            group[1].update({len(lines) + i: line.rstrip("\r\n") for i, line in body})
        offset = 0
        for cell_line, (original, line, shift) in enumerate(zip(cell_lines, python_lines, cell_shifts), 1):
            lines.append(line)
            where.append((number, cell_line))
            shifts.append(shift)
            line_start.append((code_cells - 1, offset))
            offset += len(original)
        lines.append("")  # cells end with a newline: keep statements apart
        where.append((number, len(cell_lines) + 1))
        shifts.append(0)
        line_start.append((code_cells - 1, offset))
    notebook = NotebookSource("\n".join(lines) + "\n", where, shifts)
    notebook.scripts = [(name, "\n".join(body.get(i, "") for i in range(len(lines))) + "\n")
                        for name, body in written]
    try:
        cells = _code_cell_strings(raw)
    except (ValueError, RecursionError, IndexError, KeyError, TypeError):
        cells = None
    if cells is not None and len(cells) == code_cells:
        notebook._line_start, notebook._cells, notebook._raw = line_start, cells, raw
        notebook._raw_line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
    return notebook


def _is_python(metadata) -> bool:
    """False only when the notebook says its kernel runs another language (R, Julia...)."""
    if not isinstance(metadata, dict):
        return True
    for key, name in (("kernelspec", "language"), ("language_info", "name")):
        value = metadata.get(key)
        if isinstance(value, dict) and isinstance(value.get(name), str) and value[name].strip():
            return value[name].strip().lower() in ("python", "python3", "ipython", "ipython3")
    return True


# ----------------------------------------------------------------------------------- IPython -> Python
def python_cell(cell_lines: list[str]) -> tuple[list[str], list[int]]:
    """One cell's lines (with or without their line ends) -> the same number of Python lines, without line
    ends, and per line the number of columns removed by dedenting a cell indented as a whole."""
    lines = [line.rstrip("\r\n") for line in cell_lines]
    shifts = [0] * len(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines, shifts
    if lines[first].lstrip().startswith("%%"):
        name = lines[first].lstrip()[2:].split(maxsplit=1)
        if not name or name[0] not in PYTHON_BODY_CELL_MAGICS:
            return [""] * len(lines), shifts
        lines[first] = ""
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            return lines, shifts
    indent = re.match(r"[ \t]*", lines[first]).group(0)
    if indent:  # IPython's leading_indent: the first line's indentation is removed from every line having it
        shifts = [len(indent) if line.startswith(indent) else 0 for line in lines]
        lines = [line[shift:] for line, shift in zip(lines, shifts)]
    out: list[str] = []
    depth, quote, continued, escaped = 0, None, False, False
    for line in lines:
        if escaped:  # a `\`-continued escape line: its continuation is part of the command
            escaped = line.endswith("\\")
            out.append("")
            continue
        if depth == 0 and quote is None and not continued:
            python = _python_line(line)
            if python is not None:
                out.append(python)
                escaped = line.endswith("\\")
                continue
        out.append(line)
        depth, quote, continued = _scan(line, depth, quote)
    return out, shifts


def _written_script(cell_lines: list[str]) -> tuple[str, bool, list[tuple[int, str]]] | None:
    """``%%writefile [-a] name.py`` (or ``%%file``) first: (name, appends, [(line index in the cell, line)...]
    of the body); None for any other cell, or a file that is not a Python script."""
    first = next((i for i, line in enumerate(cell_lines) if line.strip()), None)
    if first is None:
        return None
    words = cell_lines[first].split()
    if words[0] not in ("%%writefile", "%%file") or len(words) < 2:
        return None
    body = list(enumerate(cell_lines))[first + 1:]
    if not words[-1].endswith(".py") and not (_EXPANDED_NAME.fullmatch(words[-1]) and _parses(body)):
        return None
    return words[-1], "-a" in words[1:-1] or "--append" in words[1:-1], body


# A file name IPython fills in from a variable (``%%writefile {_trainer_module_file}``, ``$path``): the script a
# TFX tutorial writes for its Trainer, known to be Python only when its body parses as Python
_EXPANDED_NAME = re.compile(r"\{[^{}]+\}|\$\w+")


def _parses(body: list[tuple[int, str]]) -> bool:
    try:
        ast.parse("".join(line for _, line in body))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def split_lines(text: str) -> list[str]:
    """``text`` split after each line end Python counts (\\n, \\r\\n, \\r), ends kept."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


def _blank(line: str) -> str:
    indent = re.match(r"[ \t]*", line).group(0)
    return indent + "pass" if indent else ""


def _python_line(line: str) -> str | None:
    """The Python for one line starting a logical line, or None when it is Python already."""
    stripped = line.lstrip()
    if not stripped or stripped.startswith("#"):
        return None
    if stripped.startswith(_ESCAPES):
        return _blank(line)
    code = _code_part(line).rstrip()
    if code.endswith("?"):  # obj?, obj??, %pinfo-style help
        return _blank(line)
    match = _ASSIGN_FROM_IPYTHON.match(line)
    if match and not match.group("lhs").rstrip().endswith(("==", "!=", "<=", ">=")):
        return match.group("lhs") + "get_ipython()"
    word = stripped.split(maxsplit=1)
    if len(word) == 2 and word[0] in _AUTOMAGICS and not word[1].startswith(_PYTHON_AFTER_A_NAME) \
            and not _compiles(stripped):
        return _blank(line)
    return None


def _compiles(text: str) -> bool:
    try:
        compile(text, "<cell>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def _code_part(line: str) -> str:
    """``line`` without its comment (strings respected)."""
    for i, c, _ in _outside_strings(line, None):
        if c == "#":
            return line[:i]
    return line


def _scan(line: str, depth: int, quote: str | None) -> tuple[int, str | None, bool]:
    """Bracket depth and open string after ``line``; and whether the next line continues this one (``\\``)."""
    comment = False
    for _, c, quote in _outside_strings(line, quote):
        if not c:  # the end of the line
            break
        if c == "#":
            comment = True
            break
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(depth - 1, 0)
    backslash = quote is None and not comment and line.endswith("\\")
    if quote in ("'", '"') and not line.endswith("\\"):
        quote = None  # an unterminated one-line string: a syntax error Python will report
    return depth, quote, backslash


def _outside_strings(line: str, quote: str | None):
    """(position, character, open string after it) of each character of ``line`` outside string literals,
    starting inside the string ``quote`` when a previous line left one open; the last item's third value is
    the string still open at the end of the line."""
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if line.startswith(quote, i):
                i += len(quote)
                quote = None
                continue
            i += 1
            continue
        if c in "'\"":
            quote = c * 3 if line.startswith(c * 3, i) else c
            i += len(quote)
            continue
        yield i, c, quote
        i += 1
    yield len(line), "", quote


# ----------------------------------------------------------------------------------- positions in the JSON text
_WS = re.compile(r"[ \t\n\r]*")


def _code_cell_strings(raw: str) -> list[list[tuple[int, int]]] | None:
    """For each code cell, the (raw offset, decoded length) of each string of its ``source``: where the
    notebook's text stores each character of the code.  None when the layout is not understood."""
    decoder = json.JSONDecoder()
    i = _WS.match(raw).end()
    if raw[i:i + 1] != "{":
        return None
    cells_at = None
    for key, value_at, _ in _members(raw, i, decoder):
        if key == "cells":
            cells_at = value_at  # the last one wins, as in json.loads
    if cells_at is None or raw[cells_at] != "[":
        return None
    out = []
    for cell_at in _elements(raw, cells_at, decoder):
        if raw[cell_at] != "{":
            continue
        cell_type, source_at = None, None
        for key, value_at, value_end in _members(raw, cell_at, decoder):
            if key == "cell_type":
                cell_type = decoder.raw_decode(raw, value_at)[0]
            elif key == "source":
                source_at = value_at
        if cell_type != "code":
            continue
        pieces: list[tuple[int, int]] = []
        if source_at is not None:
            if raw[source_at] == '"':
                pieces.append(_string(raw, source_at))
            elif raw[source_at] == "[":
                pieces.extend(_string(raw, at) for at in _elements(raw, source_at, decoder))
        if not pieces:  # no code: the place of the (empty) source, or of the cell
            pieces.append((source_at + 1 if source_at is not None else cell_at, 0))
        out.append(pieces)
    return out


def _string(raw: str, at: int) -> tuple[int, int]:
    text, _ = json.decoder.scanstring(raw, at + 1)
    return at + 1, len(text)


def _members(raw: str, at: int, decoder: json.JSONDecoder):
    """(key, value offset, value end) for each member of the object at ``at``."""
    i = _WS.match(raw, at + 1).end()
    if raw[i] == "}":
        return
    while True:
        key, i = json.decoder.scanstring(raw, i + 1)
        i = _WS.match(raw, i).end()
        if raw[i] != ":":
            raise ValueError("':' expected")
        value_at = _WS.match(raw, i + 1).end()
        _, end = decoder.raw_decode(raw, value_at)
        yield key, value_at, end
        i = _WS.match(raw, end).end()
        if raw[i] == "}":
            return
        if raw[i] != ",":
            raise ValueError("',' expected")
        i = _WS.match(raw, i + 1).end()


def _elements(raw: str, at: int, decoder: json.JSONDecoder):
    """The offset of each element of the array at ``at``."""
    i = _WS.match(raw, at + 1).end()
    if raw[i] == "]":
        return
    while True:
        _, end = decoder.raw_decode(raw, i)
        yield i
        i = _WS.match(raw, end).end()
        if raw[i] == "]":
            return
        if raw[i] != ",":
            raise ValueError("',' expected")
        i = _WS.match(raw, i + 1).end()


def _raw_index(raw: str, start: int, count: int) -> int:
    """Offset in ``raw`` of the ``count``-th decoded character of the JSON string whose text starts at
    ``start`` (escapes: ``\\n`` is 2 characters of the file, ``\\u00e9`` 6, a surrogate pair 12)."""
    i = start
    for _ in range(count):
        if raw[i] != "\\":
            i += 1
        elif raw[i + 1] != "u":
            i += 2
        else:
            code = int(raw[i + 2:i + 6], 16)
            if 0xD800 <= code < 0xDC00 and raw[i + 6:i + 8] == "\\u" and 0xDC00 <= int(raw[i + 8:i + 12], 16) < 0xE000:
                i += 12
            else:
                i += 6
    return i
