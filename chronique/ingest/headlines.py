"""Which headline-shaped line of a copied page is its title: a small, explainable score.

A copied page holds many lines shaped like headlines: menu items, button labels ("Sie haben
einen Fehler gefunden?", "Color de fondo"), a subscription box's slogans, related stories'
headlines, captions. The title is the one that tells the story the text tells, and sits
near the text and its byline. Each candidate line is described by a few features that hold
across sites (:class:`TitleEvidence`); its score is their weighted sum (:data:`WEIGHTS`, set
by hand and checked on the evaluation corpora), and the best-scored line is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from chronique.folding import fold

_WORD = re.compile(r"[^\W\d_]{4,}")
#: A Hangul syllable block is a whole syllable (a letter elsewhere is a sound), and Korean
#: glues its particles to the word ('경상도에서', '경상도는'): a word of two syllables is a
#: content word, and its first two syllables are its stem.
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
HANGUL_STEM_SYLLABLES = 2
#: A URL path's words, between the separators of a slug.
_SLUG_SEPARATOR = re.compile(r"[\W_\d]+")
#: Words of URL paths that name no story.
_URL_FILLER = frozenset(
    {"html", "index", "article", "articles", "artikel", "story", "stories", "news", "amp"}
)
#: Fewer distinct words than this in a URL's path say nothing about the story (an id, 'news').
SLUG_MIN_WORDS = 2
#: Nine titles in ten have at most this many words; deks and captions run longer.
HEADLINE_USUAL_WORDS = 16
HEADLINE_MAX_WORDS = 30


def overlong(words: int) -> float:
    """How far *words* runs past a headline's usual length, from 0 to 1."""
    excess = (words - HEADLINE_USUAL_WORDS) / (HEADLINE_MAX_WORDS - HEADLINE_USUAL_WORDS)
    return min(1.0, max(0.0, excess))


#: Content words are compared by their first letters: crude stems, enough across inflections.
STEM_CHARS = 5
#: A URL writes 'ü' as 'ue' or 'u' ('/zurueckhaltung', '/zuruckhaltung'): stems are compared
#: without accents, and with 'ae', 'oe', 'ue' as 'a', 'o', 'u', on the page as in the URL.
_UMLAUT_SPELLED = re.compile(r"(?<=[aou])e")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _UMLAUT_SPELLED.sub("", fold(word))[:STEM_CHARS]


def stems(text: str, stopwords: frozenset[str] = frozenset()) -> set[str]:
    """Crude stems of the longer words of *text* that are not function words."""
    found = {_stem(w) for w in _WORD.findall(text.casefold()) if w not in stopwords}
    if _HANGUL_WORD.search(text):
        hangul = {w[:HANGUL_STEM_SYLLABLES] for w in _HANGUL_WORD.findall(text)}
        found = {w for w in found if not _HANGUL_WORD.match(w)} | hangul
    return found


def slug_stems(url: str | None) -> frozenset[str]:
    """The stems of the words of a URL's path ('/news/economy/economists-weigh-in-jobs-report'),
    or none when the path says too little (numeric ids, one section word)."""
    if not url:
        return frozenset()
    path = fold(unquote(urlsplit(url).path))
    words = {_stem(w) for w in _SLUG_SEPARATOR.split(path) if len(w) >= 4 and w not in _URL_FILLER}
    return frozenset(words) if len(words) >= SLUG_MIN_WORDS else frozenset()


@dataclass(frozen=True)
class TitleEvidence:
    """What speaks for and against one line being the page's title, each in [0, 1] or a count
    (a yes/no as 1 or 0); the same fields hold the weights, so every value is a float."""

    #: Share of the line's content words found at the start of the article text, counted as
    #: if the line had one word more: one shared word of a two-word label is weak evidence.
    shared_with_text: float
    #: Share of the source URL's slug words found in the line (0 without a URL).
    shared_with_slug: float
    #: Headline-shaped lines between this one and the article text.
    lines_between: float
    #: Fewer than four words: a label, a kicker, a button.
    is_label: float
    #: Inside a run of short labels: a menu.
    in_menu: float
    #: A date or byline line stands right below (or right above) the line, or below its dek.
    beside_meta: float
    #: The line ends like a question or an exclamation and shares nothing with the text.
    is_prompt: float
    #: The line is set in capitals ('SUBSCRIBE TO UNLOCK MORE ARTICLES').
    is_shouted: float
    #: How far the line runs past a headline's usual length, 0 to 1 (16 to 30 words):
    #: a dek or a caption more often than a title.
    overlong: float
    #: Labels glued to one another ('Más LeídasBuenos AiresSeguridad'): a menu or a caption's
    #: credits copied as one line.
    glued_labels: float
    #: Five words or more and not one function word: a list of tags or names, not a sentence.
    no_function_words: float
    #: Under a shorter headline: this line is its dek (standfirst).
    under_headline: float
    #: Beside a caption or a photo credit (a count: above, below): the line is a caption too.
    beside_credit: float
    #: The line does not shape up as a headline (a sentence, a caption), only as a fallback.
    is_weak_shape: float
    #: Not one of the line's content words is the text's or the URL's: it tells another
    #: story, or none ('Jump to navigation Jump to search', a site's slogan).
    shares_nothing: float
    #: Two sentence breaks or more inside the line ('Berlin. The minister … today. But …'):
    #: a dek or the text's lead, not a headline.
    several_sentences: float


#: How much each feature counts. Evidence about the story (the text's words, the URL) weighs
#: most; position breaks ties between lines about the same story (a related story's headline
#: shares words with the text too, but stands further away and without a byline).
WEIGHTS = TitleEvidence(
    shared_with_text=3.0,
    shared_with_slug=3.0,
    lines_between=-0.25,
    is_label=-1.5,
    in_menu=-1.5,
    beside_meta=1.0,
    is_prompt=-1.5,
    is_shouted=-1.0,
    overlong=-1.0,
    glued_labels=-1.5,
    no_function_words=-1.0,
    under_headline=-2.0,
    beside_credit=-1.0,
    is_weak_shape=-1.5,
    shares_nothing=-1.5,
    several_sentences=-1.5,
)


def title_score(evidence: TitleEvidence, weights: TitleEvidence = WEIGHTS) -> float:
    """The weighted sum of the evidence: higher is more likely the title."""
    return sum(
        float(getattr(evidence, f.name)) * getattr(weights, f.name) for f in fields(TitleEvidence)
    )
