"""Recurrent layers: LSTM, GRU, SimpleRNN, RNN(cell), ConvLSTM1D/2D/3D and Bidirectional.

After ``keras/src/layers/rnn/`` (Keras 3.15): ``__init__`` validation, the InputSpec
(``ndim=3``; ``rank + 3`` for ConvLSTM), ``build`` (weights need the feature/channel
dimension, ``stateful`` needs the batch size) and ``compute_output_shape``.  With
``return_state`` the output is a list ``[output, h]`` (``[output, h, c]`` for LSTM and
ConvLSTM).
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import Symbol, dim_mul, format_shape, is_known
from .base import LayerCall, ShapeProblem, Unresolved, format_tuple, require_rank, rule, spatial_rank
from .nested import NestedLayer, nested_arg, nested_call, run_nested
from .shape_math import conv_output_shape

_RNN_COMMON = ("dropout", "recurrent_dropout", "seed", "return_sequences", "return_state", "go_backwards",
               "stateful", "unroll")
LSTM_PARAMS = ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
               "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
               "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
               "recurrent_constraint", "bias_constraint", *_RNN_COMMON, "use_cudnn")
GRU_PARAMS = ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
              "recurrent_initializer", "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
              "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint",
              "bias_constraint", *_RNN_COMMON, "reset_after", "use_cudnn")
SIMPLE_RNN_PARAMS = ("units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
                     "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                     "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
                     "dropout", "recurrent_dropout", "return_sequences", "return_state", "go_backwards",
                     "stateful", "unroll", "seed")
CONV_LSTM_PARAMS = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation",
                    "recurrent_activation", "use_bias", "kernel_initializer", "recurrent_initializer",
                    "bias_initializer", "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer",
                    "bias_regularizer", "activity_regularizer", "kernel_constraint", "recurrent_constraint",
                    "bias_constraint", "dropout", "recurrent_dropout", "seed", "return_sequences",
                    "return_state", "go_backwards", "stateful")

# Number of state tensors per cell type (LSTM carries h and c).
_STATES = {"LSTM": 2, "GRU": 1, "SimpleRNN": 1, "LSTMCell": 2, "GRUCell": 1, "SimpleRNNCell": 1}
_SEQ_WORDS = "(batch, steps, features)"


def _units(call: LayerCall, name: str = "units"):
    """``units`` as the cells check it: ``units <= 0`` raises, and a float breaks the weights."""
    value = call.raw(name, allow_symbol=True)
    if isinstance(value, Symbol):
        return value
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise call.bad(name, value, "a positive integer")
    return value


def _use_cudnn(call: LayerCall) -> None:
    if call.type in ("LSTM", "GRU"):
        value = call.raw("use_cudnn", "auto")
        if not (value == "auto" or value is True or value is False):
            raise call.bad("use_cudnn", value, "one of 'auto', True, False")


def _feature_dim_defined(call: LayerCall, shape: tuple) -> None:
    if shape[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs the features dimension to be known but gets "
                                          f"{format_shape(shape)}")


def _stateful_batch(call: LayerCall, shape: tuple) -> None:
    if call.flag("stateful") and shape[0] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label}(stateful=True) needs a fixed batch size but gets "
                                          f"{format_shape(shape)}",
                           hint="give the Input a batch_size (or batch_shape)")


def _rnn_outputs(call: LayerCall, shape: tuple, state: tuple, n_states: int):
    """RNN.compute_output_shape: ``state`` is the per-sample shape of one state."""
    batch = shape[0]
    output = (batch, shape[1], *state) if call.flag("return_sequences") else (batch, *state)
    if call.flag("return_state"):
        return [output] + [(batch, *state)] * n_states
    return output


@rule("LSTM", params=LSTM_PARAMS, multi_input=True)
@rule("GRU", params=GRU_PARAMS, multi_input=True)
@rule("SimpleRNN", params=SIMPLE_RNN_PARAMS, multi_input=True)
def rnn_layer(call: LayerCall, inputs):
    """``inputs[1:]``: the ``initial_state`` tensors, when the call gives them."""
    shape, states = inputs[0], inputs[1:]
    units = _units(call)
    _use_cudnn(call)
    require_rank(call, shape, ndim=3, words=_SEQ_WORDS)
    _feature_dim_defined(call, shape)
    _stateful_batch(call, shape)
    outputs = _rnn_outputs(call, shape, (units,), _STATES[call.type])
    _check_initial_state(call, units, states, outputs)
    return outputs


def _check_initial_state(call: LayerCall, units, states: list, outputs) -> None:
    """Each state is (batch, units): the recurrent kernel multiplies it (Keras builds the model and fails on the
    first batch, "mat1 and mat2 shapes cannot be multiplied")."""
    for state in states:
        width = state[-1] if state else None
        if is_known(width) and is_known(units) and width != units:
            raise ShapeProblem(INCOMPATIBLE_MERGE,
                               f"{call.label}(units={units}) gets an initial_state of width {width} "
                               f"({format_shape(state)}): each state must be (batch, {units}); Keras builds the "
                               f"model and fails on the first batch", severity="warning", output=outputs)


@rule("RNN", params=("cell", "return_sequences", "return_state", "go_backwards", "stateful", "unroll",
                     "zero_output_for_mask"))
def rnn_wrapper(call: LayerCall, inputs):
    """``RNN(cell)``: a built-in cell, a list of them or a StackedRNNCells (stacked: each cell runs on the
    previous one's output); other cells (custom) are Unresolved."""
    from .cells import CELL_STATES, nested_stack, stacked_cells

    (shape,) = inputs
    value = call.raw("cell")
    if value is None:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs a cell")
    cells = stacked_cells(call, value, "cell")
    if not cells:  # RNN([]): StackedRNNCells([]) fails in call() indexing its last cell
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(cell=[]): the list of cells is empty")
    # RNN has no InputSpec: the first cell is built on (batch, *shape[2:]), whose last axis sizes
    # the kernel, and the output only reads shape[0] and shape[1].
    if len(shape) < 2:
        require_rank(call, shape, ndim=3, words=_SEQ_WORDS)
    step = (shape[0], *shape[2:])
    if step[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs input {_SEQ_WORDS} with known features "
                                          f"but gets {format_shape(shape)}")
    _stateful_batch(call, shape)
    units = cells[-1][1]
    outputs = _rnn_outputs(call, shape, (units,), CELL_STATES[cells[-1][0]])
    if call.flag("return_state"):
        if nested_stack(value):
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(return_state=True): Keras cannot make the states of "
                                                 f"a StackedRNNCells nested in a list of cells (\"Undefined shapes "
                                                 f"are not supported\")", hint="list the cells in one flat list")
        batch = shape[0]
        states = [(batch, u) for type_, u in cells for _ in range(CELL_STATES[type_])]
        outputs = [outputs[0], *states]
    if len(shape) != 3:
        raise ShapeProblem(RANK, f"{call.label} needs input {_SEQ_WORDS} but gets {format_shape(shape)}; "
                                 f"Keras builds the layer but the cell fails on the first batch",
                           severity="warning", output=outputs)
    return outputs


def _conv_lstm_config(call: LayerCall, rank: int):
    """ConvLSTMCell.__init__: filters, kernel_size, strides, padding, data_format, dilation_rate."""
    filters = call.raw("filters", allow_symbol=True)
    if not isinstance(filters, Symbol) and (not isinstance(filters, int) or isinstance(filters, bool)
                                            or filters < 0):
        raise call.bad("filters", filters, "a non-negative integer")
    kernel = call.int_tuple("kernel_size", rank)
    strides = call.int_tuple("strides", rank, default=1, allow_zero=True)
    padding = call.choice("padding", ("valid", "same"), "valid")
    data_format = call.data_format()
    dilation = call.int_tuple("dilation_rate", rank, default=1)
    if max(strides) > 1 and max(dilation) > 1:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(strides={format_tuple(strides)}, dilation_rate="
                                             f"{format_tuple(dilation)}): strides > 1 cannot be combined with "
                                             f"dilation_rate > 1")
    if 0 in strides:
        # Keras accepts strides=0 here, then divides by it computing the output size.
        raise call.bad("strides", call.raw("strides"), "positive integers")
    return filters, kernel, strides, padding, data_format, dilation


def _conv_lstm_state(call: LayerCall, shape: tuple, rank: int) -> tuple:
    """Checks of ConvLSTMCell.build and the per-sample state shape (``compute_output_shape``)."""
    filters, kernel, strides, padding, data_format, dilation = _conv_lstm_config(call, rank)
    spatial_words = ("width", "height, width", "depth, height, width")[rank - 1]
    words = (f"(batch, steps, {spatial_words}, channels)" if data_format == "channels_last"
             else f"(batch, steps, channels, {spatial_words})")
    require_rank(call, shape, ndim=rank + 3, words=words)
    step = (shape[0], *shape[2:])
    spatial = step[1:-1] if data_format == "channels_last" else step[2:]
    channels = step[-1] if data_format == "channels_last" else step[1]
    if any(d is None for d in spatial):
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs static spatial dimensions but gets "
                                          f"{format_shape(shape)}")
    if channels is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs the channels dimension to be known but gets "
                                          f"{format_shape(shape)}")
    out = conv_output_shape(call, step, filters, kernel, strides, padding, data_format, dilation)
    if filters == 0:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(filters=0) on input {format_shape(shape)}: Keras "
                                             f"builds it but the convolution fails on the first batch",
                           severity="warning", output=tuple(out[1:]))
    return tuple(out[1:])


@rule("ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", params=CONV_LSTM_PARAMS)
def conv_lstm(call: LayerCall, inputs):
    (shape,) = inputs
    rank = spatial_rank(call.type)
    state = _conv_lstm_state(call, shape, rank)
    _stateful_batch(call, shape)
    return _rnn_outputs(call, shape, state, 2)


# ----------------------------------------------------------------------------- Bidirectional

_RECURRENT = ("LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D")
_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


@rule("Bidirectional", params=("layer", "merge_mode", "weights", "backward_layer"))
def bidirectional(call: LayerCall, inputs):
    (shape,) = inputs
    layer = nested_arg(call, "layer")
    inner = nested_call(layer, "layer")
    merge_mode = call.raw("merge_mode", "concat")
    if merge_mode not in _MERGE_MODES:
        raise call.bad("merge_mode", merge_mode, "one of 'sum', 'mul', 'ave', 'concat', None")
    if inner.type not in _RECURRENT:
        # Keras rebuilds the layer with go_backwards=True, which only recurrent layers accept.
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} wraps {layer.label}, which is not a recurrent layer")
    backward = call.raw("backward_layer", None)
    if backward is not None and not isinstance(backward, NestedLayer):
        raise Unresolved("backward_layer")
    back = nested_call(backward, "backward_layer") if backward is not None else None
    if back is not None and back.type not in _RECURRENT:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(backward_layer={back.label}): not a recurrent layer")
    forward_backwards = inner.flag("go_backwards")
    backward_backwards = back.flag("go_backwards") if back is not None else True
    if forward_backwards == backward_backwards:
        raise ShapeProblem(
            INVALID_ARGUMENT,
            f"{call.label}: the forward and backward layers both have go_backwards={forward_backwards}",
            hint="leave go_backwards=False on the wrapped layer; Bidirectional makes the backward copy",
        )
    if back is not None:
        for attr in ("stateful", "return_sequences", "return_state"):
            if inner.flag(attr) != back.flag(attr):
                raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: {attr}={inner.flag(attr)} on the forward layer "
                                                     f"but {back.flag(attr)} on the backward layer")
    # Bidirectional's InputSpec is the wrapped layer's; build and compute_output_shape
    # are the forward layer's (the backward layer is built too).
    forward_out = _run_direction(call, layer, "layer", shape)
    if back is not None:
        backward_out = _run_direction(call, backward, "backward_layer", shape)
        f_last = (forward_out[0] if isinstance(forward_out, list) else forward_out)[-1]
        b_last = (backward_out[0] if isinstance(backward_out, list) else backward_out)[-1]
        if is_known(f_last) and is_known(b_last) and f_last != b_last:
            raise ShapeProblem(
                INVALID_ARGUMENT,
                f"{call.label}: forward {layer.label} outputs {f_last} features but backward {back.label} "
                f"outputs {b_last}; Keras builds the layer from the forward shape only and fails or "
                f"misreports the shape when run",
                severity="warning",
            )
    states: list = []
    output = forward_out
    if inner.flag("return_state"):
        output, states = forward_out[0], list(forward_out[1:])
    if merge_mode == "concat":
        output = (*output[:-1], dim_mul(output[-1], 2))
        return [output, *states, *states] if states else output
    if merge_mode is None:
        return [output, output, *states, *states]
    return [output, *states, *states] if states else output


def bidirectional_output_count(args: dict) -> int:
    """How many tensors ``Bidirectional(...)(x)`` returns, as its ``call`` does in Keras 3.15: ``y`` (or ``y, y_rev``
    with ``merge_mode=None``), then, with ``return_state`` on the wrapped layer, the states of both directions.
    ``args``: the wrapper's arguments as the front-end holds them (``args["layer"]`` has ``.type`` and ``.args``)."""
    inner = args.get("layer")
    inner_args = getattr(inner, "args", None) or {}
    count = 2 if "merge_mode" in args and args["merge_mode"] is None else 1
    if inner_args.get("return_state") is True:
        inner_type = getattr(inner, "type", "")
        count += 2 * (2 if inner_type == "LSTM" or inner_type.startswith("ConvLSTM") else 1)
    return count


def _run_direction(call: LayerCall, layer: NestedLayer, name: str, shape: tuple):
    try:
        return run_nested(layer, name, shape)
    except ShapeProblem as exc:
        raise ShapeProblem(exc.kind, f"{call.label}({layer.label}): {exc.message}", severity=exc.severity,
                           hint=exc.hint) from exc
