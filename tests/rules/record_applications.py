"""Record the Keras oracle for the ``keras.applications`` rules (rules/applications.py): write JSON.

Run manually, with the venv that has Keras 3 (torch backend, CPU); about 20 minutes on 2 cores::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/rules/record_applications.py

Each case constructs one application in real Keras with ``weights=None`` or ``"imagenet"`` and records
``model.output_shape`` -- or, when the case has ``call``, the shape of ``model(keras.Input(batch_shape=call))``
-- or the exception Keras raised (type, message and finding kind).  ``input_tensor`` is written
``{"__tensor__": batch_shape}`` and becomes ``keras.Input(batch_shape=...)``; an ``input_shape`` is passed as a
tuple unless written ``{"__list__": [...]}`` (Keras compares it with a tuple, so a list behaves differently).

How the recording stays honest without the network or hours of CPU:

* Models are built under ``keras.device("meta")``: torch allocates no weights, every layer computes its
  output shape exactly as on the CPU (Keras' symbolic shapes come from the same code on meta tensors).
  Cases with ``runtime`` are built on the CPU instead and run once on zeros: Keras sometimes builds a
  model it cannot run (a 1-channel tensor squeezes through a 3-channel model's InputSpec).
* ``weights="imagenet"`` cannot be downloaded: ``file_utils.get_file`` is replaced by a stub and
  ``load_weights`` by a no-op, so everything Keras checks *before* loading runs unchanged.
* ``NASNetMobile`` refuses the torch backend outright ("not available with the torch backend"); its
  recording bypasses only that guard (``backend.backend()`` answers "tensorflow" inside nasnet.py), so the
  shapes are those every other backend gets.

Writes ``tests/rules/expected_applications.json``; test_applications.py reads it without importing Keras.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from record_keras import classify  # noqa: E402

# ----------------------------------------------------------------------------- cases

RESNETS = ["ResNet50", "ResNet101", "ResNet152", "ResNet50V2", "ResNet101V2", "ResNet152V2"]
EFFICIENTNETS = [f"EfficientNetB{i}" for i in range(8)]
EFFICIENTNETS_V2 = [f"EfficientNetV2{s}" for s in ("B0", "B1", "B2", "B3", "S", "M", "L")]
CONVNEXTS = [f"ConvNeXt{s}" for s in ("Tiny", "Small", "Base", "Large", "XLarge")]
ALL = (RESNETS + ["VGG16", "VGG19", "DenseNet121", "DenseNet169", "DenseNet201", "InceptionV3", "InceptionResNetV2",
                  "Xception", "MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large"]
       + EFFICIENTNETS + EFFICIENTNETS_V2 + ["NASNetMobile", "NASNetLarge"] + CONVNEXTS)
# One model per architecture family gets the full sweep of sizes, calls and errors.
REPRESENTATIVES = ["ResNet50", "ResNet50V2", "VGG16", "DenseNet121", "InceptionV3", "InceptionResNetV2", "Xception",
                   "MobileNet", "MobileNetV2", "MobileNetV3Small", "MobileNetV3Large", "EfficientNetB0",
                   "EfficientNetV2B0", "NASNetMobile", "NASNetLarge", "ConvNeXtTiny"]
SIZES = [32, 71, 75, 150, 224, 299, 331]  # and 97, with every model
DEFAULT_SIZE = {"InceptionV3": 299, "InceptionResNetV2": 299, "Xception": 299, "NASNetLarge": 331,
                **{f"EfficientNetB{i}": s for i, s in enumerate((224, 240, 260, 300, 380, 456, 528, 600))},
                "EfficientNetV2B1": 240, "EfficientNetV2B2": 260, "EfficientNetV2B3": 300, "EfficientNetV2S": 384,
                "EfficientNetV2M": 480, "EfficientNetV2L": 480}


def T(*shape) -> dict:
    """An input_tensor argument: keras.Input(batch_shape=shape)."""
    return {"__tensor__": list(shape)}


def C(app: str, args: dict | None = None, call=None, runtime: bool = False, id: str = "") -> dict:
    args = args or {}
    case = {"id": id or _auto_id(app, args, call), "app": app, "args": args,
            "call": None if call is None else list(call)}
    if runtime:
        case["runtime"] = True
    return case


def _short(v) -> str:
    if isinstance(v, dict) and "__tensor__" in v:
        return "Input" + _dims(v["__tensor__"])
    if isinstance(v, dict) and "__list__" in v:
        return str(v["__list__"]).replace(" ", "").replace("None", "N")
    if isinstance(v, (list, tuple)):
        return _dims(v)
    return repr(v).replace(" ", "")


def _dims(shape) -> str:
    return "(" + ",".join("N" if d is None else str(d) for d in shape) + ")"


def _auto_id(app, args, call) -> str:
    a = ",".join(f"{k}={_short(v)}" for k, v in args.items())
    return f"{app}({a})" + ("" if call is None else "@" + _dims(call))


NOTOP = {"include_top": False, "weights": None}


def cases() -> list[dict]:
    out = []
    for app in ALL:
        size = DEFAULT_SIZE.get(app, 224)
        out += [
            C(app, NOTOP),
            C(app, {**NOTOP, "pooling": "avg"}),
            C(app, {"weights": None, "classes": 10}),
            C(app, {**NOTOP, "input_shape": [97, 97, 3]}),
            C(app, NOTOP, call=(None, 97, 97, 3)),
            C(app, {"include_top": False, "weights": "imagenet", "input_shape": [size, size, 3], "pooling": "max"}),
        ]
    for app in REPRESENTATIVES:
        size = DEFAULT_SIZE.get(app, 224)
        out += [C(app, {**NOTOP, "input_shape": [s, s, 3]}) for s in SIZES]
        out += [
            C(app, {**NOTOP, "input_shape": [150, 97, 1]}),
            C(app, {**NOTOP, "input_shape": [None, 97, 3]}),
            C(app, {**NOTOP, "input_shape": [97, None, 3]}),
            C(app, {**NOTOP, "input_shape": [16, 16, 3]}),
            C(app, {**NOTOP, "input_shape": [74, 74, 3]}),
            C(app, {**NOTOP, "input_shape": [224, 224]}),
            C(app, {**NOTOP, "input_shape": [None, 224, 224, 3]}),
            C(app, {**NOTOP, "input_shape": [64, 64, None]}),
            C(app, {**NOTOP, "pooling": "max"}),
            C(app, {**NOTOP, "pooling": "mean", "input_shape": [128, 128, 3]}),
            C(app, {"include_top": False, "weights": "imagenet", "input_shape": [128, 128, 1]}),
            C(app, {"weights": "imagenet"}),
            C(app, {"weights": "imagenet", "classes": 10}),
            C(app, {"weights": "imagenet", "input_shape": [128, 128, 3]}),
            C(app, {"weights": "imagenet", "input_shape": {"__list__": [size, size, 3]}}),
            C(app, {"weights": "imagenet", "classifier_activation": "sigmoid"}),
            C(app, {"weights": None, "input_shape": [None, None, 3]}),
            C(app, {"weights": None, "input_shape": [128, 128, 3], "classes": 7}),
            C(app, {"weights": None, "input_shape": [128, 128, 3], "classes": 7}, call=(None, 96, 96, 3)),
            C(app, {"weights": None, "input_shape": [128, 128, 3], "classes": 7}, call=(None, None, None, 3)),
            C(app, {"weights": None, "classes": 0}),
            C(app, NOTOP, call=(None, 96, 96, 3)),
            C(app, NOTOP, call=(None, 33, 47, 3)),
            C(app, NOTOP, call=(2, 128, None, 3)),
            C(app, NOTOP, call=(None, 97, 97, 4)),
            C(app, NOTOP, call=(None, 97, 97)),
            C(app, NOTOP, call=(None, 8, 8, 3)),
            C(app, {**NOTOP, "input_shape": [97, 97, 3]}, call=(None, 97, 97, 3)),
            C(app, {**NOTOP, "input_shape": [97, 97, 3]}, call=(None, 96, 96, 3)),
            C(app, {**NOTOP, "input_shape": [97, 97, 3]}, call=(None, None, None, 3)),
            C(app, {**NOTOP, "input_tensor": T(None, 97, 97, 3)}),
            C(app, {**NOTOP, "input_tensor": T(4, 150, 129, 3), "pooling": "avg"}),
            C(app, {**NOTOP, "input_tensor": T(None, 97, 97, 3), "input_shape": [224, 224, 3]}),
            C(app, {**NOTOP, "input_tensor": T(None, 20, 20, 3)}),
            C(app, {"weights": None, "classes": 3, "input_tensor": T(None, 97, 97, 3)}),
        ]
    out += [
        # Keras builds a 3-channel model on a 1-channel tensor (InputSpec squeezes the last axis of 1):
        # run once on zeros, on the CPU.
        C("ResNet50", NOTOP, call=(2, 32, 32, 1), runtime=True),
        C("MobileNetV3Small", NOTOP, call=(2, 32, 32, 1), runtime=True),
        C("MobileNetV3Small", {**NOTOP, "input_shape": [32, 32, 1]}, call=(2, 32, 32, 3), runtime=True),
        C("MobileNetV3Small", NOTOP, call=(2, 32, 32, 3), runtime=True),
        # Arguments only some families take.
        C("MobileNet", {**NOTOP, "alpha": 0.5}),
        C("MobileNet", {**NOTOP, "alpha": 0.5, "depth_multiplier": 2, "input_shape": [97, 97, 3]}),
        C("MobileNet", {"include_top": False, "weights": "imagenet", "alpha": 0.3}),
        C("MobileNet", {"include_top": False, "weights": "imagenet", "depth_multiplier": 2}),
        C("MobileNet", {"weights": "imagenet", "input_shape": [160, 160, 3]}),
        C("MobileNet", {"weights": "imagenet", "input_shape": [150, 150, 3]}),
        C("MobileNetV2", {**NOTOP, "alpha": 1.4, "pooling": "avg"}),
        C("MobileNetV2", {**NOTOP, "alpha": 0.35}),
        C("MobileNetV2", {"include_top": False, "weights": "imagenet", "alpha": 0.3}),
        C("MobileNetV2", {"weights": "imagenet", "input_shape": [96, 96, 3]}),
        C("MobileNetV2", {**NOTOP, "input_tensor": T(None, 97, 96, 3), "input_shape": [97, 96, 3]}),
        C("MobileNetV2", {**NOTOP, "input_tensor": T(None, None, None, 3), "input_shape": [224, 224, 3]}),
        C("MobileNetV3Small", {**NOTOP, "alpha": 0.75, "pooling": "avg"}),
        C("MobileNetV3Large", {**NOTOP, "alpha": 1.25}),
        C("MobileNetV3Large", {**NOTOP, "minimalistic": True, "input_shape": [97, 97, 3]}),
        C("MobileNetV3Small", {"include_top": False, "weights": "imagenet", "alpha": 0.5}),
        C("MobileNetV3Small", {"include_top": False, "weights": "imagenet", "minimalistic": True, "alpha": 0.75}),
        C("MobileNetV3Large", {"weights": None, "input_shape": [97, 129, 3], "classes": 4}),
        C("MobileNetV3Small", {**NOTOP, "input_tensor": T(None, 16, 16, 3)}),
        C("MobileNetV3Small", {**NOTOP, "input_tensor": T(None, 97, 97, 3), "input_shape": [97, 96, 3]}),
        C("EfficientNetV2B0", {**NOTOP, "include_preprocessing": False, "input_shape": [97, 97, 3]}),
        C("EfficientNetV2B0", {**NOTOP, "name": "backbone"}),
        C("EfficientNetV2S", {**NOTOP, "name": "efficientnetv2-s"}),
        C("ConvNeXtTiny", {**NOTOP, "include_preprocessing": False, "input_shape": [97, 97, 3]}),
        C("NASNetLarge", {"include_top": False, "weights": "imagenet", "input_shape": [None, 331, 3]}),
        C("NASNetLarge", {"include_top": False, "weights": "imagenet",
                          "input_shape": {"__list__": [None, 331, 3]}}),
        C("NASNetMobile", {"include_top": False, "weights": None, "input_shape": [None, None, 3]}),
        C("NASNetMobile", {"include_top": False, "weights": None, "input_shape": [None, None, 3]},
          call=(None, 97, 97, 3)),
        C("NASNetLarge", {**NOTOP, "input_shape": [None, 96, 3]}, call=(None, 97, 96, 3)),
        C("VGG16", {"weights": None, "input_tensor": T(None, 64, 64, 3)}),
        C("VGG16", {"weights": None}, call=(None, None, None, 3)),
        C("VGG16", {"weights": None, "input_tensor": T(None, None, None, 3)}),
        C("MobileNetV2", {"weights": None, "input_tensor": T(None, None, None, 3)}),
        C("ResNet50", {**NOTOP, "weights": "imagenet", "input_shape": [224, 224, 3], "classes": 10}),
    ]
    return out


# ----------------------------------------------------------------------------- running Keras

def _keras_arg(keras, name, value):
    if isinstance(value, dict) and "__tensor__" in value:
        return keras.Input(batch_shape=tuple(value["__tensor__"]))
    if isinstance(value, dict) and "__list__" in value:
        return list(value["__list__"])
    if name == "input_shape" and isinstance(value, list):
        return tuple(value)
    return value


@contextlib.contextmanager
def _offline_weights():
    """ImageNet weights without the network: the checks before loading run, the loading does not."""
    from keras.src.models import Model
    from keras.src.utils import file_utils

    saved = file_utils.get_file, Model.load_weights
    file_utils.get_file = lambda *a, **k: "/nonexistent/weights.h5"
    Model.load_weights = lambda self, *a, **k: None
    try:
        yield
    finally:
        file_utils.get_file, Model.load_weights = saved


@contextlib.contextmanager
def _nasnet_mobile_on_torch(app: str):
    if app != "NASNetMobile":
        yield
        return
    from keras.src import backend as real
    from keras.src.applications import nasnet

    class Backend:
        def __getattr__(self, name):
            return getattr(real, name)

        @staticmethod
        def backend():
            return "tensorflow"

    nasnet.backend = Backend()
    try:
        yield
    finally:
        nasnet.backend = real


def _shape(t) -> list:
    return [None if d is None else int(d) for d in t]


def run_case(case: dict, device: str | None = None, cache: dict | None = None) -> dict:
    """Build the case in Keras; the result as recorded under ``keras`` (and ``runtime``)."""
    import keras
    import numpy as np

    device = device or ("cpu" if case.get("runtime") else "meta")
    result: dict = {}
    with warnings.catch_warnings(), _offline_weights(), _nasnet_mobile_on_torch(case["app"]), keras.device(device):
        warnings.simplefilter("ignore")
        try:
            key = json.dumps([case["app"], case["args"]], sort_keys=True)
            if cache is not None and key in cache and not case.get("runtime"):
                model = cache[key]
            else:
                args = {k: _keras_arg(keras, k, v) for k, v in case["args"].items()}
                model = getattr(keras.applications, case["app"])(**args)
                if cache is not None and "input_tensor" not in case["args"] and not case.get("runtime"):
                    cache[key] = model
            if case["call"] is None:
                out = _shape(model.output_shape)
            else:
                x = keras.Input(batch_shape=tuple(case["call"]))
                out = _shape(model(x).shape)
        except Exception as exc:  # noqa: BLE001 - every Keras failure is data here
            kind = "invalid-argument" if isinstance(exc, KeyError) else classify(case["app"], exc)
            return {"keras": {"error": type(exc).__name__, "message": str(exc)[:400], "kind": kind}}
        result["keras"] = {"output": out}
        if case.get("runtime"):
            data = np.zeros(tuple(2 if d is None else d for d in case["call"]), dtype="float32")
            try:
                got = model(data)
                result["runtime"] = "ok" if list(got.shape)[1:] == out[1:] else f"mismatch: {tuple(got.shape)}"
            except Exception as exc:  # noqa: BLE001
                result["runtime"] = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
    return result


def _run_group(group: list[dict]) -> list[dict]:
    """All cases of one application, in one worker: a model is built once and called many times."""
    os.environ.setdefault("KERAS_BACKEND", "torch")
    cache: dict = {}
    start = time.time()
    for case in group:
        case.update(run_case(case, cache=cache))
        if case["keras"].get("kind") == "unclassified":
            print("UNCLASSIFIED:", case["id"], case["keras"], file=sys.stderr)
    print(f"{group[0]['app']}: {len(group)} cases, {time.time() - start:.0f}s", file=sys.stderr)
    return group


def record(workers: int = 2) -> Path:
    import multiprocessing

    import keras

    all_cases = cases()
    ids = [c["id"] for c in all_cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate case ids: {dup}")
    groups: dict[str, list] = {}
    for case in all_cases:
        groups.setdefault(case["app"], []).append(case)
    order = sorted(groups.values(), key=len, reverse=True)
    with multiprocessing.get_context("spawn").Pool(workers, maxtasksperchild=4) as pool:
        done = {g[0]["app"]: g for g in pool.imap_unordered(_run_group, order)}
    by_id = {c["id"]: c for g in done.values() for c in g}
    path = HERE / "expected_applications.json"
    payload = {"recorded_with": {"keras": keras.__version__, "backend": keras.backend.backend(),
                                 "device": "meta (runtime cases: cpu)"},
               "cases": [by_id[i] for i in ids]}
    path.write_text(json.dumps(payload, indent=1) + "\n")
    return path


# ----------------------------------------------------------------------------- shared with the tests

def load_cases() -> list[dict]:
    return json.loads((HERE / "expected_applications.json").read_text())["cases"]


def rule_call(case: dict) -> tuple[dict, tuple]:
    """The case as the front-end gives it to the rule: named arguments and the one input shape."""
    from shapedoctor.rules.applications import default_input_shape

    args = {}
    tensor = None
    for name, value in case["args"].items():
        if isinstance(value, dict) and "__tensor__" in value:
            tensor = tuple(value["__tensor__"])
            value = "<input tensor>"
        elif isinstance(value, dict) and "__list__" in value:
            value = list(value["__list__"])
        elif name == "input_shape" and isinstance(value, list):
            value = tuple(value)
        args[name] = value
    if tensor is not None:
        return args, tensor
    if case["call"] is not None:
        return args, tuple(case["call"])
    return args, default_input_shape(case["app"], args)


def check_case(case: dict) -> None:
    """Assert the rule agrees with the recorded Keras result.

    * Keras raised: the rule raises an error-severity ShapeProblem of the recorded kind.
    * Keras built the model: the rule returns the same shape; or a warning-severity ShapeProblem carrying that
      shape, only when running the built model failed (``runtime``).
    """
    from shapedoctor.rules import ShapeProblem, apply_rule

    keras_result = case["keras"]
    try:
        args, shape = rule_call(case)
        got = apply_rule(case["app"], args, [shape])
    except ShapeProblem as problem:
        if "error" in keras_result:
            assert (problem.kind.name, problem.severity) == (keras_result["kind"], "error"), (
                f"Keras: {keras_result['error']}: {keras_result['message']}\nrule: {problem.message}")
            assert problem.message
            return
        assert problem.severity == "warning" and case.get("runtime", "").startswith("failed"), (
            f"Keras builds {keras_result} (runtime: {case.get('runtime')}) but the rule raises "
            f"{problem.kind.name}/{problem.severity}: {problem.message}")
        assert list(problem.output) == keras_result["output"]
        return
    assert "error" not in keras_result, (
        f"Keras raises {keras_result['kind']} ({keras_result['error']}: {keras_result['message']}) "
        f"but the rule returns {got}")
    assert list(got) == keras_result["output"]
    assert case.get("runtime", "ok") == "ok"


def check_live(case: dict) -> None:
    """Re-run a recorded case in Keras and compare with the recording (tests marked keras)."""
    live = run_case(case)
    recorded = case["keras"]
    if "error" in recorded:
        assert (live["keras"].get("error"), live["keras"].get("kind")) == (recorded["error"], recorded["kind"])
    else:
        assert live["keras"] == recorded
        if "runtime" in case:
            assert live["runtime"].split(":")[0] == case["runtime"].split(":")[0]


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "torch")
    print("wrote", record(int(os.environ.get("RECORD_WORKERS", "2"))))
