"""Word lists for coreference (data only; see ``actors/coref.py``)."""

from __future__ import annotations

# Pronouns that refer to the speaker's group inside a quotation.
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours"})

# Pronouns of a person; their antecedent must carry a person-like agent code.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Plural pronouns take the nearest actor of any kind.
PLURAL_PRONOUNS = frozenset({"they", "them"})
# "it" takes the nearest organisation or country (never a person).
THING_PRONOUNS = frozenset({"it"})

# Possessive pronouns before an agent with no country ("its troops", "their police"): the
# agent belongs to the pronoun's antecedent, a country or organisation for "its", a plural
# actor (or organisation) for "their", a person for "his" and "her" ("al-Maliki said his
# government ..."), when that is a country or a state body.
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
PERSON_POSSESSIVES = frozenset({"his", "her"})
# The owners whose country an owned agent takes: a country, or a state body (CAMEO agent
# codes of the state). "the Taliban ... three of its commanders" are the group's own, not
# Afghanistan's military: a non-state owner leaves the agent as it was.
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

# Agent codes (3 letters, CAMEO) a person can hold.
PERSON_AGENTS = frozenset({"GOV", "MIL", "ELI", "OPP", "REB", "INS", "LEG", "JUD", "COP"})

# Descriptions of a quotation's source: they refer back to an anonymous speaker.
SPEAKER_DESCRIPTIONS = frozenset({"source", "official", "spokesman", "spokeswoman"})

# Definite descriptions -> (agent codes their antecedent must carry, or None for any;
# whether the antecedent must be a bare country code).
DESCRIPTION_AGENTS: dict[str, tuple[frozenset[str] | None, bool]] = {
    "country": (None, True),
    "nation": (None, True),
    "state": (None, True),
    "kingdom": (None, True),
    "republic": (None, True),
    "ministry": (frozenset({"GOV"}), False),
    "government": (frozenset({"GOV"}), False),
    "administration": (frozenset({"GOV"}), False),
    "cabinet": (frozenset({"GOV"}), False),
    "regime": (frozenset({"GOV"}), False),
    "army": (frozenset({"MIL"}), False),
    "military": (frozenset({"MIL"}), False),
    "troops": (frozenset({"MIL"}), False),
    "police": (frozenset({"COP"}), False),
    "group": (frozenset({"REB", "INS", "OPP", "UAF", "MOD", "RAD"}), False),
    "insurgent": (frozenset({"REB", "INS", "UAF"}), False),
    "insurgency": (frozenset({"REB", "INS", "UAF"}), False),
    "rebel": (frozenset({"REB", "INS", "UAF"}), False),
    "militant": (frozenset({"REB", "INS", "UAF", "RAD"}), False),
    "resistance": (frozenset({"REB", "INS", "UAF"}), False),
    "opposition": (frozenset({"OPP"}), False),
    "party": (frozenset({"OPP", "PTY"}), False),
}

# Heads of organisations and groups: "he" and "she" never refer back to them ("Vietnam's
# coast guard", "the Foreign Ministry"), whatever agent code they carry.
ORGANISATION_HEADS = frozenset(
    {
        "guard",
        "army",
        "military",
        "force",
        "forces",
        "troops",
        "police",
        "government",
        "ministry",
        "administration",
        "cabinet",
        "regime",
        "office",
        "department",
        "court",
        "parliament",
        "assembly",
        "council",
        "party",
        "group",
        "agency",
        "committee",
        "commission",
        "navy",
        "unit",
    }
)
# Named-entity labels that are not persons.
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
