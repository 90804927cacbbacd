"""Every error dateline raises, each with a stable code (spaCy's errors.py style)."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of dateline's errors; the message starts with a code like ``[E012]``."""


class SettingError(DatelineError):
    """A setting has a wrong value."""


class ModelLoadError(DatelineError):
    """The spaCy model named by the ``spacy_model`` setting cannot be loaded."""


class InputError(DatelineError):
    """An input file cannot be read as an article (empty, binary, too large, missing)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class DictionaryError(DatelineError):
    """A dictionary file is malformed."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"[E012] Dictionary line {line} of {path}: {reason}")


class StoreError(DatelineError):
    """The SQLite store cannot be opened or written."""


class QueryError(DatelineError):
    """A query of the store has a bad filter, or took longer than query_time_limit_ms."""

    def __init__(self, message: str, *, code: str = "E100") -> None:
        self.code = code
        super().__init__(message)


class EvalError(DatelineError):
    """A gold file for ``dateline eval`` cannot be read."""


class DateError(DatelineError):
    """A date given as an option or filter is not an ISO date (E028)."""


# Messages with codes, kept in one place.
E_EMPTY = "[E020] the file is empty"
E_BINARY = "[E021] the file looks binary, not text or HTML"
E_TOO_LARGE = (
    "[E022] the file is {size:,} bytes, over max_article_bytes={limit:,} "
    "(DATELINE_MAX_ARTICLE_BYTES)"
)
E_MISSING = "[E023] no such file or folder"
E_NO_TEXT = "[E024] no article text could be extracted"
E_UNREADABLE = "[E025] the file cannot be read: {error}"
E_TOO_LONG = "[E026] the text has {chars:,} characters, over max_article_chars={limit:,}"
E_MODEL = (
    "[E030] cannot load the spaCy model {name!r} named by the setting spacy_model "
    "(DATELINE_SPACY_MODEL): {error}. Install it (make install) or set DATELINE_SPACY_MODEL "
    "to an installed pipeline."
)
# Quotation gold (appended by the quotes stage): BRAT files for ``dateline eval quotes``.
E_BRAT_LINE = "[E080] {path}, line {line}: not a BRAT span or event line: {text!r}"
E_BRAT_LINK = "[E081] {path}, {event}: the link names no span {ref}"
E_BRAT_MISSING = "[E082] {path}: no such file or folder"
E_BRAT_EMPTY = "[E083] {path}: no .txt file with a matching .ann file beside it"
# Time-expression gold (appended by the time stage): TimeML files for ``dateline eval tempeval``.
E_TML_MISSING = "[E090] {path}: no such file or folder"
E_TML_EMPTY = "[E091] {path}: no .tml file in the folder"
E_TML_PARSE = "[E092] {path}: not a well-formed TimeML file: {error}"
E_TML_NO_TEXT = "[E093] {path}: the TimeML file has no <TEXT> element"
# Ingest (appended): JSON Lines records, --date values, folders given as files.
E_BAD_RECORD = "[E027] bad JSON Lines record: {error}"
E_BAD_DATE = "[E028] the date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
E_NOT_A_FILE = "[E029] is a folder, not a file (give its files, or a folder to ingest)"
# Store (appended).
E_SAME_TEXT_FAILED = (
    "[E044] not stored: the same text came earlier in this ingest and failed (see its error)"
)


class GazetteerError(DatelineError):
    """The packaged gazetteer index is missing or unreadable."""


E_GAZETTEER = (
    "[E060] the gazetteer index {path} is missing or unreadable: reinstall dateline, or rebuild "
    "it with `python tools/build_gazetteer.py`"
)
E_GEO_XML = (
    "[E061] {path}: not a geoparsing gold file (LGL, TR-News or GeoWebNews XML with "
    "<article> elements): {error}"
)
# Ingest evaluations (appended).
E_AEB_GOLD = "[E070] {path}: cannot read the article-extraction-benchmark gold: {error}"
E_EVENTS_GOLD = "[E072] {path}, line {line}: cannot read the events gold: {error}"
E_PUBDATE_GOLD = "[E071] {path}: cannot read the publication-date gold: {error}"
# Command line (appended): stores that must exist, output formats.
E_NO_STORE = (
    "[E050] {path}: no such store. Give the file `dateline ingest` wrote (--db or DATELINE_DB), "
    "or create one with `dateline ingest PATH... --db {path}`"
)
E_JSON_MANY = (
    "[E051] --format json writes one object for one article, and the inputs hold {count}: use "
    "--format jsonl (one article a line)"
)
# WARC input (ingest/warc.py).
E_BAD_WARC = (
    "[E110] not a readable WARC file: {error}. Give a WARC file (WARC/1.0 or 1.1, or ARC), "
    "plain or gzip-compressed"
)
E_WARC_NOT_TEXT = "[E111] the record of {uri} holds {content_type}, not text or HTML (skipped)"
E_WARC_STATUS = "[E112] the record of {uri} is an HTTP {status} response, not a page (skipped)"
E_WARC_TRUNCATED = (
    "[E113] the WARC file is cut short or damaged at byte {offset:,} ({detail}); the records "
    "before it were read"
)
E_WARC_NO_RECORDS = "[E114] the WARC file holds no response or resource record (no page)"
# Limits per document (issue 9): the worker process of ingest, and the sentence limit.
E_TIMEOUT = (
    "[E034] the article took more than doc_timeout_s={limit:g} seconds "
    "(DATELINE_DOC_TIMEOUT_S): its worker was stopped and the batch went on; split the text "
    "or raise the limit"
)
E_MEMORY = (
    "[E035] the article took more than max_rss_mb={limit:,} MB of memory ({rss:,} MB; "
    "DATELINE_MAX_RSS_MB): its worker was stopped and the batch went on; split the text or "
    "raise the limit"
)
E_WORKER_DIED = (
    "[E036] the worker process stopped while reading the article ({how}); the batch went on"
)
# Warnings kept on an article (``article.warnings``) and counted in the ingest summary.
W_SENTENCES_SPLIT = (
    "[W001] {n:,} sentence(s) longer than max_sentence_tokens={limit:,} tokens were cut "
    "before parsing (DATELINE_MAX_SENTENCE_TOKENS)"
)


class LimitError(DatelineError):
    """A document went over a limit per document (time or memory) in the worker process."""


# Queries of the store, the HTTP API and exports (issue 13).
E_BAD_PARAM = "[E100] {name}={value!r}: {reason}"
E_BAD_SEARCH = (
    '[E101] {name}={value!r} is not a full-text query: {error}. Use words, "a phrase", '
    "AND, OR, NOT, prefix* and parentheses (SQLite FTS5 syntax)"
)
E_QUERY_TIME = (
    "[E102] the query took longer than query_time_limit_ms={limit} "
    "(DATELINE_QUERY_TIME_LIMIT_MS): narrow the filters, or raise the limit"
)
E_NO_ARTICLE = "[E103] no article with id {id!r} in the store"
E_UPLOAD_TOO_LARGE = (
    "[E104] the body is over max_article_bytes={limit:,} bytes (DATELINE_MAX_ARTICLE_BYTES)"
)
E_READ_ONLY = (
    "[E105] the store is open read-only (dateline serve --read-only): store=true cannot write"
)
E_NOT_FOUND = "[E106] no such route: {path}"
E_METHOD = "[E107] {method} is not allowed on {path}"
E_EMPTY_BODY = "[E108] the body is empty: send the article's text or HTML"
E_NO_CLUSTER = "[E109] no cluster with id {id} in the store: /api/clusters lists their ids"
E_UNEXPECTED = (
    "[E500] dateline failed on this request (reference {reference}; the server's log has "
    "the details): please report it"
)
E_READ_ONLY_OLD = (
    "[E046] {path}: the store has schema version {version} and this dateline reads version "
    "{current}; open it once without --read-only (any dateline command) to upgrade it"
)


class BatchError(DatelineError):
    """``dateline batch`` or ``dateline load`` cannot run: a wrong output folder, a
    scheduler that does not answer, a dataset that cannot be read (issue 15)."""


# Batch and load (issue 15).
E_BATCH_NOT_EMPTY = (
    "[E120] {path} holds a dataset already: give --resume to go on with it, or another --out"
)
E_BATCH_OTHER_RUN = (
    "[E121] {path} holds a dataset coded with another dateline version, model, data, setting "
    "or --date (its _manifest.json says which): give another --out, or the same settings"
)
E_BATCH_SCHEDULER = "[E122] cannot reach the Dask scheduler {address}: {error}"
E_NO_DATASET = (
    "[E123] {path}: no dataset (no articles/part-*.parquet): give the --out folder of "
    "`dateline batch`"
)
E_BAD_PART = "[E124] {path}: the part cannot be read: {error}. Run `dateline batch --resume` again"
