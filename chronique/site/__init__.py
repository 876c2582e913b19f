"""The Pelican plugin: the site model, the reader, topic pages, feeds, sitemap, search, theme helpers, and the build that runs it."""
