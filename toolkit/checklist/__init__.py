"""Checklists as data: the criteria format, the rule language and the loader."""
