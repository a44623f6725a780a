"""Mutants of the project's own model files, configs and notebooks, for crash fuzzing.

Shared by the hypothesis suite (tests/engine/test_fuzz_mutants.py) and the long campaign
(benchmarks/fuzz_campaign.py).  ``mutate(seed_text, suffix, rng)`` returns a mutated text: byte-level
damage, hostile numbers and names in Python sources, structural damage in JSON (the shapes the probe of
issue 11 found: non-string/nested/null notebook sources, unhashable class names, Infinity in keras_history,
deep nesting), and the folding bombs (``a = a * a`` repeated...).  Deterministic for a given ``rng``.
"""

from __future__ import annotations

import glob
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def seed_files() -> list[str]:
    patterns = ["examples/*.py", "tests/corpus/*.py", "tests/repair/cases/*.before.py", "tests/frontends/fixtures/*.json",
                "tests/engine/fixtures/*.ipynb"]
    files = []
    for pattern in patterns:
        files += sorted(glob.glob(os.path.join(ROOT, pattern)))
    return [f for f in files if not f.endswith("expected.json")]


HOSTILE_NUMBERS = ["0", "-1", "1", "2", "10**9+7", "1000000007", "10**63", "2**200", "9" * 4000, "1e308*10",
                   "float('nan')", "-10**18", "True", "None", "()", "(0,)", "3.5", "'3'"]
HOSTILE_NAMES = ["'[/bold]x'", "'a\\nfake.py:1:1: SD101 [rank] x'", "'\\x1b[31mred\\r'", "'[bold red]b[/]'",
                 "'\\u202e'", "''", "'x' * 5000"]
BOMBS = ["a = 3\n" + "a = a * a\n" * 24, "t = (1, 2)\n" + "t = t + t\n" * 40, "t = (1, 2)\n" + "t = t * 63\n" * 4,
         "a = 10**63\nb = a**63\nc = b**63\n", "s = 'ab'\n" + "s = s + s\n" * 40, "t = [1]\n" + "t = [*t, *t]\n" * 40,
         "n = int(1e308 * 10)\n", "x = x\n" * 3, "def f(n):\n    return f(n)\nf(1)\n",
         "import keras\nm = keras.Sequential([keras.layers.Dense(1000000007, input_shape=(4,)), "
         "keras.layers.Conv1D(4, 3)])\n"]
JSON_VALUES = [None, [], {}, [[["deep"]]], ["Sequential"], float("inf"), float("nan"), -1, 10**30, "x\n\x1b[2J",
               "[/bold]", 3.5, True, {"class_name": ["Sequential"]}, [None, None, None],
               {"class_name": "__keras_tensor__", "config": {"keras_history": ["dense", float("inf"), 0]}}]


def mutate(text: str, suffix: str, rng: random.Random, rounds: int | None = None) -> str:
    rounds = rounds if rounds is not None else rng.choice([1, 1, 1, 2, 3, 5])
    for _ in range(rounds):
        if suffix in (".json", ".ipynb") and rng.random() < 0.6:
            text = _mutate_json(text, suffix, rng)
        elif suffix == ".py" and rng.random() < 0.6:
            text = _mutate_python(text, rng)
        else:
            text = _mutate_chars(text, rng)
    return text


def _mutate_chars(text: str, rng: random.Random) -> str:
    if not text:
        return rng.choice(["\x00", "(", "\ufeff", "\r"])
    i = rng.randrange(len(text))
    j = min(len(text), i + rng.randrange(1, 40))
    op = rng.randrange(7)
    if op == 0:
        return text[:i] + text[j:]
    if op == 1:
        return text[:i] + text[i:j] * rng.randrange(2, 5) + text[i:]
    if op == 2:
        return text[:i] + rng.choice(["(", ")", "[", "]", ",", ":", "\n", "\r", "\t", "\\", "'", '"', "{", "}",
                                      "\x00", "\x1b", "é", "²", "\u202e", "#", "*", "**", "-"]) + text[i:]
    if op == 3:
        return text.replace("\n", "\r") if rng.random() < 0.5 else text.replace("\n", "\r\n")
    if op == 4:
        k = rng.randrange(len(text))
        return text[:i] + text[k:k + (j - i)] + text[j:]
    if op == 5:
        return text[:i]
    return text[:i] + chr(rng.randrange(1, 0x3000)) + text[i + 1:]


def _mutate_python(text: str, rng: random.Random) -> str:
    op = rng.randrange(6)
    numbers = list(re.finditer(r"(?<![\w.])\d+(?![\w.])", text))
    strings = list(re.finditer(r"'[^'\n]*'|\"[^\"\n]*\"", text))
    lines = text.splitlines(True)
    if op == 0 and numbers:
        m = rng.choice(numbers)
        return text[:m.start()] + rng.choice(HOSTILE_NUMBERS) + text[m.end():]
    if op == 1 and strings:
        m = rng.choice(strings)
        return text[:m.start()] + rng.choice(HOSTILE_NAMES) + text[m.end():]
    if op == 2 and lines:
        i = rng.randrange(len(lines))
        return "".join(lines[:i] + [lines[i]] * rng.randrange(2, 6) + lines[i:])
    if op == 3 and len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "".join(lines)
    if op == 4:
        i = rng.randrange(len(lines) + 1)
        indent = re.match(r"[ \t]*", lines[i - 1]).group() if 0 < i <= len(lines) else ""
        bomb = "".join(indent + line + "\n" for line in rng.choice(BOMBS).splitlines())
        return "".join(lines[:i] + [bomb] + lines[i:])
    if op == 5 and lines:
        i = rng.randrange(len(lines))
        return "".join(lines[:i] + lines[i + 1:])
    return _mutate_chars(text, rng)


def _mutate_json(text: str, suffix: str, rng: random.Random) -> str:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return _mutate_chars(text, rng)
    nodes = []  # (container, key)

    def walk(value, depth=0):
        if depth > 60 or len(nodes) > 5000:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                nodes.append((value, k))
                walk(v, depth + 1)
        elif isinstance(value, list):
            for k, v in enumerate(value):
                nodes.append((value, k))
                walk(v, depth + 1)

    walk(data)
    op = rng.randrange(5)
    if nodes and op <= 2:
        container, key = rng.choice(nodes)
        if op == 0:
            container[key] = rng.choice(JSON_VALUES)
        elif op == 1 and isinstance(container, list) and container:
            container.insert(key, container[key])  # duplicate an element (a layer, a cell, a line)
        elif op == 2 and isinstance(container[key], str) and container[key]:
            s = container[key]
            container[key] = _mutate_chars(s, rng) if rng.random() < 0.5 else _mutate_python(s, rng)
        else:
            container[key] = rng.choice(JSON_VALUES)
    elif op == 3:
        depth = rng.choice([10, 200, 5000])
        text = json.dumps(data, allow_nan=True)
        return text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + text[-1:] if text.endswith("}") else text
    elif suffix == ".ipynb" and isinstance(data, dict) and isinstance(data.get("cells"), list) and data["cells"]:
        cell = rng.choice(data["cells"])
        if isinstance(cell, dict):
            cell["source"] = rng.choice([None, 3, [["x"]], [None], ["a = 3\n", 7], rng.choice(BOMBS),
                                         {"a": 1}, "%%magic\n!ls\nx?\n"])
    return json.dumps(data, allow_nan=True, indent=rng.choice([None, 1]))
