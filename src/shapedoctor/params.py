"""Trainable parameter counts, as ``model.summary()`` shows them (None when not computable)."""

from __future__ import annotations

from .shapes import is_known


def _int(value, default=None):
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _kernel_volume(args, rank: int):
    k = args.get("kernel_size")
    if isinstance(k, int):
        return k ** rank
    if isinstance(k, (tuple, list)) and all(isinstance(x, int) for x in k):
        volume = 1
        for x in k:
            volume *= x
        return volume
    return None


def count_params(node, input_shape, output_shape) -> int | None:
    t, args = node.type, node.args
    if input_shape is None or output_shape is None:
        return None
    bias = args.get("use_bias", True) is not False
    last_in = input_shape[-1] if input_shape else None
    if t == "Dense":
        units = _int(args.get("units"))
        return last_in * units + units * bias if is_known(last_in) and units else None
    for prefix, rank in (("Conv1D", 1), ("Conv2D", 2), ("Conv3D", 3)):
        if t in (prefix, prefix + "Transpose"):
            filters = _int(args.get("filters"))
            volume = _kernel_volume(args, rank)
            channels = input_shape[1] if args.get("data_format") == "channels_first" else last_in
            groups = _int(args.get("groups"), 1) if t == prefix else 1
            if filters and volume and is_known(channels):
                return volume * (channels // groups) * filters + filters * bias
            return None
    if t in ("SeparableConv1D", "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D"):
        rank = 1 if "1D" in t else 2
        volume = _kernel_volume(args, rank)
        multiplier = _int(args.get("depth_multiplier"), 1)
        channels = input_shape[1] if args.get("data_format") == "channels_first" else last_in
        if not (volume and is_known(channels)):
            return None
        if t.startswith("Depthwise"):
            return volume * channels * multiplier + channels * multiplier * bias
        filters = _int(args.get("filters"))
        return volume * channels * multiplier + channels * multiplier * filters + filters * bias if filters else None
    if t in ("LSTM", "GRU", "SimpleRNN"):
        units = _int(args.get("units"))
        if not units or not is_known(last_in):
            return None
        gates = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}[t]
        recurrent_bias = 2 if t == "GRU" and args.get("reset_after", True) is not False else 1
        return gates * (units * (last_in + units) + units * recurrent_bias * bias)
    if t == "BatchNormalization":
        return 4 * last_in if is_known(last_in) else None
    if t == "LayerNormalization":
        return 2 * last_in if is_known(last_in) else None
    if t == "Embedding":
        vocab, dim = _int(args.get("input_dim")), _int(args.get("output_dim"))
        return vocab * dim if vocab and dim else None
    return 0 if t in WEIGHTLESS else None


WEIGHTLESS = {
    "InputLayer", "Flatten", "Reshape", "Permute", "RepeatVector", "Dropout", "SpatialDropout1D", "SpatialDropout2D",
    "SpatialDropout3D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Activation", "ReLU", "LeakyReLU",
    "ELU", "Softmax", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
    "AveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "UpSampling1D", "UpSampling2D",
    "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D",
    "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot", "Lambda", "Masking",
}
