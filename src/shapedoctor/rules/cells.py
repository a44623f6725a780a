"""RNN cells: LSTMCell, GRUCell, SimpleRNNCell and StackedRNNCells, called on their own or run by ``RNN``.

After ``keras/src/layers/rnn/{lstm,gru,simple_rnn,stacked_rnn_cells}.py`` (Keras 3.15).  A cell is called on
one time step and its states, ``cell(x, states)``, and returns ``(h, new_states)`` (outputs flattened here:
``[h, h, c]`` for LSTMCell, ``[h, h]`` for the others).  Keras checks ``units`` when the cell is made
(``units <= 0`` raises; a float breaks the kernel shape), builds the kernel on ``x``'s last axis (it must be
known), then multiplies: ``x`` must be ``(batch, features)`` and each state ``(batch, units)`` (Keras raises
"Could not automatically infer the output shape" otherwise).  An LSTMCell needs two states (h, c), the others
one; extra states are ignored.  ``StackedRNNCells(cells)`` runs the cells in order, each on the previous
cell's output; ``RNN(cell)`` with a list of cells stacks them (see :func:`stacked_cells`).
"""

from __future__ import annotations

from ..kinds import INCOMPATIBLE_MERGE, INVALID_ARGUMENT, RANK, UNDEFINED_DIM
from ..shapes import Symbol, format_shape, is_known
from .base import COMMON_CHECKS, NOT_KNOWN, LayerCall, ShapeProblem, TensorArg, Unresolved, rule
from .nested import NestedLayer

_COMMON = ("kernel_initializer", "recurrent_initializer", "bias_initializer")
LSTM_CELL_PARAMS = ("units", "activation", "recurrent_activation", "use_bias", *_COMMON, "unit_forget_bias",
                    "kernel_regularizer", "recurrent_regularizer", "bias_regularizer", "kernel_constraint",
                    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed")
GRU_CELL_PARAMS = ("units", "activation", "recurrent_activation", "use_bias", *_COMMON, "kernel_regularizer",
                   "recurrent_regularizer", "bias_regularizer", "kernel_constraint", "recurrent_constraint",
                   "bias_constraint", "dropout", "recurrent_dropout", "reset_after", "seed")
SIMPLE_RNN_CELL_PARAMS = ("units", "activation", "use_bias", *_COMMON, "kernel_regularizer", "recurrent_regularizer",
                          "bias_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
                          "dropout", "recurrent_dropout", "seed")

#: the state tensors each built-in cell carries
CELL_STATES = {"LSTMCell": 2, "GRUCell": 1, "SimpleRNNCell": 1}
CELLS = frozenset(CELL_STATES)


def cell_units(call: LayerCall):
    """``units`` as the cell checks it (``if units <= 0: raise ValueError``; a float or a bool then breaks the
    kernel shape), and ``dropout``/``recurrent_dropout`` (clipped to [0, 1], but compared: a string raises)."""
    for name in ("dropout", "recurrent_dropout"):
        value = call.maybe(name, 0.0)
        if value is not NOT_KNOWN and not isinstance(value, (int, float)):
            raise call.bad(name, value, "a float between 0 and 1")
    value = call.raw("units", None, allow_symbol=True)
    if isinstance(value, Symbol):
        return value
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise call.bad("units", value, "a positive integer")
    return value


def _cell_call(layer: NestedLayer) -> LayerCall:
    args = dict(layer.args)
    if "units" not in args and "__arg0" in args:
        args["units"] = args.pop("__arg0")
    return LayerCall(layer.type, args, layer.label)


def stacked_cells(call: LayerCall, value, name: str) -> list[tuple[str, object]]:
    """``[(cell type, units), ...]`` of an ``RNN``/``StackedRNNCells`` argument: one built-in cell, a list of
    them or a StackedRNNCells of them (nested); Unresolved for a cell shapedoctor cannot read (a custom cell)."""
    if isinstance(value, (list, tuple)):
        cells = []
        for item in value:
            cells += stacked_cells(call, item, name)
        return cells
    if not isinstance(value, NestedLayer):
        raise Unresolved(name)
    if value.type in CELLS:
        inner = _cell_call(value)
        if inner.args.get("units") is None and "units" not in inner.args:
            raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: {value.label} needs `units`")
        units = cell_units(inner)
        for check in COMMON_CHECKS:  # the cell's own constructor checks (activation=...)
            check(inner, [])
        return [(value.type, units)]
    if value.type == "StackedRNNCells":
        inner = LayerCall(value.type, value.args, value.label)
        return stacked_cells(call, _cells_argument(inner), name)
    if value.type in _NOT_CELLS:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}: {value.label} is not an RNN cell (it has no "
                                             f"`state_size`)", hint="use LSTMCell/GRUCell/SimpleRNNCell")
    raise Unresolved(name)


def nested_stack(value, depth: int = 0) -> bool:
    """A StackedRNNCells inside a list of cells or inside another StackedRNNCells: Keras cannot make the
    initial states of such an RNN (``return_state=True`` raises "Undefined shapes are not supported")."""
    if isinstance(value, (list, tuple)):
        return any(nested_stack(v, depth + 1) for v in value)
    if isinstance(value, NestedLayer) and value.type == "StackedRNNCells":
        return depth > 0 or nested_stack(value.args.get("cells"), depth)
    return False


def _cells_argument(call: LayerCall):
    cells = call.raw("cells", None)
    if isinstance(cells, NestedLayer):  # StackedRNNCells(LSTMCell(4)): "'LSTMCell' object is not iterable"
        raise call.bad("cells", cells.label, "a list of RNN cells")
    if not isinstance(cells, (list, tuple)):
        if cells is None:
            raise call.bad("cells", cells, "a list of RNN cells")
        raise Unresolved("cells")
    return cells


def _state_shapes(call: LayerCall, inputs: list, value=None) -> list | None:
    """The state shapes of ``cell(x, states)``: from ``states=`` (TensorArg or a list of them), else the inputs
    after ``x``; None when the call gives no states the rule can see."""
    value = call.args.get("states") if value is None else value
    if isinstance(value, TensorArg):
        return [inputs[value.index]]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, TensorArg) for v in value):
        return [inputs[v.index] for v in value]
    if value is None and len(inputs) > 1 and "states" not in call.args:
        return [tuple(s) for s in inputs[1:]]
    return None


def _run_cell(call: LayerCall, type_: str, units, x: tuple, states: list) -> list:
    """One step of a built-in cell: checks of build() and call(), outputs ``[h, *new_states]``."""
    if not x or x[-1] is None:
        raise ShapeProblem(UNDEFINED_DIM, f"{call.label} needs the features axis of its input to be known "
                                          f"(it sizes the kernel) but gets {format_shape(x)}")
    if len(x) != 2:
        raise ShapeProblem(RANK, f"{call.label} runs one time step: it needs input (batch, features) but gets "
                                 f"{format_shape(x)}", hint="use RNN(cell) to run it over a sequence")
    need = CELL_STATES[type_]
    if len(states) < need:
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label} needs {need} state tensor{'s' * (need > 1)} "
                                             f"({'[h, c]' if need == 2 else '[h]'}) but gets {len(states)}")
    for state in states[:need]:
        if len(state) != 2:
            raise ShapeProblem(RANK, f"{call.label}: each state must be (batch, {units}) but one is "
                                     f"{format_shape(state)}")
        if is_known(state[-1]) and is_known(units) and state[-1] != units:
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}(units={units}): each state must be "
                                                   f"(batch, {units}) but one is {format_shape(state)}")
        if isinstance(state[0], int) and isinstance(x[0], int) and state[0] != x[0]:
            raise ShapeProblem(INCOMPATIBLE_MERGE, f"{call.label}: the input's batch size {x[0]} differs from "
                                                   f"the state's {format_shape(state)}")
    h = (x[0], units)
    return [h] + [h] * need


@rule("LSTMCell", params=LSTM_CELL_PARAMS, multi_input=True)
@rule("GRUCell", params=GRU_CELL_PARAMS, multi_input=True)
@rule("SimpleRNNCell", params=SIMPLE_RNN_CELL_PARAMS, multi_input=True)
def rnn_cell(call: LayerCall, inputs):
    units = cell_units(call)
    states = _state_shapes(call, inputs)
    if states is None:
        # cell(x) alone raises (states is a required call argument), but a call whose states the front-end
        # could not hand over looks the same: not reported
        raise Unresolved("states")
    if isinstance(call.args.get("states"), TensorArg) and call.type == "LSTMCell":
        raise Unresolved("states")  # LSTMCell indexes a bare state tensor as [h, c]: not modelled
    outputs = _run_cell(call, call.type, units, inputs[0], states)
    dropout = call.maybe("dropout", 0.0)
    if call.type == "SimpleRNNCell" and isinstance(dropout, (int, float)) and dropout > 0:
        # SimpleRNNCell keeps the dropout mask it made when Keras traced the call on a placeholder batch: the
        # first training batch does not broadcast against it ("Attempting to broadcast a dimension of length 83")
        raise ShapeProblem(INVALID_ARGUMENT, f"{call.label}(dropout={dropout!r}) called on its own: Keras reuses the "
                                             f"dropout mask of the symbolic call, and the first training batch "
                                             f"fails", severity="warning", output=outputs,
                           hint="run the cell with RNN(cell), or use GRUCell/LSTMCell")
    return outputs


@rule("StackedRNNCells", params=("cells",), multi_input=True)
def stacked_rnn_cells(call: LayerCall, inputs):
    """``StackedRNNCells(cells)(x, states)`` with ``states`` one entry per cell (a list for LSTMCell)."""
    cells = stacked_cells(call, _cells_argument(call), "cells")
    value = call.args.get("states")
    if not isinstance(value, (list, tuple)) or len(value) != len(cells):
        raise Unresolved("states")
    x, outputs = inputs[0], []
    for (type_, units), entry in zip(cells, value):
        states = _state_shapes(call, inputs, entry if isinstance(entry, (list, tuple)) else [entry])
        if states is None:
            raise Unresolved("states")
        out = _run_cell(call, type_, units, x, states)
        x = out[0]
        outputs += out[1:]
    return [x, *outputs]


# keras.layers classes that are not cells (no `state_size`): RNN(Dense(4)) raises when made.
_NOT_CELLS = frozenset({"Dense", "Conv1D", "Conv2D", "Conv3D", "Dropout", "Embedding", "Flatten", "Reshape",
                        "Activation", "BatchNormalization", "LayerNormalization", "EinsumDense", "Identity"})
