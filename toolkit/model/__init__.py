"""Pydantic models of the agreement format (the first link of the chain file -> model -> findings)."""

from .agreement import AGREEMENT_FORMAT, Agreement
from .clauses import STRENGTH_ORDER, Clause, Provision

__all__ = ["AGREEMENT_FORMAT", "Agreement", "Clause", "Provision", "STRENGTH_ORDER"]
