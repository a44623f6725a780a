"""Author classifier: two BiLSTM encoders (last state only) concatenated, then Conv1D + GlobalMaxPooling1D."""
import keras
from keras.layers import LSTM, Bidirectional, Conv1D, Dense, Embedding, GlobalMaxPooling1D, Input
from keras.models import Model
from keras.optimizers import Adam

max_length = 70
sen_length = 46
vocab_size = 20000
embedding_dim = 64
n_class = 5


def get_model():
    main_input = Input(shape=(max_length,), dtype="int32", name="main_input")
    x = Embedding(vocab_size, embedding_dim)(main_input)
    lstm_out = Bidirectional(LSTM(128))(x)  # heldout: mistake

    sentiment_input = Input(shape=(sen_length,), name="sentiment_input")
    x = Embedding(vocab_size, embedding_dim)(sentiment_input)
    sen_lstm_out = Bidirectional(LSTM(128))(x)  # heldout: mistake

    result = keras.layers.concatenate([lstm_out, sen_lstm_out])  # heldout: mistake
    result = Conv1D(128, 3, padding="valid", activation="relu", strides=1)(result)  # heldout: mistake
    result = GlobalMaxPooling1D()(result)
    output = Dense(n_class, activation="softmax")(result)
    model = Model(inputs=[main_input, sentiment_input], outputs=output)
    model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.01))
    return model


model = get_model()
