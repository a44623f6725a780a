"""Shape rules of the normalization more layers (rules/normalization_more.py) against Keras 3.15.

Every expected value in ``expected_normalization_more.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU), as for the other families
(the tests never import Keras, except the one marked ``keras``).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py normalization_more
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    'RMSNormalization()(N,10,8)',
    'RMSNormalization()(N,10,N)',
    'SpectralNormalization(layer=Dense(units=4))(N,10,8)',
    'SpectralNormalization(layer=BatchNormalization())(N,8)',
]

test_rule_matches_keras, test_recording_is_current = family_tests("normalization_more", LIVE)
