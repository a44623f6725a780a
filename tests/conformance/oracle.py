"""The oracle: Keras 3 (torch backend, CPU) builds the case in-process.

``keras_verdict(case)`` creates ``keras.Input`` and calls each layer on the symbolic
tensors of its inputs, in node order (no compile, no data): the first layer whose
constructor or call raises is the failing node.  An exception from the constructor is
``invalid-argument`` (shapedoctor's kind for "Keras raises when the layer is created");
an exception from the call is mapped to a finding kind by :func:`compare.keras_kind`.  Building a Sequential model does exactly these calls
(``Sequential.build`` calls each layer on the previous output), so one oracle serves
every rendering style; ``exec_verdict`` runs the rendered source itself to check that
the rendering is faithful.
"""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "torch")

from .case import Case, Layer, Verdict, as_lists
from .compare import keras_kind

_keras = None


def keras():
    global _keras
    if _keras is None:
        import keras as k

        if k.backend.backend() != "torch":
            raise RuntimeError(f"the conformance oracle needs KERAS_BACKEND=torch, not {k.backend.backend()}")
        _keras = k
    return _keras


def instantiate(layer: Layer, lists: bool = False):
    k = keras()
    kwargs = {}
    for name, value in layer.args:
        kwargs[name] = instantiate(value, lists) if isinstance(value, Layer) else (as_lists(value) if lists else value)
    return getattr(k.layers, layer.type)(**kwargs)


def _shape(t):
    if isinstance(t, (list, tuple)):
        return [tuple(x.shape) for x in t]
    return tuple(t.shape)


def keras_verdict(case: Case) -> Verdict:
    k = keras()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inp = k.Input(shape=case.input_shape, batch_size=case.batch_size)
        tensors = [inp]
        shapes = [_shape(inp)]
        for i, layer in enumerate(case.layers, start=1):
            try:
                obj = instantiate(layer, case.lists)
            except Exception as exc:  # noqa: BLE001 - the constructor rejects an argument
                return Verdict(i, "invalid-argument", shapes, f"{type(exc).__name__} in __init__: {exc}")
            try:
                ins = [tensors[j] for j in layer.inputs]
                out = obj(ins if len(ins) > 1 else ins[0])
            except Exception as exc:  # noqa: BLE001 - any exception is a verdict
                return Verdict(i, keras_kind(exc, layer), shapes, f"{type(exc).__name__}: {exc}")
            tensors.append(out)
            shapes.append(_shape(out))
    return Verdict(None, None, shapes)


def exec_verdict(source: str) -> tuple[bool, object]:
    """Run the rendered source: (raised?, final output shape or the exception text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        namespace: dict = {"__name__": "conformance_case"}
        try:
            exec(compile(source, "<conformance case>", "exec"), namespace)  # noqa: S102 - our own generated source
        except Exception as exc:  # noqa: BLE001
            return True, f"{type(exc).__name__}: {exc}"
        model = namespace["model"]
        return False, _shape(model.outputs[0]) if len(model.outputs) == 1 else [_shape(o) for o in model.outputs]
