"""Compare shapedoctor's verdict on each generated case with the Keras oracle's.

shapedoctor is used through its public Python API only (``shapedoctor.check_source`` and the documented
``Report.to_json()`` document, docs/json-output.md).  Labels:

    agree-ok      Keras builds and runs; shapedoctor: no error, model complete, same output shape(s)
    agree-error   Keras fails (build or forward pass); shapedoctor reports an error
                  (or, when Keras fails only in the forward pass, at least a warning)
    missed        Keras fails; shapedoctor reports no error on a model it says it fully checked
    false-alarm   Keras builds and runs; shapedoctor reports an error
    wrong-shape   both fine, the final output shapes differ
    no-verdict    shapedoctor says it could not follow the model (complete: false, model skipped, or an
                  internal error) and reports no error
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter, defaultdict
from typing import Any, Optional

LABELS = ["agree-ok", "agree-error", "missed", "false-alarm", "wrong-shape", "no-verdict"]
AGREE = {"agree-ok", "agree-error"}


def _output_line(source: str) -> Optional[int]:
    """Line of the assignment of the variable passed as the model's outputs."""
    tree = ast.parse(source)
    out_name = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            f = node.value.func
            if isinstance(f, ast.Attribute) and f.attr == "Model" and len(node.value.args) >= 2:
                arg = node.value.args[1]
                if isinstance(arg, ast.Name):
                    out_name = arg.id
    if out_name is None:
        return None
    line = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == out_name for t in node.targets):
            line = node.lineno
    return line


def _model_line(source: str) -> Optional[int]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            f = node.value.func
            if isinstance(f, ast.Attribute) and f.attr == "Model":
                return node.lineno
    return None


def sd_verdict(source: str, path: str = "case.py") -> dict:
    import shapedoctor

    report = shapedoctor.check_source(source, path, with_fixes=False, with_edits=False)
    doc = report.to_json()
    f = doc["files"][0]
    diags = f["diagnostics"]
    out = {
        "errors": [{"code": d["code"], "kind": d["kind"], "line": d["line"], "layer": d["layer"],
                    "message": d["message"]} for d in diags if d["severity"] == "error"],
        "warnings": [{"code": d["code"], "kind": d["kind"], "line": d["line"], "layer": d["layer"],
                      "message": d["message"]} for d in diags if d["severity"] == "warning"],
        "infos": [{"code": d["code"], "kind": d["kind"], "line": d["line"], "message": d["message"]}
                  for d in diags if d["severity"] == "info"],
        "models": len(f["models"]),
        "skipped": len(f["skipped_models"]),
        "internal_errors": doc["summary"]["internal_errors"],
        "file_error": f["error"],
        "complete": False,
        "gaps": [],
        "shape": None,
    }
    # the case's own model: the one reported at its `keras.Model(` line (a file may also list a pseudo-model of
    # "layers called outside a Model" when the real one could not be built)
    mline = _model_line(source)
    mine = [m for m in f["models"] if m["line"] == mline]
    out["models"] = len(mine)
    if mine:
        model = mine[-1]
        out["complete"] = bool(model["complete"])
        out["gaps"] = model["gaps"]
        line = _output_line(source)
        layers = [lay for lay in model["layers"] if lay["type"] != "InputLayer"]
        at = [lay for lay in layers if lay["line"] == line]
        chosen = at[-1] if at else (layers[-1] if layers else None)
        if chosen is not None:
            out["shape"] = chosen["output_shape"]
            out["shape_status"] = chosen["status"]
    return out


def _norm_shapes(shape: Any) -> Optional[list]:
    """shapedoctor's output_shape as a list of shapes (it is a list of shapes for a multi-output layer)."""
    if shape is None:
        return None
    if shape and all(isinstance(s, list) for s in shape):
        return shape
    return [shape]


def classify(oracle: dict, sd: dict) -> tuple[str, str]:
    keras_ok = oracle["builds"] and oracle["forward_ok"]
    has_error = bool(sd["errors"])
    has_warning = bool(sd["warnings"])
    incomplete = (not sd["complete"]) or sd["skipped"] or sd["internal_errors"] or sd["file_error"]
    if oracle["stage"] in ("timeout", "crash"):
        return "no-verdict", f"oracle {oracle['stage']}"
    if not keras_ok:
        if has_error:
            return "agree-error", ""
        if not oracle["builds"]:
            if incomplete:
                return "no-verdict", _why_incomplete(sd)
            return "missed", "build fails; shapedoctor warns only" if has_warning else "build fails; silent"
        if has_warning:
            return "agree-error", "forward-only failure, warned"
        if incomplete:
            return "no-verdict", _why_incomplete(sd)
        return "missed", "forward pass fails; silent"
    if has_error:
        return "false-alarm", ""
    if incomplete:
        return "no-verdict", _why_incomplete(sd)
    got = _norm_shapes(sd["shape"])
    want = oracle["shapes"]
    if got != want:
        return "wrong-shape", f"keras {want} vs shapedoctor {got}"
    return "agree-ok", "warning on a fine model" if has_warning else ""


def _why_incomplete(sd: dict) -> str:
    """Why shapedoctor gave no verdict, from its own info findings (SD201 unknown layer, SD203 skipped model,
    SD903 internal error), with numbers and names blanked so that cases group."""
    for code, label in (("SD903", "internal error"), ("SD201", "unknown layer"), ("SD203", "model skipped")):
        for info in sd["infos"]:
            if info["code"] == code:
                return f"{label}: {keras_signature(info['message'])[:90]}"
    if sd["internal_errors"]:
        return "internal error"
    if sd["skipped"] or not sd["models"]:
        return "model skipped"
    return "incomplete"


_NUM = re.compile(r"-?\d+(\.\d+)?")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def keras_signature(msg: Optional[str]) -> str:
    """A Keras error message with numbers, shapes, names and quoted values blanked, for grouping."""
    if not msg:
        return ""
    m = _ANSI.sub("", msg)
    m = re.sub(r"Exception encountered when calling (\w+)\.call\(\)\.", r"[\1.call]", m)
    m = re.sub(r"Arguments received by .*", "", m)
    m = re.sub(r"'[^']*'", "'_'", m)
    m = re.sub(r"`[^`]*=[^`]*`", "`_`", m)
    m = re.sub(r"\([^()]*\)", "(_)", m)
    m = re.sub(r"\[[^\[\]]*\]", "[_]", m)
    m = _NUM.sub("N", m)
    return " ".join(m.split())[:140]


def strip_ansi(msg: Optional[str]) -> Optional[str]:
    return _ANSI.sub("", msg) if msg else msg


def table(rows: list[dict], key: str, title: str) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        counts[r[key]][r["label"]] += 1
    lines = [f"### per {title}", "",
             f"| {title} | cases | " + " | ".join(LABELS) + " | agreement | agreement (verdicts) |",
             "|---|---:|" + "---:|" * len(LABELS) + "---:|---:|"]
    total = Counter()
    for k in sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
        c = counts[k]
        total.update(c)
        lines.append(_row(k, c))
    lines.append(_row("**all**", total))
    return "\n".join(lines) + "\n"


def _row(name: str, c: Counter) -> str:
    n = sum(c.values())
    agree = c["agree-ok"] + c["agree-error"]
    verdicts = n - c["no-verdict"]
    rate = f"{100 * agree / n:.1f}%" if n else "-"
    rate_v = f"{100 * agree / verdicts:.1f}%" if verdicts else "-"
    return f"| {name} | {n} | " + " | ".join(str(c[lab]) for lab in LABELS) + f" | {rate} | {rate_v} |"


def summarize(rows: list[dict]) -> dict:
    c = Counter(r["label"] for r in rows)
    n = len(rows)
    agree = c["agree-ok"] + c["agree-error"]
    verdicts = n - c["no-verdict"]
    keras_fail = sum(1 for r in rows if not r["keras_ok"])
    return {"cases": n, "labels": dict(c), "agreement": agree / n if n else 0.0,
            "agreement_on_verdicts": agree / verdicts if verdicts else 0.0,
            "keras_failure_rate": keras_fail / n if n else 0.0,
            "keras_forward_only_failures": sum(1 for r in rows if r["keras_stage"] == "forward")}


def group_disagreements(rows: list[dict]) -> list[dict]:
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        if r["label"] in AGREE:
            continue
        if r["label"] in ("missed",):
            key = (r["label"], r["subject_layer"], keras_signature(r["keras_error"]))
        elif r["label"] == "false-alarm":
            key = (r["label"], r["subject_layer"], r["sd_errors"][0]["code"] + " " + keras_signature(
                r["sd_errors"][0]["message"]) if r["sd_errors"] else "")
        elif r["label"] == "wrong-shape":
            key = (r["label"], r["subject_layer"], r["sd_output_layer"] or "")
        else:
            key = (r["label"], r["subject_layer"], r["detail"] + " | " + keras_signature(r["keras_error"]))
        groups[key].append(r)
    out = []
    for key, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        rs = sorted(rs, key=lambda r: (len(r["source"]), r["id"]))
        out.append({"label": key[0], "layer": key[1], "signature": key[2], "count": len(rs),
                    "examples": [{k: r[k] for k in ("id", "kind", "keras_stage", "keras_error", "keras_shapes",
                                                     "sd_errors", "sd_warnings", "sd_shape", "detail", "source")}
                                 for r in rs[:3]],
                    "ids": [r["id"] for r in rs]})
    return out


def blame_layer(case: dict, oracle: dict, sd: dict, label: str) -> str:
    """The layer a disagreement is about: the failing layer for Keras failures (the line Keras raised from),
    the flagged layer for a false alarm, the output layer for a wrong shape; else the case's subject."""
    lines = case["source"].splitlines()

    def layer_at(line: Optional[int]) -> Optional[str]:
        if not line or line > len(lines):
            return None
        rhs = lines[line - 1].split("=", 1)[-1].strip()
        if rhs.startswith("layers."):
            name = rhs[7:].split("(", 1)[0]
            if name in ("Bidirectional", "TimeDistributed", "RNN", "SpectralNormalization"):
                inner = rhs.split("(", 2)[1].replace("layers.", "")
                name = f"{name}({inner})"
            return name
        if rhs.startswith("ops."):
            return rhs.split("(", 1)[0]
        if rhs.startswith("keras.Model"):
            return "keras.Model"
        if rhs.startswith("keras.Sequential"):
            return "keras.Sequential"
        if rhs.startswith("shared("):
            return "shared Dense"
        if "[" in rhs:
            return "getitem"
        return "arith"

    if label in ("missed", "no-verdict") and oracle.get("error_line"):
        return layer_at(oracle["error_line"]) or case["subject"]
    if label == "false-alarm" and sd["errors"]:
        return layer_at(sd["errors"][0]["line"]) or case["subject"]
    if label == "wrong-shape":
        return layer_at(_output_line(case["source"])) or case["subject"]
    return case["subject"]


def compare_one(case: dict, oracle: dict, sd: dict) -> dict:
    label, detail = classify(oracle, sd)
    row = {
        "id": case["id"], "hash": case["hash"], "family": case["family"], "subject": case["subject"],
        "kind": case["kind"], "kind_class": "valid" if case["kind"] == "valid" else "mutated",
        "chain_length": len(case["chain"]), "label": label, "detail": detail,
        "keras_ok": bool(oracle["builds"] and oracle["forward_ok"]), "keras_stage": oracle["stage"],
        "keras_error": strip_ansi(oracle["error"]), "keras_error_line": oracle.get("error_line"),
        "keras_shapes": oracle["shapes"], "sd_errors": sd["errors"], "sd_warnings": sd["warnings"],
        "sd_shape": sd["shape"], "sd_complete": sd["complete"], "source": case["source"],
    }
    row["subject_layer"] = blame_layer(case, oracle, sd, label)
    row["sd_output_layer"] = row["subject_layer"] if label == "wrong-shape" else None
    keras_line = oracle.get("error_line")
    if label == "agree-error" and sd["errors"] and keras_line:
        row["same_line"] = any(e["line"] == keras_line for e in sd["errors"])
    outcome = "keras-ok" if row["keras_ok"] else f"keras-fails-{oracle['stage']}"
    codes = sorted({e["code"] + " " + e["kind"] for e in sd["errors"]}) or (
        sorted({w["code"] + " " + w["kind"] + " (warning)" for w in sd["warnings"]}) or ["(no error)"])
    row["sd_kind"] = ",".join(codes)
    row["outcome"] = outcome
    return row


def render(rows: list[dict], extra: str = "") -> str:
    s = summarize(rows)
    parts = [f"# Independent generator vs shapedoctor\n\n{extra}",
             f"cases: {s['cases']}; Keras fails on {100 * s['keras_failure_rate']:.1f}% "
             f"({s['keras_forward_only_failures']} only in the forward pass)\n",
             f"**overall agreement: {100 * s['agreement']:.2f}%** "
             f"(on cases with a verdict: {100 * s['agreement_on_verdicts']:.2f}%)\n",
             "labels: " + ", ".join(f"{k} {s['labels'].get(k, 0)}" for k in LABELS) + "\n"]
    same = [r.get("same_line") for r in rows if "same_line" in r]
    if same:
        parts.append(f"agree-error cases where shapedoctor's error is on the line Keras raised from: "
                     f"{sum(same)}/{len(same)}\n")
    parts.append(table(rows, "family", "family"))
    parts.append(table(rows, "kind_class", "kind (valid vs mutated)"))
    parts.append(table(rows, "kind", "kind"))
    parts.append(table(rows, "subject", "subject layer"))
    parts.append(table(rows, "chain_length", "chain length"))
    # shapedoctor finding kind x Keras outcome
    ct: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        ct[r["sd_kind"]][r["outcome"]] += 1
    outs = ["keras-ok", "keras-fails-build", "keras-fails-forward", "keras-fails-timeout", "keras-fails-crash"]
    lines = ["### shapedoctor finding kind x Keras outcome", "",
             "| shapedoctor | " + " | ".join(outs) + " |", "|---|" + "---:|" * len(outs)]
    for k in sorted(ct, key=lambda k: -sum(ct[k].values())):
        lines.append(f"| {k} | " + " | ".join(str(ct[k][o]) for o in outs) + " |")
    parts.append("\n".join(lines) + "\n")
    groups = group_disagreements(rows)
    lines = ["### disagreement groups (largest first)", "", "| label | layer | count | signature | example |",
             "|---|---|---:|---|---|"]
    for gr in groups[:60]:
        sig = gr["signature"].replace("|", "/")
        lines.append(f"| {gr['label']} | {gr['layer']} | {gr['count']} | {sig} | {gr['examples'][0]['id']} |")
    parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    import sys

    print(json.dumps(sd_verdict(open(sys.argv[1]).read()), indent=1))
