"""The country a people's adjective names: "Afghan civilians" are counted in Afghanistan, "Pakistani troops"
in Pakistan. A small table of the peoples news stories name most, each with the normalized names its country
goes by (``entity_names.normalize_name``), written here because no library states it. Adjectives that also
name other things ("Spanish flu", "Korean" of two countries) are left out."""

from __future__ import annotations

import re

from storyline.records import Quantity, Sentence

_PEOPLES: dict[str, tuple[str, ...]] = {
    "afghan": ("afghanistan",),
    "algerian": ("algeria",),
    "american": ("united states", "u.s.", "us", "america"),
    "australian": ("australia",),
    "bahraini": ("bahrain",),
    "bangladeshi": ("bangladesh",),
    "belgian": ("belgium",),
    "brazilian": ("brazil",),
    "british": ("britain", "uk", "u.k.", "united kingdom"),
    "burmese": ("burma", "myanmar"),
    "canadian": ("canada",),
    "chadian": ("chad",),
    "chilean": ("chile",),
    "chinese": ("china",),
    "colombian": ("colombia",),
    "cuban": ("cuba",),
    "dutch": ("netherlands", "holland"),
    "egyptian": ("egypt",),
    "ethiopian": ("ethiopia",),
    "filipino": ("philippines",),
    "french": ("france",),
    "german": ("germany",),
    "greek": ("greece",),
    "haitian": ("haiti",),
    "indian": ("india",),
    "indonesian": ("indonesia",),
    "iranian": ("iran",),
    "iraqi": ("iraq",),
    "israeli": ("israel",),
    "italian": ("italy",),
    "japanese": ("japan",),
    "jordanian": ("jordan",),
    "kenyan": ("kenya",),
    "lebanese": ("lebanon",),
    "libyan": ("libya",),
    "malian": ("mali",),
    "mexican": ("mexico",),
    "moroccan": ("morocco",),
    "nepalese": ("nepal",),
    "nepali": ("nepal",),
    "nigerian": ("nigeria",),
    "norwegian": ("norway",),
    "pakistani": ("pakistan",),
    "polish": ("poland",),
    "qatari": ("qatar",),
    "russian": ("russia",),
    "saudi": ("saudi arabia",),
    "somali": ("somalia",),
    "sudanese": ("sudan",),
    "syrian": ("syria",),
    "thai": ("thailand",),
    "tunisian": ("tunisia",),
    "turkish": ("turkey",),
    "ukrainian": ("ukraine",),
    "venezuelan": ("venezuela",),
    "vietnamese": ("vietnam",),
    "yemeni": ("yemen",),
}
# A figure and its counted phrase: "1,462 Afghan civilians", "at least two Pakistani army troops", "27 more Iraqi
# soldiers" (at most one word between the number and the adjective, and a lower-case noun after it).
_COUNTED_PEOPLE = re.compile(
    r"(?:(?:at\s+least|more\s+than|about|nearly|some|over|up\s+to)\s+)?\S+(?:\s+(?:million|thousand|hundred))?"
    r"\s+(?:[a-z-]+\s+)?([A-Z][a-z]+)\s+[a-z]"
)


def people_place(sentence: Sentence, quantity: Quantity) -> tuple[str, ...]:
    """The names of the country a figure's own counted phrase names by its people's adjective ("1,462 Afghan
    civilians" -> ("afghanistan",)); () when it names none or one the table does not hold."""
    found = _COUNTED_PEOPLE.match(sentence.text, quantity.start - sentence.start)
    if found is None:
        return ()
    return _PEOPLES.get(found.group(1).lower(), ())
