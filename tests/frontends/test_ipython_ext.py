"""``%load_ext shapedoctor`` in a real IPython shell running cells that make Keras raise."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.keras

CELL = '''
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(50,)),
    layers.Dense(64),
    layers.Conv1D(32, 3),
])
'''


@pytest.fixture
def shell():
    pytest.importorskip("keras")
    pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance(colors="nocolor")
    yield shell
    shell.run_cell("%unload_ext shapedoctor")


def test_cell_error_shows_traceback_then_explanation(shell, capsys):
    assert shell.run_cell("%load_ext shapedoctor").success
    capsys.readouterr()
    result = shell.run_cell(CELL)
    out = capsys.readouterr().out
    assert isinstance(result.error_in_exec, ValueError)
    keras_line = out.index("expected min_ndim=3, found ndim=2")
    ours = out.index("shapedoctor explains this error:")
    assert keras_line < ours  # the normal traceback first, ours under it
    assert "SD101 [rank] Conv1D needs input (batch, steps, channels) but gets (None, 64)" in out[ours:]
    assert ":6:5: SD101" in out[ours:]  # IPython drops the leading blank line: line 6, the Conv1D( call
    assert "fix 1: insert Reshape((64, 1)) before Conv1D" in out
    assert "conv1d (Conv1D)" in out


def test_other_errors_and_unload(shell, capsys):
    shell.run_cell("%load_ext shapedoctor")
    capsys.readouterr()
    shell.run_cell("raise ValueError('plain value error')")
    out = capsys.readouterr().out
    assert "plain value error" in out and "shapedoctor" not in out
    shell.run_cell("%unload_ext shapedoctor")
    assert shell.custom_exceptions == ()
    capsys.readouterr()
    shell.run_cell(CELL)
    out = capsys.readouterr().out
    assert "found ndim=2" in out and "shapedoctor explains" not in out
