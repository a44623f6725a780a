"""Hypothesis strategies for random but plausible Keras layer stacks and small functional graphs.

``cases()`` draws a :class:`~case.Case`.  The generator keeps its own rough estimate of
the current per-sample shape (simple formulas written here, independent of
shapedoctor's rules) only to pick layers that *mostly* fit; the truth always comes from
Keras.  About half of the cases aim at an error: the case's ``intent`` names the kind
the generator tried to provoke (``rank``, ``negative-length``, ``reshape-size``,
``undefined-dim``, ``incompatible-merge``, ``invalid-argument``) at one injected layer.
Reproducible: everything is drawn through hypothesis (``derandomize``/``@seed``).
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from .case import Case, Layer

ERROR_KINDS = ("rank", "negative-length", "reshape-size", "undefined-dim", "incompatible-merge", "invalid-argument")
CHANNELS_FIRST_OK = False  # torch CPU conv supports channels_first; pooling too (set per layer below)


def L(type_, *positional, inputs=(), **kwargs) -> Layer:
    """A layer spec: positional values are named after Keras' signature by the caller's order."""
    names = _POSITIONAL.get(type_, ())
    args = tuple(zip(names, positional)) + tuple(kwargs.items())
    return Layer(type_, args, len(positional), tuple(inputs))


_POSITIONAL = {
    "Dense": ("units",), "Conv1D": ("filters", "kernel_size"), "Conv2D": ("filters", "kernel_size"),
    "Conv3D": ("filters", "kernel_size"), "Conv1DTranspose": ("filters", "kernel_size"),
    "Conv2DTranspose": ("filters", "kernel_size"), "Conv3DTranspose": ("filters", "kernel_size"),
    "SeparableConv1D": ("filters", "kernel_size"), "SeparableConv2D": ("filters", "kernel_size"),
    "DepthwiseConv1D": ("kernel_size",), "DepthwiseConv2D": ("kernel_size",),
    "LSTM": ("units",), "GRU": ("units",), "SimpleRNN": ("units",), "Reshape": ("target_shape",),
    "Permute": ("dims",), "RepeatVector": ("n",), "Activation": ("activation",), "Dropout": ("rate",),
    "Bidirectional": ("layer",), "TimeDistributed": ("layer",), "Embedding": ("input_dim", "output_dim"),
    "ConvLSTM1D": ("filters", "kernel_size"), "ConvLSTM2D": ("filters", "kernel_size"),
}


class G:
    """Draw helpers around hypothesis' ``draw``."""

    def __init__(self, draw):
        self.draw = draw

    def int(self, lo, hi):
        return self.draw(st.integers(lo, hi))

    def pick(self, options):
        return self.draw(st.sampled_from(list(options)))

    def chance(self, p_percent: int) -> bool:
        """True with probability p%; shrinks towards True."""
        return self.draw(st.integers(0, 99)) < p_percent

    def rarely(self, p_percent: int) -> bool:
        """True with probability p%; shrinks towards False (for unusual features)."""
        return self.draw(st.integers(0, 99)) >= 100 - p_percent

    def tup(self, n, lo, hi, scalar_ok=True):
        """An int (same for every axis) or a tuple of n ints."""
        if scalar_ok and self.chance(50):
            return self.int(lo, hi)
        return tuple(self.int(lo, hi) for _ in range(n))


def _as_tuple(v, n):
    v = (v,) * n if isinstance(v, int) else tuple(v)
    return v if len(v) == n else (v + (1,) * n)[:n]


def _prod(dims):
    return math.prod(dims)


def _known(s):
    return s is not None and all(isinstance(d, int) for d in s)


# ---------------------------------------------------------------- estimated shape arithmetic
def _conv_len(n, k, s, d, padding):
    if n is None or min(k, s, d) <= 0:
        return None
    eff = d * (k - 1) + 1
    if padding == "same":
        return (n - 1) // s + 1
    return (n - eff) // s + 1


def _split(s, fmt):
    """(spatial, channels) of a per-sample shape."""
    if fmt == "channels_first":
        return list(s[1:]), s[0]
    return list(s[:-1]), s[-1]


def _join(spatial, ch, fmt):
    return (ch, *spatial) if fmt == "channels_first" else (*spatial, ch)


# ---------------------------------------------------------------- valid-ish layers per rank
def conv_layer(g: G, s, bad: str | None = None):
    """A convolution of the right rank for per-sample shape ``s``; ``bad`` asks for an error kind."""
    r = len(s) - 1  # spatial rank
    fmt = "channels_last"
    if g.rarely(15):
        fmt = "channels_first"
    spatial, ch = _split(s, fmt)
    variants = ["Conv", "Conv", "ConvTranspose"] + (["Separable", "Depthwise"] if r <= 2 else [])
    var = g.pick(variants)
    type_ = {"Conv": f"Conv{r}D", "ConvTranspose": f"Conv{r}DTranspose", "Separable": f"SeparableConv{r}D",
             "Depthwise": f"DepthwiseConv{r}D"}[var]
    known = [n for n in spatial if n is not None]
    max_len = min(known) if known else 6
    kernel = g.tup(r, 1, max(1, min(max_len, 4)))
    strides = 1
    dilation = 1
    padding = g.pick(["valid", "valid", "same"] + (["causal"] if type_ == "Conv1D" else []))
    if g.rarely(10):
        padding = padding.upper() if g.chance(50) else padding.capitalize()
    if g.chance(30):
        strides = g.tup(r, 1, 3)
    elif g.chance(20):
        dilation = g.tup(r, 1, 2)
    kwargs = {}
    filters = g.int(1, 6)
    if bad == "negative-length":
        k = (max_len + g.int(1, 3)) if known else 9
        kernel = k if g.chance(50) else tuple(k if i == 0 else 1 for i in range(r))
        padding = "valid"
        var = g.pick(["Conv", "Separable"] if r <= 2 else ["Conv"])
        type_ = {"Conv": f"Conv{r}D", "Separable": f"SeparableConv{r}D"}[var]
        if g.chance(30):
            kernel, dilation = max(2, max_len // 2 + 1), max(2, max_len)
            strides = 1
    elif bad == "invalid-argument":
        how = g.pick(["strides+dilation", "output_padding", "groups", "filters", "padding", "kernel0", "strides0",
                      "kernel-len", "padding-tuple", "dilation0", "depth0"])
        if how == "strides+dilation" or (how == "output_padding" and var != "ConvTranspose"):
            strides, dilation = g.int(2, 3), 2
            if var == "ConvTranspose":
                type_ = f"Conv{r}D"
        elif how == "output_padding":
            strides = g.int(1, 2)
            kwargs["output_padding"] = strides + g.int(0, 1)
        elif how == "groups" and var == "Conv":
            kwargs["groups"] = g.int(2, 4)
            filters = kwargs["groups"] * g.int(1, 2) + g.pick([0, 1])
        elif how == "filters" and var != "Depthwise":
            filters = g.pick([0, -1])
        elif how == "padding":
            padding = g.pick(["causal", "full", "SAME"]) if type_ != "Conv1D" else g.pick(["full", "Same"])
        elif how == "strides0":
            strides = 0
        elif how == "kernel-len":
            kernel = tuple([2] * (r + g.pick([1, -1]))) if r > 1 else (2, 2)
        elif how == "padding-tuple":
            padding = tuple([1] * r)
        elif how == "dilation0" and var != "ConvTranspose":
            dilation = 0
        elif how == "depth0" and var in ("Separable", "Depthwise"):
            kwargs["depth_multiplier"] = 0
        else:
            kernel = 0
    elif var == "Conv" and g.chance(15) and ch is not None and ch > 1:
        divs = [d for d in range(2, ch + 1) if ch % d == 0]
        if divs:
            kwargs["groups"] = g.pick(divs)
            filters = kwargs["groups"] * g.int(1, 2)
    if var == "ConvTranspose" and bad != "invalid-argument" and g.chance(30):
        st_ = _as_tuple(strides, r)
        if max(st_) > 1:
            kwargs["output_padding"] = tuple(g.int(0, x - 1) for x in st_)
    if var == "Depthwise":
        if g.chance(50):
            kwargs["depth_multiplier"] = g.int(1, 3)
        layer_args = [kernel]
    else:
        layer_args = [filters, kernel]
    if strides != 1:
        kwargs["strides"] = strides
    if dilation != 1:
        kwargs["dilation_rate"] = dilation
    if padding != "valid" or g.chance(20):
        kwargs["padding"] = padding
    if fmt != "channels_last":
        kwargs["data_format"] = fmt
    if g.chance(30):
        kwargs["activation"] = "relu"
    if g.rarely(20) and layer_args:  # all keywords
        names = _POSITIONAL[type_]
        kwargs = {**dict(zip(names, layer_args)), **kwargs}
        layer_args = []
    layer = L(type_, *layer_args, **kwargs)
    return layer, _est_conv(layer, s)


def _est_conv(layer: Layer, s):
    kw = layer.kwargs
    r = len(s) - 1
    fmt = kw.get("data_format", "channels_last")
    spatial, ch = _split(s, fmt)
    k = _as_tuple(kw.get("kernel_size", 1), r)
    st_ = _as_tuple(kw.get("strides", 1), r)
    d = _as_tuple(kw.get("dilation_rate", 1), r)
    pad = kw.get("padding", "valid")
    if "Transpose" in layer.type:
        out = []
        for n, ki, si in zip(spatial, k, st_):
            out.append(None if n is None else (n * si if pad == "same" else (n - 1) * si + max(ki, si)))
    else:
        out = [_conv_len(n, ki, si, di, "same" if pad in ("same", "causal") else "valid")
               for n, ki, si, di in zip(spatial, k, st_, d)]
    if "Depthwise" in layer.type:
        filters = None if ch is None else ch * kw.get("depth_multiplier", 1)
    else:
        filters = kw.get("filters")
    return _join(out, filters, fmt)


def pool_layer(g: G, s, bad=None):
    r = len(s) - 1
    fmt = "channels_first" if g.rarely(10) else "channels_last"
    spatial, ch = _split(s, fmt)
    if g.chance(25):
        type_ = g.pick([f"GlobalMaxPooling{r}D", f"GlobalAveragePooling{r}D"])
        kwargs = {}
        if g.chance(30):
            kwargs["keepdims"] = True
        if fmt != "channels_last":
            kwargs["data_format"] = fmt
        out = (_join([1] * r, ch, fmt) if kwargs.get("keepdims") else (ch,))
        return L(type_, **kwargs), out
    type_ = g.pick([f"MaxPooling{r}D", f"AveragePooling{r}D"])
    known = [n for n in spatial if n is not None]
    max_len = min(known) if known else 4
    pool = g.tup(r, 1, max(1, min(max_len, 3)))
    kwargs = {}
    if bad == "negative-length":
        pool = max_len + g.int(1, 2)
    elif bad == "invalid-argument":
        if g.chance(50):
            kwargs["padding"] = "causal"
        else:
            pool = 0
    if g.chance(50) or bad is not None:
        kwargs["pool_size"] = pool
    else:
        pool = 2
    if g.chance(30) and bad is None:
        kwargs["strides"] = g.tup(r, 1, 3)
    if g.chance(30) and "padding" not in kwargs:
        kwargs["padding"] = g.pick(["valid", "same"])
    if fmt != "channels_last":
        kwargs["data_format"] = fmt
    p = _as_tuple(pool, r)
    st_ = _as_tuple(kwargs.get("strides", pool), r)
    pad = kwargs.get("padding", "valid")
    out = [_conv_len(n, pi, si, 1, pad) for n, pi, si in zip(spatial, p, st_)]
    return L(type_, **kwargs), _join(out, ch, fmt)


def resize_layer(g: G, s, bad=None):
    """UpSampling / ZeroPadding / Cropping of the right rank."""
    r = len(s) - 1
    what = g.pick(["UpSampling", "ZeroPadding", "Cropping"]) if bad is None else "Cropping"
    fmt = "channels_first" if (g.rarely(10) and not (what == "Cropping" and r == 1)) else "channels_last"
    if r == 1:
        fmt = "channels_last"
    spatial, ch = _split(s, fmt)
    kwargs = {}
    if what == "UpSampling":
        if r == 1:
            size = g.int(1, 3)
            out = [None if n is None else n * size for n in spatial]
        else:
            size = g.tup(r, 1, 3)
            out = [None if n is None else n * z for n, z in zip(spatial, _as_tuple(size, r))]
            if r == 2 and g.rarely(20):
                kwargs["interpolation"] = g.pick(["bilinear", "nearest", "bicubic"])
        kwargs["size"] = size
    else:
        name = "padding" if what == "ZeroPadding" else "cropping"
        known = [n for n in spatial if n is not None]
        max_len = min(known) if known else 4
        hi = max(0, (max_len - 1) // 2) if what == "Cropping" else 2
        if bad == "negative-length":
            hi = max_len
        style = g.int(0, 2)
        if style == 0:
            val = g.int(0 if bad is None else max(1, (max_len + 1) // 2), max(hi, 1) if bad else hi)
            pairs = [(val, val)] * r
        elif style == 1:
            val = tuple(g.int(0, hi) for _ in range(r))
            if bad:
                val = (max_len,) + val[1:]
            pairs = [(v, v) for v in val]
            if r == 1:
                val = (val[0], val[0])
        else:
            pairs = [(g.int(0, hi), g.int(0, hi)) for _ in range(r)]
            if bad:
                pairs[0] = (max_len, 0)
            val = tuple(pairs) if r > 1 else pairs[0]
        kwargs[name] = val
        sign = 1 if what == "ZeroPadding" else -1
        out = [None if n is None else n + sign * (a + b) for n, (a, b) in zip(spatial, pairs)]
    if fmt != "channels_last":
        kwargs["data_format"] = fmt
    return L(f"{what}{r}D", **kwargs), _join(out, ch, fmt)


def recurrent_layer(g: G, s, bad=None, last=False):
    type_ = g.pick(["LSTM", "GRU", "SimpleRNN"])
    units = g.int(1, 6)
    kwargs = {}
    seq = g.chance(40) if not last else g.chance(20)
    if seq:
        kwargs["return_sequences"] = True
    elif g.chance(20):
        kwargs["return_sequences"] = False
    if bad == "invalid-argument":
        units = g.pick([0, -2])
    inner = L(type_, units, **kwargs)
    steps = s[0] if s else None
    out = (steps, units) if seq else (units,)
    if g.chance(45):
        mode = g.pick(["concat", "concat", "sum", "ave", "mul"])
        wk = {} if mode == "concat" else {"merge_mode": mode}
        if bad == "invalid-argument" and g.chance(50):
            inner = L(type_, g.int(1, 4), **kwargs)
            wk = {"merge_mode": "max"}
        w = L("Bidirectional", inner, **wk)
        mult = 2 if mode == "concat" else 1
        out = (steps, units * mult) if seq else (units * mult,)
        return w, out
    return inner, out


def conv_lstm_layer(g: G, s):
    """ConvLSTM1D on (time, steps, ch) / ConvLSTM2D on (time, h, w, ch)."""
    r = len(s) - 2
    inner = s[1:]
    known = [n for n in inner[:-1] if n is not None]
    max_len = min(known) if known else 3
    kernel = g.tup(r, 1, max(1, min(max_len + (1 if g.chance(15) else 0), 3)))
    kwargs = {}
    if g.chance(30):
        kwargs["padding"] = "same"
    if g.chance(20):
        kwargs["strides"] = g.tup(r, 1, 2)
    seq = g.chance(50)
    if seq:
        kwargs["return_sequences"] = True
    filters = g.int(1, 4)
    layer = L(f"ConvLSTM{r}D", filters, kernel, **kwargs)
    conv = _est_conv(L(f"Conv{r}D", filters, kernel, **{k: v for k, v in kwargs.items() if k != "return_sequences"}),
                     inner)
    return layer, ((s[0], *conv) if seq else conv)


def time_distributed(g: G, s, bad=None):
    """TimeDistributed(inner) on (steps, *rest)."""
    rest = s[1:]
    if len(rest) == 1:
        units = g.int(1, 6)
        return L("TimeDistributed", L("Dense", units)), (s[0], units)
    if len(rest) == 2:
        choice = g.pick(["Conv1D", "Flatten", "Pool", "Dense", "RNN"])
        if choice == "RNN":
            inner, est = recurrent_layer(g, rest, bad)
            return L("TimeDistributed", inner), (s[0], *est)
        if choice == "Conv1D":
            inner, est = conv_layer(g, rest, bad)
            if inner.type not in ("Conv1D", "SeparableConv1D", "DepthwiseConv1D", "Conv1DTranspose"):
                inner = L("Conv1D", 2, 2)
                est = _est_conv(inner, rest)
        elif choice == "Flatten":
            inner, est = L("Flatten"), (None if None in rest else _prod(rest),)
        elif choice == "Pool":
            inner, est = pool_layer(g, rest, bad)
        else:
            units = g.int(1, 5)
            inner, est = L("Dense", units), (*rest[:-1], units)
        return L("TimeDistributed", inner), (s[0], *est)
    inner, est = conv_layer(g, rest, bad)
    return L("TimeDistributed", inner), (s[0], *est)


def reshape_layer(g: G, s, bad=None):
    """Reshape to another factorisation (or a wrong one when ``bad``)."""
    size = _prod(s) if _known(s) else None
    if size is None:
        n = g.int(1, 8)
        return L("Reshape", (-1, n) if g.chance(50) else (n,)), None
    divisors = [d for d in range(1, size + 1) if size % d == 0]
    rank = g.int(1, 3)
    target = []
    rem = size
    for _ in range(rank - 1):
        d = g.pick([x for x in divisors if rem % x == 0])
        target.append(d)
        rem //= d
    target.append(rem)
    if bad == "reshape-size":
        i = g.int(0, len(target) - 1)
        target[i] = target[i] + g.pick([1, 2, -1 if target[i] > 1 else 3])
        if g.chance(25) and len(target) > 1:
            j = (i + 1) % len(target)
            target[j] = -1
            if size % max(1, _prod([t for t in target if t != -1])) == 0:
                target[i] += 1
        if _prod([t for t in target if t != -1]) == size and -1 not in target:
            target[0] += 1
    elif g.chance(25) and len(target) > 1:
        target[g.int(0, len(target) - 1)] = -1
    elif bad == "invalid-argument":
        target[0] = -2 if g.chance(50) else target[0]
        if target[0] != -2:
            target = [-1, -1] + target[1:]
    est = tuple(size // max(1, _prod([t for t in target if t != -1])) if t == -1 else t for t in target)
    return L("Reshape", tuple(target)), est


def permute_layer(g: G, s, bad=None):
    n = len(s)
    dims = list(range(1, n + 1))
    perm = g.draw(st.permutations(dims))
    if bad == "invalid-argument":
        perm = list(perm)
        perm[0] = 0 if g.chance(50) else n + 1
    elif bad == "rank":
        perm = list(range(1, n + 1 + g.pick([1, -1]))) if n > 1 else [1, 2]
        if not perm:
            perm = [1, 2]
    est = tuple(s[d - 1] for d in perm) if bad is None else None
    return L("Permute", tuple(perm)), est


def generic_layer(g: G, s):
    """Rank-agnostic layers: Dense, Activation, Dropout, normalization."""
    kind = g.pick(["Dense", "Dense", "Activation", "Dropout", "BatchNormalization", "LayerNormalization",
                   "GroupNormalization", "SpatialDropout"])
    if kind == "SpatialDropout":
        if 2 <= len(s) <= 4 and g.chance(80):
            return L(f"SpatialDropout{len(s) - 1}D", 0.2), s
        return L(f"SpatialDropout{g.int(1, 3)}D", 0.2), s
    if kind == "GroupNormalization":
        ch = s[-1]
        divs = [d for d in range(1, (ch or 1) + 1) if ch and ch % d == 0] or [1]
        groups = g.pick(divs) if g.chance(80) else g.int(2, 5)
        return L("GroupNormalization", groups=groups), s
    if kind == "Dense":
        units = g.int(1, 8)
        return L("Dense", units, **({"activation": "relu"} if g.chance(40) else {})), (*s[:-1], units)
    if kind == "Activation":
        return L("Activation", g.pick(["relu", "tanh", "sigmoid"])), s
    if kind == "Dropout":
        return L("Dropout", 0.25), s
    kwargs = {}
    if g.chance(25):
        kwargs["axis"] = g.int(1, len(s)) if g.chance(50) else -1
        if kind == "LayerNormalization" and len(s) > 1 and g.chance(30):
            kwargs["axis"] = tuple(sorted({g.int(1, len(s)), g.int(1, len(s))}))
    return L(kind, **kwargs), s


def bad_rank_layer(g: G, s):
    """A layer whose InputSpec rank differs from len(s) + 1."""
    rank = len(s) + 1
    candidates = []
    for r in (1, 2, 3):
        if r + 2 != rank:
            candidates += [("conv", r), ("pool", r), ("resize", r)]
    if rank != 3:
        candidates += [("rnn", 0)]
    if rank != 2:
        candidates += [("repeat", 0)]
    if rank < 3:
        candidates += [("td", 0)]
    what, r = g.pick(candidates)
    fake = tuple([5] * (r + 1)) if r else (5, 5)
    if what == "conv":
        layer, _ = conv_layer(g, fake)
        if layer.type.startswith("Depthwise") or "groups" in layer.kwargs:
            layer = L(f"Conv{r}D", 2, 2)
    elif what == "pool":
        layer, _ = pool_layer(g, fake)
    elif what == "resize":
        layer, _ = resize_layer(g, fake)
    elif what == "rnn":
        layer, _ = recurrent_layer(g, fake)
    elif what == "repeat":
        layer = L("RepeatVector", g.int(1, 4))
    else:
        layer = L("TimeDistributed", L("Dense", 3))
    return layer


def next_layer(g: G, s, bad=None, last=False):
    """One layer for per-sample shape ``s`` (None = unknown); returns (layer, estimated output)."""
    if s is None:
        return generic_layer(g, (4,))[0], None
    rank = len(s) + 1
    if bad == "rank":
        return bad_rank_layer(g, s), None
    if bad == "reshape-size":
        return reshape_layer(g, s, bad)
    if bad == "negative-length":
        if rank >= 3:
            f = g.pick(["conv", "pool", "resize"])
            return {"conv": conv_layer, "pool": pool_layer, "resize": resize_layer}[f](g, s, bad)
        return bad_rank_layer(g, s), None
    if bad == "invalid-argument":
        opts = ["permute", "dense0", "dropout", "norm-axis"]
        if rank >= 3:
            opts += ["conv", "conv", "pool", "rnn" if rank == 3 else "conv", "reshape"]
        what = g.pick(opts)
        if what == "conv":
            return conv_layer(g, s, bad)
        if what == "pool":
            return pool_layer(g, s, bad)
        if what == "rnn":
            return recurrent_layer(g, s, bad)
        if what == "reshape":
            return reshape_layer(g, s, bad)
        if what == "permute":
            return permute_layer(g, s, bad)
        if what == "norm-axis":
            return L(g.pick(["BatchNormalization", "LayerNormalization"]),
                     axis=g.pick([len(s) + 1, len(s) + 2, -(len(s) + 2)])), None
        if what == "dense0":
            return L("Dense", g.pick([0, -3])), None
        return L("Dropout", g.pick([1.5, -0.1])), None
    options = ["generic", "generic"]
    if rank == 2:
        options += ["reshape", "repeat"]
    if rank >= 3:
        options += ["flatten", "reshape", "permute"]
        if rank <= 5:
            options += ["conv", "conv", "pool", "pool", "resize"]
        options += ["td"]
    if rank == 3:
        options += ["rnn", "rnn", "rnn", "rnn"]
    if rank in (4, 5):
        options += ["convlstm"]
    what = g.pick(options)
    if what == "convlstm":
        return conv_lstm_layer(g, s)
    if what == "generic":
        return generic_layer(g, s)
    if what == "reshape":
        return reshape_layer(g, s)
    if what == "repeat":
        n = g.int(1, 6)
        return L("RepeatVector", n), (n, *s)
    if what == "flatten":
        est = (_prod(s),) if _known(s) else (None,)
        if g.rarely(15):
            return L("Flatten", data_format=g.pick(["channels_first", "channels_last"])), est
        return L("Flatten"), est
    if what == "permute":
        return permute_layer(g, s)
    if what == "conv":
        return conv_layer(g, s)
    if what == "pool":
        return pool_layer(g, s)
    if what == "resize":
        return resize_layer(g, s)
    if what == "td":
        return time_distributed(g, s)
    return recurrent_layer(g, s, last=last)


def _positive(s):
    return s is not None and all(d is None or d > 0 for d in s)


@st.composite
def input_shapes(draw, undefined: bool = False):
    g = G(draw)
    rank = g.int(2, 5)  # with the batch axis
    dims = [g.int(1, 12 if rank <= 3 else 8) for _ in range(rank - 1)]
    if rank == 5:
        dims = [g.int(1, 6) for _ in range(4)]
    if undefined and rank >= 3:
        dims[g.int(0, rank - 2)] = None
    elif rank >= 3 and g.rarely(20):
        dims[g.int(0, rank - 3)] = None  # a variable-length series or image side
    return tuple(dims)


@st.composite
def chains(draw, intent: str | None = None):
    """A Sequential-style chain; ``intent`` None draws valid or one error kind half/half."""
    g = G(draw)
    if intent is None:
        intent = "valid" if g.chance(35) else g.pick([k for k in ERROR_KINDS if k != "incompatible-merge"])
    shape = draw(input_shapes(undefined=intent == "undefined-dim"))
    n = g.int(1, 6)
    bad_at = g.int(0, n - 1) if intent != "valid" else -1
    layers = []
    s = shape
    if intent == "undefined-dim":
        # a dimension is None: provoke a layer that needs it
        bad_at = g.int(0, n - 1)
    for i in range(n):
        if i == bad_at and intent == "undefined-dim":
            layer, est = _undefined_dim_layer(g, s)
        else:
            layer, est = next_layer(g, s, bad=intent if i == bad_at else None, last=i == n - 1)
        layers.append(Layer(layer.type, layer.args, layer.npos, (i,)))
        s = est if _positive(est) else None
    if g.rarely(25) and shape and len(shape) == 1 and intent in ("valid", "rank", "invalid-argument"):
        layers.insert(0, Layer("Embedding", (("input_dim", 20), ("output_dim", g.int(1, 4))), 2, (0,)))
        layers = [Layer(x.type, x.args, x.npos, (i,)) for i, x in enumerate(layers)]
    style = g.pick(["sequential", "add", "functional"])
    spelling = g.pick(["layers", "names", "dotted"])
    last = layers[-1]
    if style == "functional" and last.type in ("LSTM", "GRU", "SimpleRNN") and g.rarely(60):
        layers[-1] = Layer(last.type, last.args + (("return_state", True),), last.npos, last.inputs)
    elif style == "functional" and last.type == "Bidirectional" and g.rarely(60):
        layers[-1] = Layer(last.type, tuple(a for a in last.args if a[0] != "merge_mode") + (("merge_mode", None),),
                           last.npos, last.inputs)
    batch = g.int(1, 4) if g.rarely(10) else None
    return Case(shape, tuple(layers), batch, style, spelling, intent, input_kwarg=g.rarely(20), lists=g.rarely(15))


def _undefined_dim_layer(g: G, s):
    if s is None:
        return L("Dense", 3), None
    if s[-1] is None:
        return g.pick([L("Dense", g.int(1, 4)), L("Conv1D", 2, 1) if len(s) == 2 else L("LSTM", 2)
                       if len(s) == 2 else L("Dense", 2)]), None
    if None in s:
        return L("Flatten"), (None,)
    return L("Dense", 2), None


@st.composite
def graphs(draw, intent: str | None = None):
    """A small functional DAG: a trunk with residual/parallel blocks joined by merge layers."""
    g = G(draw)
    if intent is None:
        intent = "valid" if g.chance(40) else g.pick(["incompatible-merge", "incompatible-merge", "rank",
                                                      "negative-length", "invalid-argument"])
    shape = draw(input_shapes())
    nodes: list[Layer] = []
    cur, s = 0, shape
    n_blocks = g.int(1, 3)
    bad_block = g.int(0, n_blocks - 1) if intent != "valid" else -1

    def add(layer: Layer, inputs) -> int:
        nodes.append(Layer(layer.type, layer.args, layer.npos, tuple(inputs)))
        return len(nodes)

    for b in range(n_blocks):
        bad = intent if b == bad_block else None
        if g.chance(40) or s is None:
            layer, est = next_layer(g, s, bad=bad if bad in ("rank", "negative-length", "invalid-argument") else None)
            cur = add(layer, [cur])
            s = est if _positive(est) else None
            if bad in ("rank", "negative-length", "invalid-argument"):
                bad = None
                intent_done = True  # noqa: F841
        if s is None:
            continue
        merge = g.pick(["Add", "Add", "Concatenate", "Multiply", "Subtract", "Average", "Maximum", "Minimum",
                        "Dot"])
        # branch a: one or two shape-preserving-ish layers; branch b: identity or the same transform
        units = g.int(1, 6)
        rank = len(s) + 1
        if rank >= 3 and rank <= 5 and g.chance(50):
            r = rank - 2
            filt = g.int(1, 5)
            mk = lambda f, r=r: L(f"Conv{r}D", f, g.int(1, 3), padding="same")
        else:
            mk = lambda f: L("Dense", f)
            filt = units
        a = add(mk(filt), [cur])
        est_a = (*s[:-1], filt)
        if g.chance(50):
            b_out, est_b = cur, s
            if merge != "Concatenate" and s[-1] != filt and s[-1] is not None and bad != "incompatible-merge":
                # residual: the branch must keep the channel count
                nodes[a - 1] = Layer(nodes[a - 1].type, ((nodes[a - 1].args[0][0], s[-1]),) + nodes[a - 1].args[1:],
                                     nodes[a - 1].npos, nodes[a - 1].inputs)
                est_a = s
        else:
            f2 = filt if merge != "Concatenate" else g.int(1, 5)
            b_out = add(mk(f2), [cur])
            est_b = (*s[:-1], f2)
        if bad == "incompatible-merge":
            how = g.pick(["channels", "concat-axis", "dot", "rank"])
            if how == "channels" or merge in ("Concatenate", "Dot"):
                merge = g.pick(["Add", "Multiply", "Subtract", "Average", "Maximum", "Minimum"]) if how == "channels" \
                    else merge
                na = nodes[a - 1]
                newf = 1 if g.rarely(25) else (est_b[-1] or 1) + g.int(1, 3)  # 1: broadcastable?
                nodes[a - 1] = Layer(na.type, ((na.args[0][0], newf),) + na.args[1:], na.npos, na.inputs)
                est_a = (*s[:-1], newf)
            if how == "concat-axis" and rank >= 3:
                merge = "Concatenate"
            if how == "dot":
                merge = "Dot"
            if how == "rank" and rank >= 3:
                # one branch loses an axis: merging tensors of different ranks
                a = add(L(g.pick(["GlobalAveragePooling1D", "Flatten"]) if rank == 3 else "Flatten"), [a])
                est_a = None
        kwargs = {}
        if merge == "Concatenate":
            if g.chance(30) and rank >= 3:
                kwargs["axis"] = g.int(1, rank - 1) if g.chance(60) else -g.int(1, rank - 1)
            elif bad == "incompatible-merge" and rank >= 3 and est_a is not None and est_a[-1] != est_b[-1]:
                kwargs["axis"] = 1
            est = None
            if est_a is not None and len(est_a) == len(est_b):
                est = list(est_a)
                ax = kwargs.get("axis", -1)
                ax = ax - 1 if ax > 0 else len(est) + ax
                est[ax] = None if (est_a[ax] is None or est_b[ax] is None) else est_a[ax] + est_b[ax]
                est = tuple(est)
        elif merge == "Dot":
            kwargs["axes"] = -1 if g.chance(50) else (g.int(1, rank - 1) if g.chance(60) else
                                                      (g.int(1, rank - 1), g.int(1, rank - 1)))
            if g.rarely(20):
                kwargs["normalize"] = True
            est = None
        else:
            est = est_a
        if merge == "Subtract" and g.chance(50) is False:
            pass
        ins = [a, b_out]
        if merge not in ("Dot", "Subtract") and g.rarely(20):
            ins.append(cur if b_out != cur else a)  # three inputs
        cur = add(L(merge, **kwargs), ins)
        s = est if _positive(est) else None
        if s is not None and g.chance(50):
            layer, est = next_layer(g, s)
            cur = add(layer, [cur])
            s = est if _positive(est) else None
    if not nodes:
        cur = add(L("Dense", 2), [0])
    spelling = g.pick(["layers", "names", "dotted"])
    return Case(shape, tuple(nodes), None, "functional", spelling, intent, lists=g.rarely(15))


def cases():
    """All cases: 2/3 chains (every style), 1/3 functional DAGs with merges."""
    return st.one_of(chains(), chains(), graphs())
