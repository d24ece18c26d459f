"""Outputs: story.json and its JSON Schema, report.md and the self-contained report.html."""
