"""The article's language: the script for languages written without Latin letters,
else the share of each language's function words.

A share of function words tells the languages of news pages apart and costs
microseconds, where a language-identification model (py3langid, lingua) would
add a dependency and a model to load. The most common languages have short
lists of their most frequent, distinctive function words; jusText's stop-word
lists (installed with trafilatura, read by ``chronique.ingest.stopwords``) are
long and overlap (its French list holds "the" and "of"), so they only decide
among the other languages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from chronique.ingest.stopwords import page_language, words_of

#: ISO 639-1 codes of jusText's stop-word lists (``chronique.ingest.stopwords``).
STOPLIST_CODES = {
    "Afrikaans": "af",
    "Albanian": "sq",
    "Basque": "eu",
    "Bosnian": "bs",
    "Breton": "br",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "Galician": "gl",
    "German": "de",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Indonesian": "id",
    "Irish": "ga",
    "Italian": "it",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Luxembourgish": "lb",
    "Macedonian": "mk",
    "Malay": "ms",
    "Maltese": "mt",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Occitan": "oc",
    "Polish": "pl",
    "Portuguese": "pt",
    "Romanian": "ro",
    "Serbian": "sr",
    "Simple_English": "en",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Spanish": "es",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Turkish": "tr",
    "Vietnamese": "vi",
    "Welsh": "cy",
    "West_Frisian": "fy",
}
#: The most frequent function words of the archive languages most often met.
FUNCTION_WORDS = {
    "fr": "le la les un une des du et est sont dans pour par sur avec qui que ne pas plus au "
    "aux ce cette ces il elle ils elles nous vous leur leurs son sa ses été être ont mais où "
    "comme après avant selon depuis entre très aussi",
    "en": "the an and of to in is are was were for on with by that this these those it its he "
    "she they we you his her their from at as but or not has have had been be will would "
    "after before said says also more than which who",
    "es": "el la los las un una unos del y es son en para por con que se no más al lo su sus "
    "como pero fue ha han este esta estos entre desde muy también según sobre donde",
    "de": "der die das den dem des ein eine einen und ist sind in im für mit auf von zu nicht "
    "sich auch es er sie wir ihr hat haben wurde werden wird bei nach aus als wie noch dass",
    "it": "il lo la gli le un una dei delle degli del della e è sono per con che non più al "
    "alla nel nella si ha hanno anche come ma dopo tra questo questa essere stato",
    "pt": "o a os as um uma dos das do da e é são em no na nos para por com que não mais ao "
    "se foi tem como mas também entre pelo pela este esta ser",
    "nl": "de het een en is zijn in van voor met op dat die niet ook er hij zij wij heeft "
    "hebben werd worden wordt bij naar uit als nog om aan maar",
}
#: Scripts that name their language (Han alone is Chinese; with kana it is Japanese).
_SCRIPTS = (
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
)
_SAMPLE_CHARS = 2000
_SAMPLE_WORDS = 300
#: Below this many function words, the sample says nothing: the default stands.
_MIN_HITS = 5
#: In a text of a common language, at least this share of the words are its function words.
_COMMON_SHARE = 0.15
#: BCP 47's tag for a language that cannot be told.
UNDETERMINED = "und"
#: A text of this many words where no common language has this share of function words is
#: in none of them.
_MIN_WORDS = 50
_FOREIGN_SHARE = 0.05
#: Letters of another script than Latin that make the page that script's language.
_SCRIPT_SHARE = 0.3
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(words.split()) for code, words in FUNCTION_WORDS.items()}


def detect_language(text: str, default: str) -> str:
    """The ISO 639-1 code of *text*'s language; *default* when the text does not say clearly."""
    sample = text[:_SAMPLE_CHARS]
    by_script = _language_of_script(sample)
    if by_script is not None:
        return by_script
    words = words_of(sample)[:_SAMPLE_WORDS]
    common = _function_words()
    code = _clear_winner(words)
    if code is not None and _share(words, common[code]) >= _COMMON_SHARE:
        return code
    if default in common and _share(words, common[default]) >= _COMMON_SHARE:
        return default  # the archive's language, mixed with another: the archive's wins
    other = STOPLIST_CODES.get(page_language(words) or "")
    if (
        other is None
        and len(words) >= _MIN_WORDS
        and max(_share(words, w) for w in common.values()) < _FOREIGN_SHARE
    ):
        return UNDETERMINED  # prose in a language none of the lists knows
    return other or default


@cache
def _languages_by_word() -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages whose list holds it."""
    languages: dict[str, list[str]] = {}
    for code, words in _function_words().items():
        for word in words:
            languages.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


def _clear_winner(words: list[str]) -> str | None:
    """The language with twice as many function words in *words* as the next, if any."""
    counts = dict.fromkeys(_function_words(), 0)
    languages = _languages_by_word()
    for word in words:
        for code in languages.get(word, ()):
            counts[code] += 1
    hits = sorted(((count, code) for code, count in counts.items()), reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    if best < _MIN_HITS or best < 2 * second:
        return None
    return code


def _share(words: list[str], words_of: frozenset[str]) -> float:
    return sum(w in words_of for w in words) / len(words) if words else 0.0


def _language_of_script(sample: str) -> str | None:
    others = _NOT_LATIN_LETTER.findall(sample)
    if not others or len(others) < _SCRIPT_SHARE * len(_LETTER.findall(sample)):
        return None
    counts: dict[str, int] = {}
    for char in others:
        name = unicodedata.name(char, "")
        code = next((code for script, code in _SCRIPTS if name.startswith(script)), None)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    if counts.get("ja") and counts.get("zh"):
        return "ja"
    return max(counts, key=counts.__getitem__)


def language_name(code: str) -> str:
    """'es' -> 'Spanish', for messages; the code itself when unknown."""
    names = {c: n for n, c in STOPLIST_CODES.items() if n != "Simple_English"}
    names.update(
        {
            "ja": "Japanese",
            "ko": "Korean",
            "zh": "Chinese",
            "ru": "Russian",
            "el": "Greek",
            "ar": "Arabic",
            "he": "Hebrew",
            "th": "Thai",
            "hi": "Hindi",
        }
    )
    return names.get(code, code).replace("_", " ")
