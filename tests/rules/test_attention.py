"""Shape rules of MultiHeadAttention, GroupQueryAttention, Attention and AdditiveAttention (attention.py)
against Keras 3.15.

Every expected value in ``expected_attention.json`` was recorded from real Keras by
``tests/rules/record_keras.py`` (Keras 3.15, torch backend, CPU): each case builds
``keras.Input(batch_shape=...)`` inputs, calls the layer as written in the case (positional
tensors, a list, tensor keywords such as ``attention_mask=``, ``return_attention_scores=``)
and stores the output shape(s) or the exception Keras raised, plus whether the built model
runs on zeros.  Re-record after changing the cases or upgrading Keras::

    KERAS_BACKEND=torch .venv/bin/python tests/rules/record_keras.py attention

The table tests compare ``apply_rule`` with the recording and never import Keras; the
test marked ``keras`` re-runs a few cases live to check the recording is still current.
"""

from __future__ import annotations

from family import family_tests

LIVE = [
    "MultiHeadAttention(num_heads=2,key_dim=4)(N,5,8)+(N,7,6)",
    "MultiHeadAttention(num_heads=2,key_dim=4)(N,5,8)+(N,7,6),return_attention_scores=True",
    "MultiHeadAttention(num_heads=2,key_dim=4,output_shape=(4,4))(N,5,8)+(N,5,8)",
    "MultiHeadAttention(num_heads=2,key_dim=4)(N,5,8)+(N,7,6)+(N,9,3)",
    "GroupQueryAttention(head_dim=4,num_query_heads=4,num_key_value_heads=2)(N,5,8)+(N,7,6)",
    "Attention()[(N,5,8)+(N,7,6)+(N,9,8)],return_attention_scores=True",
    "AdditiveAttention()[(N,5,N)+(N,7,N)]",
]

test_rule_matches_keras, test_recording_is_current = family_tests("attention", LIVE)


def test_keyword_tensors_are_named_by_tensor_arg():
    """``mha(q, v, key=k, attention_mask=m)``: keyword tensors arrive as TensorArg inputs."""
    from shapedoctor.rules import ShapeProblem, apply_rule
    from shapedoctor.rules.base import TensorArg

    args = {"num_heads": 2, "key_dim": 4, "key": TensorArg(3), "attention_mask": TensorArg(2)}
    assert apply_rule("MultiHeadAttention", args, [(None, 5, 8), (None, 7, 6), (None, 5, 7), (None, 7, 3)]) \
        == (None, 5, 8)
    try:
        apply_rule("MultiHeadAttention", args, [(None, 5, 8), (None, 7, 6), (None, 7, 5), (None, 7, 3)])
    except ShapeProblem as problem:
        assert problem.severity == "warning" and "attention_mask" in problem.message
    else:
        raise AssertionError("a mask that does not fit the scores is a warning")
