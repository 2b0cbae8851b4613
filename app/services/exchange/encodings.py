"""The old Vietnamese encodings of text typed before Unicode, as they arrive in an Excel cell.

A cell typed in a TCVN3 (ABC) font (.VnTime) or a VNI font (VNI-Times) holds the font's bytes read as
Windows Latin-1 letters: "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI) for "Nguyễn Văn An". Both
use letters that proper Vietnamese never does (µ, ¸, ¨, ñ, ö, ø…); `detect` weighs how well each
decoding reads as Vietnamese, and says when it cannot tell (then the officer is asked to convert the
file with Unikey first). TCVN3 fonts have no capital toned letters (a capital-letter font, .VnTimeH,
showed the small letters' codes as capitals), so TCVN3 text decodes to small letters there.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from dataclasses import dataclass

# TCVN 5712:1993 VN3 ("ABC"): the font's code (as a Latin-1 letter) and the Vietnamese letter it shows.
_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\xadư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}
UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in TCVN3_TO_UNICODE.items()}

# VNI Windows: a base letter followed by the mark's code; a few letters are one code of their own.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
_VNI_TONE = ("ù", "ø", "û", "õ", "ï")
_VNI_HAT_TONE = ("á", "à", "å", "ã", "ä")  # circumflex with a tone
_VNI_BREVE_TONE = ("é", "è", "ú", "ü", "ë")
_VNI_I_TONE = ("í", "ì", "æ", "ó", "ò")


def _upper_code(code: str) -> str:
    return code.upper()


def _vni_table() -> dict[str, str]:
    """Unicode letter -> its VNI codes, for every small and capital Vietnamese letter."""
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ", "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö",
                             "ỵ": "î", "Ỵ": "Î"}
    for base in "aeiouy":
        for capital in (False, True):
            letter = base.upper() if capital else base
            fix = _upper_code if capital else (lambda c: c)
            for tone, code in zip(_TONES, _VNI_TONE, strict=True):
                toned = unicodedata.normalize("NFC", letter + tone)
                if base == "i":
                    table.setdefault(toned, fix(_VNI_I_TONE[_TONES.index(tone)]))
                else:
                    table.setdefault(toned, letter + fix(code))
            if base in "aeo":  # â ê ô
                hat = unicodedata.normalize("NFC", letter + "\u0302")
                table[hat] = letter + fix("â")
                for tone, code in zip(_TONES, _VNI_HAT_TONE, strict=True):
                    table[unicodedata.normalize("NFC", hat + tone)] = letter + fix(code)
            if base == "a":  # ă
                breve = unicodedata.normalize("NFC", letter + "\u0306")
                table[breve] = letter + fix("ê")
                for tone, code in zip(_TONES, _VNI_BREVE_TONE, strict=True):
                    table[unicodedata.normalize("NFC", breve + tone)] = letter + fix(code)
    for horn, code in (("ơ", "ô"), ("ư", "ö")):
        for capital in (False, True):
            letter, mark_code = (horn.upper(), code.upper()) if capital else (horn, code)
            for tone, tone_code in zip(_TONES, _VNI_TONE, strict=True):
                tone_code = tone_code.upper() if capital else tone_code
                table[unicodedata.normalize("NFC", letter + tone)] = mark_code + tone_code
    return table


UNICODE_TO_VNI = _vni_table()
VNI_TO_UNICODE: dict[str, str] = {v: k for k, v in UNICODE_TO_VNI.items()}
_VNI_DECODE = re.compile("|".join(re.escape(code) for code in sorted(VNI_TO_UNICODE, key=len, reverse=True)))

# Letters proper Vietnamese (or ordinary text) never uses, but the old fonts' codes do.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_LEGACY_MARKS = (set(TCVN3_TO_UNICODE) | set("".join(VNI_TO_UNICODE))) - _VIETNAMESE_LATIN1 - set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN1_LETTER = re.compile("[\xa0-\xff]")
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
# Vietnamese syllables: an onset, a vowel nucleus (some only open, without a final consonant), a coda.
_CLOSABLE = ("uyê", "iê", "yê", "uô", "ươ", "oa", "oă", "oe", "uâ", "uê", "uy", "oo",
             "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
_OPEN_ONLY = ("iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "yêu",
              "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
              "ưi", "ưu")
_SYLLABLE = re.compile(
    r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    rf"(?:(?P<open>{'|'.join(_OPEN_ONLY)})|(?P<nucleus>{'|'.join(_CLOSABLE)})(?P<coda>ch|ng|nh|[cmnpt])?)"
)
_MODIFIED = "êơâăô"
_EITHER_PLACE = {"oa", "oe", "uy"}  # "hoà" and "hòa" are both written


def _tone_well_placed(vowels: str, toned: int, closed: bool) -> bool:
    """Whether the tone mark sits on the vowel that carries it in Vietnamese spelling."""
    if len(vowels) == 1 or vowels in _EITHER_PLACE:
        return True
    modified = [i for i, c in enumerate(vowels) if c in _MODIFIED]
    if modified:
        return toned == modified[-1]
    return toned == (1 if closed or len(vowels) == 3 else 0)


@functools.lru_cache(maxsize=65536)
def _reads_as_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    if not tones:
        return True
    vowels = match.group("open") or match.group("nucleus")
    start = match.start("open") if match.group("open") else match.start("nucleus")
    letters = [unicodedata.normalize("NFD", c) for c in unicodedata.normalize("NFC", word.lower())]
    toned = next(i for i, c in enumerate(letters) if any(m in _TONES for m in c)) - start
    return 0 <= toned < len(vowels) and _tone_well_placed(vowels, toned, bool(match.group("coda")))


class Encoding(enum.StrEnum):
    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"

    @property
    def label(self) -> str:
        return {"unicode": "Unicode", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}[self.value]


def tcvn3_to_unicode(text: str) -> str:
    return "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)


def unicode_to_tcvn3(text: str) -> str:
    """The TCVN3 codes of a text (capital toned letters, which TCVN3 lacks, are written small)."""
    return "".join(UNICODE_TO_TCVN3.get(ch, UNICODE_TO_TCVN3.get(ch.lower(), ch))
                   for ch in unicodedata.normalize("NFC", text))


def vni_to_unicode(text: str) -> str:
    return _VNI_DECODE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def unicode_to_vni(text: str) -> str:
    return "".join(UNICODE_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def looks_legacy(text: str) -> bool:
    """True when the text holds a letter only the old fonts' codes use."""
    return any(ch in _LEGACY_MARKS for ch in text)


def could_be_legacy(text: str) -> bool:
    """True when the text has letters an old font's codes use and none that only Unicode has."""
    return bool(_LATIN1_LETTER.search(text)) and not _UNICODE_ONLY.search(text)


def _plausible_words(text: str) -> tuple[int, int]:
    """(words that read as Vietnamese syllables, words with letters) of a decoded text."""
    good = total = 0
    for word in re.findall(r"[^\W\d_]+", text):
        total += 1
        mixed_case = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
        if not mixed_case and not looks_legacy(word) and _reads_as_syllable(word):
            good += 1
    return good, total


@dataclass(frozen=True)
class Detection:
    encoding: Encoding | None  # None: the text could be either old encoding
    text: str  # the text in Unicode (unchanged when undecided)


_DECODERS = {Encoding.TCVN3: tcvn3_to_unicode, Encoding.VNI: vni_to_unicode}


def detect(text: str) -> Detection:
    """Which encoding a text (a cell, or a whole column joined) is in, and the text in Unicode.

    Unicode when nothing in it belongs to the old fonts only, or when it also holds letters only Unicode
    has; otherwise the decoding whose words read best as Vietnamese syllables; undecided (None) when
    both read equally well."""
    if not _LATIN1_LETTER.search(text) or _UNICODE_ONLY.search(text):
        return Detection(Encoding.UNICODE, text)
    if not looks_legacy(text):
        good, total = _plausible_words(text)
        if good == total:  # reads as Vietnamese already: no decoding can read better
            return Detection(Encoding.UNICODE, text)
    decoded = {Encoding.UNICODE: text, **{e: decoder(text) for e, decoder in _DECODERS.items()}}
    scores = {e: _plausible_words(t)[0] - sum(1 for ch in t if ch in _LEGACY_MARKS)
              for e, t in decoded.items()}
    unicode, tcvn3, vni = (scores[e] for e in (Encoding.UNICODE, Encoding.TCVN3, Encoding.VNI))
    if unicode >= max(tcvn3, vni):
        return Detection(None if looks_legacy(text) else Encoding.UNICODE, text)
    if tcvn3 == vni or max(tcvn3, vni) <= 0:  # both alike, or neither reads as Vietnamese
        return Detection(None, text)
    best = Encoding.TCVN3 if tcvn3 > vni else Encoding.VNI
    return Detection(best, decoded[best])


def decode(text: str, encoding: Encoding) -> str:
    return text if encoding is Encoding.UNICODE else _DECODERS[encoding](text)
