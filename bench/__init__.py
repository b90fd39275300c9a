"""Benchmarks: how fast debrief is against its floor (see bench/RESULTS.md)."""
