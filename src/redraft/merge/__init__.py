"""Merge suggestions: drafts that should become one, and one text out of many proposals.

- :mod:`.overlap`: ``find_overlaps(drafts) -> OverlapResult`` (which drafts to merge);
- :mod:`.consolidate`: ``consolidate(a, b) -> Consolidation`` (one draft out of two);
- :mod:`.threeway`: ``merge_drafts(base, proposals) -> MergeResult`` (three-way merge,
  compilation of N proposals, rebase);
- :mod:`.driver`: the git merge driver and its installation.
"""
