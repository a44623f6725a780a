"""Helpers of the server tests: the fixture models, and LSP edits applied the way an editor applies them."""

from __future__ import annotations

import asyncio
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken_dense_conv1d.py"
SAFE_FIXES = FIXTURES / "safe_fixes.py"
NAMES = FIXTURES / "names.py"


def offset(text: str, line: int, character: int) -> int:
    """An LSP position (UTF-16 code units) as an index into ``text``."""
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[:line])
    current = lines[line] if line < len(lines) else ""
    units = index = 0
    while index < len(current) and units < character:
        units += 2 if ord(current[index]) > 0xFFFF else 1
        index += 1
    return start + index


def apply_text_edits(text: str, edits) -> str:
    """``edits`` (lsprotocol TextEdits, non-overlapping) applied to ``text``, last first."""
    spans = sorted(((offset(text, e.range.start.line, e.range.start.character),
                     offset(text, e.range.end.line, e.range.end.character), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_for(workspace_edit, uri: str) -> list:
    """The text edits a WorkspaceEdit makes to ``uri`` (``changes`` or versioned ``documentChanges``)."""
    if workspace_edit.document_changes:
        return [e for change in workspace_edit.document_changes if change.text_document.uri == uri
                for e in change.edits]
    return list((workspace_edit.changes or {}).get(uri, []))


async def wait_until(condition, timeout: float = 10.0, what: str = "condition"):
    """Poll ``condition()`` until it is truthy (race-free with notifications that may already have arrived)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)
