"""Seeded random generator of small Keras 3 functional models, as Python source text.

Written independently of shapedoctor's own rules and conformance harness: argument domains come from the
Keras 3 documentation / layer signatures only.  Each case is

    import keras
    from keras import layers, ops
    inputs = keras.Input(shape=...)
    x0 = <layer or op>(inputs)            # a chain of 1-3 steps
    ...
    model = keras.Model(inputs, x2)

One step of the chain is the *subject*: with probability ``p_bad`` its arguments (or its input) are drawn
deliberately out of domain (``kind`` names the mutation), otherwise from the documented domain
(``kind == "valid"``).  The other steps are drawn valid for the tensor they get, using the generator's own
rough shape bookkeeping (``T.shape``), which is only a hint for choosing arguments: whether a case really
builds is decided by the oracle (real Keras), never by this file.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Callable, Optional

Shape = Optional[tuple]  # dims without the batch axis; an entry None = unknown / variable


@dataclass
class T:
    """A tensor variable of the generated source."""
    var: str
    shape: Shape
    dtype: str = "float32"

    @property
    def rank(self) -> Optional[int]:
        return None if self.shape is None else len(self.shape)


@dataclass
class Case:
    id: str
    seed: str
    family: str          # the subject's Keras module family (conv, pooling, rnn, ..., ops)
    subject: str         # the subject layer class / op name
    kind: str            # "valid" or the name of the deliberate mutation
    chain: list          # every step's name, in order
    source: str

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()[:16]

    def to_json(self) -> dict:
        return {"id": self.id, "seed": self.seed, "family": self.family, "subject": self.subject,
                "kind": self.kind, "chain": self.chain, "hash": self.hash, "source": self.source}


def lit(v) -> str:
    if isinstance(v, str):
        return '"' + v + '"'
    if isinstance(v, float):
        return repr(round(v, 3))
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + lit(v[0]) + ",)"
        return "(" + ", ".join(lit(e) for e in v) + ")"
    if isinstance(v, list):
        return "[" + ", ".join(lit(e) for e in v) + "]"
    return repr(v)


def call(fn: str, *args, **kwargs) -> str:
    parts = [lit(a) for a in args] + [f"{k}={lit(v)}" for k, v in kwargs.items()]
    return f"{fn}({', '.join(parts)})"


class Raw(str):
    """A piece of source inserted verbatim by ``lit`` (e.g. a nested layer constructor)."""


_lit = lit


def lit(v) -> str:  # noqa: F811 - Raw-aware version
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, (list, tuple)) and any(isinstance(e, Raw) for e in v):
        inner = ", ".join(lit(e) for e in v)
        if isinstance(v, list):
            return "[" + inner + "]"
        return "(" + inner + ("," if len(v) == 1 else "") + ")"
    return _lit(v)


class Builder:
    """Accumulates the source lines of one case."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[str] = []
        self.inputs: list[T] = []
        self.n = 0
        self.last = True

    def input(self, shape: tuple, dtype: str = "float32") -> T:
        name = "inputs" if not self.inputs else f"inputs_{len(self.inputs)}"
        extra = "" if dtype == "float32" else f", dtype={lit(dtype)}"
        self.lines.append(f"{name} = keras.Input(shape={lit(tuple(shape))}{extra})")
        t = T(name, tuple(shape), dtype)
        self.inputs.append(t)
        return t

    def assign(self, expr: str, shape: Shape, dtype: str = "float32") -> T:
        if shape is not None:  # a hint the generator got wrong (or a failing layer): forget the bad dims
            shape = tuple(d if (d is None or (isinstance(d, int) and d > 0)) else None for d in shape)
        var = f"x{self.n}"
        self.n += 1
        self.lines.append(f"{var} = {expr}")
        return T(var, shape, dtype)

    def source(self, out: T) -> str:
        head = ["import keras", "from keras import layers, ops", ""]
        ins = self.inputs[0].var if len(self.inputs) == 1 else "[" + ", ".join(t.var for t in self.inputs) + "]"
        return "\n".join(head + self.lines + [f"model = keras.Model({ins}, {out.var})", ""])


class G:
    """Random choices of one step; ``bad`` asks the template for an out-of-domain variant."""

    def __init__(self, rng: random.Random, bad: bool):
        self.rng = rng
        self.bad = bad
        self.kind = "valid"
        self.subject: Optional[str] = None  # the step's name when the last source line does not say it

    def mutate(self, *names: str) -> Optional[str]:
        """The mutation this step applies (None when valid); records it as the case's kind."""
        names = [n for n in names if n]
        if not self.bad or not names:
            return None
        self.kind = self.rng.choice(names)
        return self.kind

    def c(self, seq):
        return self.rng.choice(list(seq))

    def i(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, max(lo, hi))

    def p(self, prob: float) -> bool:
        return self.rng.random() < prob

    def f(self, lo: float, hi: float) -> float:
        return round(self.rng.uniform(lo, hi), 2)


# ------------------------------------------------------------------------------------------------ helpers

def prod(dims) -> Optional[int]:
    out = 1
    for d in dims:
        if d is None:
            return None
        out *= d
    return out


def conv_len(n, k, s=1, p="valid", d=1):
    if n is None:
        return None
    ke = d * (k - 1) + 1
    if p in ("same", "causal"):
        return -(-n // s)
    return (n - ke) // s + 1


def deconv_len(n, k, s=1, p="valid", op=None, d=1):
    if n is None:
        return None
    ke = d * (k - 1) + 1
    if op is None:
        return n * s + max(ke - s, 0) if p == "valid" else n * s
    pad = 0 if p == "valid" else ke // 2
    return (n - 1) * s + ke - 2 * pad + op


def spatial_of(x: T, nd: int, cf: bool):
    """(spatial dims, channels) of a channels-last / channels-first tensor of rank nd + 1."""
    if x.shape is None or len(x.shape) != nd + 1:
        return [None] * nd, None
    return (list(x.shape[1:]), x.shape[0]) if cf else (list(x.shape[:-1]), x.shape[-1])


def with_channels(sp: list, ch, cf: bool) -> tuple:
    return tuple([ch] + list(sp)) if cf else tuple(list(sp) + [ch])


def tup(g: G, v, nd: int):
    """An int argument written either as int or as an nd-tuple (same value)."""
    if nd == 1:
        return v if g.p(0.8) else (v,)
    return v if g.p(0.5) else tuple([v] * nd)


def img_shape(g: G, nd: int, lo=3, hi=None, ch=None):
    hi = hi or {1: 12, 2: 9, 3: 5}[nd]
    sp = [g.i(lo, hi) for _ in range(nd)]
    return sp, (ch if ch is not None else g.i(1, 4))


def float_shape(g: G, rank: Optional[int] = None) -> tuple:
    rank = rank if rank is not None else g.c([1, 1, 2, 2, 3])
    return tuple(g.i(2, 6) for _ in range(rank))


def need_input(b: Builder, g: G, x: Optional[T], shape: tuple, dtype="float32") -> T:
    return x if x is not None else b.input(shape, dtype)


# ------------------------------------------------------------------------------------------------ templates
# A template is fn(b, g, x) -> T.  x is None at the head of the chain (the template then declares its own
# Input), else the tensor of the previous step.  Each has a family, the Keras names it covers and the input
# ranks (without batch) it accepts as a follower (None: any rank).

TEMPLATES: list = []


@dataclass
class Tpl:
    fn: Callable
    family: str
    names: tuple
    ranks: Optional[tuple]
    weight: float = 1.0
    int_input: bool = False


def tpl(family: str, names, ranks=None, weight=1.0, int_input=False):
    def deco(fn):
        TEMPLATES.append(Tpl(fn, family, tuple(names) if not isinstance(names, str) else (names,),
                             ranks, weight, int_input))
        return fn
    return deco


def rank_input(b: Builder, g: G, x: Optional[T], want: int, mut: Optional[str], shape_fn=None) -> T:
    """Head input of rank `want` (or of a wrong rank when the mutation is 'rank')."""
    if x is not None:
        return x
    if mut == "rank":
        r = g.c([r for r in (1, 2, 3, 4) if r != want])
        return b.input(float_shape(g, r))
    return b.input(shape_fn() if shape_fn else float_shape(g, want))


ALIASES = {"Conv1D": "Convolution1D", "Conv2D": "Convolution2D", "Conv3D": "Convolution3D",
           "Conv1DTranspose": "Convolution1DTranspose", "Conv2DTranspose": "Convolution2DTranspose",
           "Conv3DTranspose": "Convolution3DTranspose", "SeparableConv1D": "SeparableConvolution1D",
           "SeparableConv2D": "SeparableConvolution2D", "MaxPooling1D": "MaxPool1D", "MaxPooling2D": "MaxPool2D",
           "MaxPooling3D": "MaxPool3D", "AveragePooling1D": "AvgPool1D", "AveragePooling2D": "AvgPool2D",
           "AveragePooling3D": "AvgPool3D", "GlobalMaxPooling1D": "GlobalMaxPool1D",
           "GlobalMaxPooling3D": "GlobalMaxPool3D", "GlobalAveragePooling2D": "GlobalAvgPool2D",
           "GlobalAveragePooling3D": "GlobalAvgPool3D"}


def alias(g: G, cls: str) -> str:
    """The class name, or (sometimes) its documented alias."""
    return ALIASES[cls] if cls in ALIASES and g.p(0.12) else cls


# ---- convolution ------------------------------------------------------------------------------------

def make_conv(cls: str, nd: int, variant: str):
    ranks = (nd + 1,)

    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.15)
        mut = g.mutate("kernel_too_big", "strides_and_dilation", "filters_nonpositive", "kernel_nonpositive",
                       "padding_invalid", "padding_uppercase", "rank", "kernel_tuple_length",
                       "data_format_invalid", "strides_zero", "channels_none",
                       "groups_not_dividing" if variant == "conv" else None,
                       "output_padding_too_big" if variant == "transpose" else None,
                       "causal_not_1d" if nd > 1 else None,
                       "depth_multiplier_zero" if variant in ("depthwise", "separable") else None)
        if x is None:
            if mut == "rank":
                r = g.c([r for r in (1, 2, 3, 4) if r != nd + 1])
                x = b.input(float_shape(g, r))
            else:
                sp, ch = img_shape(g, nd)
                if variant == "conv" and g.p(0.2):
                    ch = g.c([2, 4, 6])
                if mut == "channels_none":
                    ch = None
                if mut != "channels_none" and g.p(0.1):
                    sp[0] = None  # variable length
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        known = [s for s in sp if s is not None]
        smallest = min(known) if known else 8
        kwargs: dict = {}
        args: list = []
        filters = g.i(1, 8)
        if mut == "filters_nonpositive":
            filters = g.c([0, -1, -4])
        if variant != "depthwise":
            args.append(filters)
        strides = 1 if g.p(0.6) else g.i(2, 3)
        dil = 1
        if strides == 1 and g.p(0.2):
            dil = 2
        padding = g.c(["valid", "valid", "same"] + (["causal"] if nd == 1 and variant == "conv" else []))
        if variant == "transpose" and padding == "causal":
            padding = "valid"
        kmax = smallest if padding == "valid" and variant != "transpose" else 5
        kmax = max(1, min(kmax, 5))
        # effective kernel d*(k-1)+1 <= smallest
        k = g.i(1, kmax)
        if dil > 1 and padding == "valid" and variant != "transpose":
            while k > 1 and dil * (k - 1) + 1 > smallest:
                k -= 1
        if mut == "kernel_too_big":
            padding = "valid"
            k = smallest + g.i(1, 3)
            strides, dil = 1, 1
            if variant == "transpose":  # a transposed conv grows: use a huge dilation-free kernel instead
                k = smallest + g.i(1, 3)
        if mut == "kernel_nonpositive":
            k = g.c([0, -1])
        if mut == "strides_and_dilation":
            strides, dil = g.i(2, 3), 2
        if mut == "strides_zero":
            strides = 0
        if mut == "padding_invalid":
            padding = g.c(["full", "reflect", "SAME_"])
        if mut == "padding_uppercase":
            padding = g.c(["SAME", "Valid"])
        if mut == "causal_not_1d":
            padding = "causal"
        ksize = tup(g, k, nd)
        if mut == "kernel_tuple_length":
            ksize = tuple([max(k, 1)] * (nd + g.c([1, -1] if nd > 1 else [1])))
        args.append(ksize)
        if strides != 1 or g.p(0.2):
            kwargs["strides"] = tup(g, strides, nd)
        if padding != "valid" or g.p(0.3):
            kwargs["padding"] = padding
        if dil != 1:
            kwargs["dilation_rate"] = tup(g, dil, nd)
        if variant == "conv" and (g.p(0.15) or mut == "groups_not_dividing"):
            if mut == "groups_not_dividing":
                base = ch or 3
                kwargs["groups"] = g.c([v for v in (2, 3, 4, 5) if base % v]) if base else 3
            elif ch:
                gr = g.c([d for d in range(1, ch + 1) if ch % d == 0])
                kwargs["groups"] = gr
                if filters > 0 and filters % gr:
                    args[0] = gr * g.i(1, 3)
        op = None
        if variant == "transpose" and (g.p(0.25) or mut == "output_padding_too_big"):
            if mut == "output_padding_too_big":
                op = strides + g.i(0, 1)
            else:
                op = g.i(0, max(strides - 1, 0)) if dil == 1 else 0
            kwargs["output_padding"] = tup(g, op, nd)
        if variant in ("depthwise", "separable") and (g.p(0.3) or mut == "depth_multiplier_zero"):
            kwargs["depth_multiplier"] = 0 if mut == "depth_multiplier_zero" else g.i(1, 3)
        if cf:
            kwargs["data_format"] = "channels_first"
        if mut == "data_format_invalid":
            kwargs["data_format"] = g.c(["channels_middle", "NHWC", "channels-last"])
        if g.p(0.2):
            kwargs["activation"] = g.c(["relu", "tanh", "sigmoid"])
        # shape hint
        out_ch = filters if variant != "depthwise" else (ch * kwargs.get("depth_multiplier", 1) if ch else None)
        if variant == "transpose":
            osp = [deconv_len(n, max(k, 1), max(strides, 1), padding, op, dil) for n in sp]
        else:
            osp = [conv_len(n, max(k, 1), max(strides, 1), padding, dil) for n in sp]
        return b.assign(f"{call('layers.' + alias(g, cls), *args, **kwargs)}({x.var})",
                        with_channels(osp, out_ch, cf))

    fn.__name__ = f"t_{cls}"
    return fn, ranks


for _cls, _nd, _var in [("Conv1D", 1, "conv"), ("Conv2D", 2, "conv"), ("Conv3D", 3, "conv"),
                        ("Conv1DTranspose", 1, "transpose"), ("Conv2DTranspose", 2, "transpose"),
                        ("Conv3DTranspose", 3, "transpose"), ("SeparableConv1D", 1, "separable"),
                        ("SeparableConv2D", 2, "separable"), ("DepthwiseConv1D", 1, "depthwise"),
                        ("DepthwiseConv2D", 2, "depthwise")]:
    _fn, _ranks = make_conv(_cls, _nd, _var)
    tpl("conv", _cls, _ranks, weight={1: 1.3, 2: 1.3, 3: 0.7}[_nd])(_fn)


# ---- pooling ----------------------------------------------------------------------------------------

def make_pool(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.15)
        mut = g.mutate("pool_too_big", "pool_nonpositive", "padding_invalid", "rank", "strides_zero",
                       "pool_tuple_length", "data_format_invalid")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=2)
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        known = [s for s in sp if s is not None]
        smallest = min(known) if known else 4
        padding = g.c(["valid", "valid", "same"])
        k = g.i(1, max(1, min(smallest, 4))) if padding == "valid" else g.i(1, 4)
        strides = None if g.p(0.6) else g.i(1, 3)
        if mut == "pool_too_big":
            padding, k = "valid", smallest + g.i(1, 2)
            strides = None
        if mut == "pool_nonpositive":
            k = g.c([0, -2])
        if mut == "strides_zero":
            strides = 0
        if mut == "padding_invalid":
            padding = g.c(["full", "causal"])
        kwargs: dict = {}
        ps = tup(g, k, nd)
        if mut == "pool_tuple_length":
            ps = tuple([max(k, 1)] * (nd + 1))
        kwargs["pool_size"] = ps
        if strides is not None:
            kwargs["strides"] = tup(g, strides, nd)
        if padding != "valid" or g.p(0.3):
            kwargs["padding"] = padding
        if cf:
            kwargs["data_format"] = "channels_first"
        if mut == "data_format_invalid":
            kwargs["data_format"] = g.c(["channels_middle", "NCHW"])
        pos = g.p(0.3)
        s = strides if strides else k
        osp = [conv_len(n, max(k, 1), max(s, 1), padding) for n in sp]
        name = "layers." + alias(g, cls)
        if pos:
            src = call(name, *([kwargs.pop("pool_size")]), **kwargs)
        else:
            src = call(name, **kwargs)
        return b.assign(f"{src}({x.var})", with_channels(osp, ch, cf))
    return fn


for _cls, _nd in [("MaxPooling1D", 1), ("MaxPooling2D", 2), ("MaxPooling3D", 3), ("AveragePooling1D", 1),
                  ("AveragePooling2D", 2), ("AveragePooling3D", 3)]:
    tpl("pooling", _cls, (_nd + 1,), weight=0.8 if _nd < 3 else 0.5)(make_pool(_cls, _nd))


def make_global_pool(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.2)
        mut = g.mutate("rank", "data_format_invalid")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=1)
                if g.p(0.15):
                    sp[0] = None
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        kwargs: dict = {}
        keep = g.p(0.3)
        if keep:
            kwargs["keepdims"] = True
        if cf:
            kwargs["data_format"] = "channels_first"
        if mut == "data_format_invalid":
            kwargs["data_format"] = "channels_middle"
        shape = with_channels([1] * nd, ch, cf) if keep else (ch,)
        return b.assign(f"{call('layers.' + alias(g, cls), **kwargs)}({x.var})", shape)
    return fn


for _cls, _nd in [("GlobalMaxPooling1D", 1), ("GlobalMaxPooling2D", 2), ("GlobalMaxPooling3D", 3),
                  ("GlobalAveragePooling1D", 1), ("GlobalAveragePooling2D", 2), ("GlobalAveragePooling3D", 3),
                  ("GlobalAvgPool1D", 1), ("GlobalMaxPool2D", 2)]:
    tpl("pooling", _cls, (_nd + 1,), weight=0.5)(make_global_pool(_cls, _nd))


def make_adaptive(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.15)
        mut = g.mutate("rank", "output_size_nonpositive", "output_size_tuple_length", "output_size_bigger",
                       "variable_length")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=2)
                if mut == "variable_length":
                    sp[0] = None
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        known = [s for s in sp if s is not None]
        smallest = min(known) if known else 4
        o = [g.i(1, max(1, (s or 4))) for s in sp]
        if mut == "output_size_nonpositive":
            o[0] = g.c([0, -1])
        if mut == "output_size_bigger":
            o = [(s or 4) + g.i(1, 3) for s in sp]
        size = o[0] if (len(set(o)) == 1 and g.p(0.5)) else tuple(o)
        if mut == "output_size_tuple_length":
            size = tuple(o + [2])
        kwargs: dict = {}
        if cf:
            kwargs["data_format"] = "channels_first"
        del smallest
        return b.assign(f"{call('layers.' + cls, size, **kwargs)}({x.var})", with_channels(o, ch, cf))
    return fn


for _cls, _nd in [("AdaptiveAveragePooling1D", 1), ("AdaptiveAveragePooling2D", 2),
                  ("AdaptiveAveragePooling3D", 3), ("AdaptiveMaxPooling1D", 1), ("AdaptiveMaxPooling2D", 2),
                  ("AdaptiveMaxPooling3D", 3)]:
    tpl("pooling", _cls, (_nd + 1,), weight=0.5)(make_adaptive(_cls, _nd))


# ---- recurrent --------------------------------------------------------------------------------------

def seq_input(b: Builder, g: G, x: Optional[T], mut: Optional[str]) -> T:
    if x is not None:
        return x
    if mut == "rank":
        return b.input(float_shape(g, g.c([1, 3])))
    steps = None if g.p(0.15) else g.i(1, 8)
    if mut == "features_none":
        return b.input((steps, None))
    return b.input((steps, g.i(1, 5)))


@tpl("rnn", ("SimpleRNN", "LSTM", "GRU"), (2,), weight=2.0)
def t_rnn(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["SimpleRNN", "LSTM", "GRU"])
    mut = g.mutate("rank", "units_nonpositive", "features_none", "dropout_invalid", "activation_invalid")
    x = seq_input(b, g, x, mut)
    units = g.i(1, 8)
    if mut == "units_nonpositive":
        units = g.c([0, -2])
    kwargs: dict = {}
    seq = g.p(0.4)
    if seq:
        kwargs["return_sequences"] = True
    state = b.last and g.p(0.15)  # return_state only on the last step: the model then has several outputs
    if g.p(0.15):
        kwargs["go_backwards"] = True
    if mut == "dropout_invalid":
        kwargs["dropout"] = g.c([1.5, -0.2])
    if mut == "activation_invalid":
        kwargs["activation"] = "tanhh"
    steps = x.shape[0] if x.shape is not None and len(x.shape) == 2 else None
    shape = (steps, units) if seq else (units,)
    if state:
        kwargs["return_state"] = True
        out = b.assign(f"{call('layers.' + cls, units, **kwargs)}({x.var})", None)
        return T(out.var, shape, "multi")
    return b.assign(f"{call('layers.' + cls, units, **kwargs)}({x.var})", shape)


@tpl("rnn", ("Bidirectional",), (2,), weight=1.2)
def t_bidi(b: Builder, g: G, x: Optional[T]) -> T:
    cell = g.c(["LSTM", "GRU", "SimpleRNN"])
    mut = g.mutate("rank", "merge_mode_invalid", "not_a_rnn", "units_nonpositive")
    x = seq_input(b, g, x, mut)
    units = g.i(1, 6) if mut != "units_nonpositive" else 0
    seq = g.p(0.4)
    inner = call("layers." + cell, units, **({"return_sequences": True} if seq else {}))
    if mut == "not_a_rnn":
        inner = call("layers.Dense", units)
    mode = g.c(["concat", "concat", "sum", "mul", "ave", None])
    if mut == "merge_mode_invalid":
        mode = g.c(["max", "stack"])
    kwargs = {} if mode == "concat" and g.p(0.5) else {"merge_mode": mode}
    steps = x.shape[0] if x.shape is not None and len(x.shape) == 2 else None
    feat = units * 2 if mode == "concat" else units
    shape = (steps, feat) if seq else (feat,)
    if mode is None:
        out = b.assign(f"{call('layers.Bidirectional', Raw(inner), **kwargs)}({x.var})", None)
        return T(out.var, shape, "multi")
    return b.assign(f"{call('layers.Bidirectional', Raw(inner), **kwargs)}({x.var})", shape)


@tpl("rnn", ("RNN", "LSTMCell", "GRUCell", "SimpleRNNCell", "StackedRNNCells"), (2,))
def t_rnn_cell(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("rank", "units_nonpositive", "not_a_cell")
    x = seq_input(b, g, x, mut)
    n = g.c([1, 1, 2])
    units = [g.i(1, 6) for _ in range(n)]
    if mut == "units_nonpositive":
        units[-1] = 0
    cells = [call("layers." + g.c(["LSTMCell", "GRUCell", "SimpleRNNCell"]), u) for u in units]
    if mut == "not_a_cell":
        cells[-1] = call("layers.Dense", units[-1])
    if n == 1:
        cell = Raw(cells[0])
    elif g.p(0.5):
        cell = Raw(call("layers.StackedRNNCells", [Raw(c) for c in cells]))
    else:
        cell = [Raw(c) for c in cells]
    seq = g.p(0.4)
    kwargs = {"return_sequences": True} if seq else {}
    steps = x.shape[0] if x.shape is not None and len(x.shape) == 2 else None
    return b.assign(f"{call('layers.RNN', cell, **kwargs)}({x.var})", (steps, units[-1]) if seq else (units[-1],))


@tpl("rnn", ("TimeDistributed",), (2, 3, 4))
def t_timedist(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("rank", "inner_invalid", "inner_rank")
    if x is None:
        if mut == "rank":
            x = b.input((g.i(2, 6),))
        else:
            x = b.input(float_shape(g, g.c([2, 2, 3, 4])))
    r = x.rank or 2
    t = x.shape[0] if x.shape else None
    inner_shape = x.shape[1:] if x.shape else None
    if mut == "inner_rank" or (r == 4 and g.p(0.6)):
        k = g.i(1, 3)
        f = g.i(1, 4)
        inner = call("layers.Conv2D", f, k)
        shape = None
        if x.shape and len(x.shape) == 4:
            shape = (t, conv_len(x.shape[1], k), conv_len(x.shape[2], k), f)
    elif r == 3 and g.p(0.5):
        k = g.i(1, 3)
        f = g.i(1, 4)
        inner = call("layers.Conv1D", f, k)
        shape = (t, conv_len(x.shape[1], k), f) if x.shape and len(x.shape) == 3 else None
    else:
        u = g.i(1, 6) if mut != "inner_invalid" else g.c([0, -1])
        inner = call("layers.Dense", u)
        shape = (tuple(x.shape[:-1]) + (u,)) if x.shape else None
    del inner_shape
    return b.assign(f"{call('layers.TimeDistributed', Raw(inner))}({x.var})", shape)


def make_convlstm(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        mut = g.mutate("rank", "kernel_too_big", "filters_nonpositive", "strides_and_dilation",
                       "padding_invalid")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (2, 3, 4, 5) if r != nd + 2])))
            else:
                sp, ch = img_shape(g, nd, lo=2, hi={1: 8, 2: 6, 3: 4}[nd])
                x = b.input(tuple([g.i(1, 3)] + sp + [ch]))
        sp = list(x.shape[1:-1]) if x.shape and len(x.shape) == nd + 2 else [None] * nd
        known = [s for s in sp if s is not None]
        smallest = min(known) if known else 3
        padding = g.c(["valid", "same"])
        k = g.i(1, max(1, min(smallest, 3))) if padding == "valid" else g.i(1, 3)
        s, d = 1, 1
        if g.p(0.2):
            s = 2
        if mut == "kernel_too_big":
            padding, k, s = "valid", smallest + 1, 1
        if mut == "strides_and_dilation":
            s, d = 2, 2
        if mut == "padding_invalid":
            padding = "full"
        f = g.i(1, 4) if mut != "filters_nonpositive" else 0
        kwargs: dict = {}
        if s != 1:
            kwargs["strides"] = s
        if d != 1:
            kwargs["dilation_rate"] = d
        if padding != "valid":
            kwargs["padding"] = padding
        seq = g.p(0.4)
        if seq:
            kwargs["return_sequences"] = True
        osp = [conv_len(n, k, s, padding, d) for n in sp]
        shape = tuple(([x.shape[0]] if (seq and x.shape) else []) + osp + [f])
        return b.assign(f"{call('layers.' + cls, f, k, **kwargs)}({x.var})", shape)
    return fn


for _cls, _nd in [("ConvLSTM1D", 1), ("ConvLSTM2D", 2), ("ConvLSTM3D", 3)]:
    tpl("rnn", _cls, (_nd + 2,), weight=0.6)(make_convlstm(_cls, _nd))


# ---- core -------------------------------------------------------------------------------------------

@tpl("core", "Dense", None, weight=2.0)
def t_dense(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("units_nonpositive", "last_dim_none", "activation_invalid", "rank1_input", "units_float")
    if x is None:
        if mut == "last_dim_none":
            x = b.input(tuple([g.i(2, 5)] * g.c([0, 1]) + [None]))
        elif mut == "rank1_input":
            x = b.input(())
        else:
            x = b.input(float_shape(g))
    u = g.i(1, 10)
    if mut == "units_nonpositive":
        u = g.c([0, -3])
    if mut == "units_float":
        u = g.c([2.5, 3.0])
    kwargs: dict = {}
    if g.p(0.3):
        kwargs["activation"] = g.c(["relu", "softmax", "sigmoid", "linear"])
    if mut == "activation_invalid":
        kwargs["activation"] = g.c(["rellu", "soft_max"])
    if g.p(0.1):
        kwargs["use_bias"] = False
    shape = tuple(x.shape[:-1]) + (u if isinstance(u, int) else None,) if x.shape else None
    return b.assign(f"{call('layers.Dense', u, **kwargs)}({x.var})", shape)


@tpl("core", "EinsumDense", (1, 2), weight=1.0)
def t_einsum_dense(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("equation_mismatch", "output_shape_length", "rank", "bias_axes_invalid")
    r = 2 if g.p(0.5) else 1
    if x is not None:
        r = x.rank if x.rank in (1, 2) else r
    if x is None:
        if mut == "rank":
            x = b.input(float_shape(g, 3 if r == 1 else 1))
        else:
            x = b.input(float_shape(g, r))
    out = g.i(1, 6)
    kwargs: dict = {}
    if r == 1:
        eq, osh = "ab,bc->ac", out
        shape = (out,)
        if g.p(0.3):
            kwargs["bias_axes"] = "c"
    else:
        form = g.c(["abc,cd->abd", "abc,cde->abde", "abc,bcd->ad"])
        if form == "abc,cd->abd":
            eq, osh = form, (x.shape[0] if x.shape else None, out)
            shape = osh
            if g.p(0.3):
                kwargs["bias_axes"] = "d"
        elif form == "abc,cde->abde":
            e = g.i(1, 4)
            eq, osh = form, (x.shape[0] if x.shape else None, out, e)
            shape = osh
        else:
            eq, osh = form, out
            shape = (out,)
    if mut == "equation_mismatch":
        eq = g.c(["ab,bc->ad", "abc,cd->abe", "ab,cd->ac"]) if r == 1 else g.c(["abc,dd->abd", "abc,cd->abx"])
    if mut == "output_shape_length":
        osh = (out, out, 2) if r == 1 else out
        if r == 2 and eq == "abc,bcd->ad":
            osh = (out, 2)
    if mut == "bias_axes_invalid":
        kwargs["bias_axes"] = "z"
    return b.assign(f"{call('layers.EinsumDense', eq, osh, **kwargs)}({x.var})", shape)


@tpl("core", ("Embedding",), (1, 2), weight=1.0, int_input=True)
def t_embedding(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("input_dim_nonpositive", "output_dim_nonpositive", "float_input")
    if x is None:
        shape = (g.i(1, 8),) if g.p(0.7) else ((None,) if g.p(0.5) else (g.i(1, 3), g.i(1, 3)))
        x = b.input(shape, "float32" if mut == "float_input" else g.c(["int32", "int64", "int32"]))
    idim = g.i(2, 20)
    odim = g.i(1, 8)
    if mut == "input_dim_nonpositive":
        idim = g.c([0, -5])
    if mut == "output_dim_nonpositive":
        odim = g.c([0, -2])
    kwargs: dict = {}
    if g.p(0.2):
        kwargs["mask_zero"] = True
    shape = tuple(x.shape) + (odim,) if x.shape is not None else None
    return b.assign(f"{call('layers.Embedding', idim, odim, **kwargs)}({x.var})", shape, "float32")


@tpl("core", ("ReversibleEmbedding",), (1,), weight=0.3, int_input=True)
def t_rev_embedding(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("output_dim_nonpositive", "input_dim_nonpositive")
    x = need_input(b, g, x, (g.i(1, 6),), "int32")
    idim, odim = g.i(2, 12), g.i(1, 6)
    if mut == "output_dim_nonpositive":
        odim = 0
    if mut == "input_dim_nonpositive":
        idim = -1
    shape = tuple(x.shape) + (odim,) if x.shape is not None else None
    return b.assign(f"{call('layers.ReversibleEmbedding', idim, odim)}({x.var})", shape)


@tpl("core", ("Identity", "Masking", "Lambda"), None, weight=1.0)
def t_core_misc(b: Builder, g: G, x: Optional[T]) -> T:
    which = g.c(["Identity", "Masking", "Lambda", "Lambda"])
    mut = g.mutate("lambda_bad_axis" if which == "Lambda" else None)
    x = need_input(b, g, x, float_shape(g))
    if which == "Identity":
        return b.assign(f"layers.Identity()({x.var})", x.shape)
    if which == "Masking":
        return b.assign(f"{call('layers.Masking', mask_value=g.c([0.0, -1.0]))}({x.var})", x.shape)
    r = x.rank or 1
    if mut == "lambda_bad_axis":
        return b.assign(f"layers.Lambda(lambda t: ops.sum(t, axis={r + 1}))({x.var})", None)
    form = g.c(["scale", "square", "mean"])
    if form == "scale":
        return b.assign(f"layers.Lambda(lambda t: t * 2.0)({x.var})", x.shape)
    if form == "square":
        return b.assign(f"layers.Lambda(lambda t: ops.square(t))({x.var})", x.shape)
    ax = g.i(1, r) if r >= 1 else 1
    shape = tuple(d for i, d in enumerate(x.shape) if i != ax - 1) if x.shape else None
    return b.assign(f"layers.Lambda(lambda t: ops.mean(t, axis={ax}))({x.var})", shape)


# ---- reshaping --------------------------------------------------------------------------------------

def factorizations(n: int, parts: int) -> list:
    if parts == 1:
        return [(n,)]
    out = []
    for d in range(1, n + 1):
        if n % d == 0:
            for rest in factorizations(n // d, parts - 1):
                out.append((d,) + rest)
    return out


@tpl("reshaping", "Reshape", None, weight=2.0)
def t_reshape(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("size_mismatch", "two_unknown", "minus_one_not_dividing", "zero_dim", "negative_dim",
                   "unknown_input")
    if x is None:
        if mut == "unknown_input":
            x = b.input((None, g.i(2, 4)))
        else:
            x = b.input(float_shape(g, g.c([1, 2, 3])))
    n = prod(x.shape) if x.shape else None
    if n is None or n > 400:
        n_known = None
    else:
        n_known = n
    parts = g.c([1, 2, 2, 3])
    if n_known:
        fac = g.c(factorizations(n_known, parts))
    else:
        fac = tuple(g.i(1, 4) for _ in range(parts))
    target = list(fac)
    if g.p(0.3) and not mut:
        target[g.i(0, len(target) - 1)] = -1
    if mut == "size_mismatch":
        target[-1] = target[-1] + g.c([1, 2, 3])
    if mut == "two_unknown":
        target = [-1, -1] + target[1:]
    if mut == "minus_one_not_dividing":
        if n_known:
            divs = [d for d in range(2, n_known + 3) if n_known % d]
            target = [-1, g.c(divs) if divs else n_known + 1]
        else:
            target = [-1, 7]
    if mut == "zero_dim":
        target[0] = 0
    if mut == "negative_dim":
        target[0] = -3
    shape = tuple(target)
    if -1 in shape and n_known and shape.count(-1) == 1:
        rest = prod([d for d in shape if d != -1]) or 1
        shape = tuple(n_known // rest if d == -1 else d for d in shape)
    return b.assign(f"{call('layers.Reshape', tuple(target))}({x.var})", shape)


@tpl("reshaping", "Flatten", None, weight=1.0)
def t_flatten(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("variable_dim", "rank1_input")
    if x is None:
        if mut == "variable_dim":
            x = b.input((None, g.i(1, 4)))
        elif mut == "rank1_input":
            x = b.input(())
        else:
            x = b.input(float_shape(g, g.c([1, 2, 3, 4])))
    kwargs = {"data_format": "channels_first"} if g.p(0.1) else {}
    n = prod(x.shape) if x.shape else None
    return b.assign(f"{call('layers.Flatten', **kwargs)}({x.var})", (n,))


@tpl("reshaping", "Permute", (2, 3, 4), weight=1.0)
def t_permute(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("contains_zero", "duplicate", "wrong_length", "out_of_range")
    x = need_input(b, g, x, float_shape(g, g.c([2, 3, 4])))
    r = x.rank or 2
    dims = list(range(1, r + 1))
    g.rng.shuffle(dims)
    if mut == "contains_zero":
        dims = [0] + dims[1:]
    if mut == "duplicate":
        dims = [dims[0]] * 2 + dims[2:]
    if mut == "wrong_length":
        dims = dims[:-1] if r > 1 else dims + [2]
    if mut == "out_of_range":
        dims = dims[:-1] + [r + 1]
    shape = tuple(x.shape[d - 1] for d in dims) if x.shape and not mut else None
    return b.assign(f"{call('layers.Permute', tuple(dims))}({x.var})", shape)


@tpl("reshaping", "RepeatVector", (1,), weight=0.7)
def t_repeat_vector(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("rank", "n_nonpositive", "n_float")
    if x is None:
        x = b.input(float_shape(g, g.c([2, 3])) if mut == "rank" else (g.i(1, 6),))
    n = g.i(1, 5)
    if mut == "n_nonpositive":
        n = g.c([0, -2])
    if mut == "n_float":
        n = 2.5
    shape = (n, x.shape[0]) if x.shape and len(x.shape) == 1 and isinstance(n, int) else None
    return b.assign(f"{call('layers.RepeatVector', n)}({x.var})", shape)


def make_crop(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.1) and nd > 1
        mut = g.mutate("crop_too_much", "crop_negative", "rank", "crop_tuple_length")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=2)
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        pairs = []
        for s in sp:
            s = s or 4
            a = g.i(0, max(0, (s - 1) // 2))
            c = g.i(0, max(0, s - 1 - a))
            pairs.append((a, c))
        if mut == "crop_too_much":
            j = g.i(0, nd - 1)
            s = sp[j] or 4
            a = g.i(0, s)
            pairs[j] = (a, s - a + g.i(0, 1))
        if mut == "crop_negative":
            pairs[0] = (-1, pairs[0][1])
        osp = [(s - a - c) if s is not None else None for s, (a, c) in zip(sp, pairs)]
        if nd == 1:
            arg = pairs[0] if g.p(0.7) or pairs[0][0] != pairs[0][1] else pairs[0][0]
        elif all(p[0] == p[1] for p in pairs) and g.p(0.4):
            arg = tuple(p[0] for p in pairs)
            if len(set(arg)) == 1 and g.p(0.5):
                arg = arg[0]
        else:
            arg = tuple(pairs)
        if mut == "crop_tuple_length":
            arg = tuple(pairs) + ((1, 1),) if nd > 1 else (1, 1, 1)
        kwargs = {"data_format": "channels_first"} if cf else {}
        return b.assign(f"{call('layers.' + cls, arg, **kwargs)}({x.var})", with_channels(osp, ch, cf))
    return fn


def make_pad(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.1) and nd > 1
        mut = g.mutate("pad_negative", "rank", "pad_tuple_length")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=1)
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        pairs = [(g.i(0, 2), g.i(0, 2)) for _ in range(nd)]
        if mut == "pad_negative":
            pairs[0] = (-g.i(1, 2), pairs[0][1])
        if nd == 1:
            arg = pairs[0] if g.p(0.6) else pairs[0][0]
            if not isinstance(arg, tuple):
                pairs[0] = (arg, arg)
        elif g.p(0.3):
            arg = tuple(p[0] for p in pairs)
            pairs = [(p[0], p[0]) for p in pairs]
        else:
            arg = tuple(pairs)
        if mut == "pad_tuple_length":
            arg = (1, 1, 1) if nd == 1 else tuple([1] * (nd + 1))
        osp = [(s + a + c) if s is not None else None for s, (a, c) in zip(sp, pairs)]
        kwargs = {"data_format": "channels_first"} if cf else {}
        return b.assign(f"{call('layers.' + cls, arg, **kwargs)}({x.var})", with_channels(osp, ch, cf))
    return fn


def make_upsample(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        cf = g.p(0.1) and nd > 1
        mut = g.mutate("size_nonpositive", "rank", "interpolation_invalid" if nd == 2 else None,
                       "size_tuple_length")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                sp, ch = img_shape(g, nd, lo=1, hi={1: 6, 2: 5, 3: 3}[nd])
                x = b.input(with_channels(sp, ch, cf))
        sp, ch = spatial_of(x, nd, cf)
        sizes = [g.i(1, 3) for _ in range(nd)]
        if mut == "size_nonpositive":
            sizes[0] = g.c([0, -1])
        arg = sizes[0] if (len(set(sizes)) == 1 and g.p(0.6)) else tuple(sizes)
        if mut == "size_tuple_length":
            arg = tuple(sizes + [2])
        kwargs: dict = {}
        if nd == 2 and (g.p(0.3) or mut == "interpolation_invalid"):
            kwargs["interpolation"] = "cubic" if mut == "interpolation_invalid" else g.c(["nearest", "bilinear"])
        if cf:
            kwargs["data_format"] = "channels_first"
        if nd == 1 and g.p(0.5):
            src = call("layers." + cls, size=arg, **kwargs)
        else:
            src = call("layers." + cls, arg, **kwargs)
        osp = [(s * f if s is not None else None) for s, f in zip(sp, sizes)]
        return b.assign(f"{src}({x.var})", with_channels(osp, ch, cf))
    return fn


for _nd in (1, 2, 3):
    tpl("reshaping", f"Cropping{_nd}D", (_nd + 1,), weight=0.6)(make_crop(f"Cropping{_nd}D", _nd))
    tpl("reshaping", f"ZeroPadding{_nd}D", (_nd + 1,), weight=0.6)(make_pad(f"ZeroPadding{_nd}D", _nd))
    tpl("reshaping", f"UpSampling{_nd}D", (_nd + 1,), weight=0.6)(make_upsample(f"UpSampling{_nd}D", _nd))


# ---- merging ----------------------------------------------------------------------------------------

def second_like(b: Builder, g: G, x: T, mut: Optional[str], axis_free: Optional[int] = None) -> T:
    """A second Input compatible with x (or not, under a mutation)."""
    shape = list(x.shape) if x.shape else list(float_shape(g))
    if mut == "shape_mismatch":
        j = g.i(0, len(shape) - 1) if shape else 0
        if shape:
            shape[j] = (shape[j] or 3) + g.i(1, 2)
            if axis_free is not None and j == (axis_free % len(shape)) and len(shape) > 1:
                j2 = (j + 1) % len(shape)
                shape[j2] = (shape[j2] or 3) + 1
    elif mut == "rank_mismatch":
        shape = shape + [g.i(2, 3)] if g.p(0.5) or len(shape) < 2 else shape[1:]
    elif mut == "broadcast_one" and shape:
        shape[g.i(0, len(shape) - 1)] = 1
    elif axis_free is not None and shape:
        shape[axis_free % len(shape)] = g.i(1, 5)
    return b.input(tuple(shape))


@tpl("merging", ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"), None, weight=2.0)
def t_merge(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"])
    mut = g.mutate("shape_mismatch", "shape_mismatch", "rank_mismatch", "broadcast_one", "single_input",
                   "three_inputs" if cls == "Subtract" else None)
    x = need_input(b, g, x, float_shape(g))
    if mut == "single_input":
        return b.assign(f"layers.{cls}()([{x.var}])", x.shape)
    y = second_like(b, g, x, mut)
    ins = [x.var, y.var]
    if mut == "three_inputs" or (cls != "Subtract" and g.p(0.1)):
        z = b.input(tuple(x.shape) if x.shape else (3,))
        ins.append(z.var)
    return b.assign(f"layers.{cls}()([{', '.join(ins)}])", x.shape)


@tpl("merging", "Concatenate", None, weight=1.2)
def t_concat(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("shape_mismatch", "rank_mismatch", "axis_out_of_range", "axis_batch")
    x = need_input(b, g, x, float_shape(g))
    r = x.rank or 1
    axis = g.c([-1, -1] + list(range(1, r + 1)) + list(range(-r, 0)))
    if mut == "axis_out_of_range":
        axis = g.c([r + 1, -(r + 2)])
    if mut == "axis_batch":
        axis = 0
    y = second_like(b, g, x, mut, axis_free=(axis - 1 if axis > 0 else axis) if axis not in (0,) else None)
    kwargs = {} if axis == -1 and g.p(0.5) else {"axis": axis}
    shape = None
    if x.shape and y.shape and not mut:
        j = (axis - 1) if axis > 0 else r + axis
        s = list(x.shape)
        s[j] = (x.shape[j] + y.shape[j]) if x.shape[j] is not None and y.shape[j] is not None else None
        shape = tuple(s)
    return b.assign(f"{call('layers.Concatenate', **kwargs)}([{x.var}, {y.var}])", shape)


@tpl("merging", "Dot", (1, 2), weight=0.8)
def t_dot(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("shape_mismatch", "axes_out_of_range", "rank")
    if x is None:
        x = b.input(float_shape(g, 3) if mut == "rank" else float_shape(g, g.c([1, 2])))
    r = x.rank or 1
    if r == 1:
        axes = 1
        y = b.input((((x.shape[0] if x.shape else None) or 3) + (1 if mut == "shape_mismatch" else 0),))
        shape = (1,)
    else:
        form = g.c(["last", "batch_matmul"])
        if form == "last":
            axes = g.c([2, -1, (2, 2)])
            t2 = g.i(1, 5)
            d = (x.shape[-1] if x.shape else None) or 3
            y = b.input((t2, d + (1 if mut == "shape_mismatch" else 0)))
            shape = (x.shape[0] if x.shape else None, t2)
        else:
            axes = (2, 1)
            d = (x.shape[-1] if x.shape else None) or 3
            k = g.i(1, 5)
            y = b.input((d + (1 if mut == "shape_mismatch" else 0), k))
            shape = (x.shape[0] if x.shape else None, k)
    if mut == "axes_out_of_range":
        axes = r + 2
    kwargs = {"normalize": True} if g.p(0.2) else {}
    return b.assign(f"{call('layers.Dot', axes=axes, **kwargs)}([{x.var}, {y.var}])", shape)


@tpl("merging", ("Add", "Concatenate", "Multiply"), None, weight=1.2)
def t_residual(b: Builder, g: G, x: Optional[T]) -> T:
    """A branch computed from x, merged back with x (the residual / skip-connection pattern)."""
    mut = g.mutate("branch_width", "branch_length")
    g.subject = "residual"
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 2, 3])))
    r = x.rank or 1
    d = (x.shape[-1] if x.shape else None) or 4
    if r == 2 and g.p(0.5):
        k = g.i(1, 3)
        same = mut != "branch_length"
        f = d + (1 if mut == "branch_width" else 0)
        branch = call("layers.Conv1D", f, k, padding="same" if same else "valid") if same or k > 1 else \
            call("layers.Conv1D", f, k + 1)
    else:
        if mut == "branch_length" and r >= 2:
            branch = call("layers.Dense", d)
            br = b.assign(f"{branch}({x.var})", x.shape)
            br = b.assign(f"{br.var}[:, 1:]", None)
            merge = g.c(["Add", "Multiply"])
            return b.assign(f"layers.{merge}()([{x.var}, {br.var}])", None)
        branch = call("layers.Dense", d + (1 if mut else 0), activation=g.c(["relu", "tanh"]))
    br = b.assign(f"{branch}({x.var})", None)
    merge = g.c(["Add", "Add", "Multiply", "Concatenate"])
    if merge == "Concatenate":
        shape = tuple(x.shape[:-1]) + ((d * 2) if not mut else None,) if x.shape else None
        if mut == "branch_width":  # concatenating on the features axis is fine with any width: break the steps
            return b.assign(f"layers.Concatenate(axis=1)([{x.var}, {br.var}])", None)
        return b.assign(f"layers.Concatenate()([{x.var}, {br.var}])", shape)
    return b.assign(f"layers.{merge}()([{x.var}, {br.var}])", x.shape)


@tpl("core", ("shared Dense",), None, weight=0.6)
def t_shared(b: Builder, g: G, x: Optional[T]) -> T:
    """One layer object called on two tensors (a shared layer): the second call must fit the first's weights."""
    mut = g.mutate("feature_mismatch")
    g.subject = "shared Dense"
    x = need_input(b, g, x, float_shape(g, g.c([1, 2])))
    shape = list(x.shape) if x.shape else [4]
    if mut:
        shape[-1] = (shape[-1] or 3) + g.i(1, 2)
    y = b.input(tuple(shape))
    u = g.i(1, 6)
    b.lines.append(f"shared = {call('layers.Dense', u)}")
    a = b.assign(f"shared({x.var})", None)
    c = b.assign(f"shared({y.var})", None)
    return b.assign(f"layers.Concatenate()([{a.var}, {c.var}])",
                    tuple(x.shape[:-1]) + (2 * u,) if x.shape and not mut else None)


@tpl("core", ("Sequential",), None, weight=0.6)
def t_nested_sequential(b: Builder, g: G, x: Optional[T]) -> T:
    """A keras.Sequential of two layers used as one layer of the functional model."""
    mut = g.mutate("inner_rank", "inner_units")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2])))
    u1, u2 = g.i(1, 8), g.i(1, 6)
    if mut == "inner_units":
        u2 = 0
    inner = [call("layers.Dense", u1, activation="relu"), call("layers.Dense", u2)]
    if mut == "inner_rank":
        inner[1] = call("layers.Conv1D", u2, 2) if (x.rank or 1) == 1 else call("layers.Conv2D", u2, 2)
    src = "keras.Sequential([" + ", ".join(inner) + "])"
    shape = tuple(x.shape[:-1]) + (u2,) if x.shape and not mut else None
    return b.assign(f"{src}({x.var})", shape)


@tpl("preprocessing", ("Pipeline",), (3,), weight=0.4)
def t_pipeline(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("rank", "inner_invalid")
    x = image_input(b, g, x, mut)
    h, w = g.i(2, 8), g.i(2, 8)
    inner = [call("layers.Rescaling", 0.5), call("layers.Resizing", h if mut != "inner_invalid" else 0, w)]
    if g.p(0.5):
        inner.insert(1, call("layers.RandomFlip", "horizontal"))
    ch = x.shape[-1] if x.shape else None
    return b.assign(f"layers.Pipeline([{', '.join(inner)}])({x.var})", (h, w, ch))


# ---- normalization ----------------------------------------------------------------------------------

@tpl("normalization", ("BatchNormalization", "LayerNormalization", "UnitNormalization", "RMSNormalization"),
     None, weight=1.5)
def t_norm(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["BatchNormalization", "LayerNormalization", "UnitNormalization", "RMSNormalization"])
    mut = g.mutate("axis_out_of_range", "axis_batch", "channels_none", "epsilon_negative")
    if x is None:
        shape = list(float_shape(g))
        if mut == "channels_none":
            shape[-1] = None
        x = b.input(tuple(shape))
    r = x.rank or 1
    kwargs: dict = {}
    if g.p(0.35):
        kwargs["axis"] = g.c(list(range(1, r + 1)) + [-1])
    if cls == "LayerNormalization" and g.p(0.15):
        kwargs["axis"] = [r - 1, r] if r >= 2 else [1]
    if mut == "axis_out_of_range":
        kwargs["axis"] = g.c([r + 1, -(r + 2)])
    if mut == "axis_batch":
        kwargs["axis"] = 0
    if mut == "epsilon_negative" and cls != "UnitNormalization":
        kwargs["epsilon"] = -1.0
    return b.assign(f"{call('layers.' + cls, **kwargs)}({x.var})", x.shape)


@tpl("normalization", "GroupNormalization", None, weight=0.8)
def t_groupnorm(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("groups_not_dividing", "groups_too_many", "axis_out_of_range", "groups_nonpositive")
    if x is None:
        shape = list(float_shape(g, g.c([1, 2, 3])))
        shape[-1] = g.c([2, 4, 6, 8])
        x = b.input(tuple(shape))
    ch = x.shape[-1] if x.shape else None
    base = ch or 4
    gr = g.c([d for d in range(1, base + 1) if base % d == 0])
    kwargs: dict = {}
    if mut == "groups_not_dividing":
        gr = g.c([d for d in range(2, base + 2) if base % d]) if any(base % d for d in range(2, base + 2)) else 3
    if mut == "groups_too_many":
        gr = base * 2
    if mut == "groups_nonpositive":
        gr = 0
    if mut == "axis_out_of_range":
        kwargs["axis"] = (x.rank or 1) + 1
    return b.assign(f"{call('layers.GroupNormalization', gr, **kwargs)}({x.var})", x.shape)


@tpl("normalization", "SpectralNormalization", None, weight=0.4)
def t_spectral(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("no_kernel", "power_iterations_zero")
    x = need_input(b, g, x, float_shape(g))
    u = g.i(1, 6)
    inner = call("layers.Dense", u) if mut != "no_kernel" else "layers.Activation(\"relu\")"
    kwargs = {"power_iterations": 0} if mut == "power_iterations_zero" else {}
    shape = tuple(x.shape[:-1]) + (u,) if x.shape else None
    return b.assign(f"{call('layers.SpectralNormalization', Raw(inner), **kwargs)}({x.var})", shape)


# ---- attention --------------------------------------------------------------------------------------

@tpl("attention", "MultiHeadAttention", (2, 3), weight=1.5)
def t_mha(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("heads_nonpositive", "key_dim_nonpositive", "rank", "key_value_length_mismatch",
                   "attention_axes_out_of_range", "value_rank_mismatch")
    if x is None:
        if mut == "rank":
            x = b.input((g.i(2, 6),))
        else:
            x = b.input(float_shape(g, 3 if g.p(0.15) else 2))
    shape_q = x.shape if x.shape else (4, 4)
    # value: same rank, same last-but-feature structure rank, any length and features
    v_shape = list(shape_q)
    if len(v_shape) >= 2:
        v_shape[0] = g.i(1, 6)
    v_shape[-1] = g.i(1, 6)
    if mut == "value_rank_mismatch":
        v_shape = v_shape + [2]
    use_self = g.p(0.3) and mut not in ("value_rank_mismatch", "key_value_length_mismatch")
    v = x if use_self else b.input(tuple(v_shape))
    heads = g.i(1, 3) if mut != "heads_nonpositive" else 0
    kd = g.i(1, 6) if mut != "key_dim_nonpositive" else g.c([0, -2])
    kwargs: dict = {}
    if g.p(0.2):
        kwargs["value_dim"] = g.i(1, 5)
    out_feat = shape_q[-1]
    if g.p(0.2):
        out_feat = g.i(1, 6)
        kwargs["output_shape"] = out_feat
    if mut == "attention_axes_out_of_range":
        kwargs["attention_axes"] = (len(shape_q) + 1,)
    elif len(shape_q) == 3 and g.p(0.3):
        kwargs["attention_axes"] = g.c([(1,), (2,), (1, 2)])
    args = f"{x.var}, {v.var}"
    if mut == "key_value_length_mismatch":
        k_shape = list(v_shape)
        k_shape[0] = v_shape[0] + 1
        k = b.input(tuple(k_shape))
        args += f", key={k.var}"
    elif g.p(0.15):
        k = b.input(tuple(v_shape))
        args += f", key={k.var}"
    shape = tuple(list(shape_q[:-1]) + [out_feat])
    if g.p(0.1) and not mut:
        out = b.assign(f"{call('layers.MultiHeadAttention', heads, kd, **kwargs)}({args}, "
                       f"return_attention_scores=True)", None)
        return T(out.var, shape, "multi")
    return b.assign(f"{call('layers.MultiHeadAttention', heads, kd, **kwargs)}({args})", shape)


@tpl("attention", ("Attention", "AdditiveAttention"), (2,), weight=1.0)
def t_attention(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Attention", "AdditiveAttention"])
    mut = g.mutate("feature_mismatch", "score_mode_invalid" if cls == "Attention" else None, "single_input",
                   "rank", "key_length_mismatch")
    if x is None:
        x = b.input(float_shape(g, 1 if mut == "rank" else 2))
    d = (x.shape[-1] if x.shape else None) or 4
    tq = x.shape[0] if x.shape and len(x.shape) == 2 else None
    kwargs: dict = {}
    if mut == "score_mode_invalid":
        kwargs["score_mode"] = "cosine"
    elif cls == "Attention" and g.p(0.3):
        kwargs["score_mode"] = g.c(["dot", "concat"])
    if mut == "single_input":
        return b.assign(f"{call('layers.' + cls, **kwargs)}([{x.var}])", x.shape)
    tv = g.i(1, 6)
    v_shape = (tv, d + (1 if mut == "feature_mismatch" else 0)) if (x.rank or 2) == 2 else (d,)
    v = b.input(v_shape)
    ins = [x.var, v.var]
    if mut == "key_length_mismatch":
        k = b.input((tv + 1, d))
        ins.append(k.var)
    elif g.p(0.15):
        k = b.input((tv, d))
        ins.append(k.var)
    return b.assign(f"{call('layers.' + cls, **kwargs)}([{', '.join(ins)}])", (tq, v_shape[-1]))


@tpl("attention", "GroupQueryAttention", (2,), weight=0.6)
def t_gqa(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("heads_not_dividing", "head_dim_nonpositive", "rank")
    if x is None:
        x = b.input(float_shape(g, 1 if mut == "rank" else 2))
    kv = g.i(1, 2)
    q = kv * g.i(1, 2)
    if mut == "heads_not_dividing":
        q, kv = 3, 2
    hd = g.i(1, 4) if mut != "head_dim_nonpositive" else 0
    v_shape = (g.i(1, 5), g.i(1, 5))
    v = b.input(v_shape)
    return b.assign(f"{call('layers.GroupQueryAttention', head_dim=hd, num_query_heads=q, num_key_value_heads=kv)}"
                    f"({x.var}, {v.var})", x.shape)


# ---- activations ------------------------------------------------------------------------------------

ACTIVATIONS = ["relu", "tanh", "sigmoid", "softmax", "gelu", "swish", "elu", "selu", "softplus", "softsign",
               "linear", "relu6", "leaky_relu", "hard_sigmoid", "log_softmax", "silu", "mish", "exponential"]


@tpl("activations", ("Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "PReLU"), None, weight=1.5)
def t_activation(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Activation", "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "PReLU"])
    muts = {"Activation": ["name_invalid", "name_case"], "ReLU": ["max_value_negative", "slope_negative",
                                                              "threshold_negative"],
            "LeakyReLU": ["slope_negative"], "ELU": [], "Softmax": ["axis_out_of_range"],
            "PReLU": ["shared_axes_out_of_range"]}[cls]
    mut = g.mutate(*muts)
    if cls == "ELU" and g.bad:  # no documented invalid argument: make the input wrong instead
        cls = g.c(["Softmax", "PReLU"])
        mut = g.mutate("axis_out_of_range" if cls == "Softmax" else "shared_axes_out_of_range")
    x = need_input(b, g, x, float_shape(g))
    r = x.rank or 1
    kwargs: dict = {}
    args: list = []
    if cls == "Activation":
        name = g.c(ACTIVATIONS)
        if mut == "name_invalid":
            name = g.c(["relux", "sigmod", "soft-max"])
        if mut == "name_case":
            name = g.c(["ReLU", "Tanh", "Softmax"])
        args.append(name)
    elif cls == "ReLU":
        if g.p(0.4):
            kwargs["max_value"] = g.c([1.0, 6.0])
        if g.p(0.2):
            kwargs["negative_slope"] = 0.1
        if mut == "max_value_negative":
            kwargs["max_value"] = -1.0
        if mut == "slope_negative":
            kwargs["negative_slope"] = -0.1
        if mut == "threshold_negative":
            kwargs["threshold"] = -0.5
    elif cls == "LeakyReLU":
        if g.p(0.5):
            kwargs["negative_slope"] = g.c([0.1, 0.2])
        if mut == "slope_negative":
            kwargs["negative_slope"] = -0.3
    elif cls == "ELU":
        if g.p(0.5):
            kwargs["alpha"] = g.c([0.5, 1.0])
    elif cls == "Softmax":
        if g.p(0.4):
            kwargs["axis"] = g.c(list(range(1, r + 1)) + [-1])
        if mut == "axis_out_of_range":
            kwargs["axis"] = r + 1
    elif cls == "PReLU":
        if g.p(0.4) and r >= 2:
            kwargs["shared_axes"] = [g.i(1, r - 1)]
        if mut == "shared_axes_out_of_range":
            kwargs["shared_axes"] = [r + 1]
    return b.assign(f"{call('layers.' + cls, *args, **kwargs)}({x.var})", x.shape)


# ---- regularization ---------------------------------------------------------------------------------

@tpl("regularization", ("Dropout", "GaussianDropout", "GaussianNoise", "AlphaDropout", "ActivityRegularization"),
     None, weight=1.5)
def t_dropout(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Dropout", "Dropout", "GaussianDropout", "GaussianNoise", "AlphaDropout", "ActivityRegularization"])
    mut = g.mutate("rate_negative", "rate_above_one", "rate_one", "noise_shape_rank" if cls == "Dropout" else None)
    x = need_input(b, g, x, float_shape(g))
    kwargs: dict = {}
    if cls == "ActivityRegularization":
        val = g.c([0.0, 0.01])
        if mut in ("rate_negative",):
            val = -0.1
        elif mut:
            val = g.c([2.0, 1.0])
        src = call("layers.ActivityRegularization", l1=val, l2=0.01)
    else:
        rate = g.c([0.0, 0.1, 0.25, 0.5])
        if mut == "rate_negative":
            rate = -0.2
        if mut == "rate_above_one":
            rate = g.c([1.5, 2.0])
        if mut == "rate_one":
            rate = 1.0
        if mut == "noise_shape_rank":
            kwargs["noise_shape"] = (None,) * ((x.rank or 1) + 3)
        elif cls == "Dropout" and g.p(0.15) and x.rank:
            kwargs["noise_shape"] = tuple([None] + [1] * x.rank)
        src = call("layers." + cls, rate, **kwargs)
    return b.assign(f"{src}({x.var})", x.shape)


def make_spatial_dropout(cls: str, nd: int):
    def fn(b: Builder, g: G, x: Optional[T]) -> T:
        mut = g.mutate("rank", "rate_above_one")
        if x is None:
            if mut == "rank":
                x = b.input(float_shape(g, g.c([r for r in (1, 2, 3, 4) if r != nd + 1])))
            else:
                x = b.input(float_shape(g, nd + 1))
        rate = 1.5 if mut == "rate_above_one" else g.c([0.1, 0.3])
        return b.assign(f"{call('layers.' + cls, rate)}({x.var})", x.shape)
    return fn


for _nd in (1, 2, 3):
    tpl("regularization", f"SpatialDropout{_nd}D", (_nd + 1,), weight=0.5)(
        make_spatial_dropout(f"SpatialDropout{_nd}D", _nd))


# ---- preprocessing ----------------------------------------------------------------------------------

def image_input(b: Builder, g: G, x: Optional[T], mut: Optional[str], lo=4, hi=10) -> T:
    if x is not None:
        return x
    if mut == "rank":
        return b.input(float_shape(g, g.c([1, 2])))
    return b.input((g.i(lo, hi), g.i(lo, hi), g.c([1, 3, 3])))


@tpl("preprocessing", ("Resizing", "CenterCrop", "RandomCrop"), (3,), weight=1.5)
def t_resize(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Resizing", "CenterCrop", "RandomCrop"])
    mut = g.mutate("rank", "size_nonpositive", "interpolation_invalid" if cls == "Resizing" else None,
                   "crop_bigger" if cls != "Resizing" else None)
    x = image_input(b, g, x, mut)
    h0, w0 = (x.shape[0], x.shape[1]) if x.shape and len(x.shape) == 3 else (8, 8)
    h0, w0 = h0 or 8, w0 or 8
    if cls == "Resizing":
        h, w = g.i(1, 12), g.i(1, 12)
    else:
        h, w = g.i(1, h0), g.i(1, w0)
    if mut == "size_nonpositive":
        h = g.c([0, -2])
    if mut == "crop_bigger":
        h, w = h0 + g.i(1, 3), w
    kwargs: dict = {}
    if cls == "Resizing":
        if g.p(0.3):
            # "area" is documented too, but the torch backend rejects it when the model runs: not generated
            kwargs["interpolation"] = g.c(["nearest", "bilinear", "bicubic"])
        if g.p(0.15):
            kwargs["crop_to_aspect_ratio"] = True
        if mut == "interpolation_invalid":
            kwargs["interpolation"] = "cubic_spline"
    ch = x.shape[-1] if x.shape else None
    return b.assign(f"{call('layers.' + cls, h, w, **kwargs)}({x.var})", (h, w, ch))


@tpl("preprocessing", ("Rescaling", "RandomFlip", "RandomRotation", "RandomZoom", "RandomContrast",
                       "RandomTranslation", "RandomBrightness", "AutoContrast", "Solarization",
                       "RandomGrayscale", "RandomInvert", "RandomSharpness", "RandomShear", "RandomHue",
                       "RandomSaturation", "RandomPosterization", "RandomGaussianBlur", "RandomColorDegeneration",
                       "RandomErasing", "RandomPerspective", "RandomColorJitter",
                       "RandomElasticTransform", "AugMix", "RandAugment", "MixUp", "CutMix"),
     (3,), weight=3.0)
def t_image_aug(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Rescaling", "RandomFlip", "RandomRotation", "RandomZoom", "RandomContrast", "RandomTranslation",
               "RandomBrightness", "AutoContrast", "Solarization", "RandomGrayscale", "RandomInvert",
               "RandomSharpness", "RandomShear", "RandomHue", "RandomSaturation", "RandomPosterization",
               "RandomGaussianBlur", "RandomColorDegeneration", "RandomErasing", "RandomPerspective",
               "RandomColorJitter", "RandomElasticTransform", "AugMix", "RandAugment", "MixUp", "CutMix"])
    # Equalization is not generated: its compute_output_spec returns its input KerasTensor itself, so a functional
    # model through it fails with "... is part of a cycle" whatever the shapes (a Keras 3.15 bug, not a shape error)
    bad_arg = {"RandomErasing": "factor_invalid", "RandomPerspective": "factor_invalid",
               "RandomColorJitter": "factor_invalid",
               "RandomElasticTransform": "factor_invalid", "AugMix": "num_chains_invalid",
               "RandAugment": "num_ops_invalid", "MixUp": "alpha_invalid", "CutMix": "factor_invalid","RandomFlip": "mode_invalid", "RandomRotation": "factor_invalid", "RandomZoom": "factor_invalid",
               "RandomContrast": "factor_invalid", "RandomTranslation": "factor_invalid",
               "RandomBrightness": "factor_invalid", "RandomHue": "factor_invalid",
               "RandomSaturation": "factor_invalid", "RandomPosterization": "factor_invalid",
               "RandomGaussianBlur": "kernel_invalid", "RandomGrayscale": "factor_invalid",
               "RandomSharpness": "factor_invalid", "RandomColorDegeneration": "factor_invalid",
               "AutoContrast": "value_range_invalid", "Solarization": "factor_invalid",
               "RandomInvert": "value_range_invalid", "RandomShear": "factor_invalid",
               "Rescaling": None}[cls]
    mut = g.mutate("rank", bad_arg, "grayscale_channels" if cls in ("RandomGrayscale", "RandomHue",
                                                                    "RandomSaturation") else None)
    if x is None and mut == "grayscale_channels":
        x = b.input((g.i(4, 8), g.i(4, 8), g.c([2, 4])))
    x = image_input(b, g, x, mut)
    kwargs: dict = {}
    args: list = []
    if cls == "Rescaling":
        args.append(g.c([1.0 / 255, 2.0, 0.5]))
        if g.p(0.3):
            kwargs["offset"] = -1.0
    elif cls == "RandomFlip":
        args.append("diagonal" if mut else g.c(["horizontal", "vertical", "horizontal_and_vertical"]))
    elif cls == "RandomRotation":
        args.append(g.c([0.1, 0.25, (-0.2, 0.3)]) if not mut else g.c([(0.3, -0.2), "x"]))
    elif cls == "RandomZoom":
        args.append(g.c([0.1, (-0.2, 0.2)]) if not mut else g.c([-1.5, (0.5, 0.1)]))
    elif cls == "RandomContrast":
        args.append(g.c([0.1, 0.5]) if not mut else g.c([-0.5, 1.5]))
    elif cls == "RandomTranslation":
        args += ([0.1, 0.2] if not mut else [1.5, 0.1])
    elif cls == "RandomBrightness":
        args.append(g.c([0.1, (-0.2, 0.2)]) if not mut else g.c([2.0, (0.5, -0.5)]))
    elif cls == "AutoContrast":
        if mut:
            kwargs["value_range"] = (255, 0, 1)
    elif cls == "Solarization":
        kwargs["addition_factor"] = g.c([0.0, 0.2]) if not mut else 2.0
    elif cls == "RandomGrayscale":
        kwargs["factor"] = g.c([0.5, 1.0]) if not mut else 1.5
    elif cls == "RandomInvert":
        if mut:
            kwargs["value_range"] = (0,)
    elif cls == "RandomSharpness":
        args.append(g.c([0.2, 0.5]) if not mut else -0.5)
    elif cls == "RandomShear":
        kwargs["x_factor"] = g.c([0.1, 0.3]) if not mut else 1.5
    elif cls == "RandomHue":
        args.append(g.c([0.2, 0.5]) if not mut else 1.5)
    elif cls == "RandomSaturation":
        args.append(g.c([0.2, 0.5]) if not mut else -0.5)
    elif cls == "RandomPosterization":
        args.append(g.c([4, 6]) if not mut else 0)
    elif cls == "RandomGaussianBlur":
        if g.p(0.5) or mut:
            kwargs["kernel_size"] = g.c([3, 5]) if not mut else 0
    elif cls == "RandomColorDegeneration":
        args.append(g.c([0.2, 0.5]) if not mut else 1.5)
    elif cls == "RandomErasing":
        kwargs["factor"] = g.c([0.5, 1.0]) if not mut else 1.5
    elif cls == "RandomPerspective":
        kwargs["factor"] = g.c([0.5, 1.0]) if not mut else -0.5
    elif cls == "RandomColorJitter":
        kwargs["brightness_factor"] = g.c([0.1, 0.2]) if not mut else 2.0
    elif cls == "RandomElasticTransform":
        kwargs["factor"] = g.c([0.5, 1.0]) if not mut else 1.5
    elif cls == "AugMix":
        if g.p(0.5) or mut:
            kwargs["num_chains"] = g.c([1, 2]) if not mut else -1
    elif cls == "RandAugment":
        if g.p(0.5) or mut:
            kwargs["num_ops"] = g.c([1, 2]) if not mut else -1
    elif cls == "MixUp":
        if g.p(0.5) or mut:
            kwargs["alpha"] = g.c([0.2, 0.4]) if not mut else -1.0
    elif cls == "CutMix":
        if g.p(0.5) or mut:
            kwargs["factor"] = g.c([0.5, 1.0]) if not mut else -1.0
    return b.assign(f"{call('layers.' + cls, *args, **kwargs)}({x.var})", x.shape)


@tpl("preprocessing", ("Normalization", "Discretization"), None, weight=0.8)
def t_numeric_pre(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["Normalization", "Discretization"])
    mut = g.mutate("mean_length_mismatch" if cls == "Normalization" else "boundaries_unsorted",
                   "mean_without_variance" if cls == "Normalization" else "both_bins_and_boundaries")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2])))
    if cls == "Normalization":
        d = x.shape[-1] if x.shape and x.shape[-1] else 3
        n = d + (1 if mut == "mean_length_mismatch" else 0)
        mean = [g.f(-1, 1) for _ in range(n)]
        var = [g.f(0.5, 2.0) for _ in range(n)]
        kwargs = {"mean": mean} if mut == "mean_without_variance" else {"mean": mean, "variance": var}
        return b.assign(f"{call('layers.Normalization', **kwargs)}({x.var})", x.shape)
    bounds = sorted(g.f(-1, 1) for _ in range(g.i(1, 4)))
    if mut == "boundaries_unsorted":
        bounds = [1.0, -1.0, 0.5]
    kwargs = {"bin_boundaries": bounds}
    if mut == "both_bins_and_boundaries":
        kwargs["num_bins"] = 3
    return b.assign(f"{call('layers.Discretization', **kwargs)}({x.var})", x.shape, "int64")


@tpl("preprocessing", ("CategoryEncoding",), (1, 2), weight=0.7, int_input=True)
def t_int_pre(b: Builder, g: G, x: Optional[T]) -> T:
    # Hashing / IntegerLookup / StringLookup need TensorFlow under every backend: not generated (the oracle
    # runs the torch backend, where they fail on import whatever their shapes).
    mut = g.mutate("output_mode_invalid", "num_nonpositive", "rank", "num_tokens_missing")
    if x is None:
        if mut == "rank":
            x = b.input((g.i(2, 4), g.i(2, 3), 2), "int32")
        else:
            x = b.input((g.i(1, 5),) if g.p(0.8) else (g.i(1, 3), g.i(1, 3)), "int32")
    n = x.shape[0] if x.shape and len(x.shape) == 1 else None
    nt = g.i(2, 8) if mut != "num_nonpositive" else 0
    mode = g.c(["multi_hot", "count", "one_hot"]) if mut != "output_mode_invalid" else "int"
    shape = (nt,) if mode != "one_hot" else ((n, nt) if n != 1 else (nt,))
    kwargs = {"num_tokens": nt, "output_mode": mode}
    if mut == "num_tokens_missing":
        del kwargs["num_tokens"]
    return b.assign(f"{call('layers.CategoryEncoding', **kwargs)}({x.var})", shape)


@tpl("preprocessing", ("STFTSpectrogram", "MelSpectrogram"), None, weight=0.6)
def t_spectrogram(b: Builder, g: G, x: Optional[T]) -> T:
    cls = g.c(["STFTSpectrogram", "MelSpectrogram"])
    mut = g.mutate("frame_too_long", "mode_invalid" if cls == "STFTSpectrogram" else "mel_bins_nonpositive",
                   "rank")
    if cls == "STFTSpectrogram":
        if x is None:
            x = b.input((g.i(1, 3),) if mut == "rank" else (g.c([32, 64, 100]), 1))
        n = (x.shape[0] if x.shape else None) or 64
        fl = g.c([8, 16]) if mut != "frame_too_long" else (n or 64) * 2
        kwargs = {"frame_length": fl, "frame_step": g.c([4, 8]), "fft_length": 16 if fl <= 16 else 2 * fl}
        kwargs["mode"] = g.c(["log", "magnitude", "psd", "real", "imag", "angle", "stft"])
        if mut == "mode_invalid":
            kwargs["mode"] = "power"
        return b.assign(f"{call('layers.STFTSpectrogram', **kwargs)}({x.var})", None)
    if x is None:
        x = b.input((g.i(2, 4), 3, 2) if mut == "rank" else (g.c([64, 128, 200]),))
    n = (x.shape[0] if x.shape else None) or 128
    fft = g.c([16, 32]) if mut != "frame_too_long" else 4 * (n or 128)
    kwargs = {"fft_length": fft, "sequence_stride": g.c([8, 16]), "num_mel_bins": g.c([4, 8]),
              "sampling_rate": 8000}
    if mut == "mel_bins_nonpositive":
        kwargs["num_mel_bins"] = 0
    return b.assign(f"{call('layers.MelSpectrogram', **kwargs)}({x.var})", None)


# ---- keras.ops in functional code ------------------------------------------------------------------

def axis_choice(g: G, r: int, include_batch=False) -> int:
    lo = 0 if include_batch else 1
    return g.c(list(range(lo, r + 1)) + list(range(-r, 0)))


@tpl("ops", ("ops.reshape",), None, weight=1.2)
def t_ops_reshape(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("size_mismatch", "two_unknown")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    n = prod(x.shape) if x.shape else None
    n = n if n and n <= 400 else None
    fac = list(g.c(factorizations(n, g.c([1, 2, 3]))) if n else (g.i(1, 4), g.i(1, 4)))
    if mut == "size_mismatch":
        fac[-1] += g.c([1, 2])
    if mut == "two_unknown":
        fac[0] = -1
    target = tuple([-1] + fac)
    return b.assign(f"ops.reshape({x.var}, {lit(target)})", tuple(fac) if not mut else None)


@tpl("ops", ("ops.transpose", "ops.swapaxes", "ops.moveaxis"), (2, 3, 4), weight=1.0)
def t_ops_transpose(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["transpose", "transpose", "swapaxes", "moveaxis"])
    mut = g.mutate("axes_wrong_length" if fn == "transpose" else "axis_out_of_range",
                   "axes_duplicate" if fn == "transpose" else "axis_out_of_range")
    x = need_input(b, g, x, float_shape(g, g.c([2, 3])))
    r = x.rank or 2
    if fn == "transpose":
        perm = list(range(1, r + 1))
        g.rng.shuffle(perm)
        axes = [0] + perm
        if mut == "axes_wrong_length":
            axes = axes[:-1]
        if mut == "axes_duplicate":
            axes = [0] + [perm[0]] * r
        shape = tuple(x.shape[a - 1] for a in perm) if x.shape and not mut else None
        return b.assign(f"ops.transpose({x.var}, axes={lit(tuple(axes))})", shape)
    a1, a2 = g.i(1, r), g.i(1, r)
    if mut:
        a2 = r + 1
    shape = None
    if x.shape and not mut:
        s = list(x.shape)
        if fn == "swapaxes":
            s[a1 - 1], s[a2 - 1] = s[a2 - 1], s[a1 - 1]
        else:
            v = s.pop(a1 - 1)
            s.insert(a2 - 1, v)
        shape = tuple(s)
    return b.assign(f"ops.{fn}({x.var}, {a1}, {a2})", shape)


@tpl("ops", ("ops.expand_dims", "ops.squeeze"), None, weight=1.0)
def t_ops_dims(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["expand_dims", "squeeze"])
    mut = g.mutate("axis_out_of_range", "squeeze_not_one" if fn == "squeeze" else "axis_out_of_range")
    if x is None:
        s = list(float_shape(g, g.c([1, 2, 3])))
        if fn == "squeeze" and mut != "squeeze_not_one":
            s[g.i(0, len(s) - 1)] = 1
        x = b.input(tuple(s))
    r = x.rank or 1
    if fn == "expand_dims":
        ax = g.c(list(range(1, r + 2)) + [-1])
        if mut:
            ax = g.c([r + 3, -(r + 3)])
        shape = None
        if x.shape and not mut:
            s = list(x.shape)
            s.insert(len(s) if ax == -1 else ax - 1, 1)
            shape = tuple(s)
        return b.assign(f"ops.expand_dims({x.var}, {ax})", shape)
    ones = [i + 1 for i, d in enumerate(x.shape or []) if d == 1]
    ax = g.c(ones) if ones else 1
    if mut == "squeeze_not_one":
        not_ones = [i + 1 for i, d in enumerate(x.shape or []) if d != 1]
        ax = g.c(not_ones) if not_ones else 1
    if mut == "axis_out_of_range":
        ax = r + 2
    shape = tuple(d for i, d in enumerate(x.shape) if i != ax - 1) if x.shape and not mut else None
    return b.assign(f"ops.squeeze({x.var}, axis={ax})", shape)


@tpl("ops", ("ops.concatenate", "ops.stack"), None, weight=1.0)
def t_ops_join(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["concatenate", "stack"])
    mut = g.mutate("shape_mismatch", "axis_out_of_range", "rank_mismatch")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    r = x.rank or 1
    if fn == "concatenate":
        ax = axis_choice(g, r)
        y = second_like(b, g, x, mut if mut != "axis_out_of_range" else None,
                        axis_free=(ax - 1 if ax > 0 else ax))
        if mut == "axis_out_of_range":
            ax = r + 1
        shape = None
        if x.shape and y.shape and not mut:
            j = ax - 1 if ax > 0 else r + ax
            s = list(x.shape)
            s[j] = (s[j] + y.shape[j]) if s[j] is not None and y.shape[j] is not None else None
            shape = tuple(s)
        return b.assign(f"ops.concatenate([{x.var}, {y.var}], axis={ax})", shape)
    ax = g.c(list(range(1, r + 2)) + [-1])
    y = second_like(b, g, x, mut if mut != "axis_out_of_range" else None)
    if mut == "axis_out_of_range":
        ax = r + 3
    shape = None
    if x.shape and not mut:
        s = list(x.shape)
        s.insert(len(s) if ax == -1 else ax - 1, 2)
        shape = tuple(s)
    return b.assign(f"ops.stack([{x.var}, {y.var}], axis={ax})", shape)


@tpl("ops", ("ops.mean", "ops.sum", "ops.max", "ops.min", "ops.argmax", "ops.prod", "ops.std"), None,
     weight=1.3)
def t_ops_reduce(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["mean", "sum", "max", "min", "argmax", "prod", "std"])
    mut = g.mutate("axis_out_of_range", "axis_duplicate" if fn != "argmax" else "axis_out_of_range")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    r = x.rank or 1
    keep = g.p(0.3) and fn != "argmax"
    form = g.c(["int", "int", "tuple", "none"]) if fn != "argmax" else "int"
    if form == "int":
        ax = axis_choice(g, r, include_batch=g.p(0.1))
        axes = [ax]
        axis_src = str(ax)
    elif form == "tuple" and r >= 2:
        axes = sorted(g.rng.sample(range(1, r + 1), 2))
        axis_src = lit(tuple(axes))
    else:
        axes = None
        axis_src = "None"
    if mut == "axis_out_of_range":
        axes = [r + 1]
        axis_src = str(r + 1)
    if mut == "axis_duplicate":
        axes = [1, 1]
        axis_src = "(1, 1)"
    kw = ", keepdims=True" if keep else ""
    shape = None
    if x.shape and not mut and axes is not None and 0 not in axes:
        idx = {(a - 1) if a > 0 else r + a for a in axes}
        shape = tuple((1 if i in idx else d) for i, d in enumerate(x.shape) if keep or i not in idx)
    return b.assign(f"ops.{fn}({x.var}, axis={axis_src}{kw})", shape,
                    "int64" if fn == "argmax" else "float32")


@tpl("ops", ("ops.matmul", "ops.einsum"), (1, 2), weight=1.2)
def t_ops_matmul(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["matmul", "matmul", "einsum", "einsum"])
    mut = g.mutate("inner_mismatch", "equation_invalid" if fn == "einsum" else "inner_mismatch")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2])))
    r = x.rank or 2
    k = x.shape[-1] if x.shape and x.shape[-1] else 3
    m = g.i(1, 5)
    if r == 1:
        y = b.input((k + (1 if mut == "inner_mismatch" else 0), m)) if g.p(0.5) else None
        if y is None:  # vector . vector per sample via einsum / matmul with a matrix
            y = b.input((k + (1 if mut == "inner_mismatch" else 0),))
            if fn == "matmul":
                return b.assign(f"ops.matmul({x.var}[:, None, :], {y.var}[:, :, None])", (1, 1))
            eq = "bi,bi->b" if mut != "equation_invalid" else "bi,bj->bk"
            return b.assign(f"ops.einsum({lit(eq)}, {x.var}, {y.var})", ())
        if fn == "matmul":
            return b.assign(f"ops.matmul({x.var}[:, None, :], {y.var})", (1, m))
        eq = "bi,bij->bj" if mut != "equation_invalid" else "bi,bij->bjk"
        return b.assign(f"ops.einsum({lit(eq)}, {x.var}, {y.var})", (m,))
    t = x.shape[0] if x.shape else None
    y = b.input((k + (1 if mut == "inner_mismatch" else 0), m))
    if fn == "matmul":
        return b.assign(f"ops.matmul({x.var}, {y.var})", (t, m))
    eq = g.c(["bij,bjk->bik", "bij,bjk->bki"])
    shape = (t, m) if eq == "bij,bjk->bik" else (m, t)
    if mut == "equation_invalid":
        eq = g.c(["bij,bjk->bil", "bij,bjk"]) if g.p(0.5) else "bij,bjk->bik,"
    return b.assign(f"ops.einsum({lit(eq)}, {x.var}, {y.var})", shape)


@tpl("ops", ("add", "multiply", "subtract"), None, weight=1.2)
def t_ops_arith(b: Builder, g: G, x: Optional[T]) -> T:
    op = g.c(["+", "*", "-", "ops.add", "ops.multiply"])
    mut = g.mutate("shape_mismatch", "shape_mismatch", "broadcast_one", "rank_mismatch")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    if g.p(0.2) and not mut:
        c = g.c(["1.0", "2.0"])
        expr = f"{x.var} {op} {c}" if not op.startswith("ops") else f"{op}({x.var}, {c})"
        return b.assign(expr, x.shape)
    if mut == "rank_mismatch":  # numpy broadcasting of a lower rank: right-aligned, valid when it matches
        s = list(x.shape[1:]) if x.shape and len(x.shape) > 1 else [g.i(2, 4)]
        if g.p(0.5) and s:
            s[-1] = (s[-1] or 3) + 1
        y = b.input(tuple(s))
    else:
        y = second_like(b, g, x, mut)
    expr = f"{x.var} {op} {y.var}" if not op.startswith("ops") else f"{op}({x.var}, {y.var})"
    return b.assign(expr, x.shape if not mut else None)


@tpl("ops", ("getitem",), None, weight=1.5)
def t_ops_slice(b: Builder, g: G, x: Optional[T]) -> T:
    mut = g.mutate("too_many_indices", "index_out_of_range", "index_out_of_range")
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    r = x.rank or 1
    s = list(x.shape) if x.shape else [4] * r
    n0 = s[0] or 4
    form = g.c(["range", "int", "last", "newaxis", "ellipsis", "step", "neg"])
    if mut == "too_many_indices":
        return b.assign(f"{x.var}[{', '.join([':'] * (r + 1))}, 0]", None)
    if mut == "index_out_of_range":
        return b.assign(f"{x.var}[:, {n0 + g.i(0, 2)}]", None)
    if form == "range":
        a = g.i(0, max(0, n0 - 1))
        c = g.i(a + 1, n0)
        return b.assign(f"{x.var}[:, {a}:{c}]", tuple([c - a] + s[1:]))
    if form == "int":
        i = g.i(0, n0 - 1)
        return b.assign(f"{x.var}[:, {i}]", tuple(s[1:]))
    if form == "last":
        i = g.i(0, (s[-1] or 2) - 1)
        return b.assign(f"{x.var}[..., {i}]", tuple(s[:-1]))
    if form == "newaxis":
        return b.assign(f"{x.var}[:, None]", tuple([1] + s))
    if form == "ellipsis":
        return b.assign(f"{x.var}[..., None]", tuple(s + [1]))
    if form == "step":
        st = g.i(2, 3)
        return b.assign(f"{x.var}[:, ::{st}]", tuple([-(-n0 // st)] + s[1:]))
    return b.assign(f"{x.var}[:, -1]", tuple(s[1:]))


@tpl("ops", ("ops.repeat", "ops.tile", "ops.pad", "broadcast x[:, None] + y"), None, weight=1.0)
def t_ops_misc(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["repeat", "tile", "pad", "broadcast_to"])
    mut = g.mutate({"repeat": "axis_out_of_range", "tile": "reps_negative", "pad": "pad_wrong_length",
                    "broadcast_to": "shape_incompatible"}[fn])
    x = need_input(b, g, x, float_shape(g, g.c([1, 2, 3])))
    r = x.rank or 1
    s = list(x.shape) if x.shape else [None] * r
    if fn == "repeat":
        n = g.i(1, 3)
        ax = g.i(1, r) if not mut else r + 1
        shape = None
        if not mut:
            s2 = list(s)
            s2[ax - 1] = s2[ax - 1] * n if s2[ax - 1] is not None else None
            shape = tuple(s2)
        return b.assign(f"ops.repeat({x.var}, {n}, axis={ax})", shape)
    if fn == "tile":
        reps = [1] + [g.i(1, 2) for _ in range(r)]
        if mut:
            reps[-1] = -1
        shape = tuple((d * k if d is not None else None) for d, k in zip(s, reps[1:])) if not mut else None
        return b.assign(f"ops.tile({x.var}, {lit(tuple(reps))})", shape)
    if fn == "pad":
        pads = [(0, 0)] + [(g.i(0, 2), g.i(0, 2)) for _ in range(r)]
        if mut:
            pads = pads + [(1, 1)]
        shape = tuple((d + a + c if d is not None else None) for d, (a, c) in zip(s, pads[1:])) if not mut else None
        return b.assign(f"ops.pad({x.var}, {lit(tuple(pads))})", shape)
    # broadcast_to needs a concrete batch: use a size-1 axis broadcast against the input's own batch via +
    target = [d if d is not None else 2 for d in s]
    if mut:
        target[-1] = (target[-1] or 2) + 1
    target2 = [g.i(2, 3)] + target
    y = b.input(tuple(target2))
    # broadcast x (batch, *s) against (batch, k, *s): insert an axis then add
    return b.assign(f"{x.var}[:, None] + {y.var}", tuple(target2) if not mut else None)


@tpl("ops", ("ops.relu", "ops.softmax", "ops.sigmoid", "ops.tanh", "ops.exp", "ops.abs", "ops.sqrt",
             "ops.log_softmax", "ops.cumsum"), None, weight=0.8)
def t_ops_elementwise(b: Builder, g: G, x: Optional[T]) -> T:
    fn = g.c(["relu", "softmax", "sigmoid", "tanh", "exp", "abs", "sqrt", "log_softmax", "cumsum"])
    mut = g.mutate("axis_out_of_range" if fn in ("softmax", "log_softmax", "cumsum") else None)
    if g.bad and not mut:  # no invalid argument: break the rank instead via a follower-less squeeze
        fn = "softmax"
        mut = g.mutate("axis_out_of_range")
    x = need_input(b, g, x, float_shape(g))
    r = x.rank or 1
    if fn in ("softmax", "log_softmax", "cumsum"):
        ax = g.c([-1] + list(range(1, r + 1))) if not mut else r + 1
        return b.assign(f"ops.{fn}({x.var}, axis={ax})", x.shape)
    return b.assign(f"ops.{fn}({x.var})", x.shape)


# ------------------------------------------------------------------------------------------------ driver

FAMILY_WEIGHT = {"conv": 3.0, "pooling": 2.0, "rnn": 2.0, "core": 1.5, "reshaping": 2.0, "merging": 1.5,
                 "normalization": 1.0, "attention": 1.2, "preprocessing": 1.5, "activations": 1.0,
                 "regularization": 1.0, "ops": 3.0}


def _pick_template(rng: random.Random, x: Optional[T]) -> Tpl:
    if x is None:
        fam = rng.choices(list(FAMILY_WEIGHT), weights=list(FAMILY_WEIGHT.values()))[0]
        pool = [t for t in TEMPLATES if t.family == fam]
    else:
        pool = [t for t in TEMPLATES if (t.ranks is None or x.rank in t.ranks) and not t.int_input
                and (x.dtype == "float32" or t.family in ("core", "reshaping", "ops"))]
        if x.dtype not in ("float32",):
            pool = [t for t in pool if t.fn.__name__ in ("t_flatten", "t_reshape", "t_ops_slice",
                                                            "t_ops_dims", "t_core_misc")] or pool
    return rng.choices(pool, weights=[t.weight for t in pool])[0]


def generate_case(seed: int, index: int, p_bad: float = 0.45) -> Case:
    key = f"{seed}:{index}"
    rng = random.Random(key)
    length = rng.choices([1, 2, 3], weights=[0.45, 0.35, 0.20])[0]
    subject_pos = rng.randrange(length)
    bad = rng.random() < p_bad
    b = Builder(rng)
    x: Optional[T] = None
    subject = family = kind = ""
    chain = []
    for pos in range(length):
        is_subject = pos == subject_pos
        if x is not None and x.dtype == "multi":  # a list output (return_state...) handed on: its first tensor
            x = b.assign(f"{x.var}[0]", x.shape)
        if is_subject:
            t = _pick_template(rng, None) if pos == 0 else _pick_subject(rng, x)
        else:
            t = _pick_template(rng, x)
        g = G(rng, bad and is_subject)
        x = _run(t, b, g, x, last=(pos == length - 1))
        chain.append(g.subject or _name_of(b))
        if is_subject:
            subject, family, kind = chain[-1], t.family, g.kind
    return Case(id=f"s{seed}-{index:06d}", seed=key, family=family, subject=subject, kind=kind, chain=chain,
                source=b.source(x))


def _pick_subject(rng: random.Random, x: T) -> Tpl:
    """Subject after a prefix: a family-weighted template that accepts x's rank (most of the time)."""
    for _ in range(20):
        fam = rng.choices(list(FAMILY_WEIGHT), weights=list(FAMILY_WEIGHT.values()))[0]
        pool = [t for t in TEMPLATES if t.family == fam and (t.ranks is None or x.rank in t.ranks)
                and not t.int_input]
        if x.dtype != "float32":
            pool = [t for t in pool if t.family in ("reshaping", "ops", "core")]
        if pool:
            return rng.choices(pool, weights=[t.weight for t in pool])[0]
    return _pick_template(rng, x)


def _run(t: Tpl, b: Builder, g: G, x: Optional[T], last: bool) -> T:
    b.last = last  # return_state only on the last step
    return t.fn(b, g, x)


def _name_of(b: Builder) -> str:
    line = b.lines[-1]
    rhs = line.split("=", 1)[1].strip()
    if rhs.startswith("layers."):
        name = rhs[len("layers."):].split("(", 1)[0]
        if name in ("Bidirectional", "TimeDistributed", "RNN", "SpectralNormalization"):
            inner = rhs.split("(", 2)[1].replace("layers.", "")
            return f"{name}({inner.strip()})"
        return name
    if rhs.startswith("ops."):
        return rhs.split("(", 1)[0]
    if "[" in rhs and "+" not in rhs:
        return "getitem"
    for sym, nm in (("+", "add"), ("*", "multiply"), ("-", "subtract")):
        if f" {sym} " in rhs:
            return nm
    return rhs.split("(", 1)[0]


def generate(n: int, seed: int = 0, p_bad: float = 0.45) -> list[Case]:
    return [generate_case(seed, i, p_bad) for i in range(n)]


def covered_names() -> list[str]:
    out = []
    for t in TEMPLATES:
        out.extend(t.names)
    return sorted(set(out))


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    for c in generate(a.cases, a.seed):
        print(f"# {c.id} family={c.family} subject={c.subject} kind={c.kind} chain={c.chain}")
        print(c.source)
