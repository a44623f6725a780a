"""GraphPatches -> lossless source edits (LibCST), verified on the rewritten text.

Every edit replaces one small span of the original text; everything outside it is kept
byte for byte (comments, quotes, trailing commas, blank lines).  A layer node carries the
span of its constructor call (``Conv1D(`` ... ``)``); LibCST's PositionProvider finds the
matching ``Call`` and its parents tell the source style:

* an element of a ``Sequential([...])`` list,
* the argument of a ``model.add(...)`` statement,
* the constructor of a functional call ``Conv1D(...)(x)``.

Inserted layers are spelled like their neighbour (``layers.Reshape``, ``keras.layers.Reshape``
or a bare ``Reshape`` added to the ``from ... import`` that brought the neighbour in).
A patch this module cannot express as edits (a layer bound to a name and called later, a
layer list built in a loop, ...) makes the whole fix "no edits": it is then shown, never applied.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import re
from dataclasses import dataclass

from ..diagnostics import Edit, Fix, GraphPatch
from ..graph import (INPUT_LAYER_SPELLING, INPUT_SHAPE_KWARGS, REMOVED_SPELLING, VOCABULARY_INPUT_DIM, LayerNode,
                     ModelGraph)
from ..rules import RULES, canonical_type
from ..rules.base import KERAS2_KWARGS

# Keywords that stay on a layer when its class is replaced (they mean the same on every layer).
_PORTABLE_KWARGS = {"name", "dtype", "trainable", "input_shape", "input_dim", "batch_input_shape", "batch_size"}
_POSITIONAL_FIRST = {"Reshape": "target_shape", "Dense": "units", "Dropout": "rate", "Conv2D": "filters",
                     "Conv1D": "filters"}


class _LibCST:
    """``libcst``, imported on first use: its import costs ~0.12 s of CPU, and the plainest fixes are written
    without it (plain_edits.py)."""

    def __getattr__(self, name: str):
        import libcst

        return getattr(libcst, name)


cst = _LibCST()


class CannotRewrite(Exception):
    """This patch has no faithful source form in this file."""


# ------------------------------------------------------------------------ offsets
class _Text:
    """Line/column <-> offset conversions; columns in characters (LibCST) or UTF-8 bytes (ast).  Lines end as
    Python's tokenizer ends them (``\\r\\n``, ``\\r``, ``\\n``), so ast and LibCST line numbers index them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for match in re.finditer(r"\r\n|\r|\n", text):
            self.starts.append(match.end())

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end]

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col

    def byte_offset(self, line: int, byte_col: int) -> int:
        """The offset of an ``ast`` position (its column in UTF-8 bytes)."""
        return self.offset(line, self.char_col(line, byte_col))

    def position(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.starts[lo]

    def byte_col(self, line: int, col: int) -> int:
        return len(self.line_text(line)[:col].encode("utf-8"))

    def char_col(self, line: int, byte_col: int) -> int:
        return len(self.line_text(line).encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def line_start(self, offset: int) -> int:
        return self.starts[self.position(offset)[0] - 1]

    def indent_at(self, offset: int) -> str:
        start = self.line_start(offset)
        prefix = self.text[start:offset]
        return prefix if prefix.strip() == "" else re.match(r"[ \t]*", prefix).group(0)


@dataclass(frozen=True)
class _Change:
    start: int
    end: int
    text: str


def to_edits(text: str, changes: list[_Change]) -> list[Edit]:
    t = _facts(text).t
    edits = []
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        line, col = t.position(change.start)
        end_line, end_col = t.position(change.end)
        edits.append(Edit(line, t.byte_col(line, col), end_line, t.byte_col(end_line, end_col), change.text))
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (ast-style positions) to ``text``."""
    t = _facts(text).t
    spans = []
    for edit in edits:
        start = t.byte_offset(edit.line, edit.col)
        end = t.byte_offset(edit.end_line, edit.end_col)
        spans.append((start, end, edit.text))
    spans.sort()
    for (s1, e1, _), (s2, _e2, _) in zip(spans, spans[1:]):
        if s2 < e1:
            raise ValueError("overlapping edits")
    out = text
    for start, end, new in reversed(spans):
        out = out[:start] + new + out[end:]
    return out


# --------------------------------------------------------------------- the index
# LibCST parses and resolves positions and parents at some 100 microseconds a line: a whole 100,000-line file
# would take minutes, for every fix.  So only the *regions* a fix touches are parsed: the statement around a
# layer call (a line-clean statement, or the run of statements sharing its lines), or, inside a long layer list,
# the one list element.  ``ast`` finds the region; LibCST parses exactly its text, so every node a fix looks at
# is the node a whole-file parse would give, at the same line and column.  The whole-file facts (the preferred
# quote, the names in use) come from one regular-expression scan.  Both are cached per text: the fixes of one
# finding, and the findings of one file, share them.
_REGION_LINES = 40  # a statement longer than this is narrowed to the list element holding the call

_SCAN = re.compile(r'''
    (?P<comment>\#[^\r\n]*)
  | (?:(?<!\w)(?P<prefix>[rRbBuUfF]{1,2}))?
    (?P<string>\'\'\'(?:[^'\\]|\\[\s\S]|'(?!''))*\'\'\'
      | """(?:[^"\\]|\\[\s\S]|"(?!""))*"""
      | '(?:[^'\\\r\n]|\\[\s\S])*'
      | "(?:[^"\\\r\n]|\\[\s\S])*")
  | (?P<name>(?<!\w)[^\W\d]\w*)
''', re.VERBOSE)


def _scan(text: str, quotes: dict, names: set | None) -> None:
    """Count the quote of every plain string literal (LibCST's SimpleString: not f-strings; triple-quoted only
    with a prefix, as ``_preferred_quote`` always did) and collect identifiers (LibCST's Name nodes, plus
    keywords, which never matter); f-string replacement fields are scanned as code."""
    for match in _SCAN.finditer(text):
        kind = match.lastgroup
        if kind == "name":
            if names is not None:
                names.add(match.group("name"))
            continue
        if kind == "comment":
            continue
        prefix, literal = match.group("prefix") or "", match.group("string")
        if "f" in prefix.lower():
            _scan_fstring(literal, quotes, names)
            continue
        value = prefix + literal
        if value.startswith(('"""', "'''")):
            continue
        quotes[literal[0]] = quotes.get(literal[0], 0) + 1


def _scan_fstring(literal: str, quotes: dict, names: set | None) -> None:
    quote = 3 if literal[:3] in ('"""', "'''") else 1
    body = literal[quote:-quote]
    depth, start, i = 0, 0, 0
    while i < len(body):
        ch = body[i]
        if depth == 0 and ch in "{}" and body[i + 1:i + 2] == ch:
            i += 2
            continue
        if ch == "{":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                _scan(body[start:i], quotes, names)
        i += 1


class _Facts:
    """What every fix of one text needs: line offsets, the ast, region parses, the preferred quote, the names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.t = _Text(text)
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._tree: ast.Module | None | bool = False
        self.regions: dict[tuple[int, int], _Region | None] = {}
        self._quote: str | None = None
        self._names: set[str] | None = None
        self._imports: list | None = None

    @property
    def tree(self) -> ast.Module | None:
        if self._tree is False:
            try:
                from ..frontends.chunks import statements  # ast.parse, piece by piece: a fraction of the memory

                self._tree = ast.Module(body=list(statements(self.text)), type_ignores=[])
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                self._tree = None
        return self._tree

    @property
    def quote(self) -> str:
        if self._quote is None:
            counts: dict[str, int] = {"'": 0, '"': 0}
            _scan(self.text, counts, None)
            self._quote = "'" if counts["'"] > counts['"'] else '"'
        return self._quote

    @property
    def names(self) -> set[str]:
        if self._names is None:
            self._names = set()
            _scan(self.text, {}, self._names)
        return self._names


_FACTS: list[_Facts] = []  # the last few texts (a fix round checks one text and then its rewritten forms)


def _facts(text: str) -> _Facts:
    for facts in _FACTS:
        if facts.text is text or facts.text == text:
            return facts
    facts = _Facts(text)
    _FACTS.insert(0, facts)
    del _FACTS[4:]
    return facts


class _Region:
    """One parsed piece of the text: ``prefix + text[start:end] + suffix`` parsed by LibCST."""

    def __init__(self, facts: _Facts, start: int, end: int, prefix: str = "", suffix: str = "",
                 root_alone: bool | None = None, container_lines: tuple[int, int] | None = None) -> None:
        from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

        snippet = prefix + facts.text[start:end] + suffix
        wrapper = MetadataWrapper(cst.parse_module(snippet), unsafe_skip_copy=True)
        self.module = wrapper.module
        positions = wrapper.resolve(PositionProvider)
        self.parents = wrapper.resolve(ParentNodeProvider)
        snippet_starts = [0] + [m.end() for m in re.finditer("\n", snippet)]
        shift = start - len(prefix)
        t = facts.t
        self.spans: dict[cst.CSTNode, tuple[int, int]] = {}  # node -> (start, end) offsets in the whole text
        self.calls: dict[tuple[int, int], list[tuple[cst.Call, tuple[int, int]]]] = {}
        last = len(snippet_starts)
        for node, rng in positions.items():
            if rng.end.line > last:  # the Module (LibCST ends it with a newline the piece does not have)
                continue
            a = snippet_starts[rng.start.line - 1] + rng.start.column + shift
            b = snippet_starts[rng.end.line - 1] + rng.end.column + shift
            self.spans[node] = (a, b)
            if isinstance(node, cst.Call):
                self.calls.setdefault(t.position(a), []).append((node, t.position(b)))
        body = self.module.body
        if prefix and body and isinstance(body[0], cst.If):  # the "if 1:" that lets an indented piece parse
            body = body[0].body.body
        self.root = body[0] if len(body) == 1 else None
        # a list element's region: the "[element]" list standing in for the real one
        self.synthetic = self.root.body[0].value if container_lines is not None and self.root is not None else None
        self.root_alone = root_alone  # the root statement is the only one of its block (None: ask LibCST)
        self.container_lines = container_lines  # a list element's region: the real list's first and last line


class SourceIndex:
    """A file's calls by position, their parents, imports and names, parsed region by region (see above)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.facts = _facts(text)
        self.t = self.facts.t
        self.quote = self.facts.quote
        self.newline = self.facts.newline
        self._names: set[str] | None = None
        self._regions: list[_Region] = []
        self._import_froms: list[cst.ImportFrom] | None = None

    # regions ---------------------------------------------------------------------------------
    def _region_of(self, line: int, col: int, end_line: int, end_col: int) -> _Region:
        """The parsed region holding the ast-style span; the whole file when no smaller one will do."""
        facts = self.facts
        key = (line, col, end_line, end_col)
        if key not in facts.regions:
            region = None
            if facts.tree is not None:
                try:
                    region = _find_region(facts, key)
                except (cst.ParserSyntaxError, RecursionError, ValueError, IndexError):
                    region = None
            if region is None:
                region = facts.regions.get(None) or _Region(facts, 0, len(facts.text))
                facts.regions[None] = region
            facts.regions[key] = region
        region = facts.regions[key]
        if region not in self._regions:
            self._regions.append(region)
        return region

    def _owner(self, node: cst.CSTNode) -> _Region:
        for region in self._regions:
            if node in region.spans:
                return region
        raise KeyError("node of no parsed region")

    @property
    def import_froms(self) -> list[cst.ImportFrom]:
        """Every ``from ... import`` whose module path has a ``keras`` part, in source order (the only ones the
        style looks at)."""
        if self._import_froms is None:
            found = []
            for stmt in _statements(self.facts.tree.body if self.facts.tree is not None else []):
                if isinstance(stmt, ast.ImportFrom) and stmt.module and "keras" in stmt.module.split("."):
                    region = self._region_of(stmt.lineno, stmt.col_offset, stmt.end_lineno, stmt.end_col_offset)
                    found += [n for n in region.spans if isinstance(n, cst.ImportFrom)
                              and region.spans[n][0] == self.t.byte_offset(stmt.lineno, stmt.col_offset)]
            self._import_froms = found
        return self._import_froms

    @property
    def names(self) -> set[str]:
        if self._names is None:
            self._names = set(self.facts.names)  # this planner's own copy: fresh_name adds to it
        return self._names

    # positions ---------------------------------------------------------------------------------
    def start(self, node: cst.CSTNode) -> int:
        """Start offset, including the node's own parentheses (``(20, 1)``, not ``20, 1``)."""
        offset = self._owner(node).spans[node][0]
        for _ in getattr(node, "lpar", ()):
            offset -= 1
            while offset > 0 and self.text[offset] != "(":
                offset -= 1
        return offset

    def end(self, node: cst.CSTNode) -> int:
        offset = self._owner(node).spans[node][1]
        for _ in getattr(node, "rpar", ()):
            while offset < len(self.text) and self.text[offset] != ")":
                offset += 1
            offset += 1
        return offset

    def lines(self, node: cst.CSTNode) -> tuple[int, int]:
        """First and last line of ``node`` (of the real list, for the list of a list element's region)."""
        region = self._owner(node)
        if node is region.synthetic:
            return region.container_lines
        a, b = region.spans[node]
        return self.t.position(a)[0], self.t.position(b)[0]

    def code(self, node: cst.CSTNode) -> str:
        return self.text[self.start(node):self.end(node)]

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self._owner(node).parents.get(node)

    def alone_in_block(self, stmt: cst.CSTNode) -> bool:
        """The statement is the only one of its block (it cannot be deleted)."""
        region = self._owner(stmt)
        if stmt is region.root and region.root_alone is not None:
            return region.root_alone
        body = getattr(self.parent(stmt), "body", None)
        return isinstance(body, (list, tuple)) and len(body) == 1

    def call_at(self, node: LayerNode) -> cst.Call:
        span = node.span
        if span is None:
            raise CannotRewrite("the layer has no source position")
        line, end_line = span.line, span.end_line
        col, end_col = self.t.char_col(line, span.col), self.t.char_col(end_line, span.end_col)
        region = self._region_of(span.line, span.col, span.end_line, span.end_col)
        found = region.calls.get((line, col), [])
        exact = [c for c, end in found if end == (end_line, end_col)]
        if exact:
            return exact[0]
        if found:  # parenthesised call: the innermost that starts here
            return min((c for c, _ in found), key=lambda c: self.end(c) - self.start(c))
        raise CannotRewrite("no call at the layer's position")

    def statement_of(self, node: cst.CSTNode) -> cst.CSTNode:
        current = node
        while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            current = self.parent(current)
        if current is None:
            raise CannotRewrite("not inside a statement")
        return current

    def fresh_name(self, base: str) -> str:
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}_{n}"
        self.names.add(name)
        return name


def _statements(block, into_definitions: bool = True):
    """Every statement of ``block`` and the blocks inside it, in source order; ``into_definitions=False``: not
    the bodies of the functions and classes defined there (their own scopes)."""
    for stmt in block:
        yield stmt
        if not into_definitions and isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for inner in _blocks(stmt):
            yield from _statements(inner, into_definitions)


def _blocks(stmt) -> list[list]:
    out = []
    for field_name in ("body", "orelse", "finalbody"):
        value = getattr(stmt, field_name, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            out.append(value)
    for holder in getattr(stmt, "handlers", None) or []:
        out.append(holder.body)
    for case in getattr(stmt, "cases", None) or []:
        out.append(case.body)
    out.sort(key=lambda b: (b[0].lineno, b[0].col_offset))
    return out


def _stmt_start(stmt) -> tuple[int, int]:
    decorators = getattr(stmt, "decorator_list", None)
    if decorators:
        return decorators[0].lineno, 0
    return stmt.lineno, stmt.col_offset


def _find_region(facts: _Facts, span: tuple[int, int, int, int]) -> _Region | None:
    """The smallest region holding the ast-style ``span`` that parses on its own exactly as in the whole file."""
    line, col, end_line, end_col = span
    chain = []  # (statement, its block), outermost first
    block = facts.tree.body
    while block:
        i = bisect.bisect_right(block, (line, col), key=_stmt_start) - 1
        if i < 0:
            break
        stmt = block[i]
        if (stmt.end_lineno, stmt.end_col_offset) < (end_line, end_col):
            break
        chain.append((stmt, block, i))
        block = next((b for b in _blocks(stmt) if _stmt_start(b[0]) <= (line, col)
                      and (b[-1].end_lineno, b[-1].end_col_offset) >= (end_line, end_col)), None)
    t = facts.t
    for depth in range(len(chain) - 1, -1, -1):
        stmt, block, i = chain[depth]
        first, last = i, i  # the run of statements sharing lines with this one (one LibCST statement line)
        while first > 0 and block[first - 1].end_lineno >= _stmt_start(block[first])[0]:
            first -= 1
        while last + 1 < len(block) and _stmt_start(block[last + 1])[0] <= block[last].end_lineno:
            last += 1
        start_line, start_col = _stmt_start(block[first])
        line_start = t.offset(start_line, 0)
        before = t.text[line_start:t.byte_offset(start_line, start_col)]
        if before.strip():  # after a compound statement's header (`if x: ...`): the parent is the region
            continue
        if depth == len(chain) - 1 and block[last].end_lineno - start_line > _REGION_LINES:
            element = _list_element_region(facts, stmt, span)
            if element is not None:
                return element
        end_line_no = block[last].end_lineno
        end = t.starts[end_line_no] - 1 if end_line_no < len(t.starts) else len(t.text)
        if end > line_start and t.text[end - 1] == "\r":
            end -= 1
        prefix = f"if 1:{facts.newline}" if before else ""
        alone = first == 0 and last == len(block) - 1
        try:
            region = _Region(facts, line_start, end, prefix, "", root_alone=alone)
        except cst.ParserSyntaxError:
            continue  # e.g. an `elif` branch: the whole `if` is the region
        if region.root is not None:
            return region
    return None


def _list_element_region(facts: _Facts, stmt, span) -> _Region | None:
    """Inside a long statement, a layer call that is itself an element of a list, parsed as ``[element]``."""
    node = stmt
    while True:
        child = _child_holding(node, span)
        if child is None:
            return None
        if (child.lineno, child.col_offset, child.end_lineno, child.end_col_offset) == span:
            break
        node = child
    if not isinstance(node, ast.List) or not isinstance(child, ast.Call) or not any(e is child for e in node.elts):
        return None
    container, element = node, child
    t = facts.t
    a = t.byte_offset(element.lineno, element.col_offset)
    b = t.byte_offset(element.end_lineno, element.end_col_offset)
    # Only a bare element: nothing but "[" or "," before it and "," or "]" after it (no parentheses around it).
    if _neighbour(t.text, a, -1) not in ("[", ",") or _neighbour(t.text, b, 1) not in (",", "]"):
        return None
    return _Region(facts, a, b, "[", "]", container_lines=(container.lineno, container.end_lineno))


def _neighbour(text: str, offset: int, step: int) -> str:
    """The first character before (step -1) or from (step 1) ``offset`` that is not whitespace or a comment."""
    i = offset - 1 if step < 0 else offset
    while 0 <= i < len(text):
        ch = text[i]
        if ch in " \t\r\n\\":
            i += step
            continue
        if step < 0:
            line_start = text.rfind("\n", 0, i) + 1
            hash_at = _comment_start(text[line_start:i + 1])
            if hash_at is not None:
                i = line_start + hash_at - 1
                continue
        elif ch == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
            continue
        return ch
    return ""


def _comment_start(line: str) -> int | None:
    """Where the comment of a line of code starts (None without one)."""
    for match in _SCAN.finditer(line):
        if match.lastgroup == "comment":
            return match.start()
    return None


def _child_holding(node, span):
    """The child ast node whose extent holds ``span`` (long lists are searched by bisection)."""
    line, col, end_line, end_col = span
    for _, value in ast.iter_fields(node):
        items = value if isinstance(value, list) else [value]
        items = [v for v in items if isinstance(v, ast.AST) and hasattr(v, "lineno")]
        if not items:
            continue
        if len(items) > 8:
            i = bisect.bisect_right(items, (line, col), key=lambda v: (v.lineno, v.col_offset)) - 1
            items = items[i:i + 1] if i >= 0 else []
        for item in items:
            if (item.lineno, item.col_offset) <= (line, col) \
                    and (item.end_lineno, item.end_col_offset) >= (end_line, end_col):
                return item
    return None


# ------------------------------------------------------------------------ values
def value_text(value, quote: str = '"') -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        if quote not in value and "\\" not in value and "\n" not in value:
            return f"{quote}{value}{quote}"
        return repr(value)
    if isinstance(value, (tuple, list)):
        inner = ", ".join(value_text(v, quote) for v in value)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    raise CannotRewrite(f"cannot write the value {value!r}")


# ------------------------------------------------------------------------- style
class _Style:
    """How the file spells layer classes, and the import edits a new class name needs."""

    def __init__(self, index: SourceIndex) -> None:
        self.index = index
        self.import_changes: dict[int, list[str]] = {}  # id(ImportFrom) -> names to add
        self.new_import_lines: dict[int, tuple[int, str, list[str]]] = {}

    def spell(self, type_: str, reference: cst.Call) -> str:
        func = reference.func
        if isinstance(func, cst.Attribute):
            return f"{self.index.code(func.value)}.{type_}"
        if isinstance(func, cst.Name):
            try:
                self._ensure_imported(type_, func.value)
            except CannotRewrite:
                # the neighbour's class came from a variable (pool = layers.MaxPooling2D if ... else ...)
                module = self._layers_module()
                if module is None:
                    raise
                return f"{module}.{type_}"
            return type_
        raise CannotRewrite("the neighbouring layer is not spelled as a name or attribute")

    def _layers_module(self) -> str | None:
        """How the file names Keras' layers module, from its imports: ``layers`` (from keras import layers),
        ``keras.layers`` (import keras), ``tf.keras.layers`` (import tensorflow as tf)."""
        tree = self.index.facts.tree
        found = None
        for stmt in tree.body if tree is not None else []:
            if isinstance(stmt, ast.ImportFrom) and stmt.module in ("keras", "tensorflow.keras") and not stmt.level:
                for alias in stmt.names:
                    if alias.name == "layers":
                        return alias.asname or "layers"
            elif isinstance(stmt, ast.Import) and found is None:
                for alias in stmt.names:
                    if alias.name == "keras":
                        found = f"{alias.asname or 'keras'}.layers"
                    elif alias.name == "tensorflow":
                        found = f"{alias.asname or 'tensorflow'}.keras.layers"
        return found

    def _ensure_imported(self, type_: str, neighbour: str) -> None:
        source = None
        for imp in self.index.import_froms:
            module = _module_name(imp.module)
            if "keras" not in module.split("."):
                continue
            if isinstance(imp.names, cst.ImportStar):
                if module.endswith("layers"):
                    return
                continue
            for alias in imp.names:
                bound = alias.asname.name.value if alias.asname else _module_name(alias.name)
                if bound == type_ and _module_name(alias.name) == type_:
                    return
                if bound == neighbour:
                    source = imp
        if type_ in self.index.names and type_ not in self._pending():
            raise CannotRewrite(f"the name {type_} is already used for something else")
        if source is None:
            raise CannotRewrite(f"cannot find the import of {neighbour}")
        module = _module_name(source.module)
        if module.split(".")[-1] == "layers" or module in ("keras", "tensorflow.keras"):
            self.import_changes.setdefault(id(source), [])
            if type_ not in self.import_changes[id(source)]:
                self.import_changes[id(source)].append(type_)
            self._sources = getattr(self, "_sources", {})
            self._sources[id(source)] = source
        else:  # e.g. keras.layers.convolutional: a new import from the layers package
            parts = module.split(".")
            root = ".".join(parts[:parts.index("keras") + 1]) + ".layers"
            entry = self.new_import_lines.setdefault(id(source), (id(source), root, []))
            if type_ not in entry[2]:
                entry[2].append(type_)
            self._sources = getattr(self, "_sources", {})
            self._sources[id(source)] = source

    def _pending(self) -> set[str]:
        names = {n for names in self.import_changes.values() for n in names}
        names |= {n for (_, _, ns) in self.new_import_lines.values() for n in ns}
        return names

    def changes(self) -> list[_Change]:
        out = []
        sources = getattr(self, "_sources", {})
        for key, names in self.import_changes.items():
            imp = sources[key]
            last = imp.names[-1]
            index = self.index
            if isinstance(last.comma, cst.Comma):  # trailing comma: keep the layout
                comma_end = _comma_end(index, last)
                ws = last.comma.whitespace_after
                if isinstance(ws, cst.ParenthesizedWhitespace):
                    indent = index.t.indent_at(index.start(last))
                    text = "".join(f"\n{indent}{n}," for n in names)
                else:
                    text = "".join(f" {n}," for n in names)
                out.append(_Change(comma_end, comma_end, text))
            else:
                end = index.end(last.asname.name if last.asname else last.name)
                out.append(_Change(end, end, "".join(f", {n}" for n in names)))
        for key, (_, root, names) in self.new_import_lines.items():
            imp = sources[key]
            stmt = self.index.statement_of(imp)
            end = self.index.end(stmt)
            if end < len(self.index.text) and self.index.text[end] == "\n":
                end += 1
            indent = self.index.t.indent_at(self.index.start(stmt))
            out.append(_Change(end, end, f"{indent}from {root} import {', '.join(names)}\n"))
        return out


def _comma_end(index: SourceIndex, alias: cst.ImportAlias) -> int:
    return index.text.index(",", index.end(alias.asname.name if alias.asname else alias.name)) + 1


def _module_name(node) -> str:
    if node is None:
        return ""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_module_name(node.value)}.{node.attr.value}"
    return ""


# ----------------------------------------------------------------------- context
def _context(index: SourceIndex, call: cst.Call):
    """("list", Element) | ("add", Call of .add) | ("functional", outer Call) | ("other", None)."""
    parent = index.parent(call)
    if isinstance(parent, cst.Element) and isinstance(index.parent(parent), (cst.List, cst.Tuple)):
        return "list", parent
    if isinstance(parent, cst.Arg):
        outer = index.parent(parent)
        if isinstance(outer, cst.Call) and isinstance(outer.func, cst.Attribute) and outer.func.attr.value == "add" \
                and outer.args and outer.args[0] is parent:
            return "add", outer
    if isinstance(parent, cst.Call) and parent.func is call:
        return "functional", parent
    return "other", None


_ABSENT = object()


def _layer_text(style: _Style, type_: str, args: dict, reference: cst.Call, quote: str,
                written: dict[str, str] | None = None) -> str:
    """``type_(args)`` spelled as ``reference`` is; ``written``: arguments to write as this source text."""
    spelled = style.spell(type_, reference)
    written = written or {}
    parts = []
    args = dict(args)

    def text(key, value):
        return written[key] if key in written else value_text(value, quote)

    first = _POSITIONAL_FIRST.get(type_)
    if first and first in args:
        parts.append(text(first, args.pop(first)))
    parts += [f"{k}={text(k, v)}" for k, v in args.items()]
    return f"{spelled}({', '.join(parts)})"


def _keyword_args(call: cst.Call) -> dict[str, cst.Arg]:
    return {arg.keyword.value: arg for arg in call.args if arg.keyword is not None}


def _positional_args(call: cst.Call) -> list[cst.Arg]:
    return [arg for arg in call.args if arg.keyword is None and not arg.star]


def _arg_value_end(index: SourceIndex, arg: cst.Arg) -> int:
    return index.end(arg.value)


def _add_keyword_changes(index: SourceIndex, call: cst.Call, texts: list[str]) -> list[_Change]:
    """Append ``name=value`` keywords to a call, following its layout."""
    if not texts:
        return []
    if not call.args:
        close = index.end(call) - 1
        while index.text[close] != ")":
            close -= 1
        return [_Change(close, close, ", ".join(texts))]
    last = call.args[-1]
    if isinstance(last.comma, cst.Comma):
        comma = index.text.index(",", _arg_value_end(index, last)) + 1
        ws = last.comma.whitespace_after
        if isinstance(ws, cst.ParenthesizedWhitespace):
            indent = index.t.indent_at(index.start(last))
            return [_Change(comma, comma, "".join(f"\n{indent}{t}," for t in texts))]
        return [_Change(comma, comma, "".join(f" {t}," for t in texts))]
    end = _arg_value_end(index, last)
    return [_Change(end, end, "".join(f", {t}" for t in texts))]


def _call_leaf(call: cst.Call) -> str:
    func = call.func
    return func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")


_MODEL_CALLS = {"Model", "Functional"}


def _input_reads(tree: ast.Module | None, node: LayerNode) -> list[ast.Name]:
    """The names reading the tensor an ``x = Input(...)`` statement binds, in the function (or module) that has
    it, after it and outside nested functions and the ``Model(...)`` calls; empty when the name is bound again
    there or the Input is not so written."""
    span = node.span
    if tree is None or span is None:
        return []
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        for stmt in _statements(scope.body, into_definitions=False):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and isinstance(stmt.value, ast.Call) \
                    and (stmt.value.lineno, stmt.value.col_offset) == (span.line, span.col):
                return _reads_after(scope, stmt, stmt.targets[0].id)
    return []


def _reads_after(scope, binding: ast.Assign, name: str) -> list[ast.Name]:
    reads, skipped = [], set()
    for stmt in _statements(scope.body, into_definitions=False):
        for sub in _walk_own(stmt):
            if isinstance(sub, ast.Call) and _called_name(sub.func) in _MODEL_CALLS:
                skipped |= {id(n) for n in ast.walk(sub)}
            if isinstance(sub, ast.Name) and sub.id == name:
                if isinstance(sub.ctx, ast.Store) and stmt is not binding:
                    return []  # bound again: which tensor a read means depends on the order of execution
                if isinstance(sub.ctx, ast.Load) and (sub.lineno, sub.col_offset) > (binding.lineno,
                                                                                       binding.col_offset):
                    reads.append(sub)
    return [r for r in reads if id(r) not in skipped]


def _walk_own(stmt: ast.stmt):
    """The nodes of one statement without its nested blocks' statements (listed on their own) or definitions."""
    todo = [stmt]
    while todo:
        node = todo.pop()
        yield node
        for field, value in ast.iter_fields(node):
            if field in ("body", "orelse", "finalbody", "handlers", "cases") and isinstance(node, ast.stmt):
                continue
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, ast.AST) and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                         ast.ClassDef, ast.Lambda)):
                    todo.append(child)


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _repeatable(value: cst.BaseExpression) -> bool:
    """An expression that may be written twice with the same result: a name, an attribute or an item of one
    (``skips[levels - i - 1]``), with no call, assignment or await anywhere in it."""
    if isinstance(value, cst.Name):
        return True
    if isinstance(value, cst.Attribute):
        return _repeatable(value.value)
    if isinstance(value, cst.Subscript):
        import libcst.matchers as m

        return _repeatable(value.value) and not any(
            m.findall(element, m.Call() | m.NamedExpr() | m.Await() | m.Yield() | m.Lambda())
            for element in value.slice)
    return False


def _written_shape_arg(call: cst.Call) -> cst.Arg:
    """The argument a shape is written in: ``shape=``/``input_shape=``, or ``Input``'s first positional one."""
    keywords = _keyword_args(call)
    arg = next((keywords[k] for k in ("shape", "input_shape") if k in keywords), None)
    if arg is not None:
        return arg
    positional = _positional_args(call)
    if _call_leaf(call) not in ("Input", "InputLayer") or not positional:
        raise CannotRewrite("the input shape is not written on this layer")
    return positional[0]


def _input_kwargs(call: cst.Call, node: LayerNode, with_batch_size: bool = False) -> list[cst.Arg]:
    """The keywords of ``node``, a first layer, that declare the model's input (and, for an InputLayer put before
    it, the batch_size= that goes with them); an Embedding's input_dim= is its vocabulary size, not one of them."""
    keys = (*INPUT_SHAPE_KWARGS, "batch_size") if with_batch_size else INPUT_SHAPE_KWARGS
    if canonical_type(node.type) in VOCABULARY_INPUT_DIM:
        keys = tuple(key for key in keys if key != "input_dim")
    return [arg for arg in call.args if arg.keyword is not None and arg.keyword.value in keys]



# ------------------------------------------------------------------ the patches
# Keras' functional merge helpers, by layer class.
_FUNCTIONAL_NAMES = {"Add": "add", "Subtract": "subtract", "Multiply": "multiply", "Average": "average",
                     "Maximum": "maximum", "Minimum": "minimum", "Concatenate": "concatenate", "Dot": "dot"}


def _joined_insertions(ordered: list) -> list:
    """Insertions made at one place by the patches of one fix (two layers inserted before the same layer, each
    written as a list element or an ``add()`` line) become one, the later patch's first -- as in the graph,
    where each layer inserted before a node goes right before it, ahead of the one inserted before. (``ordered``
    is sorted stably by position: of two insertions at one place, the later one made comes second.)"""
    out: list = []
    for change in ordered:
        last = out[-1] if out else None
        if last is not None and last.start == last.end == change.start == change.end \
                and all(re.search(r"(,\s*|\n[ \t]*)$", c.text) for c in (last, change)):
            out[-1] = _Change(change.start, change.end, change.text + last.text)
        else:
            out.append(change)
    return out


# Edits of a layer's constructor call: one per call, whatever calls the layer (a helper's layer applied on
# several lines), their values combined.
_CONSTRUCTOR_EDITS = ("set_args", "set_wrapped_args")


class _Planner:
    def __init__(self, text: str, graph: ModelGraph) -> None:
        self.index = SourceIndex(text)
        self.graph = graph
        self.style = _Style(self.index)
        self.changes: list[_Change] = []
        self._inserted: dict[int, int] = {}  # node -> the change inserting the statement of a layer before it

    def plan(self, patches: list[GraphPatch]) -> list[_Change]:
        for patch in self._one_per_call(patches):
            handler = getattr(self, "_op_" + patch.op, None)
            if handler is None:
                raise CannotRewrite(f"unknown patch op {patch.op}")
            handler(patch, self.graph.nodes[patch.node])
        changes = self.changes + self.style.changes()
        if self.index.newline != "\n":
            changes = [_Change(c.start, c.end, c.text.replace("\n", self.index.newline)) for c in changes]
        ordered = sorted(changes, key=lambda c: (c.start, c.end))
        ordered = _joined_insertions(ordered)
        for a, b in zip(ordered, ordered[1:]):
            if b.start < a.end or (a.start == a.end == b.start == b.end):
                raise CannotRewrite("two edits overlap")
        return ordered

    def _one_per_call(self, patches: list[GraphPatch]) -> list[GraphPatch]:
        """One patch per constructor call in the source.  The layers a loop body or a helper function makes on
        every pass or call share their constructor's span, and one edit of it changes them all: the patches of
        such layers become one, when they agree (set_args: the same value for each argument; other ops: the same
        patch); when they contradict each other, no edit can realise the fix."""
        nodes = self.graph.nodes
        merged: dict[tuple, GraphPatch] = {}
        out: list[GraphPatch] = []
        for patch in patches:
            node = nodes[patch.node]
            if node.span is None or patch.op == "dedent_after_loop":
                out.append(patch)
                continue
            key = (patch.op, node.span, node.type) if patch.op in _CONSTRUCTOR_EDITS else \
                (patch.op, node.args.get("declared_at")) if patch.op == "slice_model_input" else \
                (patch.op, node.span, node.call_span, patch.arg_dict["input"]) if patch.op == "pad_to_match" else \
                (patch.op, node.span, node.call_span, node.type, patch.type, _hashable(patch.args))
            first = merged.get(key)
            if first is None:
                merged[key] = patch
                out.append(patch)
                continue
            if patch.op not in _CONSTRUCTOR_EDITS:
                continue  # the same patch on another layer of the same call: the one edit does it
            values = first.arg_dict
            if any(name in values and values[name] != value for name, value in patch.args):
                raise CannotRewrite(f"the layers made by the call at line {node.span.line} need different values")
            combined = GraphPatch(first.op, first.node, first.type, first.args + tuple(
                (name, value) for name, value in patch.args if name not in values))
            merged[key] = combined
            out[out.index(first)] = combined
        return out

    def _unique_layer(self, node: LayerNode) -> None:
        if node.layer_key and sum(1 for n in self.graph.nodes if n.layer_key == node.layer_key) > 1:
            raise CannotRewrite("the layer object is shared by several calls")

    # set_args ------------------------------------------------------------------
    def _op_set_args(self, patch: GraphPatch, node: LayerNode) -> None:
        self._unique_layer(node)
        call = self.index.call_at(node)
        # keras.layers.concatenate([a, b], axis): the functional form takes the tensors first
        self._set_args(call, canonical_type(node.type), patch.arg_dict, tensors_first=node.written_type[:1].islower())

    def _op_rename_keywords(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Conv2D(32, 3, border_mode="same")`` -> ``Conv2D(32, 3, padding="same")``: the names only; a keyword
        renamed to None is removed with its comma (``BatchNormalization(axis=1, mode=0)`` -> ``(axis=1)``)."""
        call = self.index.call_at(node)
        keywords, index = _keyword_args(call), self.index
        if any(arg.star for arg in call.args):
            raise CannotRewrite("the call passes *args/**kwargs")
        for old, new in patch.args:
            if old not in keywords:
                raise CannotRewrite(f"`{old}=` is not written in the layer's call")
            arg = keywords[old]
            if new is None:
                self.changes += self._drop_args(call, [arg])
            else:
                self.changes.append(_Change(index.start(arg.keyword), index.end(arg.keyword), new))

    def _op_declare_input(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Sequential([LSTM(32, batch_input_shape=(1, None, 8))])`` -> ``Sequential([InputLayer(batch_shape=(1,
        None, 8)), LSTM(32)])``: the first layer's input keywords moved onto an InputLayer inserted before it."""
        call = self.index.call_at(node)
        if any(arg.star for arg in call.args):
            raise CannotRewrite("the call passes *args/**kwargs")
        if _context(self.index, call)[0] not in ("list", "add") or not self.graph.declares_input(node):
            raise CannotRewrite("the layer does not begin a Sequential")
        self._op_insert_before(dataclasses.replace(patch, type="InputLayer", args=()), node)

    def _op_set_wrapped_args(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Bidirectional(LSTM(64))`` -> ``Bidirectional(LSTM(64, return_sequences=True))``."""
        self._unique_layer(node)
        call = self.index.call_at(node)
        keywords, positional = _keyword_args(call), _positional_args(call)
        inner = keywords["layer"] if "layer" in keywords else positional[0] if positional else None
        if inner is None or any(arg.star for arg in call.args) or not isinstance(inner.value, cst.Call):
            raise CannotRewrite("the wrapped layer is not written inside the wrapper's call")
        self._set_args(inner.value, canonical_type(node.args["layer"].type), patch.arg_dict)

    def _set_args(self, call: cst.Call, type_: str, values: dict, tensors_first: bool = False) -> None:
        index = self.index
        keywords = _keyword_args(call)
        positional = _positional_args(call)
        params = RULES[type_].params if type_ in RULES else ()
        if tensors_first:
            params = ("inputs", *params)
        if any(arg.star for arg in call.args):
            raise CannotRewrite("the call passes *args/**kwargs")
        appended = []
        for name, value in values.items():
            text = value_text(value, index.quote)
            spelled = [k for k in keywords if KERAS2_KWARGS.get(k, k) == name]
            if spelled:
                arg = keywords[spelled[0]]
                self.changes.append(_Change(index.start(arg.value), index.end(arg.value), text))
            elif name in params and params.index(name) < len(positional):
                arg = positional[params.index(name)]
                self.changes.append(_Change(index.start(arg.value), index.end(arg.value), text))
            else:
                appended.append(f"{name}={text}")
        self.changes += _add_keyword_changes(index, call, appended)

    # set_input_shape ----------------------------------------------------------------
    def _op_set_input_shape(self, patch: GraphPatch, node: LayerNode) -> None:
        call = self.index.call_at(node)
        shape = tuple(patch.arg_dict["shape"])
        func = call.func
        leaf = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")
        if leaf in ("Input", "InputLayer"):
            keywords = _keyword_args(call)
            if "batch_shape" in keywords or "batch_input_shape" in keywords:
                key = "batch_shape" if "batch_shape" in keywords else "batch_input_shape"
                arg = keywords[key]
                self.changes.append(_Change(self.index.start(arg.value), self.index.end(arg.value),
                                            value_text((None, *shape))))
                return
            for key in ("shape", "input_shape"):
                if key in keywords:
                    arg = keywords[key]
                    self.changes.append(_Change(self.index.start(arg.value), self.index.end(arg.value),
                                                value_text(shape)))
                    return
            positional = _positional_args(call)
            if positional:
                self.changes.append(_Change(self.index.start(positional[0].value),
                                            self.index.end(positional[0].value), value_text(shape)))
            else:
                self.changes += _add_keyword_changes(self.index, call, [f"shape={value_text(shape)}"])
            return
        declared = _input_kwargs(call, node)
        if not declared:
            raise CannotRewrite("the input shape is not written on this layer")
        arg = declared[0]
        key = arg.keyword.value
        if key in ("input_shape",):
            self.changes.append(_Change(self.index.start(arg.value), self.index.end(arg.value), value_text(shape)))
        elif key in ("batch_input_shape", "batch_shape"):
            self.changes.append(_Change(self.index.start(arg.value), self.index.end(arg.value),
                                        value_text((None, *shape))))
        else:  # input_dim=50 -> input_shape=(50, 1)
            self.changes.append(_Change(self.index.start(arg.keyword), self.index.end(arg.value),
                                        f"input_shape={value_text(shape)}"))

    # tuple_shape ----------------------------------------------------------------------
    def _op_tuple_shape(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Input(shape=1024)`` -> ``Input(shape=(1024,))``: the written size kept, made a 1-tuple."""
        arg = _written_shape_arg(self.index.call_at(node))
        start, end = self.index.start(arg.value), self.index.end(arg.value)
        text = self.index.text[start:end]
        if getattr(arg.value, "lpar", None):  # shape=(1024): the parentheses were meant as a tuple already
            self.changes.append(_Change(end - 1, end - 1, ","))
        else:
            self.changes.append(_Change(start, end, f"({text},)"))

    # drop_last_axis -------------------------------------------------------------------
    def _op_drop_last_axis(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Input(shape=(max_length, vocab_size))`` -> ``Input(shape=(max_length,))``: the written elements kept."""
        if not self._rewrite_written_sizes(node, lambda sizes: sizes[:-1]):
            self._op_set_input_shape(patch, node)

    def _rewrite_written_sizes(self, node: LayerNode, change) -> bool:
        """The sizes of a shape written as a tuple or list literal, as ``change`` reorders or drops them (the
        written text of each kept: names, expressions); False when the shape is not written so."""
        try:
            value = _written_shape_arg(self.index.call_at(node)).value
        except CannotRewrite:
            return False
        if not isinstance(value, (cst.Tuple, cst.List)) or len(value.elements) < 2 \
                or any(isinstance(e, cst.StarredElement) for e in value.elements):
            return False
        kept = change([self.index.code(e.value) for e in value.elements])
        inner = ", ".join(kept) + ("," if len(kept) == 1 and isinstance(value, cst.Tuple) else "")
        self.changes.append(_Change(self.index.start(value), self.index.end(value),
                                    f"({inner})" if isinstance(value, cst.Tuple) else f"[{inner}]"))
        return True

    # slice_shape ----------------------------------------------------------------------
    def _op_slice_shape(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Input(shape=X.shape)`` -> ``Input(shape=X.shape[1:])``, or a written tuple without its first size."""
        if self._rewrite_written_sizes(node, lambda sizes: sizes[1:]):
            return  # shape=(1, 6, 30) with the batch written: (6, 30)
        arg = _written_shape_arg(self.index.call_at(node))
        value = arg.value
        # X.shape, np.shape(X), or a name holding one (shape = X.shape): each is sliced where it is written
        if not (isinstance(value, cst.Attribute) and value.attr.value == "shape") and not isinstance(value, cst.Name) \
                and not (isinstance(value, cst.Call) and _call_leaf(value) == "shape"):
            raise CannotRewrite("the shape is not written as `<array>.shape`")
        end = self.index.end(arg.value)
        self.changes.append(_Change(end, end, "[1:]"))

    def _op_slice_model_input(self, patch: GraphPatch, node: LayerNode) -> None:
        """``head_model([a, b])`` with ``Input(shape=base_model.output_shape)`` inside the head's builder: that
        Input's shape sliced where it is written."""
        declared = node.args.get("declared_at")
        if declared is None or declared.foreign:
            raise CannotRewrite("the model's Input is not written in this file")
        self._op_slice_shape(patch, dataclasses.replace(node, span=declared, type="InputLayer"))

    # image_data_format ----------------------------------------------------------------
    def _op_image_data_format(self, patch: GraphPatch, node: LayerNode) -> None:
        """``keras.backend.set_image_data_format("channels_first")`` right after the module's imports (with an
        ``import keras`` when no module-level name is Keras): every layer made after it without a data_format reads
        channels first, the ones a branch the walk did not take included (a shortcut's projection)."""
        tree = self.index.facts.tree
        if tree is None:
            raise CannotRewrite("the file does not parse")
        head = []
        for stmt in tree.body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)) or (
                    not head and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                head.append(stmt)
                continue
            break
        imports = [s for s in head if isinstance(s, (ast.Import, ast.ImportFrom))]
        if not imports:
            raise CannotRewrite("no imports at the top of the module")
        keras = next((a.asname or a.name for s in imports if isinstance(s, ast.Import) for a in s.names
                      if a.name == "keras"), None) or next(
            (a.asname or a.name for s in imports if isinstance(s, ast.ImportFrom) and s.module == "tensorflow"
             and not s.level for a in s.names if a.name == "keras"), None)
        q = self.index.quote
        nl = self.index.newline
        text = ("" if keras else f"import keras{nl}") + \
            f"{keras or 'keras'}.backend.set_image_data_format({q}{patch.arg_dict['data_format']}{q}){nl}"
        last = imports[-1].end_lineno
        at = self.index.t.offset(last + 1, 0) if last < len(self.index.text.splitlines()) else len(self.index.text)
        if at == len(self.index.text) and not self.index.text.endswith(("\n", "\r")):
            text = nl + text
        self.changes.append(_Change(at, at, text))

    # channels_last_shape --------------------------------------------------------------
    def _op_channels_last_shape(self, patch: GraphPatch, node: LayerNode) -> None:
        """``shape=(1, length)`` -> ``shape=(length, 1)``: the written sizes kept, the channel axis moved last."""
        if not self._rewrite_written_sizes(node, lambda sizes: sizes[1:] + sizes[:1]):
            self._op_set_input_shape(patch, node)  # not a literal tuple: the sizes themselves

    # replace --------------------------------------------------------------------------
    def _op_replace(self, patch: GraphPatch, node: LayerNode) -> None:
        self._unique_layer(node)
        index = self.index
        call = index.call_at(node)
        if any(arg.star for arg in call.args):
            raise CannotRewrite("the call passes *args/**kwargs")
        if node.written_type[:1].islower():
            # keras.layers.add([a, b]) -> keras.layers.concatenate([a, b]): the call is also the layer call.
            functional = _FUNCTIONAL_NAMES.get(patch.type)
            if functional is None or patch.arg_dict:
                raise CannotRewrite(f"no functional form of {patch.type}")
            name = call.func.attr if isinstance(call.func, cst.Attribute) else call.func
            self.changes.append(_Change(index.start(name), index.end(name), functional))
            return
        kept = [index.code(arg.keyword) + "=" + index.code(arg.value) for arg in call.args
                if arg.keyword is not None and arg.keyword.value in _PORTABLE_KWARGS
                and arg.keyword.value not in patch.arg_dict]  # written once: the patch's value
        new = _layer_text(self.style, patch.type, patch.arg_dict, call, index.quote,
                          written=self._unchanged_args(call, node, patch.arg_dict))
        if kept:
            new = new[:-1] + (", " if new[-2] != "(" else "") + ", ".join(kept) + ")"
        self.changes.append(_Change(index.start(call), index.end(call), new))

    def _unchanged_args(self, call: cst.Call, node: LayerNode, values: dict) -> dict[str, str]:
        """The arguments of ``call`` the new layer takes with the same value, as written (``activation=
        conv_activation`` stays a parameter, not its default folded in), by the new layer's argument name."""
        rule = RULES.get(canonical_type(node.type))
        params = rule.params if rule else ()
        written = {}
        for i, arg in enumerate(a for a in call.args if a.keyword is None):
            if i < len(params):
                written[params[i]] = arg.value
        for arg in call.args:
            if arg.keyword is not None:
                key = arg.keyword.value
                written[key if key in params else KERAS2_KWARGS.get(key, key)] = arg.value
        return {key: self.index.code(value) for key, value in written.items()
                if key in values and node.args.get(key, _ABSENT) == values[key]}

    # set_literal ----------------------------------------------------------------------
    def _op_set_literal(self, patch: GraphPatch, node: LayerNode) -> None:
        """The int literal a size came from (a call's argument, a parameter's default) written anew."""
        line, col, end_line, end_col = patch.arg_dict["span"]
        t = self.index.t
        start = t.byte_offset(line, col)
        end = t.byte_offset(end_line, end_col)
        if self.index.text[start:end] != str(patch.arg_dict["old"]):
            raise CannotRewrite("the literal is not written there")
        self.changes.append(_Change(start, end, str(patch.arg_dict["value"])))

    _op_set_constant = _op_set_literal  # ``FEATURE_SIZE = 60`` written anew (constants.py)

    # respell --------------------------------------------------------------------------
    def _op_respell(self, patch: GraphPatch, node: LayerNode) -> None:
        """``model.compile("adam", "mse", ["accuracy"])`` -> ``..., metrics=["accuracy"])``, ``Model(input=x)`` ->
        ``Model(inputs=x)``: texts inserted where the code they go with is still written (respellings.py)."""
        t = self.index.t
        if not patch.arg_dict["insertions"]:
            raise CannotRewrite("the call is written in another file of the project")
        for (line, col, end_line, end_col), written in patch.arg_dict["written"]:
            code = self.index.text[t.byte_offset(line, col):t.byte_offset(end_line, end_col)]
            try:
                there = ast.unparse(ast.parse(code.strip(), mode="eval"))
            except SyntaxError:
                there = None
            if there != written:  # ``written`` is ast.unparse's spelling (its quotes, its spaces)
                raise CannotRewrite("the call is not written there")
        for line, col, text in patch.arg_dict["insertions"]:
            self.changes.append(_Change(t.byte_offset(line, col), t.byte_offset(line, col), text))

    # insert_on_input ------------------------------------------------------------------
    def _op_insert_on_input(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Concatenate()([x, skip])`` -> ``Concatenate()([x, Cropping2D(...)(skip)])``: the new layer wraps the
        one input where it is written."""
        index = self.index
        call = index.call_at(node)
        args = dict(patch.arg_dict)
        which = args.pop("input")
        new = _layer_text(self.style, patch.type, args, call, index.quote)
        value = self._merge_input(node, which)
        self.changes.append(_Change(index.start(value), index.end(value), f"{new}({index.code(value)})"))

    def _merge_input(self, node: LayerNode, which: int) -> cst.BaseExpression:
        """The ``which``-th tensor written in the list a merge layer is called on."""
        index = self.index
        call = index.call_at(node)
        if node.written_type[:1].islower():  # layers.concatenate([x, skip]): the call is also the layer call
            holder = call
        else:
            where, holder = _context(index, call)
            if where != "functional":
                raise CannotRewrite("the merge is not called on its inputs here")
        tensors = _positional_args(holder)
        if not tensors or not isinstance(tensors[0].value, (cst.List, cst.Tuple)):
            raise CannotRewrite("the merge's inputs are not written as a list")
        elements = tensors[0].value.elements
        if which >= len(elements) or isinstance(elements[which], cst.StarredElement):
            raise CannotRewrite("the input is not written in the list")
        return elements[which].value

    # pad_to_match ---------------------------------------------------------------------
    def _op_pad_to_match(self, patch: GraphPatch, node: LayerNode) -> None:
        """``concatenate([x, skip])`` -> ``concatenate([ZeroPadding2D(((0, skip.shape[1] - x.shape[1]), (0,
        skip.shape[2] - x.shape[2])))(x), skip])``: the padding (or cropping: Cropping2D, ``x.shape[1] -
        skip.shape[1]``) each pass needs, from the two tensors' shapes."""
        index = self.index
        args = patch.arg_dict
        value, reference = self._merge_input(node, args["input"]), self._merge_input(node, args["reference"])
        if not all(_repeatable(v) for v in (value, reference)):
            raise CannotRewrite("the merge's inputs are not written as names")  # a call would be repeated
        x, ref = index.code(value), index.code(reference)
        crop = "cropping" in args
        amount = args["cropping" if crop else "padding"]
        count = 1 if isinstance(amount[0], int) else len(amount)
        first = 2 if args.get("data_format") == "channels_first" else 1
        larger, smaller = (x, ref) if crop else (ref, x)
        amounts = [f"(0, {larger}.shape[{a}] - {smaller}.shape[{a}])" for a in range(first, first + count)]
        text = amounts[0] if count == 1 else f"({', '.join(amounts)})"
        layout = f", data_format={index.quote}channels_first{index.quote}" if first == 2 else ""
        new = f"{self.style.spell(patch.type, index.call_at(node))}({text}{layout})"
        self.changes.append(_Change(index.start(value), index.end(value), f"{new}({x})"))

    # pad_input -------------------------------------------------------------------------
    def _op_pad_input(self, patch: GraphPatch, node: LayerNode) -> None:
        """``inputs = keras.Input((45, 45, 7))`` read as ``conv_block(inputs, ...)`` -> ``conv_block(
        ZeroPadding2D(...)(inputs), ...)``: the new layer wraps the Input's name wherever the layers read it
        (every read in the scope that made it, but the ``Model(...)`` that takes it as its input)."""
        index = self.index
        reads = _input_reads(index.facts.tree, node)
        if not reads:
            raise CannotRewrite("the Input is not read by name in the scope that makes it")
        new = _layer_text(self.style, patch.type, patch.arg_dict, self._layer_call_near(node), index.quote)
        t = index.t
        for read in reads:
            start = t.byte_offset(read.lineno, read.col_offset)
            end = t.byte_offset(read.end_lineno, read.end_col_offset)
            self.changes.append(_Change(start, end, f"{new}({read.id})"))

    def _layer_call_near(self, input_node: LayerNode) -> cst.Call:
        """A layer class's call to spell a new layer like (``keras.Input`` is no guide: the layers are not at
        the top of ``keras``): a reader of the Input first, else any layer of the model."""
        nodes = self.graph.nodes
        readers = [n for n in nodes if any(r[0] == input_node.index for r in n.inputs)]
        for node in readers + nodes:
            if node.type != "InputLayer" and node.span is not None and node.written_type[:1].isupper():
                try:
                    return self.index.call_at(node)
                except CannotRewrite:
                    continue
        raise CannotRewrite("no layer of the model to spell the new one like")

    # unwrap ---------------------------------------------------------------------------
    def _op_unwrap(self, patch: GraphPatch, node: LayerNode) -> None:
        """``TimeDistributed(Dense(5, activation="softmax"))`` -> ``Dense(5, activation="softmax")``: the wrapped
        layer's call, as written."""
        self._unique_layer(node)
        call = self.index.call_at(node)
        keywords = _keyword_args(call)
        positional = _positional_args(call)
        inner = keywords["layer"] if "layer" in keywords else positional[0] if positional else None
        if inner is None or any(arg.star for arg in call.args) or not isinstance(inner.value, cst.Call):
            raise CannotRewrite("the wrapped layer is not written in the call")
        self.changes.append(_Change(self.index.start(call), self.index.end(call), self.index.code(inner.value)))

    # wrap -----------------------------------------------------------------------------
    def _op_wrap(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Conv2D(32, (3, 3))`` -> ``TimeDistributed(Conv2D(32, (3, 3)))``; an input shape written on the
        first layer of a Sequential goes onto the wrapper (Keras reads it from the outer layer only)."""
        self._unique_layer(node)
        index = self.index
        call = index.call_at(node)
        moved = _input_kwargs(call, node) if self.graph.declares_input(node) else []
        tail = ")"
        if moved:
            tail = ", " + self._moved_kwargs(moved) + ")"
            self.changes += self._drop_args(call, moved)
        start, end = index.start(call), index.end(call)
        self.changes.append(_Change(start, start, self.style.spell(patch.type, call) + "("))
        self.changes.append(_Change(end, end, tail))

    # dedent_after_loop ----------------------------------------------------------------
    def _op_dedent_after_loop(self, patch: GraphPatch, node: LayerNode) -> None:
        """The statements of a loop body from the head's first one (``patch.node``'s) to the end of the body,
        dedented one level: the loop's last statements become the ones right after it.  Comment lines just above
        the head's first statement go with it; the lines inside a multi-line string are left as they are."""
        first, last = patch.arg_dict["loop"]
        span = node.call_span or node.span
        tree = self.index.facts.tree
        if span is None or tree is None:
            raise CannotRewrite("the layer has no source position")
        loop = next((s for s in _statements(tree.body) if isinstance(s, (ast.For, ast.AsyncFor))
                     and s.lineno == first and s.end_lineno == last), None)
        if loop is None or loop.orelse:
            raise CannotRewrite("no for loop without else at the loop's lines")
        body = loop.body
        at = (span.line, span.col)
        i = next((k for k, stmt in enumerate(body)
                  if _stmt_start(stmt) <= at <= (stmt.end_lineno, stmt.end_col_offset)), None)
        if i is None:
            raise CannotRewrite("the layer is not called in the loop's own body")
        if i == 0:
            raise CannotRewrite("the head is the loop's whole body")
        t = self.index.t
        start_line = _stmt_start(body[i])[0]
        if body[i - 1].end_lineno >= start_line or t.line_text(start_line)[:t.char_col(
                start_line, _stmt_start(body[i])[1])].strip():
            raise CannotRewrite("the head's first statement shares its line with another")
        outer = re.match(r"[ \t]*", t.line_text(loop.lineno)).group(0)
        inner = re.match(r"[ \t]*", t.line_text(start_line)).group(0)
        if not inner.startswith(outer) or inner == outer:
            raise CannotRewrite("the loop body's indentation is not the loop's plus a level")
        while start_line - 1 > body[i - 1].end_lineno and t.line_text(start_line - 1).lstrip().startswith("#"):
            start_line -= 1  # the comments that introduce the head
        in_string = set()  # an implicitly joined string's lines too: inside brackets, indentation is free
        for sub in (sub for stmt in body[i:] for sub in ast.walk(stmt)):
            if (isinstance(sub, ast.JoinedStr) or isinstance(sub, ast.Constant)
                    and isinstance(sub.value, (str, bytes))) and sub.end_lineno > sub.lineno:
                in_string.update(range(sub.lineno + 1, sub.end_lineno + 1))
        end_line = body[-1].end_lineno
        lines = []
        for line in range(start_line, end_line + 1):
            code = t.line_text(line).rstrip("\r\n")
            if line not in in_string and code.startswith(inner):
                code = outer + code[len(inner):]
            lines.append(code)
        start = t.starts[start_line - 1]
        end = t.starts[end_line - 1] + len(t.line_text(end_line).rstrip("\r\n"))
        self.changes.append(_Change(start, end, "\n".join(lines)))

    # remove ---------------------------------------------------------------------------
    def _op_remove(self, patch: GraphPatch, node: LayerNode) -> None:
        self._unique_layer(node)
        index = self.index
        call = index.call_at(node)
        where, holder = _context(index, call)
        moved = _input_kwargs(call, node)
        if where == "list":
            self.changes.append(self._remove_element(holder))
        elif where == "add":
            self.changes.append(self._remove_statement(index.statement_of(holder), holder))
        elif where == "functional":
            outer = holder
            tensor = _positional_args(outer)
            if len(outer.args) != 1 or not tensor:
                raise CannotRewrite("the layer is called with several arguments")
            tensor_code = index.code(tensor[0].value)
            assign = index.parent(outer)
            stmt = index.statement_of(outer)
            if isinstance(assign, cst.Assign) and len(assign.targets) == 1 \
                    and index.code(assign.targets[0].target) == tensor_code \
                    and isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
                self.changes.append(self._remove_statement(stmt, outer))
            else:
                self.changes.append(_Change(index.start(outer), index.end(outer), tensor_code))
            return
        else:
            raise CannotRewrite("the layer is not written in a layer list, an add() or a call")
        if moved:  # the removed first layer declared the input: hand it on to the next one
            consumers = self.graph.consumers(node.index)
            if len(consumers) != 1:
                raise CannotRewrite("the removed layer's input declaration has no single successor")
            successor = index.call_at(consumers[0])
            if _input_kwargs(successor, consumers[0]):
                return
            self.changes += _add_keyword_changes(index, successor, [index.code(arg.keyword) + "=" +
                                                                    index.code(arg.value) for arg in moved])

    def _remove_element(self, element: cst.Element) -> _Change:
        index = self.index
        text = index.text
        start = index.start(element.value)
        end = index.end(element.value)
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        has_comma = after < len(text) and text[after] == ","
        if has_comma:
            after += 1
        rest = after
        while rest < len(text) and text[rest] in " \t":
            rest += 1
        line_start = index.t.line_start(start)
        own_line = text[line_start:start].strip() == ""
        if own_line and (rest >= len(text) or text[rest] in "\n#"):
            line_end = text.find("\n", rest)
            line_end = len(text) if line_end < 0 else line_end + 1
            if not has_comma:
                # The last element: keep the previous element's comma (a trailing comma is valid).
                return _Change(line_start, line_end, "")
            return _Change(line_start, line_end, "")
        if has_comma:
            return _Change(start, rest, "")
        # The last element on a shared line: drop it with the comma before it.
        before = start - 1
        while before >= 0 and text[before] in " \t\n":
            before -= 1
        if before >= 0 and text[before] == ",":
            return _Change(before, end, "")
        return _Change(start, end, "")

    def _remove_statement(self, stmt: cst.CSTNode, small: cst.CSTNode) -> _Change:
        index = self.index
        text = index.text
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            raise CannotRewrite("the statement shares its line with others")
        start = index.start(stmt)
        line_start = index.t.line_start(start)
        if text[line_start:start].strip():
            raise CannotRewrite("the statement does not start its line")
        end = index.end(stmt)
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        if index.alone_in_block(stmt):
            raise CannotRewrite("the statement is the only one in its block")
        return _Change(line_start, line_end, "")

    # append ---------------------------------------------------------------------------
    def _op_append(self, patch: GraphPatch, node: LayerNode) -> None:
        """The new head after the output layer, written as the model is: list elements, ``add()`` statements or
        functional calls reassigning the output's name (the output call itself is wrapped when it has none)."""
        index = self.index
        call = index.call_at(node)
        where, holder = _context(index, call)
        texts = [_layer_text(self.style, type_, dict(args), call, index.quote)
                 for type_, args in patch.arg_dict["layers"]]
        text = index.text
        if where == "list":
            start = index.start(holder.value)
            own_line = text[index.t.line_start(start):start].strip() == ""
            sep = "\n" + index.t.indent_at(start) if own_line and self._list_is_multiline(holder) else " "
            if isinstance(holder.comma, cst.Comma):
                at = text.index(",", index.end(holder.value)) + 1
                self.changes.append(_Change(at, at, "".join(f"{sep}{t}," for t in texts)))
            else:
                at = index.end(holder.value)
                self.changes.append(_Change(at, at, "".join(f",{sep}{t}" for t in texts)))
            return
        if where == "add":
            receiver = index.code(holder.func.value)
            self._after_statement(index.statement_of(holder), [f"{receiver}.add({t})" for t in texts])
            return
        if where != "functional":
            raise CannotRewrite("the layer is not written in a layer list, an add() or a call")
        assign = index.parent(holder)
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0].target,
                                                                                      cst.Name):
            name = assign.targets[0].target.value
            self._after_statement(index.statement_of(holder), [f"{name} = {t}({name})" for t in texts])
            return
        wrapped = index.code(holder)
        for t in texts:
            wrapped = f"{t}({wrapped})"
        self.changes.append(_Change(index.start(holder), index.end(holder), wrapped))

    def _after_statement(self, stmt: cst.CSTNode, lines: list[str]) -> None:
        """``lines`` as statements right after ``stmt`` (a simple statement line), at its indentation."""
        if not isinstance(stmt, cst.SimpleStatementLine):
            raise CannotRewrite("the call is inside a compound statement header")
        index = self.index
        start = index.start(stmt)
        if index.text[index.t.line_start(start):start].strip():
            raise CannotRewrite("the statement does not start its line")
        indent = index.t.indent_at(start)
        _, last = index.lines(stmt.body[-1])
        if last < len(index.t.starts):
            at = index.t.starts[last]
            self.changes.append(_Change(at, at, "".join(f"{indent}{line}\n" for line in lines)))
        else:
            at = len(index.text)
            self.changes.append(_Change(at, at, "".join(f"\n{indent}{line}" for line in lines)))

    # insert_before --------------------------------------------------------------------
    def _op_insert_before(self, patch: GraphPatch, node: LayerNode) -> None:
        index = self.index
        call = index.call_at(node)
        where, holder = _context(index, call)
        new = _layer_text(self.style, patch.type, patch.arg_dict, call, index.quote)
        declaring = patch.type == "InputLayer"
        moved = _input_kwargs(call, node, declaring) if where in ("list", "add") and self.graph.declares_input(node) \
            else []
        if moved:  # the first layer's input keywords go to the layer now first
            new = new[:-1] + (", " if new[-2] != "(" else "") + self._moved_kwargs(moved, declaring) + ")"
            self.changes += self._drop_args(call, moved)
        if where == "list":
            start = index.start(holder.value)
            own_line = index.text[index.t.line_start(start):start].strip() == ""
            sep = "\n" + index.t.indent_at(start) if own_line and self._list_is_multiline(holder) else " "
            self.changes.append(_Change(start, start, f"{new},{sep}"))
        elif where == "add":
            stmt = index.statement_of(holder)
            start = index.start(stmt)
            receiver = index.code(holder.func.value)
            self.changes.append(_Change(start, start, f"{receiver}.add({new})\n{index.t.indent_at(start)}"))
        elif where == "functional":
            outer = holder
            tensors = _positional_args(outer)
            if len(outer.args) != 1 or not tensors or len(node.inputs) != 1:
                raise CannotRewrite("the layer is called with several arguments")
            tensor = tensors[0].value
            if not isinstance(tensor, cst.Name):
                self.changes.append(_Change(index.start(tensor), index.end(tensor), f"{new}({index.code(tensor)})"))
                return
            stmt = index.statement_of(outer)
            if not isinstance(stmt, cst.SimpleStatementLine):
                raise CannotRewrite("the call is inside a compound statement header")
            assign = index.parent(outer)
            target_is_same = isinstance(assign, cst.Assign) and len(assign.targets) == 1 and \
                isinstance(assign.targets[0].target, cst.Name) and assign.targets[0].target.value == tensor.value
            name = tensor.value if target_is_same else index.fresh_name(f"{tensor.value}_{_snake(patch.type)}")
            start = index.start(stmt)
            line_start = index.t.line_start(start)
            if index.text[line_start:start].strip():
                raise CannotRewrite("the statement does not start its line")
            earlier = self._inserted.get(node.index)
            self._inserted[node.index] = len(self.changes)
            self.changes.append(_Change(start, start, f"{name} = {new}({tensor.value})\n{index.t.indent_at(start)}"))
            if earlier is not None and name != tensor.value:
                # a second layer inserted before the same one goes first (as in the graph): the layer inserted
                # before reads its output, and the call already reads that layer's
                old = self.changes[earlier]
                self.changes[earlier] = _Change(old.start, old.end, old.text.replace(
                    f"({tensor.value})\n", f"({name})\n", 1))
            elif name != tensor.value:
                self.changes.append(_Change(index.start(tensor), index.end(tensor), name))
        elif node.call_span is not None and node.call_span != node.span:
            self._wrap_call_argument(node, new)  # enc = LSTM(...) then enc(x): enc(Reshape(...)(x))
        else:
            raise CannotRewrite("the layer is not written in a layer list, an add() or a call")

    # unlist_input ---------------------------------------------------------------------
    def _op_unlist_input(self, patch: GraphPatch, node: LayerNode) -> None:
        """``Conv3D(...)([x])`` -> ``Conv3D(...)(x)``; ``Conv3D(...)(core.output)`` (a list of one since Keras 3
        keeps ``Model(outputs=[x])``'s list) -> ``Conv3D(...)(core.output[0])``."""
        index = self.index
        call = index.call_at(dataclasses.replace(node, span=node.call_span) if node.call_span else node)
        where, holder = _context(index, call)
        if where == "functional":
            call = holder
        elif node.call_span is None or node.call_span == node.span:
            raise CannotRewrite("the layer is not called on its input here")
        tensors = _positional_args(call)
        if len(call.args) != 1 or len(tensors) != 1:
            raise CannotRewrite("the layer is called with several arguments")
        value = tensors[0].value
        if isinstance(value, (cst.List, cst.Tuple)):
            if len(value.elements) != 1 or isinstance(value.elements[0], cst.StarredElement):
                raise CannotRewrite("the list does not hold one tensor")
            self.changes.append(_Change(index.start(value), index.end(value), index.code(value.elements[0].value)))
        else:
            end = index.end(value)
            self.changes.append(_Change(end, end, "[0]"))

    def _wrap_call_argument(self, node: LayerNode, new: str) -> None:
        """The new layer applied to the one tensor a layer bound to a name is called on, where it is called."""
        index = self.index
        at = index.call_at(dataclasses.replace(node, span=node.call_span))
        tensors = _positional_args(at)
        if len(at.args) != 1 or len(tensors) != 1 or len(node.inputs) != 1:
            raise CannotRewrite("the layer is called with several arguments")
        tensor = tensors[0].value
        self.changes.append(_Change(index.start(tensor), index.end(tensor), f"{new}({index.code(tensor)})"))

    def _moved_kwargs(self, moved: list[cst.Arg], to_input_layer: bool = False) -> str:
        """``input_shape=...`` moved from the first layer onto the one inserted before it, as written -- or as
        another patch of the same fix already rewrote its value (then that edit goes with it); onto an
        InputLayer, under the names it takes (``batch_input_shape=`` -> ``batch_shape=``)."""
        index = self.index
        if to_input_layer and any(arg.keyword.value not in INPUT_LAYER_SPELLING for arg in moved):
            raise CannotRewrite("InputLayer takes no input_dim=")
        texts = []
        for arg in moved:
            start, end = index.start(arg.value), index.end(arg.value)
            value = index.text[start:end]
            for change in [c for c in self.changes if start <= c.start and c.end <= end]:
                value = index.text[start:change.start] + change.text + index.text[change.end:end]
                self.changes.remove(change)
            keyword = INPUT_LAYER_SPELLING[arg.keyword.value] if to_input_layer else index.code(arg.keyword)
            texts.append(keyword + "=" + value)
        return ", ".join(texts)

    def _list_is_multiline(self, element: cst.Element) -> bool:
        first, last = self.index.lines(self.index.parent(element))
        return first != last

    def _drop_args(self, call: cst.Call, args: list[cst.Arg]) -> list[_Change]:
        index = self.index
        text = index.text
        out = []
        for arg in args:
            start, end = index.start(arg), index.end(arg.value)
            # Remove the comma and spaces before it (the previous argument's separator).
            before = start - 1
            while before >= 0 and text[before] in " \t\n":
                before -= 1
            position = next((i for i, a in enumerate(call.args) if a is arg), None)
            previous = call.args[position - 1] if position else None
            if before >= 0 and text[before] == ",":
                start = before
            elif previous is not None and isinstance(previous.comma, cst.Comma) and not isinstance(arg.comma, cst.Comma):
                # the last argument, a comment between it and the previous one's comma: that comma goes on its own
                # (the comment stays)
                comma = text.index(",", _arg_value_end(index, previous))
                out.append(_Change(comma, comma + 1, ""))
            else:
                after = end
                while after < len(text) and text[after] in " \t":
                    after += 1
                if after < len(text) and text[after] == ",":
                    end = after + 1
                    while end < len(text) and text[end] in " \t":
                        end += 1
            out.append(_Change(start, end, ""))
        return out


def _snake(name: str) -> str:
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z0-9])([A-Z])", r"\1_\2", name).lower()


# ------------------------------------------------------------------------ public
def edits_for_fix(text: str, graph: ModelGraph, fix: Fix) -> list[Edit]:
    """The source edits that realise ``fix`` on ``graph`` (parsed from ``text``); raises CannotRewrite."""
    from .plain_edits import plain_changes

    if _touches_another_file(graph, fix):
        raise CannotRewrite("the code to change is in another file of the project")
    if any(0 <= p.node < len(graph.nodes) and REMOVED_SPELLING in graph.nodes[p.node].args and p.op != "respell"
           for p in fix.patches):
        raise CannotRewrite("the layer is written with a function Keras 3 no longer has (Keras 1's merge())")
    changes = plain_changes(text, graph, fix.patches)  # one plain argument fix: the same changes, no LibCST
    if changes is None:
        changes = _planned_changes(text, graph, fix)
    if not changes:
        raise CannotRewrite("nothing to change")
    return to_edits(text, changes)


def _touches_another_file(graph: ModelGraph, fix: Fix) -> bool:
    """A patch of a layer made by an imported module's code, or of a literal written there: its spans are the
    place in this file that reached that code, not text to edit."""
    for patch in fix.patches:
        if 0 <= patch.node < len(graph.nodes):
            node = graph.nodes[patch.node]
            if any(span is not None and span.foreign for span in (node.span, node.call_span)):
                return True
        if any(getattr(value, "foreign", False) or getattr(getattr(value, "span", None), "foreign", False)
               for _, value in patch.args):
            return True
    return False


def _planned_changes(text: str, graph: ModelGraph, fix: Fix) -> list[_Change]:
    try:
        return _Planner(text, graph).plan(fix.patches)
    except (KeyError, IndexError, ValueError) as exc:
        raise CannotRewrite(f"cannot place the edit ({type(exc).__name__})") from None
    except Exception as exc:
        if isinstance(exc, cst.ParserSyntaxError):
            raise CannotRewrite(f"cannot parse: {exc.message}") from None
        raise


# ------------------------------------------------------------------ verification
def verify_source(before, model_index: int, new_text: str, target_shape=None, kind=None,
                  argument_at: tuple | None = None, fewest_nodes: int | None = None) -> bool:
    """Re-check the rewritten text: the fixed model is clean and no other model got worse.

    ``argument_at``: (line, col) of an argument a safe fix writes the way Keras needs it (``shape=(1024,)``);
    the fix is right when that finding is gone, and what the layers checked after it now say is the next
    round's business.  ``fewest_nodes``: the fewest layers the fixed model may have (default: one fewer than
    before, the one a fix may remove)."""
    from collections import Counter

    from ..check import check_source
    from ..infer import is_written_for_older_keras

    after = check_source(new_text, before.path, target_shape, with_fixes=False).files[0]
    if after.error:
        return False
    if argument_at is not None:
        return _argument_fix_ok(before, after, model_index, argument_at)
    if len(after.models) != len(before.models):
        return False
    if not _fixed_model_ok(after.models[model_index], kind, before.models[model_index], fewest_nodes):
        return False

    def problems(report, skip, _):
        counts = Counter()
        for i, model in enumerate(report.models):
            if i == skip:
                continue
            for d in model.inference.diagnostics:
                if d.severity in ("error", "warning") and not is_written_for_older_keras(d):
                    counts[(i, d.kind.name)] += 1
        return counts

    old, new = problems(before, model_index, set()), problems(after, model_index, set())
    return all(count <= old.get(key, 0) for key, count in new.items())


def _argument_fix_ok(before, after, model_index: int, argument_at: tuple) -> bool:
    """Models matched by name and line (a fragment the broken argument left may go away): the fixed one is
    there, whole, without the error; no other model has more errors or warnings of a kind than before."""
    from collections import Counter

    def key(model):
        return model.graph.name, model.graph.line

    fixed_key = key(before.models[model_index])
    fixed = next((m for m in after.models if key(m) == fixed_key), None)
    if fixed is None or len(fixed.graph.nodes) < len(before.models[model_index].graph.nodes):
        return False
    # the argument's own finding is gone (a layer sharing its line and column -- input_shape= written on the
    # first layer -- may now report what it gets: the next round's business)
    if any(d.kind.name == "invalid-argument" and (d.line, d.col) == argument_at for d in fixed.inference.diagnostics):
        return False

    def problems(report):
        return Counter((key(m), d.kind.name) for m in report.models if key(m) != fixed_key
                       for d in m.inference.diagnostics if d.severity in ("error", "warning"))

    old = problems(before)
    return all(count <= old.get(k, 0) for k, count in problems(after).items())


def _fixed_model_ok(after_model, kind, before_model, fewest_nodes: int | None = None) -> bool:
    """No error at all; a warning only of another kind (the next round of ``fix`` handles it); and the model
    is still all there: no layer lost beyond the ones the fix removes (a rewrite that cut the graph short
    would otherwise look clean)."""
    if fewest_nodes is None:
        fewest_nodes = len(before_model.graph.nodes) - 1
    if len(after_model.graph.nodes) < fewest_nodes:
        return False
    # The model's other errors, found independently (another branch), may stay: `fix` takes them in turn. Lines
    # move with the edits: an error is the same one when its code and message are.
    from collections import Counter

    from ..infer import is_written_for_older_keras

    before = Counter((d.code, d.message) for d in before_model.inference.diagnostics if d.severity == "error")
    after = Counter((d.code, d.message) for d in after_model.inference.diagnostics
                    if d.severity == "error" and not is_written_for_older_keras(d))
    if after and (after - before or sum(after.values()) >= sum(before.values())):
        return False
    return not any(d.severity == "warning" and d.kind is kind for d in after_model.inference.diagnostics)


def attach_edits(file_report, target_shape=None) -> None:
    """Give every fix of a Python source file its edits, verified on the rewritten text.

    A fix whose rewritten source leaves or creates an error is dropped; one this module
    cannot write as edits stays as "display-only" (shown, never applied).  Ranks are renumbered.
    """
    text = getattr(file_report, "text", None)
    if text is None or file_report.error or getattr(file_report, "_edits_attached", False):
        return
    file_report._edits_attached = True
    verified = _argument_fixes_verified_together(file_report, target_shape)
    for model_index, model in enumerate(file_report.models):
        for diagnostic in model.inference.diagnostics:
            if not diagnostic.fixes and not _source_checked_possible(model, diagnostic):
                continue
            kept = _kept_fixes(file_report, model_index, diagnostic, target_shape, verified=verified)
            for rank, fix in enumerate(kept, 1):
                fix.rank = rank
            diagnostic.fixes = kept


def _argument_fixes_verified_together(file_report, target_shape) -> dict:
    """The safe argument fixes of a file (``Input(shape=512)`` -> ``(512,)``, one per finding) verified by one
    re-check of the file with all of them applied, instead of one re-check each: {id(fix): its edits} for each fix
    the joint re-check verifies as its own re-check would -- its model there, whole, without the finding, and no
    model other than it with more errors or warnings of a kind than before, the other fixed ones included (a fixed
    model whose later layers now report something makes the joint check inconclusive for the others: each is then
    re-checked alone, as without this).  Empty with fewer than two such fixes."""
    text = file_report.text
    candidates = []  # (model index, finding's (line, col), fix)
    for model_index, model in enumerate(file_report.models):
        for diagnostic in model.inference.diagnostics:
            if diagnostic.kind.name != "invalid-argument":
                continue
            fix = next((f for f in diagnostic.fixes if f.applicability == "safe"), None)
            if fix is not None:
                candidates.append((model_index, (diagnostic.line, diagnostic.col), fix))
    if len(candidates) < 2:  # a lone fix: its own re-check (and edits) in _kept_fixes, not made here too
        return {}
    batch = []  # (model index, finding's (line, col), fix, edits)
    for model_index, argument_at, fix in candidates:
        try:
            batch.append((model_index, argument_at, fix, edits_for_fix(text, file_report.models[model_index].graph,
                                                                       fix)))
        except CannotRewrite:
            continue
    if len(batch) < 2:
        return {}
    from ..check import check_source

    try:
        rewritten = apply_edits(text, [edit for *_, edits in batch for edit in edits])
    except ValueError:  # edits that overlap: each fix is checked alone
        return {}
    after = check_source(rewritten, file_report.path, target_shape, with_fixes=False).files[0]
    if after.error:
        return {}
    return {id(fix): edits for model_index, argument_at, fix, edits in batch
            if _argument_fix_ok(file_report, after, model_index, argument_at)}


def _kept_fixes(file_report, model_index: int, diagnostic, target_shape, enough: int | None = None,
                verified: dict | None = None) -> list[Fix]:
    """The fixes ``attach_edits`` keeps, in order, each with its edits (or display-only, after the others); with
    ``enough``, stop once that many with edits are kept (each verification re-checks the whole rewritten
    file).  ``verified``: fixes already verified with their edits (``_argument_fixes_verified_together``)."""
    text = file_report.text
    model = file_report.models[model_index]
    kept = []
    rejected = []  # verified on the model's graph, turned down by the re-check of the whole file
    for fix in _with_fallback(file_report, model, diagnostic, target_shape, rejected, kept):
        if enough is not None and sum(1 for f in kept if f.edits) >= enough:
            break
        if verified and id(fix) in verified:
            fix.edits = verified[id(fix)]
            fix.verified = True
            kept.append(fix)
            continue
        try:
            edits = edits_for_fix(text, model.graph, fix)
        except CannotRewrite:
            if any(patch.op == "dedent_after_loop" for patch in fix.patches):
                continue  # a move of source lines, or nothing (the head is the loop's whole body: no move)
            fix.edits = []
            fix.applicability = "display-only"
            kept.append(fix)
            continue
        argument_at = (diagnostic.line, diagnostic.col) if fix.applicability == "safe" and \
            diagnostic.kind.name == "invalid-argument" else None
        if verify_source(file_report, model_index, apply_edits(text, edits), target_shape, diagnostic.kind,
                         argument_at, _fewest_nodes(model.graph, fix)):
            fix.edits = edits
            fix.verified = True  # on the rewritten file (a source-checked fix was not on the graph)
            kept.append(fix)
        else:
            rejected.append(fix)
    # a fix that cannot be written here (a merge whose input is a call: `history.pop()`) is shown after the
    # ones `fix` can apply, whatever its rank before
    return [f for f in kept if f.edits] + [f for f in kept if not f.edits]


def _with_fallback(file_report, model, diagnostic, target_shape, rejected: list, kept: list):
    """The diagnostic's fixes, then -- when the re-check of the file turned down every one of them (a U-Net whose
    input size fix builds the U-Net but not the model trained on its output) -- what the graph offers without
    them: the chains tried when no fix verifies alone (a padding followed by the cropping it then needs).  Fixes
    only the rewritten file can verify come first where code reads shapes: the channels-first setting before
    all (``leading_source_checked_fixes``), the others (``source_checked_fixes``) after the graph's one-step fixes
    and before its chains, which were verified on a graph that shape-reading code did not build again."""
    from .candidates import leading_source_checked_fixes, propose, source_checked_fixes

    leading = leading_source_checked_fixes(model.inference, diagnostic)
    yield from leading
    fixes = [*leading, *diagnostic.fixes]
    singles = [fix for fix in diagnostic.fixes if not fix.chained]
    yield from singles
    if not any(fix.edits for fix in kept):
        late = source_checked_fixes(model.inference, diagnostic, {f.title for f in fixes})
        yield from late
        fixes += late
    yield from [fix for fix in diagnostic.fixes if fix.chained]
    if any(fix.edits for fix in kept):
        return
    if diagnostic.fixes and len(rejected) == len(fixes) and diagnostic.kind.name == "incompatible-merge":
        from ..check import expectations

        graphs = [m.graph for m in file_report.models]
        held, _ = expectations(graphs, target_shape)[next(i for i, m in enumerate(file_report.models) if m is model)]
        refused = frozenset([f.title for f in rejected] + [f"group:{f.group}" for f in rejected if f.group])
        yield from propose(model.inference, diagnostic, held, refused=refused)


def _fewest_nodes(graph: ModelGraph, fix: Fix) -> int | None:
    """A fix that moves a loop's head after the loop drops the head's copies of every pass but the last, and one
    that removes a layer a loop makes removes it from every pass: the fixed model has as many layers as the
    patched graph (None: the default, one fewer than before).  A change of the image data format changes what code
    reading shapes builds (a projection fewer per block): the fixed model needs its inputs and a layer."""
    if any(patch.op == "image_data_format" for patch in fix.patches):
        return sum(1 for n in graph.nodes if n.type == "InputLayer") + 1
    if not any(patch.op == "dedent_after_loop" for patch in fix.patches) \
            and sum(patch.op == "remove" for patch in fix.patches) < 2:
        return None
    from .patch import apply_patches

    try:
        return min(len(graph.nodes) - 1, len(apply_patches(graph, fix.patches).nodes))
    except (ValueError, IndexError, KeyError):
        return None


def pick_fix(file_report, diagnostic, pick: int | None, target_shape=None) -> Fix | None:
    """The fix ``attach_edits`` would rank ``pick`` for ``diagnostic``, when it has edits; else None.  Only the
    fixes up to it are turned into edits and verified (``fix`` applies one fix per round).  ``pick=None``: the
    best-ranked fix that can be written -- the first, since display-only fixes are ranked after those."""
    text = getattr(file_report, "text", None)
    if text is None or file_report.error:
        return None
    model_index = next((i for i, model in enumerate(file_report.models)
                        if any(d is diagnostic for d in model.inference.diagnostics)), None)
    if model_index is None or not diagnostic.fixes and not _source_checked_possible(file_report.models[model_index],
                                                                                    diagnostic):
        return None
    pick = 1 if pick is None else pick
    if getattr(file_report, "_edits_attached", False):
        kept = diagnostic.fixes
    else:
        kept = _kept_fixes(file_report, model_index, diagnostic, target_shape, enough=pick)
    chosen = kept[pick - 1] if len(kept) >= pick else None
    return chosen if chosen is not None and chosen.edits else None


def _source_checked_possible(model, diagnostic) -> bool:
    """A finding the graph offers no fix for may still have one the rewritten file verifies
    (``candidates.source_checked_fixes``)."""
    if diagnostic.severity not in ("error", "warning") or not model.graph.shapes_read:
        return False
    from .candidates import leading_source_checked_fixes, source_checked_fixes

    return bool(leading_source_checked_fixes(model.inference, diagnostic)
                or source_checked_fixes(model.inference, diagnostic, set()))


def _hashable(value):
    """``value`` as a key: a patch's arguments may hold a dict (the unrecognized keywords a layer was given)."""
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value
