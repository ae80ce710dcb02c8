"""Benchmarks (see README.md); run with ``make bench`` or ``python -m tests.benchmarks``."""
