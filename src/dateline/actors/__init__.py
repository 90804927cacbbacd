"""Actors: the PETRARCH/TABARI actor and agent dictionaries and the compiled matcher."""
