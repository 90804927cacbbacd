"""Word lists of ``events/evaluation.py``; data only (lemmas, lower case)."""

from __future__ import annotations

# Verbs that name someone as something ("called Wilson a disgrace", "described the plan as
# reckless").
NAMING_LEMMAS = frozenset(
    {"call", "describe", "label", "brand", "term", "dub", "deem", "consider", "regard"}
)
NAMING_PREPOSITIONS = frozenset({"as"})

# Verbs that report what someone said of someone ("said Wilson has demonstrated hostility").
REPORTING_LEMMAS = frozenset(
    {"say", "argue", "contend", "write", "add", "tell", "insist", "maintain", "declare"}
)

# Verbs that predicate a quality of their subject ("is a disgrace", "seems unfit").
COPULAS = frozenset({"be", "seem", "appear", "remain", "become", "look", "sound"})

# Verbs that tell a trait of their subject through what it shows or lacks ("has
# demonstrated hostility to voting rights", "lacks the judgment", "poses a threat to the
# country"): said of an actor, they evaluate it as a copula does. Verbs of doing ("thwarted
# an attack") are not here: they tell an act, which the coder codes on its own.
TRAIT_VERBS = frozenset({"show", "demonstrate", "display", "exhibit", "lack", "pose"})

# CAMEO manual 1.1b3: 111 "Criticize or denounce", 051 "Praise or endorse".
CRITICISM_CODE = "111"
PRAISE_CODE = "051"

# Pronouns that never name the party spoken of: the speaker's own side, and "it".
SELF_PRONOUNS = frozenset({"i", "me", "we", "us", "it", "its"})
# Pronouns that name the speaker when they share the speaker's code ("Moore said she").
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
