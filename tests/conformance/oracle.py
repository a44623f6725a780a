"""The oracle: Keras 3 (torch backend, CPU) builds the case in-process.

``keras_verdict(case)`` creates ``keras.Input`` and calls each layer on the symbolic
tensors of its inputs, in node order (no compile, no data): the first layer whose
constructor or call raises is the failing node.  An exception from the constructor is
``invalid-argument`` (shapedoctor's kind for "Keras raises when the layer is created");
an exception from the call is mapped to a finding kind by :func:`compare.keras_kind`.  Building a Sequential model does exactly these calls
(``Sequential.build`` calls each layer on the previous output), so one oracle serves
every rendering style; ``exec_verdict`` runs the rendered source itself to check that
the rendering is faithful.  With ``forward=True`` a case Keras builds is also run once on a small random
batch (batch 2; only when every input axis is known), layer by layer: a model that builds but fails on its first batch is
an error a user will hit, reported as ``runtime_index`` (shapedoctor should warn there).
"""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "torch")

from .case import Case, Layer, Verdict, as_lists
from .compare import keras_kind
from .render import POSITIONAL_INPUTS

_keras = None


def keras():
    global _keras
    if _keras is None:
        import keras as k

        if k.backend.backend() != "torch":
            raise RuntimeError(f"the conformance oracle needs KERAS_BACKEND=torch, not {k.backend.backend()}")
        _keras = k
    return _keras


def _argument(value, lists: bool):
    if isinstance(value, Layer):
        return instantiate(value, lists)
    if isinstance(value, tuple) and value and all(isinstance(v, Layer) for v in value):
        return [instantiate(v, lists) for v in value]
    return as_lists(value) if lists else value


def instantiate(layer: Layer, lists: bool = False):
    k = keras()
    kwargs = {name: _argument(value, lists) for name, value in layer.args}
    return getattr(k.layers, layer.type)(**kwargs)


def call_layer(obj, layer: Layer, ins: list, **extra):
    """``obj(x)``, ``obj([a, b])`` or ``obj(q, v)`` with the layer's call arguments (see render.call_source)."""
    kwargs = {**extra, **dict(layer.call)}
    if len(ins) > 1 and layer.type in POSITIONAL_INPUTS:
        return obj(*ins, **kwargs)
    return obj(ins if len(ins) > 1 else ins[0], **kwargs)


def _batch(case: Case, np):
    """A small random batch for the Input: batch 2 (or the case's batch size)."""
    shape = (case.batch_size or 2, *[4 if d is None else d for d in case.input_shape])
    rng = np.random.default_rng(0)
    if case.dtype and "int" in case.dtype:
        return rng.integers(0, 3, size=shape).astype(case.dtype)
    return rng.uniform(0.0, 1.0, size=shape).astype("float32")


def _flat(t) -> list:
    if isinstance(t, (list, tuple)):
        return [x for item in t for x in _flat(item)]
    return [t]


def _shape(t):
    if isinstance(t, (list, tuple)):  # several outputs; nested ones (an RNN's per-cell states) flattened
        return [tuple(x.shape) for x in _flat(t)]
    return tuple(t.shape)


def keras_verdict(case: Case, forward: bool = False) -> Verdict:
    """Build the case symbolically; with ``forward``, a case that builds is also run on one small random batch,
    layer by layer in node order, and the first layer that fails is the verdict's ``runtime_index``."""
    k = keras()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inp = k.Input(shape=case.input_shape, batch_size=case.batch_size, dtype=case.dtype)
        tensors = [inp]
        shapes = [_shape(inp)]
        objects = []
        for i, layer in enumerate(case.layers, start=1):
            try:
                obj = instantiate(layer, case.lists)
            except Exception as exc:  # noqa: BLE001 - the constructor rejects an argument
                return Verdict(i, "invalid-argument", shapes, f"{type(exc).__name__} in __init__: {exc}")
            try:
                out = call_layer(obj, layer, [tensors[j] for j in layer.inputs])
            except Exception as exc:  # noqa: BLE001 - any exception is a verdict
                return Verdict(i, keras_kind(exc, layer), shapes, f"{type(exc).__name__}: {exc}")
            objects.append(obj)
            tensors.append(out)
            shapes.append(_shape(out))
        verdict = Verdict(None, None, shapes)
        if forward:
            verdict.runtime_index, verdict.runtime_message = _run_forward(case, objects)
    return verdict


def _run_forward(case: Case, objects: list) -> tuple[int | None, str]:
    """The first layer failing on a real batch; not run when an input axis is unknown (None): whether a layer
    fails then depends on a size nobody wrote down, which no static checker can predict (as record_keras.py)."""
    import numpy as np

    if any(d is None for d in case.input_shape):
        return None, "skipped: the input has unknown axes"

    values = [_batch(case, np)]
    for i, (layer, obj) in enumerate(zip(case.layers, objects), start=1):
        # training=True where the layer takes it, as when a Model is called (and fit) without a training
        # argument: what record_keras.py's `runtime` sees too (RandomCrop, dropout and augmentation layers act)
        kwargs = {"training": True} if getattr(obj, "_call_has_training_arg", False) else {}
        try:
            values.append(call_layer(obj, layer, [values[j] for j in layer.inputs], **kwargs))
        except Exception as exc:  # noqa: BLE001 - the first layer that fails on real data
            if "adapt(" in str(exc):  # Discretization(num_bins=4) before adapt(): the workflow, not a bug
                return None, f"skipped: layer {i} needs adapt() before it runs"
            return i, f"{type(exc).__name__}: {str(exc)[:400]}"
    return None, ""


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
