"""The content model: front-matter, the article and page fields, the archive read once, and the checks a contributor runs."""
