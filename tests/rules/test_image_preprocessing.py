"""Shape rules of the image preprocessing layers (rules/image_preprocessing.py) against Keras 3.15.

Every expected value in ``expected_image_preprocessing.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU), as for the other families
(the tests never import Keras, except the one marked ``keras``).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py image_preprocessing
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    'Resizing(height=8,width=6)(N,16,16)',
    'CenterCrop(height=8,width=6)(N,16)',
    'RandomRotation(factor=1.5)(N,16,16,3)',
    'RandomFlip()(N,16,16,3)',
    'RandomColorDegeneration(factor=0.2)(N,16,16,4)',
]

test_rule_matches_keras, test_recording_is_current = family_tests("image_preprocessing", LIVE)
