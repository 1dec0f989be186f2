"""Negotiation tracking: the bracket markup of rolling texts, where each paragraph
stands, who wrote what, sponsors, and the clean text (docs/negotiation.md)."""
