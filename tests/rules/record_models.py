"""Record the Keras oracle for whole small models (findings of the independent differential test, issue 10).

Run manually, with the venv that has Keras 3 (torch backend, CPU)::

    cd /work/main && KERAS_BACKEND=torch .venv/bin/python tests/rules/record_models.py

Each case is a model source as ``tests/independent/generate.py`` writes them (``inputs = keras.Input(...)`` ->
steps -> ``model = keras.Model(inputs, ...)``), run by that test's own oracle (``tests/independent/oracle.py``
``run_case``: exec = build, then one forward pass with batch 2).  The rule families' tables test one layer or op
at a time; these cases test what only a whole model shows: an op spelled as a function call being followed
(N1), a layer with several outputs indexed (F1), where a finding is reported (SD108).

Writes ``tests/rules/expected_models.json``; ``test_whole_models.py`` reads it and never imports Keras.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected_models.json"

HEAD = "import keras\nfrom keras import layers, ops\n"


def M(id: str, body: str, *, needs: str | None = None) -> dict:
    """A case: ``body`` after the imports (lines 1-2), so line numbers count from 3.  ``needs``: why shapedoctor
    cannot pass it yet (the test is then an expected failure)."""
    case = {"id": id, "source": HEAD + body.strip("\n") + "\n"}
    if needs:
        case["needs"] = needs
    return case


_AFTER_AN_OP = ("after an op, axis 0 may hold the batch times a factor (real code folds one into the batch with a "
                "reshape and unfolds it with another: keras-io's semantic_image_clustering), so a -1 that takes in "
                "axis 0 is reported only where every node before is an input or a Keras layer: not reported here")


_ONE_LENGTH = ("a Reshape without -1 of a variable-length axis runs for exactly one length (here 2, which the oracle "
               "does not try; Reshape((24,)) on the same input runs at its length 12): a finding that depends on "
               "the unknown length, not reported")


def all_cases() -> list[dict]:
    cases = []
    # N1: keras.ops binary functions called as functions (not layers.add([...])) are ops, not merge layers.
    for op in ("add", "subtract", "multiply", "divide", "maximum", "minimum", "power"):
        cases.append(M(f"ops_{op}_constant", f"""
inputs = keras.Input(shape=(6,))
x0 = ops.{op}(inputs, 1.0)
x1 = layers.Dense(3)(x0)
model = keras.Model(inputs, x1)
"""))
        cases.append(M(f"ops_{op}_tensors", f"""
inputs = keras.Input(shape=(4, 6))
x0 = layers.Dense(6)(inputs)
x1 = ops.{op}(inputs, x0)
x2 = layers.Flatten()(x1)
model = keras.Model(inputs, x2)
"""))
    cases += [
        M("keras_ops_add_spelled_out", """
inputs = keras.Input(shape=(6,))
x0 = keras.ops.add(inputs, inputs)
x1 = layers.Dense(3)(x0)
model = keras.Model(inputs, x1)
"""),
        M("ops_add_broadcast_error", """
inputs = keras.Input(shape=(4, 6))
x0 = layers.Dense(5)(inputs)
x1 = ops.add(inputs, x0)
model = keras.Model(inputs, x1)
"""),
        M("layers_add_is_still_a_merge", """
inputs = keras.Input(shape=(6,))
x0 = layers.Dense(6)(inputs)
x1 = layers.add([inputs, x0])
model = keras.Model(inputs, x1)
"""),
        # F1: Bidirectional(merge_mode=None) returns [forward, backward]; return_state adds both directions' states.
        M("bidirectional_merge_none_indexed", """
inputs = keras.Input(shape=(1, 5))
x0 = layers.Bidirectional(layers.GRU(6), merge_mode=None)(inputs)
x1 = x0[0]
x2 = layers.RepeatVector(2)(x1)
model = keras.Model(inputs, x2)
"""),
        M("bidirectional_merge_none_unpacked", """
inputs = keras.Input(shape=(7, 5))
forward, backward = layers.Bidirectional(layers.LSTM(6, return_sequences=True), merge_mode=None)(inputs)
x0 = layers.Concatenate()([forward, backward])
model = keras.Model(inputs, x0)
"""),
        M("bidirectional_gru_return_state", """
inputs = keras.Input(shape=(7, 5))
x0, h_forward, h_backward = layers.Bidirectional(layers.GRU(6, return_state=True))(inputs)
x1 = layers.RepeatVector(2)(h_backward)
model = keras.Model(inputs, x1)
"""),
        M("bidirectional_lstm_merge_none_return_state", """
inputs = keras.Input(shape=(7, 5))
outs = layers.Bidirectional(layers.LSTM(6, return_state=True), merge_mode=None)(inputs)
x0 = layers.Concatenate()([outs[1], outs[5]])
model = keras.Model(inputs, x0)
"""),
        M("bidirectional_concat_still_one_tensor", """
inputs = keras.Input(shape=(7, 5))
x0 = layers.Bidirectional(layers.GRU(6))(inputs)
x1 = layers.RepeatVector(2)(x0)
model = keras.Model(inputs, x1)
"""),
        # F2/M6: a repeated reduction axis.
        M("prod_repeated_axis_runs", """
inputs = keras.Input(shape=(6, 5))
x0 = ops.prod(inputs, axis=(1, 1))
model = keras.Model(inputs, x0)
"""),
        M("mean_repeated_axis_fails_when_run", """
inputs = keras.Input(shape=(6, 5))
x0 = ops.mean(inputs, axis=(1, 1))
model = keras.Model(inputs, x0)
"""),
        M("sum_repeated_axis_rank2_fails_when_built", """
inputs = keras.Input(shape=(6,))
x0 = ops.sum(inputs, axis=(1, 1))
model = keras.Model(inputs, x0)
"""),
        # M3/M4/M7: negative sizes.
        M("zero_padding2d_negative_tuple", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.ZeroPadding2D(((-1, 0), (0, 0)))(inputs)
model = keras.Model(inputs, x0)
"""),
        M("tile_negative_reps", """
inputs = keras.Input(shape=(6,))
x0 = ops.tile(inputs, (1, -1))
model = keras.Model(inputs, x0)
"""),
        M("center_crop_negative", """
inputs = keras.Input(shape=(6, 6, 3))
x0 = layers.CenterCrop(-2, 7)(inputs)
model = keras.Model(inputs, x0)
"""),
        # N2: rank-0 tensors after a full reduction.
        M("reshape_rank0", """
inputs = keras.Input(shape=(6,))
x0 = ops.max(inputs, axis=None)
x1 = layers.Reshape((1,))(x0)
model = keras.Model(inputs, x1)
"""),
        M("mel_spectrogram_rank0", """
inputs = keras.Input(shape=(6,))
x0 = ops.max(inputs, axis=None)
x1 = layers.MelSpectrogram()(x0)
model = keras.Model(inputs, x1)
"""),
        # M1: a -1 in ops.reshape takes in the unknown batch axis: forward-pass failure (a warning).
        M("ops_reshape_absorbs_batch", """
inputs = keras.Input(shape=(4,))
x0 = ops.reshape(inputs, (-1, 5))
model = keras.Model(inputs, x0)
"""),
        M("ops_reshape_absorbs_batch_after_layers", """
inputs = keras.Input(shape=(4,))
x0 = layers.Dense(6)(inputs)
x1 = layers.Activation("relu")(x0)
x2 = ops.reshape(x1, (-1, 5))
model = keras.Model(inputs, x2)
"""),
        M("ops_reshape_absorbs_batch_after_elementwise_op", """
inputs = keras.Input(shape=(4,))
x0 = ops.tanh(inputs)
x1 = ops.reshape(x0, (-1, 3))
model = keras.Model(inputs, x1)
"""),
        M("ops_reshape_fold_then_unfold", """
inputs = keras.Input(shape=(3, 20))
x0 = ops.reshape(inputs, (-1, 20))
x1 = layers.Dense(20)(x0)
x2 = ops.reshape(x1, (-1, 3, 20))
model = keras.Model(inputs, x2)
"""),
        M("ops_reshape_absorbs_batch_after_an_op", """
inputs = keras.Input(shape=(5,))
inputs_1 = keras.Input(shape=(5,))
x0 = ops.einsum("bi,bi->b", inputs, inputs_1)
x1 = ops.reshape(x0, (-1, 1, 4))
model = keras.Model([inputs, inputs_1], x1)
""", needs=_AFTER_AN_OP),
        M("ops_reshape_keeps_batch", """
inputs = keras.Input(shape=(4, 6))
x0 = ops.reshape(inputs, (-1, 8, 3))
x1 = layers.Dense(2)(x0)
model = keras.Model(inputs, x1)
"""),
        # M5: an output subscript no input has (forward pass), a trailing comma (build).
        M("einsum_output_letter_missing", """
inputs = keras.Input(shape=(3,))
inputs_1 = keras.Input(shape=(3,))
x0 = ops.einsum("bi,bj->bk", inputs, inputs_1)
model = keras.Model([inputs, inputs_1], x0)
"""),
        M("einsum_trailing_comma", """
inputs = keras.Input(shape=(2, 5))
inputs_1 = keras.Input(shape=(5, 3))
x0 = ops.einsum("bij,bjk->bik,", inputs, inputs_1)
model = keras.Model([inputs, inputs_1], x0)
"""),
        # M9: operators between batched tensors of different rank.
        M("multiply_different_ranks", """
inputs = keras.Input(shape=(3, 4))
inputs_1 = keras.Input(shape=(4,))
x0 = inputs * inputs_1
model = keras.Model([inputs, inputs_1], x0)
"""),
        M("add_different_ranks_size_one", """
inputs = keras.Input(shape=(1, 4))
inputs_1 = keras.Input(shape=(4,))
x0 = inputs + inputs_1
model = keras.Model([inputs, inputs_1], x0)
"""),
        # M8: MultiHeadAttention's attention einsums.
        M("mha_attention_axis_key_dim", """
inputs = keras.Input(shape=(2, 6, 5))
x0 = layers.MultiHeadAttention(1, 3, attention_axes=(4,))(inputs, inputs)
model = keras.Model(inputs, x0)
"""),
        M("mha_non_attention_axis_differs", """
inputs = keras.Input(shape=(6, 2, 4))
inputs_1 = keras.Input(shape=(4, 2, 6))
x0 = layers.MultiHeadAttention(2, 1, attention_axes=(2,))(inputs, inputs_1)
model = keras.Model([inputs, inputs_1], x0)
"""),
        # M10: MelSpectrogram with no mel bins; a batch of scalars taken as one signal.
        M("mel_spectrogram_zero_bins", """
inputs = keras.Input(shape=(64,))
x0 = layers.MelSpectrogram(fft_length=16, sequence_stride=8, num_mel_bins=0, sampling_rate=8000)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("mel_spectrogram_batch_as_signal", """
inputs = keras.Input(shape=(1,))
x0 = ops.squeeze(inputs, axis=1)
x1 = layers.MelSpectrogram(fft_length=16, sequence_stride=8, num_mel_bins=8, sampling_rate=8000)(x0)
model = keras.Model(inputs, x1)
"""),
        # Arguments RandAugment, AugMix and MixUp use only when they draw their random transformation (forward).
        M("randaugment_negative_num_ops", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.RandAugment(num_ops=-1)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("randaugment_no_ops", """
inputs = keras.Input(shape=(8, 8, 2))
x0 = layers.RandAugment(num_ops=0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("randaugment_float_num_ops", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.RandAugment(num_ops=2.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("randaugment_five_channels", """
inputs = keras.Input(shape=(8, 8, 5))
x0 = layers.RandAugment(num_ops=1)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("randaugment_channels_first_rgb", """
inputs = keras.Input(shape=(3, 8, 8))
x0 = layers.RandAugment(data_format="channels_first")(inputs)
model = keras.Model(inputs, x0)
"""),
        M("randaugment_unbatched_grayscale", """
inputs = keras.Input(shape=(6, 1))
x0 = layers.RandAugment()(inputs)
model = keras.Model(inputs, x0)
"""),
        M("augmix_negative_num_chains", """
inputs = keras.Input(shape=(6, 2))
x0 = layers.AugMix(num_chains=-1)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("augmix_no_chains", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.AugMix(num_chains=0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("augmix_negative_chain_depth", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.AugMix(chain_depth=-1)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("augmix_alpha_zero", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.AugMix(alpha=0.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("mixup_negative_alpha", """
inputs = keras.Input(shape=(6, 5))
x0 = layers.MixUp(alpha=-1.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("mixup_alpha_zero", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.MixUp(alpha=0.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("mixup_alpha_two", """
inputs = keras.Input(shape=(8, 8, 3))
x0 = layers.MixUp(alpha=2.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        # Perspective and elastic transforms of images 1 pixel high or wide (training, the layers' default).
        M("random_perspective_one_pixel_high", """
inputs = keras.Input(shape=(3, 3, 2))
x0 = layers.AdaptiveAveragePooling2D((1, 3))(inputs)
x1 = layers.RandomPerspective(factor=0.0)(x0)
model = keras.Model(inputs, x1)
"""),
        M("random_perspective_channels_first_one_pixel_wide", """
inputs = keras.Input(shape=(2, 1, 6))
x0 = layers.RandomPerspective(factor=1.0, data_format="channels_first")(inputs)
model = keras.Model(inputs, x0)
"""),
        M("random_perspective_two_pixels", """
inputs = keras.Input(shape=(2, 2, 2))
x0 = layers.RandomPerspective(factor=1.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("random_elastic_one_pixel_wide", """
inputs = keras.Input(shape=(3,))
x0 = layers.Reshape((3, 1, 1))(inputs)
x1 = layers.RandomElasticTransform(factor=1.0)(x0)
model = keras.Model(inputs, x1)
"""),
        M("random_elastic_one_pixel_high", """
inputs = keras.Input(shape=(1, 5, 3))
x0 = layers.RandomElasticTransform()(inputs)
model = keras.Model(inputs, x0)
"""),
        M("random_elastic_factor_zero", """
inputs = keras.Input(shape=(5, 1, 3))
x0 = layers.RandomElasticTransform(factor=0.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        M("random_elastic_two_pixels", """
inputs = keras.Input(shape=(2, 2, 3))
x0 = layers.RandomElasticTransform(factor=1.0)(inputs)
model = keras.Model(inputs, x0)
"""),
        # A Reshape without -1 of variable-length (None) axes: Reshape.call resolves the target on the real sizes.
        M("reshape_variable_length_no_length_fits", """
inputs = keras.Input(shape=(None, 4))
x0 = layers.Reshape((1, 3))(inputs)
model = keras.Model(inputs, x0)
"""),
        M("reshape_variable_length_after_layers", """
inputs = keras.Input(shape=(None, 4))
x0 = layers.LSTM(4, return_sequences=True)(inputs)
x1 = layers.Permute((2, 1))(x0)
x2 = layers.Reshape((1,))(x1)
model = keras.Model(inputs, x2)
"""),
        M("reshape_variable_length_one_length", """
inputs = keras.Input(shape=(None, 2))
x0 = layers.Reshape((4,))(inputs)
model = keras.Model(inputs, x0)
""", needs=_ONE_LENGTH),
        M("reshape_variable_length_runs_at_its_length", """
inputs = keras.Input(shape=(None, 2))
x0 = layers.Reshape((24,))(inputs)
model = keras.Model(inputs, x0)
"""),
        M("reshape_two_variable_lengths", """
inputs = keras.Input(shape=(None, None, 4))
x0 = layers.Reshape((2, 3))(inputs)
model = keras.Model(inputs, x0)
"""),
        M("reshape_variable_length_minus_one", """
inputs = keras.Input(shape=(None, 2))
x0 = layers.Reshape((-1, 4))(inputs)
model = keras.Model(inputs, x0)
"""),
        # Rank-0 (scalar) tensors where Keras needs an axis when it builds.
        M("multiply_scalar_input", """
inputs = keras.Input(shape=(6,))
x0 = ops.mean(inputs, axis=None)
inputs_1 = keras.Input(shape=(4, 6))
x1 = layers.Multiply()([x0, inputs_1])
model = keras.Model([inputs, inputs_1], x1)
"""),
        M("add_scalar_inputs", """
inputs = keras.Input(shape=(6,))
x0 = ops.sum(inputs, axis=None)
x1 = layers.Add()([x0, x0])
model = keras.Model(inputs, x1)
"""),
        M("masking_scalar_input", """
inputs = keras.Input(shape=(2,))
x0 = ops.prod(inputs, axis=None)
x1 = layers.Masking(mask_value=-1.0)(x0)
model = keras.Model(inputs, x1)
"""),
        # SD108: Keras raises at the second call of the shared layer.
        M("shared_dense_second_call", """
inputs = keras.Input(shape=(6,))
shared = layers.Dense(4)
x0 = shared(inputs)
x1 = layers.Dense(3)(x0)
x2 = shared(x1)
model = keras.Model(inputs, x2)
"""),
    ]
    return cases


def record() -> Path:
    sys.path.insert(0, str(HERE.parent / "independent"))
    import warnings

    import keras
    from oracle import run_case

    warnings.filterwarnings("ignore")
    cases = all_cases()
    for case in cases:
        result = run_case(case["source"])
        case["keras"] = {k: result[k] for k in ("builds", "forward_ok", "shapes", "error", "error_line", "stage")}
    payload = {"recorded_with": {"keras": keras.__version__, "backend": keras.backend.backend(),
                                 "oracle": "tests/independent/oracle.py run_case"}, "cases": cases}
    EXPECTED.write_text(json.dumps(payload, indent=1) + "\n")
    return EXPECTED


def load_cases() -> list[dict]:
    return json.loads(EXPECTED.read_text())["cases"]


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "torch")
    print("wrote", record(), len(all_cases()), "cases")
