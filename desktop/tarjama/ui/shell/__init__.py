"""The window itself: start-up, the main window and its menus, dialogs that belong to it."""
