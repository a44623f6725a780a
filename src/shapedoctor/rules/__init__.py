"""Shape rules, one module per layer family; importing this package registers them all."""

from . import core, conv, pooling, reshaping  # noqa: F401  (registration side effects)
from .base import ALIASES, RULES, LayerCall, ShapeProblem, Unresolved, apply_rule, canonical_type, map_arguments

for _family in ("recurrent", "merging", "normalization", "wrappers", "embedding"):
    try:
        __import__(f"{__name__}.{_family}")
    except ModuleNotFoundError as exc:  # family not written yet
        if exc.name != f"{__name__}.{_family}":
            raise

__all__ = ["ALIASES", "RULES", "LayerCall", "ShapeProblem", "Unresolved", "apply_rule", "canonical_type",
           "map_arguments"]
