"""The translation memory: its store and search, and TMX in and out."""
