"""Wiring: the command line, the main loop, benchmarks."""
