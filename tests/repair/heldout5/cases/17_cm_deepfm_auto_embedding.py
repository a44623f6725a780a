"""DeepFM with per-feature 'auto' embedding sizes (shenweichen/DeepCTR issue 46).

Every sparse feature is one integer id; with embedding_size="auto" each feature gets an embedding width of
6 * vocabulary_size ** 0.25, and the FM part stacks the field embeddings along axis 1.
"""
import keras
from keras import layers
from keras import ops

FEATURE_VOCAB = {"user_id": 300, "item_id": 120, "cate_id": 20, "gender": 2, "age": 7}


def concat_fun(inputs, axis=-1):
    if len(inputs) == 1:
        return inputs[0]
    return layers.Concatenate(axis=axis)(inputs)


def fm_cross(x):
    square_of_sum = ops.square(ops.sum(x, axis=1, keepdims=True))
    sum_of_square = ops.sum(x * x, axis=1, keepdims=True)
    return 0.5 * ops.sum(square_of_sum - sum_of_square, axis=2)


def DeepFM(feature_vocab, embedding_size="auto", dnn_hidden_units=(32, 16)):
    inputs, deep_emb_list = [], []
    for name, vocab in feature_vocab.items():
        inp = keras.Input(shape=(1,), name=name, dtype="int32")
        size = int(6 * pow(vocab, 0.25)) if embedding_size == "auto" else embedding_size
        deep_emb_list.append(layers.Embedding(vocab, size, name="sparse_emb_" + name)(inp))
        inputs.append(inp)

    fm_input = concat_fun(deep_emb_list, axis=1)  # heldout: mistake
    fm_logit = layers.Lambda(fm_cross)(fm_input)

    deep_input = layers.Flatten()(concat_fun(deep_emb_list))
    x = deep_input
    for units in dnn_hidden_units:
        x = layers.Dense(units, activation="relu")(x)
    dnn_logit = layers.Dense(1, use_bias=False)(x)

    final_logit = layers.add([fm_logit, dnn_logit])
    output = layers.Activation("sigmoid")(final_logit)
    model = keras.Model(inputs=inputs, outputs=output)
    model.compile("adam", "binary_crossentropy")
    return model


model = DeepFM(FEATURE_VOCAB)
