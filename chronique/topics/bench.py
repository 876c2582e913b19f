"""Tagging speed on a synthetic archive: the real vocabulary padded to 1,000 topics."""

from __future__ import annotations

import random
import time
from pathlib import Path

from chronique.topics.tagging import Tagger
from chronique.topics.vocabulary import Topic, Vocabulary, load_vocabulary

#: The repository's own vocabulary, padded with generated topics for the benchmark.
DEFAULT_VOCABULARY = Path(__file__).resolve().parents[2] / "content" / "topics.yml"

#: Prose words of a news article; a few (santé, climat, loi, négociations) open topic forms,
#: as real prose does, so the benchmark pays for trie walks and not only for word lookups.
_FILLER = (
    "les forces ont annoncé avoir repris deux localités dans la région alors que les échanges "
    "entre les deux camps atteignent des niveaux sans précédent le gouvernement a présenté "
    "mardi un projet de loi sur le climat et la santé après des semaines de négociations"
).split()


def padded_vocabulary(path: Path, n_topics: int) -> Vocabulary:
    """The vocabulary at *path* plus generated topics, *n_topics* in all."""
    real = list(load_vocabulary(path))
    extra = [
        Topic(f"Sujet {i:04d}", f"sujet-{i:04d}", "theme", (f"thème {i:04d}",), "Test.")
        for i in range(max(0, n_topics - len(real)))
    ]
    return Vocabulary(tuple(real + extra))


def synthetic_article(rng: random.Random, names: list[str], words: int) -> dict[str, str]:
    """Title, subtitle, summary and a *words*-word body; about 2% of body words are topic forms."""
    body = [rng.choice(_FILLER) if rng.random() > 0.02 else rng.choice(names) for _ in range(words)]
    return {
        "title": " ".join(rng.choice(_FILLER) for _ in range(8)) + " " + rng.choice(names),
        "subtitle": " ".join(rng.choice(_FILLER) for _ in range(10)),
        "summary": " ".join(rng.choice(_FILLER) for _ in range(30)),
        "body": " ".join(body),
    }


def bench_tagging(
    vocabulary_path: Path = DEFAULT_VOCABULARY,
    n_articles: int = 2000,
    n_topics: int = 1000,
    words: int = 600,
) -> dict[str, float]:
    """Articles tagged per second on one core, after the tagger has been built.

    Deterministic input (seeded); the tagger meets every word for the first time
    during the timed run, as it does on a real archive.
    """
    vocabulary = padded_vocabulary(vocabulary_path, n_topics)
    rng = random.Random(3)
    names = [form for topic in vocabulary for form in topic.surface_forms]
    articles = [synthetic_article(rng, names, words) for _ in range(n_articles)]
    tagger = Tagger(vocabulary)
    started = time.perf_counter()
    for article in articles:
        tagger.tag(**article)
    seconds = time.perf_counter() - started
    return {"tagging_articles_per_s": n_articles / seconds, "tagging_topics": len(vocabulary)}
