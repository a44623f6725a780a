"""Shape rules of the adaptive pooling layers (rules/adaptive_pooling.py) against Keras 3.15.

Every expected value in ``expected_adaptive_pooling.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU), as for the other families
(the tests never import Keras, except the one marked ``keras``).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py adaptive_pooling
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    'AdaptiveAveragePooling2D(output_size=(2,3))(N,12,10,3)',
    'AdaptiveMaxPooling1D(output_size=(4,4))(N,12,3)',
    "AdaptiveMaxPooling3D(output_size=4,data_format='channels_first')(N,3,8,6,4)",
]

test_rule_matches_keras, test_recording_is_current = family_tests("adaptive_pooling", LIVE)
