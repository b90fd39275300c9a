"""debrief: run blameless incident post-mortem debriefs from the terminal."""

__version__ = "0.1.0"
