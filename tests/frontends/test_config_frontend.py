"""Config front-end on committed fixtures (no Keras needed).

The fixtures in ``fixtures/`` and ``fixtures/expected.json`` were written by
``tests/frontends/record_configs.py`` from real Keras 3.15.1 (torch backend): configs of
the models in ``frontend_models.py`` (``model.to_json(indent=1)``), hand-broken copies with
the exception ``keras.models.model_from_json`` raises on them, two Keras 2 configs loaded
with Keras' legacy loader, and per layer the output shape of every call Keras made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from shapedoctor.check import check_one_file
from shapedoctor.frontends.config import check_config_file, graphs_from_config

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())["fixtures"]
VALID = sorted(name for name, entry in EXPECTED.items() if entry["keras_error"] is None)
BROKEN = sorted(name for name, entry in EXPECTED.items() if entry["keras_error"] is not None)
SRC = str(HERE.parents[1] / "src")


def shapes_by_name(file_report) -> dict[str, list]:
    out: dict[str, list] = {}
    for model in file_report.models:
        for result in model.inference.results:
            shape = result.output_shape
            value = None if shape is None else (
                [list(s) for s in shape] if isinstance(shape, list) else list(shape))
            out.setdefault(result.node.name, []).append(value)
    return out


def nested_inputs(config) -> set[str]:
    """Names of the InputLayers of nested models: inlined, the outer tensor flows in instead."""
    out: set[str] = set()
    for layer in config["config"].get("layers", []):
        if isinstance(layer.get("config"), dict) and "layers" in layer["config"]:
            out |= {l["config"]["name"] for l in layer["config"]["layers"] if l["class_name"] == "InputLayer"}
            out |= nested_inputs(layer)
    return out


def assert_agrees_with_keras(file_report, keras_layers: dict, config: dict | None = None) -> None:
    ours = shapes_by_name(file_report)
    skip = nested_inputs(config) if config else set()
    for name, keras_shapes in keras_layers.items():
        if name in skip:
            continue
        assert name in ours, f"layer {name} missing; have {sorted(ours)}"
        assert sorted(map(json.dumps, set(map(json.dumps, ours[name])))) == \
            sorted(map(json.dumps, set(map(json.dumps, keras_shapes)))), name


def make_archive(path: Path, config_text: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.json", json.dumps({"keras_version": "3.15.1"}))
        archive.writestr("config.json", config_text)
    return path


def run_cli(*args, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "shapedoctor", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("name", [n for n in VALID if n != "custom_layer"])
def test_valid_configs_match_keras_shapes_and_are_clean(name):
    report = check_config_file(str(FIXTURES / f"{name}.json"), explicit=True)
    assert [d.kind.name for d in report.diagnostics if d.severity != "info"] == []
    assert all(r.status == "ok" for m in report.models for r in m.inference.results), name
    assert_agrees_with_keras(report, EXPECTED[name]["layers"], json.loads((FIXTURES / f"{name}.json").read_text()))


def test_custom_layer_degrades_to_unknown_info():
    report = check_config_file(str(FIXTURES / "custom_layer.json"))
    assert [(d.kind.name, d.severity, d.layer) for d in report.diagnostics] == [
        ("incomplete-model", "info", ""), ("unknown-layer", "info", "Scale")]
    assert report.models[0].complete is False and "Scale" in report.models[0].gaps[0].reason
    ours = shapes_by_name(report)
    assert ours["conv"] == [EXPECTED["custom_layer"]["layers"]["conv"][0]]
    assert ours["flat"] == [None]  # not guessed after the unknown layer


@pytest.mark.parametrize("name", BROKEN)
def test_broken_configs_report_the_layer_keras_rejects(name):
    keras_error = EXPECTED[name]["keras_error"]["message"]
    report = check_config_file(str(FIXTURES / f"{name}.json"))
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert len(errors) == 1, [d.message for d in report.diagnostics]
    model = report.models[0]
    node = model.graph.nodes[errors[0].node]
    # Keras names the failing layer ('bidirectional', 'conv') or its class (Reshape.call(), Conv1D kernel).
    assert node.name in keras_error or node.type in keras_error or (
        errors[0].kind.name == "negative-length" and "negative" in keras_error)
    assert errors[0].explanation[0] == f"in the config at {node.path}"
    # The finding points at the layer's "name" in the JSON text.
    line = (FIXTURES / f"{name}.json").read_text().splitlines()[errors[0].line - 1]
    assert f'"name": "{node.name}"' in line


def test_broken_kinds():
    kinds = {name: [d.kind.name for d in check_config_file(str(FIXTURES / f"{name}.json")).diagnostics]
             for name in BROKEN}
    assert kinds == {"broken_conv2d_on_3d": ["rank"], "broken_kernel_too_long": ["negative-length"],
                     "broken_reshape_removed": ["rank"], "broken_reshape_target": ["reshape-size"]}
    fixed = check_config_file(str(FIXTURES / "broken_reshape_target.json")).diagnostics[0].fixes
    assert fixed and fixed[0].title == "use Reshape((-1, 8))"  # the written 8 kept, the other axis computed


def test_list_valued_arguments_still_get_their_findings_and_fixes(tmp_path):
    # a fuzzed config (a layer's "name" a list): the fixes copy the layer's arguments, which must not need hashing
    config = json.loads((FIXTURES / "broken_conv2d_on_3d.json").read_text())
    conv = next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Conv2D")
    conv["config"]["name"] = []
    path = tmp_path / "listed.json"
    path.write_text(json.dumps(config))
    report = check_config_file(str(path))
    assert [d.kind.name for d in report.diagnostics] == ["rank"]
    assert report.diagnostics[0].fixes


def test_shared_layer_is_two_nodes_with_one_key_and_nested_models_are_inlined():
    config = json.loads((FIXTURES / "fun_shared_nested.json").read_text())
    (graph,) = graphs_from_config(config, "x.json")
    shared = [n for n in graph.nodes if n.name == "shared"]
    assert len(shared) == 2 and shared[0].layer_key == shared[1].layer_key
    assert [n.name for n in graph.nodes if n.path.startswith("config.layers[4].config")] == ["d7", "d2"]
    assert not any(n.type in ("Sequential", "Functional") for n in graph.nodes)
    config = json.loads((FIXTURES / "fun_nested_functional.json").read_text())
    (graph,) = graphs_from_config(config, "x.json")
    convs = [n for n in graph.nodes if n.name == "enc_conv"]
    assert len(convs) == 2 and convs[0].layer_key == convs[1].layer_key  # one encoder called twice


def test_archive_agrees_with_json(tmp_path):
    for name in ("seq_conv", "fun_shared_nested", "broken_reshape_removed"):
        text = (FIXTURES / f"{name}.json").read_text()
        archive = make_archive(tmp_path / f"{name}.keras", json.dumps(json.loads(text)))
        from_json = check_config_file(str(FIXTURES / f"{name}.json"))
        from_archive = check_one_file(str(archive))
        assert shapes_by_name(from_archive) == shapes_by_name(from_json)
        assert [d.message for d in from_archive.diagnostics] == [d.message for d in from_json.diagnostics]
        assert all((d.line, d.col) == (1, 0) for d in from_archive.diagnostics)


def test_non_model_json_is_skipped_in_directory_scans_and_an_error_when_named(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "web", "version": "1.0.0"}')
    (tmp_path / "tsconfig.json").write_text('{ // comments are not JSON\n "compilerOptions": {} }')
    assert check_config_file(str(tmp_path / "package.json")).diagnostics == []
    assert check_config_file(str(tmp_path / "tsconfig.json")).diagnostics == []
    named = check_config_file(str(tmp_path / "package.json"), explicit=True)
    assert [d.kind.name for d in named.diagnostics] == ["input-error"]
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("config.json", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(60):  # 60 MB of spaces deflate to ~60 KB
                member.write(chunk)
    return path


@pytest.mark.parametrize("case", ["truncated", "garbage", "no_config", "bad_json", "not_a_model", "bomb",
                                  "bad_json_file", "malformed_layers", "dangling_reference"])
def test_bad_input_is_one_finding_exit_1_no_traceback(tmp_path, case):
    good = (FIXTURES / "seq_conv.json").read_text()
    if case == "truncated":
        whole = make_archive(tmp_path / "whole.keras", good).read_bytes()
        path = tmp_path / "m.keras"
        path.write_bytes(whole[: len(whole) // 2])
    elif case == "garbage":
        path = tmp_path / "m.keras"
        path.write_bytes(b"PK\x03\x04" + os.urandom(200))
    elif case == "no_config":
        path = tmp_path / "m.keras"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("metadata.json", "{}")
    elif case == "bad_json":
        path = make_archive(tmp_path / "m.keras", good[:-200])
    elif case == "not_a_model":
        path = make_archive(tmp_path / "m.keras", '{"hello": 1}')
    elif case == "bomb":
        path = _bomb(tmp_path / "m.keras")
    elif case == "bad_json_file":
        path = tmp_path / "m.json"
        path.write_text(good[:-200])
    elif case == "malformed_layers":
        path = tmp_path / "m.json"
        path.write_text('{"class_name": "Sequential", "config": {"layers": 3}}')
    else:
        config = json.loads((FIXTURES / "fun_multi_io.json").read_text())
        config["config"]["layers"][1]["inbound_nodes"][0]["args"][0]["config"]["keras_history"][0] = "ghost"
        path = tmp_path / "m.json"
        path.write_text(json.dumps(config))
    result = run_cli("check", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert len(lines) == 1 and ("[input-error]" in lines[0] or "[parse-error]" in lines[0]), result.stdout
    if case == "bomb":
        assert "too large" in lines[0]
    if case == "dangling_reference":
        assert "'ghost'" in lines[0]


def test_keras2_batch_input_shape_and_keras1_layer_list():
    keras1 = {"class_name": "Sequential", "config": [
        {"class_name": "Convolution1D", "config": {"name": "c", "nb_filter": 4, "filter_length": 3,
                                                   "batch_input_shape": [None, 10, 2], "border_mode": "valid"}},
        {"class_name": "Flatten", "config": {"name": "f"}}]}
    (graph,) = graphs_from_config(keras1, "k1.json")
    from shapedoctor.infer import infer

    assert infer(graph).output_shapes() == [(None, 32)]  # 10 - 3 + 1 = 8 steps x 4 filters


def test_unbuilt_sequential_is_an_info_not_a_guess():
    config = {"module": "keras", "class_name": "Sequential",
              "config": {"name": "s", "layers": [{"class_name": "Dense", "config": {"name": "d", "units": 3}}]}}
    from shapedoctor.check import analyse_graphs

    report = analyse_graphs(graphs_from_config(config, "s.json"), "s.json")
    assert sorted((d.kind.name, d.severity) for d in report.diagnostics) == [("incomplete-model", "info"),
                                                                              ("unknown-layer", "info")]
    assert "declares no input shape" in report.models[0].gaps[0].reason


def test_lambda_bytecode_is_never_decoded():
    config = json.loads((FIXTURES / "fun_ops_state.json").read_text())
    lam = {"module": "keras.layers", "class_name": "Lambda", "name": "lam", "config": {
        "name": "lam", "function": {"class_name": "__lambda__", "config": {"code": "not base64 at all"}},
        "output_shape": None}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {
            "keras_history": ["out", 0, 0]}}], "kwargs": {}}]}
    config["config"]["layers"].append(lam)
    config["config"]["output_layers"] = [["lam", 0, 0]]
    (graph,) = graphs_from_config(config, "x.json")
    from shapedoctor.infer import infer

    inference = infer(graph)
    assert inference.results[-1].status == "unknown"
    assert [d.kind.name for d in inference.diagnostics] == ["unknown-layer"]
