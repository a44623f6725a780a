"""Jupyter notebooks: the code cells, in order, checked as one Python source (read as JSON, never run).

IPython syntax (``%magic``, ``!shell``, ``?help``) is blanked line by line, so line numbers keep their
place; each finding says which cell and which line of that cell it is in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

_IPYTHON_PREFIXES = ("%", "!", "?")


@dataclass
class NotebookSource:
    text: str
    cell_of_line: list[tuple[int, int]]  # per line of text (1-based index - 1): (execution-order cell number, line)

    def where(self, line: int) -> str:
        if 1 <= line <= len(self.cell_of_line):
            cell, cell_line = self.cell_of_line[line - 1]
            return f"cell {cell}, line {cell_line}"
        return f"line {line}"


def notebook_source(raw: str) -> NotebookSource:
    """Raises ValueError for anything that is not a notebook (or whose code cells are not text)."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ValueError("not a Jupyter notebook (JSON nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise ValueError("not a Jupyter notebook (no 'cells' list)")
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    code_cells = 0
    for cell in data["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        code_cells += 1
        source = cell.get("source", "")
        # nbformat: a string or a list of strings.  Anything else (numbers, nulls, nested lists) is not code.
        if isinstance(source, list) and all(isinstance(part, str) for part in source):
            text = "".join(source)
        elif isinstance(source, str):
            text = source
        else:
            raise ValueError(f"code cell {code_cells}: `source` is not text (a string or a list of strings)")
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.lstrip()
            if stripped.startswith(_IPYTHON_PREFIXES) or stripped.endswith("?"):
                line = ""
            lines.append(line)
            where.append((code_cells, number))
        lines.append("")  # cells end with a newline: keep statements apart
        where.append((code_cells, len(text.splitlines()) + 1))
    return NotebookSource("\n".join(lines) + "\n", where)
