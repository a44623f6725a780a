"""The first harness (evaluate.py beside this file) pointed at another case set: the later held-out sets and the
development sets each have a directory with manifest.toml and cases/, and an evaluate.py of a few lines that calls
``harness_for(its directory)``.  The measurement (found / fixed / built, one Keras subprocess, ``fix --pick 1``) is
the first harness's own: it is loaded afresh for each set, never copied, and only its case directory and manifest
path are re-pointed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FIRST = Path(__file__).resolve().parent / "evaluate.py"


def harness_for(directory: str | Path, name: str) -> ModuleType:
    """A copy of the first harness, imported as ``name``, reading ``directory``'s manifest and cases."""
    spec = importlib.util.spec_from_file_location(name, FIRST)
    harness = importlib.util.module_from_spec(spec)
    sys.modules[name] = harness
    spec.loader.exec_module(harness)
    point_at(harness, directory)
    return harness


def point_at(harness: ModuleType, directory: str | Path) -> Path:
    d = Path(directory).resolve()
    manifest = d / "manifest.toml"
    if not manifest.is_file():
        raise SystemExit(f"no manifest.toml in {d}")
    read = harness.read_manifest
    harness.HERE, harness.MANIFEST = d, manifest
    harness.load_manifest = lambda path=None: read(path or manifest)
    return d


def main(harness: ModuleType, argv: list[str] | None = None) -> int:
    """The first harness's command line, plus ``--set DIR`` (another directory); no ``--reference``: only the
    first set has hand-written repairs."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--set" in argv:
        i = argv.index("--set")
        point_at(harness, argv[i + 1])
        del argv[i:i + 2]
    if "--reference" in argv:
        raise SystemExit("--reference: this set has no hand-written repairs")
    return harness.main(argv)
