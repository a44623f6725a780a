"""The plainest fixes' edits written without LibCST (repair/plain_edits.py) are the planner's, change for change:
every layout below, every layer, every argument fix; where the fast way gives up, the planner decides."""

from __future__ import annotations

import pytest

from shapedoctor import check_source
from shapedoctor.diagnostics import GraphPatch
from shapedoctor.repair import rewrite
from shapedoctor.repair.plain_edits import plain_changes

_BODIES = [
    "x = layers.AveragePooling1D()(inp)\n",
    "x = layers.AveragePooling1D( )(inp)\n",
    "x = (layers.AveragePooling1D())(inp)\n",
    "x = ( layers.AveragePooling1D() )(inp)\n",
    "x = ((layers.AveragePooling1D()))(inp)\n",
    "x = layers.Dense(3)(inp)\n",
    "x = layers.Dense(3,)(inp)\n",
    "x = layers.Dense(3, )(inp)\n",
    "x = layers.Dense((3))(inp)\n",
    "x = layers.Dense( ( 3 ) )(inp)\n",
    "x = layers.Dense (3)(inp)\n",
    "x = layers.Dense(\n    3\n)(inp)\n",
    "x = layers.Dense(3\n)(inp)\n",
    "x = layers.Dense(3,\n)(inp)\n",
    "x = layers.Dense(3,  # three\n)(inp)\n",
    "x = layers.Dense(3  # three\n)(inp)\n",
    "x = layers.Dense(units=3)(inp)\n",
    "x = layers.Dense(units = (3))(inp)\n",
    "x = layers.Dense(units=(\n    3))(inp)\n",
    "x = layers.Dense(units=(  # c\n    3))(inp)\n",
    "x = layers.Dense(3, activation='relu')(inp)\n",
    "x = layers.Dense(3, activation=\"relu\", name=\"h\u00e9llo\")(inp)\n",
    "x = layers.Dense(3, activation=(\"relu\"))(inp)\n",
    "x = layers.Dense(3, activation='re' 'lu')(inp)\n",
    "x = layers.Dense(3, activation=r'relu')(inp)\n",
    "x = layers.Dense(n)(inp)\n",
    "x = layers.Dense(cfg.n)(inp)\n",
    "x = layers.Dense(cfg . n)(inp)\n",
    "x = layers.Dense(n * 2)(inp)\n",
    "x = layers.Dense(-1)(inp)\n",
    "x = layers.Dense(3, **kw)(inp)\n",
    "x = layers.Dense(*a)(inp)\n",
    "x = layers.Conv1D(8, 3, padding='valid')(inp)\n",
    "x = layers.Conv1D(8, 3, border_mode='valid')(inp)\n",
    "x = layers.Conv1D(8, kernel_size=(3), strides=1)(inp)\n",
    "x = layers.Conv1D(\n    8,\n    3,\n    padding='valid'\n)(inp)\n",
    "x = layers.Conv1D(\n    8,\n    3,\n    padding='valid',\n)(inp)\n",
    "\tx = layers.Conv1D(8, 3)(inp)\n",
    "x = layers.concatenate([inp, inp], axis=1)\n",
    "x = layers.concatenate([inp, inp])\n",
    "pool = layers.AveragePooling1D()\nx = pool(inp)\nx = pool(x)\n",
    "x = f(layers.AveragePooling1D())(inp)\n",
    "x = g[0](layers.AveragePooling1D())(inp)\n",
    "x = layers.Dense(3)(layers.AveragePooling1D()(inp))\n",
    "x = [layers.AveragePooling1D()][0](inp)\n",
    "x = layers.Dense(3)(inp); y = layers.Dense(4)(x)\n",
]

_INPUTS = [
    "inp = keras.Input(shape=512)\n",
    "inp = keras.Input(shape=(512))\n",
    "inp = keras.Input(shape=((512)))\n",
    "inp = keras.Input(shape=( 512 ))\n",
    "inp = keras.Input(shape=n)\n",
    "inp = keras.Input(shape=(n))\n",
    "inp = keras.Input(shape=(cfg.n), name='a')\n",
    "inp = keras.Input(shape=cfg.n[0])\n",
    "inp = keras.Input(512)\n",
    "inp = keras.Input((512), dtype='int32')\n",
    "inp = keras.Input(((512)))\n",
    "inp = keras.Input ((512))\n",
    "inp = keras.Input(\n    shape=512,\n)\n",
    "inp = keras.Input(shape=512  # size\n)\n",
    "inp = keras.layers.InputLayer(input_shape=(512))\n",
    "inp = keras.Input(shape=(512, 3))\n",
    "inp = keras.Input(batch_shape=(None, 512))\n",
]

_SEQUENTIAL = [
    "model = keras.Sequential([layers.Input(shape=(4)), layers.Dense(3), layers.AveragePooling1D(),\n])\n",
    "model = keras.Sequential([\n    layers.Dense(3, input_shape=(4)),\n    layers.Dense(2),\n])\n",
    "model = keras.Sequential()\nmodel.add(layers.Dense(3, input_shape=(4,)))\nmodel.add(layers.Dense(2))\n"
    "model.add(\n    layers.AveragePooling1D()\n)\n",
    "model = keras.Sequential()\nmodel.add(layers.Input(shape=4))\nmodel.add((layers.Dense(2)))\n",
]

_HEADER = "import keras\nfrom keras import layers\n"


def _texts():
    for body in _BODIES:
        for inp in _INPUTS[:3] + _INPUTS[8:10]:
            yield _HEADER + inp + body + "model = keras.Model(inp, x)\n"
    for inp in _INPUTS:
        yield _HEADER + inp + "x = layers.Dense(3)(inp)\nmodel = keras.Model(inp, x)\n"
    for seq in _SEQUENTIAL:
        yield _HEADER + seq
    yield _HEADER + "def block(x, n):\n    return layers.Dense(n)(x)\n\ninp = keras.Input(shape=(4))\n" \
                    "x = block(inp, 3)\nx = block(x, 3)\nmodel = keras.Model(inp, x)\n"
    yield _HEADER + "class M:\n    def build(self):\n        inp = keras.Input(shape=(self.n), name='z')\n" \
                    "        x = layers.Dense(3)(inp)\n        return keras.Model(inp, x)\n"


_PATCHES = [
    ("tuple_shape", ()),
    ("set_args", (("pool_size", 2),)),
    ("set_args", (("units", 5),)),
    ("set_args", (("activation", "relu"),)),
    ("set_args", (("padding", "same"),)),
    ("set_args", (("padding", "same"), ("strides", (1, 2)))),
    ("set_args", (("kernel_size", 5), ("filters", 4))),
    ("set_args", (("name", "it's"),)),
    ("set_args", (("axis", -1),)),
    ("set_args", ()),
]


def _planned(text, graph, patches):
    try:
        return rewrite._Planner(text, graph).plan(patches)
    except Exception as exc:  # CannotRewrite, or what edits_for_fix turns into one
        return type(exc)


def test_plain_changes_are_the_planners():
    compared = plain = 0
    for text in _texts():
        for model in check_source(text, with_fixes=False).models:
            graph = model.graph
            for node in graph.nodes:
                for op, args in _PATCHES:
                    patches = [GraphPatch(op, node.index, args=args)]
                    fast = plain_changes(text, graph, patches)
                    compared += 1
                    if fast is None:
                        continue
                    plain += 1
                    assert fast == _planned(text, graph, patches), (text, node.type, op, args)
    assert compared > 2000 and plain > compared // 4, (compared, plain)


@pytest.mark.parametrize("line, edit", [
    ("inp = keras.Input(shape=512)", "inp = keras.Input(shape=(512,))"),
    ("inp = keras.Input(shape=(latent_dim))", "inp = keras.Input(shape=(latent_dim,))"),
    ("inp = keras.Input((2), dtype='int32')", "inp = keras.Input((2,), dtype='int32')"),
    ("inp = keras.Input(shape=(self.latent_dim), name='z')", "inp = keras.Input(shape=(self.latent_dim,), name='z')"),
])
def test_the_common_one_tuples_need_no_libcst(line, edit):
    text = _HEADER + "class G:\n    def make(self):\n        " + line + "\n        return keras.Model(inp, inp)\n"
    graph = check_source(text, with_fixes=False).models[0].graph
    changes = plain_changes(text, graph, [GraphPatch("tuple_shape", 0)])
    assert changes is not None
    assert rewrite.apply_edits(text, rewrite.to_edits(text, changes)) == text.replace(line, edit)
