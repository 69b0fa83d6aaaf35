"""On a phone (390 px wide) the main action of each page is on screen once scrolled to, whole,
not covered by anything, and without scrolling sideways; in English and in Dutch. (That no page
scrolls sideways as a whole is checked for every page in test_accessibility.py.)"""

import pytest
from django.utils import translation

from tests.browser.every_page import every_page, visit_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Per page: the role and the (English) accessible name of what the page is for.
MAIN_ACTIONS = {
    "workflow": [("link", "Plan interview")],
    "candidate form: new": [("button", "Save")],
    "registration form": [("button", "Register")],
    "vacancy form: new": [("button", "Save")],
    "contact form: new": [("button", "Save")],
    "interview form: workflow door": [("button", "Save")],
    "interview form: edit": [("button", "Save")],
    "series": [("button", "Plan the series")],
    "link to a selection time": [("button", "Link")],
    "choose-a-time form": [("button", "Send")],
    "communicate: candidate": [("button", "Send"), ("button", "Preview"),
                               ("frame", "Preview of the email")],
    "choose a time": [("button", "Choose this time")],
    "reply: accept": [("button", "Yes, I'll be there")],
    "portal: interview with feedback": [("button", "Save feedback")],
}
# Where the element is, once scrolled to: what a person on the phone would miss.
WHAT_IS_WRONG = """element => {
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const onTop = document.elementFromPoint(x, y);
  let sideways = window.scrollX > 0;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    sideways = sideways || parent.scrollLeft > 0;
  }
  if (box.left < -1 || box.right > window.innerWidth + 1) return 'cut off at the side';
  if (box.top < -1 || box.bottom > window.innerHeight + 1) return 'not on screen';
  if (sideways) return 'only reachable by scrolling sideways';
  if (!onTop || !(element === onTop || element.contains(onTop))) {
    return `covered by ${onTop && onTop.outerHTML.slice(0, 80)}`;
  }
  return '';
}"""


def find(page, role: str, name: str):
    if role == "frame":  # a frame has no ARIA role to look it up by
        return page.locator(f'iframe[title="{name}"]')
    return page.get_by_role(role, name=name, exact=True).first


@pytest.mark.parametrize("busy_office", ["en", "nl"], indirect=True)
@pytest.mark.parametrize("sized_page", ["phone"], indirect=True)
def test_the_main_action_of_each_page_is_on_screen_and_whole_on_a_phone(sized_page, live_server,
                                                                        busy_office):
    pages = [page for page in every_page(busy_office) if page.name in MAIN_ACTIONS]
    missed = []
    with translation.override(busy_office["language"]):
        for visited in visit_all(sized_page, live_server.url, pages):
            for role, name in MAIN_ACTIONS[visited.name]:
                action = find(sized_page, role, translation.gettext(name))
                action.scroll_into_view_if_needed(timeout=5000)
                if problem := action.evaluate(WHAT_IS_WRONG):
                    missed.append(f"{visited.name}: “{translation.gettext(name)}” {problem}")
    assert len(pages) == len(MAIN_ACTIONS)
    assert not missed, "\n".join(missed)
