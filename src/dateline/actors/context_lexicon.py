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
