"""The names CQE's unit dictionary (``CQE/unit.json`` of vivkaz/CQE) gives the units we output, for
``storyline.eval.newsquant``: the key of each unit, and the written forms it lists under another key. Read
from the dictionary by hand; no part of it is copied here beyond the names."""

from __future__ import annotations

import re

from storyline.doc.quantity_units import words

# Names CQE gives (lowercased) to each unit we output, other than km, km2, percent and count: the key of
# that unit in CQE's unit dictionary (CQE/unit.json), one name each, so that a unit matches as strictly as
# CQE's own output does. Units CQE's dictionary lacks get the name its conventions would give.
CURRENCY_NAMES: dict[str, str] = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "UAH": "ukrainian hryvnia", "RUB": "russian ruble",
    "JPY": "japanese yen", "CNY": "chinese yuan", "AUD": "australian dollar", "CAD": "canadian dollar",
    "NZD": "new zealand dollar", "HKD": "hong kong dollar", "SGD": "singapore dollar", "MYR": "malaysian ringgit",
    "INR": "indian rupee", "DKK": "danish krone", "SEK": "swedish krone", "NOK": "norwegian krone",
    "HRK": "croatian kuna", "ZAR": "south african rand", "CHF": "swiss franc", "PLN": "polish złoty",
    "TRY": "turkish lira", "MXN": "mexican peso", "BRL": "brazilian real",
    "KRW": "south korean won", "IDR": "indonesian rupiah", "HUF": "hungarian forint", "CZK": "czech koruna",
    "SAR": "saudi riyal", "AED": "united arab emirates dirham", "BTC": "bitcoin", "ARS": "argentine peso",
    "CLP": "chilean peso", "COP": "colombian peso", "CUP": "cuban peso", "BGN": "bulgarian lev",
    "KES": "kenyan shilling", "IRR": "iranian rial", "AFN": "afghan afghani", "BDT": "bangladeshi taka",
    "AOA": "angolan kwanza", "GEL": "georgian lari", "KZT": "kazakhstani tenge", "GHS": "ghanaian cedi",
    "ETB": "ethiopian birr", "PEN": "peruvian sol", "GTQ": "guatemalan quetzal", "HNL": "honduran lempira",
    "HTG": "haitian gourde", "BWP": "botswana pula", "AZN": "azerbaijani manat", "KHR": "cambodian riel",
    "KPW": "north korean won", "BYN": "belarusian ruble", "LKR": "sri lankan rupee", "MAD": "moroccan dirham",
    "BEF": "belgian franc", "FIM": "finnish markka", "ANG": "netherlands guilde", "CRC": "costa rican colón",
    "BOB": "bolivian boliviano", "ALL": "albanian lek", "LAK": "lao kip",
    # currencies CQE's dictionary lacks: the key its currency word is a surface of ("rupee", "dollar"), else
    # the lemmas of the words, as its normalizer falls back to (a peso or a pound named as written, where
    # the surface's key, "mexican peso" or "pound sterling", would name another country's money)
    "PKR": "rupee", "NPR": "rupee", "TWD": "dollar", "VND": "dong", "ILS": "shekel", "THB": "thai baht",
    "NGN": "nigerian naira",
    "EGP": "egyptian pound", "LBP": "lebanese pound", "SYP": "syrian pound",
    "SDG": "sudanese pound", "PHP": "philippine peso", "QAR": "qatari riyal",
    "KWD": "kuwaiti dinar", "IQD": "iraqi dinar", "JOD": "jordanian dinar", "BHD": "bahraini dinar",
    "RSD": "serbian dinar", "OMR": "omani rial", "UGX": "ugandan shilling", "TZS": "tanzanian shilling",
    "RON": "romanian leu", "LYD": "libyan dinar", "DZD": "algerian dinar",
    "TND": "tunisian dinar",
}  # fmt: skip
UNIT_NAMES: dict[str, str] = {
    "mph": "mile per hour", "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game",
    "knot": "knot", "nautical mile": "mile", "rpm": "revolutions per minute", "fps": "frame per second",
    "Gbps": "gigabit per second", "Mbps": "megabit per second", "Kbps": "kilobit per second", "MP": "megapixel",
    "carat": "carat", "km/h": "kilometre per hour", "m/s": "metre per second", "km/s": "kilometre per second",
    "mpg": "mile per gallon", "hp": "horsepower", "PS": "horsepower", "bhp": "brake horsepower", "point": "point",
    "basis point": "basis point", "pence": "penny", "cent": "cent", "W": "watt", "kW": "kilowatt",
    "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour",
    "GWh": "gigawatt hour", "TWh": "terawatt hour", "J": "joule", "kJ": "kilojoule", "MJ": "megajoule",
    "GJ": "gigajoule", "cal": "calorie", "kcal": "kilocalorie", "Hz": "hertz", "kHz": "kilohertz",
    "MHz": "megahertz", "GHz": "gigahertz", "G": "generation wireless", "bit": "bit", "Mb": "megabit",
    "Gb": "gigabit", "byte": "byte", "KB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "PB": "petabyte", "EB": "exabyte", "mAh": "milliampere-hour", "A": "ampere", "V": "volt", "kV": "kilovolt",
    "ohm": "ohm", "Pa": "pascal", "kPa": "kilopascal", "hPa": "hectopascal", "MPa": "megapascal",
    "GPa": "gigapascal", "bar": "bar", "mbar": "millibar", "psi": "pound per square inch", "dB": "decibel",
    "Nm": "newton metre", "lb-ft": "pound-foot", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "kelvin": "kelvin", "degree": "degree", "kt": "kiloton", "Mt": "megaton", "Gt": "gigaton", "t": "metric ton",
    "ton": "ton", "kg": "kilogram", "g": "gram", "mg": "milligram", "µg": "microgram", "ng": "nanogram",
    "lb": "pound-mass", "oz": "ounce", "fl oz": "fluid ounce", "L": "litre", "mL": "millilitre", "cL": "centilitre",
    "hL": "hectolitre", "gallon": "gallon", "pint": "pint", "quart": "quart", "cup": "cup",
    "tablespoon": "tablespoon", "teaspoon": "teaspoon", "barrel": "barrel",
    "barrel of oil": "barrel of oil", "bpd": "barrel per day",
    "cubic foot": "cubic foot", "m3": "cubic metre", "km3": "cubic kilometre", "ppm": "parts-per-million",
    "ppb": "parts-per-billion", "‰": "per mille", "nm": "nanometre", "µm": "micrometre", "mm": "millimetre",
    "cm": "centimetre", "inch": "inch", "foot": "foot", "yard": "yard", "ly": "light-year",
    "AU": "astronomical unit", "lumen": "lumen", "lux": "lux",
    "nit": "candela per square metre", "Wh": "watt hour", "mmHg": "millimeter of mercury",
    "inHg": "inch of mercury", "mm3": "cubic millimetre", "cubic inch": "cubic inch", "cubic yard": "cubic yard",
    "cubic mile": "cubic mile", "acre-foot": "acre foot", "ft/s": "foot per second",
    "MMBtu": "mega british thermal unit", "Btu": "british thermal unit", "therm": "therm", "eV": "electronvolt",
    "keV": "kiloelectronvolt",
    "MeV": "megaelectronvolt", "GeV": "gigaelectronvolt", "TeV": "teraelectronvolt", "Ah": "ampere-hour",
    "mV": "millivolt", "MV": "megavolt", "atm": "standard atmosphere", "torr": "torr",
    "ksi": "kilopound per square inch", "Sv": "sievert", "Bq": "becquerel", "ms": "millisecond",
    "µs": "microsecond", "ns": "nanosecond", "radian": "radian", "angstrom": "ångström", "furlong": "furlong",
    "fathom": "fathom", "dm": "decimetre", "dL": "decilitre", "kL": "cubic metre", "quintal": "quintal",
    "long ton": "long ton", "short ton": "short ton", "ppt": "parts-per-trillion", "ppth": "parts-per-thousand",
    "‱": "basis point", "qubit": "quantum bit", "Tb": "terabit", "ZB": "zettabyte", "Kb": "kilobit",
}  # fmt: skip
# some written forms name another key of CQE's dictionary than our unit's: "Rs 400" is a "rupee"
NAME_BY_RAW = {("INR", "rs"): "rupee", ("INR", "rs."): "rupee", ("INR", "rupee"): "rupee",
                ("INR", "rupees"): "rupee", ("lb-ft", "lb-ft"): "foot pound-force",
                ("pence", "p"): "point"}  # fmt: skip
# currencies CQE's dictionary lacks whose word is no surface of its keys: written in words, named by the lemmas of
# the words, as its normalizer falls back to ("500 baht" "baht", "300 Thai baht" "thai baht", "80 shekels"
# "shekel"); written as a sign or code, by ``CURRENCY_NAMES``
NAMED_AS_WRITTEN = frozenset(
    words("THB NGN ILS VND EGP LBP SYP SDG PHP QAR KWD IQD JOD BHD RSD OMR UGX TZS RON LYD DZD TND")
)
# pint expressions of the units we convert, in CQE's spelling
WRITTEN_NAMES = {
    "km**2": "square kilometre",
    "mile**2": "square mile",
    "meter**2": "square metre",
    "foot**2": "square foot",
    "centimeter**2": "square centimetre",
    "millimeter**2": "square millimetre",
    "inch**2": "square inch",
    "yard**2": "square yard",
    "acre": "acre",
    "hectare": "hectare",
    "km": "kilometre",
    "mile": "mile",
    "meter": "metre",
}
# what a rate is per, by the key of CQE's dictionary where it is written otherwise: "$9,400 a tonne" is
# "dollar per metric ton", as "12 tonnes" is "metric ton"; money "a pound" is per pound of weight
PER_NAMES = {
    "tonne": "metric ton", "metric ton": "metric ton", "metric tonne": "metric ton", "pound": "pound-mass",
    # forms CQE's dictionary lists under a key our extractor does not read alone: "troy ounces" and "annum"
    # are surfaces of "ounce" and "year", "MMBtu" a symbol of "mega british thermal unit" (a million Btu
    # written out keeps its words, as a rate per a number does: "per million British thermal units")
    "troy ounce": "ounce", "annum": "year", "mmbtu": "mega british thermal unit",
}  # fmt: skip
# a unit written with its measure system is named by the key CQE's dictionary lists that form under: "US fluid
# ounces" and "British fluid ounces" are surfaces of "ounce", where "fluid ounces" is the key "fluid ounce"
SYSTEM_NAMES = {"fl oz": "ounce"}
MEASURE_SYSTEM = re.compile(r"\b(?:US|U\.S\.|UK|U\.K\.|British|[Ii]mperial)\s+fluid\b")


# Common nouns that are surfaces of a unit in CQE's dictionary, and that unit: "68 league games" is in
# "league", "3200 times" a "count", "three pieces" a "set", "50 previous years" a "year" (a period is a key
# of its own; "second" is left out, an ordinal more often than a period). A word is named by the key whose
# surfaces hold it, as CQE's normalizer looks them up: "peso" is the "mexican peso", "franc" the "swiss
# franc"; "shekel" is no surface of any key, so it stays among the phrase's words.
SURFACE_UNITS = {
    **{w: w for w in words("point league yard line cup hand quarter span rod grain drop bar barrel pair dozen gross")},
    **{w: w for w in words("mile foot inch ounce ton gallon pint quart tablespoon teaspoon carat knot degree pixel")},
    **{w: w for w in words("volt watt calorie byte bit euro dollar cent penny rupee")},
    **{w: w for w in words("minute hour day week fortnight month year decade century millennium")},
    "peso": "mexican peso", "franc": "swiss franc",
    "time": "count", "instance": "count", "pack": "set", "piece": "set", "set": "set", "turn": "turn",
    "cycle": "turn", "revolution": "turn", "circle": "turn", "height": "foot", "angle": "degree",
    "frequency": "hertz", "dot": "pixel", "age": "year of age", "atmosphere": "standard atmosphere",
}  # fmt: skip
