"""The main journeys of each role, in headless Chromium against the running server."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS

WAIT = 20  # seconds a page may take to arrive

NAV_BY_ROLE = {
    "systemAdmin": {"home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "users", "audit", "account"},
    "foodSafetyOffice": {"home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "users", "audit", "account"},
    "leader": {"home", "creation", "regions", "businesses", "grids", "orders", "trace", "departments", "account"},
    "departmentOfficer": {"home", "creation", "businesses", "orders", "trace", "departments", "account"},
    "townshipOfficer": {"home", "creation", "regions", "businesses", "grids", "orders", "trace", "users", "account"},
    "inspector": {"home", "creation", "regions", "businesses", "grids", "orders", "trace", "account"},
    "gridStaff": {"home", "regions", "businesses", "grids", "orders", "trace", "account"},
    "businessOperator": {"home", "orders", "trace", "account"},
}


# --- helpers -------------------------------------------------------------------------------------


def path_of(driver) -> str:
    return urlparse(driver.current_url).path


def wait_loaded(driver) -> None:
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def click_and_wait(driver, element) -> None:
    """Click something that loads a new page, and wait until that page has loaded.

    The old page is marked with a window property; the new page does not have it. (Waiting for
    an old element to go stale races with the navigation in Chromium.)
    """
    driver.execute_script("window.__shianOldPage = true")
    element.click()
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return window.__shianOldPage === undefined && document.readyState === 'complete'"
        )
    )


def html_lang(driver) -> str:
    return driver.find_element(By.TAG_NAME, "html").get_attribute("lang") or ""


def screenshot(driver, journey: str, role: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{journey}-{role}.png"))


def submit_login(driver, base_url: str, username: str, password: str) -> None:
    driver.get(base_url + "/login")
    wait_loaded(driver)
    form = driver.find_element(By.CSS_SELECTOR, "form#login-form")
    csrf = form.find_element(By.CSS_SELECTOR, 'input[name="csrfToken"]')
    assert csrf.get_attribute("type") == "hidden", "the CSRF token field should be hidden"
    assert csrf.get_attribute("value"), "the login form carries no CSRF token"
    user_field = form.find_element(By.CSS_SELECTOR, 'input[name="username"]')
    password_field = form.find_element(By.CSS_SELECTOR, 'input[name="password"]')
    user_field.clear()
    user_field.send_keys(username)
    password_field.clear()
    password_field.send_keys(password)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, 'button[type="submit"]'))


def login(driver, base_url: str, username: str, password: str) -> None:
    submit_login(driver, base_url, username, password)
    errors = driver.find_elements(By.CSS_SELECTOR, ".form-error")
    assert path_of(driver) == "/", (
        f"logging in as {username} should land on /, not {driver.current_url}"
        + (f" (form error: {errors[0].text!r})" if errors else "")
    )
    assert driver.find_elements(By.CSS_SELECTOR, "nav#main-nav"), "no <nav id=main-nav> on /"


def nav_values(driver) -> list[str]:
    return [
        a.get_attribute("data-nav")
        for a in driver.find_elements(By.CSS_SELECTOR, "nav#main-nav a[data-nav]")
    ]


def logout(driver, base_url: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#logout-form")
    assert (form.get_attribute("method") or "").lower() == "post", "logout should be a POST form"
    assert urlparse(form.get_attribute("action") or "").path == "/logout"
    button = form.find_element(By.CSS_SELECTOR, 'button[type="submit"], input[type="submit"]')
    click_and_wait(driver, button)
    driver.get(base_url + "/")
    wait_loaded(driver)
    assert path_of(driver) == "/login", f"after logout, / should redirect to /login, not {driver.current_url}"


def http_status(driver, url: str) -> int:
    """The HTTP status of a GET of url, sent with the browser's cookies."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def pick_account(account_by_role: dict, *preferred: str) -> dict:
    for role in preferred:
        if role in account_by_role:
            return account_by_role[role]
    return next(iter(account_by_role.values()))


# --- (a) each role: log in, see exactly its menu, log out ------------------------------------------


def test_demo_accounts_have_known_roles(accounts):
    unknown = sorted({a["role"] for a in accounts} - NAV_BY_ROLE.keys())
    assert not unknown, f"demo-accounts lists roles this suite does not know: {unknown}"


@pytest.mark.parametrize("role", sorted(NAV_BY_ROLE))
def test_role_logs_in_sees_its_menu_and_logs_out(role, server, account_by_role, password, browser):
    account = account_by_role.get(role)
    if account is None:
        pytest.skip(f"no demo account with role {role}")
    driver = browser()
    login(driver, server.base_url, account["username"], password)

    values = nav_values(driver)
    assert set(values) == NAV_BY_ROLE[role], (
        f"{role} ({account['username']}) sees menu {sorted(values)}, "
        f"expected {sorted(NAV_BY_ROLE[role])}"
    )
    assert len(values) == len(set(values)), f"menu has duplicate entries: {values}"
    assert driver.find_elements(By.TAG_NAME, "h1"), "the home page has no h1"
    screenshot(driver, "home", role)

    logout(driver, server.base_url)


# --- (b) region scope ----------------------------------------------------------------------------


def test_township_officer_sees_own_township_but_not_another(server, accounts, password, browser):
    officers = [a for a in accounts if a["role"] == "townshipOfficer"]
    if not officers:
        pytest.skip("no demo account with role townshipOfficer")
    officer = officers[0]
    own = ((officer.get("scope") or {}).get("regionCode")) or ""
    assert len(own) == 9 and own.isdigit(), f"a township officer's scope should be a 9-digit code: {officer}"
    others = [
        code
        for code in (((a.get("scope") or {}).get("regionCode")) for a in officers[1:])
        if code and code != own
    ]
    # Another township (a sibling) and the county above: both are outside a township's scope.
    refused = others[:1] + [own[:6]]

    driver = browser()
    login(driver, server.base_url, officer["username"], password)

    for index, other in enumerate(refused):
        driver.get(server.url(f"/regions/{other}"))
        wait_loaded(driver)
        main = driver.find_element(By.TAG_NAME, "main")
        status = main.get_attribute("data-status")
        if index == 0:
            screenshot(driver, "region-refused", "townshipOfficer")
        assert status in ("403", "404"), (
            f"{officer['username']} (scope {own}) opened /regions/{other}: "
            f"expected main[data-status=403|404], got data-status={status!r} at {driver.current_url}"
        )
        assert str(http_status(driver, server.url(f"/regions/{other}"))) == status, (
            f"/regions/{other}: the refusal page's HTTP status should match its data-status"
        )

    driver.get(server.url(f"/regions/{own}"))
    wait_loaded(driver)
    assert path_of(driver) == f"/regions/{own}", f"own region redirected to {driver.current_url}"
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-status]"), (
        f"own region /regions/{own} rendered an error page: "
        + driver.find_element(By.TAG_NAME, "main").text[:300]
    )
    assert driver.find_elements(By.TAG_NAME, "h1"), f"/regions/{own} has no h1"
    assert driver.find_elements(By.CSS_SELECTOR, "main table"), f"/regions/{own} shows no table of its children"
    screenshot(driver, "region", "townshipOfficer")


# --- (c) language switch --------------------------------------------------------------------------


def _wait_lang(driver, lang: str) -> None:
    # The old page goes away while this polls: its elements go stale or vanish mid-call.
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda d: html_lang(d) == lang
    )
    wait_loaded(driver)


def _home_link_text(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, 'nav#main-nav a[data-nav="home"]').text.strip()


@pytest.mark.parametrize(
    "accept_language, lang",
    [(None, "zh-CN"), ("zh-CN,zh;q=0.9", "zh-CN"), ("en-US,en;q=0.9", "zh-CN")],
)
def test_page_language_without_a_choice(server, accept_language, lang):
    """Pages are in Chinese until the user chooses English, whatever the browser asks for."""
    headers = {"Accept-Language": accept_language} if accept_language else {}
    request = urllib.request.Request(server.url("/login"), headers=headers)
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        page = response.read().decode("utf-8")
    assert f'<html lang="{lang}"' in page, f"Accept-Language {accept_language!r}: {page[:200]!r}"


def test_language_switch_zh_en_zh(server, account_by_role, password, browser):
    account = pick_account(account_by_role, "systemAdmin", "foodSafetyOffice", "leader")
    role = account["role"]
    driver = browser()
    login(driver, server.base_url, account["username"], password)

    assert html_lang(driver) == "zh-CN", f"default language should be zh-CN, got {html_lang(driver)!r}"
    assert _home_link_text(driver) == "首页"

    driver.find_element(By.CSS_SELECTOR, 'a[data-lang="en"]').click()
    _wait_lang(driver, "en")
    assert path_of(driver) == "/", f"switching language should stay on /, went to {driver.current_url}"
    assert _home_link_text(driver) == "Home"
    screenshot(driver, "lang-en", role)

    driver.find_element(By.CSS_SELECTOR, 'a[data-lang="zh-CN"]').click()
    _wait_lang(driver, "zh-CN")
    assert path_of(driver) == "/", f"switching language should stay on /, went to {driver.current_url}"
    assert _home_link_text(driver) == "首页"
    screenshot(driver, "lang-zh-CN", role)


# --- (d) failed login ---------------------------------------------------------------------------


def test_wrong_password_shows_error_and_stays_on_login(server, account_by_role, password, browser):
    account = pick_account(account_by_role, "inspector", "gridStaff")
    driver = browser()
    submit_login(driver, server.base_url, account["username"], password + "-wrong")

    assert path_of(driver) == "/login", f"a failed login should stay on /login, went to {driver.current_url}"
    errors = driver.find_elements(By.CSS_SELECTOR, ".form-error")
    assert errors and errors[0].is_displayed(), "a failed login shows no visible .form-error"
    assert driver.find_elements(By.CSS_SELECTOR, "form#login-form"), "the login form is not shown again"
    assert not driver.find_elements(By.CSS_SELECTOR, "nav#main-nav"), "a failed login shows the menu"
    screenshot(driver, "login-failed", account["role"])

    driver.get(server.url("/"))
    wait_loaded(driver)
    assert path_of(driver) == "/login", "after a failed login, / should still redirect to /login"


# --- (e) a phone ---------------------------------------------------------------------------------


def _assert_no_horizontal_scroll(driver, what: str) -> None:
    scroll_width, inner_width = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert inner_width <= 390, f"{what}: the page is laid out {inner_width} px wide on a 390 px phone"
    assert scroll_width <= inner_width + 1, (
        f"{what} scrolls sideways on a phone: scrollWidth {scroll_width} > innerWidth {inner_width}"
    )


def test_phone_login_without_horizontal_scroll(server, account_by_role, password, browser):
    account = pick_account(account_by_role, "gridStaff", "inspector", "townshipOfficer")
    role = account["role"]
    driver = browser(390, 844, phone=True)

    driver.get(server.url("/login"))
    wait_loaded(driver)
    _assert_no_horizontal_scroll(driver, "/login")

    login(driver, server.base_url, account["username"], password)
    _assert_no_horizontal_scroll(driver, f"/ of {role}")
    screenshot(driver, "phone", role)
