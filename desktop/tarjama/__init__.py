"""Tarjama: offline review of Arabic→English machine translation."""

__version__ = "0.1.0"
