"""Topics: the controlled vocabulary and automatic tagging."""

from chronique.folding import fold
from chronique.topics.tagging import Tagger, TaggingSettings
from chronique.topics.vocabulary import KINDS, Topic, Vocabulary, load_vocabulary

__all__ = ["KINDS", "Tagger", "TaggingSettings", "Topic", "Vocabulary", "fold", "load_vocabulary"]
