"""``--format sarif``: valid against the official OASIS SARIF 2.1.0 schema (``data/sarif-schema-2.1.0.json``, see
``data/README.md``), with a Draft 7 validator and format checking on (``uri``, ``uri-reference``, ``date-time``),
on awkward paths; relative URIs under ``%SRCROOT%``; rules documented; fixes as SARIF ``fixes`` whose
replacements, applied to the file, give what ``shapedoctor fix`` writes; no duplicate results; notebook regions
in the ``.ipynb`` file's own text."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

import shapedoctor
from shapedoctor.kinds import KINDS
from shapedoctor.repair.rewrite import apply_edits
from shapedoctor.report.sarif import help_uri, sarif_log, uri_reference

jsonschema = pytest.importorskip("jsonschema")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMA = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text())
BROKEN = ROOT / "examples" / "seed_1_broken_conv_after_dense.py"
MAGICS = HERE / "fixtures" / "magics.ipynb"

# One line, non-ASCII before the error: columns must be converted from UTF-8 bytes to UTF-16 code units.
ONE_LINE = ('from keras import Sequential\nfrom keras.layers import Dense, Conv1D, Input\n'
            'model = Sequential([Input((50,)), Dense(64, name="d\u00e9nse\U0001F600"), Conv1D(32, 3)])\n')
AWKWARD = ["my model.py", "100%.py", "#hash.py", "\u00fcn\u00ef c\u00f6d\u00e9 \U0001F600.py", "c:model.py",
           "nested/dir/deep model.py", "a?b&c=d.py", "nb dir/nb #1.ipynb"]


def validator():
    return jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def schema_errors(log) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in sorted(validator().iter_errors(log), key=lambda e: list(e.absolute_path))]


def run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


@pytest.fixture
def tree(tmp_path):
    for name in AWKWARD:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".ipynb"):
            shutil.copy(MAGICS, path)
        else:
            path.write_text(ONE_LINE if "\U0001F600" in name else BROKEN.read_text(), encoding="utf-8")
    return tmp_path


def test_the_schema_is_the_oasis_one_and_the_validator_checks_formats():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    # Without a URI library installed, jsonschema accepts any string as a URI: these would pass silently.
    assert not checker.conforms("my model.py", "uri-reference") and not checker.conforms("relative/x.py", "uri")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{
        "message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "my model.py"}, "region": {"startLine": 1, "startColumn": 0}}}]}]}]}
    assert len(schema_errors(bad)) == 2  # the unencoded space, the 0 column


def test_awkward_paths_validate_and_are_percent_encoded_relative_uris(tree):
    proc = run("check", "--format", "sarif", ".", cwd=tree)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    assert schema_errors(log) == []
    run_ = log["runs"][0]
    assert run_["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tree.as_uri() + "/"}}
    assert run_["columnKind"] == "utf16CodeUnits"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_["results"]]
    assert all(loc["uriBaseId"] == "%SRCROOT%" for loc in locations)
    uris = {loc["uri"] for loc in locations}
    assert {unquote(uri) for uri in uris} == set(AWKWARD)
    assert {"my%20model.py", "100%25.py", "%23hash.py", "c%3Amodel.py", "nested/dir/deep%20model.py",
            "a%3Fb%26c%3Dd.py", "nb%20dir/nb%20%231.ipynb",
            "%C3%BCn%C3%AF%20c%C3%B6d%C3%A9%20%F0%9F%98%80.py"} == uris
    assert all(re.fullmatch(r"[A-Za-z0-9\-._~/%]+", uri) for uri in uris)


def test_rules_are_documented_with_a_working_help_uri():
    log = sarif_log(shapedoctor.check_file(str(BROKEN)))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    # docs/kinds.md is this output (a test in tests/engine/test_cli.py keeps it so)
    markdown = run("explain", "--markdown", cwd=ROOT).stdout
    anchors = {_github_anchor(line[3:]) for line in markdown.splitlines() if line.startswith("## ")}
    assert [r["id"] for r in rules] == [kind.code for kind in KINDS.values()]
    for rule in rules:
        assert rule["shortDescription"]["text"].endswith(".") and len(rule["shortDescription"]["text"]) < 300
        assert rule["fullDescription"]["text"].startswith(rule["shortDescription"]["text"])
        assert rule["help"]["markdown"].startswith("## What it does") and rule["help"]["text"]
        assert rule["helpUri"].split("#")[1] in anchors, rule["helpUri"]
    rank = next(r for r in rules if r["id"] == "SD101")
    assert rank["shortDescription"]["text"].startswith("Finds a layer fed a tensor of the wrong rank")
    assert "expected min_ndim=3" in rank["fullDescription"]["text"]
    assert help_uri(shapedoctor.check_file(str(BROKEN)).diagnostics[0].kind).endswith("#sd101-rank-error")


def _github_anchor(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation other than - and _ dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _apply_sarif(text: str, replacements: list[dict]) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:  # 1-based line, 1-based UTF-16 column
        content, units, i = lines[line - 1] if line <= len(lines) else "", 0, 0
        while units < column - 1:
            units += 2 if ord(content[i]) > 0xFFFF else 1
            i += 1
        return starts[line - 1] + i

    spans = []
    for r in replacements:
        region = r["deletedRegion"]
        spans.append((offset(region["startLine"], region["startColumn"]),
                      offset(region["endLine"], region["endColumn"]), r["insertedContent"]["text"]))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.parametrize("name", ["one_line.py", "broken.py"])
def test_fixes_are_sarif_fixes_that_rewrite_the_file_as_shapedoctor_does(tmp_path, name):
    path = tmp_path / name
    text = ONE_LINE if name == "one_line.py" else BROKEN.read_text()
    path.write_text(text, encoding="utf-8")
    report = shapedoctor.check_file(str(path))
    (d,) = [d for d in report.diagnostics if d.severity == "error"]
    log = sarif_log(report, root=str(tmp_path))
    assert schema_errors(log) == []
    (result,) = log["runs"][0]["results"]
    assert len(result["fixes"]) == len(d.fixes) > 1
    for fix, ours in zip(result["fixes"], d.fixes):
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == {"uri": name, "uriBaseId": "%SRCROOT%"}
        assert fix["description"]["text"] == f"fix {ours.rank}: {ours.title}"
        assert _apply_sarif(text, change["replacements"]) == apply_edits(text, ours.edits)
    region = result["locations"][0]["physicalLocation"]["region"]
    line = text.splitlines()[region["startLine"] - 1]
    utf16 = line.encode("utf-16-le")
    span = utf16[2 * (region["startColumn"] - 1):2 * (region["endColumn"] - 1)].decode("utf-16-le")
    assert span.startswith("Conv1D(32, 3") and span.endswith(")")  # the whole `Conv1D(...)` call


def test_start_column_is_one_based(tmp_path):
    (tmp_path / "bad.py").write_text("model = Sequential([\n")  # a parse error at line 2, column 0
    (tmp_path / "ok.py").write_text(BROKEN.read_text())
    log = json.loads(run("check", "--format", "sarif", "bad.py", "ok.py", cwd=tmp_path).stdout)
    assert schema_errors(log) == []
    regions = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]:
               r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]}
    report = shapedoctor.check_file(str(tmp_path / "bad.py"))
    assert regions["bad.py"]["startColumn"] == report.diagnostics[0].col + 1 >= 1
    assert regions["ok.py"]["startColumn"] == 5  # `    Conv1D(`: ast column 4


def test_overlapping_path_arguments_give_no_duplicate_results(tree):
    once = json.loads(run("check", "--format", "sarif", ".", cwd=tree).stdout)
    twice = json.loads(run("check", "--format", "sarif", ".", "nested", "nested/dir/deep model.py",
                           "./my model.py", cwd=tree).stdout)
    assert schema_errors(twice) == []
    keys = [json.dumps(r, sort_keys=True) for r in twice["runs"][0]["results"]]
    assert len(keys) == len(set(keys)) == len(once["runs"][0]["results"])


def test_notebook_region_is_in_the_ipynb_text(tmp_path):
    """A SARIF region is a place in the artifact; the joined cells are not the file.  The region is where the
    finding's code is stored in the notebook's JSON: the line holding that source line, columns inside it."""
    for indent, name in ((1, "jupyter.ipynb"), (None, "one_line.ipynb")):
        data = json.loads(MAGICS.read_text())
        if indent is None:  # source as one string per cell, the whole notebook on one line: escapes everywhere
            for cell in data["cells"]:
                cell["source"] = "".join(cell["source"])
        path = tmp_path / name
        raw = json.dumps(data, indent=indent, ensure_ascii=False)
        path.write_text(raw, encoding="utf-8")
        log = sarif_log(shapedoctor.check_file(str(path)), root=str(tmp_path))
        assert schema_errors(log) == []
        (result,) = log["runs"][0]["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        line = raw.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "layers.Conv1D(32, 3)"
        assert result["properties"]["cell"] == 6 and result["properties"]["cellLine"] == 5
        assert result["properties"]["cellColumn"] == 5
        assert result["message"]["text"].splitlines()[1] == "in cell 6, line 5"
        assert "fixes" not in result and len(result["properties"]["fixes"]) == 5  # listed, never applied
    assert (indent, region["startLine"]) == (None, 1)


def test_file_outside_the_root_gets_an_absolute_file_uri(tmp_path):
    (tmp_path / "in").mkdir()
    outside = tmp_path / "out side.py"
    outside.write_text(BROKEN.read_text())
    log = sarif_log(shapedoctor.check_file(str(outside)), root=str(tmp_path / "in"))
    assert schema_errors(log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": outside.as_uri()} and "%20" in location["uri"]


def test_uri_reference_encoding():
    assert uri_reference("c:model.py") == "c%3Amodel.py"  # else "c" reads as a URI scheme
    assert uri_reference("a/b c/100%#1.py") == "a/b%20c/100%25%231.py"
    assert uri_reference("caf\u00e9.py") == "caf%C3%A9.py"
    assert uri_reference(os.fsdecode(b"bad\xff.py")) == "bad%FF.py"  # an undecodable file name: its bytes
