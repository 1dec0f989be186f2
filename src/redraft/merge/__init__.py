"""Merge suggestions: drafts that should become one, and one text out of many proposals.

- :mod:`.overlap`: ``find_overlaps(drafts) -> OverlapResult`` (which drafts to merge);
- :mod:`.consolidate`: ``consolidate(a, b) -> Consolidation`` (one draft out of two);
- :mod:`.threeway`: ``three_way(base, ours, theirs)``, ``merge_proposals(base, proposals)``
  (the compilation of N proposals) and ``rebase(old_base, proposal, new_base)``, all
  ``-> MergeResult``;
- :mod:`.driver`: ``install_merge_driver(root)`` and the git merge driver itself;
- :mod:`.tree`: drafts as flat unit sequences, and renumbering;
- :mod:`.report`: text, Markdown and JSON forms of the results (docs/json.md).
"""
