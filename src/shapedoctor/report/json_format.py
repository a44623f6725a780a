"""JSON output, version 1 (the contract in DESIGN.md)."""

from __future__ import annotations

import json


def render(report, **_) -> str:
    return json.dumps(report.to_json(), indent=2) + "\n"
