"""The glossary in the window: pane, menu, term dialog."""
