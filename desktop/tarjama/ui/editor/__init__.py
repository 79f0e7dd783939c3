"""The grid where segments are read and edited, its undo commands, find/replace and edit time."""
