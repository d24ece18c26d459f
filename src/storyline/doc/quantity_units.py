"""The written forms of units, currencies and counted nouns that ``storyline.doc.quantities`` knows.

Each measure unit is written as a regular expression with the name we give it; names are short
symbols ("kg", "mph", "GB") and never three capitals, which ``corpus.figures`` reads as a currency
code. ASCII-folded news text (unidecode) writes £ as "PS", ¥ as "Y=" and ° as "deg": those count too.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """A word list written as one string, to keep vocabularies compact."""
    return text.split()


# 1. Currencies --------------------------------------------------------------------------------
# Signs and codes written before the number ("HK$5", "$US160 million", "CAD 40"), upper case as written.
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "US$": "USD", "US $": "USD", "$US": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR",
    "£": "GBP", "PS": "GBP", "GBP": "GBP", "₴": "UAH", "UAH": "UAH", "¥": "JPY", "Y=": "JPY", "JPY": "JPY",
    "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD",
    "RMB": "CNY", "CNY": "CNY", "₹": "INR", "RS": "INR", "RS.": "INR", "INR": "INR", "R$": "BRL",
    "RUB": "RUB", "₽": "RUB", "₩": "KRW", "KRW": "KRW", "₺": "TRY", "BTC": "BTC", "₿": "BTC",
    "CHF": "CHF", "ILS": "ILS", "NIS": "ILS", "₪": "ILS", "RM": "MYR", "MYR": "MYR",
    # the other codes of the currencies we name, and signs that are not ambiguous before a number
    "DKK": "DKK", "SEK": "SEK", "NOK": "NOK", "HRK": "HRK", "ZAR": "ZAR", "PLN": "PLN", "THB": "THB",
    "NGN": "NGN", "₦": "NGN", "MXN": "MXN", "BRL": "BRL", "IDR": "IDR", "RP": "IDR", "HUF": "HUF", "CZK": "CZK",
    "SAR": "SAR", "AED": "AED", "TRY": "TRY", "฿": "THB", "R": "ZAR", "DH": "AED", "DHS": "AED",
    "AUD$": "AUD", "AUD $": "AUD", "MEX$": "MXN", "MXN$": "MXN",
    # codes of other currencies in the news, none of them an English word ("PEN", "COP", "MAD", "GEL" are left
    # out: a sign is read in any case)
    "ARS": "ARS", "CLP": "CLP", "BGN": "BGN", "KES": "KES", "IRR": "IRR", "AFN": "AFN", "BDT": "BDT",
    "AOA": "AOA", "KZT": "KZT", "GHS": "GHS", "ETB": "ETB", "GTQ": "GTQ", "HNL": "HNL", "HTG": "HTG",
    "BWP": "BWP", "AZN": "AZN", "KHR": "KHR", "KPW": "KPW", "BYN": "BYN", "LKR": "LKR",
    "₾": "GEL", "৳": "BDT", "₵": "GHS", "GH₵": "GHS", "₡": "CRC", "₭": "LAK",
    "PKR": "PKR", "EGP": "EGP", "QAR": "QAR", "KWD": "KWD", "IQD": "IQD", "JOD": "JOD",
    "BHD": "BHD", "OMR": "OMR", "UGX": "UGX", "TZS": "TZS", "LBP": "LBP", "RSD": "RSD",
    "VND": "VND", "TWD": "TWD", "NT$": "TWD", "₱": "PHP", "₫": "VND", "KSH": "KES",
    # the Swiss franc's "SFr", the Canadian "Can$", the Egyptian pound's "E£" and the Turkish lira's "TL"
    "SFR": "CHF", "CAN$": "CAD", "E£": "EGP", "TL": "TRY",
    # newswire's abbreviation of dollars, before the amount as its code is ("dlrs 1.2 billion") or after it
    "DLRS": "USD",
}  # fmt: skip
# Words written after the number, singular, with an optional nationality before them.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "singaporean dollar": "SGD",
    "euro": "EUR", "pound": "GBP", "pounds sterling": "GBP", "british pound": "GBP", "sterling": "GBP",
    "hryvnia": "UAH", "hryvnya": "UAH", "rouble": "RUB", "ruble": "RUB", "russian rouble": "RUB",
    "yen": "JPY", "japanese yen": "JPY", "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY",
    "shekel": "ILS", "new shekel": "ILS", "rupee": "INR", "indian rupee": "INR", "ringgit": "MYR",
    "danish crown": "DKK", "danish krone": "DKK", "swedish crown": "SEK", "swedish krona": "SEK",
    "norwegian crown": "NOK", "norwegian krone": "NOK", "swiss franc": "CHF", "rand": "ZAR",
    "kuna": "HRK", "zloty": "PLN", "lira": "TRY", "baht": "THB", "naira": "NGN", "peso": "MXN",
    "won": "KRW", "south korean won": "KRW", "krona": "SEK", "franc": "CHF", "rupiah": "IDR",
    "indonesian rupiah": "IDR", "forint": "HUF", "hungarian forint": "HUF", "koruna": "CZK", "czech koruna": "CZK",
    "czech crown": "CZK", "bitcoin": "BTC", "saudi riyal": "SAR", "riyal": "SAR", "dirham": "AED",
    "uae dirham": "AED", "emirati dirham": "AED", "turkish lira": "TRY", "mexican peso": "MXN",
    "south african rand": "ZAR", "nigerian naira": "NGN", "thai baht": "THB", "polish zloty": "PLN",
    "brazilian real": "BRL", "real": "BRL",
    # the Americas, Africa, Asia and old European currencies, as CQE's dictionary writes them
    "argentine peso": "ARS", "argentina peso": "ARS", "chilean peso": "CLP", "chile peso": "CLP",
    "colombian peso": "COP", "colombia peso": "COP", "cuban peso": "CUP", "cuba peso": "CUP",
    "hk dollar": "HKD", "bulgarian lev": "BGN", "lev": "BGN", "kenyan shilling": "KES", "iranian rial": "IRR",
    "afghani": "AFN", "afghan afghani": "AFN", "taka": "BDT", "bangladeshi taka": "BDT", "kwanza": "AOA",
    "angolan kwanza": "AOA", "lari": "GEL", "georgian lari": "GEL", "tenge": "KZT", "kazakh tenge": "KZT",
    "kazakhstani tenge": "KZT", "ghanaian cedi": "GHS", "ethiopian birr": "ETB", "peruvian sol": "PEN",
    "guatemalan quetzal": "GTQ", "honduran lempira": "HNL", "haitian gourde": "HTG", "pula": "BWP",
    "botswana pula": "BWP", "azerbaijani manat": "AZN", "cambodian riel": "KHR", "north korean won": "KPW",
    "belarusian ruble": "BYN", "belarusian rouble": "BYN", "sri lankan rupee": "LKR", "moroccan dirham": "MAD",
    "belgian franc": "BEF", "markka": "FIM", "finnish markka": "FIM", "guilder": "ANG", "dutch guilder": "ANG",
    "florin": "ANG", "kuai": "CNY", "costa rican colon": "CRC", "bolivian boliviano": "BOB", "lek": "ALL",
    "albanian lek": "ALL", "€": "EUR", "croatian kuna": "HRK", "kn": "HRK",
    "pakistani rupee": "PKR", "pakistan rupee": "PKR", "nepalese rupee": "NPR", "nepali rupee": "NPR",
    "egyptian pound": "EGP", "lebanese pound": "LBP", "syrian pound": "SYP", "sudanese pound": "SDG",
    "philippine peso": "PHP", "new taiwan dollar": "TWD", "taiwan dollar": "TWD", "qatari riyal": "QAR",
    "kuwaiti dinar": "KWD", "iraqi dinar": "IQD", "jordanian dinar": "JOD", "bahraini dinar": "BHD",
    "serbian dinar": "RSD", "omani rial": "OMR", "ugandan shilling": "UGX", "tanzanian shilling": "TZS",
    "libyan dinar": "LYD", "algerian dinar": "DZD", "tunisian dinar": "TND", "romanian leu": "RON",
    "romanian lei": "RON", "dong": "VND", "vietnamese dong": "VND", "zł": "PLN",
    # bare "kroner" is Danish or Norwegian: the Danish code stands for both, never the dollar
    "krone": "DKK",
    # slang: "400,000 bucks", "20 quid" (only the plural "bucks": a "buck" may be a deer)
    "buck": "USD", "quid": "GBP",
}  # fmt: skip
_CURRENCY_PLURALS = {
    "kroner": "krone", "kronor": "krona", "lire": "lira", "zlotys": "zloty", "pesos": "peso", "reais": "real",
    "korunas": "koruna", "leva": "lev", "soles": "sol", "colones": "colon", "bolivianos": "boliviano",
    "quetzales": "quetzal",
}  # fmt: skip
CURRENCY_WORD_PATTERN = (
    r"(?:(?:us|u\.s\.|american|australian|canadian|hong\s+kong|new\s+zealand|singapore|singaporean|british"
    r"|russian|japanese|chinese|new|indian|danish|swedish|norwegian|swiss|south\s+korean|indonesian|hungarian"
    r"|czech|saudi|uae|emirati|turkish|mexican|south\s+african|nigerian|thai|polish|brazilian|argentine|argentina"
    r"|chilean|chile|colombian|colombia|cuban|cuba|hk|bulgarian|kenyan|iranian|afghan|bangladeshi|angolan"
    r"|georgian|kazakh|kazakhstani|ghanaian|ethiopian|peruvian|guatemalan|honduran|haitian|botswana|azerbaijani"
    r"|cambodian|croatian|north\s+korean|belarusian|sri\s+lankan|moroccan|belgian|finnish|dutch|costa\s+rican|bolivian"
    r"|albanian|pakistani|pakistan|nepalese|nepali|egyptian|lebanese|syrian|sudanese|philippine|taiwan"
    r"|new\s+taiwan|qatari|kuwaiti|iraqi|jordanian|bahraini|serbian|libyan|algerian|tunisian|omani|ugandan|tanzanian"
    r"|romanian|vietnamese)\s+)?"
    r"(?:dollars?|euros?|pounds\s+sterling|pounds?|sterling|hryvnias?|hryvnyas?|roubles?|rubles?|yen|yuan"
    r"|renminbi|shekels?|rupees?|ringgits?|crowns|krone|kroner|krona|kronor|francs?|rand|kunas?|zlotys?|lira|lire"
    r"|baht|naira|pesos|won|rupiahs?|forints?|korunas?|bitcoins?|riyals?|dirhams?|reais"
    r"|(?<=brazilian\s)real|levs?|leva|afghanis?|takas?|kwanzas?|laris?|tenge|pulas?|markkaa?|guilders?|florins?"
    r"|kuai|lek|€|(?<=kenyan\s)shillings?|(?<=iranian\s)rials?|(?<=ghanaian\s)cedis?|(?<=ethiopian\s)birrs?"
    r"|(?<=peruvian\s)sol(?:es)?|(?<=guatemalan\s)quetzal(?:es|s)?|(?<=honduran\s)lempiras?"
    r"|(?<=haitian\s)gourdes?|(?<=azerbaijani\s)manats?|(?<=cambodian\s)riels?|(?<=rican\s)col(?:on|ones|ons)"
    r"|(?<=bolivian\s)bolivianos?|(?:(?<=i\s)|(?<=an\s))dinars?|(?<=omani\s)rials?|(?<=an\s)shillings?|(?<=romanian\s)le[iu]"
    # "150 kn": the kuna's symbol, written after the amount (news writes knots out); newswire's "dlrs"
    r"|dong|zł|(?-i:kn)|bucks|quid|dlrs)"
)


def currency_of_word(raw: str) -> str:
    """The currency code of a currency word as written ("Danish crowns" -> "DKK")."""
    key = " ".join(raw.lower().split())
    if key.endswith("sterling"):
        return "GBP"
    head, _, last = key.rpartition(" ")
    last = _CURRENCY_PLURALS.get(last, last[:-1] if last.endswith("s") and last[:-1] + "s" != "rands" else last)
    singular = f"{head} {last}".strip()
    return CURRENCY_WORDS.get(singular) or CURRENCY_WORDS.get(last, "USD")


# 2. Measure units other than area and distance (which are converted to km2 and km) -------------
# "30C", "30 C": a capital right after a number or a space, not a name ("C-130") or a grade ("5 C students")
_LETTER_AFTER_NUMBER = r"(?:(?<=\d)|(?<=\d\s))(?-i:{})(?![\w'’-])(?!\s+[a-z]+s\b)"
# (name, pattern); a pattern is matched case-insensitively unless it says (?-i:...). Longer forms first.
MEASURES: tuple[tuple[str, str], ...] = (
    # forms whose first letters are also another unit's ("mmHg" and "mm", "cubic centimetres" and "cm")
    ("mmHg", r"millimet(?:re|er)s?\s+of\s+mercury|mm\s?Hg"),
    ("inHg", r"inch(?:es)?\s+of\s+mercury|(?-i:inHg)"),
    ("mL", r"cubic\s+centimet(?:re|er)s?|(?<=\d)\s?(?-i:cc|cm3|cm³)(?![\w-])"),
    ("mm3", r"cubic\s+millimet(?:re|er)s?|microlit(?:re|er)s?|(?-i:mm3|mm³|µ[lL])"),
    ("cubic inch", r"cubic\s+inch(?:es)?|(?-i:cu\.?\s?in)\b"),
    ("cubic yard", r"cubic\s+(?:yards?|yds?)|(?-i:cu\.?\s?yds?)\b"),
    ("cubic mile", r"cubic\s+miles?"),
    ("acre-foot", r"acre[\s-]f(?:ee|oo)t"),
    ("ft/s", r"f(?:ee|oo)t\s+(?:per|a)\s+second|(?-i:ft/s)"),
    ("magnitude", r"magnitude"),  # an earthquake's: "a 7.0 magnitude quake", "a 6.5-magnitude tremor"
    ("kWh", r"kilowatthours?|(?-i:kwh)"),
    ("MWh", r"megawatthours?|(?-i:mwh)"),
    ("GWh", r"gigawatthours?|(?-i:gwh)"),
    ("TWh", r"terawatthours?|(?-i:twh)"),
    ("MMBtu", r"(?-i:MMBtu|mmBtu|MMBTU|MBTU)"),
    ("Btu", r"british\s+thermal\s+units?|(?-i:BTUs?|Btus?|btus?)"),
    ("therm", r"therms?"),
    ("eV", r"electron[\s-]?volts?|(?-i:eV)"),
    ("keV", r"kilo-?electron[\s-]?volts?|(?-i:keV)"),
    ("MeV", r"mega-?electron[\s-]?volts?|(?-i:MeV)"),
    ("GeV", r"giga-?electron[\s-]?volts?|(?-i:GeV)"),
    ("TeV", r"tera-?electron[\s-]?volts?|(?-i:TeV)"),
    ("Ah", r"amp(?:ere)?[\s-]hours?|(?<=\d)(?-i:Ah)"),
    ("mV", r"millivolts?|(?-i:mV)"),
    ("MV", r"megavolts?"),
    ("atm", r"(?:standard\s+)?atmospheres?(?=[\s,.;)]|$)|(?-i:atm)"),
    ("torr", r"(?-i:torr|Torr)"),
    ("ksi", r"(?-i:ksi)"),
    ("Sv", r"sieverts?|(?<=\d)\s?(?-i:Sv)"),
    ("Bq", r"becquerels?|(?-i:Bq)"),
    ("ms", r"millisec(?:ond)?s?|(?-i:msec|ms)"),
    ("µs", r"microsec(?:ond)?s?|µs"),
    ("ns", r"nanosec(?:ond)?s?"),
    ("radian", r"radians?"),
    ("angstrom", r"[aå]ngstr[oö]ms?"),
    ("furlong", r"furlongs?"),
    ("fathom", r"fathoms?"),
    ("dm", r"decimet(?:re|er)s?"),
    ("dL", r"decilit(?:re|er)s?|(?-i:dl|dL)"),
    ("kL", r"kilolit(?:re|er)s?"),
    ("quintal", r"quintals?"),
    ("long ton", r"long\s+tons?"),
    ("short ton", r"short\s+tons?"),
    ("ppt", r"parts[\s-]per[\s-]trillion"),
    ("ppth", r"parts[\s-]per[\s-]thousand|(?-i:ppth)"),
    ("‱", r"‱|per\s?myriad|permyriad"),
    ("qubit", r"qubits?|quantum\s+bits?"),
    ("Tb", r"terabits?|(?-i:Tbit)"),
    ("ZB", r"zettabytes?|(?-i:ZB)"),
    ("mph", r"miles?\s+(?:per|an|a)\s+hour|mph|m\.p\.h\.?|mi/hr?"),
    ("knot", r"knots?"),
    ("nautical mile", r"nautical\s+miles?|(?-i:nm)(?=\s+(?:off|from|away))"),
    ("rpm", r"rpm|revolutions\s+per\s+minute"),
    ("fps", r"fps|frames\s+per\s+second"),
    ("Gbps", r"gigabits?\s+per\s+second|(?-i:Gbps|Gb/s)"),
    ("MP", r"megapixels?|(?-i:MP)(?![A-Za-z])"),
    ("carat", r"carats?"),
    ("km/h", r"kilomet(?:re|er)s?\s+(?:per|an|a)\s+hour|km/hr?|kmph|kph|kmh"),
    ("km/s", r"kilomet(?:re|er)s?\s+(?:per|a)\s+second|km/s"),
    ("m/s", r"met(?:re|er)s?\s+(?:per|a)\s+second|(?-i:m/s)"),
    ("mpg", r"miles?\s+per\s+gallon|mpg"),
    ("bhp", r"bhp|brake\s+horsepower"),
    ("hp", r"(?:metric\s+|british\s+)?horsepower|hp"),
    ("PS", r"(?<=\d\s)(?-i:PS)\b|(?<=\d)(?-i:PS)\b"),
    ("basis point", r"basis\s+(?:points?|pts?)|(?-i:bps?)"),
    ("ppg", r"ppg|points\s+per\s+game"),
    ("rpg", r"rpg|rebounds\s+per\s+game"),
    ("apg", r"apg|assists\s+per\s+game"),
    ("point", r"points|pts"),
    ("pence", r"(?<=\d)\s?(?-i:p)(?!\.\s?m\b)(?=[\s,.;)]|$)|pence"),  # not "4: 08 p. m."
    # whose cents, as earnings reports write them: "20 Canadian cents a share", "50 U.S. cents"
    ("cent", r"(?:(?:U\.S\.|US|American|Canadian|Australian|New\s+Zealand|Hong\s+Kong|Singapore)\s+)?cents?|¢"),
    ("kWh", r"kilowatt[\s-]hours?|(?-i:kWh)"),
    ("GWh", r"gigawatt[\s-]hours?|(?-i:GWh)"),
    ("MWh", r"megawatt[\s-]hours?|(?-i:MWh)"),
    ("Wh", r"watt[\s-]hours?|(?<=\d)(?-i:Wh)"),
    ("TWh", r"terawatt[\s-]hours?|(?-i:TWh)"),
    ("W", r"watts?|(?<=\d)(?-i:W)|(?<=\d\s)(?-i:W)(?=\s+(?:of|[a-z]+)\b|[,;)])"),
    ("kW", r"kilowatts?|(?-i:kW)"),
    ("MW", r"megawatts?|(?-i:MW)"),
    ("GW", r"gigawatts?|(?-i:GW)"),
    ("TW", r"terawatts?|(?-i:TW)"),
    ("kJ", r"kilojoules?|(?-i:kJ)"),
    ("MJ", r"megajoules?|(?-i:MJ)"),
    ("GJ", r"gigajoules?|(?-i:GJ)"),
    ("J", r"joules?"),
    ("kcal", r"kilocalories?|kcal"),
    ("cal", r"calories?"),
    ("Hz", r"hertz|(?-i:Hz|HZ)"),
    ("kHz", r"kilohertz|(?-i:kHz|KHZ)"),
    ("MHz", r"megahertz|(?-i:MHz|MHZ)"),
    ("GHz", r"gigahertz|(?-i:GHz|GHZ)"),
    ("G", r"(?<=\d)(?-i:G)(?![\w-])"),  # a generation of mobile networks: "5G"
    ("Mbps", r"megabits?\s+per\s+second|(?-i:Mbps|Mb/s)"),
    ("Kbps", r"kilobits?\s+per\s+second|(?-i:kbps|Kbps|kb/s)"),
    ("Mb", r"megabits?|(?-i:Mbit|Mb)"),
    ("Gb", r"gigabits?|(?-i:Gbit|Gb)"),
    ("Kb", r"kilobits?|(?-i:kbit|Kb)"),
    ("bit", r"bits"),
    ("KB", r"kilobytes?|(?-i:KB|kB)"),
    ("MB", r"megabytes?|(?-i:MB)"),
    ("GB", r"gigabytes?|(?-i:GB)"),
    ("TB", r"terabytes?|(?-i:TB)"),
    ("PB", r"petabytes?|(?-i:PB)"),
    ("EB", r"exabytes?|(?-i:EB)"),
    ("byte", r"bytes?"),
    ("mAh", r"milliamp(?:ere)?[\s-]hours?|(?-i:mAh)"),
    ("V", r"volts?|(?<=\d)(?-i:V)"),
    ("kV", r"kilovolts?|(?-i:kV)"),
    ("A", r"amperes?|amps|(?:(?<=\d)|(?<=\d\s))(?-i:A)(?=/)"),
    ("ohm", r"ohms?|Ω"),
    ("GPa", r"gigapascals?|(?-i:GPa)"),
    ("MPa", r"megapascals?|(?-i:MPa)"),
    ("kPa", r"kilopascals?|(?-i:kPa)"),
    ("hPa", r"hectopascals?|(?-i:hPa)"),
    ("Pa", r"pascals?"),
    ("mbar", r"millibars?|(?-i:mbar)"),
    ("bar", r"(?-i:bar)(?=[\s,.;)]|$)"),
    ("psi", r"psi"),
    ("dB", r"decibels?|(?-i:dB)"),
    ("Nm", r"newton[\s-]met(?:re|er)s?|(?-i:Nm)"),
    ("lb-ft", r"(?:lb|pound)[\s-](?:ft|feet|foot)"),
    (
        "celsius",
        r"(?:degrees?[\s-]+|°\s?|deg\s?)(?:cel[cs]ius|centigrade|c\b)|°c|cel[cs]ius|centigrade|"
        + _LETTER_AFTER_NUMBER.format("C"),
    ),
    (
        "fahrenheit",
        r"(?:degrees?[\s-]+|°\s?|deg\s?)(?:fa(?:h)?renheit|f\b)|°f|fa(?:h)?renheit|" + _LETTER_AFTER_NUMBER.format("F"),
    ),
    ("kelvin", r"kelvins?"),
    ("degree", r"degrees?|°"),
    ("Gt", r"gigat(?:on|onne)s?"),
    ("kt", r"kilot(?:on|onne)s?"),
    ("Mt", r"megat(?:on|onne)s?"),
    ("t", r"tonnes?|metric\s+tons?"),
    ("ton", r"tons?"),
    ("kg", r"kilo(?:gram|gramme)?s?|kg"),
    ("µg", r"micro\s?gram(?:me)?s?|mcg|µg"),
    ("ng", r"nanogram(?:me)?s?|(?<=\d)\s?(?-i:ng)"),
    ("mg", r"milligram(?:me)?s?|mg"),
    ("g", r"gram(?:me)?s?|(?<=\d)(?-i:g)|(?<=\d\s)(?-i:g)(?=[\s,.;)/]|$)"),
    ("lb", r"lbs?"),
    ("fl oz", r"fluid\s+ounces?|fl\.?\s?oz\.?"),
    ("oz", r"ounces?|oz"),
    ("mL", r"millilit(?:re|er)s?|ml"),
    ("cL", r"centilit(?:re|er)s?|(?-i:cl|cL)"),
    ("hL", r"hectolit(?:re|er)s?|(?-i:hl|hL)"),
    (
        "L",
        r"lit(?:re|er)s?|(?-i:ltr)|(?<=\d)(?-i:l|L)|(?<=\d\s)(?-i:l|L)(?=\s+of\b|[,.;)]|$)",
    ),  # "2 L of water", not "the 40 L train"
    ("gallon", r"gallons?|(?<=\d)\s?(?-i:gal)\b"),
    ("pint", r"pints?"),
    ("quart", r"quarts?"),
    ("cup", r"(?-i:cups?)"),
    ("tablespoon", r"tablespoons?|tbsps?|(?-i:tbs|Tbs|tbl)"),
    ("teaspoon", r"teaspoons?|tsps?"),
    ("bpd", r"barrels?\s+(?:per|a)\s+day|(?-i:bpd|b/d)"),
    ("barrel of oil", r"barrels?\s+of\s+oil"),  # a unit of its own in CQE's dictionary
    ("barrel", r"barrels?|(?-i:bbl)"),
    ("cubic foot", r"cubic\s+f(?:ee|oo)t|(?-i:cu\.?\s?ft|ft3|ft³)"),
    ("km3", r"cubic\s+kilomet(?:re|er)s?|(?-i:km3|km³)"),
    ("m3", r"cubic\s+met(?:re|er)s?|met(?:re|er)s\s+cubed|(?<=\d)\s?(?-i:m3|m³|m\^3)(?!\d)"),
    ("ppm", r"parts[\s-]per[\s-]million|ppm"),
    ("ppb", r"parts[\s-]per[\s-]billion|ppb"),
    ("‰", r"‰|per\s?mil(?:le|l)?\b"),
    ("ly", r"light[\s-]years?"),
    ("AU", r"astronomical\s+units?"),
    ("lumen", r"lumens?"),
    ("nit", r"nits"),
    ("lux", r"lux"),
    ("nm", r"nanomet(?:re|er)s?|(?-i:nm)"),
    ("µm", r"micromet(?:re|er)s?|microns?|µm"),
    ("mm", r"millimet(?:re|er)s?|mm"),
    ("cm", r"centimet(?:re|er)s?|cm"),
    ("inch", r"inch(?:es)?|(?<=\d)(?:″|\"(?=-|\s+[a-z])|(?-i:in)(?=[\s,;)-]|\.\s|$))"),
    ("foot", r"f(?:ee|oo)t|ft"),
    ("yard", r"yards?|yds?"),
)
# one named group per unit, u0, u1, ..., so that a match tells which unit it is
MEASURE_PATTERN = "|".join(f"(?P<u{i}>{p})" for i, (_, p) in enumerate(MEASURES))

# 3. Counted nouns -----------------------------------------------------------------------------
# What a conflict story counts; another plural noun right after a number is its noun too (see
# ``quantity_read.noun_after``), but only these make a bare number word or a year-like number count.
COUNTED = set(
    words(
        "people person civilian soldier troop settlement village town city resident body grave tank "
        "child man woman casualty death dead wounded injured prisoner captive hostage refugee evacuee "
        "home house building apartment drone missile rocket shell aircraft helicopter jet plane vehicle "
        "fighter serviceman personnel officer journalist victim family household worker patient hospital "
        "school district locality community bridge gun howitzer ship vessel boat member detainee student "
        "doctor medic militant combatant mercenary conscript recruit reservist mine strike airstrike attack "
        "incident site position round battalion brigade unit police policeman firefighter rescuer volunteer "
        "displaced missing sailor pilot marine paratrooper official invader occupier defender weapon "
        "launcher system"
    )
)
IRREGULAR = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "servicemen": "serviceman",
    "policemen": "policeman",
}
# nouns the same in both numbers, read as written (not "specy", "sery", "new"); not in ``IRREGULAR``, whose
# words are plurals only
_SAME_IN_BOTH = frozenset(words("species series news means headquarters"))


def singular(word: str) -> str:
    """A plural noun's singular, lower-cased, by its ending or ``IRREGULAR`` ("cities" "city", "women" "woman");
    "people" and "species" stay; a word that is no plural is returned lower-cased."""
    word = word.lower()
    if word in _SAME_IN_BOTH:
        return word
    if word in IRREGULAR or word == "persons":  # "men" -> "man", "children" -> "child", "people" as it is
        return IRREGULAR.get(word, "person")
    for suffix, repl in (("men", "man"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def is_counted(word: str) -> bool:
    """True when a word, singular or plural in any case, is one of ``COUNTED`` ("Soldiers", "bodies", "men")."""
    return singular(word) in COUNTED


FILLER = set(words("of the a an and or were was had have has in on at to for by from with who that which is are"))
# Words ending in -s after a number that are not what it counts.
NOT_PLURAL = set(
    words(
        "is was has his its this thus us as yes does goes says less unless across plus minus versus "
        "seconds minutes hours days nights weeks months years decades centuries "
        "times per always perhaps previous various famous serious bonus status news series means whereas"
    )
)
