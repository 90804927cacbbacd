"""Word lists the coder reads (data only, no logic).

Lemmas are lower case. Sources: PETRARCH2's handling of reported speech and the CAMEO
manual 1.1b3 (verbs of saying are not events; modals mark hypotheticals).
"""

from __future__ import annotations

# Verbs of saying: they introduce the reported clause, which is what gets coded
# (issue 3: "said", "told", "according to", "revealed", "admitted").
SAYING_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "report",
        "reveal",
        "admit",
        "add",
        "state",
        "claim",
        "note",
        "explain",
        "confirm",
        "disclose",
        "caution",
        "insist",
        "quote",
        "remark",
        "write",
        "comment",
        "indicate",
    }
)

# Prepositional cues of reported speech ("according to X").
SAYING_PREPOSITIONS = frozenset({"accord"})

# Modal auxiliaries that make an event hypothetical ("could attack", "may meet").
HYPOTHETICAL_MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must"})

# Subordinators that make a clause conditional ("if they attack").
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})

# Negation words a pattern may name, so that a negative pattern takes the event's code
# rather than flagging it negated ("- NOT * [112]", synsets such as &NEGATVAUXVRB).
NEGATION_WORDS = frozenset({"NOT", "N'T", "NEVER", "NO", "NOR", "CANNOT"})

# Dependency labels of a verb's own objects and complements, searched for the target.
TARGET_DEPS = frozenset(
    {"dobj", "dative", "prep", "attr", "oprd", "pobj", "agent", "obj", "iobj", "npadvmod"}
)

# Dependency labels that open another clause: not searched for the verb's target.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj", "pcomp"}
)

# Subject labels.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
