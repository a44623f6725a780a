"""Fourth held-out evaluation: the harness of tests/repair/heldout/evaluate.py, pointed at this directory.

Usage (from the repository root, with Keras installed):

    KERAS_BACKEND=torch python tests/repair/heldout4/evaluate.py [--set DIR] [-v] [--json OUT.json] \
        [--cases 01,07] [--timeout S] [--originals-only]

`--set DIR` names the directory holding manifest.toml and cases/ (default: this directory).  Every other option
is the first harness's, and so is the measurement (found / fixed / built, one Keras subprocess, `fix --pick 1`):
the first harness is imported, not copied, and only its case directory and manifest path are re-pointed.  The
first harness's file is not changed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FIRST = HERE.parent / "heldout" / "evaluate.py"

_spec = importlib.util.spec_from_file_location("heldout4_evaluate_base", _FIRST)
base = importlib.util.module_from_spec(_spec)
sys.modules["heldout4_evaluate_base"] = base
_spec.loader.exec_module(base)

_base_load_manifest = base.load_manifest
CLASSES = base.CLASSES
MARKER = base.MARKER
parse_shape = base.parse_shape
mistake_lines = base.mistake_lines
format_table = base.format_table
summarise = base.summarise


def use_set(directory: str | Path) -> Path:
    """Re-points the first harness at `directory` (manifest.toml + the files it lists)."""
    d = Path(directory).resolve()
    manifest = d / "manifest.toml"
    if not manifest.is_file():
        raise SystemExit(f"no manifest.toml in {d}")
    base.HERE = d
    base.MANIFEST = manifest
    base.load_manifest = lambda path=None: _base_load_manifest(path or manifest)
    return d


def load_manifest(path: Path | None = None) -> list[dict]:
    return _base_load_manifest(path or (HERE / "manifest.toml"))


def evaluate(case_ids=None, timeout: int = 120, jobs: int = 2, with_shapedoctor: bool = True,
             set_dir: str | Path = HERE) -> dict:
    use_set(set_dir)
    return base.evaluate(case_ids, timeout, jobs, with_shapedoctor=with_shapedoctor, reference=False)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_dir: str | Path = HERE
    if "--set" in argv:
        i = argv.index("--set")
        set_dir = argv[i + 1]
        del argv[i:i + 2]
    if "--reference" in argv:
        raise SystemExit("--reference: this set has no hand-written repairs")
    use_set(set_dir)
    return base.main(argv)


if __name__ == "__main__":
    sys.exit(main())
