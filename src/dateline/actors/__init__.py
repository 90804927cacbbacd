"""Actors: the PETRARCH/TABARI actor and agent dictionaries and the compiled matcher.

- ``dictionaries``: readers for the actor, agent, discard and issue formats
  (``read_actor_dictionary``, ``read_agent_dictionary``, ``read_discard_file``,
  ``read_issue_file``), strict or lenient.
- ``match``: ``load_actor_matcher(settings)`` -> ``ActorMatcher`` (compiled once, cached on
  disk by the dictionaries' hash) with ``find_mentions``, ``code_tokens``, ``is_discard``,
  ``is_story_discard`` and ``find_issues``; ``split_compound`` for compound codes.
- ``phrases``: ``PhraseIndex``, the word index that finds discard and issue phrases in
  plain text (one dictionary lookup per word).
- ``coref``: actors across the article (pronouns, definite descriptions).
"""
