"""Attributions cued by a colon or a dash rather than a verb (issue 11).

- A line that opens with a name and a colon: a transcript ("PENCE: And that's why ..."), a
  headline ("Pat Caddell: Democrat Voters Worried ..."), a list of voices ("Maria Lopez:
  ..."). The name is the source, the colon the cue, the rest of the line the content. So
  is a description whose head is a source noun (rule ``colon_after_description``, issue
  11: 'The minister: "We will not back down."', "A senior official: ..."); a description
  with another head is a label ("The bottom line: ...", "The result: ...").
- A line that ends with a dash and a name: an epigraph or a collected quotation ("“...” ―
  Sonya Herridge"), an embedded post ("... — Apple Music (@AppleMusic) September 27, 2016").
  The name is the source, the dash the cue, the line before the dash the content.
- A verb of saying followed by a colon and words that are not a quotation ("He added: the
  plan will fail"): the verb is the cue, the rest of the paragraph the content.

A quotation inside such a line is then attributed with that cue and source (the content is
the quotation), as a quotation beside a verb of saying is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .cues import Draft, Paragraphs, rstrip_space
from .lexicon import QuoteLexicon

_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]+(?:{_NAME_WORD}|de|van|von|al|bin|da|del))" + "{0,5}"
# "NAME: content" at the start of a line.
_COLON_LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{_NAME})[ \t]*:[ \t]+(?P<content>\S[^\n]*)")
# "The minister: content", "A senior official: content" at the start of a line.
_COLON_DESCRIPTION_LINE = re.compile(
    r"(?m)^[ \t]*(?P<name>(?:The|A|An|One|Our|This|That)[ \u00a0]+[\w.'’ \u00a0-]{1,60}?)"
    r"[ \t]*:[ \t]+(?P<content>\S[^\n]*)"
)
# "content ― NAME (@handle) date" at the end of a line.
_DASH_END = re.compile(
    rf"[ \t\u00a0]*(?P<dash>[―—–]+|--)[ \t\u00a0]*(?P<name>{_NAME})\.?"
    r"(?:[ \t\u00a0]*\(@\w+\))?(?P<rest>[^\n]{0,40})$",
    re.MULTILINE,
)
_DATE_TAIL = re.compile(
    r"^[ \t\u00a0]*(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4})?\.?[ \t]*$"
)
# Entity labels that can speak.
_SPEAKERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def find_punctuation_drafts(
    text: str, doc: Doc, paragraphs: Paragraphs, lexicon: QuoteLexicon, body_start: int
) -> list[Draft]:
    """The colon and dash attributions of ``text`` (see the module docstring)."""
    drafts: list[Draft] = []
    for m in _COLON_LINE.finditer(text):
        if m.start("name") < body_start or not _is_speaker(doc, m.start("name"), m.end("name")):
            continue
        name = m.group("name")
        if name.lower() in lexicon.colon_labels or name.split()[0].lower() in lexicon.colon_labels:
            continue
        drafts.append(_colon_draft(m, text, paragraphs))
    for m in _COLON_DESCRIPTION_LINE.finditer(text):
        name_start, name_end = m.start("name"), m.end("name")
        if name_start >= body_start and _is_source(doc, name_start, name_end, lexicon):
            drafts.append(_colon_draft(m, text, paragraphs))
    for m in _DASH_END.finditer(text):
        if not _DATE_TAIL.match(m.group("rest")):
            continue
        if not _is_speaker(doc, m.start("name"), m.end("name"), strict=False):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = max(line_start, body_start)
        while start < m.start() and text[start].isspace():
            start += 1
        end = rstrip_space(text, start, m.start())
        if end - start < 3:
            continue
        dash = (m.start("dash"), m.end("dash"))
        speaker = (m.start("name"), m.end("name"))
        drafts.append(Draft(start, end, "indirect", dash, speaker, rank=1))
    return drafts


def _colon_draft(m: re.Match[str], text: str, paragraphs: Paragraphs) -> Draft:
    """The attribution of a "SPEAKER: content" line: the colon is the cue."""
    colon = text.index(":", m.end("name"))
    start, end = m.start("content"), m.end("content")
    end = min(end, paragraphs.span(start)[1])
    return Draft(start, rstrip_space(text, start, end), "indirect", (colon, colon + 1),
                 (m.start("name"), m.end("name")), rank=1)  # fmt: skip


def _is_source(doc: Doc, start: int, end: int, lexicon: QuoteLexicon) -> bool:
    """A description of a source: a noun phrase with no verb whose head is a source noun
    ("The minister", "A senior official in the ministry")."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    return span.root.lemma_.lower() in lexicon.source_nouns


def _is_speaker(doc: Doc, start: int, end: int, *, strict: bool = True) -> bool:
    """A name that can speak: a person or organisation by the model, or a name in capitals
    ("PENCE", "WALLACE"); not strict, any capitalised name of a few words (a post's author)."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(e.label_ in _SPEAKERS for e in span.ents):
        return True
    words = span.text.split()
    if span.text.isupper() and len(span.text) > 2:
        return len(words) <= 3
    return not strict and 1 < len(words) <= 4 and all(w[:1].isupper() for w in words)
