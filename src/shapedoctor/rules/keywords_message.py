"""What shapedoctor says about keyword arguments a Keras layer does not take (rules/keywords.py has the table).

Keras 3 raises ``ValueError: Unrecognized keyword arguments passed to Conv2D: {'border_mode': 'same'}`` when the
layer is made (a TypeError, "unexpected keyword argument", for the few classes without ``**kwargs``, such as
SpatialDropout1D).  Most such keywords are Keras 1 and 2 names; the message gives the Keras 3 spelling when there is
one.
"""

from __future__ import annotations

import re

from ..shapes import format_shape
from .keywords import ACCEPTED, BACKEND_NAMES, INPUT_FUNCTION

_INPUT_FUNCTION = frozenset(INPUT_FUNCTION)
_BACKEND_NAMES = frozenset(BACKEND_NAMES)

# Keras 1/2 keyword -> what Keras 3 takes instead
KERAS_3_SPELLING = {
    "border_mode": "padding", "init": "kernel_initializer", "W_regularizer": "kernel_regularizer",
    "b_regularizer": "bias_regularizer", "W_constraint": "kernel_constraint", "b_constraint": "bias_constraint",
    "output_dim": "units", "nb_filter": "filters", "subsample": "strides", "subsample_length": "strides",
    "filter_length": "kernel_size", "dim_ordering": "data_format", "bias": "use_bias", "p": "rate",
    "dropout_W": "dropout", "dropout_U": "recurrent_dropout", "inner_activation": "recurrent_activation",
    "inner_init": "recurrent_initializer", "pool_length": "pool_size", "atrous_rate": "dilation_rate",
    "input_shape": "shape",  # keras.Input's (a layer's own input_shape= Keras 3 still takes)
}


def accepted_keywords(written: str, layer_type: str) -> frozenset[str] | None:
    """The keywords a call written ``written(...)`` (of canonical type ``layer_type``) takes; None when it takes any.
    ``keras.Input`` is a function that takes only its own parameters; the InputLayer class ignores others."""
    if written == "Input":
        return _INPUT_FUNCTION
    if layer_type == "InputLayer":
        return None
    return ACCEPTED.get(written) or ACCEPTED.get(layer_type)


def unrecognized_message(label: str, keywords: dict) -> str:
    written = ", ".join(f"{name}={_shown(value)}" for name, value in keywords.items())
    renames = [f"{name}= is {KERAS_3_SPELLING[name]}=" for name in keywords if name in KERAS_3_SPELLING]
    if "batch_input_shape" in keywords:
        renames.append("batch_input_shape= is keras.Input(batch_shape=...) before the layer")
    if "batch_size" in keywords:
        renames.append("batch_size= goes on keras.Input(batch_size=...)")
    advice = f" ({'; '.join(renames)} in Keras 3)" if renames else ""
    it = "this keyword" if len(keywords) == 1 else "these keywords"
    return f"{label}({written}): Keras 3's {label} does not take {it}{advice}"


def is_unrecognized_message(message: str) -> bool:
    return _UNRECOGNIZED.match(message) is not None


_UNRECOGNIZED = re.compile(r".*\): Keras 3's .+ does not take (this keyword|these keywords)", re.DOTALL)


def _shown(value) -> str:
    if isinstance(value, tuple) and all(v is None or isinstance(v, int) for v in value):
        return format_shape(value)
    return repr(value) if isinstance(value, (str, int, float, bool, type(None))) else "..."


def removed_merge_message(mode: str, written: str) -> str:
    """Keras 1's ``merge(tensors, mode=...)``, which Keras 3 no longer has; ``written``: Keras 3's call for it."""
    return (f"merge(..., mode={mode!r}) is Keras 1's: Keras 3 has no keras.layers.merge (the import fails); write "
            f"{written} and import {written.split('(')[0]} instead")


def removed_backend_message(written: str, name: str, op: str | None) -> str:
    """Keras 2's ``keras.backend.<name>`` (``K.sum``), which Keras 3's keras.backend no longer has; ``op``: the
    ``ops.<fn>`` it is checked as (None: none)."""
    return (f"{written} is Keras 2's keras.backend.{name}: Keras 3's keras.backend has no {name} (AttributeError)"
            + (f"; write keras.{op}" if op else ""))


def removed_from_backend(name: str) -> bool:
    """Whether ``keras.backend.<name>`` is gone in Keras 3 (recorded: rules/keywords.py BACKEND_NAMES)."""
    return name not in _BACKEND_NAMES


def is_removed_function_message(message: str) -> bool:
    return _REMOVED.match(message) is not None


_REMOVED = re.compile(r"merge\(\.\.\., mode=.*\) is Keras 1's: Keras 3 has no keras\.layers\.merge|"
                      r".* is Keras 2's keras\.backend\.\w+: Keras 3's keras\.backend has no ", re.DOTALL)
