"""The translation memory in the window: pane, concordance, TMX menu, unit list, workers."""
