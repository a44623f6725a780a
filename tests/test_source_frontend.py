"""Regression tests for bugs found by the model corpus (small inline sources -> findings/shapes).

Expected values are what Keras 3.15 (torch backend) did with the corresponding corpus file,
recorded in ``tests/corpus/expected.json`` by ``tests/corpus/record_keras.py``; the corpus
file each test comes from is named in its docstring.
"""

from __future__ import annotations

import shapedoctor

HEADER = """\
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, Conv1D
"""


def _problems(source: str) -> set[tuple[int, str, str]]:
    report = shapedoctor.check_source(HEADER + source, with_fixes=False)
    return {(d.line - HEADER.count("\n"), d.kind.code, d.severity) for d in report.diagnostics
            if d.severity in ("error", "warning")}


def test_rank1_target_against_trailing_one_output_is_fine():
    """ok_stacked_lstm_forecast.py: y (n,) against Dense(1)'s (None, 1); Keras squeezes, fit runs."""
    assert _problems("""\
X = np.random.rand(100, 60, 1)
y = np.random.rand(100)
model = Sequential([LSTM(50, input_shape=(60, 1)), Dense(1)])
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(X, y)
""") == set()


def test_target_against_per_step_output_still_flagged():
    """bad_target_fit_zeros.py: y (n, 1) against (None, 48, 1): Keras' bce fit raises."""
    assert _problems("""\
X = np.random.rand(100, 50, 2)
y = np.zeros((100, 1))
model = Sequential()
model.add(Conv1D(16, 3, input_shape=(50, 2)))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y)
""") == {(5, "SD105", "error")}
