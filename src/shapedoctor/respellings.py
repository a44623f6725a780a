"""A model's own API called the way an older Keras spelled it: ``model.compile(opt, loss, ["accuracy"])`` (Keras 2's
third positional parameter was ``metrics``, Keras 3's is ``loss_weights``: taken without a word, and training fails
on its first batch with ``ValueError: Invalid dtype: str256``), ``Model(input=x, output=y)`` (Keras 1's keywords:
``ValueError: Unrecognized keyword arguments passed to Model``).  The front-end records each such call on the model's
graph (``ModelGraph.respellings``); this module makes its finding, and the fix that spells it Keras 3's way (safe:
the model itself is unchanged)."""

from __future__ import annotations

from .diagnostics import Diagnostic, Fix, GraphPatch
from .infer import Inference
from .kinds import INVALID_ARGUMENT


def respelling_findings(inference: Inference, with_fixes: bool) -> list[Diagnostic]:
    graph = inference.graph
    if not graph.nodes:
        return []
    node = graph.outputs[0][0] if graph.outputs else len(graph.nodes) - 1  # no layer is to change: the model's
    found = []
    for respelling in graph.respellings:
        line, col, end_line, end_col = respelling.span
        diagnostic = Diagnostic(kind=INVALID_ARGUMENT, message=respelling.message, severity="error", line=line,
                                col=col, end_line=end_line, end_col=end_col, model=graph.name,
                                layer=respelling.called, node=node)
        diagnostic.explanation = [respelling.explanation]
        if with_fixes:
            patch = GraphPatch("respell", node, "", (("insertions", respelling.insertions),
                                                     ("written", respelling.written)))
            diagnostic.fixes = [Fix(respelling.fix_title, [patch], why="Keras 3's spelling; the model is unchanged",
                                    applicability="safe", rank=1)]
        found.append(diagnostic)
    return found
