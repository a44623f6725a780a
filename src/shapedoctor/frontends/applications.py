"""The layer graph inside a ``keras.applications`` backbone, for code that reaches into it.

``vgg.get_layer("block4_conv1").output``, ``base.layers[1].input``, ``[layer.output for layer in
resnet.layers]``: the source front-end replays the backbone's own graph on the backbone's input, each
layer through its ordinary shape rule.  The graphs are Keras' own configs of each application with its
default architecture arguments (recorded by ``tests/rules/record_application_graphs.py`` into
``data/application_graphs/<App>.json.gz``); shapes are computed, never stored.

``correct_pad`` layers (MobileNetV2/V3, EfficientNet, NASNet) take their padding from the parity of the
size they are built on: the replay recomputes it from the shape that reaches them.
"""

from __future__ import annotations

import functools
import gzip
import json
import marshal
from importlib import resources
from typing import Any

from ..graph import ModelGraph
from .config import ConfigProblem, NotAModel, graphs_from_config

# Arguments that change the architecture; the recorded graphs are for their defaults only.
_ARCHITECTURE_DEFAULTS = {"alpha": 1.0, "depth_multiplier": 1, "minimalistic": False, "include_preprocessing": True}
_POOLING_LAYERS = {"avg": ("GlobalAveragePooling2D", "avg_pool"), "max": ("GlobalMaxPooling2D", "max_pool")}


@functools.lru_cache(maxsize=None)
def _recorded_app(type_: str) -> dict | None:
    """One backbone's recording (``data/application_graphs/<App>.json.gz``), decoded on first use."""
    path = resources.files("shapedoctor.data").joinpath("application_graphs").joinpath(f"{type_}.json.gz")
    if not type_.isidentifier() or not path.is_file():
        return None
    return json.loads(gzip.decompress(path.read_bytes()))


def _fresh_copy(value):
    """A copy to edit of a decoded recording (plain JSON: dicts, lists, str, numbers, None -- each copied as the
    same value of the same type) by marshal's C codec: ~4x faster than a JSON round trip, ~40x than copy.deepcopy."""
    return marshal.loads(marshal.dumps(value))


@functools.lru_cache(maxsize=64)
def _graph(type_: str, include_top: bool, pooling: str | None, classes: Any, activation: Any) -> ModelGraph | str:
    entry = _recorded_app(type_)
    if entry is None:
        return f"the layers inside `{type_}` are not known to shapedoctor"
    base = _fresh_copy(entry["base"])
    layers = base["config"]["layers"] if "config" in base else base["layers"]
    config = base["config"] if "config" in base else base
    if include_top:
        top = _fresh_copy(entry["top"])
        for layer in top:
            if layer["name"] == "predictions":
                if isinstance(classes, int) and not isinstance(classes, bool):
                    layer["config"]["units"] = classes
                if isinstance(activation, str):
                    layer["config"]["activation"] = activation
        layers.extend(top)
        config["output_layers"] = entry["top_output"]
    elif pooling in _POOLING_LAYERS:
        class_name, name = _POOLING_LAYERS[pooling]
        last = config["output_layers"]
        last = last[0] if last and isinstance(last[0], list) else last
        layers.append({"class_name": class_name, "name": name, "module": "keras.layers",
                       "config": {"name": name, "data_format": "channels_last", "keepdims": False},
                       "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
                                                     "config": {"keras_history": list(last)}}], "kwargs": {}}]})
        config["output_layers"] = [name, 0, 0]
    try:
        graphs = graphs_from_config({"class_name": "Functional", "config": config}, f"<{type_}>")
    except (ConfigProblem, NotAModel):  # a recording this version cannot read: say so, never guess
        return f"the layers inside `{type_}` could not be read"
    return graphs[0] if graphs else f"the layers inside `{type_}` could not be read"


def application_graph(type_: str, args: dict) -> ModelGraph | str:
    """The backbone's layer graph for these constructor arguments, or why it is not available."""
    for name, default in _ARCHITECTURE_DEFAULTS.items():
        if name in args and args[name] != default:
            return f"the layers inside `{type_}({name}={args[name]!r})` are not known to shapedoctor"
    include_top = args.get("include_top", True)
    pooling = args.get("pooling")
    if not isinstance(include_top, bool) or not (pooling is None or isinstance(pooling, str)):
        return f"`{type_}`: include_top/pooling could not be determined statically"
    return _graph(type_, include_top, pooling, _hashable(args.get("classes", 1000)),
                  _hashable(args.get("classifier_activation", "softmax")))


def correct_pad_kernels(type_: str) -> dict[str, int]:
    entry = _recorded_app(type_)
    return entry["correct_pad"] if entry else {}


def correct_pad(size: tuple, kernel: int) -> tuple:
    """keras/src/applications/imagenet_utils.correct_pad for the (height, width) that reaches the layer."""
    if not size or size[0] is None or not isinstance(size[0], int) or not isinstance(size[1], int):
        adjust = (1, 1)
    else:
        adjust = (1 - size[0] % 2, 1 - size[1] % 2)
    half = kernel // 2
    return ((half - adjust[0], half), (half - adjust[1], half))


def _hashable(value):
    return value if isinstance(value, (int, str, float, bool, type(None))) else repr(value)
