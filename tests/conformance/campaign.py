"""Running many cases (seeded, reproducible) and summarising agreement.

``run(n, seed)`` draws ``n`` cases from :func:`generator.cases` with hypothesis (generate
phase only, no shrinking, no example database: the same seed gives the same cases) and
checks each against Keras.  ``shrink(signature, seed)`` asks hypothesis for a minimal
case showing one kind of disagreement, for a regression fixture.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import find as hfind
from hypothesis import seed as hseed

from .case import FAMILY_OF
from .compare import Outcome, check_case
from .generator import cases

_QUIET = {"database": None, "deadline": None, "suppress_health_check": list(HealthCheck), "print_blob": False}


@dataclass
class Campaign:
    outcomes: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def disagreements(self) -> list:
        return [o for o in self.outcomes if not o.agree]

    def rate(self) -> float:
        return self.n and (self.n - len(self.disagreements)) / self.n

    def by_kind(self) -> dict:
        """Keras verdict kind ('valid' for success) -> [cases, agreeing]."""
        table = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            row = table[o.keras_kind]
            row[0] += 1
            row[1] += o.agree
        return dict(table)

    def by_family(self) -> dict:
        """Family -> [cases containing it, agreeing, invalid (Keras), layers compared, layers agreeing].

        A layer agrees when both sides give it the same output shape (or both fail at it).
        """
        table = defaultdict(lambda: [0, 0, 0, 0, 0])
        for o in self.outcomes:
            for fam in o.case.families():
                row = table[fam]
                row[0] += 1
                row[1] += o.agree
                row[2] += o.keras.error_index is not None
            first_bad = _first_bad_node(o)
            last = o.keras.error_index if o.keras.error_index is not None else len(o.case.layers)
            for i in range(1, last + 1):
                fam = FAMILY_OF.get(o.case.layers[i - 1].type, "other")
                table[fam][3] += 1
                table[fam][4] += first_bad is None or i < first_bad
        return dict(table)

    def by_intent(self) -> dict:
        table = defaultdict(Counter)
        for o in self.outcomes:
            table[o.case.intent][o.keras_kind] += 1
        return {k: dict(v) for k, v in table.items()}

    def signatures(self) -> Counter:
        return Counter(o.signature for o in self.disagreements)


def _first_bad_node(o: Outcome) -> int | None:
    if o.agree:
        return None
    nodes = []
    if o.keras.error_index is not None or o.ours.error_index not in (None, -1):
        nodes += [x for x in (o.keras.error_index, o.ours.error_index) if x not in (None, -1)]
    for i, (a, b) in enumerate(zip(o.keras.shapes, o.ours.shapes)):
        if (tuple(a) if not isinstance(a, list) else a) != (tuple(b) if isinstance(b, tuple) else b):
            nodes.append(i)
            break
    return min(nodes) if nodes else 0


def run(n: int, seed: int = 0, exec_every: int = 0, strategy=None, progress=None, forward: bool = False) -> Campaign:
    """Check ``n`` cases; ``exec_every`` k > 0 also runs every k-th rendered source in Keras; ``forward``: the
    oracle also runs every case Keras builds on one small batch (compare.compare's forward mode)."""
    campaign = Campaign()
    strategy = strategy if strategy is not None else cases()
    counter = [0]

    @hseed(seed)
    @settings(max_examples=n, phases=[Phase.generate], **_QUIET)
    @given(strategy)
    def body(case):
        counter[0] += 1
        with_exec = exec_every > 0 and counter[0] % exec_every == 0
        campaign.outcomes.append(check_case(case, with_exec=with_exec, forward=forward))
        if progress and counter[0] % 500 == 0:
            progress(campaign)

    start = time.perf_counter()
    body()
    campaign.seconds = time.perf_counter() - start
    return campaign


def shrink(signature: str, seed: int = 0, max_examples: int = 20000, strategy=None, family: str | None = None,
           forward: bool = False):
    """A minimal case (hypothesis shrinking) whose first disagreement has ``signature``."""
    strategy = strategy if strategy is not None else cases()

    def bad(case) -> bool:
        o = check_case(case, forward=forward)
        if o.signature != signature:
            return False
        return family is None or family in o.problems[0]

    import random

    return hfind(strategy, bad, settings=settings(max_examples=max_examples, **_QUIET), random=random.Random(seed))
