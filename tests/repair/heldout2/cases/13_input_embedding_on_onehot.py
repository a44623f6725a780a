"""Text + party model: Input(shape=(max_length, vocab_size)) fed to an Embedding, so the LSTM gets a 4-D tensor.

Source: https://github.com/keras-team/tf-keras/issues/440
The reported vocabulary (110907 words) is reduced to 500; Input(batch_size=1) is dropped.
"""
from keras.layers import Input, Embedding, Dropout, LSTM, Flatten, Dense, Concatenate
from keras.models import Model


def define_model(vocab_size, max_length):
    input_texts = Input(shape=(max_length, vocab_size), name="texts")  # heldout: mistake
    embed = Embedding(vocab_size, 200, mask_zero=True)(input_texts)
    drop1 = Dropout(0.5)(embed)
    lstm1 = LSTM(64, return_sequences=True)(drop1)  # heldout: mistake
    flatten = Flatten()(lstm1)
    dense1 = Dense(10, activation="relu")(flatten)
    input_parties = Input(shape=(1,), name="parties")
    concat = Concatenate()([dense1, input_parties])
    outputs = Dense(vocab_size, activation="softmax")(concat)
    model = Model(inputs=[input_texts, input_parties], outputs=outputs)
    return model


vocab_size, max_len = 500, 72
model = define_model(vocab_size, max_len)
model.compile(loss="categorical_crossentropy", optimizer="adam")
