"""SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), valid against the OASIS schema.

* Files are ``artifactLocation``s relative to ``%SRCROOT%`` (the working directory, given in the run's
  ``originalUriBaseIds``), percent-encoded per RFC 3986 (spaces, ``%``, ``#``, ``:``, non-ASCII as UTF-8);
  a file outside that directory gets an absolute ``file://`` URI.
* Lines and columns are 1-based; columns count UTF-16 code units (``columnKind``), as GitHub code scanning
  and editors read them (shapedoctor's own columns are Python's UTF-8 byte offsets: converted here).
* Each rule has ``shortDescription``, ``fullDescription``, ``help`` (text and Markdown) and ``helpUri``
  (its section of docs/kinds.md).
* Each fix that has source edits is a SARIF ``fix`` (``artifactChanges`` / ``replacements`` with a
  ``deletedRegion`` and ``insertedContent``); every ranked fix title is also in the result's
  ``properties.fixes``.
* A finding in a notebook: the region is where that code is stored in the ``.ipynb`` file's JSON text (a
  SARIF region is a place in the artifact itself, and the joined cells are not the file): with nbformat's
  usual layout, the JSON line holding that source line, the columns those of the characters inside that JSON
  string.  The cell as the user sees it is in the result's ``properties`` (``cell``, ``cellLine``,
  ``cellColumn``) and in the message ("in cell 4, line 2").
* The same finding reported twice (a file named twice on the command line) is one result.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..kinds import KINDS, Kind
from . import full_message
from .positions import UTF16, Positions

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/shapedoctor/shapedoctor"
KINDS_DOC_URI = INFORMATION_URI + "/blob/main/docs/kinds.md"
SRCROOT = "%SRCROOT%"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


# ----------------------------------------------------------------------------------- rules
def _sections(doc: str) -> dict[str, str]:
    """A kind's docstring (``## What it does`` ... ) -> {heading: text}."""
    out: dict[str, str] = {}
    for block in re.split(r"^## ", doc, flags=re.M):
        if block.strip():
            heading, _, body = block.partition("\n")
            out[heading.strip()] = body.strip()
    return out


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", flat)
    return match.group(1) if match else flat


def help_uri(kind: Kind) -> str:
    """The kind's section of docs/kinds.md (GitHub's anchor for the heading "SD101 `rank` (error)")."""
    return f"{KINDS_DOC_URI}#{kind.code.lower()}-{kind.name}-{kind.severity}"


def rule(kind: Kind) -> dict:
    sections = _sections(kind.doc)
    what = sections.get("What it does", kind.name)
    why = sections.get("Why is this bad?", "")
    full = " ".join(what.split()) + (" " + " ".join(why.split()) if why else "")
    return {
        "id": kind.code, "name": kind.name,
        "shortDescription": {"text": _first_sentence(what)},
        "fullDescription": {"text": full},
        "help": {"text": kind.doc, "markdown": kind.doc},
        "helpUri": help_uri(kind),
        "defaultConfiguration": {"level": _LEVEL[kind.severity]},
        "properties": {"tags": ["keras", "shape"]},
    }


# ----------------------------------------------------------------------------------- locations
def uri_reference(path: str) -> str:
    """A relative path as an RFC 3986 relative reference: '/'-separated, every other reserved or non-ASCII
    character percent-encoded (``my model #2.py`` -> ``my%20model%20%232.py``; ``c:x.py`` -> ``c%3Ax.py``, which
    would otherwise read as a URI scheme)."""
    return quote(os.fsencode(Path(path).as_posix()), safe="/")


def file_uri(path: str) -> str:
    """An absolute ``file://`` URI for ``path``."""
    return Path(os.path.abspath(path)).as_uri()


def root_uri(root: str) -> str:
    uri = file_uri(root)
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: str, root: str) -> dict:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        relative = None
    if relative is None or relative == os.pardir or relative.startswith(os.pardir + os.sep) or \
            os.path.isabs(relative):
        return {"uri": file_uri(absolute)}
    return {"uri": uri_reference(relative), "uriBaseId": SRCROOT}


# ----------------------------------------------------------------------------------- the log
def render(report, root: str | None = None, **_) -> str:
    """``root``: the directory ``%SRCROOT%`` stands for (default: the working directory)."""
    return json.dumps(sarif_log(report, root), indent=2) + "\n"


def sarif_log(report, root: str | None = None) -> dict:
    root = os.path.abspath(root if root is not None else os.getcwd())
    kinds = list(KINDS.values())
    index = {kind.code: i for i, kind in enumerate(kinds)}
    results: list[dict] = []
    seen: set[str] = set()
    for file in report.files:
        location = artifact_location(file.path, root)
        positions = Positions(file)
        for d in file.diagnostics:
            result = _result(d, file, location, positions, index[d.code])
            key = json.dumps(result, sort_keys=True)
            if key not in seen:
                seen.add(key)
                results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "shapedoctor", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": [rule(kind) for kind in kinds]}},
            "originalUriBaseIds": {SRCROOT: {"uri": root_uri(root)}},
            "columnKind": UTF16,
            "results": results,
        }],
    }


def _result(d, file, location: dict, positions: Positions, rule_index: int) -> dict:
    result: dict = {
        "ruleId": d.code, "ruleIndex": rule_index, "level": _LEVEL[d.severity],
        "message": {"text": full_message(d, with_fixes=False)},
        "locations": [{"physicalLocation": {
            "artifactLocation": dict(location),
            "region": positions.region(d.line, d.col, d.end_line, d.end_col),
        }}],
    }
    fixes = [_fix(fix, location, positions) for fix in d.fixes if fix.edits]
    if fixes:
        result["fixes"] = fixes
    properties: dict = {}
    if d.fixes:
        properties["fixes"] = [fix.title for fix in d.fixes]
    notebook = positions.notebook
    where = notebook.location(d.line, d.col) if notebook is not None else None
    if where is not None:
        properties.update({"cell": where[0], "cellLine": where[1], "cellColumn": where[2] + 1})
    if properties:
        result["properties"] = properties
    return result


def _fix(fix, location: dict, positions: Positions) -> dict:
    return {
        "description": {"text": f"fix {fix.rank}: {fix.title}"},
        "artifactChanges": [{
            "artifactLocation": dict(location),
            "replacements": [{
                "deletedRegion": positions.region(e.line, e.col, e.end_line, e.end_col, insertion=True),
                "insertedContent": {"text": e.text},
            } for e in fix.edits],
        }],
        "properties": {"rank": fix.rank, "verified": fix.verified, "applicability": fix.applicability},
    }
