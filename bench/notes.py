"""What RESULTS.md says beside the table: the fixes made, and why a figure is not at
target yet (keyed by the figure's first word: P1, P2, ...)."""

NOTES = """
(to be written from the final run)
"""

REASONS: dict[str, str] = {}
