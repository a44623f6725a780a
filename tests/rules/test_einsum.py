"""Shape rule of EinsumDense (einsum.py) against Keras 3.15.

Every expected value in ``expected_einsum.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU), as for the other families.
Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py einsum
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    "EinsumDense(equation='abc,cd->abd',output_shape=(None,64))(N,10,32)",
    "EinsumDense(equation='abc,cd->abd',output_shape=(11,64))(N,10,32)",
    "EinsumDense(equation='...b,bc->...c',output_shape=64)(N,3,10,32)",
    "EinsumDense(equation='abc,bcd->ad',output_shape=16)(N,N,32)",
    "EinsumDense(equation='abc->abd',output_shape=(None,64))(N,10,32)",
]

test_rule_matches_keras, test_recording_is_current = family_tests("einsum", LIVE)
