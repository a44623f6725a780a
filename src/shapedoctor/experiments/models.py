"""Candidate models for `shapedoctor compare`.

Built-in candidates (`--candidates seed`) are the three strategies of the seed article ("How can I use Conv1D
after Dense/Flatten layers"), adapted to an input of length L and C channels, plus the FCN of Wang et al. 2017
as the strong baseline:

  dense-reshape-conv   Flatten -> Dense(64) -> Reshape((8, 8)) -> Conv1D(32, 3) -> Flatten -> head
  flatten-reshape-conv Flatten -> Reshape((L*C/2, 2)) -> Conv1D(32, 3) -> Flatten -> head
  conv-pool-conv       Conv1D(32, 3) -> MaxPooling1D(2) -> Conv1D(64, 3) -> Flatten -> head
  fcn                  [Conv1D(128, 8), Conv1D(256, 5), Conv1D(128, 3)] each + BatchNorm + ReLU -> GAP -> head

The head is Dense(n_classes, softmax) for classification, or Dense(L*C) -> Reshape((L, C)) to reconstruct the
input window (anomaly task).  The FCN's BatchNorm uses momentum 0.9: with 3-4 steps per epoch on a small UCR
training set Keras' default 0.99 leaves the inference statistics near their initial values for ~200 epochs.

User candidates (`--candidates FILE.py`) define `build_model(input_shape, n_classes)` returning an uncompiled or
compiled keras.Model for classification (and optionally `build_autoencoder(input_shape)` for the anomaly task),
or a module-level `model` whose input/output already fit the dataset.  The file is imported only inside the
training worker process, after shapedoctor has checked it statically.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import numpy as np

SEED_NAMES = ("dense-reshape-conv", "flatten-reshape-conv", "conv-pool-conv", "fcn")


class CandidateError(ValueError):
    """A candidate that cannot be built; the message is one line."""


def candidate_id(spec: str) -> str:
    """A stable identity for caching: the name, plus a content hash for user files."""
    if spec in SEED_NAMES:
        return spec
    digest = hashlib.sha256(Path(spec).read_bytes()).hexdigest()[:12]
    return f"{Path(spec).stem}@{digest}"


def display_name(spec: str) -> str:
    return spec if spec in SEED_NAMES else Path(spec).name


def build(spec: str, input_shape: tuple, n_classes: int | None, flat: bool = False):
    """Build candidate `spec` (a seed name or a .py path); n_classes None means a reconstruction head.

    flat: the user's model takes flat feature vectors (its Input is (steps*channels,), see adapt.py); it is
    built for that size and given a Flatten in front (no weights), so that it reads the same (steps, channels)
    series as every other candidate."""
    if spec in SEED_NAMES:
        return _build_seed(spec, tuple(input_shape), n_classes)
    if not flat:
        return _build_user(Path(spec), tuple(input_shape), n_classes)
    import keras

    size = int(np.prod(input_shape))
    inner = _build_user(Path(spec), (size,), n_classes)
    inp = keras.Input(tuple(input_shape))
    return keras.Model(inp, inner(keras.layers.Flatten()(inp)), name=inner.name)


def _head(keras, h, input_shape, n_classes):
    layers = keras.layers
    if n_classes is None:
        steps, channels = input_shape
        return layers.Reshape((steps, channels))(layers.Dense(steps * channels)(h))
    return layers.Dense(n_classes, activation="softmax")(h)


def _build_seed(name, input_shape, n_classes):
    import keras
    from keras import layers

    steps, channels = input_shape
    inp = keras.Input(input_shape)
    if name == "dense-reshape-conv":
        h = layers.Dense(64, activation="relu")(layers.Flatten()(inp))
        h = layers.Conv1D(32, 3, activation="relu")(layers.Reshape((8, 8))(h))
        h = layers.Flatten()(h)
    elif name == "flatten-reshape-conv":
        size = steps * channels
        pair = 2 if size % 2 == 0 else 1
        h = layers.Reshape((size // pair, pair))(layers.Flatten()(inp))
        h = layers.Flatten()(layers.Conv1D(32, 3, activation="relu")(h))
    elif name == "conv-pool-conv":
        pad = "valid" if steps >= 8 else "same"
        h = layers.Conv1D(32, 3, activation="relu", padding=pad)(inp)
        h = layers.MaxPooling1D(2, padding="same")(h)
        h = layers.Flatten()(layers.Conv1D(64, 3, activation="relu", padding=pad)(h))
    else:  # fcn
        h = inp
        for filters, kernel in ((128, 8), (256, 5), (128, 3)):
            h = layers.Conv1D(filters, kernel, padding="same")(h)
            h = layers.Activation("relu")(layers.BatchNormalization(momentum=0.9)(h))
        h = layers.GlobalAveragePooling1D()(h)
    return keras.Model(inp, _head(keras, h, input_shape, n_classes), name=name.replace("-", "_"))


def _build_user(path: Path, input_shape, n_classes):
    import keras

    from ..keras_compat import install_tensorflow_shim

    install_tensorflow_shim(keras)  # user files often say `from tensorflow.keras import ...`
    module_spec = importlib.util.spec_from_file_location(f"_sd_candidate_{path.stem}", path)
    module = importlib.util.module_from_spec(module_spec)
    try:
        module_spec.loader.exec_module(module)
    except Exception as e:
        raise CandidateError(f"{path.name}: importing it failed: {type(e).__name__}: {e}") from None
    if n_classes is None:
        factory = getattr(module, "build_autoencoder", None)
        if factory is None:
            raise CandidateError(f"{path.name}: define build_autoencoder(input_shape) to use it for anomaly detection")
        args = (input_shape,)
    else:
        factory = getattr(module, "build_model", None)
        args = (input_shape, n_classes)
    try:
        model = factory(*args) if factory is not None else getattr(module, "model")
    except AttributeError:
        raise CandidateError(f"{path.name}: define build_model(input_shape, n_classes) "
                             "or a module-level `model`") from None
    except Exception as e:
        raise CandidateError(f"{path.name}: build_model{args} failed: {type(e).__name__}: {e}") from None
    want_in = (None,) + tuple(input_shape)
    got_in = tuple(model.input_shape) if not isinstance(model.input_shape, list) else None
    if got_in is None or len(got_in) != len(want_in) or any(g not in (None, w) for g, w in zip(got_in, want_in)):
        raise CandidateError(f"{path.name}: model input is {model.input_shape} but the data is {want_in}: "
                             "build it from the input_shape argument")
    want_out = want_in if n_classes is None else (None, n_classes)
    if tuple(model.output_shape) != want_out:
        raise CandidateError(f"{path.name}: model output is {model.output_shape} but the task needs {want_out}")
    return model
