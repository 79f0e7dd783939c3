"""Arabic→English language data the QA checks read, as tables (the way translate-toolkit's `lang/ar.py` keeps it).

Arabic spellings are written here as a reader would write them; the number tables are looked up after
`tarjama.arabic.normalise_for_matching`, which `numbers.py` applies to them once.
"""

from __future__ import annotations

#: The Unicode blocks of the Arabic script (basic, supplement, extended-A, presentation forms A and B, without the
#: byte order mark U+FEFF at the end of forms B), as a regular-expression character class body.
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"

#: Arabic punctuation and number signs, and what English writes instead. Used for punctuation left in the English
#: target and, with `FINAL_PUNCTUATION`, to compare how source and target end.
ARABIC_TO_ENGLISH_PUNCTUATION = {
    "،": ",",  # U+060C Arabic comma
    "؛": ";",  # U+061B Arabic semicolon
    "؟": "?",  # U+061F Arabic question mark
    "٪": "%",  # U+066A Arabic percent sign
    "٫": ".",  # U+066B Arabic decimal separator
    "٬": ",",  # U+066C Arabic thousands separator
    "۔": ".",  # U+06D4 Arabic full stop (Urdu style, seen in pasted text)
}

#: The digit systems an Arabic source may use besides 0-9, each indexed by digit value.
ARABIC_DIGIT_SYSTEMS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")

#: How a sentence ends, mapped to the English mark it corresponds to; a text ending in anything else ends "without
#: punctuation". "..." is read as "…".
FINAL_PUNCTUATION = {
    ".": ".",
    "!": "!",
    "?": "?",
    ",": ",",
    ";": ";",
    ":": ":",
    "…": "…",
    **{arabic: english for arabic, english in ARABIC_TO_ENGLISH_PUNCTUATION.items() if english in ".?,;"},
}

#: Closing quotes and brackets that may follow the final punctuation («…». in Arabic, “….” in English).
TRAILING_CLOSERS = "»”’\"')]}›"

#: Brackets that must pair up in the target when they do in the source.
BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}"}
#: Double quotation marks: Arabic «», English “” (and „), and the straight " which opens and closes alike.
DOUBLE_QUOTES_OPENING = "«“„"
DOUBLE_QUOTES_CLOSING = "»”"
STRAIGHT_DOUBLE_QUOTE = '"'
#: ‘ opens a single quotation; ’ closes it but is also the apostrophe (don’t, Syria’s, the states’), so only an
#: opening ‘ with no ’ after it is unbalanced. The straight ' is left alone: it is nearly always an apostrophe.
SINGLE_QUOTE_OPENING = "‘"
SINGLE_QUOTE_CLOSING = "’"

#: Characters that change nothing visible in the English text but break display, search or export: bidi marks,
#: embeddings, overrides and isolates, zero-width space and (non-)joiners, word joiner, byte order mark, soft
#: hyphen. The no-break space is not here: English typography uses it on purpose ("10 km", "Mr Smith").
INVISIBLE_CHARACTERS = frozenset(
    [
        "\u00ad",
        "\u061c",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        *map(chr, range(0x202A, 0x202F)),
        "\u2060",
        *map(chr, range(0x2066, 0x206A)),
        "\ufeff",
    ]
)

#: English number words a translator may write for a numeral of the source.
ENGLISH_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "billion": 1_000_000_000,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
    # A date written 27/2/2016 in the source becomes "27 February 2016".
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

#: Arabic number words, so that a numeral in the target for a number the source spells out is not "extra".
ARABIC_NUMBER_WORDS = {
    "صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8,
    "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30,
    "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70,
    "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100, "مئتان": 200,
    "مئتين": 200, "مائتان": 200, "مائتين": 200, "ألف": 1000, "ألفان": 2000, "ألفين": 2000, "مليون": 1_000_000,
    "مليونان": 2_000_000, "مليونين": 2_000_000, "مليار": 1_000_000_000, "بليون": 1_000_000_000,
}  # fmt: skip

#: Clitics written onto an Arabic number word: and, so, with/by, for/to, the, and their combinations.
ARABIC_WORD_PREFIXES = ("وبال", "ولل", "وال", "بال", "فال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")

#: Words that multiply the number before them: "٣ ملايين" may be "3 million" or "3,000,000".
SCALE_WORDS = {
    "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "ألف": 1000, "آلاف": 1000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000, "بليون": 1_000_000_000, "تريليون": 1_000_000_000_000,
}  # fmt: skip

#: Signs and phrases that make the number next to them a percentage (after it; a sign may also come before it).
PERCENT_SIGNS = "%٪"
PERCENT_WORDS = ("percent", "per cent", "في المئة", "في المائة", "بالمئة", "بالمائة")
