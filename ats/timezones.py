import zoneinfo


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA time zone of a place (Europe/Amsterdam, not "UTC" or "EST5EDT")."""
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]
