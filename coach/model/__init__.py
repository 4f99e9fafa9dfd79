"""The classifier: features, training, evaluation and safe persistence."""
