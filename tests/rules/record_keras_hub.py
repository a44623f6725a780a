"""Record the oracle for the KerasHub layer rules (rules/keras_hub.py): write ``expected_keras_hub.json``.

KerasHub is not a dependency of shapedoctor or of its test extras; run this with an environment that has
``keras-hub`` (it needs TensorFlow for its text ops)::

    python -m venv /tmp/hub && /tmp/hub/bin/pip install tensorflow-cpu keras-hub
    KERAS_BACKEND=tensorflow /tmp/hub/bin/python tests/rules/record_keras_hub.py

Each case builds the layer with its arguments and calls it on ``keras.Input`` tensors (symbolic, no data);
the output shape, or the exception Keras raised, is recorded.  ``test_keras_hub.py`` reads the JSON and never
imports Keras or KerasHub.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected_keras_hub.json"
N = None


def C(layer: str, args: dict, *inputs, call: dict | None = None) -> dict:
    """``call``: keyword name -> input index, for tensors passed by keyword (the decoder's encoder_sequence)."""
    return {"layer": layer, "args": args, "inputs": [list(s) for s in inputs], "call": call or {}}


CASES = [
    C("TokenAndPositionEmbedding", {"vocabulary_size": 1000, "sequence_length": 64, "embedding_dim": 32}, (N, 64)),
    C("TokenAndPositionEmbedding", {"vocabulary_size": 1000, "sequence_length": 64, "embedding_dim": 32}, (N, N)),
    C("TokenAndPositionEmbedding", {"vocabulary_size": 1000, "sequence_length": 64, "embedding_dim": 32}, (N, 16)),
    C("TokenAndPositionEmbedding", {"vocabulary_size": 1000, "sequence_length": 64, "embedding_dim": 32}, (N,)),
    C("PositionEmbedding", {"sequence_length": 64}, (N, 64, 32)),
    C("PositionEmbedding", {"sequence_length": 64}, (N, 16, 32)),
    C("SinePositionEncoding", {}, (N, 16, 32)),
    C("TransformerEncoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 16, 32)),
    C("TransformerEncoder", {"intermediate_dim": 64, "num_heads": 4}, (N, N, 32)),
    C("TransformerEncoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 32)),
    C("TransformerEncoder", {"intermediate_dim": 64, "num_heads": 8}, (N, 16, 4)),
    C("TransformerDecoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 16, 32)),
    C("TransformerDecoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 16, 32), (N, 20, 32)),
    C("TransformerDecoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 16, 32), (N, 20, 32),
      call={"encoder_sequence": 1}),
    C("TransformerDecoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 16, 32), (N, 20, 48)),
    C("TransformerDecoder", {"intermediate_dim": 64, "num_heads": 4}, (N, 32)),
    C("FNetEncoder", {"intermediate_dim": 64}, (N, 16, 32)),
    C("FNetEncoder", {"intermediate_dim": 64}, (N, 32)),
    C("ReversibleEmbedding", {"input_dim": 1000, "output_dim": 32}, (N, 16)),
]


def case_id(case: dict) -> str:
    args = ",".join(f"{k}={v!r}" for k, v in case["args"].items())
    shapes = "+".join("(" + ",".join("N" if d is None else str(d) for d in s) + ")" for s in case["inputs"])
    return f"{case['layer']}({args}){shapes}" + (f"{case['call']}" if case["call"] else "")


def run(case: dict) -> dict:
    import keras
    import keras_hub

    keras.utils.clear_session()
    layer = getattr(keras_hub.layers, case["layer"])(**case["args"])
    dtype = "int32" if case["layer"] in ("TokenAndPositionEmbedding", "ReversibleEmbedding") else "float32"
    tensors = [keras.Input(batch_shape=tuple(s), dtype=dtype) for s in case["inputs"]]
    by_keyword = {name: tensors[i] for name, i in case["call"].items()}
    positional = [t for i, t in enumerate(tensors) if i not in case["call"].values()]
    try:
        out = layer(*positional, **by_keyword)
    except Exception as exc:  # what Keras raises is the expected value
        return {"error": type(exc).__name__, "message": str(exc)[:300]}
    return {"output": [d if d is None else int(d) for d in out.shape]}


def main() -> None:
    import keras
    import keras_hub

    cases = []
    for case in CASES:
        case = dict(case, id=case_id(case))
        case["keras"] = run(case)
        cases.append(case)
        print(case["id"], case["keras"], file=sys.stderr)
    EXPECTED.write_text(json.dumps({"recorded_with": {"keras": keras.__version__, "keras_hub": keras_hub.__version__,
                                                      "backend": keras.backend.backend()}, "cases": cases},
                                   indent=1) + "\n")
    print("wrote", EXPECTED)


if __name__ == "__main__":
    main()
