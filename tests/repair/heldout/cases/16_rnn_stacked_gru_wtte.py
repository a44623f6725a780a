"""WTTE-RNN time-to-failure model: a second GRU added after a GRU that returns only its last state."""
from keras import ops
from keras.layers import GRU, Dense, Lambda, Masking
from keras.models import Sequential
from keras.optimizers import RMSprop

max_time = 100
n_features = 24


def weibull_loglik_discrete(y_true, ab_pred):
    y_ = y_true[:, 0]
    u_ = y_true[:, 1]
    a_ = ab_pred[:, 0]
    b_ = ab_pred[:, 1]
    hazard0 = ops.power((y_ + 1e-35) / a_, b_)
    hazard1 = ops.power((y_ + 1.0) / a_, b_)
    return -1.0 * ops.mean(u_ * ops.log(ops.exp(hazard1 - hazard0) - 1.0) - hazard1)


def activate(ab):
    a = ops.exp(ab[:, 0])
    b = ops.softplus(ab[:, 1])
    a = ops.reshape(a, (-1, 1))
    b = ops.reshape(b, (-1, 1))
    return ops.concatenate((a, b), axis=1)


model = Sequential()
model.add(Masking(mask_value=0.0, input_shape=(max_time, n_features)))
model.add(GRU(20, activation="tanh"))  # heldout: mistake
model.add(GRU(40, activation="tanh"))  # heldout: mistake
model.add(Dense(2))
model.add(Lambda(activate))
model.compile(loss=weibull_loglik_discrete, optimizer=RMSprop(learning_rate=0.001))
