"""The walk's eager inference replayed by ``infer`` (FunctionalBuilder records, ``graph.replay``): the same
results, findings and gaps as inferring every node afresh."""

import dataclasses
import glob
import os

import pytest

from shapedoctor.frontends.source import analyse_source
from shapedoctor.infer import infer

SOURCE = '''
import keras
from keras import layers

def block(x, filters):
    y = layers.Conv2D(filters, 3, padding="same")(x)
    y = layers.Conv2D(filters, 3)(y)
    return layers.Add()([x, y])  # 'valid' conv: (30, 30) against (32, 32)

inputs = keras.Input(shape=(32, 32, 16))
x = layers.Dense(16)(inputs)
shared = layers.Dense(8)
a = shared(x)
b = shared(layers.Dense(4)(inputs))  # a shared layer called on another feature size
c = block(x, 16)
d = layers.Reshape((7, 7))(layers.Flatten()(a))  # 32 * 32 * 8 values are no 7 x 7
e = layers.Dense(2)(mystery(x))  # a call shapedoctor cannot follow: a gap
outputs = layers.Concatenate()([a, b])
sizes = outputs.shape[-1], c.shape[-1], d.shape[-1], e.shape[-1]  # read while walking: inferred eagerly
model = keras.Model(inputs, [outputs, c, d, e])
other = keras.Model(inputs, a)  # the same nodes in a second model
'''


def _fresh(graph):
    return infer(dataclasses.replace(graph))  # a copy of the graph object carries no replay records


def _summary(inference):
    return ([(r.node.index, r.status, r.input_shapes, r.outputs, r.note) for r in inference.results],
            [(d.code, d.severity, d.line, d.col, d.model, d.layer, d.node, d.message) for d in inference.diagnostics],
            inference.gaps, inference.internal_errors)


def _graphs(text):
    return analyse_source(text, "t.py").graphs


def test_replayed_inference_equals_fresh_inference():
    graphs = _graphs(SOURCE)
    assert any(getattr(g, "replay", None) for g in graphs)
    for graph in graphs:
        assert _summary(infer(graph)) == _summary(_fresh(graph))


def test_a_changed_node_is_inferred_again():
    graph = next(g for g in _graphs(SOURCE) if getattr(g, "replay", None))
    dense = next(n for n in graph.nodes if n.type == "Dense")
    dense.args = {**dense.args, "units": 3}  # what settle_symbolic_inputs and patches do: a new dict
    assert _summary(infer(graph)) == _summary(_fresh(graph))


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "corpus", "**",
                                                               "*.py"), recursive=True)))
def test_corpus_files(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        graphs = _graphs(text)
    except SyntaxError:
        return
    for graph in graphs:
        assert _summary(infer(graph)) == _summary(_fresh(graph))
