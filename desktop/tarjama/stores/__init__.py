"""SQLite-backed stores: the project (this package's `project` module) and, later, TM and glossary."""
