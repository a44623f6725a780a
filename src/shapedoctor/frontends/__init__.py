"""Front-ends: Python source, Keras configs and .keras archives, live models -> ModelGraph."""
