"""Tell a count of one incident from a running toll: "9 killed in the shelling on Sunday" is not the war's toll.

A war has many incidents, each with its own dead; a count told of one day or one strike says nothing
of the toll so far, and a lower one after a higher toll is no fall. A count is of one incident when its
sentence ties it to one happening ("in an air strike", "in shelling", "shelled the road, killing
six", "died when troops shelled the market", "killed in fighting on Friday") or to the last day ("in the
past 24 hours"), and says nothing of a running total ("since March",
"so far", "in five days of unrest", "the death toll"). A day alone makes no incident: "ten had died,
the minister said on Monday" is a disaster's running toll. The rules are about how news tells casualties,
which no library states.
"""

from __future__ import annotations

import re

_HAPPENINGS = (
    r"(?:strikes?|airstrikes?|attacks?|raids?|bombings?|bombardment|shelling|ambush|blast|explosion|clash(?:es)?"
    r"|skirmish(?:es)?|crash|incident|assault|barrage|shootout|firefight)"
)
_STRIKING = r"(?:shell|bomb|strik|struck|attack|fir(?:e|ed|ing)\b|hit|raid|ambush)\w*"
_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|overnight|yesterday|today|last\s+night"
    r"|earlier\s+in\s+the\s+day|the\s+(?:night|day)\s+before)"
)
_ONE_INCIDENT = re.compile(
    r"\bin\s+the\s+(?:past|last)\s+(?:24|48)\s+hours\b"
    rf"|\b(?:in|during|by)\s+(?:(?:an?|the|one|a\s+single)\s+)?(?:[\w'’-]+\s+){{0,2}}?{_HAPPENINGS}\b"
    rf"|\b{_HAPPENINGS}\b[^.;]{{0,60}}\bkill(?:ed|ing)\b"
    rf"|\b{_STRIKING}[^.;]{{0,80}},\s+killing\b|\bwhen\b[^.;]{{0,60}}\b{_STRIKING}"
    rf"|\b(?:in|during)\s+(?:the\s+)?(?:heavy\s+)?fighting\b[^.;]{{0,60}}\b{_DAY}\b",
    re.IGNORECASE,
)
_RUNNING = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|a\s+total\s+of|altogether|cumulative|toll)\b"
    r"|\bin\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:days?|weeks?|months?|years?)\s+of\b"
    r"|\b(?:war|conflict|uprising|crackdown|revolt|rebellion|unrest|violence|fighting)\s+(?:has|had|have)\s+"
    r"(?:\w+\s+)?(?:killed|claimed)\b",
    re.IGNORECASE,
)


def one_incident(text: str) -> bool:
    """Whether a casualty count's sentence ties it to one day or one happening and to no running total."""
    return _ONE_INCIDENT.search(text) is not None and _RUNNING.search(text) is None
