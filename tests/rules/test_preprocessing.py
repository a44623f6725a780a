"""Shape rules of the preprocessing layers (rules/preprocessing.py) against Keras 3.15.

Every expected value in ``expected_preprocessing.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU), as for the other families
(the tests never import Keras, except the one marked ``keras``).  Re-record::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py preprocessing

The string layers (StringLookup, TextVectorization, Hashing of strings) need TensorFlow to be made;
they were recorded with ``tensorflow-cpu`` appended to ``sys.path`` (torch stays the backend), and
running their string inputs on zeros is not possible (their ``runtime`` says so).
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    "CategoryEncoding(num_tokens=10,output_mode='one_hot')(N,3):int32",
    "Discretization(bin_boundaries=[0.0,1.0,2.0],output_mode='multi_hot')(N,8)",
    'Normalization(mean=0.0,variance=1.0,axis=0)(N,10,8)',
    'MelSpectrogram()(N,16000)',
    'STFTSpectrogram()(N,100,1)',
]

test_rule_matches_keras, test_recording_is_current = family_tests("preprocessing", LIVE)
