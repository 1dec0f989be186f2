"""How long a draft is and whether it keeps the rules: pure functions over drafts.

:mod:`.stats` (``redraft stats``), :mod:`.hints` (what could be cut), :mod:`.check`
(``redraft check``'s rules) and :mod:`.log` (the figures of ``redraft log``). Words are
counted by :mod:`redraft.words`. Nothing here reads a file or runs git.
"""
