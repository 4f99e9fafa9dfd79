"""The classifier: n-gram features, the fine-tuned sentence encoder blended with them, training, evaluation and
safe persistence."""
