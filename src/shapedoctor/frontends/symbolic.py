"""Inputs whose rank the source does not say: settle it from the layers that consume them.

``Input(shape=input_shape)`` with ``input_shape`` a parameter, or ``x_train.shape[1:]`` of data that
cannot be folded, has named sizes but no known rank. The rank is the one the model's own layers accept
(a ``Conv1D`` first needs ``(batch, steps, channels)``): each rank from 1 to 4 non-batch axes is tried
and the smallest one that builds is kept; no axis at all (one value per sample) only when none of them builds. A finding remains only when every rank fails, so it holds
whatever the data turns out to be; sizes stay symbols, so a finding never depends on a guessed size.
"""

from __future__ import annotations

import re

from ..graph import ModelGraph
from ..infer import infer
from ..shapes import Symbol
from .values import SymbolicShape

MAX_RANK = 4  # non-batch axes: Conv3D's (depth, height, width, channels)


def settle_symbolic_inputs(graph: ModelGraph) -> dict[SymbolicShape, int]:
    """Each input shape of unknown rank settled in ``graph``; the rank each got."""
    # Inputs made from the same shape (``Input(shape=image_shape)`` twice, a pix2pix discriminator's source and
    # target images) have the same rank: settled together, as one
    groups: dict[SymbolicShape, list] = {}
    for node in graph.nodes:
        if node.type != "InputLayer":
            continue
        key = next((k for k in ("shape", "batch_shape") if isinstance(node.args.get(k), SymbolicShape)), None)
        if key is not None:
            groups.setdefault(node.args[key], []).append(
                (node, {k: v for k, v in node.args.items() if k not in ("shape", "batch_shape")}))
    ranks: dict[SymbolicShape, int] = {}
    # Each group is settled with the others as they stand; with several (a model fed [image, mask]) that do not
    # build together, each is settled again once the others have ranks, until no rank changes: a merge of two of
    # them can only be judged when both are known.
    for attempt in range(max(len(groups), 1)):
        if attempt and not _fails(graph):
            break
        changed = False
        for symbolic, members in groups.items():
            rank = _settle(graph, members, symbolic)
            changed |= ranks.get(symbolic) != rank
            ranks[symbolic] = rank
        if not changed:
            break
    return ranks


def build_score(inference) -> tuple[bool, int]:
    """How well a model builds: (no error or warning, how many layers have a shape)."""
    return (not any(d.severity in ("error", "warning") for d in inference.diagnostics),
            sum(1 for r in inference.results if r.status == "ok"))


def _fails(graph: ModelGraph) -> bool:
    return not build_score(infer(graph))[0]


def _settle(graph: ModelGraph, members: list, symbolic: SymbolicShape) -> int:
    """The smallest rank of ``symbolic`` that the model builds with (the best one when none does), and no
    smaller than the sizes the model's own code reads from it (``Reshape((input_shape[0], input_shape[1], 1))``
    reads two axes).  ``members``: (input node, its other arguments) of each input of that shape."""
    best = None
    least = _axes_read(graph, symbolic)
    # rank 0 (one value per sample: a string fed to a text encoder, a scalar id) only when no rank with axes
    # builds: a model that takes any rank is not thought to take scalars
    for rank in (*range(max(least, 1), MAX_RANK + 1), *((0,) if not least else ())):
        if rank == 0 and best[0][0]:
            break
        for node, base in members:
            node.args = {**base, "shape": symbolic.dims(rank)}
        inference = infer(graph)
        clean, built = build_score(inference)
        score = (clean, built, -rank)
        if best is None or score > best[0] and (rank > 0 or clean):
            best = (score, rank)
        if clean and built == len(inference.results):
            break  # every layer builds: a higher rank could only tie, and the smaller rank wins ties
    for node, base in members:
        node.args = {**base, "shape": symbolic.dims(best[1])}
    return best[1]


def _axes_read(graph: ModelGraph, symbolic: SymbolicShape) -> int:
    """How many axes the shape must have for the sizes of it that layers' arguments name (``input_shape[1]``)."""
    pattern = re.compile(r"(?<![\w.])" + re.escape(symbolic.base) + r"\[(\d+)\]")
    least = 0
    stack = [value for n in graph.nodes for value in n.args.values()]
    while stack:
        value = stack.pop()
        if isinstance(value, Symbol):
            for found in pattern.finditer(value.name):
                least = max(least, int(found.group(1)) - symbolic.offset + 1)
        elif isinstance(value, (tuple, list)):
            stack.extend(value)
    return min(least, MAX_RANK)
