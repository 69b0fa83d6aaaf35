"""How the product names a user."""


def display_name(user) -> str:
    """A user (a recruiter in emails, lists and the navigation bar) by full name, else by
    username; empty for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
