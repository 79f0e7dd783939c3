"""Machine translation in the window: pre-translation, alternatives, translation packages."""
