"""Topics: the controlled vocabulary and automatic tagging."""

from chronique.topics.tagging import Tagger, TaggingSettings
from chronique.topics.vocabulary import KINDS, Topic, Vocabulary, fold, load_vocabulary

__all__ = ["KINDS", "Tagger", "TaggingSettings", "Topic", "Vocabulary", "fold", "load_vocabulary"]
