"""Chronique: a static-site generator for news archives, built on Pelican."""

__version__ = "0.1.0"
