"""Pipeline: a list of layers applied in order (``keras/src/layers/preprocessing/pipeline.py``, Keras 3.15).

``Pipeline(layers)(x)`` calls each layer on the previous one's output, so its output is the last layer's
(an error of any layer is the Pipeline's, reported naming both).  Pipeline has no ``compute_output_shape``:
Keras traces its ``call()`` on placeholder tensors, so a step that would build and only fail when run (a
warning on its own) fails when the Pipeline is built.  An empty list fails when called (the
output variable is never set); a single layer instead of a list fails iterating it.  Its constructor takes
``layers`` and ``name`` only.
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT
from .base import LayerCall, ShapeProblem, Unresolved, rule
from .nested import NestedLayer, run_nested


@rule("Pipeline", params=("layers", "name"))
def pipeline(call: LayerCall, inputs):
    (shape,) = inputs
    extra = sorted(k for k in call.args if k not in ("layers", "name"))
    if extra:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: unexpected argument{'s' * (len(extra) > 1)} "
                                             f"{', '.join(map(repr, extra))} (Pipeline takes `layers` and `name`)")
    layers = call.raw("layers", None)
    if isinstance(layers, NestedLayer):
        raise call.bad("layers", layers.label, "a list of layers")
    if not isinstance(layers, (list, tuple)):
        if layers is None:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs a list of layers")
        raise Unresolved("layers")
    if not layers:
        raise call.bad("layers", [], "a non-empty list of layers (an empty Pipeline fails when called)")
    out = tuple(shape)
    for i, layer in enumerate(layers):
        if not isinstance(layer, NestedLayer):
            raise Unresolved("layers")
        if isinstance(out, list):  # the previous step returned several tensors
            raise Unresolved("layers")
        try:
            out = run_nested(layer, "layers", out)
        except ShapeProblem as exc:
            problem = ShapeProblem(exc.kind, f"{call.label}({layer.label}): {exc.message}", severity=exc.severity,
                                   hint=exc.hint)
            # Pipeline has no compute_output_shape: Keras traces call() on placeholder tensors, so a step that
            # would only fail when run fails when the Pipeline is built
            problem.severity = "error"
            raise problem from exc
    return out
