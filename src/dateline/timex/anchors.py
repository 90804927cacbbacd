"""Days counted from an event the article dates: "the day after the vote" (issue 11).

Rule ``day_next_to_a_dated_event``: "The parliament voted on June 4, 2013. The day before
the vote, the president resigned." "The day before / after" followed by a noun phrase is
the day next to the event that noun names, when the article has dated that event before:
the same word (the noun, or its verb: "voted" for "the vote") with a date of day precision
hanging off it ("voted on June 4", "the vote on June 4", "Sunday's election", "the March 3
vote"), or the object of a verb so dated ("held a vote on March 3"). The nearest such word
before the expression is the anchor. With no dated word of that lemma before it nothing is
read: the event's day is not known, and the publication date is not what it counts from.
Events the article does not date ("her first term", "the day after he was elected") are
left alone.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from .readings import Reading

_DAY_NEXT_TO = re.compile(
    r"\b(?:the|a)\s+day\s+(?P<dir>before|after)\s+(?=(?:the|this|that|its|their|his|her)\s)",
    re.IGNORECASE,
)
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# How a date hangs off the word it dates without a preposition: "Sunday's election",
# "the March 3 vote", "voted Tuesday".
_DATING_DEPS = frozenset({"poss", "compound", "npadvmod", "nmod"})
_EVENT_POS = frozenset({"NOUN", "VERB"})


def days_next_to_events(
    doc: Doc, text: str, times: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading]]:
    """The expressions "the day before / after the X" whose X the article dated before."""
    found = list(_DAY_NEXT_TO.finditer(text))
    if not found:
        return []
    dated = _dated_words(doc, times)
    out = []
    for m in found:
        start, end = m.start(), m.end("dir")
        event = _event_after(doc, m.start("dir"), m.end("dir"))
        if event is None:
            continue
        phrase_end = event.right_edge.idx + len(event.right_edge)
        if any(s < phrase_end and start < e for s, e, _ in times):
            continue  # "the day after the March 3 vote": the date's own rule reads it
        lemma = event.lemma_.lower()
        day = next(
            (d for i, word, d in reversed(dated) if word == lemma and doc[i].idx < start),
            None,
        )
        if day is None:
            continue
        step = -1 if m["dir"].lower() == "before" else 1
        value = (day + timedelta(days=step)).isoformat()
        out.append((start, end, Reading(value, "DATE", "day", relative=True)))
    return out


def _event_after(doc: Doc, start: int, end: int) -> Token | None:
    """The noun the preposition at ``start:end`` takes ("after the vote": vote)."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1:
        return None
    return next((c for c in span[0].children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)


def _dated_words(doc: Doc, times: list[tuple[int, int, Reading]]) -> list[tuple[int, str, date]]:
    """The nouns and verbs a date of day precision hangs off, in text order: (token index,
    lemma, day)."""
    out = []
    for start, end, reading in times:
        if reading.type != "DATE" or not _FULL_DAY.fullmatch(reading.value or ""):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"on", "of"}:
            word = head.head  # "voted on June 4", "the vote on June 4"
        elif root.dep_ in _DATING_DEPS:
            word = head  # "Sunday's election", "the March 3 vote"
        else:
            continue
        if word.pos_ not in _EVENT_POS or word.i == root.i:
            continue
        day = date.fromisoformat(reading.value or "")
        out.append((word.i, word.lemma_.lower(), day))
        if word.pos_ == "VERB":
            # "held a vote on March 3": the verb's object is dated with it.
            out.extend((c.i, c.lemma_.lower(), day) for c in word.children if c.dep_ == "dobj")
    out.sort()
    return out
