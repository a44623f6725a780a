"""Documents as a client holds them, checked by the engine, with every position mapped back.

No protocol here (no pygls, no mcp): the language server turns these results into LSP messages.

Positions: the engine speaks ``ast`` positions, 1-based lines and 0-based columns counted in UTF-8 bytes of
the line (``Diagnostic``, ``Edit``, ``Span``).  Here they become (document, 0-based line, ``str`` index in
that line); the server converts the index to the client's position encoding (UTF-16 by default).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable

from ..check import FileReport, check_source
from ..diagnostics import Diagnostic, Edit, Fix
from ..kinds import KINDS, Kind
from ..params import count_params
from ..shapes import format_shape

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends of both Python's tokenizer and LSP
DOCS_URL = "https://github.com/shapedoctor/shapedoctor/blob/main/docs/kinds.md"


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def char_index(line: str, byte_col: int) -> int:
    """An ``ast`` column (UTF-8 bytes) as an index into ``line``."""
    if line.isascii():
        return max(0, min(byte_col, len(line)))
    return len(line.encode("utf-8")[:max(byte_col, 0)].decode("utf-8", errors="ignore"))


def byte_col(line: str, index: int) -> int:
    return len(line[:index].encode("utf-8"))


def docs_url(kind: Kind) -> str:
    """The kind's section of docs/kinds.md (the heading ``## SD101 `rank` (error)``, as GitHub anchors it)."""
    return f"{DOCS_URL}#{kind.code.lower()}-{kind.name}-{kind.severity}"


def parse_selection(value) -> tuple[set[str] | None, list[str]]:
    """A select/ignore setting (a list, or one comma-separated string, of kind names, codes, code prefixes such
    as ``SD1``, or ``ALL``) -> (the kind names it covers, None when empty; the selectors that name no kind)."""
    from ..suppress import selector_matches

    if value is None:
        return None, []
    parts = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    parts = [p.strip() for p in parts if p.strip()]
    if not parts:
        return None, []
    names: set[str] = set()
    unknown = []
    for part in parts:
        matched = {k.name for k in KINDS.values() if selector_matches(part, k) or k.code.lower() == part.lower()}
        if matched:
            names |= matched
        else:
            unknown.append(part)
    return names, unknown


# ----------------------------------------------------------------------------------------------- source views
@dataclass
class Place:
    uri: str
    line: int  # 0-based, in that document
    editable: bool = True  # False: the checked line is not the document's (an IPython magic, blanked)
    shift: int = 0  # characters the checker removed from the line's start (a cell indented as a whole)


@dataclass
class SourceView:
    """The Python text the engine checks, and where each of its lines is in the client's documents.

    A Python file is one document, line for line.  A notebook is its code cells joined (each cell a document);
    a notebook opened as JSON text has no Python lines of its own: every finding is anchored at its first line.
    """

    text: str
    path: str
    places: list[Place]
    documents: dict[str, list[str]]  # uri -> its lines as the client has them
    anchored: bool = False  # the .ipynb-as-JSON case: findings are placed in the JSON text (or at its top)
    notebook: object = None  # that case: the checker's NotebookSource, which knows where a cell's text is stored
    _index: dict[tuple[str, int], int] = field(default_factory=dict, repr=False)
    _checked: list[str] = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._index = {(p.uri, p.line): number for number, p in enumerate(self.places, 1)}
        self._checked = split_lines(self.text)

    @classmethod
    def python(cls, uri: str, text: str, path: str) -> SourceView:
        lines = split_lines(text)
        return cls(text, path, [Place(uri, i) for i in range(len(lines))], {uri: lines})

    @classmethod
    def notebook_cells(cls, cells: list[tuple[str, str]], path: str) -> SourceView:
        """``cells``: (uri, text) of each Python code cell, in notebook order.  The cells are joined exactly as the
        notebook checker joins a notebook file's cells (IPython lines blanked, a blank line between cells)."""
        from ..frontends.notebook import notebook_source

        cell_json = {"cells": [{"cell_type": "code", "source": text} for _, text in cells]}
        notebook = notebook_source(json.dumps(cell_json))  # every cell is code: cell N is cells[N - 1]
        documents = {uri: split_lines(text) for uri, text in cells}
        checked = split_lines(notebook.text)
        shifts = getattr(notebook, "col_shift", None) or []
        places = []
        for number, (cell, cell_line) in enumerate(notebook.cell_of_line):
            uri = cells[cell - 1][0]
            lines = documents[uri]
            line = cell_line - 1
            shift = shifts[number] if number < len(shifts) else 0
            same = line < len(lines) and number < len(checked) and lines[line] == checked[number] and not shift
            places.append(Place(uri, max(min(line, len(lines) - 1), 0), editable=same, shift=shift))
        return cls(notebook.text, path, places, documents)

    @classmethod
    def notebook_file(cls, uri: str, text: str, path: str) -> SourceView:
        return cls(text, path, [], {uri: split_lines(text)}, anchored=True)

    def place(self, line: int) -> Place | None:
        """The document line of the checked text's ``line`` (1-based)."""
        if self.anchored:
            uri = next(iter(self.documents))
            return Place(uri, 0, editable=False)
        if not self.places:
            return None
        return self.places[min(max(line, 1), len(self.places)) - 1]

    def line_text(self, uri: str, line: int) -> str:
        lines = self.documents.get(uri, [])
        return lines[line] if 0 <= line < len(lines) else ""

    def _checked_line(self, line: int) -> str:
        return self._checked[line - 1] if 1 <= line <= len(self._checked) else ""

    def position(self, line: int, col: int) -> tuple[str, int, int] | None:
        """An engine position (1-based line, byte column) -> (uri, 0-based line, index in that line)."""
        place = self.place(line)
        if place is None:
            return None
        if self.anchored:
            stored = self._json_position(line, col)
            return (place.uri, *stored) if stored else (place.uri, 0, 0)
        index = char_index(self._checked_line(min(max(line, 1), len(self.places))), col) + place.shift
        return place.uri, place.line, min(index, len(self.line_text(place.uri, place.line)))

    def _json_position(self, line: int, col: int) -> tuple[int, int] | None:
        """Where the joined cells' (``line``, byte ``col``) is stored in the notebook's JSON text (0-based)."""
        json_position = getattr(self.notebook, "json_position", None)
        if json_position is None:
            return None
        joined = split_lines(self.notebook.text)
        text = joined[line - 1] if 1 <= line <= len(joined) else ""
        found = json_position(line, char_index(text, col))
        return (found[0] - 1, found[1]) if found else None

    def engine_position(self, uri: str, line: int, index: int) -> tuple[int, int] | None:
        """A document position (0-based line, index in it) -> the engine's (1-based line, byte column)."""
        number = self._index.get((uri, line))
        if number is None:
            return None
        return number, byte_col(self._checked_line(number), max(index - self.places[number - 1].shift, 0))

    def span(self, line: int, col: int, end_line: int, end_col: int) -> tuple[str, tuple[int, int], tuple[int, int]]:
        """An engine range -> (uri, start, end), each (0-based line, index); never empty, never across documents:
        a zero-width finding covers the rest of its line (what an editor can underline)."""
        uri, start_line, start = self.position(line, col)
        end = self.position(max(end_line, line), end_col)
        unplaced = self.anchored and self._json_position(line, col) is None
        if unplaced or end is None or end[0] != uri or (end[1], end[2]) <= (start_line, start):
            text = self.line_text(uri, start_line)
            if unplaced or start >= len(text.rstrip()):
                start = len(text) - len(text.lstrip())
            return uri, (start_line, start), (start_line, max(len(text.rstrip()), start))
        return uri, (start_line, start), (end[1], end[2])

    def edit_span(self, edit: Edit) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
        """Where ``edit`` goes in the client's document; None when it cannot be placed there faithfully (it
        spans two cells, or touches a line that is not the document's)."""
        if self.anchored:
            return None
        n = len(self.places)
        start_place = self.places[edit.line - 1] if 1 <= edit.line <= n else None
        end_place = self.places[edit.end_line - 1] if 1 <= edit.end_line <= n else None
        if start_place is None or end_place is None or start_place.uri != end_place.uri:
            return None
        if not (start_place.editable and end_place.editable):
            return None
        if end_place.line - start_place.line != edit.end_line - edit.line:
            return None
        uri = start_place.uri
        start = char_index(self.line_text(uri, start_place.line), edit.col)
        end = char_index(self.line_text(uri, end_place.line), edit.end_col)
        return uri, (start_place.line, start), (end_place.line, end)


# ---------------------------------------------------------------------------------------------------- analysis
@dataclass
class LayerAt:
    """One layer call the checker traced, as a hover shows it."""

    model: str
    name: str
    label: str  # the layer class as written
    line: int  # where its output hint goes (1-based, checked text)
    inputs: list[str]
    output: str | None  # None: not computed (an error, or not reached)
    status: str  # ok | error | unknown | skipped
    params: int | None
    findings: list[Diagnostic]


@dataclass
class Analysis:
    """One check of one source view (one document version)."""

    view: SourceView
    report: FileReport
    target_shape: tuple | None = None
    version: object = None
    _layers: list[tuple[object, LayerAt]] | None = field(default=None, repr=False)
    fix_all: tuple | None = field(default=None, repr=False)  # (settings key, fixed text, titles), when computed
    _variables: object = field(default=None, repr=False)

    @property
    def findings(self) -> list[Diagnostic]:
        return self.report.diagnostics

    def layers(self) -> list[tuple[object, LayerAt]]:
        """(span, layer) for every layer call reached, in model order; ``span`` is the call's (or constructor's)
        source range.  An Input made from a first layer's ``input_shape=`` shares that layer's span: left out."""
        if self._layers is not None:
            return self._layers
        out = []
        for model in self.report.models:
            results = model.inference.results
            spans = {r.node.span for r in results if r.node.type != "InputLayer"}
            for result in results:
                node = result.node
                if node.span is None or (node.type == "InputLayer" and node.span in spans):
                    continue
                inputs = [format_shape(s) for s in result.input_shapes] if result.input_shapes else []
                output = format_shape(result.output_shape) if result.outputs else None
                single_in = result.input_shapes[0] if result.input_shapes else None
                single_out = result.outputs[0] if result.outputs else None
                try:
                    params = count_params(node, single_in, single_out)
                except Exception:  # a count is a nicety: never let it cost the hover
                    params = None
                findings = [d for d in model.inference.diagnostics if d.node == node.index]
                where = node.call_span or node.span
                layer = LayerAt(model.name, node.name, node.label, where.end_line, inputs, output, result.status,
                                params, findings)
                out.append(((node.span, node.call_span), layer))
        self._layers = out
        return out

    def layers_at(self, line: int, col: int) -> list[LayerAt]:
        """The layers whose constructor or call covers (``line``, byte ``col``); else those on that line."""
        def covers(span) -> bool:
            return span is not None and (span.line, span.col) <= (line, col) <= (span.end_line, span.end_col)

        layers = self.layers()
        inside = [layer for spans, layer in layers if any(covers(s) for s in spans)]
        if inside:
            return inside
        return [layer for spans, layer in layers if any(s is not None and s.line == line for s in spans)]

    def variables(self):
        """The names of the checked text and the tensors they hold (``variables.Variables``): built on the first
        hover of a name, then kept with this check."""
        if self._variables is None:
            from .variables import Variables

            self._variables = Variables(None if self.view.anchored else self.view.text, self.report)
        return self._variables

    def line_outputs(self) -> dict[int, list[str]]:
        """Checked-text line -> the distinct output shapes of the layer calls ending there (a helper called
        twice shows both)."""
        out: dict[int, list[str]] = {}
        for _, layer in self.layers():
            if layer.output is None:
                continue
            shapes = out.setdefault(layer.line, [])
            if layer.output not in shapes:
                shapes.append(layer.output)
        return out

    def ensure_edits(self) -> None:
        """Give every fix its verified source edits (each one re-checks the file: done only when asked)."""
        if self.view.anchored or self.report.text is None:
            return
        from ..repair.rewrite import attach_edits

        attach_edits(self.report, self.target_shape)


def analyse(view: SourceView, target_shape=None, version=None) -> Analysis:
    """Check ``view``: findings with ranked fixes, no edits yet (``Analysis.ensure_edits``).  Never raises."""
    if view.anchored:
        from ..check import _check_notebook, guarded  # the notebook checker of `shapedoctor check`

        report = guarded(view.path, _check_notebook, view.text, view.path, target_shape, True)
        view.notebook = getattr(report, "notebook", None)
        return Analysis(view, report, target_shape, version)
    report = check_source(view.text, view.path, target_shape, with_fixes=True, with_edits=False).files[0]
    return Analysis(view, report, target_shape, version)


def is_actionable(diagnostic: Diagnostic) -> bool:
    return diagnostic.severity in ("error", "warning")


def applicable_fixes(diagnostic: Diagnostic) -> list[Fix]:
    return [fix for fix in diagnostic.fixes if fix.edits]


def fix_all_safe(text: str, path: str, target_shape=None, selected: Callable[[Diagnostic], bool] = is_actionable,
                 rounds: int = 25) -> tuple[str, list[str]]:
    """Apply every safe fix of the findings ``selected`` admits, one per round (each round re-checks the text:
    a fix can change the findings after it), as ``shapedoctor fix`` does with its picks.  Returns the text and
    the titles of the fixes applied."""
    from ..repair.rewrite import apply_edits, attach_edits

    current, applied = text, []
    for _ in range(rounds):
        report = check_source(current, path, target_shape, with_edits=False).files[0]
        candidates = [d for d in report.diagnostics if is_actionable(d) and selected(d)
                      and any(f.applicability == "safe" for f in d.fixes)]
        if report.error or not candidates:
            break
        chosen = {id(d) for d in candidates}
        for model in report.models:  # verify the safe fixes only: each verification re-checks the whole text
            for d in model.inference.diagnostics:
                d.fixes = [f for f in d.fixes if f.applicability == "safe"] if id(d) in chosen else []
        attach_edits(report, target_shape)
        fix = next((f for d in candidates for f in d.fixes if f.applicability == "safe" and f.edits), None)
        if fix is None:
            break
        new = apply_edits(current, fix.edits)
        if new == current:
            break
        current = new
        applied.append(fix.title)
    return current, applied
