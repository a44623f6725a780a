"""Columns on lines with non-ASCII text before the finding (docs/configuration.md, "Output conventions"): Python's
``ast`` counts UTF-8 bytes; each format counts what its consumer counts.

| format | column |
|---|---|
| text, github | 1-based characters (as ruff) |
| json | 0-based UTF-8 bytes (``col_offset``), ``end_col`` exclusive |
| sarif | 1-based UTF-16 code units (``"columnKind": "utf16CodeUnits"``), ``endColumn`` exclusive |

The fixture ``fixtures/non_ascii_columns.py`` has a layer after a string holding an emoji (4 UTF-8 bytes, 2 UTF-16
units, 1 character), CJK text (3 bytes, 1 unit), ``é`` (2 bytes, 1 unit), and findings of every origin: a shape
rule (the layer's ``ast`` span), the model constructor (incomplete and skipped models: found by a text search on the
line), an unused ``noqa`` comment (found by the tokenizer) and a syntax error (Python's character offset)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from shapedoctor.cli import main

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "non_ascii_columns.py"
LINES = FIXTURE.read_text(encoding="utf-8").splitlines()

# code -> the text the finding starts with (the first line holding it) and the span's text when it is that text
FINDINGS = {
    "SD101": ("layers.Conv1D(8, 3)", "layers.Conv1D(8, 3)"),  # after name="é🙂"
    "SD202": ("keras.Sequential(", None),  # after "日本🙂": the constructor call to the end of the line
    "SD203": ("keras.Model(get_inputs", None),  # after é = "🙂"
    "SD301": ("# noqa: SD105", "# noqa: SD105"),  # after "ü"
}


def position(needle: str) -> tuple[int, int]:
    """(1-based line, 0-based character index) of ``needle``'s first occurrence in the fixture."""
    for number, line in enumerate(LINES, 1):
        if needle in line:
            return number, line.index(needle)
    raise AssertionError(needle)


def utf8(line: int, index: int) -> int:
    return len(LINES[line - 1][:index].encode("utf-8"))


def utf16(line: int, index: int) -> int:
    return len(LINES[line - 1][:index].encode("utf-16-le")) // 2


def end_index(code: str) -> tuple[int, int]:
    """(line, character index) where the finding's span ends: its text, or the end of the constructor's line."""
    needle, span = FINDINGS[code]
    line, start = position(needle)
    return line, start + len(span) if span else len(LINES[line - 1].rstrip())


@pytest.fixture
def checked(tmp_path, monkeypatch, capsys):
    """``shapedoctor check --format FMT`` on a copy of the fixture in the working directory: its stdout."""
    shutil.copy(FIXTURE, tmp_path / "m.py")
    (tmp_path / "bad.py").write_text('label = "éé🙂" + )\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def run(fmt: str, *paths: str) -> str:
        capsys.readouterr()
        code = main(["check", "--isolated", "--report-unused-noqa", "--no-fixes", "--format", fmt,
                     *(paths or ("m.py",))])
        assert code == 1
        return capsys.readouterr().out

    return run


def test_the_fixture_has_non_ascii_text_before_every_finding():
    for code, (needle, _) in FINDINGS.items():
        line, index = position(needle)
        before = LINES[line - 1][:index]
        assert not before.isascii() and utf8(line, index) > index, code
    assert utf16(*position("layers.Conv1D(8, 3)")) == position("layers.Conv1D(8, 3)")[1] + 1  # the emoji: 2 units


def test_text_counts_characters_1_based(checked):
    out = checked("text")
    # the first finding of each code
    found = {code: where for where, code in re.findall(r"^m\.py:(\d+:\d+): (SD\d+)", out, re.M)[::-1]}
    for code, (needle, _) in FINDINGS.items():
        line, index = position(needle)
        assert found[code] == f"{line}:{index + 1}", code


def test_json_counts_utf8_bytes_0_based(checked):
    diagnostics = json.loads(checked("json"))["files"][0]["diagnostics"]
    by_code = {d["code"]: d for d in reversed(diagnostics)}
    for code, (needle, _) in FINDINGS.items():
        line, index = position(needle)
        end_line, end = end_index(code)
        d = by_code[code]
        assert (d["line"], d["col"], d["end_line"], d["end_col"]) == \
            (line, utf8(line, index), end_line, utf8(end_line, end)), code
    layers = {layer["type"]: layer for layer in json.loads(checked("json"))["files"][0]["models"][0]["layers"]}
    assert layers["Conv1D"]["col"] == utf8(*position("layers.Conv1D(8, 3)"))


def test_github_counts_characters_1_based(checked):
    found = {}
    for match in re.finditer(r"^::\w+ file=m\.py,line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=(SD\d+)",
                             checked("github"), re.M):
        found.setdefault(match.group(5), tuple(int(g) for g in match.groups()[:4]))
    for code, (needle, _) in FINDINGS.items():
        line, index = position(needle)
        end_line, end = end_index(code)
        assert found[code] == (line, end_line, index + 1, end + 1), code


def test_sarif_counts_utf16_code_units_1_based_and_says_so(checked):
    run = json.loads(checked("sarif"))["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    found = {}
    for result in run["results"]:
        found.setdefault(result["ruleId"], result["locations"][0]["physicalLocation"]["region"])
    for code, (needle, _) in FINDINGS.items():
        line, index = position(needle)
        end_line, end = end_index(code)
        assert found[code] == {"startLine": line, "startColumn": utf16(line, index) + 1, "endLine": end_line,
                               "endColumn": utf16(end_line, end) + 1}, code


def test_a_syntax_error_after_non_ascii_text(checked):
    # Python's SyntaxError.offset counts characters: `)` is character 16 (0-based), byte 21, UTF-16 unit 17
    assert checked("text", "bad.py").startswith("bad.py:1:17: SD901 [parse-error]")
    (d,) = json.loads(checked("json", "bad.py"))["files"][0]["diagnostics"]
    assert (d["line"], d["col"]) == (1, 21)
    assert ",line=1,endLine=1,col=17,endColumn=17," in checked("github", "bad.py")
    region = json.loads(checked("sarif", "bad.py"))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert region["region"] == {"startLine": 1, "startColumn": 18}


def test_notebook_positions_in_the_ipynb_text(tmp_path, monkeypatch, capsys):
    """A notebook: SARIF (UTF-16) and GitHub (characters) point into the .ipynb file's JSON text, where the
    non-ASCII characters are stored as they are (nbformat writes them unescaped)."""
    cell = ["import keras", "from keras import layers", "y = keras.Input((64,))",
            'x = layers.Dense(3, name="é🙂")(layers.Conv1D(8, 3)(y))', "model = keras.Model(y, x)"]
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                           "source": [line + "\n" for line in cell[:-1]] + cell[-1:]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    raw = json.dumps(notebook, indent=1, ensure_ascii=False)
    (tmp_path / "nb.ipynb").write_text(raw, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    raw_lines = raw.splitlines()
    json_line = next(n for n, line in enumerate(raw_lines, 1) if "layers.Conv1D(8, 3)" in line)
    index = raw_lines[json_line - 1].index("layers.Conv1D(8, 3)")
    units = len(raw_lines[json_line - 1][:index].encode("utf-16-le")) // 2

    def run(fmt: str) -> str:
        capsys.readouterr()
        main(["check", "--isolated", "--no-fixes", "--format", fmt, "nb.ipynb"])
        return capsys.readouterr().out

    cell_index = cell[3].index("layers.Conv1D(8, 3)")
    assert run("text").startswith(f"nb.ipynb:cell 1:4:{cell_index + 1}: SD101")
    region = json.loads(run("sarif"))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (json_line, units + 1)
    assert f",line={json_line},endLine={json_line},col={index + 1},endColumn={index + 20}," in run("github")
