"""Shape rules of LSTMCell/GRUCell/SimpleRNNCell called on one step, StackedRNNCells and RNN over a list of
cells (cells.py, recurrent.py) against Keras 3.15.

Every expected value in ``expected_cells.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py cells
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = [
    "LSTMCell(units=4)(N,8),states=[(N,4),(N,4)]",
    "GRUCell(units=4)(N,8),states=[(N,5)]",
    "RNN(cell=[LSTMCell(units=4),GRUCell(units=3)],return_state=True)(N,6,8)",
    "RNN(cell=[LSTMCell(units=4),Dense(units=3)])(N,6,8)",
]

test_rule_matches_keras, test_recording_is_current = family_tests("cells", LIVE)


def test_a_cell_call_without_visible_states_is_not_reported():
    """``cell(x, states)`` whose states the front-end could not hand over looks like ``cell(x)``: unknown, not
    Keras' missing-argument error."""
    from shapedoctor.rules import Unresolved, apply_rule

    for cell in ("LSTMCell", "GRUCell", "SimpleRNNCell"):
        with pytest.raises(Unresolved):
            apply_rule(cell, {"units": 4}, [(None, 8)])


def test_states_as_extra_inputs():
    """States given as further input tensors (the front-end's ``cell(x, h)`` with h a tensor)."""
    from shapedoctor.rules import apply_rule

    assert apply_rule("LSTMCell", {"units": 4}, [(None, 8), (None, 4), (None, 4)]) == [(None, 4)] * 3
    assert apply_rule("GRUCell", {"units": 4}, [(None, 8), (None, 4)]) == [(None, 4)] * 2


def test_custom_cells_stay_unresolved():
    from shapedoctor.rules import Unresolved, apply_rule
    from shapedoctor.rules.nested import NestedLayer

    with pytest.raises(Unresolved):
        apply_rule("RNN", {"cell": [NestedLayer("LSTMCell", {"units": 4}), NestedLayer("MyCell", {})]},
                   [(None, 6, 8)])
