"""``shapedoctor trace``: a per-layer shape table per model, also for broken models."""

from __future__ import annotations

from ..params import count_params
from ..shapes import format_shape
from . import printable

_MARK = {"ok": "", "error": "<-- error", "unknown": "?", "skipped": "not reached"}


def rows(model_report) -> list[tuple[str, str, str, str, str, str]]:
    out = []
    for result in model_report.inference.results:
        node = result.node
        if result.status == "skipped":
            continue  # after the failing layer: not part of the trace
        inputs = ", ".join(format_shape(s) for s in result.input_shapes) if result.input_shapes else ""
        out_shape = format_shape(result.output_shape) if result.outputs else "?"
        single_in = result.input_shapes[0] if result.input_shapes else None
        single_out = result.outputs[0] if result.outputs else None
        params = count_params(node, single_in, single_out)
        layer = printable(f"{node.name} ({node.label})")
        status = _MARK[result.status] if result.problem is None else (
            "<-- error" if result.status == "error" else "<-- warning")
        out.append((layer, str(node.span.line) if node.span else "", inputs, out_shape,
                    "" if params is None else f"{params:,}", status))
    return out


def render_plain(report, model_filter: str | None = None) -> str:
    lines = []
    headers = ("Layer", "Line", "Input", "Output", "Params", "")
    for file in report.files:
        for model in file.models:
            if model_filter and model.name != model_filter:
                continue
            table = rows(model)
            widths = [max(len(h), *(len(r[i]) for r in table)) if table else len(h) for i, h in enumerate(headers)]
            lines.append(_title(file, model))
            lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
            for row in table:
                lines.append("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
            lines.extend(_problems(model))
            lines.append("")
    return "\n".join(lines)


def _problems(model) -> list[str]:
    out = []
    for d in model.inference.diagnostics:
        if d.severity in ("error", "warning"):
            out.append(f"  {d.severity}: line {d.line}: {printable(d.message)}")
    for gap in model.inference.precision_gaps:
        out.append(f"  not checked: line {gap.line}: {printable(gap.reason)}")
    return out


def _title(file, model) -> str:
    return printable(f"{file.path}: model '{model.name}' ({model.graph.kind}, line {model.graph.line})")


def render_rich(report, console, model_filter: str | None = None) -> None:
    """User text goes in as ``rich.text.Text`` (never parsed as markup: a layer named "[/bold]" is just text)."""
    from rich.table import Table
    from rich.text import Text

    for file in report.files:
        for model in file.models:
            if model_filter and model.name != model_filter:
                continue
            table = Table(title=Text(_title(file, model)), title_justify="left")
            for header in ("Layer", "Line", "Input", "Output", "Params", ""):
                table.add_column(header, justify="right" if header in ("Line", "Params") else "left")
            for row in rows(model):
                style = "bold red" if row[5].startswith("<-- error") else ("yellow" if row[5] else None)
                table.add_row(*(Text(cell) for cell in row), style=style)
            console.print(table)
            for line in _problems(model):
                console.print(Text(line.strip()), style="red" if line.lstrip().startswith("error") else "yellow")
