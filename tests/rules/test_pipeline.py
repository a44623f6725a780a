"""Shape rule of Pipeline (pipeline.py) against Keras 3.15.

Every expected value in ``expected_pipeline.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py pipeline
"""

from __future__ import annotations

import pytest
from family import family_tests

LIVE = [
    "Pipeline(layers=[RandomFlip(),RandomRotation(factor=0.1)])(N,16,16,3)",
    "Pipeline(layers=[Conv2D(filters=4,kernel_size=30),Flatten()])(N,16,16,3)",
    "Pipeline(layers=[RandomFlip(),RandomHue(factor=0.2)])(N,16,16,1)",
]

test_rule_matches_keras, test_recording_is_current = family_tests("pipeline", LIVE)


def test_unknown_steps_are_unresolved():
    from shapedoctor.graph import UNKNOWN
    from shapedoctor.rules import Unresolved, apply_rule
    from shapedoctor.rules.nested import NestedLayer

    for layers in (UNKNOWN, [NestedLayer("RandomFlip", {}), NestedLayer("MyAugment", {})]):
        with pytest.raises(Unresolved):
            apply_rule("Pipeline", {"layers": layers}, [(None, 16, 16, 3)])
