"""Time expressions: find and type them (``tagger``) and normalize them against the report's date.

``resolve`` holds the date arithmetic, ``tense`` reads a sentence's tense, ``words`` the vocabulary.
"""

from storyline.time.resolve import Tense, parse_dct
from storyline.time.tagger import tag
from storyline.time.tense import TenseCue, tense_at, tense_cues

__all__ = ["Tense", "TenseCue", "parse_dct", "tag", "tense_at", "tense_cues"]
