"""``model.compile(optimizer, loss, ["accuracy"])``: Keras 2's third positional parameter was ``metrics``, Keras 3's is
``loss_weights`` (then ``metrics``).  Keras 3 takes the list without a word and fails only when training starts
(measured, Keras 3.15: ``ValueError: Invalid dtype: str256``, far from the compile call); the model itself is right.
The front-end records such calls (``ModelGraph.compile_positional``); this module makes the finding and its fix."""

from __future__ import annotations

from .diagnostics import Diagnostic, Fix, GraphPatch
from .infer import Inference
from .kinds import INVALID_ARGUMENT


def check_compile_call(inference: Inference, with_fixes: bool) -> Diagnostic | None:
    graph = inference.graph
    written = graph.compile_positional
    if not written or not graph.nodes:
        return None
    keyword, (line, col, end_line, end_col), text = written[0]
    node = graph.outputs[0][0] if graph.outputs else len(graph.nodes) - 1
    message = (f"compile(): the third positional argument is `loss_weights` in Keras 3 (it was `{keyword}` in "
               f"Keras 2), so {text} is taken as loss weights and training fails (Invalid dtype); pass it as "
               f"{keyword}={text}")
    diagnostic = Diagnostic(kind=INVALID_ARGUMENT, message=message, severity="error", line=line, col=col,
                            end_line=end_line, end_col=end_col, model=graph.name, layer="compile", node=node)
    diagnostic.explanation = [
        "Keras 3's signature is compile(optimizer, loss, loss_weights, metrics, ...); Keras 2's was "
        "compile(optimizer, loss, metrics, loss_weights, ...). The model builds; fit() fails on its first batch."]
    if with_fixes:
        named = ", ".join(f"{k}={t}" for k, _, t in written)
        diagnostic.fixes = [Fix(f"pass {'them' if len(written) > 1 else 'it'} by keyword: {named}",
                                [GraphPatch("compile_keywords", node, "", (("arguments", written),))],
                                why="the arguments Keras 2 meant, named; the model is unchanged",
                                applicability="safe", rank=1)]
    return diagnostic
