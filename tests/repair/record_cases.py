"""Regenerate the `.after.py` snapshots of tests/repair/cases from the `.before.py` files.

Usage: PYTHONPATH=src python tests/repair/record_cases.py
Each `<name>.before.py` gets `<name>.after.py` (the top-ranked fix, `fix --pick 1`); the picks in
EXTRA_PICKS also get `<name>.pick<N>.after.py`.  Review every diff by eye before committing: the
snapshots are the expected output of the tests in test_fix_cases.py.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "src"))

from shapedoctor.repair.command import fix_text  # noqa: E402

CASES = pathlib.Path(__file__).parent / "cases"
EXTRA_PICKS = {
    "incompatible_merge_unet_blocks_pad_input": [2],
    "rank_dense_sequential": [4],
    "rank_flatten_function": [2],
    "rank_input_functional": [6],
    "negative_length_addchain": [2, 4],
    "negative_length_functional_pooling": [2, 4],
    "target_lstm_sequential": [2],
    "target_pooling_addchain": [3],
    "invalid_argument_sequential": [2],
    "negative_length_channels_first_1d": [2],
    "negative_length_channels_first_2d": [2],
    "negative_length_channels_first_3d": [2],
    "rank_dense_conv2d_transpose_generator": [2],
    "rank_flatten_conv2d_functional": [2],
    "negative_length_series_channels_first": [3],
    "negative_length_earlier_pooling": [4],
    "negative_length_call_site_literal": [3],
    "negative_length_default_literal": [4],
    "target_missing_head_addchain": [2],
    "rank_embedding_onehot": [2],
    "rank_map_into_lstm": [2],
}


def main() -> None:
    for before in sorted(CASES.glob("*.before.py")):
        name = before.name[:-len(".before.py")]
        text = before.read_bytes().decode("utf-8")
        for pick in [1, *EXTRA_PICKS.get(name, [])]:
            outcome = fix_text(text, before.name, pick)
            suffix = ".after.py" if pick == 1 else f".pick{pick}.after.py"
            (CASES / (name + suffix)).write_bytes(outcome.fixed.encode("utf-8"))
            print(f"{name}{suffix}: {[a.title for a in outcome.applied]} remaining={len(outcome.remaining)}")


if __name__ == "__main__":
    main()
