"""Merge suggestions: drafts that should become one, and one text out of many proposals.

- :mod:`.overlap`: ``find_overlaps(drafts) -> OverlapResult`` (which drafts to merge);
- :mod:`.consolidate`: ``consolidate(a, b) -> Consolidation`` (one draft out of two);
- :mod:`.threeway`: ``three_way(base, ours, theirs)``, ``merge_proposals(base, proposals)``
  (the compilation of N proposals) and ``rebase(old_base, proposal, new_base)``, all
  ``-> MergeResult``;
- :mod:`.tree`: drafts as flat unit sequences, and renumbering;

The git merge driver is set up by :mod:`redraft.store.driver` and run by
:mod:`redraft.resolve.merge_driver`; the results are rendered by :mod:`redraft.render.merge`.
"""
