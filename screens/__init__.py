"""Textual screens, one module per screen with its .tcss beside it."""
