"""What the body editor offers: each merge field by the name a recruiter reads ("Candidate first
name"), and the fields an audience's emails may use (the same ones check_merge_fields lets pass);
both read from the MergeContext's fields.
"""

from interviews.communication.merge import MERGE_FIELD_NAMES, merge_fields_for


def merge_menu(audience: str) -> list[tuple[str, str]]:
    """(name, label) of the merge fields an email to this audience may use."""
    return [(name, MERGE_FIELD_NAMES[name]) for name in merge_fields_for(audience)]


def merge_labels() -> dict[str, str]:
    """Every field's label, for the page's script: a loaded document shows its fields as chips."""
    return {name: str(label) for name, label in MERGE_FIELD_NAMES.items()}
