"""storyline: from a folder of news reports to a sourced, dated, cross-checked story."""

__version__ = "0.1.0"

SCHEMA_VERSION = "1.7.0"
