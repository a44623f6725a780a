"""Numeric, categorical, text and audio preprocessing layers (``keras/src/layers/preprocessing/``, Keras 3.15).

Normalization, CategoryEncoding, Discretization, Hashing, HashedCrossing, IntegerLookup,
StringLookup, TextVectorization, MelSpectrogram, STFTSpectrogram: each rule follows the layer's
``compute_output_shape`` (the symbolic shape Keras reports) and the checks its constructor
and ``build`` make.  Vocabulary sizes: ``len(vocabulary)`` plus the OOV indices plus the mask
token (IntegerLookup/StringLookup); ``len(vocabulary) + 1`` for TextVectorization's non-int modes;
``max_tokens`` with ``pad_to_max_tokens=True``.  A vocabulary still to be ``adapt()``-ed leaves
the encoded size unknown.
"""

from __future__ import annotations

import math

from ..kinds import INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import Symbol, dim_add, format_shape
from .base import NOT_KNOWN, LayerCall, ShapeProblem, Unresolved, require_rank, rule
from .shape_math import conv_output_shape


# Deprecated spellings the layer renames before validating (CategoryEncoding, IndexLookup, TextVectorization).
_LEGACY_MODES = {"CategoryEncoding": {"binary": "multi_hot"}, "StringLookup": {"binary": "multi_hot", "tf-idf": "tf_idf"},
                 "IntegerLookup": {"binary": "multi_hot", "tf-idf": "tf_idf"},
                 "TextVectorization": {"binary": "multi_hot", "tf-idf": "tf_idf"}}


def _mode(call: LayerCall, options: tuple, default: str) -> str:
    value = call.raw("output_mode", default)
    value = _LEGACY_MODES.get(call.type, {}).get(value, value) if isinstance(value, str) else value
    if value not in options:
        raise call.bad("output_mode", value, "one of " + ", ".join(map(repr, options)))
    return value


def _np_shape(value):
    """``np.shape`` of a number or a (nested) list of numbers; None when it is not such a value."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ()
    if isinstance(value, (list, tuple)) and value:
        inner = {_np_shape(v) for v in value}
        if len(inner) == 1 and None not in inner:
            return (len(value), *inner.pop())
    return None


def _sized_list(value):
    return len(value) if isinstance(value, (list, tuple)) else None


@rule("Normalization", params=("axis", "mean", "variance", "invert"))
def normalization(call: LayerCall, inputs):
    (shape,) = inputs
    mean, variance = call.raw("mean", None), call.raw("variance", None)
    if (mean is None) != (variance is None):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(mean={mean!r}, variance={variance!r}): give both "
                                             f"mean and variance, or neither (and adapt())")
    axis = call.raw("axis", -1)
    axes = () if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
    if mean is not None:  # __init__: np.shape(mean) == np.shape(variance), and rank(mean) <= len(axis)
        mean_shape, variance_shape = _np_shape(mean), _np_shape(variance)
        if mean_shape is not None and variance_shape is not None and mean_shape != variance_shape:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: mean and variance must have the same shape "
                                                 f"({mean_shape} != {variance_shape})")
        if mean_shape is not None and len(mean_shape) > len(axes):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(axis={axis!r}): mean of shape {mean_shape} has more "
                                                 f"axes than the {len(axes)} kept axes")
    for a in axes:
        if not -len(shape) <= a < len(shape):
            raise call.bad("axis", axis, f"axes in [-{len(shape)}, {len(shape)}) for input {format_shape(shape)}")
    kept = [shape[a] for a in axes]
    if None in kept:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label}(axis={axis!r}) needs the kept axes to be known (one mean "
                                          f"per position) but gets {format_shape(shape)}")
    if len(kept) == 1 and isinstance(kept[0], int):
        for name, value in (("mean", mean), ("variance", variance)):
            n = _sized_list(value)
            if n is not None and n not in (1, kept[0]):
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}({name}=<{n} values>) on input "
                                                     f"{format_shape(shape)}: expected {kept[0]} values (axis "
                                                     f"{axes[0]}) or one")
    return shape


@rule("CategoryEncoding", params=("num_tokens", "output_mode", "sparse"))
def category_encoding(call: LayerCall, inputs):
    (shape,) = inputs
    tokens = call.raw("num_tokens", None)
    if tokens is None:
        raise call.bad("num_tokens", tokens, "the number of tokens (use IntegerLookup when it is not known)")
    if isinstance(tokens, int) and tokens < 1:
        raise call.bad("num_tokens", tokens, "an integer >= 1")
    mode = _mode(call, ("one_hot", "multi_hot", "count"), "multi_hot")
    if len(shape) == 0:
        return (tokens,)
    if mode == "one_hot" and (shape[-1] != 1 or len(shape) == 1):
        return (*shape, tokens)
    return (*shape[:-1], tokens)


@rule("Discretization", params=("bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse"))
def discretization(call: LayerCall, inputs):
    (shape,) = inputs
    boundaries, bins = call.raw("bin_boundaries", None), call.raw("num_bins", None)
    if boundaries is not None and bins is not None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: give num_bins or bin_boundaries, not both")
    if boundaries is None and bins is None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: give num_bins or bin_boundaries")
    mode = _mode(call, ("int", "one_hot", "multi_hot", "count"), "int")
    if mode == "int":
        return shape
    depth = len(boundaries) + 1 if boundaries is not None else bins
    if mode == "one_hot":
        return (*shape[:-1], depth) if shape and shape[-1] == 1 and len(shape) > 1 else (*shape, depth)
    return (shape[0], *shape[2:], depth) if len(shape) >= 2 else (depth,)


@rule("Hashing", params=("num_bins", "mask_value", "salt", "output_mode", "sparse"))
def hashing(call: LayerCall, inputs):
    (shape,) = inputs
    bins = call.raw("num_bins", None)
    if bins is None or (isinstance(bins, int) and bins <= 0):
        raise call.bad("num_bins", bins, "a positive integer")
    mode = _mode(call, ("int", "one_hot", "multi_hot", "count"), "int")
    if mode == "int":
        return shape
    return (*shape[:-1], bins) if shape else (bins,)


@rule("HashedCrossing", params=("num_bins", "output_mode", "sparse"), multi_input=True)
def hashed_crossing(call: LayerCall, inputs):
    bins = call.raw("num_bins", None)
    if bins is None or (isinstance(bins, int) and bins <= 0):
        raise call.bad("num_bins", bins, "a positive integer")
    mode = _mode(call, ("int", "one_hot"), "int")
    if len(inputs) != 2:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} takes a list of 2 tensors but gets {len(inputs)}")
    a, b = inputs
    if a[-1:] != b[-1:]:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: the two inputs must have the same shape, not "
                                             f"{format_shape(a)} and {format_shape(b)}")
    out = a if mode == "int" else (*a, bins) if a[-1] != 1 else (*a[:-1], bins)
    if len(a) > 2 or (len(a) == 2 and a[-1] not in (1, None)):
        raise ShapeProblem(RANK, f"{call.label} needs inputs of shape (batch,) or (batch, 1) but gets "
                                 f"{format_shape(a)}; Keras builds the layer but fails when it runs",
                           severity="warning", output=out)
    return out


_LOOKUP_PARAMS = ("max_tokens", "num_oov_indices", "mask_token", "oov_token", "vocabulary", "vocabulary_dtype",
                  "idf_weights", "invert", "output_mode", "sparse", "pad_to_max_tokens")


@rule("StringLookup", params=("max_tokens", "num_oov_indices", "mask_token", "oov_token", "vocabulary", "idf_weights",
                              "invert", "output_mode", "pad_to_max_tokens", "sparse", "encoding"))
@rule("IntegerLookup", params=_LOOKUP_PARAMS)
def lookup(call: LayerCall, inputs):
    (shape,) = inputs
    mode = _mode(call, ("int", "one_hot", "multi_hot", "count", "tf_idf"), "int")
    oov = call.maybe("num_oov_indices", 1)
    if isinstance(oov, int) and oov < 0:
        raise call.bad("num_oov_indices", oov, "an integer >= 0")
    max_tokens = call.maybe("max_tokens")
    if isinstance(max_tokens, int) and max_tokens <= 1:
        raise call.bad("max_tokens", max_tokens, "an integer > 1, or None")
    vocabulary = call.maybe("vocabulary")  # a vocabulary read from data: the "int" output does not depend on it
    mask = call.maybe("mask_token")
    if mask is NOT_KNOWN and mode != "int":
        raise Unresolved("mask_token")
    if isinstance(vocabulary, (list, tuple)) and mask is not None and mask in vocabulary:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(mask_token={mask!r}): the mask token must not be in "
                                             f"the vocabulary (Keras adds it)")
    if mode == "int":
        return shape
    if call.flag("pad_to_max_tokens") and isinstance(max_tokens, int):
        depth = max_tokens
    elif isinstance(vocabulary, (list, tuple)) and isinstance(oov, int):
        depth = len(vocabulary) + oov + (1 if mask is not None else 0)
    elif isinstance(call.args.get("vocabulary"), Symbol) and isinstance(oov, int):
        # a vocabulary read from data, named after what was written: its size is a named size too
        depth = dim_add(Symbol(f"len({call.args['vocabulary'].name})"), oov + (1 if mask is not None else 0))
    elif call.args.get("vocabulary") is None:
        # no vocabulary given: the one adapt() learns from the data (its OOV and mask entries included)
        depth = Symbol("adapted vocabulary size")
    else:
        raise Unresolved("vocabulary")
    if mode == "one_hot":
        return (*shape[:-1], depth) if len(shape) > 1 and shape[-1] == 1 else (*shape, depth)
    return (*shape[:-1], depth)


@rule("TextVectorization", params=("max_tokens", "standardize", "split", "ngrams", "output_mode",
                                   "output_sequence_length", "pad_to_max_tokens", "vocabulary", "idf_weights",
                                   "sparse", "ragged", "encoding"))
def text_vectorization(call: LayerCall, inputs):
    (shape,) = inputs
    mode = _mode(call, ("int", "one_hot", "multi_hot", "count", "tf_idf"), "int")
    length = call.raw("output_sequence_length", None, allow_symbol=True)
    if length is not None and mode != "int":
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(output_sequence_length={length!r}, output_mode="
                                             f"{mode!r}): output_sequence_length is for output_mode='int' only")
    if call.flag("ragged"):
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(ragged=True) needs the TensorFlow backend")
    max_tokens = call.maybe("max_tokens")
    if isinstance(max_tokens, int) and max_tokens <= 1:
        raise call.bad("max_tokens", max_tokens, "an integer > 1, or None")
    if mode == "int":
        return (shape[0], length)
    split = call.raw("split", "whitespace")
    tokens = (*shape, 1) if split is None and len(shape) <= 1 else shape if split is None else (*shape, None)
    vocabulary = call.raw("vocabulary", None, allow_symbol=True)
    if call.flag("pad_to_max_tokens") and max_tokens is NOT_KNOWN:
        raise Unresolved("max_tokens")
    if call.flag("pad_to_max_tokens") and isinstance(max_tokens, int):
        depth = max_tokens
    elif isinstance(vocabulary, (list, tuple)):
        depth = len(vocabulary) + 1
    elif isinstance(vocabulary, Symbol):  # a vocabulary read from data: its size, named
        depth = dim_add(Symbol(f"len({vocabulary.name})"), 1)
    elif vocabulary is None:
        # no vocabulary given: the one adapt() learns from the data, at most max_tokens entries
        depth = Symbol("adapted vocabulary size")
    else:
        raise Unresolved("vocabulary")
    if mode == "one_hot":
        return (*tokens[:-1], depth) if len(tokens) > 1 and tokens[-1] == 1 else (*tokens, depth)
    return (*tokens[:-1], depth)


@rule("MelSpectrogram", params=("fft_length", "sequence_stride", "sequence_length", "window", "sampling_rate",
                                "num_mel_bins"))
def mel_spectrogram(call: LayerCall, inputs):
    (shape,) = inputs
    fft = call.raw("fft_length", 2048)
    stride = call.raw("sequence_stride", 512)
    length = call.raw("sequence_length", None)
    bins = call.raw("num_mel_bins", 128)
    if length is not None and fft < length:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(fft_length={fft}, sequence_length={length}): "
                                             f"fft_length must be at least sequence_length")
    require_rank(call, shape, min_ndim=1, words="(batch, samples) or (samples,)")  # rank 0: Keras' IndexError
    if len(shape) == 1:
        out = (bins, None if shape[0] is None else (shape[0] + stride + 1) // stride)
    else:
        out = (shape[0], bins, None if shape[1] is None else (shape[1] + stride + 1) // stride)
    if isinstance(bins, int) and bins < 0:  # Keras: "Cannot convert (None, -2, 9) to a shape"
        raise call.bad("num_mel_bins", bins, "a positive integer")
    if bins == 0:  # linear_to_mel_weight_matrix splits num_mel_bins + 2 edges into 3 frames of num_mel_bins
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(num_mel_bins=0): Keras builds the layer (output "
                                             f"{format_shape(out)}) but its mel filter bank fails when it runs",
                           severity="warning", output=out, hint="num_mel_bins must be at least 1")
    if len(shape) == 1 and shape[0] is None:
        # a rank-1 input is one signal (samples,): an unknown only axis is the batch, taken as the signal
        raise ShapeProblem(RANK, f"{call.label}(fft_length={fft}) on input {format_shape(shape)}: a rank-1 input is "
                                 f"one signal, so the batch axis is taken as the samples; Keras builds the layer but "
                                 f"it fails when it runs unless the batch is longer than fft_length // 2 = "
                                 f"{fft // 2 if isinstance(fft, int) else '?'}, and then mixes the samples",
                           severity="warning", output=out, hint="give each sample a signal axis: (batch, samples)")
    last = shape[-1] if shape else None
    if isinstance(last, int) and isinstance(fft, int) and last <= fft // 2:
        # stft(center=True) reflect-pads the last axis by fft_length // 2, which must be shorter than it
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(fft_length={fft}) on input {format_shape(shape)}: the "
                                             f"signal axis ({last} samples) must be longer than fft_length // 2 = "
                                             f"{fft // 2} (reflect padding); Keras builds the layer but fails when "
                                             f"it runs", severity="warning", output=out)
    return out


@rule("STFTSpectrogram", params=("mode", "frame_length", "frame_step", "fft_length", "window", "periodic",
                                 "scaling", "padding", "expand_dims", "data_format"))
def stft_spectrogram(call: LayerCall, inputs):
    (shape,) = inputs
    frame_length = call.raw("frame_length", 256)
    frame_step = call.raw("frame_step", None)
    if frame_step is None:
        frame_step = frame_length // 2
    if not isinstance(frame_step, int) or frame_step <= 0 or frame_step > frame_length:
        raise call.bad("frame_step", frame_step, f"a positive integer not greater than frame_length={frame_length}")
    fft = call.raw("fft_length", None)
    if fft is not None and fft < frame_length:
        raise call.bad("fft_length", fft, f"at least frame_length={frame_length}")
    mode = call.raw("mode", "log")
    if mode not in ("log", "magnitude", "psd", "real", "imag", "angle", "stft"):
        raise call.bad("mode", mode, "one of 'log', 'magnitude', 'psd', 'real', 'imag', 'angle', 'stft'")
    data_format = call.data_format()
    require_rank(call, shape, ndim=3, words="(batch, samples, channels)")
    if fft is None:
        fft = 2 ** int(math.ceil(math.log2(frame_length)))
    freq = fft // 2 + 1
    if mode == "stft":
        freq *= 2
    channels = shape[-1] if data_format == "channels_last" else shape[1]
    padding = call.choice("padding", ("valid", "same"), "valid")
    conv = conv_output_shape(call, shape, None if channels is None else freq * channels, (frame_length,),
                             (frame_step,), padding, data_format, (1,))
    time = conv[1] if data_format == "channels_last" else conv[2]
    if call.flag("expand_dims"):
        return (shape[0], time, freq, channels) if data_format == "channels_last" else (shape[0], channels, freq,
                                                                                          time)
    features = None if channels is None else freq * channels
    return (shape[0], time, features) if data_format == "channels_last" else (shape[0], features, time)
