"""Shape rules of Flatten, Reshape, Permute, RepeatVector, UpSampling1D/2D/3D, ZeroPadding1D/2D/3D and Cropping1D/2D/3D (reshaping.py) against Keras 3.15.

Every expected value in ``expected_reshaping.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer and stores the output shape(s) or
the exception Keras raised (type, message, finding kind), plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch /work/venv/bin/python tests/rules/record_keras.py reshaping

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = ['Flatten()(N,N,4)', 'Reshape(target_shape=(8,9))(N,64)', 'Reshape(target_shape=(-1,4))(N,N,4)', 'Permute(dims=(1,3))(N,10,4)', 'ZeroPadding2D(padding=-1)(N,8,9,3)', 'Cropping3D()(N,4,5,6,3)', 'Cropping2D(cropping=((4,4),(0,0)))(N,8,9,3)']

test_rule_matches_keras, test_recording_is_current = family_tests("reshaping", LIVE)


# Engine semantics (not Keras facts): unfoldable arguments and symbolic sizes.

def test_unknown_arguments_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule

    for type_, args in [("Reshape", {"target_shape": UNKNOWN}), ("Reshape", {"target_shape": (UNKNOWN, 4)}),
                        ("Permute", {"dims": UNKNOWN}), ("RepeatVector", {"n": UNKNOWN}),
                        ("Cropping1D", {"cropping": UNKNOWN})]:
        with pytest.raises(Unresolved):
            apply_rule(type_, args, [(None, 8, 4)])


def test_symbolic_sizes():
    from shapedoctor.rules import apply_rule
    from shapedoctor.shapes import Symbol

    n = Symbol("n")
    flat = apply_rule("Flatten", {}, [(None, n, 2)])
    assert flat[0] is None and isinstance(flat[1], Symbol)
    # A -1 against a symbolic size cannot be solved: unknown, never a reshape-size finding.
    assert apply_rule("Reshape", {"target_shape": (-1, 2)}, [(None, n, 2)]) == (None, None, 2)
    assert apply_rule("RepeatVector", {"n": n}, [(None, 8)]) == (None, n, 8)
