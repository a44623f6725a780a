"""``keras.applications`` backbones: ResNet, VGG, DenseNet, Inception, Xception, MobileNet, EfficientNet,
NASNet, ConvNeXt (keras/src/applications, Keras 3.15).

An application is a Functional model built on its own ``Input`` and then, possibly, called on a tensor.
The rule of each class gets one input shape (batch first):

* ``base(x)``: the shape of ``x``;
* ``Backbone(input_tensor=x, ...)``: the shape of ``x`` (the model is built on ``x`` itself);
* the model on its own (``base.output``, ``base.output_shape``): ``default_input_shape(type_, args)``.

Two shapes matter, as in Keras: the *build* shape the model's graph was made for (from ``input_shape``
through ``imagenet_utils.obtain_input_shape``, or the tensor given as ``input_tensor``) and the *call*
shape.  ``correct_pad`` (MobileNetV2/V3, EfficientNet, NASNet) freezes its ZeroPadding from the build
shape's parity, so ``EfficientNetB0(include_top=False)`` called on 97x97 gives 3x3, while the same model
built for ``input_shape=(97, 97, 3)`` gives 4x4.  Each architecture's spatial path is written below as the
short list of its strided or 'valid' steps (every 'same' stride-1 layer keeps the size and is left out).

Assumes ``image_data_format() == "channels_last"`` (the default).  An unknown spatial size (None) gives
``None``; a symbolic one (a size read from data) gives a size of its own, named after it: definite, though not
known, so a Flatten after it has a definite width, as it has in Keras.  Where Keras raises, the rule raises
:class:`ShapeProblem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..graph import UNKNOWN
from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, NEGATIVE_LENGTH, RANK, UNDEFINED_DIM
from ..shapes import Symbol, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, rule

# ----------------------------------------------------------------------------- preprocess_input

_PREPROCESS_MODULES = ("convnext", "densenet", "efficientnet", "efficientnet_v2", "imagenet_utils",
                       "inception_resnet_v2", "inception_v3", "mobilenet", "mobilenet_v2", "mobilenet_v3",
                       "nasnet", "resnet", "resnet50", "resnet_v2", "vgg16", "vgg19", "xception")

#: Qualified names of every ``preprocess_input`` Keras exports: each returns a tensor of its input's shape.
PREPROCESS_FUNCTIONS = frozenset(f"keras.applications.{m}.preprocess_input" for m in _PREPROCESS_MODULES)

# ----------------------------------------------------------------------------- signatures

_STANDARD = ("include_top", "weights", "input_tensor", "input_shape", "pooling", "classes",
             "classifier_activation", "name")
_EFFICIENTNET_V2 = ("include_top", "weights", "input_tensor", "input_shape", "pooling", "classes",
                    "classifier_activation", "include_preprocessing", "name")
_CONVNEXT = ("include_top", "include_preprocessing", "weights", "input_tensor", "input_shape", "pooling", "classes",
             "classifier_activation", "name")
_MOBILENET = ("input_shape", "alpha", "depth_multiplier", "dropout", "include_top", "weights", "input_tensor",
              "pooling", "classes", "classifier_activation", "name")
_MOBILENET_V2 = ("input_shape", "alpha", "include_top", "weights", "input_tensor", "pooling", "classes",
                 "classifier_activation", "name")
_MOBILENET_V3 = ("input_shape", "alpha", "minimalistic", "include_top", "weights", "input_tensor", "classes",
                 "pooling", "dropout_rate", "classifier_activation", "include_preprocessing", "name")
_NASNET = ("input_shape", "include_top", "weights", "input_tensor", "pooling", "classes", "classifier_activation",
           "name")

# ----------------------------------------------------------------------------- spatial steps
# A step maps one spatial axis, as a pair (build length, call length), to the next pair.  Lengths are
# ints or None.  ``adjust`` is correct_pad's parity correction, fixed at build time.


def _window(n, k: int, s: int, padding: str):
    if n is None:
        return None
    return (n - k) // s + 1 if padding == "valid" else (n - 1) // s + 1


@dataclass(frozen=True)
class Conv:
    """A convolution or pooling window (ZeroPadding2D of ``pad`` in total in front of it)."""

    k: int
    s: int
    padding: str = "valid"
    pad: int = 0
    layer: str = "Conv2D"


@dataclass(frozen=True)
class CorrectPad:
    """``ZeroPadding2D(correct_pad(x, k))`` then a stride-2 'valid' window of size k:
    pad (k//2 - adjust, k//2) with adjust = 1 - (build length % 2), or 1 when the build height is None."""

    layer: str = "DepthwiseConv2D"


class _Path:
    """Both spatial axes of one tensor, each a [build, call] pair, with the model label for messages."""

    def __init__(self, label: str, build: tuple, actual: tuple):
        self.label = label
        self.axes = [(b, a) for b, a in zip(build, actual)]

    def copy(self) -> "_Path":
        other = _Path.__new__(_Path)
        other.label, other.axes = self.label, list(self.axes)
        return other

    @property
    def build(self):
        return tuple(b for b, _ in self.axes)

    @property
    def actual(self):
        return tuple(a for _, a in self.axes)

    def apply(self, step) -> "_Path":
        out = self.copy()
        if isinstance(step, CorrectPad):
            if self.axes[0][0] is None:
                adjust = (1, 1)
            elif self.axes[1][0] is None:  # Keras computes `None % 2`
                raise ShapeProblem(
                    UNDEFINED_DIM,
                    f"{self.label}: correct_pad cannot pad an input of height {self.axes[0][0]} and unknown width "
                    f"(Keras raises TypeError: unsupported operand type(s) for %: 'NoneType' and 'int')")
            else:
                adjust = tuple(1 - b % 2 for b, _ in self.axes)
            out.axes = [tuple(None if n is None else (n - 1 - adj) // 2 + 1 for n in pair)
                        for pair, adj in zip(self.axes, adjust)]
            out._check(self, step.layer + "(strides=2)")
        else:
            out.axes = [tuple(_window(None if n is None else n + step.pad, step.k, step.s, step.padding)
                              for n in pair) for pair in self.axes]
            out._check(self, f"{step.layer}({step.k}, strides={step.s}, padding={step.padding!r})")
        return out

    def run(self, steps) -> "_Path":
        path = self
        for step in steps:
            path = path.apply(step)
        return path

    def _check(self, before: "_Path", what: str) -> None:
        for which in (0, 1):
            sizes = [pair[which] for pair in self.axes]
            if any(n is not None and n <= 0 for n in sizes):
                shape = tuple(pair[which] for pair in before.axes)
                raise ShapeProblem(
                    NEGATIVE_LENGTH,
                    f"{self.label}: the feature map shrinks to nothing inside the network: {what} on a "
                    f"{_hw(shape)} feature map gives {_hw(tuple(sizes))}",
                    hint="the input is too small for this architecture's strides and 'valid' windows")

    def merge(self, other: "_Path", where: str) -> "_Path":
        """An Add/Concatenate of two branches: sizes must agree where both are known."""
        for which in (0, 1):
            mine = tuple(pair[which] for pair in self.axes)
            theirs = tuple(pair[which] for pair in other.axes)
            if any(x is not None and y is not None and x != y for x, y in zip(mine, theirs)):
                raise ShapeProblem(
                    INCOMPATIBLE_MERGE,
                    f"{self.label}: the branches merged in {where} do not line up: {_hw(mine)} vs {_hw(theirs)}",
                    hint="NASNet built for an unknown width skips its resolution adjustment; give input_shape")
        return self


def _hw(sizes) -> str:
    return "x".join("?" if n is None else str(n) for n in sizes)


def _valid(k, s=1, layer="Conv2D"):
    return Conv(k, s, "valid", layer=layer)


def _same(k, s, layer="Conv2D"):
    return Conv(k, s, "same", layer=layer)


_RESNET = [Conv(7, 2, pad=6), Conv(3, 2, pad=2, layer="MaxPooling2D")] + [_valid(1, 2)] * 3
_RESNET_V2 = [Conv(7, 2, pad=6), Conv(3, 2, pad=2, layer="MaxPooling2D")] + [Conv(3, 2, pad=2)] * 3
_VGG = [_valid(2, 2, "MaxPooling2D")] * 5
_DENSENET = [Conv(7, 2, pad=6), Conv(3, 2, pad=2, layer="MaxPooling2D")] + [_valid(2, 2, "AveragePooling2D")] * 3
_INCEPTION = [_valid(3, 2), _valid(3), _valid(3, 2, "MaxPooling2D"), _valid(3), _valid(3, 2, "MaxPooling2D"),
              _valid(3, 2), _valid(3, 2)]
_XCEPTION = [_valid(3, 2), _valid(3)] + [_same(3, 2, "MaxPooling2D")] * 4
_MOBILENET_STEPS = [_same(3, 2)] + [Conv(3, 2, pad=1, layer="DepthwiseConv2D")] * 4
_MOBILENET_V23 = [_same(3, 2)] + [CorrectPad()] * 4
_EFFICIENTNET_STEPS = [CorrectPad("Conv2D")] + [CorrectPad()] * 4
_EFFICIENTNET_V2_STEPS = [_same(3, 2)] * 5
_CONVNEXT_STEPS = [_valid(4, 4)] + [_valid(2, 2)] * 3


def _nasnet_path(path: _Path, num_blocks: int, skip_reduction: bool) -> _Path:
    """NASNet-A: reduction and normal cells, following ``_adjust_block``'s build-time width test."""

    def adjust(p, ip):
        if p is None:
            return ip
        if p.axes[1][0] != ip.axes[1][0]:  # p.shape[-2] != ip.shape[-2], at build time
            return p.apply(_valid(1, 2, "AveragePooling2D"))
        return p

    def normal(ip, p):
        p = adjust(p, ip)
        return ip.copy().merge(p, "a normal cell"), ip

    def reduction(ip, p):
        p = adjust(p, ip)
        return ip.apply(CorrectPad("SeparableConv2D")).merge(p.apply(CorrectPad("SeparableConv2D")),
                                                              "a reduction cell"), ip

    x = path.apply(_valid(3, 2))
    p = None
    x, p = reduction(x, p)
    x, p = reduction(x, p)
    for _ in range(2):
        for _ in range(num_blocks):
            x, p = normal(x, p)
        x, p0 = reduction(x, p)
        p = p if skip_reduction else p0
    for _ in range(num_blocks):
        x, p = normal(x, p)
    return x


# ----------------------------------------------------------------------------- channel counts

def _make_divisible(v, divisor=8, min_value=None):
    """``mobilenet_v2._make_divisible`` = ``mobilenet_v3._depth`` = efficientnet's ``round_filters``."""
    min_value = min_value or divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return int(new_v)


def _round_filters_v2(filters, width):
    return int(max(8, int(filters * width + 4) // 8 * 8))


def _densenet_channels(blocks) -> int:
    channels = 64
    for i, n in enumerate(blocks):
        channels += 32 * n
        if i < 3:
            channels = int(channels * 0.5)
    return channels


# ----------------------------------------------------------------------------- the families

@dataclass(frozen=True)
class App:
    params: tuple
    default_size: int | None  # None: MobileNetV3, which does not call obtain_input_shape
    min_size: int
    channels: Callable  # (call) -> output channels of the feature map
    steps: list | Callable  # a list of steps, or (call, path) -> path
    square_sizes: tuple = ()  # MobileNet/V2: a square input_shape of one of these sizes is the default size
    flatten_top: bool = False  # VGG: Flatten + Dense, so the build shape must be static
    default_name: str = ""


def _alpha(call: LayerCall):
    alpha = call.raw("alpha", 1.0)
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
        raise Unresolved("alpha")
    return alpha


def _mobilenet_v2_channels(call):
    alpha = _alpha(call)
    return _make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280


def _mobilenet_v3_channels(base):
    return lambda call: _make_divisible(_make_divisible(base * _alpha(call)) * 6)


def _fixed(n):
    return lambda call: n


APPS: dict[str, App] = {}


def _add(names, **kw):
    for name in names:
        APPS[name] = App(**kw)


_add(["ResNet50", "ResNet101", "ResNet152"], params=_STANDARD, default_size=224, min_size=32,
     channels=_fixed(2048), steps=_RESNET)
_add(["ResNet50V2", "ResNet101V2", "ResNet152V2"], params=_STANDARD, default_size=224, min_size=32,
     channels=_fixed(2048), steps=_RESNET_V2)
_add(["VGG16", "VGG19"], params=_STANDARD, default_size=224, min_size=32, channels=_fixed(512), steps=_VGG,
     flatten_top=True)
for _name, _blocks in (("DenseNet121", (6, 12, 24, 16)), ("DenseNet169", (6, 12, 32, 32)),
                       ("DenseNet201", (6, 12, 48, 32))):
    _add([_name], params=_STANDARD, default_size=224, min_size=32, channels=_fixed(_densenet_channels(_blocks)),
         steps=_DENSENET)
_add(["InceptionV3"], params=_STANDARD, default_size=299, min_size=75, channels=_fixed(2048), steps=_INCEPTION)
_add(["InceptionResNetV2"], params=_STANDARD, default_size=299, min_size=75, channels=_fixed(1536),
     steps=_INCEPTION)
_add(["Xception"], params=_STANDARD, default_size=299, min_size=71, channels=_fixed(2048), steps=_XCEPTION)
_add(["MobileNet"], params=_MOBILENET, default_size=224, min_size=32,
     channels=lambda call: int(1024 * _alpha(call)), steps=_MOBILENET_STEPS, square_sizes=(128, 160, 192, 224))
_add(["MobileNetV2"], params=_MOBILENET_V2, default_size=224, min_size=32, channels=_mobilenet_v2_channels,
     steps=_MOBILENET_V23, square_sizes=(96, 128, 160, 192, 224))
_add(["MobileNetV3Small"], params=_MOBILENET_V3, default_size=None, min_size=32,
     channels=_mobilenet_v3_channels(96), steps=_MOBILENET_V23)
_add(["MobileNetV3Large"], params=_MOBILENET_V3, default_size=None, min_size=32,
     channels=_mobilenet_v3_channels(160), steps=_MOBILENET_V23)
for _i, (_width, _size) in enumerate(((1.0, 224), (1.0, 240), (1.1, 260), (1.2, 300), (1.4, 380), (1.6, 456),
                                      (1.8, 528), (2.0, 600))):
    _add([f"EfficientNetB{_i}"], params=_STANDARD, default_size=_size, min_size=32,
         channels=_fixed(_make_divisible(1280 * _width)), steps=_EFFICIENTNET_STEPS)
for _suffix, (_width, _size) in {"B0": (1.0, 224), "B1": (1.0, 240), "B2": (1.1, 260), "B3": (1.2, 300),
                                 "S": (1.0, 384), "M": (1.0, 480), "L": (1.0, 480)}.items():
    _add([f"EfficientNetV2{_suffix}"], params=_EFFICIENTNET_V2, default_size=_size, min_size=32,
         channels=_fixed(_round_filters_v2(1280, _width)), steps=_EFFICIENTNET_V2_STEPS,
         default_name=f"efficientnetv2-{_suffix.lower()}")
_add(["NASNetMobile"], params=_NASNET, default_size=224, min_size=32, channels=_fixed(1056),
     steps=lambda call, path: _nasnet_path(path, 4, False))
_add(["NASNetLarge"], params=_NASNET, default_size=331, min_size=32, channels=_fixed(4032),
     steps=lambda call, path: _nasnet_path(path, 6, True))
for _name, _dim in (("Tiny", 768), ("Small", 768), ("Base", 1024), ("Large", 1536), ("XLarge", 2048)):
    _add([f"ConvNeXt{_name}"], params=_CONVNEXT, default_size=224, min_size=32, channels=_fixed(_dim),
         steps=_CONVNEXT_STEPS)


# ----------------------------------------------------------------------------- argument checks

def _weights(call: LayerCall) -> str | None:
    """None, 'imagenet', or 'file' (any other string: a weights file, assumed to exist)."""
    value = call.raw("weights", "imagenet")
    if value is None or value == "imagenet":
        return value
    if isinstance(value, str):
        return "file"
    raise call.bad("weights", value, "None, 'imagenet' or the path to a weights file")


def _has_input_tensor(call: LayerCall) -> bool:
    return call.args.get("input_tensor") is not None


def _input_shape_arg(call: LayerCall):
    """``input_shape`` as written (a tuple or list), None when absent; symbols kept."""
    # a front-end's own value (``x_train.shape[1:]`` of data it cannot read, its rank unknown) is not known:
    # never a finding, and never shown in one
    value = call.raw("input_shape", None, allow_symbol=True)
    if value is None:
        return None
    if not isinstance(value, (tuple, list)):
        raise call.bad("input_shape", value, "a tuple of three integers")
    for d in value:
        if d is UNKNOWN:
            raise Unresolved("input_shape")
        if not (d is None or isinstance(d, Symbol) or (is_known(d) and d >= 0)):
            raise call.bad("input_shape", value, "a tuple of three integers")
    return value


def _shape_text(value) -> str:
    return str(tuple(value)) if isinstance(value, tuple) else str(list(value))


def _obtain_input_shape(call: LayerCall, input_shape, default_size: int, min_size: int, require_flatten: bool,
                        weights) -> tuple:
    """``imagenet_utils.obtain_input_shape`` (channels_last): the model's Input shape, without batch."""
    imagenet = weights == "imagenet"
    if not imagenet and input_shape and len(input_shape) == 3:
        default_shape = (default_size, default_size, input_shape[-1])
    else:
        default_shape = (default_size, default_size, 3)
    if imagenet and require_flatten:
        if input_shape is not None:
            if any(isinstance(d, Symbol) for d in input_shape):
                raise Unresolved("input_shape")
            if input_shape != default_shape:  # a list never equals the tuple, as in Keras
                raise ShapeProblem(
                    INVALID_ARGUMENT,
                    f"{call.label}(include_top=True, weights='imagenet', input_shape={_shape_text(input_shape)}): "
                    f"with the ImageNet top, input_shape must be {default_shape}",
                    hint="pass include_top=False to use another input size, then add your own head")
        return default_shape
    if input_shape:
        if len(input_shape) != 3:
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}(input_shape={_shape_text(input_shape)}): input_shape must be a tuple of three "
                f"integers (height, width, channels), without the batch axis")
        if imagenet and input_shape[-1] != 3 and not isinstance(input_shape[-1], Symbol):
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}(weights='imagenet', input_shape={_shape_text(input_shape)}): ImageNet weights need "
                f"3 input channels, got {input_shape[-1]}",
                hint="repeat a grayscale channel 3 times, or use weights=None")
        _check_min_size(call, input_shape, min_size)
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (None, None, 3)
    if require_flatten and None in tuple(input_shape):
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(include_top=True, input_shape={_shape_text(input_shape)}): the classification top "
            f"needs a static input_shape",
            hint="give every input_shape entry, or pass include_top=False")
    return tuple(input_shape)


def _check_min_size(call: LayerCall, input_shape, min_size: int) -> None:
    h, w = input_shape[0], input_shape[1]
    if (is_known(h) and h < min_size) or (is_known(w) and w < min_size):
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(input_shape={_shape_text(input_shape)}): the input must be at least "
            f"{min_size}x{min_size}",
            hint=f"resize or pad the images to at least {min_size}x{min_size}")


def _common_checks(call: LayerCall, weights) -> None:
    include_top = call.flag("include_top", True)
    if weights == "imagenet" and include_top:
        classes = call.raw("classes", 1000, allow_symbol=True)
        if classes != 1000 and not isinstance(classes, Symbol):
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}(include_top=True, weights='imagenet', classes={classes!r}): the ImageNet top "
                f"has 1000 classes",
                hint="pass include_top=False (and pooling='avg') and add Dense(classes) on top, or weights=None")


def _check_activation(call: LayerCall, weights) -> None:
    """``imagenet_utils.validate_activation`` (only with include_top and pretrained weights)."""
    if weights is None or not call.flag("include_top", True):
        return
    try:
        value = call.raw("classifier_activation", "softmax")
    except Unresolved:
        return
    if isinstance(value, str) and value not in ("softmax", "linear"):
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(classifier_activation={value!r}): with pretrained weights and include_top=True, only "
            f"None and 'softmax' are allowed")


def _model_input_shape(call: LayerCall, app: App, actual=None) -> tuple:
    """The shape (no batch) of the model's own Input, after every check Keras makes on the arguments.

    ``actual``: the shape of ``input_tensor`` when one is given (MobileNetV2/V3 compare it with input_shape).
    """
    weights = _weights(call)
    include_top = call.flag("include_top", True)
    _common_checks(call, weights)
    input_shape = _input_shape_arg(call)
    if app.default_size is None:  # MobileNetV3
        return _mobilenet_v3_input(call, input_shape, weights, actual)
    if call.type == "NASNetMobile" and not include_top and input_shape is None:
        input_shape = (224, 224, 3)
    if call.type.startswith("NASNet") and isinstance(input_shape, tuple) and None in input_shape \
            and weights == "imagenet":
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(weights='imagenet', input_shape={input_shape}): NASNet with ImageNet weights needs a "
            f"static input_shape")
    default_size = app.default_size
    if app.square_sizes:
        if call.type == "MobileNetV2" and input_shape is not None and actual is not None and \
                actual[2] != input_shape[1]:
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}(input_shape={_shape_text(input_shape)}): input_tensor of shape "
                f"{format_shape(actual)} has width {actual[2]}, input_shape says {input_shape[1]}")
        if input_shape is not None and len(input_shape) >= 2:
            rows, cols = input_shape[0], input_shape[1]
            if rows == cols and rows in app.square_sizes:
                default_size = rows
        elif input_shape is None and actual is not None and call.type == "MobileNetV2":
            rows, cols = actual[1], actual[2]
            if rows == cols and rows in app.square_sizes:
                default_size = rows
    shape = _obtain_input_shape(call, input_shape, default_size, app.min_size, include_top, weights)
    if call.type == "MobileNet" and weights == "imagenet":
        depth_multiplier = call.raw("depth_multiplier", 1)
        if depth_multiplier != 1:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(depth_multiplier={depth_multiplier!r}): with "
                                                 f"weights='imagenet', depth_multiplier must be 1")
        if _alpha(call) not in (0.25, 0.5, 0.75, 1.0):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(alpha={_alpha(call)!r}): with weights='imagenet', "
                                                 f"alpha must be one of 0.25, 0.5, 0.75, 1.0")
    if call.type == "MobileNetV2" and weights == "imagenet" and _alpha(call) not in (0.35, 0.5, 0.75, 1.0, 1.3, 1.4):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(alpha={_alpha(call)!r}): with weights='imagenet', alpha "
                                             f"must be one of 0.35, 0.5, 0.75, 1.0, 1.3, 1.4")
    if app.default_name and call.args.get("name") not in (None, app.default_name):
        name = call.raw("name")
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(name={name!r}): EfficientNetV2 looks its block configuration up by model name, so "
            f"any name but {app.default_name!r} raises KeyError",
            hint="rename the returned model instead: model.name cannot be set, wrap it in keras.Model(..., name=)")
    _check_activation(call, weights)
    return shape


def _mobilenet_v3_input(call: LayerCall, input_shape, weights, actual) -> tuple:
    if input_shape is not None and actual is not None and actual[2] != input_shape[1]:
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}(input_shape={_shape_text(input_shape)}): input_tensor of shape {format_shape(actual)} "
            f"has width {actual[2]}, input_shape says {input_shape[1]}")
    if input_shape is None and actual is not None:
        input_shape = (actual[2], actual[1], 3)  # Keras' own (cols, rows, 3), only used for the checks
    if input_shape is None:
        input_shape = (None, None, 3)
    if len(input_shape) != 3:
        raise ShapeProblem(RANK, f"{call.label}(input_shape={_shape_text(input_shape)}): input_shape must be "
                                 f"(height, width, channels)")
    rows, cols = input_shape[0], input_shape[1]
    if is_known(rows) and is_known(cols) and rows and cols and (rows < 32 or cols < 32):
        _check_min_size(call, input_shape, 32)
    if weights == "imagenet":
        alpha, minimalistic = _alpha(call), call.flag("minimalistic", False)
        if (not minimalistic and alpha not in (0.75, 1.0)) or (minimalistic and alpha != 1.0):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(alpha={alpha!r}, minimalistic={minimalistic}): with "
                                                 f"weights='imagenet', alpha must be 0.75 or 1.0 (1.0 if minimalistic)")
    _check_activation(call, weights)
    return tuple(input_shape)


def default_input_shape(type_: str, args: dict) -> tuple:
    """The batch-first shape of the Input an application builds for itself: ``(None, *input_shape)`` as
    Keras' ``obtain_input_shape`` settles it, e.g. ``(None, None, None, 3)`` for ``include_top=False`` and
    ``(None, 224, 224, 3)`` (the model's default size) for ``include_top=True``.

    ``args`` are the named constructor arguments (``map_arguments`` of the call).  Raises ShapeProblem where
    the constructor raises, Unresolved for arguments that could not be folded, KeyError for other types.
    Symbolic entries of ``input_shape`` are kept.
    """
    app = APPS[type_]
    call = LayerCall(type_, args)
    return (None, *_model_input_shape(call, app))


# ----------------------------------------------------------------------------- the rule

def _plain(d):
    """Spatial sizes: symbols become None (their value is not known)."""
    return d if is_known(d) or d is None else None


def _application(call: LayerCall, inputs):
    (shape,) = inputs
    app = APPS[call.type]
    rank_problem = ShapeProblem(RANK, f"{call.label} needs input (batch, height, width, channels) but gets "
                                      f"{format_shape(shape)}")
    if _has_input_tensor(call):
        if len(shape) != 4:
            raise rank_problem
        _model_input_shape(call, app, actual=shape)
        build = tuple(shape)
    else:
        build = (None, *_model_input_shape(call, app))
    channel_warning = _check_call(call, build, shape)  # the model's InputSpec comes before its layers
    if len(shape) != 4:
        raise rank_problem
    if build[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs the channel dimension to be known but is built on "
                                          f"{format_shape(build)}")
    path = _Path(call.label, tuple(_plain(d) for d in build[1:3]), tuple(_plain(d) for d in shape[1:3]))
    path = app.steps(call, path) if callable(app.steps) else path.run(app.steps)
    if call.flag("include_top", True):
        if app.flatten_top and None in build[1:3]:
            raise ShapeProblem(UNDEFINED_DIM, f"{call.label}(include_top=True) flattens its last feature map into "
                                              f"Dense(4096), which needs a static input size but is built on "
                                              f"{format_shape(build)}",
                               hint="pass include_top=False, pooling='avg' and add your own Dense head")
        out = (shape[0], call.dim("classes", default=1000))
    else:
        channels = app.channels(call)
        pooling = call.raw("pooling", None)  # anything but 'avg'/'max' is ignored, as in Keras
        spatial = tuple(Symbol(f"{written} through {call.label}") if size is None and isinstance(written, Symbol)
                        else size for size, written in zip(path.actual, shape[1:3]))
        out = (shape[0], channels) if pooling in ("avg", "max") else (shape[0], *spatial, channels)
    if channel_warning:
        raise ShapeProblem(INVALID_ARGUMENT, channel_warning, severity="warning", output=out)
    return out


def _check_call(call: LayerCall, build: tuple, shape: tuple) -> str | None:
    """The Functional model's InputSpec (``allow_last_axis_squeeze=True``) on the tensor it is called on.

    Returns a warning when Keras accepts the call but the model cannot run: the squeeze lets a 1-channel
    tensor through a 3-channel model (or the reverse), and the first convolution fails on data.
    """
    spec = [None, *build[1:]]
    got = list(shape)
    if got and got[-1] == 1:
        got = got[:-1]
    if spec and spec[-1] == 1:
        spec = spec[:-1]
    for want, have in zip(spec, got):
        if is_known(want) and is_known(have) and want != have:
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label} was built for input {format_shape(build)} but is called on {format_shape(shape)}",
                hint="pass input_shape= matching the data (with include_top=False), or resize the images")
    built, got_channels = build[-1], shape[-1]
    if len(shape) == len(build) and is_known(built) and is_known(got_channels) and built != got_channels:
        return (f"{call.label} was built for {built} input channels but is called on {format_shape(shape)}: "
                f"Keras builds the model, and its first convolution fails on data")
    return None


for _type, _app in APPS.items():
    rule(_type, params=_app.params)(_application)


# ----------------------------------------------------------------------------- layers inside backbones
# Two layer classes Keras defines inside keras/src/applications, met when a backbone's own graph is
# replayed (frontends/applications.py) or read from a saved config.

@rule("LayerScale", params=("init_values", "projection_dim"))
def layer_scale(call: LayerCall, inputs):
    """convnext.LayerScale: ``inputs * gamma`` with ``gamma`` of shape (projection_dim,)."""
    (shape,) = inputs
    width = call.raw("projection_dim", None)
    if isinstance(width, int) and shape and is_known(shape[-1]) and shape[-1] != width:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(projection_dim={width}) scales the last axis but "
                                               f"gets {format_shape(shape)}")
    return shape


@rule("CustomScaleLayer", params=("scale",), multi_input=True)
def custom_scale_layer(call: LayerCall, inputs):
    """inception_resnet_v2.CustomScaleLayer: ``inputs[0] + inputs[1] * scale``."""
    if len(inputs) != 2:
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} takes a list of 2 tensors but gets {len(inputs)}")
    a, b = inputs
    if len(a) != len(b) or any(is_known(x) and is_known(y) and x != y for x, y in zip(a[1:], b[1:])):
        raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label} adds {format_shape(a)} and {format_shape(b)}")
    return a
