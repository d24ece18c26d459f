"""Evaluation commands against the benchmark sets in ../shared/data."""
