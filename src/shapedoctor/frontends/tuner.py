"""KerasTuner's hyperparameters, as the tuner first builds a model with them.

A KerasTuner tuner (``keras_tuner.RandomSearch(build_model, ...)``) calls its hypermodel's ``build(hp)`` in its
own constructor, with a fresh ``keras_tuner.HyperParameters()``: each ``hp.Int/Float/Choice/Boolean/Fixed`` call
there returns the hyperparameter's default (``default=`` when written, else ``min_value`` or the first of
``values``; ``False`` for a Boolean), and a name registered again returns the value it was first given.  A model
that fails to build with those values makes the tuner's constructor raise.  The same values come from
``build_model(keras_tuner.HyperParameters())``, the KerasTuner guide's way to test a build function.  So a build
function is walked with exactly those values: no guess (other trials build other models, which are not
checked).  Signatures and defaults are KerasTuner 1.4's (``keras_tuner/engine/hyperparameters/hp_types``).
"""

from __future__ import annotations

from ..graph import UNKNOWN
from .folding import is_plain

TUNER_PACKAGES = ("keras_tuner", "kerastuner")  # kerastuner: the name before 1.1 (kt-legacy keeps it)

# tuner class -> where its hypermodel is passed: (position, keyword)
_TUNERS = {"RandomSearch": 0, "BayesianOptimization": 0, "Hyperband": 0, "GridSearch": 0, "Tuner": 1}

# method -> its parameters after ``name``, in order (the ones that decide the value)
_PARAMETERS = {
    "Int": ("min_value", "max_value", "step", "sampling", "default"),
    "Float": ("min_value", "max_value", "step", "sampling", "default"),
    "Choice": ("values", "ordered", "default"),
    "Boolean": ("default",),
    "Fixed": ("value",),
}


class HyperParameters:
    """A fresh ``keras_tuner.HyperParameters()``: the values registered on it so far, by name."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.read: list[str] = []  # each name asked for, in order, again when asked again (what a build read)

    def __repr__(self) -> str:
        return "HyperParameters()"


def _from_tuner(qualname: str) -> str | None:
    """The class or function name of a KerasTuner qualname (``kt.engine.hyperparameters.HyperParameters`` ->
    ``HyperParameters``); None for anything else."""
    root, _, rest = qualname.partition(".")
    return rest.rsplit(".", 1)[-1] if root in TUNER_PACKAGES and rest else None


def is_hyperparameters_class(qualname: str) -> bool:
    return _from_tuner(qualname) == "HyperParameters"


def hypermodel_of_tuner(qualname: str, args: list, kwargs: dict):
    """The hypermodel given to a KerasTuner tuner's constructor (a build function or a HyperModel), or None when
    ``qualname`` is not a tuner or none was given."""
    position = _TUNERS.get(_from_tuner(qualname) or "")
    if position is None:
        return None
    if "hypermodel" in kwargs:
        return kwargs["hypermodel"]
    return args[position] if len(args) > position else None


def tuner_hyperparameters(kwargs: dict) -> HyperParameters | None:
    """The HyperParameters a tuner's constructor builds its hypermodel with: a fresh one, or the one given as
    ``hyperparameters=`` (its values override the build function's defaults, and it keeps the build's own
    entries afterwards, as KerasTuner's oracle leaves it); None when one was given that the walk does not know."""
    given = kwargs.get("hyperparameters")
    if given is None:
        return HyperParameters()
    return given if isinstance(given, HyperParameters) else None


def hyperparameter(hp: HyperParameters, method: str, args: list, kwargs: dict):
    """What ``hp.<method>(...)`` returns on a fresh HyperParameters: the default, or the value the name was first
    registered with; UNKNOWN when that cannot be told from the arguments (or for any other method)."""
    if method == "get":
        name = args[0] if args else kwargs.get("name")
        if not isinstance(name, str) or name not in hp.values:
            return UNKNOWN
        hp.read.append(name)
        return hp.values[name]
    parameters = _PARAMETERS.get(method)
    if parameters is None:
        return UNKNOWN
    name = args[0] if args else kwargs.get("name")
    if not isinstance(name, str):
        return UNKNOWN
    given = dict(zip(parameters, args[1:]))
    given.update((k, v) for k, v in kwargs.items() if k in parameters)
    if name not in hp.values:
        value = _default(method, given)
        if value is UNKNOWN:
            return UNKNOWN
        hp.values[name] = value
    hp.read.append(name)
    return hp.values[name]


def _default(method: str, given: dict):
    default = given.get("default")
    if not is_plain(default) and not isinstance(default, list):
        return UNKNOWN
    if method == "Fixed":
        value = given.get("value", UNKNOWN)
        return value if is_plain(value) else UNKNOWN
    if method == "Boolean":
        return bool(default) if default is not None else False
    if default is not None:
        return default
    if method == "Choice":
        values = given.get("values")
        return values[0] if isinstance(values, (list, tuple)) and values and is_plain(values[0]) else UNKNOWN
    low = given.get("min_value")
    if type(low) not in (int, float):
        return UNKNOWN
    return int(low) if method == "Int" else float(low)
