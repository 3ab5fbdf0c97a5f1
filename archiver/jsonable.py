"""Values as JSON can carry them: the one place dates and instants become ISO 8601 text."""

from __future__ import annotations

from datetime import date
from typing import Any


def jsonable(value: Any) -> Any:
    """``value`` with a date or datetime (a date too) as ISO 8601 text; anything else unchanged.

    Instants keep their offset (the dataset's are UTC), so the text round-trips exactly.
    """
    if isinstance(value, date):
        return value.isoformat()
    return value
