"""SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)."""

from __future__ import annotations

import json

from .. import __version__
from ..kinds import KINDS
from . import full_message

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(report, **_) -> str:
    rules = [{
        "id": kind.code, "name": kind.name,
        "shortDescription": {"text": kind.doc.split("\n\n")[1].strip() if "\n\n" in kind.doc else kind.name},
        "fullDescription": {"text": kind.doc},
        "defaultConfiguration": {"level": _LEVEL[kind.severity]},
    } for kind in KINDS.values()]
    index = {kind.code: i for i, kind in enumerate(KINDS.values())}
    results = []
    for file in report.files:
        for d in file.diagnostics:
            message = full_message(d, with_fixes=False)
            result = {
                "ruleId": d.code, "ruleIndex": index[d.code], "level": _LEVEL[d.severity],
                "message": {"text": message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": file.path.replace("\\", "/")},
                    "region": {"startLine": max(d.line, 1), "startColumn": d.col + 1,
                               "endLine": max(d.end_line, d.line, 1), "endColumn": max(d.end_col + 1, 1)},
                }}],
            }
            if d.fixes:
                result["properties"] = {"fixes": [f.title for f in d.fixes]}
            results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "shapedoctor", "version": __version__,
                                      "informationUri": "https://github.com/shapedoctor/shapedoctor",
                                      "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, indent=2) + "\n"
