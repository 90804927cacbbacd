"""Word lists the coder reads (data only, no logic).

Lemmas are lower case. Sources: PETRARCH2's handling of reported speech and the CAMEO
manual 1.1b3 (verbs of saying are not events; modals mark hypotheticals).
"""

from __future__ import annotations

from .evaluation_lexicon import PERSONAL_PRONOUNS

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
        "stress",
        "reiterate",
        "emphasize",
        "emphasise",
        "argue",
        "cite",
        "recall",
        "see",
        # "informed the Americans of this", "notified the agency that ...": telling, with
        # the person told as object (as "tell").
        "inform",
        "notify",
    }
)

# Verbs of saying only with a clause ("recalled that the talks had failed"): with a direct
# object they are acts the verb dictionary codes ("recalled its ambassador", CAMEO 161).
CLAUSE_ONLY_SAYING_LEMMAS = frozenset({"recall"})

# Verbs of saying whose direct object may name an act the verb dictionary codes by pattern
# ("claimed responsibility for the bombing": CAMEO.2.0 015; "confirmed its support for":
# 051; "added sanctions": 163). With a clause they stay verbs of saying; with an object no
# pattern names, nothing is coded.
OBJECT_CODED_SAYING_LEMMAS = frozenset({"claim", "admit", "confirm", "disclose", "reveal", "add"})

# Prepositional cues of reported speech ("according to X").
SAYING_PREPOSITIONS = frozenset({"accord"})

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
# Participles that, after "be" and without a by-agent, describe what their subject does
# ("Vietnam is committed to opening up", "forces were engaged in fighting", "is determined
# to", "is prepared to"): the subject is the actor, as in the active verb.
STATIVE_PASSIVE_LEMMAS = frozenset({"commit", "engage", "dedicate", "determine", "prepare"})
# Participles whose subject, without a by-agent, is the acting side's own forces: "3,000
# guerrillas have been demobilized" is the guerrillas' side demobilizing (CAMEO manual
# 1.1b3, 0873 "Demobilize armed forces": the source is the side whose forces stand down).
OWN_FORCES_PASSIVE_LEMMAS = frozenset({"demobilize", "demobilise"})

# CAMEO roots of violence coded even when a passive names no one who did it ("three
# civilians were killed in a bombing"): 18 "Assault", 19 "Fight", 20 "Use unconventional
# mass violence".
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
# ... when the verb is violent in itself ("were shot", "was assassinated"), or its phrase
# names the violence ("killed in a suicide bombing", "wounded during clashes"): "killed in
# a helicopter crash" is an accident, not an event.
VIOLENT_PASSIVE_LEMMAS = frozenset(
    {
        "shoot",
        "shell",
        "bomb",
        "assassinate",
        "massacre",
        "behead",
        "ambush",
        "attack",
        "abduct",
        "kidnap",
        "torture",
        "stab",
        "lynch",
        "gun",
    }
)
# Verbs of killing whose passive is violence unless an accident is named with it ("was
# killed March 22 while supporting combat operations" is; "was killed in a car crash" is
# not): issue 10, news reports deaths by violence in the passive.
KILLING_LEMMAS = frozenset({"kill", "murder", "slay", "execute"})
ACCIDENT_NOUNS = frozenset(
    {
        "accident",
        "crash",
        "collision",
        "wreck",
        "fire",
        "blaze",
        "storm",
        "flood",
        "lightning",
        "avalanche",
        "landslide",
        "earthquake",
        "tornado",
        "hurricane",
        "overdose",
        "fall",
    }
)
# Verbs that never stand without their object: in the past with a subject and no object,
# a headline's passive with "was"/"were" left out ("Two soldiers killed in Gaza", "US
# helicopter shot down"); "shoot" only with "down" ("police shot into the crowd").
ELIDED_PASSIVE_LEMMAS = frozenset(
    {
        "kill",
        "wound",
        "injure",
        "destroy",
        "behead",
        "shoot",
        # Police and courts (issue 10): "Councilwoman arrested after incident", "Area woman
        # sentenced for mortgage fraud" (their source is implied: events/legal.py).
        "arrest",
        "detain",
        "indict",
        "sentence",
        "convict",
        "jail",
    }
)

# Verbs of moving forces: the armed forces they move, with no country of their own ("sent
# thousands of troops"), are the mover's own, no target (``roles.Roles.objects``).
FORCE_MOVING_LEMMAS = frozenset(
    {"send", "deploy", "dispatch", "station", "move", "mobilize", "mobilise", "mass"}
)
ARMED_AGENT_CODES = frozenset({"MIL", "REB", "INS", "UAF", "SPY", "COP"})
# Prepositions of a reason ("resigned because of problems with the mayor", "due to
# pressure from Iran"): what they govern is why, not whom the act is done to
# (``roles.Roles.objects``).
REASON_PREPOSITIONS = frozenset({"because", "due", "owing"})
# ... nor do those of a time to come: "leave the zone before the Putin-Erdogan meeting"
# says when. "During", "since" and "after" are left out: what they govern may hold the act's
# target ("throwing stones during demonstrations against the Israeli military").
TIME_PREPOSITIONS = frozenset({"before", "until"})
# Prepositions that name where a joint act took place ("signed an agreement in Havana").
VENUE_PREPOSITIONS = frozenset({"in", "at"})
# A party that is a person or a body of a state, not its country or people as a whole
# (``refine.own_intent``): these agents, and persons named or referred to by a pronoun
# (the third-person ones of ``evaluation_lexicon.PERSONAL_PRONOUNS``, and "we", "us",
# "you": "promised us" is made to someone).
STATE_AGENTS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "ELI", "OPP"})
PARTY_PRONOUNS = PERSONAL_PRONOUNS | {"we", "us", "you"}
# Codes of meeting and talking (consult, 04; intent to meet, 036), whose party is never the
# venue they meet in (``roles.venue_not_party``), by their leading digits.
MEETING_CODES = ("04", "036")
# Heads of an organisation's or building's name that, after "at", say where a joint act
# took place ("meet for a debate at Hofstra University", "talks at the White House").
VENUE_HEADS = frozenset(
    {"university", "college", "school", "hotel", "hall", "center", "centre", "house"}
    | {"stadium", "arena", "palace", "church", "cathedral", "museum", "library", "club"}
)

# Verbs whose subject undergoes the violence ("two soldiers died in an attack"): with no
# pattern of its own matched, the subject is the target (CAMEO.2.0 writes its DIE patterns
# as "[:190]", the code from the other side), the source is named on the violence or
# unknown, and a death with no violence named ("died in hospital") is no event.
PATIENT_SUBJECT_LEMMAS = frozenset({"die", "perish"})
VIOLENCE_CONTEXT_NOUNS = frozenset(
    {
        "attack",
        "bombing",
        "shooting",
        "shelling",
        "fighting",
        "clash",
        "raid",
        "ambush",
        "airstrike",
        "strike",
        "offensive",
        "violence",
        "gunfire",
        "crossfire",
        "assault",
        "battle",
        "gunbattle",
        "firefight",
        "massacre",
        "insurgency",
        "uprising",
        "riot",
        "rioting",
    }
)

# Verbs of command: an authority ordering a coercive act does it (CAMEO.2.0 codes "ordered a
# crackdown" 170, "ordered the seizure of land" 1711): "ordered the newspaper to suspend
# publication" is the government restricting the press (1721), not a demand (10).
ORDERING_LEMMAS = frozenset({"order", "instruct", "command", "direct"})
ORDERED_ACT_ROOTS = frozenset({"17"})

# Participles that place an agent ("a newspaper based in Beirut", "a group headquartered in
# London"): the agent's country is the place's, as with "demonstrators in Baghdad".
PLACING_PARTICIPLES = frozenset({"base", "headquarter", "locate", "station"})

# Words in a verb's phrase that make a compound subject act on itself ("their meeting").
# CAMEO roots of acts that two sides do with each other when a compound subject names both
# and the verb has no object ("Israel and Syria met", "A and B clashed"): 04 consult, 05
# engage in diplomatic cooperation, 19 fight.
MUTUAL_ROOTS = frozenset({"04", "05", "19"})
# ... but not the codes of 04 that have a direction: a visit made (042) and hosted (043),
# and mediation (045) between others ("A and B attended the summit", "the special he
# hosted" name no visit of A to B).
DIRECTED_CODES = frozenset({"042", "043", "045"})
RECIPROCAL_WORDS = frozenset({"each", "joint", "jointly", "mutual", "mutually", "bilateral"})
# Nouns that measure time: "spent months lobbing insults", "took years to agree" name no
# one who acts (``roles.object_control``).
TIME_SPAN_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "time"}
)
# Verbs of attending: "A and B attended the summit" are two guests of a gathering someone
# else holds, not a meeting of A with B (``roles.acts_together``).
ATTENDING_LEMMAS = frozenset({"attend"})
# Nouns of joint activities: "their meeting" (a verb's object) says the subjects act together.
JOINT_NOUNS = frozenset(
    {
        "meeting",
        "talk",
        "summit",
        "negotiation",
        "relation",
        "tie",
        "cooperation",
        "dispute",
        "agreement",
        "accord",
        "treaty",
        "dialogue",
        "conflict",
        "war",
        "alliance",
        "partnership",
    }
)

# A conflict as the subject of a verb ("the Israel-Hamas war went on", "the border dispute
# escalated"): the parties named on it are not the verb's actors.
CONFLICT_NOUNS = frozenset(
    {"war", "conflict", "dispute", "crisis", "rivalry", "standoff", "feud", "row", "tension"}
)

# Talks as the subject of a verb ("US-China trade talks resumed", "talks between A and B
# collapsed"): the verb's event is between the parties named on them, each way.
TALK_NOUNS = frozenset({"meeting", "talk", "summit", "negotiation", "dialogue", "consultation"})

# Heads of a subject that act through their "of"/"from" phrase ("a group of diplomats",
# "representatives of the insurgency"); other abstract heads do not ("the formation of the
# government will lead to ...").
COLLECTIVE_NOUNS = frozenset(
    {
        "group",
        "delegation",
        "team",
        "member",
        "representative",
        "leader",
        "official",
        "number",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "crowd",
        "mob",
        "band",
        "unit",
        "contingent",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "head",
        "chief",
        "one",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "supporter",
        "faction",
        "wing",
        "branch",
        "side",
        "part",
        "third",
        "half",
    }
)

# Violent events that stand for their unknown perpetrators ("a roadside bombing near Samarra
# killed ..."): CAMEO coders take the place or origin named in the phrase as the source.
AGENTIVE_EVENT_NOUNS = frozenset(
    {
        "bombing",
        "bomb",
        "attack",
        "explosion",
        "blast",
        "shelling",
        "raid",
        "ambush",
        "strike",
        "airstrike",
        "rocket",
        "missile",
        "gunfire",
        "assault",
        "offensive",
    }
)

# Verbs of commitment: with a complement ("agreed to share information", "agreed that
# their countries should cooperate", "agreed on a pact") and no pattern that names what was
# agreed, CAMEO codes them 030: "Express intent to cooperate: offer, promise, agree to, or
# otherwise indicate willingness or commitment to cooperate" (manual 1.1b3, 030).
COMMITMENT_LEMMAS = frozenset({"agree", "offer", "promise", "pledge", "commit", "undertake"})
COMMITMENT_CODE = "030"

# Encouraging a party to act is an appeal (``refine.encouragement_appeal``; CAMEO manual
# 1.1b3, 020 "Make an appeal or request, not specified below").
ENCOURAGING_LEMMAS = frozenset({"encourage", "spur", "embolden"})

# Removing a person from office is an administrative sanction (``refine.dismissal``; CAMEO
# manual 1.1b3, 172 "Impose administrative sanctions").
DISMISSAL_LEMMAS = frozenset({"fire", "dismiss", "sack"})
DISMISSAL_CODE = "172"
# Holders of an office the dictionaries' agents lack ("fired the agency's director").
OFFICE_NOUNS = frozenset(
    {"director", "chief", "head", "chairman", "chairwoman", "commissioner", "secretary"}
)
APPEAL_CODE = "020"
# Prepositions that give a verb of commitment what it commits to ("agreed on", "upon").
COMMITMENT_PREPOSITIONS = frozenset({"on", "upon", "to"})

# Verbs of purpose: "the insurgents had aimed at reaching an agreement" states an aim, not
# an event; with a clausal complement and no pattern they are not coded, and their
# complement is an aim too.
PURPOSE_LEMMAS = frozenset({"aim", "strive", "endeavor", "endeavour"})

# A reported obligation is a demand (CAMEO manual 1.1b3, 10 "Demand" and 02 "Make an
# appeal or request"): "Russia said Sudan must return the helicopter" is Russia demanding
# of Sudan; "should" is the weaker appeal.
OBLIGATION_CODES = {"must": "100", "should": "020", "ought": "020"}

# Verbs of announcing that, like the verbs of saying, report an obligation as a demand
# ("the forum concluded that the US must allocate greater resources").
OBLIGATION_CUES = frozenset(
    {"announce", "declare", "conclude", "warn", "proclaim", "decide", "rule"}
)

# Heads that speak for the actor of their "for"/"of" phrase: "a spokesperson for the British
# Foreign Office" is coded as the Foreign Office (CAMEO codes the actor spoken for).
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "mouthpiece"})

# Nouns of request whose clause says what is asked ("reiterated its demand that Israel ease
# restrictions"): the speaker's demand (10) or appeal (02) on the clause's subject.
REQUEST_NOUN_CODES = {"demand": "100", "call": "020", "appeal": "020", "request": "020"}

# Statements that speak for whoever issued them ("issued a declaration demanding ...").
STATEMENT_NOUNS = frozenset(
    {
        "declaration",
        "statement",
        "communique",
        "resolution",
        "letter",
        "report",
        "message",
        "decree",
        "note",
        "memorandum",
        "appeal",
        "ultimatum",
    }
)

# Light verbs: with an event noun as object ("organized a general strike", "staged a
# rally", "went on hunger strike") the noun says what was done (CAMEO manual 1.1b3,
# 14 "Protest": 141 demonstrate or rally, 142 hunger strike, 143 strike or boycott,
# 144 obstruct passage, 145 riot). Used when no pattern of the verb matches.
LIGHT_VERBS = frozenset(
    {
        "hold",
        "stage",
        "organize",
        "organise",
        "launch",
        "begin",
        "start",
        "call",
        "mount",
        "go",
        "conduct",
        "lead",
        "join",
        "continue",
        "resume",
        "restart",
        "renew",
        "announce",
        "declare",
        "trade",
        "exchange",
        # Orders on the population: "ordered a lockdown", "imposed a curfew", "extended
        # the lockdown", "reimposed restrictions".
        "order",
        "impose",
        "reimpose",
        "extend",
        "enforce",
    }
)
# With the military and sanction nouns: an act begun, resumed, carried on or announced is
# that act ("launched an offensive", "resumed the fighting": CAMEO manual 1.1b3, 190 "Use
# conventional military force", 195 "Employ aerial weapons"; "called a truce": 0871
# "Declare truce, ceasefire").
# Whom a restriction that names no one falls on: the source country's civilians
# (``nominal.own_population``).
POPULATION_AGENT = "CVL"
RESTRICTION_ROOT_CODE = "172"
EVENT_NOUN_CODES = {
    # Restrictions on a population: CAMEO manual 1.1b3, 172 "Impose administrative
    # sanctions", 1723 "Impose curfew", 1724 "Impose state of emergency or martial law"
    # ("Bihar announced a fresh lockdown", "the governor declared a state of emergency").
    "lockdown": "172",
    "restriction": "172",
    "curfew": "1723",
    "state of emergency": "1724",
    "martial law": "1724",
    "attack": "190",
    "offensive": "190",
    "hostility": "190",
    "fighting": "190",
    "air strike": "195",
    "airstrike": "195",
    "air raid": "195",
    "ceasefire": "0871",
    "cease-fire": "0871",
    "truce": "0871",
    # "announced a suspension of air links": CAMEO manual 1.1b3, 16 "Reduce relations"
    # (160 not specified below), 163 "Impose embargo, boycott, or sanctions".
    "suspension": "160",
    "sanction": "163",
    "embargo": "163",
    "demonstration": "141",
    "rally": "141",
    "march": "141",
    "protest": "141",
    "hunger strike": "142",
    "strike": "143",
    "general strike": "143",
    "boycott": "143",
    "walkout": "143",
    "sit-in": "144",
    "blockade": "144",
    "riot": "145",
    # Words as acts ("traded threats", "exchanged insults", "renewed its threats"): CAMEO
    # manual 1.1b3, 130 "Threaten", 111 "Criticize or denounce", 112 "Accuse".
    "threat": "130",
    "insult": "111",
    "barb": "111",
    "accusation": "112",
}
# Verbs of exchange: with one of these nouns, the compound subject's members act on each
# other ("Turkey and Russia traded threats"; ``roles.acts_together``).
EXCHANGE_LEMMAS = frozenset({"trade", "exchange", "swap"})
EXCHANGED_NOUNS = frozenset({"threat", "insult", "barb", "accusation", "blow", "fire", "gunfire"})

# An act done "to protest" or "in protest" is a protest (CAMEO manual 1.1b3, 14): 140,
# or 145 "Protest violently, riot" when the act itself is violent (roots 18-20).
PROTEST_WORDS = frozenset({"protest"})
PROTEST_CODE = "140"
VIOLENT_PROTEST_CODE = "145"
# Violence done by protesters "during demonstrations" ("youths threw stones during
# demonstrations") is violent protest, 145 (not the police's acts there: see
# STATE_FORCE_AGENTS).
PROTEST_EVENT_NOUNS = frozenset({"demonstration", "protest", "rally", "march"})
PROTEST_TIME_PREPOSITIONS = frozenset({"during", "at"})
# A meeting or statement held "to complain" ("summoned the ambassador to complain of
# inaction") is the complaint: CAMEO manual 1.1b3, 111 "Criticize or denounce"; only a
# statement or consultation (roots 01, 04) is recoded: a request ("asked them to
# complain") or a material act keeps its own code.
COMPLAINT_WORDS = frozenset({"complain"})
COMPLAINT_CODE = "111"
COMPLAINT_ROOTS = frozenset({"01", "04"})

# Nominal events (issue 3): an event said by a noun alone, coded when the noun's own phrase
# names its parties ("talks between A and B", "A's truce with B") and its own date ("on
# Monday"), and no verb carries it ("held talks", "the truce collapsed" are the verb's to
# code). CAMEO manual 1.1b3: 046 "Engage in negotiation", 040 "Consult", 0871 "Declare
# truce, ceasefire".
NOMINAL_EVENT_CODES = {
    "talk": "046",
    "negotiation": "046",
    "meeting": "040",
    "ceasefire": "0871",
    "cease-fire": "0871",
    "truce": "0871",
}
# A lull named as a stretch of time ("a week of enforced calm on 6 February", "three days
# of calm"): a truce (0871), when it has a date of its own.
PERIOD_TRUCE_NOUNS = frozenset({"calm", "lull"})
PERIOD_NOUNS = frozenset({"hour", "day", "night", "week", "weekend", "month", "period", "year"})
# The truce code: a truce that names no party is between the parties of the event just
# reported in its paragraph ("We took part in meetings with the ambassador ... seven
# meetings were held, three before a week of enforced calm on 6 February").
TRUCE_CODE = "0871"
# The prepositions of a noun's own date ("talks on Monday", "a truce in March").
NOMINAL_DATE_PREPOSITIONS = frozenset({"on", "in"})
# Prepositions that look ahead to the noun's event ("ahead of talks on Monday", "prepared
# for talks", "until a truce"): not yet happened, so flagged hypothetical.
NOMINAL_FORWARD_PREPOSITIONS = frozenset(
    {"ahead", "for", "pending", "until", "till", "toward", "towards"}
)

# Taking part in an event ("took part in a series of meetings", "participated in the
# talks") is the event: CAMEO 040 consult, 046 engage in negotiation, 14x protest.
PARTICIPATION_NOUN_CODES = {
    **EVENT_NOUN_CODES,
    "meeting": "040",
    "consultation": "040",
    "talk": "046",
    "negotiation": "046",
    "conference": "046",
    "summit": "046",
}
# Going somewhere for an event ("negotiators return to Geneva for talks", "thousands were
# converging for a rally") is taking part in it: the event's code (CAMEO manual 1.1b3, 04
# "Consult", 046 "Engage in negotiation", 141 "Demonstrate or rally"); the place gone to
# names where, not with whom.
TRAVEL_LEMMAS = frozenset(
    {"arrive", "come", "return", "travel", "go", "fly", "converge", "gather", "assemble"}
)
TRAVEL_PURPOSE_CODES = {
    "meeting": "040",
    "consultation": "040",
    "talk": "046",
    "negotiation": "046",
    "conference": "046",
    "summit": "046",
    "demonstration": "141",
    "rally": "141",
    "march": "141",
    "protest": "141",
}
# Nouns that count what follows them ("a series of meetings", "a round of talks").
QUANTITY_NOUNS = frozenset({"series", "round", "number", "couple", "set", "string"})

# The last word of a Phoenix discard phrase that dates a reference ("WEEKS AGO", "YEARS
# LATER"); with bare years, these discard only the clause that holds them.
TIME_DISCARD_WORDS = frozenset({"AGO", "LATER"})
# Phoenix discard phrases that name a past period ("WORLD WAR TWO", "POST WORLD WAR II"):
# like a bare year, they date the clause that holds them, not the whole sentence.
PERIOD_DISCARD_PHRASES = ("WORLD WAR",)

# An armed group or force resuming or carrying on its "activities" or "operations" resumes
# armed operations (CAMEO manual 1.1b3, 190 "Use conventional military force"): the noun
# says nothing of the act for anyone else. Agents: CAMEO actor codes for armed actors.
RESUMPTION_LEMMAS = frozenset({"resume", "restart", "renew", "continue", "intensify"})
ARMED_ACTIVITY_NOUNS = frozenset({"activity", "operation"})
ARMED_AGENTS = ("REB", "INS", "MIL", "UAF", "SPY")
ARMED_ACTIVITY_CODE = "190"

# Presenting a draft agreement to the other party is bargaining over its text (CAMEO
# manual 1.1b3, 046 "Engage in negotiation"): "presented a draft memorandum of
# understanding", "submitted a draft treaty".
DRAFT_VERBS = frozenset({"present", "submit", "table", "hand", "send", "exchange", "circulate"})
DRAFT_WORDS = frozenset({"draft"})
DRAFT_NOUNS = frozenset(
    {"memorandum", "agreement", "treaty", "accord", "pact", "resolution", "charter", "text"}
)
DRAFT_CODE = "046"

# Rejecting a request or proposal is a rejection (CAMEO manual 1.1b3, 12 "Reject": 120
# not specified below), not the criticism a verb like "dismiss" codes alone (11x):
# "dismissed an appeal to lay down their arms". Used when no pattern of the verb matches.
REJECTING_LEMMAS = frozenset({"dismiss", "rebuff", "spurn", "snub"})
REJECTED_NOUNS = frozenset(
    {
        "appeal",
        "request",
        "demand",
        "call",
        "plea",
        "offer",
        "proposal",
        "proposition",
        "suggestion",
        "ultimatum",
        "invitation",
    }
)
REJECTION_CODE = "120"

# People blocking roads protest by obstructing passage (CAMEO manual 1.1b3, 144 "Obstruct
# passage, block"); the state's own forces doing it coerce (17x) and keep their code.
OBSTRUCTING_LEMMAS = frozenset({"block", "barricade", "obstruct"})
PASSAGE_NOUNS = frozenset(
    {"street", "road", "highway", "motorway", "bridge", "railway", "railroad", "intersection"}
)
STATE_FORCE_AGENTS = ("GOV", "MIL", "COP", "SPY", "JUD")
OBSTRUCTION_CODE = "144"

# Easing restrictions is yielding (CAMEO manual 1.1b3, 081 "Ease administrative
# sanctions"): "eased emergency measures", "relaxed the ban".
# Halting talks is CAMEO 164 "Halt negotiations" ("suspended the talks", "broke off
# negotiations", "called off the dialogue"); CAMEO.2.0 codes SUSPEND by its block (160).
HALTING_LEMMAS = frozenset({"suspend", "halt", "freeze", "cancel", "abandon", "stop"})
PHRASAL_HALTING_LEMMAS = frozenset({"break", "call"})  # with "off"
NEGOTIATION_NOUNS = frozenset({"talk", "talks", "negotiation", "dialogue"})
HALT_NEGOTIATIONS_CODE = "164"

EASING_LEMMAS = frozenset({"ease", "relax", "loosen"})
RESTRICTION_NOUNS = frozenset(
    {"restriction", "measure", "curfew", "ban", "sanction", "embargo", "control", "blockade"}
)
EASING_CODE = "081"

# Sending arms to another party is military aid (CAMEO manual 1.1b3, 072 "Provide military
# aid"), not a deployment (154): the arms go to the party, not to a front.
TRANSFER_LEMMAS = frozenset({"send", "ship", "deliver", "supply", "sell", "provide"})
ARMS_NOUNS = frozenset(
    {
        "arm",
        "arms",
        "weapon",
        "weaponry",
        "ammunition",
        "munition",
        # weapon systems ("will send tanks to Ukraine", "delivered missiles to Syria")
        "tank",
        "missile",
        "artillery",
        "howitzer",
        "rifle",
        "warplane",
        "drone",
    }
)
MILITARY_AID_CODE = "072"

# Suing is bringing a lawsuit (CAMEO manual 1.1b3, 115 "Bring lawsuit against"), a
# complaint; CAMEO.2.0 files SUE with arrests and charges (173), which are the state's acts.
LAWSUIT_LEMMAS = frozenset({"sue"})
LAWSUIT_CODE = "115"

# Subordinators of a clause of time or cause that tells an act of its own, coded beside the
# main verb's (``candidates.own_clause``).
OWN_CLAUSE_MARKS = frozenset({"after", "before", "when", "while", "since", "because", "until"})
# Conjunctions that open a clause of time or reason: its parties are its own, not the
# governing verb's target (``roles.object``): those of a clause coded on its own, and
# those of concession. Not "if" or "unless": a threat names whom it threatens in its
# condition ("threatened to stop talks if the United States goes ahead"), nor "until":
# "have sworn to fight until they gain control of villages" tells what the fighting is for.
ADVERBIAL_MARKS = (OWN_CLAUSE_MARKS - {"until"}) | {"although", "though", "once", "whereas"}

# Nouns that name the other side of an act when a party is joined with "its ..." ("Pakistan
# and its rival India met"); with any other noun the party and its own people or parts are
# one side ("he and his wife", "the office and its governing board").
OTHER_SIDE_NOUNS = frozenset(
    {
        "rival",
        "counterpart",
        "neighbor",
        "neighbour",
        "opponent",
        "enemy",
        "foe",
        "adversary",
        "partner",
        "creditor",
        "host",
        "guest",
    }
)
