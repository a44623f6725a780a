"""Record the config fixtures and what real Keras says about them.

Run manually with the venv that has Keras 3 (torch backend, CPU)::

    cd /work/main && KERAS_BACKEND=torch /work/venv/bin/python tests/frontends/record_configs.py

For every model source in ``frontend_models.SOURCES`` it builds the model in Keras, writes
``fixtures/<name>.json`` (``model.to_json(indent=1)``) and records, per layer name, the
output shape of every call Keras made (nested models are entered; their layers are
recorded under their own names).  For every hand edit in ``frontend_models.BROKEN`` it writes the
edited config and records the exception ``keras.models.model_from_json`` raises on it.
Two Keras 2 (tf.keras) configs, written by hand in that format, are loaded with Keras 3's
legacy loader (``keras.src.legacy.saving.saving_utils.model_from_config``) and recorded the
same way.  Everything goes to ``fixtures/expected.json``; the fast tests read only files.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

KERAS2 = {
    "keras2_sequential": {
        "class_name": "Sequential", "keras_version": "2.13.1", "backend": "tensorflow",
        "config": {"name": "sequential", "layers": [
            {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 100, 1], "dtype": "float32",
                                                    "sparse": False, "ragged": False, "name": "conv1d_input"}},
            {"class_name": "Conv1D", "config": {
                "name": "conv1d", "trainable": True, "batch_input_shape": [None, 100, 1], "dtype": "float32",
                "filters": 16, "kernel_size": [3], "strides": [1], "padding": "valid",
                "data_format": "channels_last", "dilation_rate": [1], "groups": 1, "activation": "relu",
                "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
                "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
                "bias_constraint": None}},
            {"class_name": "MaxPooling1D", "config": {"name": "max_pooling1d", "trainable": True, "dtype": "float32",
                                                      "strides": [2], "pool_size": [2], "padding": "valid",
                                                      "data_format": "channels_last"}},
            {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32",
                                                 "data_format": "channels_last"}},
            {"class_name": "Dense", "config": {"name": "dense", "trainable": True, "dtype": "float32", "units": 1,
                                               "activation": "sigmoid", "use_bias": True}},
        ]}},
    "keras2_functional": {
        "class_name": "Functional", "keras_version": "2.13.1", "backend": "tensorflow",
        "config": {"name": "model", "layers": [
            {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [],
             "config": {"batch_input_shape": [None, 20, 3], "dtype": "float32", "sparse": False, "ragged": False,
                        "name": "input_1"}},
            {"class_name": "Dense", "name": "shared", "inbound_nodes": [[["input_1", 0, 0, {}]],
                                                                       [["conv1d", 0, 0, {}]]],
             "config": {"name": "shared", "trainable": True, "dtype": "float32", "units": 4,
                        "activation": "linear", "use_bias": True}},
            {"class_name": "Conv1D", "name": "conv1d", "inbound_nodes": [[["input_1", 0, 0, {}]]],
             "config": {"name": "conv1d", "trainable": True, "dtype": "float32", "filters": 3, "kernel_size": [3],
                        "strides": [1], "padding": "same", "data_format": "channels_last", "dilation_rate": [1],
                        "groups": 1, "activation": "linear", "use_bias": True}},
            {"class_name": "Concatenate", "name": "concatenate",
             "inbound_nodes": [[["shared", 0, 0, {}], ["shared", 1, 0, {}]]],
             "config": {"name": "concatenate", "trainable": True, "dtype": "float32", "axis": -1}},
            {"class_name": "LSTM", "name": "lstm", "inbound_nodes": [[["concatenate", 0, 0, {}]]],
             "config": {"name": "lstm", "trainable": True, "dtype": "float32", "return_sequences": False,
                        "return_state": False, "go_backwards": False, "stateful": False, "unroll": False,
                        "units": 5}},
        ], "input_layers": [["input_1", 0, 0]], "output_layers": [["lstm", 0, 0]]}},
}


def _shape(shape) -> list:
    return [None if d is None else int(d) for d in shape]


def layer_shapes(model) -> dict[str, list]:
    """Layer name -> the output shape(s) of each of its calls, entering nested models."""
    import keras

    out: dict[str, list] = {}
    operations = getattr(model, "operations", None) or model.layers
    for op in operations:
        if isinstance(op, keras.Model):
            for name, shapes in layer_shapes(op).items():
                out.setdefault(name, []).extend(shapes)
            continue
        for node in op._inbound_nodes:
            outputs = [_shape(t.shape) for t in node.output_tensors]
            out.setdefault(op.name, []).append(outputs[0] if len(outputs) == 1 else outputs)
    return out


def _clean(message: str) -> str:
    message = re.sub(r"\x1b\[[0-9;]*m", "", message)
    return " ".join(message.split())[:400]


def main() -> int:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    warnings.filterwarnings("ignore")
    import keras
    from keras.src.legacy.saving import saving_utils

    sys.path.insert(0, str(HERE))
    from frontend_models import BROKEN, SOURCES, edit

    FIXTURES.mkdir(exist_ok=True)
    expected: dict = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "fixtures": {}}
    configs = {}
    for name, source in SOURCES.items():
        keras.utils.clear_session()
        namespace: dict = {}
        exec(compile(source, f"<{name}>", "exec"), namespace)  # our own model sources
        model = namespace["model"]
        text = model.to_json(indent=1)
        configs[name] = json.loads(text)
        (FIXTURES / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        expected["fixtures"][name] = {"keras_error": None, "layers": layer_shapes(model)}
    for name, (base, description) in BROKEN.items():
        edited = edit(name, configs[base])
        (FIXTURES / f"{name}.json").write_text(json.dumps(edited, indent=1) + "\n", encoding="utf-8")
        keras.utils.clear_session()
        try:
            keras.models.model_from_json(json.dumps(edited))
            error = None
        except Exception as exc:  # what Keras says when loading the broken config
            error = {"type": type(exc).__name__, "message": _clean(str(exc))}
        expected["fixtures"][name] = {"keras_error": error, "edit": description, "base": base}
    for name, config in KERAS2.items():
        (FIXTURES / f"{name}.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        keras.utils.clear_session()
        model = saving_utils.model_from_config(copy.deepcopy(config))  # the loader edits its argument
        expected["fixtures"][name] = {"keras_error": None, "layers": layer_shapes(model),
                                      "loaded_with": "keras.src.legacy.saving.saving_utils.model_from_config"}
    (FIXTURES / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    for name, entry in expected["fixtures"].items():
        print(name, entry["keras_error"] or "ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
