"""Every rule names its positional parameters in the order of the Keras 3 constructor.

A rule's ``params`` tell the source front-end which argument ``RandomRotation(0.1)`` sets; a missing
or misordered name reads the wrong argument (``factor=None``) and raises a false error. Checked against
``inspect.signature`` of the installed Keras.
"""

import inspect

import pytest

from shapedoctor.rules import RULES


@pytest.mark.keras
def test_rule_params_follow_the_keras_constructor():
    keras = pytest.importorskip("keras")
    wrong = []
    for name, rule_ in sorted(RULES.items()):
        cls = getattr(keras.layers, name, None)
        if not isinstance(cls, type) or name.startswith("ops."):
            continue
        signature = [p.name for p in inspect.signature(cls.__init__).parameters.values()
                     if p.name != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY)]
        if not signature:
            continue
        params = list(rule_.params)
        if params[:len(signature)] != signature[:len(params)] or (not params and signature):
            wrong.append(f"{name}: rule {params} vs Keras {signature}")
    assert not wrong, "\n".join(wrong)
