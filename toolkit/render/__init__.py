"""Views of a findings document: terminal text, JSON, HTML and PDF. Nothing here changes findings."""
