"""Record the TensorFlow oracle for the TensorFlow spellings of the op rules (rules/ops.py): the TensorFlow-only
functions (``ops.tf.*`` nodes: ``tf.signal.stft``, ``tf.image.grayscale_to_rgb``...) and the ``tf.*`` spellings
of Keras ops (``tf.nn.depth_to_space``, ``tf.image.crop_to_bounding_box``...).

Run manually, with the venv that has TensorFlow (2.21, CPU)::

    cd /work/main && /work/tfvenv/bin/python tests/rules/record_tf_ops.py

A case is a call as a user writes it (``tf.nn.depth_to_space(x0, 2, data_format="NCHW")``): the function, its
positional and keyword arguments, and the shapes (and dtypes) of the tensors it gets; in the arguments
``{"T": i}`` is the i-th tensor.  Each case runs **eagerly** on zero arrays of those shapes and records the output
shape or the exception (type and message).  A case marked ``graph`` is traced instead (``tf.function`` on
``tf.TensorSpec``\\ s, whose ``None`` sizes stay unknown), recording the static output shape TensorFlow infers
or the exception tracing raises, then the traced function runs on zero arrays (``None`` -> ``batch``) and
``runtime`` records how that went: used for the ``NCHW`` layout, which has no CPU kernel to run eagerly
(``NotFoundError`` when it runs), and for checks TensorFlow leaves to run time.

Also records each function's positional parameters (``signatures``), which the OpSpec of its spelling must
follow.  Writes ``tests/rules/expected_tf_ops.json``; ``test_tf_ops.py`` reads it and never imports TensorFlow.
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected_tf_ops.json"

N = None


def T(i: int = 0) -> dict:
    return {"T": i}


def case(call: str, *args, inputs=(), dtypes=None, graph: bool = False, batch: int = 2, **kwargs) -> dict:
    c: dict = {"call": call, "args": list(args), "kwargs": kwargs, "inputs": [list(s) for s in inputs]}
    if dtypes:
        c["dtypes"] = list(dtypes)
    if graph:
        c["graph"] = True
        c["batch"] = batch
    c["id"] = _auto_id(c) + ("@graph" if graph else "")
    return c


def _short(v) -> str:
    if isinstance(v, dict) and "T" in v:
        return f"T{v['T']}"
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_short(x) for x in v) + "]"
    return repr(v).replace(" ", "")


def _auto_id(c: dict) -> str:
    a = [_short(v) for v in c["args"]] + [f"{k}={_short(v)}" for k, v in c["kwargs"].items()]
    s = "+".join("(" + ",".join("N" if d is None else str(d) for d in shape) + ")" for shape in c["inputs"])
    return f"{c['call']}({','.join(a)}){s}"


# ----------------------------------------------------------------------------- cases

FUNCTIONS = ["tf.nn.depth_to_space", "tf.nn.space_to_depth", "tf.signal.stft", "tf.image.rgb_to_grayscale",
             "tf.image.grayscale_to_rgb", "tf.image.crop_to_bounding_box", "tf.image.pad_to_bounding_box",
             "tf.image.crop_and_resize", "tf.image.resize_with_crop_or_pad", "tf.einsum",
             "tf.nn.conv1d", "tf.nn.conv2d", "tf.nn.conv3d", "tf.nn.convolution", "tf.nn.depthwise_conv2d",
             "tf.nn.separable_conv2d", "tf.nn.max_pool", "tf.nn.avg_pool", "tf.nn.max_pool1d", "tf.nn.max_pool2d",
             "tf.nn.max_pool3d", "tf.nn.avg_pool1d", "tf.nn.avg_pool2d", "tf.nn.avg_pool3d"]


def all_cases() -> list[dict]:
    d2s, s2d, stft = "tf.nn.depth_to_space", "tf.nn.space_to_depth", "tf.signal.stft"
    r2g, g2r = "tf.image.rgb_to_grayscale", "tf.image.grayscale_to_rgb"
    crop, pad = "tf.image.crop_to_bounding_box", "tf.image.pad_to_bounding_box"
    car, rcp = "tf.image.crop_and_resize", "tf.image.resize_with_crop_or_pad"
    boxes = {"dtypes": ["float32", "float32", "int32"]}
    cases = [
        case(d2s, T(), 2, inputs=[(2, 8, 8, 16)]),
        case(d2s, T(), block_size=3, data_format="NHWC", inputs=[(2, 4, 4, 18)]),
        case(d2s, input=T(), block_size=2, inputs=[(1, 3, 5, 8)]),
        case(d2s, T(), 2, inputs=[(N, 8, N, 16)], graph=True),
        case(d2s, T(), 2, data_format="NCHW", inputs=[(2, 16, 8, 8)], graph=True),
        case(d2s, T(), 2, inputs=[(2, 8, 8, 6)]),
        case(d2s, T(), 2, data_format="NCHW", inputs=[(2, 6, 8, 8)], graph=True),
        case(d2s, T(), 2, inputs=[(8, 8, 16)]),
        case(d2s, T(), 1, inputs=[(2, 8, 8, 16)]),
        case(d2s, T(), 2, data_format="nhwc", inputs=[(2, 8, 8, 16)]),
        case(s2d, T(), 2, inputs=[(2, 8, 8, 3)]),
        case(s2d, input=T(), block_size=4, inputs=[(2, 8, 12, 1)]),
        case(s2d, T(), 2, data_format="NCHW", inputs=[(2, 3, 8, 8)], graph=True),
        case(s2d, T(), 2, inputs=[(N, 8, 8, 3)], graph=True),
        case(s2d, T(), 2, inputs=[(2, 7, 8, 3)]),
        case(s2d, T(), 2, inputs=[(2, 8, 9, 3)]),
        case(s2d, T(), 2, data_format="NCHW", inputs=[(2, 3, 7, 8)], graph=True),
        case(s2d, T(), 2, inputs=[(8, 8, 3)]),
        case(stft, T(), 16, 8, inputs=[(2, 100)]),
        case(stft, T(), 15, 8, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, pad_end=True, inputs=[(2, 100)]),
        case(stft, T(), 17, 7, inputs=[(2, 3, 100)]),
        case(stft, T(), 16, 8, fft_length=64, inputs=[(100,)]),
        case(stft, signals=T(), frame_length=16, frame_step=16, fft_length=16, inputs=[(2, 64)]),
        case(stft, T(), 16, 8, window_fn=None, inputs=[(2, 100)]),
        case(stft, T(), 16, 8, inputs=[(2, 10)]),
        case(stft, T(), 16, 8, inputs=[(2, 2)]),
        case(stft, T(), 16, 8, pad_end=True, inputs=[(2, 10)]),
        case(stft, T(), 16, 8, inputs=[(N, 100)], graph=True),
        case(stft, T(), 16, 8, inputs=[()]),
        case(stft, T(), 16, 0, inputs=[(2, 100)]),
        case(r2g, T(), inputs=[(2, 4, 4, 3)]),
        case(r2g, T(), inputs=[(4, 4, 3)]),
        case(r2g, T(), inputs=[(3,)]),
        case(r2g, T(), inputs=[(2, 2, 4, 4, 3)]),
        case(r2g, T(), inputs=[(2, 4, 4, 4)]),
        case(r2g, T(), inputs=[(2, 4, 4, 1)]),
        case(r2g, T(), inputs=[()]),
        case(g2r, T(), inputs=[(2, 4, 4, 1)]),
        case(g2r, T(), inputs=[(4, 4, 1)]),
        case(g2r, T(), inputs=[(4, 1)]),
        case(g2r, T(), inputs=[(2, 2, 4, 4, 1)]),
        case(g2r, T(), inputs=[(N, 4, 4, 1)], graph=True),
        case(g2r, T(), inputs=[(2, 4, 4, 3)]),
        case(g2r, T(), inputs=[(1,)]),
        case(g2r, T(), inputs=[(N, 1)], graph=True),
        case(crop, T(), 1, 2, 5, 6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 2, 5, 6, inputs=[(10, 12, 3)]),
        case(crop, image=T(), offset_height=0, offset_width=0, target_height=10, target_width=12,
             inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 1, 2, 5, 6, inputs=[(2, N, 12, 3)], graph=True, batch=10),
        case(crop, T(), 6, 2, 5, 6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 0, 7, 5, 6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), -1, 2, 5, 6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 0, 0, 0, 6, inputs=[(2, 10, 12, 3)]),
        case(crop, T(), 0, 0, 1, 6, inputs=[(2, 0, 12, 3)]),
        case(crop, T(), 0, 0, 5, 6, inputs=[(10, 12)]),
        case(pad, T(), 1, 2, 15, 16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, 15, 16, inputs=[(10, 12, 3)]),
        case(pad, T(), 0, 0, 10, 12, inputs=[(2, 10, 12, 3)]),
        case(pad, image=T(), offset_height=3, offset_width=0, target_height=13, target_width=20,
             inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 1, 2, 15, 16, inputs=[(N, 10, 12, 3)], graph=True),
        case(pad, T(), 1, 2, 10, 16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 0, 0, 11, -1, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), -1, 2, 15, 16, inputs=[(2, 10, 12, 3)]),
        case(pad, T(), 0, 0, 11, 16, inputs=[(2, 10, 12, 0)]),
        case(pad, T(), 0, 0, 15, 16, inputs=[(10, 12)]),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(2, 10, 12, 3), (5, 4), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8], method="nearest", inputs=[(2, 10, 12, 3), (5, 4), (5,)], **boxes),
        case(car, image=T(0), boxes=T(1), box_indices=T(2), crop_size=[3, 3], inputs=[(1, 6, 6, 1), (2, 4), (2,)],
             **boxes),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(N, 10, 12, 3), (N, 4), (N,)], graph=True, **boxes),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(2, 10, 12, 3), (5, 3), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(10, 12, 3), (5, 4), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(2, 10, 12, 3), (5, 4), (4,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8], inputs=[(2, 10, 12, 3), (1, 5, 4), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8, 1], inputs=[(2, 10, 12, 3), (5, 4), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [0, 8], inputs=[(2, 10, 12, 3), (5, 4), (5,)], **boxes),
        case(car, T(0), T(1), T(2), [7, 8], method="bicubic", inputs=[(2, 10, 12, 3), (5, 4), (5,)], **boxes),
        case(rcp, T(), 7, 20, inputs=[(2, 10, 12, 3)]),
        case(rcp, T(), 7, 20, inputs=[(10, 12, 3)]),
        case(rcp, image=T(), target_height=10, target_width=12, inputs=[(2, 10, 12, 3)]),
        case(rcp, T(), 7, 20, inputs=[(N, N, N, 3)], graph=True),
        case(rcp, T(), 7, 20, inputs=[(10, 12)]),
        case(rcp, T(), 0, 20, inputs=[(2, 10, 12, 3)]),
        case(rcp, T(), 7, -1, inputs=[(2, 10, 12, 3)]),
        case(rcp, T(), 7, 20, inputs=[(1, 2, 10, 12, 3)]),
        case(rcp, T(), 7, 20, inputs=[(2, 10, 12, 0)]),
        # tf.einsum takes upper-case subscripts as any letter (keras.ops.einsum's symbolic build does not)
        case("tf.einsum", "bhwc, bHWc->bhwHW", T(0), T(1), inputs=[(2, 4, 4, 8), (2, 4, 4, 8)]),
        case("tf.einsum", "bIJ,bJK->bIK", T(0), T(1), inputs=[(2, 3, 4), (2, 4, 5)]),
        case("tf.einsum", "ij,jk->ik", T(0), T(1), inputs=[(3, 4), (4, 5)]),
        case("tf.einsum", "ij,jk->ik", T(0), T(1), inputs=[(3, 4), (5, 6)]),
        case("tf.einsum", "bhwc,bHWc->bhwHW", T(0), T(1), inputs=[(2, 4, 4, 8), (2, 4, 4, 6)]),
        *conv_pool_cases(),
    ]
    ids = [c["id"] for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate case ids: {sorted(dup)}")
    return cases


def conv_pool_cases() -> list[dict]:
    """tf.nn convolutions and poolings (rules/nn_ops.py): TF's layout letters, capital paddings, strides and window
    sizes for every axis."""
    c1, c2, c3, conv = "tf.nn.conv1d", "tf.nn.conv2d", "tf.nn.conv3d", "tf.nn.convolution"
    dw, sep = "tf.nn.depthwise_conv2d", "tf.nn.separable_conv2d"
    return [
        case(c2, T(0), T(1), 1, "VALID", inputs=[(2, 16, 16, 3), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), strides=2, padding="SAME", inputs=[(2, 15, 9, 3), (3, 3, 3, 4)]),
        case(c2, T(0), T(1), [1, 2, 2, 1], "VALID", inputs=[(2, 16, 16, 3), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), [2, 1], "SAME", inputs=[(2, 16, 16, 3), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), 1, "VALID", dilations=2, inputs=[(2, 16, 16, 3), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), 1, "VALID", inputs=[(N, 16, 16, 3), (3, 3, 3, 8)], graph=True),
        case(c2, T(0), T(1), 1, "VALID", data_format="NCHW", inputs=[(N, 3, 16, 16), (3, 3, 3, 8)], graph=True),
        case(c2, T(0), T(1), 1, "VALID", inputs=[(2, 16, 16, 4), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), [1, 2, 2, 2], "VALID", inputs=[(2, 16, 16, 3), (3, 3, 3, 8)]),
        case(c2, T(0), T(1), 1, "VALID", inputs=[(2, 1, 16, 3), (3, 3, 3, 8)]),
        case(dw, T(0), T(1), [1, 1, 1, 1], "VALID", inputs=[(2, 1, 1, 3), (3, 3, 3, 1)]),
        case(c1, T(0), T(1), 2, "SAME", inputs=[(2, 20, 4), (5, 4, 6)]),
        case(c1, T(0), T(1), stride=1, padding="VALID", inputs=[(2, 20, 4), (5, 4, 6)]),
        case(c1, T(0), T(1), 1, "VALID", inputs=[(2, 3, 4), (5, 4, 6)]),
        case(c1, T(0), T(1), 1, "VALID", dilations=2, inputs=[(2, 20, 4), (3, 4, 6)]),
        case(c3, T(0), T(1), [1, 1, 1, 1, 1], "VALID", inputs=[(2, 8, 8, 8, 1), (2, 2, 2, 1, 4)]),
        case(c3, T(0), T(1), [1, 2, 2, 2, 1], "SAME", inputs=[(2, 9, 8, 7, 2), (3, 3, 3, 2, 4)]),
        case(conv, T(0), T(1), inputs=[(2, 12, 12, 2), (3, 5, 2, 4)]),
        case(conv, T(0), T(1), strides=2, padding="SAME", inputs=[(2, 20, 4), (3, 4, 6)]),
        case(dw, T(0), T(1), [1, 1, 1, 1], "VALID", inputs=[(2, 16, 16, 4), (3, 3, 4, 2)]),
        case(dw, T(0), T(1), [1, 2, 2, 1], "SAME", inputs=[(2, 9, 9, 3), (3, 3, 3, 1)]),
        case(sep, T(0), T(1), T(2), [1, 1, 1, 1], "VALID", inputs=[(2, 16, 16, 4), (3, 3, 4, 2), (1, 1, 8, 6)]),
        case(dw, T(0), T(1), [1, 1, 1, 1], "VALID", dilations=[2, 2], inputs=[(2, 9, 9, 2), (3, 3, 2, 2)]),
        case(c3, T(0), T(1), [1, 1, 1, 1, 1], "VALID", inputs=[(2, 1, 8, 8, 1), (3, 3, 3, 1, 4)]),
        case(c3, T(0), T(1), [1, 1, 1, 1, 1], "VALID", inputs=[(N, 8, 8, 8, 1), (2, 2, 2, 1, 4)], graph=True),
        case(conv, T(0), T(1), inputs=[(2, 12, 12, 3), (3, 5, 2, 4)]),
        case(conv, T(0), T(1), padding="VALID", inputs=[(2, 2, 12, 2), (4, 4, 2, 4)]),
        case(conv, T(0), T(1), dilations=2, inputs=[(2, 12, 2), (3, 2, 4)]),
        case(sep, T(0), T(1), T(2), [1, 2, 2, 1], "SAME", inputs=[(2, 9, 9, 3), (3, 3, 3, 2), (1, 1, 6, 5)]),
        case(sep, T(0), T(1), T(2), [1, 1, 1, 1], "VALID", inputs=[(2, 1, 1, 4), (3, 3, 4, 2), (1, 1, 8, 6)]),
        case(sep, T(0), T(1), T(2), [1, 1, 1, 1], "VALID", inputs=[(2, 16, 16, 4), (3, 3, 4, 2), (1, 1, 9, 6)]),
        case("tf.nn.max_pool2d", T(0), 2, 2, "VALID", inputs=[(2, 16, 16, 3)]),
        case("tf.nn.max_pool2d", T(0), 3, 1, "VALID", inputs=[(2, 1, 5, 3)]),
        case("tf.nn.max_pool1d", T(0), 2, 1, "SAME", inputs=[(2, 5, 4)]),
        case("tf.nn.max_pool1d", T(0), [1, 3, 1], [1, 2, 1], "VALID", inputs=[(2, 9, 4)]),
        case("tf.nn.max_pool3d", T(0), 3, 1, "VALID", inputs=[(2, 1, 5, 5, 1)]),
        case("tf.nn.max_pool3d", T(0), 2, 1, "SAME", inputs=[(2, 3, 5, 5, 1)]),
        case("tf.nn.avg_pool1d", T(0), 2, 2, "SAME", inputs=[(2, 5, 4)]),
        case("tf.nn.avg_pool1d", T(0), 2, 1, "VALID", inputs=[(2, 5, 4)]),
        case("tf.nn.avg_pool3d", T(0), 2, 1, "VALID", inputs=[(2, 4, 5, 5, 1)]),
        case("tf.nn.avg_pool3d", T(0), 2, 2, "VALID", inputs=[(N, 4, 4, 4, 1)], graph=True),
        case("tf.nn.avg_pool", T(0), 3, 2, "SAME", inputs=[(2, 9, 9, 9, 1)]),
        case("tf.nn.max_pool2d", T(0), 3, 2, "SAME", inputs=[(2, 15, 15, 3)]),
        case("tf.nn.max_pool2d", T(0), [1, 2, 2, 1], [1, 2, 2, 1], "VALID", inputs=[(2, 7, 7, 1)]),
        case("tf.nn.max_pool2d", T(0), 2, 2, "VALID", inputs=[(N, 8, 8, 3)], graph=True),
        case("tf.nn.max_pool1d", T(0), 4, 4, "VALID", inputs=[(2, 20, 4)]),
        case("tf.nn.max_pool3d", T(0), 2, 2, "VALID", inputs=[(2, 8, 8, 8, 2)]),
        case("tf.nn.max_pool", T(0), 2, 2, "SAME", inputs=[(2, 5, 5, 1)]),
        case("tf.nn.max_pool", T(0), 2, 2, "VALID", inputs=[(2, 9, 4)]),
        case("tf.nn.max_pool", T(0), 2, 2, "VALID", data_format="NCHW", inputs=[(N, 3, 8, 8)], graph=True),
        case("tf.nn.avg_pool2d", T(0), 2, 2, "VALID", inputs=[(2, 16, 16, 3)]),
        case("tf.nn.avg_pool2d", T(0), 2, 1, "SAME", inputs=[(2, 5, 5, 1)]),
        case("tf.nn.avg_pool1d", T(0), 3, 3, "VALID", inputs=[(2, 10, 2)]),
        case("tf.nn.avg_pool3d", T(0), 2, 2, "SAME", inputs=[(2, 5, 5, 5, 1)]),
        case("tf.nn.avg_pool", T(0), 5, 5, "VALID", inputs=[(2, 4, 4, 2)]),
        case("tf.nn.avg_pool", T(0), 2, 2, "VALID", inputs=[(2, 10, 3)]),
        case("tf.nn.avg_pool", T(0), 7, 1, "VALID", inputs=[(2, 4, 4, 2)]),
        case("tf.nn.max_pool1d", T(0), 5, 1, "VALID", inputs=[(2, 3, 4)]),
        case("tf.nn.max_pool3d", T(0), 2, 2, "VALID", inputs=[(N, 8, 8, 8, 2)], graph=True),
        case("tf.nn.avg_pool1d", T(0), 4, 1, "VALID", inputs=[(2, 2, 2)]),
        case("tf.nn.avg_pool3d", T(0), 3, 1, "VALID", inputs=[(2, 1, 5, 5, 1)]),
        case("tf.nn.avg_pool2d", T(0), 3, 1, "VALID", inputs=[(2, 1, 5, 1)]),
        case("tf.nn.avg_pool2d", T(0), [1, 3, 3, 1], [1, 2, 2, 1], "SAME", data_format="NHWC", inputs=[(2, 7, 7, 2)]),
        case("tf.nn.max_pool", T(0), 5, 1, "VALID", inputs=[(2, 3, 3, 1)]),
    ]


# ----------------------------------------------------------------------------- TensorFlow side

def _function(tf, call: str):
    fn = tf
    for part in call.split(".")[1:]:
        fn = getattr(fn, part)
    return fn


def _decode(value, tensors):
    if isinstance(value, dict) and "T" in value:
        return tensors[value["T"]]
    if isinstance(value, list):
        return [_decode(v, tensors) for v in value]
    return value


def _run(tf, c: dict, tensors):
    args = [_decode(a, tensors) for a in c["args"]]
    kwargs = {name: _decode(v, tensors) for name, v in c["kwargs"].items()}
    return _function(tf, c["call"])(*args, **kwargs)


def _error(exc: BaseException) -> dict:
    """The exception's type and message; of an error raised while tracing, the last paragraph (TF puts the
    traceback of the user code first); a missing kernel's attributes, which TF lists in no fixed order, elided."""
    text = str(exc)
    if "in user code:" in text:
        text = [block for block in re.split(r"\n\s*\n", text) if block.strip()][-1]
    text = re.sub(r"with these attrs: \[[^\]]*\]", "with these attrs: [...]", text)  # in no fixed order
    return {"error": type(exc).__name__, "message": " ".join(text.split())[:300]}


def _shape(out) -> dict:
    return {"output": [None if d is None else int(d) for d in out.shape]}


def run_case(c: dict) -> dict:
    import numpy as np
    import tensorflow as tf

    dtypes = c.get("dtypes") or ["float32"] * len(c["inputs"])
    concrete = [tuple(c.get("batch", 2) if d is None else d for d in s) for s in c["inputs"]]
    arrays = [tf.constant(np.zeros(s, dtype=d)) for s, d in zip(concrete, dtypes)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if not c.get("graph"):
            try:
                return {"tf": _shape(_run(tf, c, arrays))}
            except Exception as exc:  # noqa: BLE001 - every TensorFlow failure is data here
                return {"tf": _error(exc)}
        specs = [tf.TensorSpec(s, dtype=d) for s, d in zip(c["inputs"], dtypes)]
        try:
            traced = tf.function(lambda *xs: _run(tf, c, list(xs))).get_concrete_function(*specs)
        except Exception as exc:  # noqa: BLE001
            return {"tf": _error(exc), "runtime": "skipped"}
        result = {"tf": {"output": [None if d is None else int(d) for d in traced.structured_outputs.shape]}}
        try:
            traced(*arrays)
            result["runtime"] = "ok"
        except Exception as exc:  # noqa: BLE001
            error = _error(exc)
            result["runtime"] = f"failed: {error['error']}: {error['message'][:200]}"
        return result


def signatures() -> dict:
    """Each recorded function's positional parameters, in TensorFlow's order."""
    import inspect

    import tensorflow as tf

    out = {}
    for name in FUNCTIONS:
        params = inspect.signature(_function(tf, name)).parameters.values()
        out[name] = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return out


def record() -> Path:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    cases = all_cases()
    for c in cases:
        c.update(run_case(c))
    payload = {"recorded_with": {"tensorflow": tf.__version__, "device": "CPU"}, "signatures": signatures(),
               "cases": cases}
    EXPECTED.write_text(json.dumps(payload, indent=1) + "\n")
    return EXPECTED


# ----------------------------------------------------------------------------- shared with the tests

def load() -> dict:
    return json.loads(EXPECTED.read_text())


def _literal(value) -> str:
    if isinstance(value, dict) and "T" in value:
        return f"x{value['T']}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return repr(value)


def source_of(c: dict) -> str:
    """The case as a tiny functional model: one ``keras.Input`` per tensor, the call, the model."""
    dtypes = c.get("dtypes") or ["float32"] * len(c["inputs"])
    lines = ["import keras", "import tensorflow as tf", ""]
    for i, (shape, dtype) in enumerate(zip(c["inputs"], dtypes)):
        dims = ", ".join("None" if d is None else str(d) for d in shape) + ("," if len(shape) == 1 else "")
        lines.append(f"x{i} = keras.Input(batch_shape=({dims}), dtype={dtype!r})")
    args = [_literal(a) for a in c["args"]] + [f"{k}={_literal(v)}" for k, v in c["kwargs"].items()]
    lines.append(f"out = {c['call']}({', '.join(args)})")
    inputs = ", ".join(f"x{i}" for i in range(len(c["inputs"])))
    lines.append(f"model = keras.Model([{inputs}], out)" if len(c["inputs"]) > 1 else "model = keras.Model(x0, out)")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    path = record()
    print("wrote", path, len(all_cases()), "cases", file=sys.stderr)
