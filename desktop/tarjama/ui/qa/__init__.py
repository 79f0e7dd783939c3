"""Quality checks in the window: the findings pane and its menu."""
