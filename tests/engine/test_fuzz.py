"""Nothing crashes: generated programs (hypothesmith) and real code (the installed Keras sources, which are
full of layers and models) go through the whole pipeline in strict mode, where a rule or front-end
exception is a test failure instead of an "unknown" degradation. Only crashes are asserted."""

import os

import pytest
from hypothesis import HealthCheck, given, settings

from shapedoctor.check import check_one_file, check_source

hypothesmith = pytest.importorskip("hypothesmith")


# derandomize: the same programs every run, so CI is reproducible; hypothesmith filters a lot internally.
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@FUZZ
@given(hypothesmith.from_grammar())
def test_generated_programs_never_crash(source):
    check_source(source, "fuzz.py")


KERAS_PROGRAMS = """
import keras
from keras import layers
{imports}
def build(n={n}):
    x = inputs = keras.Input(shape=({shape}))
{body}
    return keras.Model(inputs, x)
"""


@FUZZ
@given(hypothesmith.from_node())
def test_generated_statements_inside_a_model_never_crash(source):
    # Arbitrary statements mixed into a model-building function, so the walker meets odd shapes of code.
    body = "\n".join("    " + line for line in source.splitlines() if line.strip()) or "    pass"
    text = KERAS_PROGRAMS.format(imports="", n=8, shape="n, 3", body=body + "\n    x = layers.Conv1D(4, 3)(x)")
    try:
        compile(text, "fuzz.py", "exec")
    except (SyntaxError, ValueError):
        return
    check_source(text, "fuzz.py")


@pytest.mark.keras
@pytest.mark.slow
def test_installed_keras_sources_never_crash():
    keras = pytest.importorskip("keras")
    root = os.path.join(os.path.dirname(keras.__file__), "src")
    files = [os.path.join(d, f) for sub in ("layers", "applications", "models")
             for d, _, names in os.walk(os.path.join(root, sub)) for f in names if f.endswith(".py")]
    assert len(files) > 200
    for path in files:
        report = check_one_file(path, with_edits=False)
        assert report is not None
