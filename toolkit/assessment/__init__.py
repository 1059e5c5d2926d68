"""Findings and scores: the second and third links of the chain (model -> findings -> scores)."""
