"""Governance pages: the partnership (structure), decisions, evaluation and structure files."""
