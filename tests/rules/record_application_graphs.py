"""Record the layer graphs of the ``keras.applications`` backbones: write the package's
``src/shapedoctor/data/application_graphs/<App>.json.gz`` (one file per backbone: a file that reaches
into one VGG16 decodes only that one).

Run manually, with the venv that has Keras 3 (torch backend, CPU); about a minute::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/rules/record_application_graphs.py

User code reaches inside a backbone: ``vgg.get_layer("block4_conv1").output``, ``base.layers[1].input``,
``{layer.name: layer.output for layer in vgg.layers}``.  The source front-end then replays the backbone's
own graph, layer by layer, on the backbone's input (every layer through its ordinary shape rule), so
every internal shape is computed, not stored.  What is stored is Keras' own ``model.get_config()`` of

* ``base``: ``include_top=False`` on ``input_shape=(None, None, 3)`` (every architecture argument at
  its default), and
* ``top``: the layers ``include_top=True`` adds after the base (for VGG ``flatten``, ``fc1``, ``fc2``,
  ``predictions``), with their inbound nodes,

stripped of initializers, regularizers, constraints and dtypes (not shape-relevant).  ``correct_pad``
(MobileNetV2/V3, EfficientNet, NASNet) freezes some ``ZeroPadding2D`` paddings from the parity of the
size they are built on: those layers are found by building the base on an odd size as well, and are
listed under ``correct_pad`` with their kernel size, so the replay recomputes them as Keras does.

Models are built under ``keras.device("meta")`` with no weights (nothing is downloaded).
"""

from __future__ import annotations

import gzip
import json
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
OUT = HERE.parent.parent / "src" / "shapedoctor" / "data" / "application_graphs"  # one <App>.json.gz each

_NOT_SHAPE = {"dtype", "trainable", "seed", "lora_rank", "lora_alpha", "quantization_config"}
_NOT_SHAPE_SUFFIXES = ("_initializer", "_regularizer", "_constraint")


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()
                if k not in _NOT_SHAPE and not k.endswith(_NOT_SHAPE_SUFFIXES)}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _build(keras, app: str, **kwargs):
    from record_applications import _nasnet_mobile_on_torch

    with warnings.catch_warnings(), _nasnet_mobile_on_torch(app), keras.device("meta"):
        warnings.simplefilter("ignore")
        return getattr(keras.applications, app)(weights=None, **kwargs)


_CORRECT_PAD_FAMILIES = ("MobileNetV2", "MobileNetV3", "EfficientNetB", "NASNet")


def record_app(keras, app: str) -> dict:
    from shapedoctor.rules.applications import APPS, default_input_shape

    free = (None, None, 3)
    fixed_only = app.startswith("NASNet")  # NASNet needs a static size even without its top
    size = default_input_shape(app, {"include_top": True, "weights": None})[1]
    base_shape = (size, size, 3) if fixed_only else free
    base = _strip(_build(keras, app, include_top=False, input_shape=base_shape).get_config())
    top = _strip(_build(keras, app, include_top=True).get_config())
    base_names = {layer["name"] for layer in base["layers"]}
    entry = {"base": base, "top": [layer for layer in top["layers"] if layer["name"] not in base_names],
             "top_output": top["output_layers"], "correct_pad": {}}
    # correct_pad layers are named `stem_conv_pad`, `block_1_pad`, `..._depthwise_pad`, `..._dwconv_pad`,
    # `separable_conv_1_pad_*`, `reduction_pad_1_*` (keras/src/applications); their padding is
    # ((k//2 - adjust, k//2), ...) for the parity of the size they are built on.
    if app.startswith(_CORRECT_PAD_FAMILIES):
        for layer in base["layers"]:
            name = layer["name"]
            if layer["class_name"] == "ZeroPadding2D" and (name.endswith("pad") or "_pad_" in name) \
                    and not name.startswith("zero_padding2d"):
                (top_pad, bottom_pad), _ = layer["config"]["padding"]
                entry["correct_pad"][name] = bottom_pad * 2 + 1
    assert app in APPS
    return entry


def main() -> None:
    import keras

    from shapedoctor.rules.applications import APPS

    OUT.mkdir(exist_ok=True)
    recorded_with = {"keras": keras.__version__, "backend": keras.backend.backend()}
    for app in sorted(APPS):
        entry = dict(record_app(keras, app), recorded_with=recorded_with)
        (OUT / f"{app}.json.gz").write_bytes(
            gzip.compress(json.dumps(entry, separators=(",", ":"), sort_keys=True).encode(), mtime=0))
        print(app, len(entry["base"]["layers"]), "layers,", len(entry["correct_pad"]), "correct_pad", flush=True)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
