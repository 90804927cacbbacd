"""Bytes -> str: BOMs, UTF-8, legacy encodings; binary and empty input refused."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from charset_normalizer import from_bytes

from ..errors import E_BINARY, E_EMPTY, E_TOO_LARGE, E_UNREADABLE, InputError
from .lexicon import BINARY_MAGIC

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# charset-normalizer often names a neighbour of Windows-1252 for short Western text (cp1250
# turns "naïve" into "naďve"); within this family cp1252, the superset of latin-1's printable
# characters, is the better reading of news text.
_LATIN_FAMILY = frozenset(
    {
        "cp1252",
        "windows-1252",
        "cp1250",
        "windows-1250",
        "latin_1",
        "latin-1",
        "iso8859_1",
        "iso-8859-1",
        "iso8859_15",
        "iso8859_2",
        "cp1254",
        "iso8859_9",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
        "ascii",
    }
)

# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
GZIP_MAGIC = b"\x1f\x8b"
# UTF-16 without a BOM (utf16_without_bom): at least this many pairs in the sample, NULs in
# at least this share of the high bytes, and in at most this share of the low bytes.
UTF16_MIN_PAIRS = 8
UTF16_HIGH_NUL_SHARE = 0.1
UTF16_LOW_NUL_SHARE = 0.01
# Non-UTF-8 input with at most this share of bytes above 0x7F is read as cp1252.
WESTERN_HIGH_BYTE_SHARE = 0.15


def looks_binary(data: bytes) -> bool:
    """True when the bytes are a known binary format or hold NUL bytes (and no UTF-16 BOM)."""
    if data.startswith(BINARY_MAGIC):
        return True
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text written without a BOM, else None.

    Such text has a NUL in most high bytes (ASCII, Latin) or at least in those of its spaces
    and digits (Arabic, Cyrillic: U+06xx, U+04xx), always on the same side of each pair, and
    hardly any in the low bytes; the sample must then decode strictly.
    """
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs < UTF16_MIN_PAIRS:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= UTF16_HIGH_NUL_SHARE * pairs and others <= UTF16_LOW_NUL_SHARE * pairs:
            try:
                sample.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def gunzip_limited(data: bytes, name: str, limit: int) -> bytes:
    """Decompress gzip bytes, refusing more than ``limit`` bytes of output."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(name, E_UNREADABLE.format(error=f"bad gzip data ({e})")) from e
    if len(out) > limit:
        raise InputError(name, E_TOO_LARGE.format(size=len(out), limit=limit) + " (decompressed)")
    return out


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode input bytes to text: BOM, UTF-8, the page's declared charset, else a guess.

    Raises InputError for empty or binary input. Text in a legacy encoding (cp1252,
    latin-1, cp1251, ...) is decoded; undecodable bytes become U+FFFD.
    """
    if not data.strip():
        raise InputError(name, E_EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return check_text(data.decode(encoding, errors="replace"), name)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return check_text(data.decode(utf16, errors="replace"), name)
    if looks_binary(data):
        raise InputError(name, E_BINARY)
    try:
        return check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        try:
            return check_text(data.decode(declared), name)
        except UnicodeDecodeError:
            pass
    return check_text(_guess_decode(data), name)


def _guess_decode(data: bytes) -> str:
    sample = data[:200_000]
    high = sum(1 for byte in sample if byte >= 0x80)
    if high <= WESTERN_HIGH_BYTE_SHARE * len(sample):
        # Mostly ASCII with a few accents and curly quotes: Western text, where a guess on so
        # few bytes goes wrong more often than cp1252 does. Cyrillic, Greek or Arabic in a
        # one-byte code page has most of its letters above 0x7F and goes to the guesser.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    best = from_bytes(sample).best()
    encoding = best.encoding.lower() if best is not None else "cp1252"
    if encoding in _LATIN_FAMILY:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 maps every byte.
            return data.decode("latin-1")
    return data.decode(encoding, errors="replace")


def check_text(text: str, name: str = "<input>") -> str:
    """The text itself, or InputError when it is empty or mostly control characters."""
    if not text.strip():
        raise InputError(name, E_EMPTY)
    sample = text[:20_000]
    controls = len(_CONTROL.findall(sample))
    replaced = sample.count("\ufffd")
    if (controls + replaced) > 0.05 * len(sample):
        raise InputError(name, E_BINARY)
    return text
