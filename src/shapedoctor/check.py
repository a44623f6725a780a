"""The checking pipeline and its public results: graphs -> inference -> findings -> fixes."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Union

from . import __version__
from .suppress import apply_suppressions
from .diagnostics import Diagnostic
from .report import split_source_lines
from .causes import explain, spatial_rank
from .respellings import respelling_findings
from .graph import Gap, ModelGraph, SkippedModel
from .infer import Inference, infer
from .kinds import INCOMPLETE_MODEL, INPUT_ERROR, INTERNAL_ERROR, INVALID_ARGUMENT, PARSE_ERROR, SKIPPED_MODEL, Kind
from .repair.candidates import propose
from .shapes import shape_to_json
from .data_shapes import Expected, check_input_data, split_expected
from .targets import check_output_target

if TYPE_CHECKING:
    from .frontends.notebook import NotebookSource

MAX_FILE_BYTES = 20 * 1024 * 1024

Shape = tuple[Union[int, None], ...]
# ``target_shape`` in the Python API: a shape (tuple or list, None for an unknown dimension), a string as
# ``--target-shape`` reads it ("(None, 1)", "None,1", "1"), or None (see ``target_shape_of``).
TargetShape = Union[Shape, list[Union[int, None]], str, None]


def target_shape_of(value: object) -> Shape | None:
    """The API's ``target_shape`` as a shape tuple, batch axis first: a string is read as ``--target-shape``
    reads it, and as there the batch axis (None) is added when the first dimension is not None.  A dict
    {model name: shape} (the configuration's per-model targets) has each value read the same way.  Raises
    ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, Expected):  # the command line's --target-shape with --data-shape: read already
        return value  # type: ignore[return-value]
    if isinstance(value, dict):
        return {name: target_shape_of(shape) for name, shape in value.items()}  # type: ignore[return-value]
    if isinstance(value, str):
        from .cli import UsageError, parse_shape

        try:
            return parse_shape(value)
        except UsageError as exc:
            raise ValueError(str(exc).replace("--target-shape: ", "target_shape: ")) from None
    if isinstance(value, (tuple, list)) and value and all(
            d is None or (isinstance(d, int) and not isinstance(d, bool) and d >= 0) for d in value):
        dims = tuple(value)
        return dims if dims[0] is None else (None, *dims)
    raise ValueError(f"target_shape: expected a shape such as (None, 1) or '(None, 1)', got {value!r}")


@dataclass
class ModelReport:
    graph: ModelGraph
    inference: Inference

    @property
    def name(self) -> str:
        return self.graph.name

    @property
    def complete(self) -> bool:
        """True when every layer was checked: no gap, every layer reached with a known output shape."""
        return self.inference.complete

    @property
    def gaps(self) -> list[Gap]:
        """Each construct the model passes through that was not checked (line, col, reason), in source order."""
        return self.inference.gaps

    def to_json(self) -> dict[str, Any]:
        layers = []
        for result in self.inference.results:
            node = result.node
            layers.append({
                "name": node.name, "type": node.type, "line": node.span.line if node.span else None,
                "col": node.span.col if node.span else None,
                "input_shapes": [shape_to_json(s) for s in result.input_shapes] if result.input_shapes else None,
                "output_shape": shape_to_json(result.output_shape), "status": result.status,
            })
        return {"name": self.graph.name, "line": self.graph.line, "kind": self.graph.kind, "layers": layers,
                "complete": self.complete, "gaps": [g.to_json() for g in self.gaps]}


@dataclass
class FileReport:
    path: str
    error: str | None = None
    models: list[ModelReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None  # the source as read, for fixes
    skipped_models: list[SkippedModel] = field(default_factory=list)  # constructions not built at all
    internal_errors: int = 0  # front-end failures on this file (rule failures are counted per model)
    suppressed: int = 0  # findings a `# noqa` / `# shapedoctor: ignore[...]` comment on their line silenced
    notebook: NotebookSource | None = None  # a .ipynb: maps lines of the joined cells to cells (not in to_json)
    # suppression comments that silenced nothing (`unused-noqa`); reported only when asked (not in to_json)
    unused_noqa: list[Diagnostic] = field(default_factory=list)
    # modules of the user's project the file imports and the checker read: path -> SHA-256 of their bytes (a
    # cached result is good only while they are unchanged; not in to_json)
    dependencies: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error, "models": [m.to_json() for m in self.models],
                "skipped_models": [s.to_json() for s in self.skipped_models],
                "diagnostics": [d.to_json() for d in self.diagnostics]}


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def models(self) -> list[ModelReport]:
        return [m for f in self.files for m in f.models]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def fully_checked(self) -> int:
        return sum(1 for m in self.models if m.complete)

    @property
    def partly_checked(self) -> int:
        return len(self.models) - self.fully_checked

    @property
    def skipped_models(self) -> list[SkippedModel]:
        return [s for f in self.files for s in f.skipped_models]

    @property
    def internal_errors(self) -> int:
        """Failures of shapedoctor itself (a rule or a front-end): what they hid was not checked."""
        return sum(f.internal_errors for f in self.files) + sum(m.inference.internal_errors for m in self.models)

    @property
    def everything_checked(self) -> bool:
        """Every model complete, none skipped, no internal error: only then may a report say "all passed"."""
        return not self.partly_checked and not self.skipped_models and not self.internal_errors

    @property
    def exit_code(self) -> int:
        return 1 if any(d.severity in ("error", "warning") for d in self.diagnostics) else 0

    def to_json(self) -> dict[str, Any]:
        models, fully_checked = len(self.models), self.fully_checked  # (partly_checked would count them again)
        return {
            "version": 1,
            "tool": {"name": "shapedoctor", "version": __version__},
            "files": [f.to_json() for f in self.files],
            "summary": {"files": len(self.files), "models": models, "errors": self.count("error"),
                        "warnings": self.count("warning"), "fully_checked": fully_checked,
                        "partly_checked": models - fully_checked, "skipped_models": len(self.skipped_models),
                        "internal_errors": self.internal_errors},
        }


def expectations(graphs: list[ModelGraph], target_shapes: Any) -> list[tuple[Any, tuple[Any, ...] | None]]:
    """(target shape, data shape) each graph of a file is held to. One shape for the whole file is what the
    trained model is fit on: when some models are compiled, the others (a backbone, an encoder used inside them)
    are not held to it; a dict names each model's own targets."""
    targets, data_shape = split_expected(target_shapes)
    trained = {id(g) for g in graphs if g.loss is not None or g.target_shape is not None}
    held = [not trained or id(g) in trained for g in graphs]
    return [(targets.get(g.name) if isinstance(targets, dict) else targets if h else None, data_shape if h else None)
            for g, h in zip(graphs, held)]


def analyse_graphs(graphs: list[ModelGraph], path: str, target_shapes: Any = None,
                   with_fixes: bool = True) -> FileReport:
    """``target_shapes``: one shape for every model, or a dict {model name: shape} (`target-shapes` in the
    configuration; a model not named has none)."""
    report = FileReport(path)
    seen: set[tuple[int, int, str, str]] = set()  # a layer built by a helper called N times fails N times: one finding at its line
    for graph, (target_shape, data_shape) in zip(graphs, expectations(graphs, target_shapes)):
        if data_shape is not None:
            graph.data_shape = data_shape
        inference = infer(graph)
        vars(graph).pop("replay", None)  # the walk's records of its layers' inference (source.py): used now
        # The arrays a fit() in the file gets are checked against a model that builds; one that does not fails
        # at its own error first, which is reported (its fix may still use them). Told from outside, always.
        told = data_shape is not None or not any(d.severity == "error" for d in inference.diagnostics)
        origin = graph.data_origin if data_shape is None else ""
        for mismatch in (check_input_data(inference, graph.data_shape, origin) if told else None,
                         check_output_target(inference, target_shape)):
            if mismatch is not None:
                inference.diagnostics.append(mismatch)
        unique = []
        for diagnostic in inference.diagnostics:
            key = (diagnostic.line, diagnostic.col, diagnostic.code, diagnostic.message)
            if key not in seen:
                seen.add(key)
                unique.append(diagnostic)
        inference.diagnostics[:] = unique
        for diagnostic in inference.diagnostics:
            diagnostic.path = path
            if not diagnostic.explanation:
                diagnostic.explanation = list(dict.fromkeys(explain(inference, diagnostic)))  # one line per cause
                node = inference.results[diagnostic.node].node if diagnostic.node is not None else None
                span = node.span if node is not None else None
                if node is not None and span is not None and span.origin:
                    # an opaque step's label is the reason it was not followed: not a name to repeat
                    what = "The code" if node.type == "<opaque>" else diagnostic.layer or "The layer"
                    diagnostic.explanation.insert(0, f"{what} is written in {span.origin}; this line of the file "
                                                     f"reaches it.")
            if with_fixes and diagnostic.severity in ("error", "warning"):
                diagnostic.fixes = propose(inference, diagnostic, target_shape)
                if diagnostic.kind.name == "rank" and any(fix.group == "factorization" for fix in diagnostic.fixes):
                    image = diagnostic.node is not None and spatial_rank(inference.results[diagnostic.node].node.type)
                    longest = "largest spatial size" if image else "longest steps axis"
                    diagnostic.explanation.append(
                        f"Reshape candidates are ranked {longest} first; each one shown builds through "
                        "every layer after it. Which grouping suits the data: `shapedoctor compare`.")
        for respelled in respelling_findings(inference, with_fixes):  # made with its fix: no layer is to change
            respelled.path = path
            inference.diagnostics.append(respelled)
        model = ModelReport(graph, inference)
        report.models.append(model)
        report.diagnostics.extend(inference.diagnostics)
        incomplete = incomplete_model_finding(model, path)
        if incomplete is not None:
            report.diagnostics.append(incomplete)
    report.diagnostics.sort(key=lambda d: (d.line, d.col))
    return report


MAX_LISTED_GAPS = 10


def incomplete_model_finding(model: ModelReport, path: str) -> Diagnostic | None:
    """The ``incomplete-model`` info at the model's constructor line: the first construct lost and why.

    None for a complete model, and for one whose only gaps are layers left unreached by an error (its error
    finding says where checking stopped)."""
    if model.complete:
        return None
    gaps = model.inference.precision_gaps
    if not gaps:
        return None
    first, rest = gaps[0], gaps[1:]
    more = f"; {len(rest)} more gap{'s' * (len(rest) != 1)}" if rest else ""
    explanation = [f"line {g.line}: {g.reason}" for g in rest[:MAX_LISTED_GAPS]]
    if len(rest) > MAX_LISTED_GAPS:
        explanation.append(f"... and {len(rest) - MAX_LISTED_GAPS} more (--format json lists them all)")
    explanation.append(f"Shapes after {'each of these' if rest else 'it'} are unknown, so errors there are not "
                       f"found.")
    line = model.graph.line
    return Diagnostic(kind=INCOMPLETE_MODEL, severity=INCOMPLETE_MODEL.severity,
                      message=f"model '{model.name}' is only partly checked: line {first.line}: {first.reason}{more}",
                      line=line, col=0, end_line=line, end_col=0, model=model.name, explanation=explanation,
                      path=path)


def skipped_model_finding(skipped: SkippedModel, path: str, text: str | None = None) -> Diagnostic:
    reason = skipped.reason
    message = reason if reason.lower().startswith("model") else f"model not checked: {reason}"
    col, end_col = _constructor_col(text, skipped.line)
    return Diagnostic(kind=SKIPPED_MODEL, severity=SKIPPED_MODEL.severity, message=message, line=skipped.line,
                      col=col, end_line=skipped.line, end_col=end_col, path=path,
                      explanation=["Nothing in this model was checked."])


def add_skipped_models(report: FileReport, skipped: list[SkippedModel]) -> None:
    """Record constructions that could not be built, each with its ``skipped-model`` finding, once: a helper
    called from several places (``custom_aug()`` returning an ``imgaug`` Sequential) meets the same construction
    each time."""
    seen = {(s.line, s.reason) for s in report.skipped_models}
    new = []
    for entry in skipped:
        if (entry.line, entry.reason) not in seen:
            seen.add((entry.line, entry.reason))
            new.append(entry)
    skipped = new
    report.skipped_models.extend(skipped)
    report.diagnostics.extend(skipped_model_finding(s, report.path, report.text) for s in skipped)
    report.diagnostics.sort(key=lambda d: (d.line, d.col))


def add_removed_imports(report: FileReport, removed: dict[int, tuple[int, int, str]]) -> None:
    """An import of a module Keras 3 no longer has (``from keras.layers.core import Dense``): the script stops
    there, before any model; the models are still checked as the code means them."""
    for line, (col, end_col, message) in sorted(removed.items()):
        report.diagnostics.append(Diagnostic(
            kind=INVALID_ARGUMENT, severity=INVALID_ARGUMENT.severity, message=message, line=line, col=col,
            end_line=line, end_col=end_col, path=report.path,
            explanation=["Keras 3 moved every layer to keras.layers, and most utilities to keras.utils; Keras 2's "
                         "submodules (keras.layers.core, keras.engine, keras.utils.np_utils...) are gone.",
                         "The models below are checked as if the import worked."]))
    report.diagnostics.sort(key=lambda d: (d.line, d.col))


def _constructor_lines(text: str) -> list[int]:
    """Lines of every ``Model(...)``/``Sequential(...)``/``Functional(...)`` call in ``text`` (for a file the
    front-end failed on: each of them is then a skipped model)."""
    import ast

    from .frontends.source import constructor_calls, constructor_text_lines

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    candidates = constructor_text_lines(text)
    return sorted(set().union(*(constructor_calls(statement, candidates) for statement in tree.body)))


def _constructor_lines_left_out(text: str, kept: str) -> list[int]:
    """Lines of ``text`` where a model constructor is written (not in a comment) that ``kept`` blanked: code
    that does not parse, so the text is all there is to go by."""
    from .frontends.source import constructor_text_lines

    before, after = text.split("\n"), kept.split("\n")
    return sorted(line for line in constructor_text_lines(text)
                  if line <= len(before) and before[line - 1].strip() and not after[line - 1].strip()
                  and not before[line - 1].lstrip().startswith("#"))


def _constructor_col(text: str | None, line: int) -> tuple[int, int]:
    """Start and end column of the model constructor call on ``line`` (0, 0 when it cannot be found), in UTF-8
    bytes as every column of a finding (Python's ``ast`` ``col_offset``): the reporters convert them."""
    source = _line_of(text, line)
    if source is None:
        return 0, 0
    match = (re.search(r"[\w.]*\b(?:Sequential|Model|Functional)\s*\(", source)
             or re.search(r"[A-Za-z_][\w.]*\s*\(", source) or re.search(r"\S", source))
    return (_byte_col(source, match.start()), _byte_col(source, len(source.rstrip()))) if match else (0, 0)


def _line_of(text: str | None, line: int) -> str | None:
    """Line ``line`` (1-based) of ``text`` as Python's tokenizer splits lines (``\\r\\n``, ``\\r``, ``\\n`` only: not
    ``str.splitlines``, which also breaks at form feeds and U+2028 and would shift every later line)."""
    global _last_split
    if not text:
        return None
    split = _last_split
    if split[0] is not text:  # the findings of one file ask for many of its lines: it is split once
        split = _last_split = (text, split_source_lines(text))
    lines = split[1]
    return lines[line - 1] if 1 <= line <= len(lines) else None


_last_split: tuple[str | None, list[str]] = (None, [])  # the text _line_of split last, and its lines


def _byte_col(line: str, index: int) -> int:
    """A character index into ``line`` as a column in UTF-8 bytes (the unit of every column of a finding)."""
    return index if line.isascii() else len(line[:index].encode("utf-8", "surrogatepass"))


def file_problem(path: str, kind: Kind, message: str, line: int = 1, col: int = 0) -> FileReport:
    diagnostic = Diagnostic(kind=kind, message=message, severity="error", line=line, col=col, end_line=line,
                            end_col=col, path=path)
    return FileReport(path, error=message, diagnostics=[diagnostic])


def check_source(text: str, path: str = "<string>", target_shape: TargetShape = None, with_fixes: bool = True,
                 with_edits: bool = True, data_shape: TargetShape = None) -> Report:
    """``with_edits``: also turn each fix into source edits (LibCST; the text output does not need them).
    ``target_shape``: see ``target_shape_of`` (a bad one is a ValueError); ``data_shape``: the input arrays'
    shape, read the same way (``--data-shape``).  Never raises otherwise (see ``guarded``)."""
    target = _with_data(target_shape_of(target_shape), data_shape)
    return Report([guarded(path, _check_python, text, path, target, with_fixes, with_edits)])


def _with_data(target: Any, data_shape: TargetShape) -> Any:
    if data_shape is None:
        return target
    if isinstance(data_shape, dict) or isinstance(target, Expected):
        raise ValueError(f"data_shape: expected one shape such as (None, 640) or '(None, 640)', got {data_shape!r}")
    try:
        data = target_shape_of(data_shape)
    except ValueError as exc:
        raise ValueError(str(exc).replace("target_shape: ", "data_shape: ")) from None
    return Expected(target, data)


def guarded(path: str, fn: Callable[..., FileReport], *args: Any) -> FileReport:
    """``fn(*args)``, and if shapedoctor itself fails on this input, that file's finding instead of an exception:
    one bad file never aborts a directory scan, and the Python API never raises.  (The test suite sets
    ``infer._STRICT`` so that such a failure is a test failure there.)"""
    try:
        return fn(*args)
    except Exception as exc:
        from . import infer

        if infer._STRICT:
            raise
        detail = f"{type(exc).__name__}: {exc}"
        if len(detail) > 200:
            detail = detail[:200] + "..."
        if isinstance(exc, (MemoryError, RecursionError)):
            detail = "the file is too large or too deeply nested to analyse"
        message = f"file not checked: shapedoctor failed on it (internal error: {detail}); please report it"
        return FileReport(path, internal_errors=1, diagnostics=[Diagnostic(
            kind=INTERNAL_ERROR, message=message, severity=INTERNAL_ERROR.severity, line=1, col=0, end_line=1,
            end_col=0, path=path)])


def decode_source(raw: bytes) -> tuple[str, str]:
    """Python source bytes -> (text, encoding), as Python reads them: a UTF-8 BOM or a PEP 263 coding cookie
    (``# -*- coding: latin-1 -*-``) decides, UTF-8 otherwise.  Raises ValueError with the reason."""
    import codecs
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        if not codecs.lookup(encoding)._is_text_encoding:
            raise LookupError(encoding)
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 text" if exc.encoding in ("utf-8", "utf-8-sig")
                         else f"not valid {exc.encoding} text (its coding declaration)") from None
    except (SyntaxError, LookupError) as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:  # no usable declaration and not UTF-8 either
            raise ValueError("not UTF-8 text (and no coding declaration)") from None
        raise ValueError(f"bad coding declaration ({str(exc)[:80]})") from None


def _check_python(text: str, path: str, target_shape: Any, with_fixes: bool, with_edits: bool = True) -> FileReport:
    from .frontends.source import analyse_source

    try:
        found = analyse_source(text, path)
    except SyntaxError as exc:
        report = file_problem(path, PARSE_ERROR, *_parse_error_at(text, exc))
        report.text = text  # the reporters' column conversions read the line
        return report
    except (RecursionError, MemoryError):
        return file_problem(path, PARSE_ERROR, "cannot parse: the file is too deeply nested")
    except Exception as exc:  # a front-end bug must degrade to "not checked", never a traceback
        from . import infer

        if infer._STRICT:
            raise
        report = FileReport(path, text=text, internal_errors=1)
        report.diagnostics.append(Diagnostic(
            kind=INTERNAL_ERROR, message=f"shapedoctor could not analyse this file (internal error: "
                                         f"{type(exc).__name__}); please report it", severity="info",
            line=1, col=0, end_line=1, end_col=0, path=path))
        add_skipped_models(report, [SkippedModel(line, f"model not checked: shapedoctor failed on this file "
                                                       f"({type(exc).__name__})")
                                    for line in _constructor_lines(text)])
        return report
    report = analyse_graphs(found.graphs, path, target_shape, with_fixes)
    report.text = text
    report.dependencies = found.dependencies
    for diagnostic in report.diagnostics:  # the constructor call's own columns
        if diagnostic.kind is INCOMPLETE_MODEL:
            diagnostic.col, diagnostic.end_col = _constructor_col(text, diagnostic.line)
    add_skipped_models(report, found.skipped_models)
    add_removed_imports(report, found.removed_imports)
    apply_suppressions(report)  # before edits: `fix` never touches a suppressed finding
    if with_fixes and any(d.severity == "error" for d in report.diagnostics):
        from .repair.constants import add_constant_fits

        add_constant_fits(report, target_shape)
    if with_fixes and with_edits and (any(d.fixes for d in report.diagnostics) or any(
            m.graph.shapes_read and d.severity in ("error", "warning") for m in report.models
            for d in m.inference.diagnostics)):  # a fix only the rewritten file verifies (source-checked)
        from .repair.rewrite import attach_edits  # libcst: loaded only when there is something to fix

        attach_edits(report, target_shape)
    return report


def check_file(path: str, target_shape: TargetShape = None, with_fixes: bool = True,
               with_edits: bool = True, data_shape: TargetShape = None) -> Report:
    """Any file shapedoctor reads (``.py``, ``.ipynb``, a Keras ``.json`` config, a ``.keras`` archive).
    ``target_shape``, ``data_shape``: as for ``check_source``."""
    target = _with_data(target_shape_of(target_shape), data_shape)
    return Report([check_one_file(path, target, with_fixes, explicit=True, with_edits=with_edits)])


def check_one_file(path: str, target_shape: Any = None, with_fixes: bool = True, explicit: bool = False,
                   with_edits: bool = True) -> FileReport:
    """Any readable file kind; unreadable input becomes an input-error finding, never an exception.

    ``explicit``: the user named this file (a .json that is not a Keras config is then an error;
    found by a directory scan, it is skipped).
    """
    return guarded(path, _check_one_file, path, target_shape, with_fixes, explicit, with_edits)


def _check_one_file(path: str, target_shape: Any, with_fixes: bool, explicit: bool, with_edits: bool) -> FileReport:
    if path.lower().endswith((".json", ".keras")):
        from .frontends.config import check_config_file  # its own limits: archives hold large weights

        report: FileReport = check_config_file(path, target_shape, with_fixes, explicit=explicit)
        return report
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return file_problem(path, INPUT_ERROR, f"file is too large ({size} bytes)")
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return file_problem(path, INPUT_ERROR, f"cannot read: {exc.strerror or exc}")
    if path.lower().endswith(".ipynb"):  # JSON: UTF-8 always
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return file_problem(path, INPUT_ERROR, "cannot read: not UTF-8 text")
        return _check_notebook(text, path, target_shape, with_fixes)
    try:
        text, _ = decode_source(raw)
    except ValueError as exc:
        return file_problem(path, INPUT_ERROR, f"cannot read: {exc}")
    return _check_python(text, path, target_shape, with_fixes, with_edits)


def _parse_error_at(text: str, exc: SyntaxError) -> tuple[str, int, int]:
    """A SyntaxError's message, line and column (its offset counts characters from 1; a finding's column is in
    UTF-8 bytes from 0)."""
    line = exc.lineno or 1
    source = _line_of(text, line)
    col = max((exc.offset or 1) - 1, 0)
    return f"cannot parse: {exc.msg}", line, _byte_col(source, col) if source is not None else col


def _add_written_script(report: FileReport, name: str, script: str, path: str, target_shape: Any,
                        with_fixes: bool) -> None:
    """A script a %%writefile cell writes, checked as the module it is (its lines where its cells are)."""
    written = _check_python(script, path, target_shape, with_fixes, with_edits=False)
    if written.error and written.diagnostics and written.diagnostics[0].kind is PARSE_ERROR:
        # not a finding (a template, Python 2): what it costs is the models in it, each said to be unchecked
        add_skipped_models(report, [SkippedModel(line, f"model not checked: {name}, which its cell writes, does "
                                                       "not parse") for line in _constructor_lines_left_out(
                                                           script, "\n" * script.count("\n"))])
    else:
        report.models += written.models
        report.diagnostics += written.diagnostics
        report.skipped_models += written.skipped_models
        report.internal_errors += written.internal_errors
        report.suppressed += written.suppressed
        report.dependencies.update(written.dependencies)
    report.diagnostics.sort(key=lambda d: (d.line, d.col))


def _check_notebook(raw: str, path: str, target_shape: Any, with_fixes: bool) -> FileReport:
    """Code cells as one source; findings say their cell. Fixes are listed, not applied (no edits).

    A cell that does not parse is reported and left out, and the other cells are checked: the kernel runs each
    cell on its own, so the others still run (a notebook of illustrative snippets, one with a typo)."""
    from .frontends.notebook import notebook_source

    try:
        notebook = notebook_source(raw)
    except ValueError as exc:
        return file_problem(path, PARSE_ERROR, f"cannot read the notebook: {exc}")
    report = _check_python(notebook.text, path, target_shape, with_fixes, with_edits=False)
    if report.error and report.diagnostics and report.diagnostics[0].kind is PARSE_ERROR:
        readable, broken = notebook.without_unparsable_cells()
        if broken:
            rest = _check_python(readable.text, path, target_shape, with_fixes, with_edits=False)
            if not rest.error:
                for cell_error in broken:
                    message, line, col = _parse_error_at(notebook.text, cell_error)
                    rest.diagnostics.append(Diagnostic(kind=PARSE_ERROR, message=f"{message} (this cell is not "
                                                       "checked)", severity="error", line=line, col=col,
                                                       end_line=line, end_col=col, path=path))
                unread = [SkippedModel(line, "model not checked: its cell does not parse")
                          for line in _constructor_lines_left_out(notebook.text, readable.text)]
                add_skipped_models(rest, unread)
                rest.diagnostics.sort(key=lambda d: (d.line, d.col))
                report, notebook = rest, readable
    for name, script in notebook.scripts:
        _add_written_script(report, name, script, path, target_shape, with_fixes)
    report.text = None  # the concatenated cells are not the file: nothing may be rewritten from them
    report.notebook = notebook

    def cells(text: str) -> str:  # "at line 10" of the concatenated cells -> "at cell 3, line 2"
        return re.sub(r"\bline (\d+)", lambda m: notebook.where(int(m.group(1))), text)

    for diagnostic in report.diagnostics:
        diagnostic.message = cells(diagnostic.message)
        diagnostic.explanation = [f"in {notebook.where(diagnostic.line)}"] + [cells(e) for e in diagnostic.explanation]
        for fix in diagnostic.fixes:
            fix.title, fix.why = cells(fix.title), cells(fix.why)
    return report
