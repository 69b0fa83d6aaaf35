"""Whole numbers from query strings and forms, read one way everywhere."""

# The largest value a database id column (bigint) holds: a larger "id" matches no row.
LARGEST_ID = 2**63 - 1


def whole_number(value: object, *, minimum: int = 1) -> int | None:
    """`value` as a whole number from `minimum` up, or None when it is not one.

    Not str.isdigit(): "²" and "٣" pass it, and int() refuses the first. Only the digits 0-9
    are read, up to the largest id a database holds.
    """
    text = "" if value is None else str(value).strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if minimum <= number <= LARGEST_ID else None


def search_text(value: str | None) -> str:
    """What was typed in a search box: trimmed, and without NUL characters, which no user
    types and which PostgreSQL refuses in a query."""
    return (value or "").replace("\x00", "").strip()
