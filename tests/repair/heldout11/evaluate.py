"""Eleventh held-out set: the first harness (tests/repair/heldout/evaluate.py) pointed at this directory
(tests/repair/heldout/case_sets.py).

Usage (from the repository root, with Keras installed):

    KERAS_BACKEND=torch python tests/repair/heldout11/evaluate.py [--set DIR] [-v] [--json OUT.json] \\
        [--cases 01,07] [--timeout S] [--originals-only] [--with-data-shape]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("heldout_case_sets",
                                               Path(__file__).resolve().parents[1] / "heldout" / "case_sets.py")
case_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(case_sets)
harness = case_sets.harness_for(Path(__file__).resolve().parent, "heldout11_harness")

if __name__ == "__main__":
    sys.exit(case_sets.main(harness))
