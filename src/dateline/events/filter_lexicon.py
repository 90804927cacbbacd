"""Word lists of the event filter (``events/filter.py``); data only.

Lemmas are lower case. Each list says the construction it serves; none is drawn from a gold
record (issue 10: rules for constructions, measured on whole gold sets).
"""

from __future__ import annotations

from .evaluation_lexicon import NAMING_LEMMAS as EVALUATION_NAMING_LEMMAS

# Verbs with so general a sense that their dictionary block's own code is a guess unless a
# pattern names what they act on ("took a beating", "gave the campaign a lift", "went to
# bed", "served as a lawyer", "led the prosecution"): light, motion, possession, perception
# and aspect verbs of English.
GENERIC_VERBS = frozenset(
    {
        # motion: "deputies arrived at her home", "people were traveling to Dallas"
        "arrive",
        "drive",
        "fly",
        "gather",
        "head",
        "return",
        "travel",
        "walk",
        "be",
        "become",
        "bring",
        "carry",
        "come",
        "do",
        "draw",
        "end",
        # "expressed opinions about Obama": EXPRESS's block code (110) with no pattern
        "express",
        "face",
        "find",
        "follow",
        "get",
        "give",
        "go",
        "have",
        "hear",
        "help",
        "hit",
        "hold",
        "issue",
        "join",
        "keep",
        "lead",
        "learn",
        "leave",
        "let",
        "look",
        "make",
        "manage",
        "mean",
        "move",
        "need",
        "open",
        "put",
        "raise",
        "reach",
        "release",
        "run",
        "see",
        "seek",
        "serve",
        "set",
        "show",
        "start",
        "take",
        "trade",
        "turn",
        "use",
        "want",
        "watch",
        "work",
    }
)

# Words whose noun phrase is not an actor whatever a dictionary says: markets and prices,
# weather, figures and reports, works of the media (a sports team named by a dictionary
# actor, "the KU basketball team", stays that actor) (issue 10: "markets fought back" ->
# 190).
NON_ACTOR_HEADS = frozenset(
    {
        "market",
        "stock",
        "share",
        "price",
        "index",
        "bond",
        "yield",
        "currency",
        "dollar",
        "euro",
        "oil",
        "gold",
        "investor",
        "trader",
        "weather",
        "storm",
        "rain",
        "snow",
        "wind",
        "temperature",
        "poll",
        "survey",
        "number",
        "rate",
        "figure",
        "record",
        "data",
        "report",
        "pattern",
        "sale",
        "revenue",
        "profit",
        "loss",
        # Works of the media and of authors: "a New York Times article founded upon ...",
        # "the TV special he hosted", "a child's story heard in court" are no actors.
        "article",
        "story",
        "column",
        "editorial",
        "book",
        "memoir",
        "film",
        "movie",
        "documentary",
        "special",
        "episode",
        "podcast",
        "video",
    }
)

# Sectors of private life: people, business, schools, clinics, faiths and crime. Such an
# actor is party to a political event when it protests, is acted on, or acts on a public
# body; one private party acting on another in words ("a professor urged students") is
# no political event (GUIDELINES: "people when they are acted on").
PRIVATE_SECTORS = frozenset(
    {"CVL", "PPL", "BUS", "EDU", "HLH", "REL", "CRM", "LAB", "MED", "AGR", "REF", "MNC"}
)

# Roots that need no party acted on: protest, force posture, and reducing relations can
# be done with no one named as acted on ("protesters marched", "troops withdrew").
NO_TARGET_ROOTS = frozenset({"14", "15"})
# Force by armed actors needs no one named as its target either ("the resistance resumed
# its operations", "rebels fought on"): the roots, and the agent codes of armed actors.
ARMED_FORCE_ROOTS = frozenset({"18", "19", "20"})
ARMED_AGENTS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "SPY"})

# Named-entity labels that can name a party to an act: people, groups, organisations,
# places (``filter.no_other_party``).
PARTY_ENTITY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})

# Roots an actor of private life takes part in as a source (protest, violence, crime
# against a person) without a public party on either side.
PRIVATE_ACT_ROOTS = frozenset({"14", "17", "18", "19", "20"})

# Dependency labels by which a noun phrase is a verb's own argument.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "obj", "iobj", "poss", "agent"}
)
# Labels by which a verb passes its arguments on to the next ("vowed to keep hitting").
CHAIN_DEPS = frozenset({"xcomp", "acomp", "conj", "ccomp", "advcl", "acl", "relcl", "pcomp"})
# Labels that join a noun phrase to the phrase it belongs to ("A and B", "X, the minister").
PHRASE_DEPS = frozenset({"conj", "appos", "compound", "nmod", "amod"})

# Verbs of naming (``evaluation_lexicon.NAMING_LEMMAS``): with a complement ("called the
# race a toss-up", "described the area as one huge pit") they name, and do nothing to
# anyone; events/evaluation.py codes the naming when it praises or criticizes.
NAMING_LEMMAS = EVALUATION_NAMING_LEMMAS

# Bodies whose members share their code (``filter.same_party``): "officers are leaving the
# police force", "police left the Aurora Police Department", "Republicans left the party".
MEMBER_BODIES = frozenset(
    {"department", "force", "party", "agency", "service", "corps", "unit", "union", "caucus"}
)

# Plural event nouns that are also verbs in the third person (``filter.kicker_label``):
# before a colon they label a story ("Hong Kong protests: ...", "Brexit talks: ...").
KICKER_NOUNS = frozenset(
    {"protests", "talks", "attacks", "clashes", "strikes", "rallies", "riots", "visits"}
    | {"sanctions", "raids", "arrests", "votes", "polls", "deals", "cuts", "threats"}
)

# Verbs of fighting that, with an infinitive, mean striving (``filter.striving_not_force``):
# "struggles to raise the money", "fought to keep the plant open", "battled to save".
STRIVING_LEMMAS = frozenset({"fight", "struggle", "battle", "scramble", "wrestle", "strive"})
FORCE_ROOTS = frozenset({"18", "19", "20"})

# Verbs of thought and feeling (``filter.thought_not_an_act``): with a clause ("she
# suspected Crutcher was drunk", "he hopes the court strikes down the law") they tell what
# someone thinks of a party, and do nothing to it; the dictionary codes some of them
# (HOPE as an appeal, SUSPECT as an accusation) for their other uses.
THOUGHT_LEMMAS = frozenset(
    {"hope", "wish", "suspect", "think", "fear", "doubt", "feel", "imagine", "guess"}
)
# Verbs of deliberation: with an act as their complement ("would consider naming Lee",
# "is weighing sending troops") they tell an act thought about, not one done or announced
# (``filter.thought_not_an_act``).
# Verbs of request that also ask questions ("asked detectives how ...":
# ``filter.question_not_a_request``).
REQUEST_QUESTION_LEMMAS = frozenset({"ask", "inquire", "enquire"})
DELIBERATION_LEMMAS = frozenset({"consider", "weigh", "mull", "contemplate", "ponder"})

# Verbs of protest and of a show of force that, with a direct object, mean something else
# (``filter.display_with_object``): "demonstrated courage" shows, "rallied supporters"
# gathers, "marched the prisoners to the jail" leads. Protest has no object of its own
# ("demonstrated against the plan", "marched on the capital").
DISPLAY_LEMMAS = frozenset({"demonstrate", "rally", "march", "parade"})
DISPLAY_ROOTS = frozenset({"14", "15"})

# GeoNames feature classes of places that are no party to an act (``filter.place_not_a_party``):
# populated places, spots and buildings, roads, areas and parks, terrain, water, forests,
# undersea; and the feature codes among them that stand for a government: capitals.
PLACE_NOT_PARTY_CLASSES = frozenset({"P", "S", "R", "L", "T", "H", "V", "U"})
PARTY_PLACE_CODES = frozenset({"PPLC", "PPLG"})
# Named-entity labels of a place's name.
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Pronouns that may name the source again as the target (``filter.same_party``).
SELF_PRONOUNS = frozenset(
    {
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
    }
)

# Particles that make a phrasal verb of another sense than the verb alone ("broke out",
# "weighed in", "went on", "took over"); "up" and "down" mostly finish the verb's own act
# ("beat up", "shot down") and are not here (``filter.particle_not_in_dictionary``).
SENSE_CHANGING_PARTICLES = frozenset(
    {"out", "in", "on", "over", "about", "around", "along", "back"}
)

# Verbs of going somewhere, which CAMEO's ARRIVE and GO_SOMEWHERE blocks code as 040 with no
# pattern: a visit only when where they go is a state (``filter.motion_not_a_visit``).
MOTION_LEMMAS = frozenset(
    {"arrive", "come", "go", "travel", "head", "return", "approach", "fly", "drive", "walk"}
)

# Things force cannot be done to but in a figure of speech: what a verb of force (18x-20x)
# takes as its object in "hurting Democrats' standing", "damaged his chances", "killed the
# bill", "attacked the economy" (``filter.abstract_object``).
ABSTRACT_NOUNS = frozenset(
    {
        "standing",
        "reputation",
        "image",
        "credibility",
        "chance",
        "prospect",
        "hope",
        "morale",
        "momentum",
        "confidence",
        "trust",
        "popularity",
        "rating",
        "legacy",
        "brand",
        "economy",
        "market",
        "price",
        "stock",
        "sale",
        "profit",
        "budget",
        "bill",
        "legislation",
        "proposal",
        "plan",
        "deal",
        "measure",
        "idea",
        "argument",
        "case",
        "claim",
        "narrative",
        "rumor",
        "rumour",
        "effort",
        "agenda",
        "relationship",
        "tie",
        "competition",
        "record",
    }
)

# Verbs of agreeing, and the modals by which what is agreed is a commitment, not a view
# ("agreed that their countries should cooperate"; ``filter.agreed_view``).
AGREEING_LEMMAS = frozenset({"agree", "concur"})
COMMITTING_MODALS = frozenset({"should", "will", "would", "shall", "must", "'ll", "wo", "ca"})
