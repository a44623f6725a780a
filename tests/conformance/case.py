"""The conformance case: an Input plus a list of layer specs (a chain or a small DAG).

A case is plain data (JSON-serialisable through :func:`case_to_json`), so a minimized
disagreement can be stored as a permanent fixture and rebuilt exactly.  Node 0 is the
Input; node ``i`` (``i >= 1``) is ``layers[i - 1]``; ``Layer.inputs`` are node indices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Family of each layer type, for the agreement tables.
FAMILIES = {
    "core": ("Dense", "Activation", "Dropout", "Embedding", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D"),
    "reshaping": ("Flatten", "Reshape", "Permute", "RepeatVector", "UpSampling1D", "UpSampling2D", "UpSampling3D",
                  "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D"),
    "conv": ("Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
             "SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D"),
    "pooling": ("MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
                "AveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
                "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D"),
    "recurrent": ("LSTM", "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"),
    "wrappers": ("Bidirectional", "TimeDistributed"),
    "merging": ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"),
    "normalization": ("BatchNormalization", "LayerNormalization", "GroupNormalization"),
    # single-layer cases (generator.single_layers, issue 10)
    "activations": ("ReLU", "LeakyReLU", "ELU", "Softmax", "PReLU", "Identity", "Masking", "Rescaling",
                    "ActivityRegularization"),
    "noise": ("GaussianNoise", "GaussianDropout", "AlphaDropout"),
    "normalization_more": ("UnitNormalization", "RMSNormalization", "SpectralNormalization"),
    "adaptive_pooling": tuple(f"Adaptive{op}Pooling{r}D" for op in ("Average", "Max") for r in (1, 2, 3)),
    "attention": ("MultiHeadAttention", "GroupQueryAttention", "Attention", "AdditiveAttention"),
    "einsum": ("EinsumDense",),
    "embedding": ("ReversibleEmbedding",),
    "image_preprocessing": (
        "Resizing", "CenterCrop", "RandomCrop", "AugMix", "AutoContrast", "CutMix", "Equalization", "MixUp",
        "RandAugment", "RandomBrightness", "RandomColorDegeneration", "RandomColorJitter", "RandomContrast",
        "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur", "RandomGrayscale", "RandomHue",
        "RandomInvert", "RandomPerspective", "RandomPosterization", "RandomRotation", "RandomSaturation",
        "RandomSharpness", "RandomShear", "RandomTranslation", "RandomZoom", "Solarization", "MaxNumBoundingBoxes",
        "ContrastLimitedAdaptiveHistogramEqualization"),
    "preprocessing": ("Normalization", "CategoryEncoding", "Discretization", "Hashing", "IntegerLookup",
                      "MelSpectrogram", "STFTSpectrogram"),
    "cells": ("RNN", "StackedRNNCells", "LSTMCell", "GRUCell", "SimpleRNNCell", "ConvLSTM3D"),
    "pipeline": ("Pipeline",),
}
FAMILY_OF = {t: fam for fam, types in FAMILIES.items() for t in types}
MERGES = set(FAMILIES["merging"])


@dataclass(frozen=True)
class Layer:
    type: str
    args: tuple = ()  # ((name, value), ...) in keyword order; a value may be a nested Layer
    npos: int = 0  # how many leading args are written positionally
    inputs: tuple = ()  # node indices (0 = the Input)
    call: tuple = ()  # ((name, value), ...): call arguments, ``layer(x, reverse=True)``

    @property
    def kwargs(self) -> dict:
        return dict(self.args)

    @property
    def family(self) -> str:
        return FAMILY_OF.get(self.type, "other")


@dataclass(frozen=True)
class Case:
    input_shape: tuple  # per-sample shape (no batch axis), ints or None
    layers: tuple  # tuple[Layer, ...]
    batch_size: int | None = None
    style: str = "sequential"  # sequential | add | functional
    spelling: str = "layers"  # layers | names | dotted
    intent: str = "valid"  # what the generator aimed for (a kind name or "valid")
    input_kwarg: bool = False  # Keras 2 style: input_shape= on the first layer instead of keras.Input
    lists: bool = False  # sequence arguments written as lists ([3, 3]) instead of tuples
    dtype: str | None = None  # of the Input ("int32" for lookups and embeddings); None: float32

    @property
    def is_chain(self) -> bool:
        return all(layer.inputs == (i,) for i, layer in enumerate(self.layers))

    def families(self) -> set:
        out = set()
        for layer in self.layers:
            out.add(layer.family)
            for _, v in layer.args:
                for inner in (v if isinstance(v, tuple) else (v,)):
                    if isinstance(inner, Layer):
                        out.add(inner.family)
        return out


def _value_to_json(v):
    if isinstance(v, Layer):
        return {"layer": layer_to_json(v)}
    if isinstance(v, float) and v != v:
        return {"float": "nan"}
    if isinstance(v, tuple):
        return {"tuple": [_value_to_json(x) for x in v]}
    return v


def _value_from_json(v):
    if isinstance(v, dict):
        if "layer" in v:
            return layer_from_json(v["layer"])
        if "float" in v:
            return float(v["float"])
        return tuple(_value_from_json(x) for x in v["tuple"])
    return v


def layer_to_json(layer: Layer) -> dict:
    out = {"type": layer.type, "args": [[k, _value_to_json(v)] for k, v in layer.args], "npos": layer.npos,
           "inputs": list(layer.inputs)}
    if layer.call:
        out["call"] = [[k, _value_to_json(v)] for k, v in layer.call]
    return out


def layer_from_json(d: dict) -> Layer:
    return Layer(d["type"], tuple((k, _value_from_json(v)) for k, v in d["args"]), d["npos"], tuple(d["inputs"]),
                 tuple((k, _value_from_json(v)) for k, v in d.get("call", ())))


def case_to_json(case: Case) -> dict:
    return {"input_shape": list(case.input_shape), "batch_size": case.batch_size, "style": case.style,
            "spelling": case.spelling, "intent": case.intent, "input_kwarg": case.input_kwarg, "lists": case.lists,
            "layers": [layer_to_json(x) for x in case.layers], **({"dtype": case.dtype} if case.dtype else {})}


def case_from_json(d: dict) -> Case:
    return Case(tuple(d["input_shape"]), tuple(layer_from_json(x) for x in d["layers"]), d.get("batch_size"),
                d.get("style", "sequential"), d.get("spelling", "layers"), d.get("intent", "valid"),
                d.get("input_kwarg", False), d.get("lists", False), d.get("dtype"))


def as_lists(value):
    """Tuples (at any depth) as lists: how a ``lists`` case writes its arguments."""
    if isinstance(value, tuple):
        return [as_lists(v) for v in value]
    return value


@dataclass
class Verdict:
    """What one side says about a case."""

    error_index: int | None  # node index of the first failing layer, None if it builds
    kind: str | None  # finding kind (ours) or mapped Keras exception kind
    shapes: list = field(default_factory=list)  # output shape per node, up to the failing one (excluded)
    message: str = ""
    warnings: list = field(default_factory=list)
    warn_index: int | None = None  # first node with a warning (shapedoctor only): its shape is not given
    runtime_index: int | None = None  # Keras (forward oracle): first node failing on a real batch after building
    runtime_message: str = ""
