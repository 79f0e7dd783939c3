"""The project: its store, what a review may do to its segments, and how documents come in and go out."""
