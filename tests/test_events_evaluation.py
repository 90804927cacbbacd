"""events.evaluation: criticism and praise voiced as an evaluation of someone."""

from __future__ import annotations

from dateline import Pipeline
from dateline.events.evaluation import valence
from dateline.model import Event

STORY = "WASHINGTON (AP) — Senator Jane Hale and Governor Tom Reed met on Monday.\n\n"


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(STORY + text, date="2016-09-20").events


def _coded(events: list[Event], trigger: str) -> set[tuple[str, str, str]]:
    return {
        (e.source.code if e.source else "", e.cameo, e.target.code if e.target else "")
        for e in events
        if e.trigger.text == trigger
    }


def test_the_valence_of_words_is_vaders() -> None:
    assert valence("a disgrace") < -0.3 < 0.3 < valence("an outstanding leader")
    assert abs(valence("met with the governor")) < 0.1


def test_naming_someone_as_something_bad_is_criticism(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale described Reed as a disgrace.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "described")
    events = _events(pipeline, 'Hale called Reed\'s record "deeply troubling."')
    assert ("USALEG", "111", "USAGOV") in _coded(events, "called")


def test_naming_someone_as_something_good_is_praise(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale called Reed a great leader.")
    assert ("USALEG", "051", "USAGOV") in _coded(events, "called")


def test_a_neutral_naming_is_no_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale called Reed a Republican from Ohio.")
    assert not {c for c in _coded(events, "called") if c[1] in ("111", "051")}


def test_what_is_said_of_someone_is_criticism_when_it_is_bad(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale said Reed was dishonest and incompetent.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "said")


def test_what_a_speaker_says_of_herself_is_no_evaluation_of_another(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale said she was deeply disappointed by the vote.")
    assert not _coded(events, "said")


def test_a_speaker_calling_someone_a_disgrace_in_a_quotation_is_criticism(
    pipeline: Pipeline,
) -> None:
    events = _events(pipeline, '"Reed is a disgusting fraud. He has failed us all," Hale said.')
    assert ("USALEG", "111", "USAGOV") in _coded(events, "is")
    trace = next(e for e in events if e.trigger.text == "is")
    assert trace.rules[0] == "evaluation.quoted_evaluation"
    assert trace.confidence == 1.0


def test_a_speaker_praising_someone_in_a_quotation_is_praise(pipeline: Pipeline) -> None:
    events = _events(
        pipeline, '"Reed is a wonderful leader. I have known him for years," Hale said.'
    )
    assert ("USALEG", "051", "USAGOV") in _coded(events, "is")


def test_a_quoted_clause_about_the_speaker_or_a_neutral_one_is_no_evaluation(
    pipeline: Pipeline,
) -> None:
    for quoted in (
        '"I am tired and angry. Reed is a Republican from Ohio," Hale said.',
        '"If Reed is a fraud, we will know soon. Is Reed a disgrace?" Hale said.',
        '"Reed is not a disgrace. We met twice," Hale said.',
    ):
        events = _events(pipeline, quoted)
        assert not {c for c in _coded(events, "is") if c[1] in ("111", "051")}, quoted


def test_a_trait_shown_or_lacked_is_an_evaluation_like_a_copula(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale said Reed has shown contempt for voters.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "said")
    events = _events(pipeline, "Hale said Reed has demonstrated great courage.")
    assert ("USALEG", "051", "USAGOV") in _coded(events, "said")
    shown = [e for e in events if e.trigger.text == "demonstrated"]
    assert all(e.confidence == 0.0 for e in shown)  # no protest: filter.display_with_object


def test_naming_that_the_dictionary_codes_is_read_by_the_naming_rule(pipeline: Pipeline) -> None:
    """The verb dictionary's own "call ... liar" pattern does not keep the naming rule from
    reading the complement; the naming rule's event is the one that stands."""
    events = _events(pipeline, "Hale called Reed a liar.")
    called = [e for e in events if e.trigger.text == "called" and e.confidence > 0]
    assert [(e.cameo, e.rules[0]) for e in called] == [("111", "evaluation.naming")]


def test_a_complement_parsed_as_an_adjective_after_the_object_is_read(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale called the governor's plan deeply troubling on Tuesday.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "called")


def test_a_dateline_the_parser_takes_for_a_subject_leaves_the_source_to_the_next(
    pipeline: Pipeline,
) -> None:
    text = "WASHINGTON (AP) — Governor Tom Reed described Senator Jane Hale as a disgrace."
    events = pipeline.extract(text, date="2016-09-20").events
    assert ("USAGOV", "111", "USALEG") in _coded(events, "described")


def test_considering_someone_something_is_a_naming(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Hale considers Reed a disgrace.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "considers")
    events = _events(pipeline, "Hale considers the governor dishonest.")
    assert ("USALEG", "111", "USAGOV") in _coded(events, "considers")
    # Considering a thing something is no consultation (CONSIDER's block code, 040).
    text = (
        "BRUSSELS (Reuters) — The EU reiterated it still considers all settlement activity illegal."
    )
    events = pipeline.extract(text, date="2019-11-19").events
    assert all(e.confidence == 0.0 for e in events if e.trigger.text == "considers")


def test_a_pronoun_for_another_person_of_the_same_code_is_not_the_speaker() -> None:
    from dateline.events.evaluation import _self_reference
    from dateline.model import Actor, Mention

    def mention(text: str, name: str) -> Mention:
        return Mention(0, len(text), text, "ACTOR", Actor("USAELI", name=name))

    speaker = mention("Trump", "DONALD TRUMP")
    # Both are USAELI, but "she" stands for Clinton: an evaluation of another.
    assert not _self_reference(mention("she", "HILLARY CLINTON"), speaker)
    assert _self_reference(mention("he", "DONALD TRUMP"), speaker)
    # Without names, the code decides, as before.
    assert _self_reference(mention("she", ""), mention("the mayor", ""))


def test_naming_reads_an_object_the_parser_took_for_a_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from dateline.events.evaluation import _ActorIndex, _naming
    from dateline.model import Actor, Mention

    # "Hale called Reed a liar" parsed with two complements ("Reed" and "liar" both oprd),
    # as the parser does in some long sentences: Reed is the one named.
    words = ["Hale", "called", "Reed", "a", "liar", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 1],
        deps=["nsubj", "ROOT", "oprd", "det", "oprd", "punct"],
        pos=["PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"],
    )
    reed = Mention(10, 14, "Reed", "PERSON", Actor("USAGOV", name="REED"))
    found = _naming(doc[1], _ActorIndex(doc, [reed]))
    assert found is not None
    party, complement = found
    assert party.text == "Reed" and [t.text for t in complement] == ["a", "liar"]


def test_naming_reads_one_complement_and_a_quotation_the_parser_hung_elsewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from dateline.events.evaluation import _ActorIndex, _naming, _subject_party
    from dateline.model import Actor, Mention

    hale = Mention(0, 4, "Hale", "PERSON", Actor("USALEG", name="HALE"))
    # "Hale called Reed's record “deeply troubling”" parsed as one complement ("record",
    # oprd, with the evaluation inside it): the party is its possessor.
    words = ["Hale", "called", "Reed", "'s", "record", "“", "deeply", "troubling", "”", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 4, 2, 1, 4, 7, 4, 4, 1],
        deps=["nsubj", "ROOT", "poss", "case", "oprd", "punct", "advmod", "amod", "punct", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PART", "NOUN", "PUNCT", "ADV", "ADJ", "PUNCT", "PUNCT"],
    )
    reed = Mention(12, 16, "Reed", "PERSON", Actor("USAGOV", name="REED"))
    found = _naming(doc[1], _ActorIndex(doc, [hale, reed]))
    assert found is not None
    assert found[0].text == "Reed" and "troubling" in [t.text for t in found[1]]
    # "Hale, who ..., called Reed “a great leader,” and ..." with the quotation hung on
    # another word and "called" parsed as a clause on "Hale" (no subject of its own).
    words = ["Hale", "called", "Reed", "“", "a", "great", "leader", "”", "and", "left", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[9, 0, 1, 9, 6, 6, 9, 9, 9, 9, 9],
        deps=[
            "nsubj",
            "relcl",
            "oprd",
            "punct",
            "det",
            "amod",
            "npadvmod",
            "punct",
            "cc",
            "ROOT",
            "punct",
        ],
        pos=[
            "PROPN",
            "VERB",
            "PROPN",
            "PUNCT",
            "DET",
            "ADJ",
            "NOUN",
            "PUNCT",
            "CCONJ",
            "VERB",
            "PUNCT",
        ],
    )
    index = _ActorIndex(
        doc, [hale, Mention(12, 16, "Reed", "PERSON", Actor("USAGOV", name="REED"))]
    )
    found = _naming(doc[1], index)
    assert found is not None
    assert found[0].text == "Reed" and [t.text for t in found[1]] == ["a", "great", "leader"]
    source = _subject_party(doc[1], index)
    assert source is not None and source.text == "Hale"


def test_what_a_possessive_subject_says_of_its_owner_is_evaluated(pipeline: Pipeline) -> None:
    # "Reed's troubling record ... is relevant": the words on the owned head are said of
    # the owner (_party_words); only the possessor is left out.
    events = _events(
        pipeline, '"Reed\'s troubling record on taxes is highly relevant to this race," Hale said.'
    )
    assert ("USALEG", "111", "USAGOV") in _coded(events, "said") | _coded(events, "is")
