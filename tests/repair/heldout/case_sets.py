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


# ------------------------------------------------------------------ what each set's test checks
def run(harness: ModuleType, tmp_path_factory, name: str) -> dict:
    """The whole measurement of a set, saved as JSON beside the test's temporary files, its table printed."""
    import json

    out = harness.evaluate(timeout=180)
    path = tmp_path_factory.mktemp(name) / f"{name}.json"
    path.write_text(json.dumps(out, indent=1))
    print("\n" + harness.format_table(out["summary"]) + f"\n(full result: {path})")
    return out


def check_manifest(harness: ModuleType, min_cases: int) -> list[dict]:
    """Every entry cites a report, names its file (and every case file is listed), a known class and builder,
    the reported error, notes, a marked mistake line; shapes are written with their batch axis first."""
    import re

    cases = harness.load_manifest()
    assert len(cases) >= min_cases
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids)
    for c in cases:
        assert re.match(r"https://\S+$", c.get("source", "")), c["id"]
        path = harness.HERE / c["file"]
        assert path.is_file(), c["file"]
        assert path.name.startswith(c["id"] + "_"), c["file"]
        assert c["class"] in harness.CLASSES, c["class"]
        assert c.get("builder", "module") in ("module", "function")
        assert c.get("reported_error"), c["id"]
        assert c.get("notes"), c["id"]
        assert harness.mistake_lines(path.read_text(encoding="utf-8")), f"{c['file']} marks no mistake line"
        for key in ("target_shape", "data_shape"):
            if key in c:
                assert harness.parse_shape(c[key])[0] is None, (c["id"], key)
        if c.get("labels") == "sparse":
            assert c.get("target_shape"), c["id"]
    listed = {(harness.HERE / c["file"]).name for c in cases}
    on_disk = {p.name for p in (harness.HERE / "cases").glob("*.py")}
    assert on_disk == listed, on_disk ^ listed
    return cases


def check_coverage(harness: ModuleType, per_class: int, builders: int, uncovered: set[str]) -> None:
    cases = harness.load_manifest()
    for cls in harness.CLASSES:
        if cls in uncovered:
            continue
        assert sum(c["class"] == cls for c in cases) >= per_class, cls
    assert sum(c.get("builder") == "function" for c in cases) >= builders


def check_sources_independent(harness: ModuleType, others: list[str]) -> None:
    """No source of the sets named in ``others`` (directories beside this set's), nor of a development set
    (tests/repair/dev*/), is reused."""
    here = harness.HERE
    manifests = [here.parent / name / "manifest.toml" for name in others]
    manifests += sorted(here.parent.glob("dev*/manifest.toml"))
    used = set()
    for manifest in manifests:
        used |= {c["source"] for c in harness.load_manifest(manifest)}
    norm = lambda u: u.rstrip("/").lower()  # noqa: E731
    used = {norm(u) for u in used}
    mine = [norm(c["source"]) for c in harness.load_manifest()]
    assert len(set(mine)) == len(mine)
    assert not used & set(mine), used & set(mine)


def check_originals_fail(result: dict) -> None:
    passing = [(r["id"], r["keras"]["original"]) for r in result["cases"] if not r["original_fails"]]
    assert not passing, f"not broken in real Keras: {passing}"


def check_built_rate(harness: ModuleType, result: dict, bar: float = 0.90) -> None:
    total = result["summary"]["total"]
    failing = [r["id"] for r in result["cases"] if not r["built"]]
    assert total["built"] / total["total"] >= bar, (
        f"built {total['built']}/{total['total']}; not built: {failing}\n" + harness.format_table(result["summary"]))
