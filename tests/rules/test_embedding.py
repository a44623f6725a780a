"""Shape rules of Embedding (embedding.py) against Keras 3.15.

Every expected value in ``expected_embedding.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py embedding

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

from family import family_tests

LIVE = ['Embedding(input_dim=1000,output_dim=64)(N,5,7)', 'Embedding(input_dim=1000.0,output_dim=64)(N,10)', 'Embedding(input_dim=1000,output_dim=64,input_length=12)(N,10)']

test_rule_matches_keras, test_recording_is_current = family_tests("embedding", LIVE)


# Engine semantics (not Keras facts): Keras 2 names and symbolic sizes.

def test_output_dim_renamed_by_map_arguments():
    from shapedoctor.rules import apply_rule, map_arguments

    args = map_arguments("Embedding", [1000], {"output_dim": 64})
    assert apply_rule("Embedding", args, [(None, 10)]) == (None, 10, 64)


def test_symbolic_output_dim():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    d = Symbol("embed_dim")
    assert apply_rule("Embedding", {"input_dim": 1000, "output_dim": d}, [(None, 10)]) == (None, 10, d)
