"""Word lists of ``actors/context.py``; data only.

The head words by which an organisation's name says what kind of actor it is, as CAMEO's
agent codes name kinds (CAMEO manual 1.1b3, ch. 4 "Actor codes"): a name the dictionaries
lack ("the Department of Environmental Services", "McPherson & Jacobsen LLC") is coded by
its words and the story's country.
"""

from __future__ import annotations

# Lower-case word of the name -> CAMEO agent code. The last such word of the name decides
# ("Lakeview Board of Education": education; "Police Department": police).
ORGANISATION_WORDS: dict[str, str] = {
    "department": "GOV",
    "ministry": "GOV",
    "office": "GOV",
    "bureau": "GOV",
    "administration": "GOV",
    "agency": "GOV",
    "commission": "GOV",
    "council": "GOV",
    "authority": "GOV",
    "government": "GOV",
    "senate": "LEG",
    "assembly": "LEG",
    "parliament": "LEG",
    "congress": "LEG",
    "legislature": "LEG",
    "police": "COP",
    "sheriff": "COP",
    "patrol": "COP",
    "court": "JUD",
    "jury": "JUD",
    "army": "MIL",
    "navy": "MIL",
    "guard": "MIL",
    "university": "EDU",
    "college": "EDU",
    "school": "EDU",
    "academy": "EDU",
    "education": "EDU",
    "hospital": "HLH",
    "clinic": "HLH",
    "church": "REL",
    "diocese": "REL",
    "party": "PTY",
    "union": "LAB",
    "company": "BUS",
    "corporation": "BUS",
    "corp": "BUS",
    "inc": "BUS",
    "llc": "BUS",
    "ltd": "BUS",
    "bank": "BUS",
    "foundation": "NGO",
    "association": "NGO",
    "society": "NGO",
    "coalition": "NGO",
}

# Common nouns that name an organisation, beside a name the recogniser took for one ("the
# network, NBC News"; ``context.person_by_apposition`` reads any other singular noun beside
# a two- or three-word name as a person's: "the moderator, Lester Holt").
ORGANISATION_NOUNS = frozenset(
    {
        "group",
        "firm",
        "network",
        "outlet",
        "newspaper",
        "paper",
        "channel",
        "station",
        "magazine",
        "publisher",
        "organization",
        "organisation",
        "charity",
        "nonprofit",
        "company",
        "business",
        "brand",
        "team",
        "club",
        "band",
        "movement",
        "campaign",
        "committee",
        "institute",
        "center",
        "centre",
        "project",
        "program",
        "programme",
        "fund",
        "city",
        "town",
        "county",
        "state",
        "country",
        "province",
        "region",
        "district",
        "app",
        "website",
        "site",
        "show",
        "book",
        "film",
        "movie",
    }
)
