"""Reusable widgets: they show models and post messages; they never touch the store."""
