"""``shapedoctor lsp``: the checker as a language server (LSP over stdio, pygls 2).

Diagnostics on open, change (debounced) and save of Python files, notebook cells and ``.ipynb`` files; hover
with a layer's input -> output shape, parameters and, for a broken layer, the why, and on a name that holds a
tensor its shape and the layer that produced it (``variables.py``); inlay hints with the output
shape after each layer line; the ranked fixes as quick fixes and every safe fix at once as
``source.fixAll.shapedoctor``.  Settings (initializationOptions, workspace/didChangeConfiguration or pulled
from the ``shapedoctor`` section): ``select``, ``ignore``, ``inlayHints``, ``debounce`` (ms), ``targetShape``;
then the project's own configuration (``[tool.shapedoctor]``, per-file-ignores too) for each file.

All shapes, findings and fixes are the engine's (``documents.analyse``); nothing the user wrote is executed.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..diagnostics import Diagnostic, Edit
from .documents import (Analysis, LayerAt, SourceView, analyse, docs_url, fix_all_safe, is_actionable,
                        parse_selection, split_lines)
from .variables import Holding, Produced

FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.shapedoctor"
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}
_LINE_REF = re.compile(r"\bline (\d+)\b")  # "Dense at line 9 maps ...": the explanation points at that line
MAX_HINT_SHAPES = 3
MAX_HOVER_LAYERS = 4
logger = logging.getLogger(__name__)


def _project_settings():
    from ..settings import Resolver

    return Resolver()


@dataclass
class Settings:
    select: set[str] | None = None  # kind names
    ignore: set[str] | None = None
    inlay_hints: bool = True
    debounce: float = 0.3  # seconds between the last keystroke and the check
    target_shape: tuple | None = None
    project: Any = field(default_factory=lambda: _project_settings())  # settings.Resolver, per directory

    def update(self, raw) -> list[str]:
        """Take the keys present in ``raw`` (flat, or under a ``shapedoctor`` key); one line per bad value."""
        if isinstance(raw, dict) and isinstance(raw.get("shapedoctor"), dict):
            raw = raw["shapedoctor"]
        if not isinstance(raw, dict):
            return []
        problems = []
        for key in ("select", "ignore"):
            if key in raw:
                names, unknown = parse_selection(raw[key])
                setattr(self, key, names)
                problems += [f"{key}: {u!r} names no finding kind (see `shapedoctor explain --list`)" for u in unknown]
        if "inlayHints" in raw:
            value = raw["inlayHints"]
            self.inlay_hints = bool(value.get("enabled", True) if isinstance(value, dict) else value)
        if "debounce" in raw:
            value = raw["debounce"]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10_000:
                self.debounce = value / 1000
            else:
                problems.append(f"debounce: {value!r} is not a number of milliseconds from 0 to 10000")
        if "targetShape" in raw:
            problems += self._set_target_shape(raw["targetShape"])
        return problems

    def _set_target_shape(self, value) -> list[str]:
        if value in (None, ""):
            self.target_shape = None
            return []
        from ..cli import UsageError, parse_shape

        try:
            self.target_shape = parse_shape(str(value) if not isinstance(value, list) else ",".join(map(str, value)))
        except UsageError as exc:
            return [f"targetShape: {exc}"]
        return []

    def shows(self, diagnostic: Diagnostic) -> bool:
        """The client's select/ignore, then the project's configuration (``[tool.shapedoctor]`` of the file's
        pyproject.toml, its per-file-ignores included), as `shapedoctor check` applies it to that file."""
        name = diagnostic.kind.name
        if not ((self.select is None or name in self.select) and (self.ignore is None or name not in self.ignore)):
            return False
        path = diagnostic.path
        if not path or not os.path.isabs(path):
            return True
        from ..settings import SettingsError

        try:
            return name in self.project.for_path(path).kinds_for(path)
        except (SettingsError, OSError):  # a broken config file: the client's settings alone
            return True


class ShapedoctorServer(LanguageServer):
    def __init__(self):
        notebooks = lsp.NotebookDocumentSyncOptions(
            notebook_selector=[lsp.NotebookDocumentFilterWithCells(cells=[lsp.NotebookCellLanguage("python")],
                                                                   notebook="*")],
            save=True)
        super().__init__("shapedoctor", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         notebook_document_sync=notebooks)
        self.settings = Settings()
        self.analyses: dict[str, Analysis] = {}  # owner uri (a file or a notebook) -> its last check
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.published: dict[str, set[str]] = {}  # owner uri -> the documents it published diagnostics to

    # ------------------------------------------------------------------------------------------- documents
    def owner(self, uri: str) -> str:
        """The document a check covers: a cell's notebook, else the document itself."""
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        return notebook.uri if notebook is not None else uri

    def _open_document(self, uri: str):
        return self.workspace.text_documents.get(unquote(uri))

    def view(self, owner: str) -> SourceView | None:
        """The source of ``owner`` as the client has it now; None for a document that is not Python."""
        notebook = self.workspace.get_notebook_document(notebook_uri=owner)
        if notebook is not None:
            cells = []
            for cell in notebook.cells:
                document = self._open_document(cell.document)
                if cell.kind == lsp.NotebookCellKind.Code and document is not None \
                        and document.language_id in (None, "python"):
                    cells.append((cell.document, document.source))
            return SourceView.notebook_cells(cells, to_fs_path(owner) or owner)
        document = self._open_document(owner)
        if document is None:
            return None
        path = to_fs_path(owner) or owner
        if path.lower().endswith(".ipynb"):
            return SourceView.notebook_file(owner, document.source, path)
        if document.language_id == "python" or path.lower().endswith((".py", ".pyi")):
            return SourceView.python(owner, document.source, path)
        return None

    def analysis(self, owner: str) -> Analysis | None:
        """The check of ``owner``'s current text: cached while the text and the target shape stay the same."""
        view = self.view(owner)
        if view is None:
            return None
        cached = self.analyses.get(owner)
        if cached is not None and cached.view.text == view.text and cached.target_shape == self.settings.target_shape:
            cached.view = view  # the same text; the cells may have moved
            return cached
        analysis = analyse(view, self.settings.target_shape)
        self.analyses[owner] = analysis
        return analysis

    def schedule(self, owner: str, delay: float) -> None:
        timer = self.timers.pop(owner, None)
        if timer is not None:
            timer.cancel()
        if delay <= 0:
            self.refresh(owner)
        else:
            self.timers[owner] = asyncio.get_running_loop().call_later(delay, self.refresh, owner)

    def refresh(self, owner: str) -> None:
        """Check ``owner`` and publish its diagnostics: every document it covers gets a list, empty when clean."""
        self.timers.pop(owner, None)
        try:
            analysis = self.analysis(owner)
            if analysis is None:
                return
            by_uri: dict[str, list[lsp.Diagnostic]] = {uri: [] for uri in analysis.view.documents}
            for diagnostic in analysis.findings:
                if self.settings.shows(diagnostic):
                    uri, item = self.to_lsp(analysis, diagnostic)
                    by_uri.setdefault(uri, []).append(item)
            for uri in self.published.get(owner, set()) - set(by_uri):
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))
            for uri, items in by_uri.items():
                document = self._open_document(uri)
                self.text_document_publish_diagnostics(
                    lsp.PublishDiagnosticsParams(uri, items, document.version if document is not None else None))
            self.published[owner] = set(by_uri)
        except Exception as exc:  # a server that stops publishing is worse than one finding missed
            self.log(lsp.MessageType.Error, f"shapedoctor could not check {owner}: {type(exc).__name__}: {exc}")

    def forget(self, owner: str) -> None:
        timer = self.timers.pop(owner, None)
        if timer is not None:
            timer.cancel()
        self.analyses.pop(owner, None)
        for uri in self.published.pop(owner, set()):
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))

    def log(self, kind: lsp.MessageType, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(kind, message))

    # ------------------------------------------------------------------------------------------- positions
    def client_position(self, view: SourceView, uri: str, line: int, index: int) -> lsp.Position:
        text = view.line_text(uri, line)
        return lsp.Position(line, self.workspace.position_codec.client_num_units(text[:index]))

    def client_range(self, view: SourceView, uri: str, start: tuple[int, int], end: tuple[int, int]) -> lsp.Range:
        return lsp.Range(self.client_position(view, uri, *start), self.client_position(view, uri, *end))

    def engine_position(self, view: SourceView, uri: str, position: lsp.Position) -> tuple[int, int] | None:
        """A client position -> the engine's (line, byte column)."""
        text = view.line_text(uri, position.line)
        codec, units, index = self.workspace.position_codec, 0, len(text)
        for i, char in enumerate(text):
            if units >= position.character:
                index = i
                break
            units += codec.client_num_units(char)
        return view.engine_position(uri, position.line, index)

    # ----------------------------------------------------------------------------------------- diagnostics
    def to_lsp(self, analysis: Analysis, diagnostic: Diagnostic) -> tuple[str, lsp.Diagnostic]:
        view = analysis.view
        uri, start, end = view.span(diagnostic.line, diagnostic.col, diagnostic.end_line, diagnostic.end_col)
        where = self.client_range(view, uri, start, end)
        related = []
        for line in diagnostic.explanation:
            ref = _LINE_REF.search(line)
            place = view.place(int(ref.group(1))) if ref and not view.anchored else None
            if place is not None:
                text = view.line_text(place.uri, place.line)
                indent = len(text) - len(text.lstrip())
                location = lsp.Location(place.uri, self.client_range(view, place.uri, (place.line, indent),
                                                                     (place.line, len(text.rstrip()))))
            else:
                location = lsp.Location(uri, where)
            related.append(lsp.DiagnosticRelatedInformation(location, line))
        message = diagnostic.message
        if related and not get_capability(self.client_capabilities,
                                          "text_document.publish_diagnostics.related_information", False):
            message = "\n".join([message, *diagnostic.explanation])  # a client that would drop them
        return uri, lsp.Diagnostic(
            range=where, message=message, severity=SEVERITY.get(diagnostic.severity), code=diagnostic.code,
            code_description=lsp.CodeDescription(docs_url(diagnostic.kind)), source="shapedoctor",
            related_information=related or None, data={"kind": diagnostic.kind.name})

    def findings_in(self, analysis: Analysis, uri: str, lines: range) -> list[Diagnostic]:
        out = []
        for diagnostic in analysis.findings:
            if not (self.settings.shows(diagnostic) and is_actionable(diagnostic)):
                continue
            where, start, end = analysis.view.span(diagnostic.line, diagnostic.col, diagnostic.end_line,
                                                   diagnostic.end_col)
            if where == uri and start[0] <= lines.stop - 1 and end[0] >= lines.start:
                out.append(diagnostic)
        return out

    # --------------------------------------------------------------------------------------------- editing
    def workspace_edit(self, view: SourceView, edits: list[Edit]) -> lsp.WorkspaceEdit | None:
        """The engine's edits as a WorkspaceEdit; None when one of them cannot be placed in the documents."""
        changes: dict[str, list[lsp.TextEdit]] = {}
        for edit in edits:
            placed = view.edit_span(edit)
            if placed is None:
                return None
            uri, start, end = placed
            changes.setdefault(uri, []).append(lsp.TextEdit(self.client_range(view, uri, start, end), edit.text))
        return self._edit(changes)

    def _edit(self, changes: dict[str, list[lsp.TextEdit]]) -> lsp.WorkspaceEdit:
        if not get_capability(self.client_capabilities, "workspace.workspace_edit.document_changes", False):
            return lsp.WorkspaceEdit(changes=changes)
        documents = []
        for uri, edits in changes.items():  # versioned: a client applies them only to the text they were made for
            document = self._open_document(uri)
            version = document.version if document is not None else None
            documents.append(lsp.TextDocumentEdit(lsp.OptionalVersionedTextDocumentIdentifier(uri, version), edits))
        return lsp.WorkspaceEdit(document_changes=documents)

    def whole_text_edit(self, view: SourceView, uri: str, before: str, after: str) -> lsp.WorkspaceEdit:
        """One edit replacing just the part of ``before`` that differs from ``after``."""
        prefix = 0
        limit = min(len(before), len(after))
        while prefix < limit and before[prefix] == after[prefix]:
            prefix += 1
        if prefix and before[prefix - 1] == "\r":  # never split a \r\n
            prefix -= 1
        suffix = 0
        while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
            suffix += 1

        def position(offset: int) -> tuple[int, int]:
            lines = split_lines(before[:offset])
            return len(lines) - 1, len(lines[-1])

        edit = lsp.TextEdit(self.client_range(view, uri, position(prefix), position(len(before) - suffix)),
                            after[prefix:len(after) - suffix])
        return self._edit({uri: [edit]})


# ------------------------------------------------------------------------------------------------- features
def hover_text(layers: list[LayerAt], settings: Settings) -> str:
    blocks = []
    for layer in layers[:MAX_HOVER_LAYERS]:
        lines = [f"**{_md(layer.label)}** `{_code(layer.name)}` in model `{_code(layer.model)}`", ""]
        inputs = ", ".join(f"`{s}`" for s in layer.inputs)
        if layer.output is not None:
            shapes = f"{inputs} → `{layer.output}`" if inputs else f"output `{layer.output}`"
            lines.append(shapes + (f" · {layer.params:,} parameters" if layer.params is not None else ""))
        elif layer.status == "error":
            lines.append(f"{inputs} → no output: this layer does not build" if inputs
                         else "this layer does not build")
        elif layer.status == "skipped":
            lines.append("not checked: checking stopped at an error before this layer")
        else:
            lines.append(f"{inputs} → output unknown (the shapes after this layer are not checked)")
        for finding in layer.findings:
            if not settings.shows(finding):
                continue
            lines += ["", f"**{finding.code} {finding.kind.name}** ({finding.severity}): {_md(finding.message)}"]
            lines += [f"- {_md(line)}" for line in finding.explanation]
            if finding.fixes:
                lines += ["", "Fixes:"] + [f"{i}. {_md(fix.title)}" + (f" ({_md(fix.why)})" if fix.why else "")
                                           for i, fix in enumerate(finding.fixes, 1)]
        blocks.append("\n".join(lines))
    if len(layers) > MAX_HOVER_LAYERS:
        blocks.append(f"... and {len(layers) - MAX_HOVER_LAYERS} more calls of this line")
    return "\n\n---\n\n".join(blocks)


def variable_hover(ls: ShapedoctorServer, analysis: Analysis, uri: str, where: tuple[int, int]) -> lsp.Hover | None:
    """The hover of a name that holds a tensor; None for any other place (the layer hover takes it)."""
    try:
        holding = analysis.variables().at(*where)
    except Exception as exc:  # a nicety: never let it cost the layer hover
        ls.log(lsp.MessageType.Error, f"shapedoctor: no variable hover: {type(exc).__name__}: {exc}")
        from .variables import Variables

        analysis._variables = Variables(None, None)  # not again for this text: no names
        return None
    if holding is None:
        return None
    view = analysis.view

    def line(number: int) -> str:
        place = view.place(number)
        if place is None:
            return f"line {number}"
        return f"line {place.line + 1}" + ("" if place.uri == uri else " of another cell")

    span = holding.span
    name_uri, start, end = view.span(span.line, span.col, span.end_line, span.end_col)
    where_range = ls.client_range(view, name_uri, start, end) if name_uri == uri else None
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, variable_text(holding, line)), where_range)


def variable_text(holding: Holding, line) -> str:
    """``x`` and the tensor it holds: its shape and the call that produced it, at which line; every candidate when
    the name may hold several (a branch, a loop, a parameter), and the assignments that were not traced."""
    groups: dict[tuple, list[Produced]] = {}
    for produced in holding.produced:  # one call site (a loop, a helper called twice): one entry, its shapes
        groups.setdefault((produced.kind, produced.label, produced.line, produced.output), []).append(produced)
    entries = [(_shapes(items), _origin(items, line)) for items in groups.values()]
    entries += [("not traced", f"assigned at {line(number)}") for number in holding.untraced]
    title = f"**`{_code(holding.name)}`**"
    if holding.parameter:
        title += f" (parameter of `{_code(holding.parameter)}()`)"
    if len(entries) == 1:
        shapes, origin = entries[0]
        return f"{title} · {shapes}\n\n{origin}"
    intro = "one of, depending on the call:" if holding.parameter \
        else "one of, depending on the branch taken, the loop iteration or the call:"
    return "\n".join([f"{title} · {intro}", ""] + [f"- {shapes} · {origin}" for shapes, origin in entries])


def _shapes(items: list[Produced]) -> str:
    shown = []
    for produced in items:
        if produced.shape is not None:
            text = f"`{produced.shape}`"
        elif produced.status == "error":
            text = "no shape: this call does not build" + (f" ({_md(produced.why)})" if produced.why else "")
        elif produced.status == "skipped":
            text = "not checked: checking stopped at an error before it"
        else:
            text = "shape unknown"
        if text not in shown:
            shown.append(text)
    if len(shown) > 1:
        return " or ".join(shown) + " (this line runs more than once)"
    return shown[0]


def _origin(items: list[Produced], line) -> str:
    first = items[0]
    at = line(first.line)
    names = {p.layer for p in items}
    named = f" `{_code(first.layer)}`" if len(names) == 1 else ""
    if first.kind == "input":
        return f"model input (**{_md(first.label)}**{named}), {at}"
    if first.kind == "operation":
        which = f"result {first.output + 1} of {first.outputs}" if first.output is not None else "result"
        return f"{which} of `{_code(first.label)}`, {at}"
    if first.kind == "opaque":  # its label says why it was not followed
        return f"not followed: {_md(first.label)}, {at}"
    if first.output is not None:
        return f"output {first.output + 1} of {first.outputs} of **{_md(first.label)}**{named}, {at}"
    if first.outputs > 1:
        return f"the {first.outputs} outputs of **{_md(first.label)}**{named}, {at}"
    return f"output of **{_md(first.label)}**{named}, {at}"


def _md(text: str) -> str:
    """User text in Markdown: no markup of its own (a layer named `*x*` stays that); the engine's `code` spans
    stay code."""
    parts = re.split(r"(`[^`\n]+`)", str(text))
    return "".join(part if i % 2 else re.sub(r"([\\*_\[\]<|])", r"\\\1", part) for i, part in enumerate(parts))


def _code(text: str) -> str:
    return str(text).replace("`", "'")


def build_server() -> ShapedoctorServer:
    server = ShapedoctorServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: ShapedoctorServer, params: lsp.InitializeParams):
        for problem in ls.settings.update(params.initialization_options):
            ls.log(lsp.MessageType.Warning, f"shapedoctor: {problem}")

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: ShapedoctorServer, params: lsp.InitializedParams):
        await pull_settings(ls)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: ShapedoctorServer, params: lsp.DidChangeConfigurationParams):
        settings = params.settings
        if isinstance(settings, dict) and settings:
            apply_settings(ls, settings)
        else:  # an empty notification means "ask me" (the pull model)
            await pull_settings(ls)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ShapedoctorServer, params: lsp.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ShapedoctorServer, params: lsp.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.settings.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: ShapedoctorServer, params: lsp.DidSaveTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ShapedoctorServer, params: lsp.DidCloseTextDocumentParams):
        ls.forget(params.text_document.uri)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_open(ls: ShapedoctorServer, params: lsp.DidOpenNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, 0)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_change(ls: ShapedoctorServer, params: lsp.DidChangeNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, ls.settings.debounce)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_SAVE)
    def notebook_save(ls: ShapedoctorServer, params: lsp.DidSaveNotebookDocumentParams):
        ls.schedule(params.notebook_document.uri, 0)

    @server.feature(lsp.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_close(ls: ShapedoctorServer, params: lsp.DidCloseNotebookDocumentParams):
        ls.forget(params.notebook_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: ShapedoctorServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        analysis = ls.analysis(ls.owner(uri))
        if analysis is None or analysis.view.anchored:
            return None
        where = ls.engine_position(analysis.view, uri, params.position)
        if where is None:
            return None
        found = variable_hover(ls, analysis, uri, where)
        if found is not None:
            return found
        layers = analysis.layers_at(*where)
        if not layers:
            return None
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, hover_text(layers, ls.settings)))

    @server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT, lsp.InlayHintOptions(resolve_provider=False))
    def inlay_hints(ls: ShapedoctorServer, params: lsp.InlayHintParams) -> list[lsp.InlayHint]:
        uri = params.text_document.uri
        analysis = ls.analysis(ls.owner(uri)) if ls.settings.inlay_hints else None
        if analysis is None or analysis.view.anchored:
            return []
        view, hints = analysis.view, []
        for line, shapes in sorted(analysis.line_outputs().items()):
            place = view.place(line)
            if place is None or place.uri != uri or not params.range.start.line <= place.line <= params.range.end.line:
                continue
            shown = shapes[:MAX_HINT_SHAPES] + (["…"] if len(shapes) > MAX_HINT_SHAPES else [])
            end = len(view.line_text(uri, place.line).rstrip())
            hints.append(lsp.InlayHint(ls.client_position(view, uri, place.line, end), "→ " + " | ".join(shown),
                                       kind=lsp.InlayHintKind.Type, padding_left=True))
        return hints

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_actions(ls: ShapedoctorServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        analysis = ls.analysis(ls.owner(uri))
        if analysis is None or analysis.view.anchored:
            return []
        only = params.context.only

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

        actions = []
        if wanted(lsp.CodeActionKind.QuickFix):
            actions += quick_fixes(ls, analysis, uri, range(params.range.start.line, params.range.end.line + 1))
        if wanted(FIX_ALL):
            action = fix_all_action(ls, analysis, uri)
            if action is not None:
                actions.append(action)
        return actions

    return server


def quick_fixes(ls: ShapedoctorServer, analysis: Analysis, uri: str, lines: range) -> list[lsp.CodeAction]:
    findings = [d for d in ls.findings_in(analysis, uri, lines) if d.fixes]
    if not findings:
        return []
    analysis.ensure_edits()  # verified edits for this text, once (cached with the analysis)
    disabled_ok = get_capability(ls.client_capabilities, "text_document.code_action.disabled_support", False)
    actions = []
    for diagnostic in findings:
        _, item = ls.to_lsp(analysis, diagnostic)
        preferred_given = False
        for fix in diagnostic.fixes:
            title = f"{fix.title} ({diagnostic.code})"
            edit = ls.workspace_edit(analysis.view, fix.edits) if fix.edits else None
            if edit is None:
                if disabled_ok:
                    actions.append(lsp.CodeAction(title, lsp.CodeActionKind.QuickFix, diagnostics=[item],
                                                  disabled=lsp.CodeActionDisabled(
                                                      "shapedoctor cannot write this fix here: apply it by hand")))
                continue
            preferred = fix.applicability == "safe" and not preferred_given
            preferred_given |= preferred
            actions.append(lsp.CodeAction(title, lsp.CodeActionKind.QuickFix, diagnostics=[item],
                                          is_preferred=preferred or None, edit=edit))
    return actions


def fix_all_action(ls: ShapedoctorServer, analysis: Analysis, uri: str) -> lsp.CodeAction | None:
    """Every safe fix of the file's shown findings, as one edit.  Python files only: in a notebook a fix that
    adds lines would have to be split across cells."""
    view = analysis.view
    if len(view.documents) != 1 or view.place(1) is None or view.place(1).uri != uri:
        return None
    if not any(ls.settings.shows(d) and is_actionable(d) and any(f.applicability == "safe" for f in d.fixes)
               for d in analysis.findings):
        return None
    cache_key = (ls.settings.select, ls.settings.ignore)
    if analysis.fix_all is None or analysis.fix_all[0] != cache_key:
        fixed, applied = fix_all_safe(view.text, view.path, analysis.target_shape, ls.settings.shows)
        analysis.fix_all = (cache_key, fixed, applied)
    _, fixed, applied = analysis.fix_all
    if not applied or fixed == view.text:
        return None
    title = f"shapedoctor: fix all safe fixes in file ({len(applied)})"
    return lsp.CodeAction(title, FIX_ALL, edit=ls.whole_text_edit(view, uri, view.text, fixed))


def apply_settings(ls: ShapedoctorServer, raw) -> None:
    before = (ls.settings.select, ls.settings.ignore, ls.settings.inlay_hints, ls.settings.target_shape)
    for problem in ls.settings.update(raw):
        ls.log(lsp.MessageType.Warning, f"shapedoctor: {problem}")
    after = (ls.settings.select, ls.settings.ignore, ls.settings.inlay_hints, ls.settings.target_shape)
    if before == after:
        return
    for owner in list(ls.published):
        ls.refresh(owner)
    if get_capability(ls.client_capabilities, "workspace.inlay_hint.refresh_support", False):
        ls.workspace_inlay_hint_refresh(None)


async def pull_settings(ls: ShapedoctorServer) -> None:
    if not get_capability(ls.client_capabilities, "workspace.configuration", False):
        return
    try:
        result = await ls.workspace_configuration_async(
            lsp.ConfigurationParams([lsp.ConfigurationItem(section="shapedoctor")]))
    except Exception as exc:  # a client that cannot answer: keep the settings we have
        ls.log(lsp.MessageType.Info, f"shapedoctor: no workspace configuration ({type(exc).__name__})")
        return
    if result and isinstance(result[0], dict) and result[0]:
        apply_settings(ls, result[0])


def run(args) -> int:
    build_server().start_io()
    return 0
