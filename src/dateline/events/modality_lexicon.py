"""Word lists of modality and negation (data only, no logic): what makes an event
hypothetical, negated, refused, intended, demanded or scheduled (``events/modality.py``).

Sources: the CAMEO manual 1.1b3 (modals mark hypotheticals; stated intentions are 03x or
13x, refusals 12x) and PETRARCH2's handling of negation.
"""

from __future__ import annotations

# Modal auxiliaries that make an event hypothetical ("could attack", "may meet").
HYPOTHETICAL_MODALS = frozenset({"could", "may", "might", "should", "can", "must"})

# Subordinators that make a clause conditional ("if they attack").
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})

# Negation words a pattern may name, so that a negative pattern takes the event's code
# rather than flagging it negated ("- NOT * [112]", synsets such as &NEGATVAUXVRB).
NEGATION_WORDS = frozenset({"NOT", "N'T", "NEVER", "NO", "NOR", "CANNOT"})

# CAMEO manual 1.1b3: stated intentions are coded in 03 (cooperation) or 13 (threats), and a
# refusal of a cooperative act in 12. Root (or code prefix) of the act -> the code used when
# the act is only announced ("will meet" -> 036) ...
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "14": "133",
    "15": "138",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "16": "130",
    "17": "137",
    "18": "138",
    "191": "1381",
    "192": "1382",
    "19": "138",
    "204": "1385",
    "20": "138",
}

# ... and when it is refused ("will not deal with", "did not recognize" -> 12x).
REFUSAL_CODES = {
    "03": "120",
    "04": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "08": "124",
}

# Governors that make their complement a wish or an expectation, not an act ("wanted the
# talks to be held", "was expected to reply"): hypothetical.
WISH_GOVERNORS = frozenset({"want", "wish", "hope", "expect", "like", "need", "trust"})

# Verbs of wishing whose simple past, said by no one ("We wanted the talks to be held
# directly"), tells what someone wished then: a state of mind in the story's background,
# not the expression of an intent that CAMEO codes (03x is the statement; "said it wanted
# talks" and "wants talks" are statements).
PAST_WISH_LEMMAS = frozenset({"want", "wish", "desire"})

# Auxiliaries of the future (an announced act, not a hypothetical one).
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "wo"})

# Governors that make their infinitive an intention ("plans to", "is willing to").
INTENT_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "offer",
        "promise",
        "pledge",
        "vow",
        "swear",
        "threaten",
        "agree",
        "prepare",
        "seek",
        "propose",
        "willing",
        "eager",
        "keen",
        "ready",
        "prepared",
        "determined",
        "go",
        # A schedule holds an intention: "are due to meet", "is scheduled to visit", "is set
        # to sign" (the act not yet done; CAMEO codes the intent, 036 for a meeting).
        "schedule",
        "due",
        "slate",
        "set",
        "poise",
    }
)

# The governors of a timetable among them: what they schedule is no one's threat
# (``modality.scheduled_not_threat``); "poised to attack" is left a threat.
SCHEDULE_GOVERNORS = frozenset({"schedule", "due", "slate", "set"})

# Verbs of refusal: the act they govern is refused ("refused to deploy peacekeepers" ->
# CAMEO 12x, as "did not deploy"; manual 1.1b3, 12 "Reject").
REFUSAL_GOVERNORS = frozenset({"refuse", "decline", "reject"})

# Verbs of request and demand: the act they ask for ("urged Vietnam to push back",
# "demanded that the US cancel the sale") is what is requested, not an event; CAMEO codes
# the request (manual 1.1b3, 02 "Appeal" and 10 "Demand").
REQUEST_GOVERNORS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "appeal",
        "demand",
        "request",
        "order",
        "press",
        "encourage",
        "invite",
        "instruct",
        "tell",
        "implore",
        "plead",
    }
)

# Governors that deny their complement ("unable to end the violence"): negated.
NEGATIVE_GOVERNORS = frozenset({"unable"})

# Verbs of denial: the act denied ("denied that it supports the rebels", "denied
# supporting the rebels", "denied reports that it had attacked") did not happen as far as
# the speaker says: it is flagged negated, as "did not support", never coded as done nor
# as a refusal (CAMEO.2.0 lists DENY with no code of its own; its patterns code a denied
# accusation or involvement 016).
DENIAL_GOVERNORS = frozenset({"deny", "refute"})

# Verbs that deny a claim named by a noun ("dismissed reports that it had attacked").
CLAIM_DENYING_LEMMAS = frozenset({"deny", "refute", "reject", "dismiss", "rebut"})

# A proposal blocked ("vetoed a resolution condemning Syria", "rejected a proposal calling
# for talks"): the act the proposal names was not done (flagged negated, as denied acts).
BLOCKING_LEMMAS = frozenset({"veto", "block", "reject", "defeat"})

PROPOSAL_NOUNS = frozenset(
    {"resolution", "proposal", "motion", "bill", "draft", "plan", "measure", "amendment"}
)

# Nouns whose clause says what is denied ("denied reports that ...").
DENIED_CLAIM_NOUNS = frozenset(
    {
        "report",
        "claim",
        "allegation",
        "accusation",
        "charge",
        "rumour",
        "rumor",
        "suggestion",
        "speculation",
    }
)

# An announced act made conditional by "unless" is an ultimatum: CAMEO 13 "Threaten"
# (manual 1.1b3: 130, threats not specified below; 1313-1385 name what is threatened).
ULTIMATUM_MARKERS = frozenset({"unless"})

ULTIMATUM_CODE = "130"

# A demand with the price of refusing it ("demanded that the forces withdraw, or face being
# driven back", "... or else") is CAMEO 139 "Give ultimatum" (``modality.demand_ultimatum``):
# the verbs of the price, after "or".
CONSEQUENCE_VERBS = frozenset({"face", "risk", "suffer"})

DEMAND_ULTIMATUM_CODE = "139"

# Verbs of request that also report: their "that"-clause is reported, not asked for ("was
# told that soldiers beat detainees"); only their infinitive is asked for ("told them to").
REPORTING_REQUESTS = frozenset({"tell", "ask", "call"})

# Nouns whose "that" clause is only alleged, not asserted by the article ("allegations
# that Allen abused her", "rumours that the army shelled the town": ``modality.alleged``).
# "Reports that" is left out: news writes it of acts it reports as done.
ALLEGED_CONTENT_NOUNS = frozenset(
    {"allegation", "accusation", "claim", "rumour", "rumor", "speculation", "suspicion"}
)

# Verbs of asking a question: an act in their indirect question ("asked whether the army
# had shelled the town", "wondered why Iraq attacked") is asked about, not asserted
# (``modality.asked_about``); the asking itself is no request (``filter.question_not_a_request``).
QUESTION_LEMMAS = frozenset({"ask", "wonder", "inquire", "enquire", "question"})
# Words that open an indirect question: "whether", "if", and the wh-words (by tag).
QUESTION_MARKERS = frozenset({"whether", "if"})
WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})

# Adverbs that mark an act as alleged, not asserted ("allegedly tried to push her way in");
# "reportedly" is not one: a reported act is coded (``modality.alleged_adverb``).
ALLEGING_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly"})

# Verbs that keep up or begin the act of their complement ("would keep hitting", "vowed to
# continue shelling"): an announcement on them is the act's (``modality.intent_code``).
ASPECTUAL_VERBS = frozenset({"keep", "continue", "start", "begin", "resume"})
