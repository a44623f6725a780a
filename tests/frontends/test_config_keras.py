"""Config and .keras front-ends against real Keras and against the source front-end.

Each model of ``frontend_models.SOURCES`` is written to a ``.py`` file, built by Keras
(this test runs our own model sources), saved with ``model.to_json()`` and ``model.save()``
and then checked three ways: the source front-end reads the ``.py`` text, the config
front-end the ``.json`` and the ``.keras`` archive.  All three must give Keras' own
output shape for every layer they name, and no error/warning.  Broken models cannot be
saved, so a saved valid config is edited by hand; Keras' ``model_from_json`` must reject
it and shapedoctor must report the layer Keras names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from frontend_models import BROKEN, SOURCES, edit  # noqa: E402
from test_config_frontend import assert_agrees_with_keras, shapes_by_name  # noqa: E402

pytestmark = pytest.mark.keras


def _build(name: str, tmp_path: Path):
    keras = pytest.importorskip("keras")
    from record_configs import layer_shapes

    keras.utils.clear_session()
    source = tmp_path / f"{name}.py"
    source.write_text(SOURCES[name])
    namespace: dict = {}
    exec(compile(SOURCES[name], str(source), "exec"), namespace)
    model = namespace["model"]
    (tmp_path / f"{name}.json").write_text(model.to_json())
    model.save(tmp_path / f"{name}.keras")
    return model, layer_shapes(model)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_source_json_and_archive_agree_with_keras(name, tmp_path):
    from shapedoctor.check import check_one_file

    model, keras_shapes = _build(name, tmp_path)
    config = json.loads((tmp_path / f"{name}.json").read_text())
    reports = {ext: check_one_file(str(tmp_path / f"{name}.{ext}")) for ext in ("py", "json", "keras")}
    for ext, report in reports.items():
        assert not [d.message for d in report.diagnostics if d.severity != "info"], (ext, name)
        if name == "custom_layer" and ext != "py":
            # A config holds no call() body; the source front-end follows it (x * 2.0 keeps the shape).
            assert sorted(d.kind.name for d in report.diagnostics) == ["incomplete-model", "unknown-layer"], ext
            continue
        if ext != "py":
            assert_agrees_with_keras(report, keras_shapes, config)
    # The source front-end names only some layers as Keras does, and leaves layers after a nested
    # model call unknown (it does not inline nested models): compare the shapes it does give.
    if name == "custom_layer":
        src = shapes_by_name(reports["py"])
        named = set(src) & set(keras_shapes) - {"input_layer"}
        assert named >= {"conv", "scale", "flat", "out"}, sorted(src)
        assert {k: src[k] for k in named} == {k: keras_shapes[k] for k in named}
    else:
        src, cfg = shapes_by_name(reports["py"]), shapes_by_name(reports["json"])
        common = (set(src) & set(keras_shapes) & set(cfg)) - {"input_layer"}
        compared = 0
        for layer in common:
            known = {json.dumps(s) for s in src[layer] if s is not None}
            if known:
                assert known == {json.dumps(s) for s in cfg[layer]}, (name, layer)
                compared += 1
        assert compared >= 1, (name, sorted(src))
    assert shapes_by_name(reports["json"]) == shapes_by_name(reports["keras"])


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_hand_broken_configs_keras_rejects_them_and_we_name_the_layer(name, tmp_path):
    keras = pytest.importorskip("keras")
    from shapedoctor.frontends.config import check_config_file

    base, _ = BROKEN[name]
    _build(base, tmp_path)
    broken = edit(name, json.loads((tmp_path / f"{base}.json").read_text()))
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(broken, indent=1))
    with pytest.raises(ValueError) as raised:
        keras.models.model_from_json(json.dumps(broken))
    message = str(raised.value)
    report = check_config_file(str(path))
    (error,) = [d for d in report.diagnostics if d.severity == "error"]
    node = report.models[0].graph.nodes[error.node]
    assert node.name in message or node.type in message or "negative" in message, (message, node.name)
