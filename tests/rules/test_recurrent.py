"""Shape rules of LSTM, GRU, SimpleRNN, RNN(cell), ConvLSTM1D/2D/3D and Bidirectional (recurrent.py) against Keras 3.15.

Every expected value in ``expected_recurrent.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py recurrent

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['LSTM(units=8,return_state=True)(N,10,4)', 'LSTM(units=8)(N,64)', 'ConvLSTM2D(filters=4,kernel_size=3)(N,5,9,8,N)', 'Bidirectional(layer=LSTM(units=4,return_state=True))(N,10,3)', "Bidirectional(layer=LSTM(units=4),merge_mode='max')(N,10,3)"]

test_rule_matches_keras, test_recording_is_current = family_tests("recurrent", LIVE)


# Engine semantics (not Keras facts): unfoldable arguments and symbolic sizes.

def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule
    from shapedoctor.rules.nested import NestedLayer

    for type_, args in [("LSTM", {"units": UNKNOWN}), ("LSTM", {"units": 4, "return_sequences": UNKNOWN}),
                        ("Bidirectional", {"layer": UNKNOWN}), ("Bidirectional", {"layer": "lstm_layer"}),
                        ("Bidirectional", {"layer": NestedLayer("MyCustomRNN", {})}),
                        ("RNN", {"cell": NestedLayer("MyCell", {})}),
                        ("ConvLSTM2D", {"filters": 4, "kernel_size": UNKNOWN})]:
        with pytest.raises(Unresolved):
            apply_rule(type_, args, [(None, 5, 9, 8, 2) if type_ == "ConvLSTM2D" else (None, 10, 3)])


def test_symbolic_units_propagate():
    from shapedoctor.rules import apply_rule
    from shapedoctor.rules.nested import NestedLayer
    from shapedoctor.shapes import Symbol

    n = Symbol("n_units")
    assert apply_rule("GRU", {"units": n, "return_sequences": True}, [(None, 10, 3)]) == (None, 10, n)
    out = apply_rule("Bidirectional", {"layer": NestedLayer("LSTM", {"units": n})}, [(None, 10, 3)])
    assert out[0] is None and isinstance(out[1], Symbol) and "n_units" in str(out[1])


def test_rnn_cell_from_positional_call():
    from shapedoctor.rules import apply_rule
    from shapedoctor.rules.nested import NestedLayer

    cell = NestedLayer.from_call("LSTMCell", [6], {})
    assert apply_rule("RNN", {"cell": cell, "return_sequences": True}, [(None, 10, 4)]) == (None, 10, 6)


def test_bidirectional_output_count_matches_keras():
    """How many tensors the front-end makes of ``Bidirectional(...)(x)`` (independent differential test, F1:
    ``merge_mode=None`` returns [forward, backward]): as many as Keras returned in every recorded case."""
    from record_keras import load_cases, rule_args

    from shapedoctor.rules.recurrent import bidirectional_output_count

    checked = 0
    for case in load_cases("recurrent"):
        if case["layer"] != "Bidirectional" or "error" in case["keras"]:
            continue
        want = len(case["keras"]["outputs"]) if "outputs" in case["keras"] else 1
        assert bidirectional_output_count(rule_args(case["args"])) == want, case["id"]
        checked += 1
    assert checked >= 4
