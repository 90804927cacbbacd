"""The PETRARCH verb-dictionary reader (events/verbs.py) on real files and generated ones."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dateline import Settings
from dateline.errors import DictionaryError
from dateline.events import verbs as verbs_module
from dateline.events.verbs import (
    load_verb_dictionary,
    packaged_dictionary_dir,
    read_verb_dictionary,
    read_verb_text,
    verb_forms,
    verbs_from_plain,
    verbs_to_plain,
    write_cache_file,
)

PACKAGED = packaged_dictionary_dir()


@pytest.fixture(scope="module")
def cameo():  # type: ignore[no-untyped-def]
    return read_verb_dictionary(PACKAGED / "CAMEO.2.0.txt")


@pytest.fixture(scope="module")
def validate():  # type: ignore[no-untyped-def]
    return read_verb_dictionary(PACKAGED / "PETR.Validate.verbs.txt")


def test_reader_loads_the_whole_cameo_dictionary_without_problems(cameo) -> None:  # type: ignore[no-untyped-def]
    assert cameo.problems == []
    assert len(cameo.forms) > 6000
    assert sum(len(p) for p in cameo.patterns.values()) > 4000
    assert "&CURRENCY" in cameo.synsets
    assert len(cameo.transformations) == 8


def test_reader_loads_the_validation_dictionary_with_test_codes(validate) -> None:  # type: ignore[no-untyped-def]
    entry = validate.lookup("abandon")[0]
    assert entry.code == "345"  # not CAMEO: carried as given
    codes = {p.code for p in validate.patterns_for(entry)}
    assert {"903", "904", "987", "901", "902"} <= codes


def test_verb_takes_its_own_code_else_the_block_default(cameo) -> None:  # type: ignore[no-untyped-def]
    assert cameo.lookup("request")[0].code == "020"
    assert cameo.lookup("petition")[0].code == "020"
    confer = cameo.lookup("consult")[0]
    assert (confer.code, confer.reverse) == ("040", "040")


def test_irregular_forms_in_braces_are_verb_forms(cameo) -> None:  # type: ignore[no-untyped-def]
    assert cameo.lookup("met")[0].verb == "MEET"
    assert cameo.lookup("withdrew")[0].verb == "WITHDRAW"
    assert cameo.lookup("meets")[0].verb == "MEET"


def test_multiword_verb_marks_the_verb_word_with_plus(validate) -> None:  # type: ignore[no-untyped-def]
    rst = next(e for e in validate.lookup("rst") if e.is_multiword)
    assert rst.before == ("KLM", "NOP") and rst.code == "002"
    down = [e for e in validate.lookup("broke") if e.after == ("DOWN",)]
    assert down and down[0].verb == "BREAK"


def test_pattern_elements_prepositions_synsets_and_code_pairs() -> None:
    verbs = read_verb_text(
        "&FOOD\n+RICE\n+WHEAT_\n\n--- RUSH [---] ---\nRUSH\n"
        "- * (TO BORDER) [154]\n- * &FOOD [073]\n- + * FROM $ [042:043]\n- * MEETING [---]\n"
    )
    patterns = verbs.patterns["RUSH"]
    prep = patterns[0].after[0]
    assert (prep.kind, prep.value, prep.inner[0].value) == ("prep", "TO", "BORDER")
    assert patterns[1].after[0].kind == "synset"
    assert verbs.synset("&FOOD") == (("RICE",), ("RICES",), ("WHEAT",))
    pair = patterns[2]
    assert (pair.code, pair.reverse) == ("042", "043")
    assert [e.kind for e in pair.before] == ["target"]
    assert [e.kind for e in pair.after] == ["word", "source"]
    assert patterns[3].is_null


def test_underscore_joins_words_and_the_verb() -> None:
    verbs = read_verb_text("--- ACK [023] ---\nACK\n- SO IN_AND_*_OUT NOW [074]\n")
    pattern = verbs.patterns["ACK"][0]
    assert pattern.verb_joined_before and pattern.verb_joined_after
    assert [e.joined for e in pattern.before] == [False, False, True]


def test_nested_synsets_expand(validate) -> None:  # type: ignore[no-untyped-def]
    phrases = validate.synset("&ACCORDSYN")
    assert ("MILITARY",) in phrases and ("CLOSER",) in phrases and ("EUROS",) in phrases


def test_malformed_line_raises_with_file_and_line_number() -> None:
    text = "--- MEET [040] ---\nMEET\n- * (TO BORDER [154]\n"
    with pytest.raises(DictionaryError) as e:
        read_verb_text(text, "bad.verbs")
    assert e.value.line == 3 and "bad.verbs" in str(e.value)


def test_lenient_reading_skips_bad_lines_and_keeps_the_rest() -> None:
    text = "--- MEET [040] ---\nMEET\n- * (TO BORDER [154]\n- * SUMMIT [043]\n"
    verbs = read_verb_text(text, lenient=True)
    assert len(verbs.problems) == 1 and verbs.problems[0].line == 3
    assert [p.code for p in verbs.patterns["MEET"]] == ["043"]


def test_comments_of_every_kind_are_skipped() -> None:
    text = (
        "<!-- a comment\nover lines -->\n--- MEET [040] --- # c\nMEET ; legacy\n"
        "- * SUMMIT [043] # note <!-- x -->\n"
    )
    verbs = read_verb_text(text)
    assert verbs.lookup("meet")[0].code == "040"
    assert verbs.patterns["MEET"][0].code == "043"


def test_compiled_dictionary_loads_from_cache_quickly(tmp_path: Path) -> None:
    settings = Settings.from_env(cache_dir=str(tmp_path))
    first = load_verb_dictionary(settings)
    assert list(tmp_path.glob("verbs-*.json"))
    from dateline.events import verbs as module

    module._load_cached.cache_clear()
    start = time.perf_counter()
    again = load_verb_dictionary(settings)
    assert time.perf_counter() - start < 1.0
    assert len(again.forms) == len(first.forms)


_WORD = st.text(alphabet="ABCDEFGHIKLMNOPRSTUVW", min_size=3, max_size=9)
_CODE = st.from_regex(r"[0-9]{3}[0-9A-K]?", fullmatch=True)


@hsettings(max_examples=60, deadline=None)
@given(
    verbs=st.lists(_WORD, min_size=1, max_size=5, unique=True),
    block_code=_CODE,
    words=st.lists(_WORD, min_size=1, max_size=3),
    pattern_code=_CODE,
)
def test_generated_blocks_read_back(
    verbs: list[str], block_code: str, words: list[str], pattern_code: str
) -> None:
    text = f"--- BLOCK [{block_code}] ---\n" + "\n".join(verbs)
    text += f"\n- * {' '.join(words)} [{pattern_code}]\n"
    dictionary = read_verb_text(text)
    for verb in verbs:
        entry = dictionary.lookup(verb)[0]
        assert entry.code == block_code
        for form in verb_forms(verb):
            assert any(e.verb == verb for e in dictionary.lookup(form))
    pattern = dictionary.patterns["BLOCK"][0]
    assert [e.value for e in pattern.after] == words
    assert pattern.code == pattern_code


@hsettings(max_examples=60, deadline=None)
@given(st.text(alphabet="ABC *[]{}()_&+$%^-:#\n", max_size=60))
def test_reader_never_fails_otherwise_than_with_dictionary_error(text: str) -> None:
    with contextlib.suppress(DictionaryError):
        read_verb_text("--- X [010] ---\nX\n" + text)
    verbs = read_verb_text("--- X [010] ---\nX\n" + text, lenient=True)
    assert all(isinstance(p, DictionaryError) for p in verbs.problems)


def test_irregular_forms_of_a_multiword_verb_index_their_verb_word() -> None:
    from dateline.events.verbs import read_verb_text

    verbs = read_verb_text("--- CONFISCATE [1711] ---\nWIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }\n")
    assert [e.verb for e in verbs.lookup("TAPPED")] == ["TAP"]
    assert [e.before for e in verbs.lookup("TAPPING")] == [("WIRE",)]


def test_reader_keeps_the_verb_a_pattern_comment_names() -> None:
    from dateline.events.verbs import read_verb_text

    text = "--- DESTROY [190] ---\nBEAT\nBREAK\n- * (WITH)  [130]  # BREAK\n- * CITY  [190]  # jw\n"
    verbs = read_verb_text(text)
    assert [p.verb for p in verbs.patterns["DESTROY"]] == ["BREAK", ""]


def test_complex_event_marker_is_no_code() -> None:
    # TABARI's [+++] flags a sentence for a human coder: the pattern is not kept (the next
    # matching pattern codes) and a block coded with it codes nothing by itself.
    verbs = read_verb_text(
        "--- MEND [064] ---\nMEND\n- * ODD TIES [+++]\n- * TIES [064]\n\n"
        "--- SHOUT [+++] ---\nSHOUT\n- * PROTEST [122]\n"
    )
    assert [p.code for p in verbs.patterns["MEND"]] == ["064"]
    assert verbs.block_codes["SHOUT"] == "---"
    assert verbs.lookup("shout")[0].code == "---"


def test_verb_supplement_extends_cameo_blocks_with_their_own_codes(tmp_path: Path) -> None:
    settings = Settings.from_env(cache_dir=str(tmp_path))
    verbs = load_verb_dictionary(settings)
    plain = read_verb_dictionary(PACKAGED / "CAMEO.2.0.txt")
    assert verbs.problems == [] and verbs.cameo_codes
    # A reopened block keeps CAMEO.2.0's code and gains the supplement's patterns.
    assert all(verbs.block_codes[b] == c for b, c in plain.block_codes.items())
    assert len(verbs.patterns["UPGRADE"]) > len(plain.patterns["UPGRADE"])
    assert verbs.transformations == plain.transformations
    exact = load_verb_dictionary(settings.replace(petrarch_compat=True))
    assert len(exact.patterns["UPGRADE"]) == len(plain.patterns["UPGRADE"])


def test_verb_supplement_may_not_recode_a_block(tmp_path: Path) -> None:
    from dateline.events.verbs import _read_with_supplement

    main = tmp_path / "main.txt"
    main.write_text("---  MEET   [040]  ---\nMEET\n- * ENVOY [043]\n", encoding="utf-8")
    extra = tmp_path / "extra.txt"
    extra.write_text("---  MEET   [050]  ---\n- * FRIEND [051]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="reopened"):
        _read_with_supplement(main, extra, lenient=False)
    extra.write_text("---  MEET   [040]  ---\n- * FRIEND [051]\n", encoding="utf-8")
    merged = _read_with_supplement(main, extra, lenient=False)
    assert [p.code for p in merged.patterns["MEET"]] == ["043", "051"]


class _Payload:
    """A pickle that makes a folder when it is unpickled: what an attacker would plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(self.marker),))


def test_a_malicious_pickle_planted_in_the_verb_cache_is_never_run(tmp_path: Path) -> None:
    # Issue 9: the verb cache was unpickled from ~/.cache/dateline, so whoever could write
    # there could run code as the user.
    cache = tmp_path / "cache"
    settings = Settings.from_env(cache_dir=str(cache))
    first = load_verb_dictionary(settings)
    marker = tmp_path / "pwned"
    planted = list(cache.glob("verbs-*"))
    assert planted
    for path in planted:
        path.write_bytes(pickle.dumps(_Payload(marker)))
    verbs_module._load_cached.cache_clear()
    again = load_verb_dictionary(settings)
    assert not marker.exists()
    assert len(again.forms) == len(first.forms)  # rebuilt from the dictionary files


def test_a_symlink_planted_at_the_cache_s_temporary_name_is_not_followed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = Settings.from_env(cache_dir=str(cache))
    load_verb_dictionary(settings)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    for path in list(cache.glob("verbs-*")):
        path.with_suffix(".tmp").symlink_to(victim)
        path.unlink()
    verbs_module._load_cached.cache_clear()
    load_verb_dictionary(settings)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert list(cache.glob("verbs-*.json"))


def test_concurrent_cache_writers_never_leave_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "verbs-test.json"
    payloads = [json.dumps({"writer": n, "data": "x" * 200_000}).encode() for n in range(4)]
    write_cache_file(path, payloads[0])
    seen: list[bytes] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(path.read_bytes())

    def write(data: bytes) -> None:
        for _ in range(20):
            write_cache_file(path, data)

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=write, args=(data,)) for data in payloads]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    stop.set()
    reader.join()
    assert seen and all(data in payloads for data in seen)
    assert path.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_the_verb_cache_reads_back_the_dictionary_it_was_written_from() -> None:
    verbs = read_verb_dictionary(PACKAGED / "CAMEO.2.0.txt")
    again = verbs_from_plain(json.loads(json.dumps(verbs_to_plain(verbs))))
    assert again == verbs
    # The entries a verb shares with its other forms stay one object.
    assert again.lookup("meets")[0] is again.lookup("meet")[0]


@pytest.mark.parametrize("data", [[], {"version": "verbs.v0"}, {"version": "x", "forms": 3}])
def test_a_verb_cache_of_another_shape_is_refused(data: object) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        verbs_from_plain(data)  # type: ignore[arg-type]
