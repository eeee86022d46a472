"""Calendar words, lower case: the one list the quotes and entities stages build on.

"May", "June", "April" and "August" are given names as well as months; each user decides
whether a capitalised one can still be a name.
"""
from __future__ import annotations

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
RELATIVE_DAYS = frozenset({"today", "yesterday", "tomorrow"})
#: months that are also given names ("May Chen", "June Almeida")
NAME_MONTHS = frozenset({"may", "june", "april", "august"})
