"""Word lists and weights of the place stage (data only, no logic)."""

from __future__ import annotations

# spaCy entity labels that name places (OntoNotes: countries/cities/states, other locations,
# facilities).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose names are places only when the gazetteer knows them well (a facility such as
# "the White House" is no town).
WEAK_LABELS = frozenset({"FAC"})

# Labels the small English model sometimes gives to towns ("Chennai" ORG, "Giza" PERSON):
# such a name is taken as a place only where places stand and only when it names a place known
# enough for how surely it stands there (a state, a country, or a town of this population:
# index 2 after "in"/"at"/..., 1 after "to"/"from" or beside another place).
MISLABELLED = frozenset({"PERSON", "ORG"})
RESCUE_MIN_POPULATION = (0, 100_000, 10_000)
# Labels of names that may hold a place name inside them: "the Ohio Department of Health",
# "University of Cincinnati", "Dublin City Council" (LGL and GeoWebNews count such names as
# toponyms, as an analyst mapping an article would).
HOLDER_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# A name labelled so is a place when it names a country, a state or a county outright
# ("Texas" and "Laurel County" labelled ORG); a person's name seldom does.
AREA_MISLABELLED = frozenset({"ORG"})
# Endings of county names that say what they are (folded).
DIVISION_WORDS = (" county", " parish", " borough")
# The longest place name looked for inside another name, in tokens.
EMBEDDED_MAX_TOKENS = 4
# A town at the head of another name is a place there only before one of these words ("Ripley
# Police", "Watertown High School"); a state, country or county at its head always is ("the
# Ohio Department of ...", "Laurel County Fiscal Court"). Lower case.
ORGANISATION_HEAD_WORDS = frozenset(
    {
        "police",
        "department",
        "council",
        "city",
        "county",
        "township",
        "town",
        "village",
        "university",
        "college",
        "school",
        "schools",
        "high",
        "middle",
        "elementary",
        "academy",
        "hospital",
        "medical",
        "chamber",
        "commission",
        "court",
        "board",
        "club",
        "center",
        "centre",
        "society",
        "museum",
        "library",
        "times",
        "news",
        "post",
        "herald",
        "journal",
        "gazette",
        "tribune",
        "daily",
        "courier",
        "airport",
        "fire",
        "sheriff",
        "sheriff's",
        "office",
        "authority",
        "public",
        "port",
        "area",
        "regional",
        "community",
        "district",
        "municipal",
        "metro",
        "metropolitan",
        "state",
        "fed",
        "symphony",
        "zoo",
        "historical",
        "church",
        "cathedral",
        "mall",
        "plaza",
        "park",
        "parks",
        "water",
        "housing",
        "transit",
        "arts",
        "art",
        "festival",
        "fair",
        "fairgrounds",
        "planning",
        "zoning",
        "economic",
        "development",
        "convention",
        "visitors",
        "rotary",
        "lions",
        "kiwanis",
        "parish",
        "borough",
        "region",
        "government",
        "assembly",
        "legislature",
        "senate",
        "house",
        "parliament",
        "ministry",
        "army",
        "navy",
        "embassy",
    }
)
# Words never taken as a place inside another name (towns of these names exist: "Central",
# "Gulf", "Metro").
NOT_EMBEDDED_PLACES = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "metro",
        "gulf",
        "university",
        "city",
        "county",
        "park",
        "loop",
        "delta",
        "story",
        "union",
        "national",
        "federal",
        "state",
        "united",
        "royal",
        "international",
        "american",
        "general",
        "first",
        "mount",
    }
)
# A town named inside another name is kept when it is this populous, or lies in a division
# the article's own places lie in (a local paper's "Watertown Police").
EMBEDDED_MIN_POPULATION = 100_000
# The smallest town taken inside another name, even in the article's own division.
EMBEDDED_MIN_LOCAL_POPULATION = 1000
# The kinds of place an adjective formed by rule may name ("Dagestani", "Abkhaz", "African"):
# not countries, whose demonyms are listed in full ("Roman" is not Romania's).
DERIVED_DEMONYM_CODES = frozenset({"ADM1", "CONT"})
# Labels of nationality words, read as the place they come from ("Iraqi", "Ohioans").
DEMONYM_LABELS = frozenset({"NORP"})

# Anywhere in the text, such a name is taken when it is a town of the article's own division
# (the divisions of the places it names as places) of this population: a person's name must be
# a bigger town than an organisation's.
LOCAL_PERSON_MIN_POPULATION = 10_000
LOCAL_ORG_MIN_POPULATION = 1_000
# Prepositions of motion that also take places ("fled to Chad", "flew from Lagos").
MOTION_PREPOSITIONS = frozenset({"to", "from", "into", "toward", "towards"})

# Prepositions that put an event at a place ("met in Amman", "outside Baghdad").
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
)

# Prepositions that link a place to the noun a place preposition governs ("in the capital of
# Amman", "on the outskirts of Baghdad").
LINKING_PREPOSITIONS = frozenset({"of"})

# Nouns that, after a demonym, name the country's capital ("the Jordanian capital").
CAPITAL_NOUNS = frozenset({"capital"})

# Leading words that are not part of a place name ("the Netherlands" keeps its article in
# the gazetteer; the others are stripped when the full name is not found).
STRIP_PREFIXES = (
    "the ",
    "downtown ",
    "northern ",
    "southern ",
    "eastern ",
    "western ",
    "central ",
    "north ",
    "south ",
    "east ",
    "west ",
)

# An all-capital name this short is an acronym: it matches no town ("EU" is not Eu, France).
ACRONYM_MAX_CHARS = 3
# ... unless it is the initials of a city this large ("NYC", "LA", "HK").
ACRONYM_CITY_MIN_POPULATION = 500_000

# Canadian provinces and territories as news abbreviates them (Canadian Press and AP style:
# "London, Ont.", "Victoria, B.C.") -> GeoNames admin1 code. Like the AP state abbreviations,
# they pin the town before them; written with their dots, they also name the province alone.
PROVINCE_ABBREVIATIONS = {
    "Alta.": "CA.01",
    "B.C.": "CA.02",
    "Man.": "CA.03",
    "N.B.": "CA.04",
    "N.L.": "CA.05",
    "Nfld.": "CA.05",
    "N.S.": "CA.07",
    "Ont.": "CA.08",
    "P.E.I.": "CA.09",
    "Que.": "CA.10",
    "Sask.": "CA.11",
    "N.W.T.": "CA.13",
}

# Spelling variants tried when a name is not in the gazetteer (keys are folded names).
ABBREVIATED_WORDS = {
    "mt": "mount",
    "ft": "fort",
    "st": "saint",
    "pt": "port",
    "saint": "st",
    # "W. Columbia", "N. Charleston": a compass point before a town's name.
    "w": "west",
    "e": "east",
    "n": "north",
    "s": "south",
}
MUNICIPALITY_SUFFIXES = frozenset({"township", "twp", "city", "village", "borough", "town"})
# A county's word abbreviated at the end of its name ("Platte Co.").
ABBREVIATED_LAST_WORDS = {"co": "county", "cnty": "county", "twp": "township"}

# Ranking: the prior of a candidate by feature code (towns use log10 of their population).
FEATURE_PRIOR = {
    "PCLI": 10.0,
    "CONT": 9.0,
    "ADM1_US": 7.0,
    "ADM1": 6.0,
    "ADM2_US": 5.0,
    # Elsewhere an admin2 area often shares its name with its main town, which should win.
    "ADM2": 3.5,
}
CAPITAL_BONUS = 2.5  # a national capital over a town of the same name and size
FAME_WEIGHT = 0.5  # times log10 of the number of a town's names in GeoNames
ALTERNATE_NAME_PENALTY = 1.0  # the name is one of the place's alternate names
# A town known by the name only as an alternate, when a town at least as large bears it as its
# own name ("Maryville": Maryville, not Beeville, whose former name it was), loses this more.
OTHER_TOWNS_NAME_PENALTY = 5.0
# Context weights: the share of the article's other places in the candidate's country, and in
# its admin1 area (state, province); a written hint ("Springfield, Ill.", "the Jordanian
# capital of Amman") outweighs both.
COUNTRY_CONTEXT_WEIGHT = 4.0
ADMIN1_CONTEXT_WEIGHT = 5.0
# Outside the US an admin1 area can be as large as England: its context says less.
ADMIN1_CONTEXT_WEIGHT_ELSEWHERE = 3.0
HINT_WEIGHT = 8.0
# A town whose state or province the article names outright ("... Dublin ... Ohio").
NAMED_ADMIN1_WEIGHT = 2.0
# A town in a county the article names, or a county holding a town it names.
CONTAINMENT_WEIGHT = 3.0
# Rounds of re-ranking with the other names' picks as context.
CONTEXT_ROUNDS = 2
# Nearness: a town or county within NEAR_KM of another town or county the article names
# gains up to NEAR_WEIGHT (linearly less with the distance).
NEAR_KM = 150.0
NEAR_WEIGHT = 3.0
# A namesake abroad takes a national capital's bonus away only when it is a town of at least
# this many people: a hamlet called Paris near Washington is no reason to doubt Paris, France
# (the US post-office towns of the gazetteer have no population: 0).
CAPITAL_NAMESAKE_MIN_POPULATION = 500
# A place GeoNames does not list (a US post-office town, a district or landmark of
# districts.tsv) is known only in its own country's news: it is a candidate only when its
# country holds at least this share of the article's context (its other places, dateline,
# outlet and actors), so "Darfur" is no Minnesota hamlet and "the Green Zone" of a
# sports story is no part of Baghdad.
UNLISTED_PLACE_MIN_COUNTRY_SHARE = 0.0
# A town that shares its name with a country, or with a state or province of these countries,
# needs the text to say it is the town ("China, Texas"); else it loses this much.
AREA_NAMESAKE_PENALTY = 2.5
# A county named without its "County" ("Douglas") is the county only when the words around
# say so ("Douglas and Sarpy counties"); else a town of the name comes first.
BARE_COUNTY_PENALTY = 2.0
NAMESAKE_DIVISION_COUNTRIES = frozenset({"US", "CA"})
# The dateline's country counts as this many places of context, and the actors' countries
# together as this many.
DATELINE_VOTES = 2.0
ACTOR_VOTES = 3.0
# The outlet's country, read from the country-code domain of its web address
# ("lfpress.ca", "independent.ie", "thisisoxfordshire.co.uk"), counts as this many places.
OUTLET_COUNTRY_VOTES = 2.0
# Country-code domains that sites take for their letters, not their country (".tv", ".io").
GENERIC_COUNTRY_DOMAINS = frozenset(
    {
        "ac",
        "ai",
        "am",
        "cc",
        "co",
        "fm",
        "gg",
        "io",
        "is",
        "la",
        "ly",
        "me",
        "nu",
        "tk",
        "to",
        "tv",
        "ws",
        "eu",
    }
)
# Country-code domains that are not the country's ISO 3166 code.
COUNTRY_DOMAIN_CODES = {"uk": "GB"}

# Words around a name that say which kind of place it is (issue 12: "New York City",
# "in New York state", "Mexico's president", "Clarke and Oconee counties"). Lower-case words
# right after the name, and the words right before it.
STATE_WORDS_AFTER = frozenset({"state"})
STATE_WORDS_BEFORE = ("state of ", "upstate ", "downstate ", "the state of ")
COUNTY_WORDS_AFTER = frozenset({"county", "counties", "parish", "parishes"})
CITY_WORDS_AFTER = frozenset({"city"})
# Nouns after a possessive name that only a country or a state has ("Mexico's president").
COUNTRY_NOUNS_AFTER_POSSESSIVE = frozenset(
    {"president", "prime", "government", "army", "military", "parliament", "embassy"}
)
STATE_NOUNS_AFTER_POSSESSIVE = frozenset({"governor", "legislature", "attorney"})
# The fewest names of a list whose one common kind types them all ("Missouri, New York,
# North Carolina and Virginia": states).
LIST_MIN_NAMES = 3
# How much a kind said by the words around outweighs the other evidence.
KIND_HINT_WEIGHT = 6.0

# Dependency labels of a name that modifies a noun ("US troops", "Iraqi government").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
