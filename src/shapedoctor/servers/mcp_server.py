"""``shapedoctor mcp``: the checker as Model Context Protocol tools for agents (stdio, the official SDK).

Tools: ``check`` (findings with ranked fixes, the JSON of ``shapedoctor check --format json``), ``trace`` (the
shape of every layer), ``fix`` (the fixed source or a unified diff; writes only with ``write=true``) and
``explain`` (a finding kind's documentation).  Each takes Python source text or a file path.

Nothing the user wrote is ever executed (the checker reads code, it never imports or runs it).  A path must lie
inside one of the allowed roots (``Roots``): the client's, when it declares the ``roots`` capability (MCP roots:
asked with ``roots/list``, asked again after ``notifications/roots/list_changed``); else the directories given
with ``--root``, by default the server's working directory.  Symbolic links are followed before the test, so
none leads out.
"""

from __future__ import annotations

import functools
import os
import urllib.parse
import urllib.request
import warnings
from typing import Annotated, Any, Literal

import anyio
from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

try:  # mcp 2 renamed FastMCP to MCPServer
    from mcp.server.mcpserver import Context, MCPServer as _Server
    from mcp.server.mcpserver.exceptions import ToolError
except ImportError:  # mcp 1.10+
    from mcp.server.fastmcp import Context, FastMCP as _Server
    from mcp.server.fastmcp.exceptions import ToolError
from mcp import types
from mcp.types import ToolAnnotations

from ..check import MAX_FILE_BYTES, Report, check_one_file, check_source

INSTRUCTIONS = """shapedoctor finds Keras shape errors statically (it never runs the code): a layer fed a tensor of
the wrong rank, a convolution that runs out of steps, a Reshape whose sizes do not match, and more.
Call `check` with a file path or source text for the findings and their ranked fixes, `trace` for every
layer's input and output shape, `fix` for the fixed source or a diff (it writes the file only with
write=true), and `explain` with a code such as SD101 for what a finding means and how to fix it."""

Source = Annotated[str | None, Field(description="Python source text to check (give this or `path`)")]
Path = Annotated[str | None, Field(description="a file to check (.py, .ipynb, a Keras .json config or .keras "
                                               "archive) inside the allowed roots (the client's roots, else the "
                                               "server's --root): a path, relative to the first root, or a "
                                               "file:// URI")]
TargetShape = Annotated[str | None, Field(description="shape of the training targets, e.g. '(None, 1)': also "
                                                      "checks the model's output against it")]
DataShape = Annotated[str | None, Field(description="shape of the input arrays the model is fit on, e.g. "
                                                    "'(None, 640)': also checks the model's Input against it "
                                                    "(SD109 input-data-mismatch)")]


@with_config(ConfigDict(extra="allow"))
class CheckResult(TypedDict):
    """The report of `shapedoctor check --format json` (docs/json-output.md)."""

    version: int
    tool: dict[str, Any]
    files: list[dict[str, Any]]
    summary: dict[str, Any]


class TraceLayer(TypedDict):
    name: str
    type: str
    line: int | None
    col: int | None
    input_shapes: list[Any] | None
    output_shape: Any
    status: Annotated[str, Field(description="ok, error, unknown (shapes after it not checked) or skipped "
                                             "(after an error)")]
    params: int | None


class TraceModel(TypedDict):
    name: str
    kind: str
    line: int
    complete: bool
    layers: list[TraceLayer]
    findings: list[dict[str, Any]]
    gaps: list[dict[str, Any]]


class TraceResult(TypedDict):
    path: str
    error: str | None
    models: list[TraceModel]


class FixApplied(TypedDict):
    line: int
    col: int
    code: str
    kind: str
    title: str


class FixRemaining(TypedDict):
    line: int
    col: int
    code: str
    kind: str
    message: str
    unsafe_fix_withheld: Annotated[str | None, Field(description="the top-ranked fix not applied because it is "
                                                                 "unsafe (pass unsafe_fixes=true or pick)")]


class FixResult(TypedDict):
    path: str
    changed: bool
    applied: list[FixApplied]
    remaining: Annotated[list[FixRemaining], Field(description="error and warning findings the fixes left")]
    diff: Annotated[str | None, Field(description="unified diff of the fixes (output 'diff' or 'both')")]
    fixed_source: Annotated[str | None, Field(description="the whole fixed source (output 'source' or 'both')")]
    written: Annotated[bool, Field(description="true only when write=true and the file was rewritten")]
    error: Annotated[str | None, Field(description="why the source was not fixed, or the file not written")]


class ExplainResult(TypedDict):
    code: str
    name: str
    severity: str
    doc: Annotated[str, Field(description="Markdown: what it finds, why it is bad, an example, the fix")]


class Roots:
    """The directories whose files the tools may read (and ``fix`` may rewrite).

    A client that declares the ``roots`` capability decides them: its ``file://`` roots, asked with
    ``roots/list`` on first use and again after ``notifications/roots/list_changed`` (every time, if it does not
    promise that notification); other schemes are ignored, and an empty list allows no file.  Without client
    roots, the server's own: ``--root`` (repeatable), by default the working directory.  With both, a path must
    be inside a client root and, when ``--root`` was given, inside one of those too: the server's own
    configuration only ever narrows what a client allows.  A relative path is taken from the first root.
    """

    def __init__(self, directories: list[str], explicit: bool = True):
        self.directories = [os.path.realpath(d) for d in directories]
        self.explicit = explicit  # given with --root (else the working directory, a default a client replaces)
        self.client: list[str] | None = None  # the client's roots as directories, when known
        self.stale = True

    def changed(self) -> None:
        """``notifications/roots/list_changed``: ask again before the next path is resolved."""
        self.stale = True

    async def allowed(self, ctx: Context | None) -> list[str] | None:
        """The client's roots (None: it has none to give, the server's own apply); ToolError when it declared
        them but could not list them."""
        session = getattr(ctx, "session", None) if ctx is not None else None
        capability = _client_roots(session)
        if capability is None:
            return None
        promised = getattr(capability, "list_changed", getattr(capability, "listChanged", None))  # mcp 2 / mcp 1
        if self.client is None or self.stale or not promised:
            self.stale = False  # before asking: a change notified while the answer is on its way is asked again
            try:
                with warnings.catch_warnings():  # mcp 2.3: roots are deprecated by the 2026-07-28 spec draft
                    warnings.simplefilter("ignore")
                    result = await session.list_roots()
            except Exception as exc:
                self.stale = True
                raise ToolError(f"the client declares roots but did not list them ({type(exc).__name__}: "
                                f"{exc}); no file can be allowed: give `source` instead") from None
            self.client = [d for d in (_directory(root.uri) for root in result.roots) if d is not None]
        return self.client

    async def resolve(self, path: str, ctx: Context | None = None) -> str:
        """``path`` (a file name, relative to the first root, or a file:// URI) as a real path inside a root;
        ToolError otherwise."""
        client = await self.allowed(ctx)
        return self.check(path, client)

    def check(self, path: str, client: list[str] | None) -> str:
        if not path.strip() or "\x00" in path:
            raise ToolError("path: not a file name")
        if path.startswith("file:"):
            named = _directory(path)
            if named is None:
                raise ToolError(f"path {path!r}: not a local file:// URI")
            path = named
        if client is not None and not client:
            raise ToolError(f"path {path!r}: the client shares no file:// roots with this server, so no file is "
                            f"allowed; give `source` instead")
        base = (client or self.directories)[0]
        full = os.path.realpath(os.path.join(base, os.path.expanduser(path)))
        if client is not None and not _inside(full, client):
            raise ToolError(f"path {path!r} is outside the allowed roots (the client's roots: {', '.join(client)})")
        if (client is None or self.explicit) and not _inside(full, self.directories):
            raise ToolError(f"path {path!r} is outside the allowed roots ({', '.join(self.directories)}); "
                            f"start the server with --root DIR to allow another directory")
        if os.path.isdir(full):
            raise ToolError(f"path {path!r} is a directory: give one file")
        if not os.path.isfile(full):
            raise ToolError(f"path {path!r}: no such file")
        return full


def _inside(path: str, directories: list[str]) -> bool:
    return any(os.path.commonpath([path, root]) == root for root in directories)


def _directory(uri) -> str | None:
    """A ``file://`` URI as a real path; None for another scheme or host."""
    parts = urllib.parse.urlsplit(str(uri))
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return os.path.realpath(urllib.request.url2pathname(parts.path))


def _client_roots(session):
    """The client's ``roots`` capability (None: it declared none)."""
    capabilities = getattr(session, "client_capabilities", None)  # mcp 2
    if capabilities is None:
        params = getattr(session, "client_params", None)  # mcp 1
        capabilities = getattr(params, "capabilities", None)
    return getattr(capabilities, "roots", None)


def _on_roots_changed(server: _Server, callback) -> None:
    """Call ``callback`` on ``notifications/roots/list_changed`` (the SDKs register notifications differently)."""
    lowlevel = getattr(server, "_lowlevel_server", None)
    if lowlevel is not None and hasattr(lowlevel, "add_notification_handler"):  # mcp 2
        async def changed(ctx, params) -> None:
            callback()

        lowlevel.add_notification_handler("notifications/roots/list_changed", types.NotificationParams, changed)
        return
    lowlevel = getattr(server, "_mcp_server", None)  # mcp 1: FastMCP's lowlevel server
    if lowlevel is not None and hasattr(lowlevel, "notification_handlers"):
        async def changed_1(notification) -> None:
            callback()

        lowlevel.notification_handlers[types.RootsListChangedNotification] = changed_1


def _target(text: str | None, data_text: str | None = None):
    """The tools' target_shape and data_shape arguments, as the command line reads them."""
    from ..cli import UsageError, parse_shape

    try:
        target = parse_shape(text) if text is not None and text.strip() else None
        data = parse_shape(data_text, "data_shape") if data_text is not None and data_text.strip() else None
    except UsageError as exc:
        raise ToolError(str(exc).replace("--target-shape", "target_shape")) from None
    if data is None:
        return target
    from ..data_shapes import Expected

    return Expected(target, data)


def _one_input(source: str | None, path: str | None) -> None:
    if (source is None) == (path is None):
        raise ToolError("give exactly one of `source` (Python text) and `path` (a file)")
    if source is not None and len(source) > MAX_FILE_BYTES:
        raise ToolError(f"source is too large ({len(source)} characters; at most {MAX_FILE_BYTES})")


def _selection(select: str | None, ignore: str | None):
    from .documents import parse_selection

    chosen = []
    for name, value in (("select", select), ("ignore", ignore)):
        names, unknown = parse_selection(value)
        if unknown:
            raise ToolError(f"{name}: {', '.join(map(repr, unknown))} names no finding kind (codes such as SD101, "
                            f"names such as rank, prefixes such as SD1, or ALL)")
        chosen.append(names)
    return chosen


def build_server(roots: Roots) -> _Server:
    server = _Server("shapedoctor", instructions=INSTRUCTIONS, log_level="WARNING")
    _on_roots_changed(server, roots.changed)
    read_only = ToolAnnotations(readOnlyHint=True, openWorldHint=False)

    async def report_of(source: str | None, path: str | None, filename: str | None, target, ctx) -> Report:
        _one_input(source, path)
        if source is not None:
            return await _in_thread(check_source, source, filename or "<source>", target, with_fixes=True,
                                    with_edits=True)
        full = await roots.resolve(path, ctx)
        file = await _in_thread(check_one_file, full, target, with_fixes=True, explicit=True, with_edits=True)
        file.path = path  # as the caller named it (as `shapedoctor check` prints the path it was given)
        for diagnostic in file.diagnostics:
            diagnostic.path = path
        return Report([file])

    @server.tool(annotations=read_only)
    @_with_context
    async def check(ctx: Context, source: Source = None, path: Path = None,
                    filename: Annotated[str | None, Field(description="the name to report for `source`")] = None,
                    target_shape: TargetShape = None,
                    data_shape: DataShape = None,
                    select: Annotated[str | None, Field(description="only these kinds, comma-separated (SD101, "
                                                                    "rank, SD1, ALL)")] = None,
                    ignore: Annotated[str | None, Field(description="leave out these kinds, comma-separated")] = None,
                    ) -> CheckResult:
        """Check Keras models for shape errors, statically. Returns every finding (code, kind, severity, line,
        0-based col, message, explanation) with its ranked fixes and their source edits, per model the shape
        of every layer, and a summary (as `shapedoctor check --format json`)."""
        chosen, left_out = _selection(select, ignore)
        report = await report_of(source, path, filename, _target(target_shape, data_shape), ctx)
        for file in report.files:
            file.diagnostics = [d for d in file.diagnostics if (chosen is None or d.kind.name in chosen)
                                and (left_out is None or d.kind.name not in left_out)]
        return report.to_json()

    @server.tool(annotations=read_only)
    @_with_context
    async def trace(ctx: Context, source: Source = None, path: Path = None,
                    model: Annotated[str | None, Field(description="only the model of this name")] = None,
                    target_shape: TargetShape = None, data_shape: DataShape = None) -> TraceResult:
        """The shape of every layer of every model, as `shapedoctor trace` shows it: input and output shapes
        (null for an unknown axis, the batch axis first), trainable parameters, and where checking stopped."""
        report = await report_of(source, path, None, _target(target_shape, data_shape), ctx)
        return await _in_thread(_trace, report, model)

    @server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True,
                                             openWorldHint=False))
    @_with_context
    async def fix(ctx: Context, source: Source = None, path: Path = None,
                  pick: Annotated[int | None, Field(ge=1, description="apply the N-th ranked fix of each finding, "
                                                                  "safe or not; without it: the top-ranked fix "
                                                                  "when it is safe (or unsafe_fixes)")] = None,
                  unsafe_fixes: Annotated[bool, Field(description="also apply top-ranked fixes that change the "
                                                                  "architecture (insert a Reshape, remove a layer, "
                                                                  "change padding or data_format): review them")]
                  = False,
                  output: Annotated[Literal["diff", "source", "both"],
                                    Field(description="return a unified diff, the fixed source, or both")] = "diff",
                  write: Annotated[bool, Field(description="rewrite the file at `path` (atomically, only if it "
                                                           "did not change meanwhile); false by default: nothing "
                                                           "is written")] = False,
                  target_shape: TargetShape = None, data_shape: DataShape = None) -> FixResult:
        """Apply the ranked, verified fixes (as `shapedoctor fix`): per round the chosen fix of the first
        finding that has one, re-checked, until none is left. As the command line: only safe fixes unless
        unsafe_fixes=true or an explicit pick; the unsafe fixes withheld are named in `remaining`. Returns the diff
        and/or the fixed source; writes the file only with write=true."""
        _one_input(source, path)
        target = _target(target_shape, data_shape)
        if source is not None and write:
            raise ToolError("write=true needs a `path`: source text has no file to write")
        full = await roots.resolve(path, ctx) if path is not None else None
        return await _in_thread(_fix, source, path, full, pick, output, write, target, unsafe_fixes)

    @server.tool(annotations=read_only)
    def explain(kind: Annotated[str, Field(description="a finding code (SD101) or kind name (rank)")]
                ) -> ExplainResult:
        """What a finding kind means, why it is a problem, an example and the fix (as `shapedoctor explain`)."""
        from ..kinds import KINDS, kind_by_name_or_code

        found = kind_by_name_or_code(kind)
        if found is None:
            known = ", ".join(f"{k.code} {k.name}" for k in KINDS.values())
            raise ToolError(f"unknown finding kind {kind!r}; the kinds are: {known}")
        return {"code": found.code, "name": found.name, "severity": found.severity, "doc": found.doc}

    return server


def _with_context(tool):
    """``tool``'s ``ctx`` parameter annotated with the Context class itself, not the string this module's
    ``from __future__ import annotations`` leaves there: mcp 1's FastMCP finds the parameter to inject (and to
    leave out of the input schema) by ``issubclass`` on the raw annotation."""
    tool.__annotations__["ctx"] = Context
    return tool


async def _in_thread(function, *args, **kwargs):
    """The checker's work off the event loop (as the SDK runs a synchronous tool), so the session keeps
    answering (a roots/list_changed, a cancellation) meanwhile."""
    return await anyio.to_thread.run_sync(functools.partial(function, *args, **kwargs))


def _trace(report: Report, model: str | None) -> TraceResult:
    from ..params import count_params

    file = report.files[0]
    if model is not None and not any(m.name == model for m in file.models):
        names = ", ".join(sorted(m.name for m in file.models)) or "none"
        raise ToolError(f"no model named {model!r} (models: {names})")
    models = []
    for model_report in file.models:
        if model is not None and model_report.name != model:
            continue
        data = model_report.to_json()
        for layer, result in zip(data["layers"], model_report.inference.results):
            single_in = result.input_shapes[0] if result.input_shapes else None
            single_out = result.outputs[0] if result.outputs else None
            layer["params"] = count_params(result.node, single_in, single_out)
        findings = [d.to_json() for d in model_report.inference.diagnostics]
        for finding in findings:
            finding.pop("fixes", None)  # `check` has them
        models.append({"name": data["name"], "kind": data["kind"], "line": data["line"],
                       "complete": data["complete"], "layers": data["layers"], "findings": findings,
                       "gaps": data["gaps"]})
    return {"path": file.path, "error": file.error, "models": models}


def _fix(source: str | None, path: str | None, full: str | None, pick: int | None, output: str, write: bool,
         target, unsafe: bool = False) -> FixResult:
    from ..repair.command import _diff, fix_file, fix_text

    if source is not None:
        name, outcome = "<source>", fix_text(source, "<source>", pick, target, unsafe=unsafe)
    else:
        name, outcome = path, fix_file(full, pick, target, write=write, unsafe=unsafe)
    withheld = {id(d): fix.title for d, fix in outcome.withheld}
    changed = outcome.changed
    diff = "".join(_diff(name, outcome.original, outcome.fixed)) if changed else ""
    return {
        "path": name, "changed": changed,
        "applied": [{"line": a.line, "col": a.col, "code": a.code, "kind": a.kind, "title": a.title}
                    for a in outcome.applied],
        "remaining": [{"line": d.line, "col": d.col, "code": d.code, "kind": d.kind.name, "message": d.message,
                       "unsafe_fix_withheld": withheld.get(id(d))}
                      for d in outcome.remaining],
        "diff": diff if output in ("diff", "both") else None,
        "fixed_source": (outcome.fixed if outcome.fixed is not None else outcome.original)
        if output in ("source", "both") else None,
        "written": bool(write and changed and outcome.error is None),
        "error": outcome.error,
    }


def run(args) -> int:
    directories = args.root or [os.getcwd()]
    for directory in directories:
        if not os.path.isdir(directory):
            from ..cli import UsageError

            raise UsageError(f"--root {directory}: not a directory")
    server = build_server(Roots(directories, explicit=bool(args.root)))
    anyio.run(server.run_stdio_async)
    return 0

