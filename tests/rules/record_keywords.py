"""Record which keyword arguments each ``keras.layers`` class takes (writes src/shapedoctor/rules/keywords.py).

    KERAS_BACKEND=torch python tests/rules/record_keywords.py

A keyword a class does not take makes Keras 3 raise ``ValueError: Unrecognized keyword arguments passed to
Conv2D: {'border_mode': 'same'}`` (``Layer.__init__``), or a TypeError for a class without ``**kwargs``.  What a
class takes: the named parameters of every ``__init__`` on its way to ``Layer`` (each passes its ``**kwargs`` on),
plus the keywords some of them take out of ``**kwargs`` themselves, read from Keras' source
(``kwargs.pop("input_dim")`` in layer.py and the like: EXTRA below).  ``test_keywords.py`` checks the table
against the installed Keras by constructing every layer with a keyword it does not take.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pprint
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "src"))
from shapedoctor.rules.inventory import KERAS_LAYER_NAMES  # noqa: E402

# keras/src/layers: keywords taken out of **kwargs (grep "kwargs.pop(" in Keras 3.15.1)
EXTRA = {
    "Layer": ("input_dim", "input_shape"),
    "LeakyReLU": ("alpha",),
    "LayerNormalization": ("rms_scaling",),
    "LSTM": ("implementation",), "GRU": ("implementation",),
    "LSTMCell": ("implementation",), "GRUCell": ("implementation",),
    "Embedding": ("input_length",),
    "InputLayer": ("input_shape", "batch_input_shape"),
    "TextVectorization": ("vocabulary_size", "has_input_vocabulary"),
    "StringLookup": ("vocabulary_size", "has_input_vocabulary"),
    "IntegerLookup": ("vocabulary_size", "has_input_vocabulary"),
}


def taken(cls) -> set[str] | None:
    """Keywords ``cls(...)`` accepts; None when it accepts any (a ``**kwargs`` that is not passed on to Layer)."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if "__init__" not in vars(klass):
            continue
        signature = inspect.signature(vars(klass)["__init__"])
        names |= {p.name for p in signature.parameters.values()
                  if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self"}
        names |= set(EXTRA.get(klass.__name__, ()))
        if klass is keras.layers.Layer:
            return names
        if not any(p.kind is p.VAR_KEYWORD for p in signature.parameters.values()):
            return names  # no **kwargs: Python itself refuses any other keyword
    return None


def keras_modules() -> tuple[str, ...]:
    """Every ``keras.*`` module Keras 3 installs (``import keras.layers``...), its private ``keras.src`` tree and the
    bundled ``_tf_keras`` apart: what ``import``/``from ... import`` of a ``keras`` module can name."""
    root = os.path.dirname(keras.__file__)
    found = {"keras"}
    for directory, subdirs, files in os.walk(root):
        relative = os.path.relpath(directory, root)
        if relative == ".":
            subdirs[:] = [d for d in subdirs if d not in ("src", "_tf_keras", "__pycache__")]
        else:
            subdirs[:] = [d for d in subdirs if d != "__pycache__"]
        package = "keras" if relative == "." else "keras." + relative.replace(os.sep, ".")
        if "__init__.py" in files:
            found.add(package)
        found.update(f"{package}.{f[:-3]}" for f in files if f.endswith(".py") and f != "__init__.py")
    return tuple(sorted(found))


def main() -> None:
    layer = taken(keras.layers.Layer)
    own, closed = {}, {}
    for name in KERAS_LAYER_NAMES:
        accepted = taken(getattr(keras.layers, name))
        if accepted is None:
            continue
        if layer <= accepted:
            own[name] = tuple(sorted(accepted - layer))
        else:
            closed[name] = tuple(sorted(accepted))
    # keras.Input is a function without **kwargs: Python refuses any other keyword (TypeError)
    input_function = tuple(sorted(inspect.signature(keras.Input).parameters))
    # what Keras 3's keras.backend still has: any other K.<name> of Keras 2 code raises AttributeError
    backend_names = tuple(sorted(n for n in dir(keras.backend) if not n.startswith("_")))
    modules = keras_modules()
    module_names = {module: tuple(sorted(n for n in dir(importlib.import_module(module)) if not n.startswith("__")))
                    for module in modules}
    path = os.path.join(ROOT, "src", "shapedoctor", "rules", "keywords.py")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('"""The keyword arguments each ``keras.layers`` class takes in Keras ' + keras.__version__ + '.\n\n'
                     'Written by tests/rules/record_keywords.py (do not edit): the named parameters of every\n'
                     '``__init__`` from the class to ``Layer`` and the keywords Keras takes out of ``**kwargs``.\n'
                     'Any other keyword makes Keras raise "Unrecognized keyword arguments passed to ...".\n"""\n\n'
                     f'KERAS_VERSION = "{keras.__version__}"\n\n'
                     '#: what ``keras.layers.Layer`` itself takes, and so every class that passes ``**kwargs`` on to it\n'
                     f'LAYER: tuple[str, ...] = {tuple(sorted(layer))!r}\n\n'
                     '#: each such class: the keywords it takes besides LAYER\n'
                     f'OWN: dict[str, tuple[str, ...]] = {pprint.pformat(own, width=116, compact=True)}\n\n'
                     '#: classes without ``**kwargs`` (Python refuses any other keyword): everything they take\n'
                     f'CLOSED: dict[str, tuple[str, ...]] = {pprint.pformat(closed, width=116, compact=True)}\n\n'
                     '#: ``keras.Input(...)``, a function without ``**kwargs`` (not the InputLayer class): everything it '
                     'takes\n'
                     f'INPUT_FUNCTION: tuple[str, ...] = {pprint.pformat(input_function, width=80, compact=True)}\n\n'
                     '#: the public names of Keras 3\'s ``keras.backend``: Keras 2\'s K.sum, K.batch_dot... are gone\n'
                     f'BACKEND_NAMES: tuple[str, ...] = {pprint.pformat(backend_names, width=80, compact=True)}\n\n'
                     '#: the public modules of Keras 3 (``keras.src`` apart): Keras 2\'s keras.layers.core, keras.engine,\n'
                     '#: keras.utils.np_utils... are gone (ModuleNotFoundError)\n'
                     f'KERAS_MODULES: tuple[str, ...] = {pprint.pformat(modules, width=84, compact=True)}\n\n'
                     '#: the names of each (dunders apart): ``from keras.utils import np_utils`` raises ImportError (cannot import\n'
                     '#: name) unless the name is there or is a submodule\n'
                     f'KERAS_MODULE_NAMES: dict[str, tuple[str, ...]] = '
                     f'{pprint.pformat(module_names, width=116, compact=True)}\n\n'
                     'ACCEPTED: dict[str, frozenset[str]] = {**{name: frozenset(LAYER + keywords) for name, keywords in '
                     'OWN.items()},\n                                       **{name: frozenset(keywords) for name, '
                     'keywords in CLOSED.items()}}\n')
    print(f"{len(own) + len(closed)} classes written to {path}")


if __name__ == "__main__":
    main()
