"""Word lists of ``events/legal.py``; data only (lemmas, lower case)."""

from __future__ import annotations

# Verbs whose passive with no agent implies who acted: the police arrest and hold, courts
# and grand juries indict, try, convict and sentence (CAMEO manual 1.1b3, 173 and 116).
IMPLIED_AGENTS: dict[str, str] = {
    "arrest": "COP",
    "detain": "COP",
    "apprehend": "COP",
    "handcuff": "COP",
    "book": "COP",
    "jail": "COP",
    "charge": "COP",
    "indict": "JUD",
    "convict": "JUD",
    "sentence": "JUD",
    "acquit": "JUD",
    "prosecute": "JUD",
}

# "was taken to the county jail", "was transported into custody": the police take people
# to detention (rule ``legal.implied_agent``, with the verb dictionary's 173 patterns).
CUSTODY_LEMMAS = frozenset({"take", "transport", "bring", "escort"})
CUSTODY_PREPOSITIONS = frozenset({"to", "into"})
CUSTODY_PLACES = frozenset({"jail", "custody", "prison", "detention", "lockup"})

# "was released from jail" (the police), "released on bond", "on his own recognizance" (a
# court): a release from custody whose agent is implied (``legal.implied_agent``).
RELEASE_LEMMAS = frozenset({"release", "free"})
BAIL_NOUNS = frozenset({"bail", "bond", "recognizance", "parole", "probation"})
RELEASE_CODE = "0841"  # CAMEO "Return, release person(s)"

# "charged with burglary": a legal charge.
CHARGE_LEMMAS = frozenset({"charge"})
CHARGE_PREPOSITIONS = frozenset({"with"})
CHARGE_CODE = "173"
# "faces charges", "faces two counts of murder": the subject is charged, by the police
# (``legal.facing_charges``).
FACING_LEMMAS = frozenset({"face"})
CHARGE_NOUNS = frozenset({"charge", "count", "indictment"})
CHARGING_AGENT = "COP"

# A court's decision on a person.
VERDICT_LEMMAS = frozenset({"sentence", "convict"})
GUILTY_WORDS = frozenset({"guilty", "liable"})
VERDICT_CODE = "116"

# "Detectives questioned two men": the police and courts investigate by questioning.
QUESTIONING_LEMMAS = frozenset({"question", "interrogate", "interview"})
INVESTIGATING_AGENTS = frozenset({"COP", "JUD", "SPY"})
QUESTIONING_CODE = "091"
