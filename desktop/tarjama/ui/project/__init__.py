"""Panels about the whole project (statistics and effort)."""
