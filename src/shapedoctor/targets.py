"""``output-target-mismatch``: a model whose output cannot match what it is trained against.

The target is known when the front-end saw ``fit(x, y)`` with a foldable ``y`` or the user
gave ``--target-shape``; then a mismatch is certain (error).  Without a target we warn only
when every sign says "one prediction per sample" and none says "sequence output":
"""

from __future__ import annotations

from .diagnostics import Diagnostic
from .causes import where
from .infer import Inference, diagnostic_at
from .kinds import OUTPUT_TARGET_MISMATCH
from .frontends.values import declares_no_input
from .shapes import format_shape, is_known, squeezable

SPARSE_LOSSES = {"sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"}
PER_SAMPLE_LOSSES = SPARSE_LOSSES | {
    "binary_crossentropy", "BinaryCrossentropy", "categorical_crossentropy", "CategoricalCrossentropy",
    "mse", "mean_squared_error", "MeanSquaredError", "mae", "mean_absolute_error", "MeanAbsoluteError",
    "hinge", "Hinge", "huber", "Huber", "binary_focal_crossentropy", "BinaryFocalCrossentropy",
    "categorical_focal_crossentropy", "CategoricalFocalCrossentropy", "logcosh", "LogCosh",
}
# Layers that mean the author wants an output per step / per pixel (sequence or dense prediction).
SEQUENCE_OUTPUT_SIGNS = {"TimeDistributed", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
                         "UpSampling1D", "UpSampling2D", "UpSampling3D", "RepeatVector",
                         # token models: tagging, translation and language models predict per token
                         "Embedding", "TextVectorization", "MultiHeadAttention", "GroupQueryAttention",
                         "keras_hub.TokenAndPositionEmbedding", "keras_hub.ReversibleEmbedding",
                         "keras_hub.TransformerDecoder",
                         # per-step outputs stacked along a new axis (a hand-written RNN's `ops.stack(outputs, 1)`)
                         "ops.stack"}
_LAST_AXIS_HEADS = {"Dense", "EinsumDense", "Activation", "Softmax", "Dropout", "BatchNormalization",
                    "LayerNormalization"}
_RECURRENT = {"LSTM", "GRU", "SimpleRNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"}


def loss_name(loss) -> str | None:
    """``"mse"``, ``keras.losses.MeanSquaredError`` or the function ``keras.losses.categorical_crossentropy``
    (imported: a module attribute to the front-end): the loss's name; None for anything else."""
    if isinstance(loss, str):
        return loss
    leaf = getattr(loss, "leaf", None)
    if isinstance(leaf, str):
        return leaf
    qualname = getattr(loss, "qualname", None)
    if isinstance(qualname, str) and ".losses." in f".{qualname}":
        return qualname.rsplit(".", 1)[-1]
    # keras.losses.BinaryCrossentropy(from_logits=True): an instance of a Keras loss class, made by a call
    made = getattr(loss, "type", None)
    if isinstance(made, str) and made in PER_SAMPLE_LOSSES and made[:1].isupper():
        return made
    return None


def check_output_target(inference: Inference, target_shape: tuple | None = None) -> Diagnostic | None:
    graph = inference.graph
    from .infer import is_list_input

    if len(graph.outputs) != 1 or any(not is_list_input(d) for d in inference.errors):
        return None  # (a layer called on a list of one tensor is checked on that tensor: its output is known)
    output = inference.shape_of(graph.outputs[0])
    head = inference.results[graph.outputs[0][0]]
    if output is None or head.status != "ok":
        return None
    loss = loss_name(graph.loss)
    if (graph.loss is not None and loss is None) or (loss is not None and "ctc" in loss.lower()):
        # a loss of the user's own (a CTC loss function, a class) or one not read: it decides what targets it
        # takes (CTC: one label sequence per sample against one prediction per step), so no comparison holds
        return None
    target = target_shape if target_shape is not None else graph.target_shape
    if target is not None:
        problem = _against_target(output, tuple(target), loss)
        if problem:
            message, severity = problem
            return _diagnostic(inference, head, severity, message, target)
        return None
    if len(output) < 3 or not _looks_per_sample(inference, head, loss):
        return None
    message = (f"{head.node.label} outputs {format_shape(output)}: one prediction per step, but the model "
               f"looks like a per-sample {'classifier' if _is_classifier(head, loss) else 'regressor'}")
    return _diagnostic(inference, head, "warning", message, None)


# Measured with Keras 3.15, torch backend (tests/engine/test_targets.py): fit() raises for these on any mismatch
# of shapes; every other Keras loss (mse, mae, huber, hinge, poisson, kl_divergence, categorical_focal_crossentropy
# ...) brings the two to the same rank and then broadcasts them, which raises or trains silently (_broadcasts).
FAILING_LOSSES = SPARSE_LOSSES | {"binary_crossentropy", "BinaryCrossentropy", "categorical_crossentropy",
                                  "CategoricalCrossentropy", "binary_focal_crossentropy", "BinaryFocalCrossentropy"}
_BATCH = "<batch>"


def _against_target(output: tuple, target: tuple, loss: str | None) -> tuple[str, str] | None:
    """(message, severity) when ``output`` cannot be trained against ``target`` with ``loss``: an error when fit()
    raises, a warning when it trains on the wrong objective or when that depends on sizes not known here."""
    if loss in SPARSE_LOSSES:
        wanted_rank = len(target) + 1 if (len(target) < 2 or target[-1] != 1) else len(target)
        if len(output) != wanted_rank:
            return (f"output {format_shape(output)} cannot be trained against targets {format_shape(target)} "
                    f"with {loss}: expected an output of rank {wanted_rank}"), "error"
        return None
    if squeezable(output, target) or squeezable(target, output):
        return None  # Keras' squeeze_or_expand_to_same_rank drops a trailing 1: (n,) vs (n, 1) is fine
    if len(output) == len(target) and not any(is_known(o) and is_known(t) and o != t
                                              for o, t in zip(output[1:], target[1:])):
        return None
    mismatch = f"output {format_shape(output)} does not match targets {format_shape(target)}"
    if loss is None:
        return mismatch, "error"
    broadcasts = _broadcasts(output, target) if loss not in FAILING_LOSSES else False
    if broadcasts is False:
        return f"{mismatch}: fit() fails with {loss}", "error"
    if broadcasts is None:
        return (f"{mismatch}: {loss} would broadcast them silently and train on the wrong objective, or fail, "
                f"depending on sizes not known here"), "warning"
    return f"{mismatch}: {loss} would broadcast them silently and train on the wrong objective", "warning"


def _broadcasts(output: tuple, target: tuple) -> bool | None:
    """What a Keras 3 loss that is not a cross-entropy does with targets and outputs of different shapes: it
    squeezes or expands the last axis when the ranks differ by one (``squeeze_or_expand_to_same_rank`` in
    keras/src/losses/loss.py), then subtracts or multiplies them, broadcasting as numpy does.  True: that
    broadcasts (fit() trains, on the wrong objective); False: it raises; None: it depends on sizes not known.
    Both batch axes are the batch's size, which differs from every other size and from 1 (a batch of 32 against
    an axis of 32 would broadcast, but not the last, smaller batch of most data sets)."""
    y_true, y_pred = [_BATCH, *target[1:]], [_BATCH, *output[1:]]
    if len(y_pred) == len(y_true) + 1 and y_pred[-1] == 1:
        if len(y_true) == 1:
            y_true.append(1)
        else:
            y_pred.pop()
    elif len(y_true) == len(y_pred) + 1 and y_true[-1] == 1:
        if len(y_pred) == 1:
            y_pred.append(1)
        else:
            y_true.pop()
    known = True
    for a, b in zip(reversed(y_true), reversed(y_pred)):
        if a == b or a == 1 or b == 1:
            continue
        if (a == _BATCH or is_known(a)) and (b == _BATCH or is_known(b)):
            return False
        known = False
    return True if known else None


def _looks_per_sample(inference: Inference, head, loss: str | None) -> bool:
    graph = inference.graph
    types = {n.type for n in graph.nodes}
    if types & SEQUENCE_OUTPUT_SIGNS:
        return False
    if any(n.type in _RECURRENT and _returns_sequences(n.args) for n in graph.nodes):
        return False
    if any("ctc" in f"{n.name} {n.written_type}".lower() for n in graph.nodes):
        return False  # a CTC loss layer or op: one prediction per step is the point
    inputs = [r.outputs[0] for r in inference.results if r.node.type == "InputLayer" and r.outputs]
    output = head.outputs[0]
    if all(d == 1 for d in output[1:-1]):
        # one step (windows expanded to (batch, 1, features) for a Conv1D): one prediction per sample, which
        # Keras' losses squeeze to a (batch, units) target
        return False
    if any(tuple(i[1:-1]) == tuple(output[1:-1]) for i in inputs):
        return False  # same steps as the input: a denoiser, segmenter or autoencoder
    if not any(is_known(d) for d in output[1:-1]) and any(declares_no_input(r.node) for r in inference.results):
        # a layer stack with no input of its own, applied to windows of any length: on windows as long as its
        # convolutions reach it gives one step, one prediction per sample (TensorFlow's time-series tutorial)
        return False
    if head.node.type != "Dense":
        return False
    if loss is not None and loss not in PER_SAMPLE_LOSSES:
        return False
    return _is_classifier(head, loss) or head.node.args.get("units") == 1


def _returns_sequences(args: dict) -> bool:
    """``LSTM(return_sequences=True)``, also wrapped: ``Bidirectional(LSTM(..., return_sequences=True))``."""
    if args.get("return_sequences") is True:
        return True
    inner = args.get("layer")
    inner_args = getattr(inner, "args", None)
    if inner_args is None and isinstance(inner, dict):  # a config's nested {"class_name", "config"}
        inner_args = inner.get("config")
    return isinstance(inner_args, dict) and inner_args.get("return_sequences") is True


def _is_classifier(head, loss: str | None) -> bool:
    activation = head.node.args.get("activation")
    return activation in ("sigmoid", "softmax") or (loss or "").endswith(("crossentropy", "Crossentropy"))


def _diagnostic(inference: Inference, head, severity: str, message: str, target) -> Diagnostic:
    node = head.node
    keeper = _axis_keeper(inference, head)
    explanation = []
    axes = "the height and width axes" if len(head.outputs[0]) == 4 else \
        "the depth, height and width axes" if len(head.outputs[0]) == 5 else "the steps axis"
    if target is not None and len(head.outputs[0]) < len(target):
        recurrent = keeper is not None and keeper.node.type in _RECURRENT
        explanation.append(f"The targets {format_shape(target)} have {len(target) - 1} axes per sample; "
                           + (f"{where(keeper)} returns {format_shape(keeper.outputs[0])}, its last step only."
                              if recurrent and len(keeper.outputs[0]) < len(target) else
                              f"{where(keeper)} gives {format_shape(keeper.outputs[0])}, fewer axes."
                              if keeper is not None else "the model's output has fewer."))
        return _finding(inference, node, severity, message, explanation)
    if node.type not in _LAST_AXIS_HEADS:
        explanation.append(f"{node.label} is the model's last layer: no head maps each sample to the targets' "
                           f"shape.")
    elif keeper is not None:
        explanation.append(f"{where(keeper)} still has {axes} ({format_shape(keeper.outputs[0])}); "
                           f"nothing after it removes {'them' if len(head.outputs[0]) > 3 else 'that axis'} "
                           f"before the head.")
    if node.type in _LAST_AXIS_HEADS and len(head.outputs[0]) > 2:
        explanation.append(f"{node.label} acts on the last axis only, so the output keeps "
                           f"{'every step' if len(head.outputs[0]) == 3 else axes}.")
    return _finding(inference, node, severity, message, explanation)


def _finding(inference: Inference, node, severity: str, message: str, explanation: list[str]) -> Diagnostic:
    diagnostic = diagnostic_at(inference.graph, node, severity, OUTPUT_TARGET_MISMATCH, message)
    diagnostic.explanation = explanation
    return diagnostic


def _axis_keeper(inference: Inference, head):
    current = head
    while current.node.inputs:
        current = inference.results[current.node.inputs[0][0]]
        if current.node.type not in ("Dense", "Dropout", "Activation", "BatchNormalization", "LayerNormalization"):
            return current
    return None
