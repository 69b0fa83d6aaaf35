"""Every page a recruiter, a hiring manager and a candidate reach passes axe-core's WCAG 2.1 AA
checks — no critical and no serious violation — and none scrolls sideways as a whole, on a
laptop and on a phone, in English and in Dutch."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.every_page import Page, every_page, visit_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).resolve().parents[2] / "static/vendor/axe-core/axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Evaluated through the DevTools protocol, which the pages' CSP does not govern: the pages are
# checked under the policy they really have.
SERIOUS_VIOLATIONS = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
  .then(result => result.violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => `${v.impact} ${v.id} (${v.help}): ` +
              v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ') +
              (v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : '')))"""
SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth"

def problems_of(page, visited: Page) -> list[str]:
    page.evaluate(AXE)
    problems = page.evaluate(SERIOUS_VIOLATIONS, WCAG_21_AA)
    if visited.fits_a_phone and page.evaluate(SCROLLS_SIDEWAYS):
        width = page.evaluate("document.documentElement.scrollWidth")
        problems.append(f"the page scrolls sideways: {width} px wide in a "
                        f"{page.viewport_size['width']} px window")
    return problems


@pytest.mark.parametrize("busy_office", ["en", "nl"], indirect=True)
@pytest.mark.parametrize("sized_page", ["laptop", "phone"], indirect=True)
def test_no_page_has_a_serious_accessibility_violation_or_scrolls_sideways(
        sized_page, live_server, busy_office):
    found = {visited.name: problems
             for visited in visit_all(sized_page, live_server.url, every_page(busy_office))
             if (problems := problems_of(sized_page, visited))}
    assert not found, "\n".join(f"{name}:\n  " + "\n  ".join(problems)
                                for name, problems in found.items())


def test_the_first_tab_offers_to_skip_to_the_main_content(logged_in):
    page = logged_in
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_the_dark_navbar_shows_where_the_keyboard_is(logged_in):
    page = logged_in
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    brand = page.get_by_role("link", name="Recruitment")
    expect(brand).to_be_focused()
    expect(brand).to_have_css("outline-style", "solid")
    expect(brand).to_have_css("outline-color", "rgb(255, 255, 255)")  # on the navbar's #212529
