"""Image preprocessing and augmentation layers (``keras/src/layers/preprocessing/image_preprocessing/``, Keras 3.15).

Symbolically, every one of them keeps the input's shape, except Resizing, CenterCrop and
RandomCrop, which set the height and width (on a rank-3 input, seen as one unbatched image,
the first two axes).  Keras validates the constructor arguments (factor ranges, value_range,
fill_mode, interpolation, kernel_size...) when the layer is made; the image rank (3 or 4) and
the colour channels the colour-space layers need are checked only when the model runs:
warnings here, carrying the shape Keras reports.
"""

from __future__ import annotations

from ..kinds import INVALID_ARGUMENT, RANK
from ..shapes import Symbol, format_shape
from .base import NOT_KNOWN, LayerCall, ShapeProblem, Unresolved, rule
from .shape_math import no_negative_size

# argument -> how Keras checks it: ("base", lo, hi) = BaseImagePreprocessingLayer._set_factor;
# ("open", lo) = each bound in (lo, 1] (RandomZoom); ("closed", lo) = each bound in [lo, 1].
_FACTORS = {
    "RandomBrightness": {"factor": ("base", -1, 1)},
    "RandomContrast": {"factor": ("base", 0, 1)},
    "RandomRotation": {"factor": ("base", -1, 1)},
    "RandomZoom": {"height_factor": ("open", -1), "width_factor": ("open", -1)},
    "RandomTranslation": {"height_factor": ("closed", -1), "width_factor": ("closed", -1)},
    "RandomShear": {"x_factor": ("closed", 0), "y_factor": ("closed", 0)},
    "RandomHue": {"factor": ("base", 0, 1)},
    "RandomSaturation": {"factor": ("base", -1, 1)},
    "RandomSharpness": {"factor": ("base", 0, 1)},
    "RandomInvert": {"factor": ("base", 0, 1)},
    "RandomPosterization": {"factor": ("base", 1, 8)},
    "RandomColorDegeneration": {"factor": ("base", -1, 1)},
    "RandomGaussianBlur": {"factor": ("base", 0, 1)},
    "RandomErasing": {"factor": ("base", 0, 1)},
    "RandomElasticTransform": {"factor": ("base", 0, 1), "scale": ("base", 0, 1)},
    "RandomPerspective": {"factor": ("base", 0, 1)},
    "CutMix": {"factor": ("base", 0, 1)},
    "RandAugment": {"factor": ("base", 0, 1)},
    "AugMix": {"factor": ("base", 0, 1)},
    "Solarization": {"addition_factor": ("base", 0, 1), "threshold_factor": ("base", 0, 1)},
    "RandomColorJitter": {"brightness_factor": ("base", -1, 1), "contrast_factor": ("base", 0, 1),
                          "saturation_factor": ("base", -1, 1), "hue_factor": ("base", 0, 1)},
}
_REQUIRED = {"RandomBrightness": "factor", "RandomContrast": "factor", "RandomRotation": "factor",
             "RandomZoom": "height_factor", "RandomTranslation": "height_factor", "RandomHue": "factor",
             "RandomSaturation": "factor", "RandomSharpness": "factor", "RandomPosterization": "factor",
             "RandomColorDegeneration": "factor"}
_WITH_VALUE_RANGE = {"AutoContrast", "Equalization", "RandomBrightness", "RandomContrast", "Solarization",
                     "RandAugment", "AugMix", "RandomColorJitter", "RandomColorDegeneration", "RandomHue",
                     "RandomSaturation", "RandomSharpness", "RandomInvert", "RandomPosterization",
                     "RandomGaussianBlur", "RandomErasing", "RandomElasticTransform",
                     "ContrastLimitedAdaptiveHistogramEqualization"}
_WITH_FILL = {"RandomRotation", "RandomZoom", "RandomTranslation", "RandomShear"}
_NEEDS_RGB = {"RandomHue", "RandomSaturation"}  # rgb_to_hsv: exactly 3 channels
# AugMix fails on other than 1 or 3 channels only when the augmentation it draws at random needs colour: not
# reported (Keras itself sometimes runs it); RandAugment always fails there (see _check_mixing_arguments).
SAME_SHAPE = tuple(sorted(set(_FACTORS) | _WITH_VALUE_RANGE | {
    "RandomFlip", "RandomGrayscale", "MixUp", "Equalization", "AutoContrast",
    "ContrastLimitedAdaptiveHistogramEqualization"}))
# Positional parameters in Keras 3.15's constructor order (RandomRotation(0.1) sets factor).
_POSITIONAL = {
    "AugMix": ("value_range", "num_chains", "chain_depth", "factor", "alpha", "all_ops", "interpolation", "seed",
               "data_format"),
    "AutoContrast": ("value_range",),
    "ContrastLimitedAdaptiveHistogramEqualization": ("value_range", "clip_limit", "tile_grid_size", "data_format"),
    "CutMix": ("factor", "seed", "data_format"),
    "Equalization": ("value_range", "bins", "data_format"),
    "MixUp": ("alpha", "data_format", "seed"),
    "RandAugment": ("value_range", "num_ops", "factor", "interpolation", "seed", "data_format"),
    "RandomBrightness": ("factor", "value_range", "seed"),
    "RandomColorDegeneration": ("factor", "value_range", "data_format", "seed"),
    "RandomColorJitter": ("value_range", "brightness_factor", "contrast_factor", "saturation_factor", "hue_factor",
                          "seed", "data_format"),
    "RandomContrast": ("factor", "value_range", "seed"),
    "RandomElasticTransform": ("factor", "scale", "interpolation", "fill_mode", "fill_value", "value_range", "seed",
                               "data_format"),
    "RandomErasing": ("factor", "scale", "fill_value", "value_range", "seed", "data_format"),
    "RandomFlip": ("mode", "seed", "data_format"),
    "RandomGaussianBlur": ("factor", "kernel_size", "sigma", "value_range", "data_format", "seed"),
    "RandomGrayscale": ("factor", "data_format", "seed"),
    "RandomHue": ("factor", "value_range", "data_format", "seed"),
    "RandomInvert": ("factor", "value_range", "seed", "data_format"),
    "RandomPerspective": ("factor", "scale", "interpolation", "fill_value", "seed", "data_format"),
    "RandomPosterization": ("factor", "value_range", "data_format", "seed"),
    "RandomRotation": ("factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format"),
    "RandomSaturation": ("factor", "value_range", "data_format", "seed"),
    "RandomSharpness": ("factor", "value_range", "data_format", "seed"),
    "RandomShear": ("x_factor", "y_factor", "interpolation", "fill_mode", "fill_value", "data_format", "seed"),
    "RandomTranslation": ("height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value",
                          "data_format"),
    "RandomZoom": ("height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value",
                   "data_format"),
    "Solarization": ("addition_factor", "threshold_factor", "value_range", "seed"),
}
_RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_factor(call: LayerCall, name: str, spec: tuple) -> None:
    value = call.maybe(name)
    if value is NOT_KNOWN:  # a factor from a config: the shape does not depend on it
        return
    if value is None:
        if name == _REQUIRED.get(call.type):
            raise call.bad(name, value, "a number or a pair of numbers")
        return
    kind, lo = spec[0], spec[1]
    hi = spec[2] if kind == "base" else 1
    where = f"in [{lo}, {hi}]" if kind != "open" else f"in ({lo}, 1]"
    if isinstance(value, (tuple, list)):
        if len(value) != 2 or not all(_number(v) for v in value):
            raise call.bad(name, value, f"a number or a pair of numbers {where}")
        if kind == "base":
            bad = value[0] > hi or value[1] < lo
        else:
            bad = any(v > 1 or (v <= lo if kind == "open" else v < lo) for v in value)
    elif _number(value):
        bad = (value < lo or value > hi) if kind == "base" else (value > 1 or (value <= lo if kind == "open"
                                                                                  else value < lo))
    else:
        raise call.bad(name, value, f"a number or a pair of numbers {where}")
    if bad:
        raise call.bad(name, value, f"a number or a pair of numbers {where}")


def _check_arguments(call: LayerCall) -> str:
    """The constructor's checks; returns the data format."""
    data_format = call.raw("data_format", None) or "channels_last"
    if isinstance(data_format, str):
        data_format = data_format.lower()
    if data_format not in ("channels_first", "channels_last"):
        raise call.bad("data_format", data_format, "'channels_first' or 'channels_last'")
    for name, spec in _FACTORS.get(call.type, {}).items():
        _check_factor(call, name, spec)
    if call.type == "RandomGrayscale":
        factor = call.raw("factor", 0.5)
        if not _number(factor) or not 0 <= factor <= 1:
            raise call.bad("factor", factor, "a number between 0 and 1")
    if call.type in _WITH_VALUE_RANGE and call.has("value_range"):
        value_range = call.raw("value_range")
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise call.bad("value_range", value_range, "a pair of numbers (low, high)")
    if call.type in _WITH_FILL:
        fill_mode = call.raw("fill_mode", "reflect")
        if fill_mode not in ("reflect", "wrap", "constant", "nearest"):
            raise call.bad("fill_mode", fill_mode, "one of 'reflect', 'wrap', 'constant', 'nearest'")
        interpolation = call.raw("interpolation", "bilinear")
        if interpolation not in ("nearest", "bilinear"):
            raise call.bad("interpolation", interpolation, "'nearest' or 'bilinear'")
    if call.type == "RandomGaussianBlur":
        size = call.raw("kernel_size", 3)
        if isinstance(size, int) and (size <= 0 or size % 2 == 0):
            raise call.bad("kernel_size", size, "a positive odd integer")
    if call.type == "RandomPerspective":
        scale = call.raw("scale", 1.0)
        if _number(scale) and not 0 <= scale <= 1:
            raise call.bad("scale", scale, "a number in [0, 1]")
    return data_format


def _runtime_rank(call: LayerCall, shape: tuple, output) -> None:
    if len(shape) not in (3, 4):
        raise ShapeProblem(RANK, f"{call.label} needs images (batch, height, width, channels) or one image "
                                 f"(height, width, channels) but gets {format_shape(shape)}; Keras builds the "
                                 f"layer but fails when it runs",
                           severity="warning", output=output, hint=f"expected rank 3 or 4, found {len(shape)}")


def same_shape_image(call: LayerCall, inputs):
    (shape,) = inputs
    data_format = _check_arguments(call)
    if call.type == "RandomColorDegeneration":  # its compute_output_shape checks rank and channels
        if len(shape) not in (3, 4):
            raise ShapeProblem(RANK, f"{call.label} needs images of rank 3 or 4 but gets {format_shape(shape)}")
        channels = shape[-1 if data_format == "channels_last" else -3]
        if channels is not None and channels != 3:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 colour channels but gets {channels} in "
                                                 f"{format_shape(shape)}")
        return shape
    _runtime_rank(call, shape, shape)
    channels = shape[-1 if data_format == "channels_last" else -3]
    rgb = call.type in _NEEDS_RGB or (call.type == "RandomColorJitter" and (
        call.raw("hue_factor", None) is not None or call.raw("saturation_factor", None) is not None))
    if call.type == "RandomColorJitter":  # its RandomHue/RandomSaturation are made without data_format: last axis
        channels = shape[-1]
    if isinstance(channels, int) and rgb and channels != 3:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 colour channels but "
                                             f"gets {channels} in {format_shape(shape)}; Keras builds the layer "
                                             f"but fails when it runs", severity="warning", output=shape)
    if call.type == "RandomGrayscale" and isinstance(channels, int) and channels not in (1, 3):
        # rgb_to_grayscale: "Invalid channel size: expected 3 (RGB) or 1 (Grayscale)", whatever the factor
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 (RGB) or 1 (grayscale) channels but gets "
                                             f"{channels} in {format_shape(shape)}; Keras builds the layer but "
                                             f"fails when it runs", severity="warning", output=shape)
    _check_mixing_arguments(call, shape, channels)
    _check_one_pixel_side(call, shape, data_format)
    return shape


def _upper(value):
    """The upper bound Keras keeps of a factor: the number itself, the larger of a pair; None when not known."""
    if _number(value):
        return value
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(_number(v) for v in value):
        return max(value)
    return None


def _check_one_pixel_side(call: LayerCall, shape: tuple, data_format: str) -> None:
    """RandomPerspective and RandomElasticTransform on images 1 pixel high or wide, in training.

    RandomPerspective maps the corners (0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1): with h or w = 1 two of
    them coincide and the homography's linear system is singular, whatever the factor (it is solved for every
    image, then kept or not): torch.linalg.solve raises.  RandomElasticTransform (unless its factor or scale is
    0: no transformation) squeezes its displacement fields with a bare ``squeeze()`` in the torch backend, which
    drops a size-1 height or width too, and the sampling grid no longer matches.  The axes are the ones the layer
    reads (-3, -2 channels_last; -2, -1 channels_first): on a rank-3 model input the first is the batch."""
    if call.type not in ("RandomPerspective", "RandomElasticTransform"):
        return
    axes = (-3, -2) if data_format == "channels_last" else (-2, -1)
    sides = [shape[a] for a in axes]
    if not any(isinstance(d, int) and d == 1 for d in sides):
        return
    if call.type == "RandomElasticTransform":
        factor, scale = _upper(call.maybe("factor", 1.0)), _upper(call.maybe("scale", 1.0))
        if factor is None or scale is None or factor == 0 or scale == 0:
            return
        why = "its displacement fields lose the size-1 axis (torch backend)"
    else:
        why = "the corners it maps coincide and the perspective transform is singular"
    raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} on images {format_shape(shape)} of height x width "
                                         f"{sides[0] if sides[0] is not None else '?'} x "
                                         f"{sides[1] if sides[1] is not None else '?'}: {why}; Keras builds the "
                                         f"layer but fails when it transforms the first batch in training",
                       severity="warning", output=shape, hint="apply it to images at least 2 pixels on each side")


def _check_mixing_arguments(call: LayerCall, shape: tuple, channels) -> None:
    """What RandAugment, AugMix and MixUp take as given in the constructor and use only in training, when the
    layer draws its random transformation (the layers' default ``training=True``: a plain ``model(x)``, fit).

    - RandAugment ``num_ops`` and AugMix ``num_chains`` are sizes of random tensors (``randint((num_ops,))``,
      a Dirichlet sample of ``[num_chains]``): a negative int fails ("Trying to create tensor with negative
      dimension", "numel: integer multiplication overflow"), a float too.  0 is accepted (no augmentation).
    - MixUp and AugMix ``alpha`` parametrise Beta/Gamma samples: alpha <= 0 fails on the torch backend
      ("Expected parameter concentration ... GreaterThan(lower_bound=0.0)"), other backends draw NaN.
      MixUp draws its sample in inference too.
    - RandAugment runs every augmentation it may pick on the images on each of its ``num_ops`` steps (one is
      selected per step with ``where``), RandomColorDegeneration's rgb_to_grayscale among them: images with
      other than 1 or 3 channels fail whenever num_ops >= 1 ("Invalid channel size").  (AugMix picks its
      augmentations at random: it sometimes runs; not reported.)
    """
    if call.type in ("RandAugment", "AugMix"):
        name, default = ("num_ops", 2) if call.type == "RandAugment" else ("num_chains", 3)
        count = call.maybe(name, default)
        if count is not NOT_KNOWN and count is not None and (
                not _number(count) or not isinstance(count, int) or count < 0):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}={count!r}): expected a non-negative "
                                                 f"integer; Keras builds the layer but fails when it augments "
                                                 f"the first batch", severity="warning", output=shape)
        if (call.type == "RandAugment" and isinstance(count, int) and count >= 1 and isinstance(channels, int)
                and channels not in (1, 3)):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs 3 (RGB) or 1 (grayscale) channels but gets "
                                                 f"{channels} in {format_shape(shape)}: every augmentation step "
                                                 f"also runs the colour degeneration; Keras builds the layer but "
                                                 f"fails when it augments the first batch",
                               severity="warning", output=shape)
    if call.type in ("MixUp", "AugMix"):
        alpha = call.maybe("alpha", 0.2 if call.type == "MixUp" else 1.0)
        if _number(alpha) and alpha <= 0:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(alpha={alpha!r}): expected a positive number (the "
                                                 f"concentration of the Beta distribution the mixing weights are "
                                                 f"drawn from); Keras builds the layer but fails when it mixes the "
                                                 f"first batch", severity="warning", output=shape)


def _height_width(call: LayerCall) -> tuple:
    sizes = []
    for name in ("height", "width"):
        value = call.raw(name, None, allow_symbol=True)
        if value is None:
            raise call.bad(name, value, "an integer")
        if isinstance(value, Symbol):  # Resizing(image_size, image_size) with the size from a config
            sizes.append(value)
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            if isinstance(value, float):  # Keras: "Cannot convert '(None, 8.0, 6, 3)' to a shape"
                raise call.bad(name, value, "an integer")
            raise Unresolved(name)
        sizes.append(value)
    return tuple(sizes)


@rule("Resizing", "CenterCrop", "RandomCrop", params=("height", "width"))
def resize_crop(call: LayerCall, inputs):
    (shape,) = inputs
    height, width = _height_width(call)
    data_format = _check_arguments(call)
    out = list(shape)
    if call.type == "RandomCrop":
        axes = (-3, -2) if data_format == "channels_last" else (-2, -1)
        if len(shape) < 3:
            raise ShapeProblem(RANK, f"{call.label} needs images (batch, height, width, channels) but gets "
                                     f"{format_shape(shape)}")
    else:
        if call.type == "CenterCrop" and len(shape) not in (3, 4):
            raise ShapeProblem(RANK, f"{call.label} needs images (batch, height, width, channels) or one image "
                                     f"(height, width, channels) but gets {format_shape(shape)}")
        first = (1 if len(shape) == 4 else 0) + (0 if data_format == "channels_last" else 1)
        axes = (first, first + 1)
        if len(shape) < first + 2:
            raise ShapeProblem(RANK, f"{call.label} needs images but gets {format_shape(shape)}")
    out[axes[0]], out[axes[1]] = height, width
    out = no_negative_size(call, tuple(out), f"height={height}, width={width}")
    _runtime_rank(call, shape, out)
    if call.type in ("CenterCrop", "RandomCrop") and 0 in (height, width) and len(shape) in (3, 4):
        # a crop of size 0 works while it fits the image; where the image must be resized first (CenterCrop: the
        # crop is larger on one side; RandomCrop in training: not smaller on both sides) Keras divides by it
        sizes = (shape[axes[0]], shape[axes[1]])
        if all(isinstance(d, int) for d in sizes):
            if call.type == "CenterCrop":
                resized = sizes[0] < height or sizes[1] < width
            else:
                resized = not (sizes[0] > height and sizes[1] > width)
            if resized:
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(height={height}, width={width}) on images "
                                                     f"{format_shape(shape)}: the image is resized to the crop's "
                                                     f"aspect ratio, which divides by the size 0; Keras builds the "
                                                     f"layer but fails when it runs", severity="warning", output=out)
    if call.type == "Resizing":
        if any(isinstance(v, int) and v <= 0 for v in (height, width)):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(height={height}, width={width}): sizes must be "
                                                 f"positive; Keras builds the layer but fails when it runs",
                               severity="warning", output=out)
        interpolation = call.raw("interpolation", "bilinear")
        if interpolation not in _RESIZE_INTERPOLATIONS:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(interpolation={interpolation!r}): expected one of "
                                                 f"{', '.join(map(repr, _RESIZE_INTERPOLATIONS))}; Keras builds "
                                                 f"the layer but fails when it runs", severity="warning", output=out)
        if call.flag("crop_to_aspect_ratio") and call.flag("pad_to_aspect_ratio"):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: crop_to_aspect_ratio and pad_to_aspect_ratio "
                                                 f"cannot both be True; Keras builds the layer but fails when it "
                                                 f"runs", severity="warning", output=out)
    return out


for _type in SAME_SHAPE:
    rule(_type, params=_POSITIONAL.get(_type, ()))(same_shape_image)


def _int_convertible(call: LayerCall, name: str, default) -> None:
    """``int(value)`` in the constructor: a number or a numeric string passes, anything else raises."""
    value = call.maybe(name, default)
    if value is NOT_KNOWN or isinstance(value, (int, float)):
        return
    if isinstance(value, str):
        try:
            int(value)
            return
        except ValueError:
            pass
    raise call.bad(name, value, "an integer")


@rule("MaxNumBoundingBoxes", params=("max_number", "fill_value"))
def max_num_bounding_boxes(call: LayerCall, inputs):
    """Pads/truncates the bounding boxes of a ``{"images", "bounding_boxes"}`` dict to ``max_number``; on an
    image tensor it is the identity (``transform_images`` returns the images)."""
    (shape,) = inputs
    if not call.has("max_number"):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: missing the required argument `max_number`")
    _int_convertible(call, "max_number", None)
    _int_convertible(call, "fill_value", -1)
    _runtime_rank(call, shape, shape)
    return shape
