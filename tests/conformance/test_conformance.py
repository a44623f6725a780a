"""Differential conformance: shapedoctor against Keras 3 (torch backend, CPU) as the oracle.

Random but plausible layer stacks and small functional graphs (``generator.py``, hypothesis,
seeded) are rendered as Python source (``render.py``) and checked with
``shapedoctor.check_source``; Keras builds the same model in-process (``oracle.py``).  Both
verdicts must agree: error or not, the finding kind against Keras' exception
(``compare.KERAS_PATTERNS``), the failing layer and every layer's output shape.  Expected
values are never stored here: Keras computes them on every run.  A disagreement fails the
campaign test with a hypothesis-minimized reproduction; record it with ``record.py`` as a
fixture in ``regressions/``.  The long campaign is ``benchmarks/conformance.py --n 10000``.

The fast tests (no Keras) check the generator and the rendering: every rendered case is
read back by the source front-end as exactly one model with one node per layer.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

from .case import case_to_json
from .compare import keras_kind
from .generator import ERROR_KINDS, cases
from .render import render
from .single import PENDING_FRONT_END, WEIGHTS, single_layers

# The families the chain/DAG generator draws (the others come from single.py).
CHAIN_FAMILIES = ("core", "reshaping", "conv", "pooling", "recurrent", "wrappers", "merging", "normalization")
N_SINGLE = int(os.environ.get("SHAPEDOCTOR_CONFORMANCE_SINGLE_N", "1500"))

# Measured 50-100 cases/s on the 2-core machine (Keras build 5-15 ms, hypothesis generation ~10 ms,
# shapedoctor ~1 ms): 3000 cases take 30-60 s.
N_CI = int(os.environ.get("SHAPEDOCTOR_CONFORMANCE_N", "3000"))


@seed(20261125)
@settings(max_examples=150, phases=[Phase.generate], database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
@given(cases())
def test_rendered_cases_are_read_back_as_one_model(case):
    _assert_read_back_as_one_model(case)


@seed(20261126)
@settings(max_examples=150, phases=[Phase.generate], database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
@given(single_layers())
def test_rendered_single_layer_cases_are_read_back_as_one_model(case):
    _assert_read_back_as_one_model(case)


def _assert_read_back_as_one_model(case):
    """A rendered case is checked as one model whose layers and edges are the case's."""
    import shapedoctor

    source = render(case)
    compile(source, "<case>", "exec")
    report = shapedoctor.check_source(source, with_fixes=False)
    assert len(report.models) == 1, source
    graph = report.models[0].graph
    assert [n.type for n in graph.nodes] == ["InputLayer"] + [layer.type for layer in case.layers], source
    for node, layer in zip(graph.nodes[1:], case.layers):
        assert list(node.inputs) == [(j, 0) for j in layer.inputs], source


@pytest.mark.parametrize("message, kind", [
    # Messages as Keras 3.15 raises them when a layer is called (recorded by the harness).
    (('ValueError: Input 0 of layer "conv1d" is incompatible with the layer: expected min_ndim=3, found ndim=2. '
     "Full shape received: (None, 64)"), "rank"),
    ("ValueError: Computed output size would be zero or negative. Received `inputs shape=(2, 4, 2)`", "negative-length"),
    (("ValueError: Values in `cropping` argument should be smaller than the corresponding spatial dimension of the "
     "input."), "negative-length"),
    ("ValueError: The total size of the tensor must be unchanged. Received: input_shape=(6,), target_shape=(5,)",
     "reshape-size"),
    (("ValueError: Shapes used to initialize variables must be fully-defined (no `None` dimensions). Received: "
     "shape=(None, 3) for variable path='dense/kernel'"), "undefined-dim"),
    ("ValueError: Inputs have incompatible shapes. Received shapes (4,) and (5,)", "incompatible-merge"),
    ("ValueError: Incompatible input shapes: axis values 5 (at axis 2) != 3 (at axis 2).", "incompatible-merge"),
    ("ValueError: Argument `padding` must be either 'valid' or 'same'. Received: padding=causal", "invalid-argument"),
    (("AttributeError: Exception encountered when calling Conv3DTranspose.call().\n\n\x1b[1m'tuple' object has no "
     "attribute 'lower'\x1b[0m"), "invalid-argument"),
    ("RuntimeError: something new", "unmapped"),
])
def test_keras_message_mapping(message, kind):
    type_name, text = message.split(": ", 1)
    exc = {"ValueError": ValueError, "RuntimeError": RuntimeError, "AttributeError": AttributeError}[type_name](text)
    assert keras_kind(exc) == kind


def _failure_report(campaign, strategy=None, forward: bool = False) -> str:
    from .campaign import shrink

    lines = [f"{len(campaign.disagreements)}/{campaign.n} cases disagree with Keras:"]
    for sig, count in campaign.signatures().most_common():
        lines.append(f"  [{count}] {sig}")
    first = campaign.disagreements[0]
    lines += ["first disagreement:", first.problems[0], render(first.case)]
    try:
        minimal = shrink(first.signature, max_examples=2000, strategy=strategy, forward=forward)
        lines += ["minimized (hypothesis):", render(minimal), "record it as a fixture with tests/conformance/record.py:",
                  json.dumps(case_to_json(minimal))]
    except Exception as exc:  # noqa: BLE001 - shrinking is a courtesy; the failure stands without it
        lines.append(f"(could not minimize: {type(exc).__name__}: {exc})")
    return "\n".join(lines)


@pytest.mark.keras
@pytest.mark.slow
def test_conformance_campaign():
    pytest.importorskip("keras")
    from .campaign import run

    campaign = run(N_CI, seed=4, exec_every=10)
    assert campaign.n == N_CI
    assert not campaign.disagreements, _failure_report(campaign)
    # The campaign must exercise what it claims: about half invalid, every kind, every family.
    kinds = Counter(o.keras_kind for o in campaign.outcomes)
    invalid = campaign.n - kinds["valid"]
    assert 0.35 * campaign.n <= invalid <= 0.65 * campaign.n, kinds
    for kind in ERROR_KINDS:
        assert kinds[kind] >= 10, (kind, kinds)
    families = campaign.by_family()
    for family in CHAIN_FAMILIES:
        cases_with, _, n_invalid, _, _ = families[family]
        assert cases_with >= 20 and 0 < n_invalid < cases_with, (family, families[family])
    rate = campaign.n / campaign.seconds
    print(f"conformance: {campaign.n} cases, {rate:.1f} cases/s, all agree")


@pytest.mark.keras
@pytest.mark.slow
def test_single_layer_conformance_with_a_forward_pass():
    """Every single-layer family but those waiting for the front-end (single.PENDING_FRONT_END), the oracle
    building each model and running it once on a small batch: Keras' errors, its first-batch failures (a
    shapedoctor warning at that layer) and its shapes must all agree."""
    pytest.importorskip("keras")
    from .campaign import run

    families = tuple(f for f in WEIGHTS if f not in PENDING_FRONT_END)
    strategy = single_layers(families)
    campaign = run(N_SINGLE, seed=5, exec_every=10, strategy=strategy, forward=True)
    assert not campaign.disagreements, _failure_report(campaign, strategy, forward=True)
    kinds = Counter(o.keras_kind for o in campaign.outcomes)
    assert kinds["valid"] and kinds["invalid-argument"] and kinds["runtime-failure"], kinds
    drawn = Counter(o.case.intent.split(":", 1)[1] for o in campaign.outcomes)
    assert set(drawn) == set(families), drawn
