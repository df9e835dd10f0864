"""Language data: word lists kept apart from the code that applies them.

As in spaCy's ``lang/`` packages, each language is a folder of plain data
modules (tuples and frozensets of words, no logic), so a list is written once
and every component that needs it imports it: the date finder, the quantity
reader, the conflict rules, the entity finder and the sentence analyzer read
the same month names. Only English exists (``lang.en``); the pipeline does
not choose a language at run time, so there is no registry to look one up.
"""
