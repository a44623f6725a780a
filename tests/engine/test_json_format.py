"""The JSON writer: the same document as json.dumps, indented down to the leaves, one leaf object per line."""

import json

from shapedoctor.report.json_format import dumps

DOCUMENT = {
    "version": 1,
    "files": [
        {"path": "a b/ü.py", "models": [], "diagnostics": [
            {"line": 3, "fixes": [{"title": "insert Reshape((8, 8))", "edits": [[1, 2, "x\n\"y\""]]}]}]},
        {"path": "c.py", "models": [{"layers": [{"name": "dense", "output_shape": [None, 8]}], "complete": True}]},
    ],
    "empty": {}, "none": None, "nan_free": 1.5,
}


def test_same_document_as_json_dumps():
    assert json.loads(dumps(DOCUMENT)) == DOCUMENT
    assert json.loads(dumps(DOCUMENT, depth=0)) == DOCUMENT
    assert json.loads(dumps(DOCUMENT, depth=50)) == json.loads(json.dumps(DOCUMENT, indent=2))


def test_deep_levels_are_indented_like_json_dumps():
    assert dumps(DOCUMENT, depth=50) == json.dumps(DOCUMENT, indent=2)


def test_leaves_are_one_line_each():
    report = {"files": [{"models": [{"layers": [{"name": "a", "shape": [None, 2]}, {"name": "b"}]}]}]}
    lines = dumps(report).splitlines()  # report > files > file > models > model > layers > one line per layer
    assert '            {"name": "a", "shape": [null, 2]},' in lines
    assert '            {"name": "b"}' in lines
    assert len(lines) == 14


def test_ascii_only_like_json_dumps():
    assert "\\u00fc" in dumps(DOCUMENT) and "ü" not in dumps(DOCUMENT)
