"""Small pieces every pane uses: background tasks, progress dialogs, error text, bidi, text fields."""
