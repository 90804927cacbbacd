"""Words that change the code an actor phrase gets (data only; used by ``actors/match.py``).

CAMEO codes former office holders as elites (ELI), not as the office they held: "a former
Iraqi foreign minister" is IRQELI, not IRQGOV (CAMEO manual 1.1b3, actor codes, ELI).
"""

from __future__ import annotations

# Modifiers that make an agent a former one (matched on lower-case tokens).
FORMER_MARKERS = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "retired"})

# The agent code a former office holder gets instead of the office's.
FORMER_AGENT = "ELI"

# Endings a TABARI stem (a dictionary phrase without a trailing "_") may take in the text:
# plurals, demonyms and country names ("AMERICA" -> "Americans", "ARGENTIN" -> "Argentina",
# "BULGAR" -> "Bulgarian"). Any other ending is another word: the stem "GERA" (a German city)
# must not match "Gerald".
STEM_SUFFIXES = frozenset(
    {
        "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "i", "is", "ia",
        "ias", "y", "ese", "ish", "ic", "ics", "a", "e", "o", "er", "ers", "ite", "ites",
    }
)  # fmt: skip

# Prepositions that join an agent to the actor it belongs to: "the government of Iraq",
# "representatives from the Iraqi insurgency" (not "to" or "in": "the ambassador to Iraq"
# and "troops in Iraq" are often someone else's).
AGENT_OF_PREPOSITIONS = frozenset({"of", "from"})

# Words that coordinate two actor phrases ("US and British forces").
COORDINATORS = frozenset({",", "and", "or", "&"})

# CAMEO religion codes (CAMEO manual 1.1b3, religion codes) that are also ISO 3166 codes:
# after a non-state code they are the religion, not the country ("IMGMUSALQ" is a Muslim
# militant group, not Mauritius; "SHN" is Shinto, not Saint Helena).
RELIGION_CODES = frozenset({"MUS", "SHN"})

# Titles of address before a surname ("Mr. Mugabe", "Dr. Rice"): with the title, a surname
# that is the last word of exactly one person in the dictionary names that person.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "madame", "mme", "monsieur", "sir", "dame", "sheikh"}
)
# Arabic article prefixes a surname may be written with or without ("al-Assad", "Assad").
SURNAME_ARTICLES = ("al-", "el-")
# A surname shared by more dictionary entries than this names no one in particular ("Khan").
SURNAME_MAX_ENTRIES = 4

# Words that make a name before them part of a place's name ("Clinton St.", "Lincoln
# Memorial", "Kennedy Airport"): the name is no actor there (``mentions.in_a_place_name``).
PLACE_NAME_WORDS = frozenset(
    {
        "airport",
        "arena",
        "ave",
        "avenue",
        "blvd",
        "boulevard",
        "bridge",
        "drive",
        "highway",
        "hwy",
        "lane",
        "memorial",
        "monument",
        "park",
        "rd",
        "road",
        "square",
        "st",
        "stadium",
        "street",
    }
)

# A quoted title of a work ("Apropos of Nothing"): at most this many words, each capitalised
# but for these small words (``mentions.title_of_a_work``).
TITLE_MAX_WORDS = 12
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
