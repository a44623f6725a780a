"""Comparing shapedoctor with Keras on one case.

Keras' exceptions are mapped to shapedoctor's finding kinds by message patterns
(:data:`KERAS_PATTERNS`, first match wins, each pattern quoted from a real Keras 3.15
message seen by the harness).  An exception matching no pattern maps to ``"unmapped"``,
which never agrees with anything: a new Keras message must be looked at and added here.

shapedoctor's verdict comes from ``shapedoctor.check_source`` on the rendered source,
exactly as a user would run it: the first node with an ``error`` finding is the failing
node; warnings are allowed on top of a Keras success (we may warn about things Keras
accepts) and are counted separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .case import Case, Verdict
from .render import render

# (kind, regex on "ExceptionType: message"), first match wins.
KERAS_PATTERNS: list[tuple[str, str]] = [
    # InputSpec checks: "Input 0 of layer "conv1d" is incompatible with the layer: expected ndim=3, found ndim=2."
    ("rank", r"is incompatible with the layer: expected (min_|max_)?ndim=\d+, found ndim=\d+"),
    # compute_conv_output_shape: "Kernel shape must have the same length as input, but received kernel of shape..."
    ("rank", r"Kernel shape must have the same length as input"),
    # TimeDistributed.build: "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions"
    ("rank", r"should be passed an `input_shape` with at least 3 dimensions"),
    # operation_utils: "Computed output size would be zero or negative. Received `inputs shape=...`"
    ("negative-length", r"Computed output size would be (zero or )?negative"),
    # Cropping*D.compute_output_shape: "Values in `cropping` argument should be smaller than the corresponding
    # spatial dimension of the input."
    ("negative-length", r"Values in `cropping` argument should be smaller"),
    # "`cropping` parameter of `Cropping1D` layer must be smaller than the input length."
    ("negative-length", r"`cropping` parameter of `Cropping1D` layer must be smaller"),
    # Reshape: "The total size of the tensor must be unchanged. Received: input_shape=(6,), target_shape=(5,)"
    ("reshape-size", r"total size of the tensor must be unchanged"),
    # Dense.build: "The last dimension of the inputs to a Dense layer should be defined. Found None."
    ("undefined-dim", r"should be defined\. Found `?None`?"),
    # Variables of a layer built on a None axis: "Shapes used to initialize variables must be fully-defined
    # (no `None` dimensions). Received: shape=(None, 3) for variable path='dense/kernel'"
    ("undefined-dim", r"Shapes used to initialize variables must be fully-defined"),
    # BaseConv.build with channels None: "unsupported operand type(s) for %: 'NoneType' and 'int'" (input_channel
    # % groups); same for other arithmetic on the None channel axis.
    # DepthwiseConv.build: "unsupported operand type(s) for *: 'int' and 'NoneType'" (depth_multiplier * channels).
    ("undefined-dim", r"TypeError: unsupported operand type\(s\) for [^:]*: '(NoneType' and 'int|int' and 'NoneType)'"),
    # GroupNormalization.build: "Axis -1 of input tensor should have a defined dimension but the layer received
    # an input with shape (None, None)."
    ("undefined-dim", r"of input tensor should have a defined dimension"),
    # ConvLSTM.build: "ConvLSTM layers only support static input shapes for the spatial dimension."
    ("undefined-dim", r"only support static input shapes for the spatial dimension"),
    # BaseConv.build: "The number of input channels must be evenly divisible by the number of groups."
    ("invalid-argument", r"input channels must be evenly divisible by the number of groups"),
    # GroupNormalization.build: "Number of groups (5) must be a multiple of the number of channels (27)." and
    # "Number of groups (8) cannot be more than the number of channels (4)."
    ("invalid-argument", r"Number of groups \(\d+\) (must be a multiple of|cannot be more than) the number of channels"),
    # Merges: "Inputs have incompatible shapes. Received shapes (4,) and (5,)"
    ("incompatible-merge", r"Inputs have incompatible shapes"),
    # "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis."
    ("incompatible-merge", r"A `Concatenate` layer requires inputs with matching shapes"),
    # Dot: "Incompatible input shapes: axis values 5 (at axis 2) != 3 (at axis 2)."
    ("incompatible-merge", r"Incompatible input shapes: axis values"),
    ("incompatible-merge", r"Dimension incompatibility"),
    # Arguments first validated at call time: "Argument `padding` must be either 'valid' or 'same'. Received:
    # padding=causal" (pooling), "Invalid permutation argument `dims` for Permute Layer." (Permute)
    ("invalid-argument", r"Argument `padding` must be either"),
    # torch backend conv with a tuple `padding`: "`padding` must be either `'valid'` or `'same'`. Received (1, 1)."
    ("invalid-argument", r"`padding` must be either `'valid'` or `'same'`"),
    ("invalid-argument", r"Invalid permutation argument `dims`"),
    # standardize_padding lets a list/tuple `padding` through; the call then fails on it:
    # "AttributeError: 'TrackedList' object has no attribute 'lower'" (also 'tuple').
    ("invalid-argument", r"AttributeError: .*'(TrackedList|tuple|list)' object has no attribute 'lower'"),
    # ---- single-layer families (tests/conformance/single.py, issue 10); messages as Keras 3.15 raises them
    # Normalization.build: "All `axis` values to be kept must have a known shape. Received axis=(-1,), ..."
    ("undefined-dim", r"All `axis` values to be kept must have a known shape"),
    # GroupedQueryAttention: "The last dimension of `query_shape` and `value_shape` must be equal, but are 5, 8."
    ("invalid-argument", r"The last dimension of `query_shape` and `value_shape` must be equal"),
    # EinsumDense: "Bias dimension 'd' was requested, but is not part of the output spec 'c'"
    ("invalid-argument", r"Bias dimension '.+' was requested, but is not part of the output spec"),
    # Initializers of the wrong rank: "The tensor to initialize must be at least two-dimensional. Received:
    # shape=(6,) of rank 1." (Orthogonal), "Identity matrix initializer can only be used for 2D matrices."
    ("invalid-argument", r"The tensor to initialize must be at least two-dimensional"),
    ("invalid-argument", r"Identity matrix initializer can only be used for 2D matrices"),
    # RandomColorDegeneration: "Input images must have 3 channels, but received images with 7 channels."
    ("invalid-argument", r"Input images must have 3 channels"),
    # The constructors' argument checks (ValueError/TypeError raised in __init__ are mapped by the oracle); the
    # ones raised when the layer is called:
    ("invalid-argument", r"Could not interpret (activation function|initializer|regularizer|constraint) identifier"),
    # EinsumDense: "Input shape and output shape do not match at shared dimension 'b'."
    ("invalid-argument", r"Input shape and output shape do not match at shared dimension"),
    # A float size reaching a shape: "Cannot convert '(None, 8.0, 3, 3)' to a shape. Found invalid dimension '8.0'"
    ("invalid-argument", r"Cannot convert '.*' to a shape"),
    # CenterCrop: "`input_shape` must be a non-nested tuple or list of rank-1 with size 3 (unbatched) or 4 (batched)."
    ("rank", r"with size 3 \(unbatched\) or 4 \(batched\)"),
    # Normalization(mean=<5 values>) on 4 features: "The expanded size of the tensor (4) must match the existing
    # size (5) at non-singleton dimension 3."
    ("invalid-argument", r"must match the existing size"),
    # SpectralNormalization(BatchNormalization()): "BatchNormalization object has no attribute 'kernel' nor
    # 'embeddings'"
    ("invalid-argument", r"has no attribute 'kernel' nor 'embeddings'"),
    # EinsumDense: "Dimension 'd' was specified in the output 'ad' but has no corresponding dim in the input spec"
    ("invalid-argument", r"Dimension '.+' was specified in the output '.*' but has no corresponding dim"),
    # RandomColorDegeneration: "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images)."
    ("rank", r"Invalid images rank"),
    # EinsumDense: "Invalid einsum equation 'ab,bc'. Equations must be in the form [X],[Y]->[Z], ..."
    ("invalid-argument", r"Invalid einsum equation"),
    # Pipeline([]): its call() never sets `outputs` ("cannot access local variable 'outputs'")
    ("invalid-argument", r"UnboundLocalError: .*cannot access local variable 'outputs'"),
    # Normalization.build: "All `axis` values must be in the range [-ndim, ndim)."
    ("invalid-argument", r"All `axis` values must be in the range"),
    # UnitNormalization(axis=3) on rank 3: "Axis 3 is out of bounds for input shape (None, 3, 4)."
    ("invalid-argument", r"Axis \[?-?\d+(, -?\d+)*\]? is out of bounds for input shape"),
]


# Conv*DTranspose's InputSpec is min_ndim (not ndim): on a tensor of too high a rank its
# compute_output_shape indexes past the kernel tuple and raises "IndexError: tuple index out
# of range". That is a rank error in Keras' own terms (shapedoctor says `rank`).
_TRANSPOSE_RANK = re.compile(r"IndexError: .*tuple index out of range", re.DOTALL)


def keras_kind(exc: BaseException, layer=None) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if layer is not None and layer.type.endswith("Transpose") and _TRANSPOSE_RANK.search(text):
        return "rank"
    # BatchNormalization/LayerNormalization.build and Dot.build index input_shape[axis] without a range
    # check: an axis beyond the rank raises "IndexError: tuple index out of range" (an invalid `axis`/`axes`).
    if layer is not None and layer.type in ("BatchNormalization", "LayerNormalization", "Dot") and \
            _TRANSPOSE_RANK.search(text):
        return "invalid-argument"
    # RandomCrop (Resizing, CenterCrop with channels_first) sets the height and width axes of the input shape: on
    # a rank-2 input "list assignment index out of range"
    if layer is not None and layer.type in ("RandomCrop", "Resizing", "CenterCrop") and \
            "list assignment index out of range" in text:
        return "rank"
    # PReLU.build sets param_shape[axis - 1] = 1 for each shared axis: "list assignment index out of range" is an
    # invalid `shared_axes`
    if layer is not None and layer.type == "PReLU" and "list assignment index out of range" in text:
        return "invalid-argument"
    # EinsumDense (and the projections of GroupQueryAttention) index the input by the equation's axes: an input
    # with fewer axes fails with "tuple index out of range", a rank error (as recorded in tests/rules)
    if layer is not None and layer.type in ("EinsumDense", "GroupQueryAttention") and _TRANSPOSE_RANK.search(text):
        return "rank"
    # EinsumDense with an output_shape shorter than the equation's output: "IndexError: list index out of range"
    if layer is not None and layer.type == "EinsumDense" and "IndexError: list index out of range" in text:
        return "invalid-argument"
    # RMSNormalization.build indexes input_shape[axis]: an axis past the rank is an invalid `axis`
    if layer is not None and layer.type == "RMSNormalization" and _TRANSPOSE_RANK.search(text):
        return "invalid-argument"
    for kind, pattern in KERAS_PATTERNS:
        if re.search(pattern, text, re.DOTALL):  # call-time messages span lines (Keras wraps them)
            return kind
    return "unmapped"


def shapedoctor_verdict(case: Case, source: str | None = None) -> tuple[Verdict, object]:
    """(verdict, report) of shapedoctor.check_source on the rendered case."""
    import shapedoctor

    source = render(case) if source is None else source
    report = shapedoctor.check_source(source, path="case.py", with_fixes=False)
    models = report.models
    if len(models) != 1:
        return Verdict(-1, "front-end", message=f"{len(models)} models found"), report
    inference = models[0].inference
    errors = [d for d in inference.diagnostics if d.severity == "error"]
    warnings = [d for d in inference.diagnostics if d.severity == "warning"]
    infos = [d for d in inference.diagnostics if d.severity == "info"]
    shapes = []
    error_index = min((d.node for d in errors if d.node is not None), default=None)
    # A rule that warns (Keras accepts it, but it cannot train) gives no output shape: infer.py
    # leaves that node's outputs unknown, so shapes are compared only before it.
    warn_index = min((d.node for d in warnings if d.node is not None), default=None)
    stop = min(x for x in (error_index, warn_index, len(inference.results)) if x is not None)
    for result in inference.results[:stop]:
        shapes.append(result.output_shape)
    names = [f"{w.kind.name}: {w.message}" for w in warnings]
    if error_index is not None:
        first = next(d for d in errors if d.node == error_index)
        return Verdict(error_index, first.kind.name, shapes, first.message, names, warn_index), report
    infos = [d for d in infos if warn_index is None or d.node is None or d.node <= warn_index]
    if infos:
        return Verdict(-1, "unknown", shapes, infos[0].message, names, warn_index), report
    return Verdict(None, None, shapes, "", names, warn_index), report


def _norm(shape):
    if isinstance(shape, list):
        return [_norm(s) for s in shape]
    if shape is None:
        return None
    return tuple(shape)


@dataclass
class Outcome:
    case: Case
    keras: Verdict
    ours: Verdict
    problems: list = field(default_factory=list)  # human-readable disagreements; empty = agreement
    n_nodes: int = 0

    @property
    def agree(self) -> bool:
        return not self.problems

    @property
    def signature(self) -> str:
        """What kind of disagreement, for grouping and for shrinking one bug at a time."""
        if not self.problems:
            return "agree"
        head = self.problems[0].split(":", 1)[0]
        return re.sub(r" at node \d+", "", head)

    @property
    def keras_kind(self) -> str:
        if self.keras.kind is None and self.keras.runtime_index is not None:
            return "runtime-failure"
        return self.keras.kind or "valid"

    def failing_type(self) -> str | None:
        if self.keras.error_index is None:
            return None
        return self.case.layers[self.keras.error_index - 1].type


# Warnings that do not claim Keras fails (a heuristic about the training target): not a false warning when the
# model runs.
_ADVISORY_WARNINGS = ("output-target-mismatch:",)


def compare(case: Case, keras_v: Verdict, ours: Verdict, forward: bool = False) -> Outcome:
    """``forward``: Keras' verdict includes one forward pass (oracle ``forward=True``): a case Keras builds but
    cannot run must get a shapedoctor warning at the failing layer, and a case that runs must get none."""
    out = Outcome(case, keras_v, ours, n_nodes=len(case.layers) + 1)
    p = out.problems
    if ours.kind in ("front-end", "unknown"):
        p.append(f"{ours.kind}: shapedoctor could not follow the model: {ours.message}")
        return out
    runtime = keras_v.runtime_index
    if keras_v.runtime_message.startswith("skipped"):  # not run (an unknown input axis, adapt() needed)
        forward = False
    if forward and keras_v.error_index is None and ours.error_index is None:
        if runtime is not None and ours.warn_index is None:
            p.append(f"missed-runtime at node {runtime} ({case.layers[runtime - 1].type}): Keras builds the model "
                     f"but fails on its first batch: {keras_v.runtime_message[:300]}")
        elif runtime is not None and ours.warn_index != runtime:
            p.append(f"wrong-layer-runtime: Keras fails on the first batch at node {runtime} "
                     f"({case.layers[runtime - 1].type}), shapedoctor warns at {ours.warn_index} "
                     f"({case.layers[ours.warn_index - 1].type}); Keras: {keras_v.runtime_message[:200]}")
        elif runtime is None and ours.warn_index is not None and any(
                not w.startswith(_ADVISORY_WARNINGS) for w in ours.warnings):
            p.append(f"false-warning at node {ours.warn_index} ({case.layers[ours.warn_index - 1].type}): Keras "
                     f"builds and runs the model, shapedoctor warns: {'; '.join(ours.warnings)[:300]}")
    if keras_v.error_index is None and ours.error_index is not None and forward and runtime is not None:
        p.append(f"runtime-as-error at node {ours.error_index} ({case.layers[ours.error_index - 1].type}): Keras "
                 f"builds the model (it fails on the first batch at node {runtime}), shapedoctor says {ours.kind}: "
                 f"{ours.message}")
    elif keras_v.error_index is None and ours.error_index is not None:
        p.append(f"false-alarm at node {ours.error_index} ({case.layers[ours.error_index - 1].type}): "
                 f"shapedoctor says {ours.kind}: {ours.message}")
    elif keras_v.error_index is not None and ours.error_index is None and ours.warn_index is not None \
            and keras_v.error_index > ours.warn_index:
        p.append(f"missed-after-warning at node {keras_v.error_index} ({case.layers[keras_v.error_index - 1].type}): "
                 f"shapedoctor warned at node {ours.warn_index} and checked nothing after it; Keras raises "
                 f"{keras_v.message[:300]}")
    elif keras_v.error_index is not None and ours.error_index is None:
        p.append(f"missed at node {keras_v.error_index} ({case.layers[keras_v.error_index - 1].type}): "
                 f"Keras raises {keras_v.message[:300]}")
    elif keras_v.error_index is not None:
        if keras_v.error_index != ours.error_index:
            p.append(f"wrong-layer: Keras fails at node {keras_v.error_index} "
                     f"({case.layers[keras_v.error_index - 1].type}), shapedoctor at {ours.error_index} "
                     f"({case.layers[ours.error_index - 1].type}); Keras: {keras_v.message[:200]}")
        elif keras_v.kind != ours.kind:
            p.append(f"wrong-kind at node {ours.error_index} ({case.layers[ours.error_index - 1].type}): "
                     f"Keras {keras_v.kind} ({keras_v.message[:200]}), shapedoctor {ours.kind} ({ours.message})")
    n = min(len(keras_v.shapes), len(ours.shapes))
    for i in range(n):
        if _norm(keras_v.shapes[i]) != _norm(ours.shapes[i]):
            what = "Input" if i == 0 else case.layers[i - 1].type
            p.append(f"wrong-shape at node {i} ({what}): Keras {keras_v.shapes[i]}, shapedoctor {ours.shapes[i]}")
            break
    return out


def check_case(case: Case, with_exec: bool = False, forward: bool = False) -> Outcome:
    from .oracle import exec_verdict, keras_verdict

    source = render(case)
    keras_v = keras_verdict(case, forward=forward)
    ours, _ = shapedoctor_verdict(case, source)
    outcome = compare(case, keras_v, ours, forward=forward)
    if with_exec:
        raised, result = exec_verdict(source)
        if raised != (keras_v.error_index is not None):
            outcome.problems.insert(0, f"render: the rendered source {'raises' if raised else 'builds'} but the "
                                       f"layer-by-layer build {'raises' if keras_v.error_index else 'builds'}: {result}")
        elif not raised and _norm(result) != _norm(keras_v.shapes[-1]):
            outcome.problems.insert(0, f"render: rendered model output {result} != {keras_v.shapes[-1]}")
    return outcome
