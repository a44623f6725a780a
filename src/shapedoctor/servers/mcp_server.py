"""``shapedoctor mcp``: the checker as Model Context Protocol tools for agents (stdio, the official SDK).

Tools: ``check`` (findings with ranked fixes, the JSON of ``shapedoctor check --format json``), ``trace`` (the
shape of every layer), ``fix`` (the fixed source or a unified diff; writes only with ``write=true``) and
``explain`` (a finding kind's documentation).  Each takes Python source text or a file path.

Nothing the user wrote is ever executed (the checker reads code, it never imports or runs it).  A path must lie
inside one of the allowed roots: the directories given with ``--root``, by default the server's working
directory; symbolic links are followed before the test, so none leads out.
"""

from __future__ import annotations

import os
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

try:  # mcp 2 renamed FastMCP to MCPServer
    from mcp.server.mcpserver import MCPServer as _Server
    from mcp.server.mcpserver.exceptions import ToolError
except ImportError:  # mcp 1.10+
    from mcp.server.fastmcp import FastMCP as _Server
    from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import ToolAnnotations

from ..check import MAX_FILE_BYTES, Report, check_one_file, check_source

INSTRUCTIONS = """shapedoctor finds Keras shape errors statically (it never runs the code): a layer fed a tensor of
the wrong rank, a convolution that runs out of steps, a Reshape whose sizes do not match, and more.
Call `check` with a file path or source text for the findings and their ranked fixes, `trace` for every
layer's input and output shape, `fix` for the fixed source or a diff (it writes the file only with
write=true), and `explain` with a code such as SD101 for what a finding means and how to fix it."""

Source = Annotated[str | None, Field(description="Python source text to check (give this or `path`)")]
Path = Annotated[str | None, Field(description="a file to check: .py, .ipynb, a Keras .json config or .keras "
                                               "archive; relative to the first allowed root")]
TargetShape = Annotated[str | None, Field(description="shape of the training targets, e.g. '(None, 1)': also "
                                                      "checks the model's output against it")]


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
    """The directories whose files the tools may read (and ``fix`` may rewrite)."""

    def __init__(self, directories: list[str]):
        self.directories = [os.path.realpath(d) for d in directories]

    def resolve(self, path: str) -> str:
        """``path`` (relative to the first root) as a real path inside a root; ToolError otherwise."""
        if not path.strip() or "\x00" in path:
            raise ToolError("path: not a file name")
        full = os.path.realpath(os.path.join(self.directories[0], os.path.expanduser(path)))
        if not any(os.path.commonpath([full, root]) == root for root in self.directories):
            raise ToolError(f"path {path!r} is outside the allowed roots ({', '.join(self.directories)}); "
                            f"start the server with --root DIR to allow another directory")
        if os.path.isdir(full):
            raise ToolError(f"path {path!r} is a directory: give one file")
        if not os.path.isfile(full):
            raise ToolError(f"path {path!r}: no such file")
        return full


def _target(text: str | None):
    if text is None or not text.strip():
        return None
    from ..cli import UsageError, parse_shape

    try:
        return parse_shape(text)
    except UsageError as exc:
        raise ToolError(str(exc)) from None


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
    read_only = ToolAnnotations(readOnlyHint=True, openWorldHint=False)

    def report_of(source: str | None, path: str | None, filename: str | None, target) -> Report:
        _one_input(source, path)
        if source is not None:
            return check_source(source, filename or "<source>", target, with_fixes=True, with_edits=True)
        file = check_one_file(roots.resolve(path), target, with_fixes=True, explicit=True, with_edits=True)
        file.path = path  # as the caller named it (as `shapedoctor check` prints the path it was given)
        for diagnostic in file.diagnostics:
            diagnostic.path = path
        return Report([file])

    @server.tool(annotations=read_only)
    def check(source: Source = None, path: Path = None,
              filename: Annotated[str | None, Field(description="the name to report for `source`")] = None,
              target_shape: TargetShape = None,
              select: Annotated[str | None, Field(description="only these kinds, comma-separated (SD101, rank, "
                                                              "SD1, ALL)")] = None,
              ignore: Annotated[str | None, Field(description="leave out these kinds, comma-separated")] = None,
              ) -> CheckResult:
        """Check Keras models for shape errors, statically. Returns every finding (code, kind, severity, line,
        0-based col, message, explanation) with its ranked fixes and their source edits, per model the shape
        of every layer, and a summary (as `shapedoctor check --format json`)."""
        chosen, left_out = _selection(select, ignore)
        report = report_of(source, path, filename, _target(target_shape))
        for file in report.files:
            file.diagnostics = [d for d in file.diagnostics if (chosen is None or d.kind.name in chosen)
                                and (left_out is None or d.kind.name not in left_out)]
        return report.to_json()

    @server.tool(annotations=read_only)
    def trace(source: Source = None, path: Path = None,
              model: Annotated[str | None, Field(description="only the model of this name")] = None,
              target_shape: TargetShape = None) -> TraceResult:
        """The shape of every layer of every model, as `shapedoctor trace` shows it: input and output shapes
        (null for an unknown axis, the batch axis first), trainable parameters, and where checking stopped."""
        from ..params import count_params

        report = report_of(source, path, None, _target(target_shape))
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

    @server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True,
                                             openWorldHint=False))
    def fix(source: Source = None, path: Path = None,
            pick: Annotated[int, Field(ge=1, description="apply the N-th ranked fix of each finding")] = 1,
            output: Annotated[Literal["diff", "source", "both"],
                              Field(description="return a unified diff, the fixed source, or both")] = "diff",
            write: Annotated[bool, Field(description="rewrite the file at `path` (atomically, only if it did "
                                                     "not change meanwhile); false by default: nothing is "
                                                     "written")] = False,
            target_shape: TargetShape = None) -> FixResult:
        """Apply the ranked, verified fixes (as `shapedoctor fix`): per round the chosen fix of the first
        finding that has one, re-checked, until none is left. Returns the diff and/or the fixed source; writes the
        file only with write=true."""
        from ..repair.command import _diff, fix_file, fix_text

        _one_input(source, path)
        target = _target(target_shape)
        if source is not None:
            if write:
                raise ToolError("write=true needs a `path`: source text has no file to write")
            name, outcome = "<source>", fix_text(source, "<source>", pick, target)
        else:
            name, outcome = path, fix_file(roots.resolve(path), pick, target, write=write)
        changed = outcome.changed
        diff = "".join(_diff(name, outcome.original, outcome.fixed)) if changed else ""
        return {
            "path": name, "changed": changed,
            "applied": [{"line": a.line, "col": a.col, "code": a.code, "kind": a.kind, "title": a.title}
                        for a in outcome.applied],
            "remaining": [{"line": d.line, "col": d.col, "code": d.code, "kind": d.kind.name, "message": d.message}
                          for d in outcome.remaining],
            "diff": diff if output in ("diff", "both") else None,
            "fixed_source": (outcome.fixed if outcome.fixed is not None else outcome.original)
            if output in ("source", "both") else None,
            "written": bool(write and changed and outcome.error is None),
            "error": outcome.error,
        }

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


def run(args) -> int:
    import anyio

    directories = args.root or [os.getcwd()]
    for directory in directories:
        if not os.path.isdir(directory):
            from ..cli import UsageError

            raise UsageError(f"--root {directory}: not a directory")
    server = build_server(Roots(directories))
    anyio.run(server.run_stdio_async)
    return 0

