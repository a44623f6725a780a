"""When the cyclic garbage collector runs while ``check`` goes through its files one after another: once after
each file, and otherwise only for a file that allocates a great deal.

A file's walk leaves reference cycles (a scope and the functions defined in it, which point back to it): garbage
only a collection frees.  With the thresholds ``cli`` sets for every command, collections ran every 2,000 new
objects in the middle of each walk and scanned the walk's live objects (syntax tree, graphs) again and again.
Collecting the young generations once per file finds the same garbage with one scan of that file's objects:
0.2 s less CPU on the keras-io corpus (benchmarks/corpus_vs_pyflakes.py) and a lower peak of memory.  The high
thresholds stay as a net for a single huge file: a young collection every 50,000 objects, not 10,000, whose
survivors the collection after the file scans again (on keras-io 10,000 ran 35 of them mid-walk, 42 ms, freeing
1,600 objects in all; the peak of memory is the same).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TypeVar

PER_FILE_THRESHOLDS = (50_000, 1_000, 1_000)

R = TypeVar("R")


def one_file_at_a_time(check: Callable[..., R], calls: Iterable[tuple]) -> list[R]:
    """``[check(*args) for args in calls]``, collecting the garbage each call left before the next one.

    The thresholds stay set when it returns (``cli`` gives a caller of ``main`` its own back): lower ones, with a
    collection of the middle generation counted per file, would make the next few allocations run a full
    collection of every report made (0.2 s on the keras-io corpus) just before the process ends."""
    gc.set_threshold(*PER_FILE_THRESHOLDS)
    results = []
    for args in calls:
        results.append(check(*args))
        gc.collect(1)
    return results
