"""The creation campaign in the browser (issue 5): the office reads the board (projected score, veto
risks first, gaps with the unit that must act); the market department submits evidence for a
returned item; the office returns it once and approves it the second time; the projected score on
the board follows each step, and the approved item is locked."""
from selenium.webdriver.common.by import By

from test_journeys import click_and_wait, login, screenshot, wait_loaded

ITEM = "3.10"  # returned in the demo, led by the market department, worth 1 point


def _score(driver, base_url: str) -> float:
    driver.get(f"{base_url}/creation")
    wait_loaded(driver)
    return float(driver.find_element(By.CSS_SELECTOR, "[data-projected-score]").get_attribute("data-projected-score"))


def _open_item(driver, base_url: str) -> None:
    driver.get(f"{base_url}/creation/indicators/{ITEM}")
    wait_loaded(driver)


def _submit_evidence(driver, base_url: str, text: str) -> None:
    _open_item(driver, base_url)
    form = driver.find_element(By.CSS_SELECTOR, "form#evidence-form")
    form.find_element(By.CSS_SELECTOR, "textarea[name='text']").send_keys(text)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    assert driver.find_element(By.CSS_SELECTOR, "[data-status]").get_attribute("data-status") == "submitted"


def _review(driver, base_url: str, decision: str, reason: str = "") -> None:
    _open_item(driver, base_url)
    form = driver.find_element(By.CSS_SELECTOR, "form#review-form")
    if reason:
        form.find_element(By.CSS_SELECTOR, "input[name='reason']").send_keys(reason)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, f"button[value='{decision}']"))


def test_board_evidence_return_approve_moves_the_forecast(server, password, browser):
    office = browser()
    login(office, server.base_url, "office", password)
    start = _score(office, server.base_url)
    veto = office.find_elements(By.CSS_SELECTOR, "#veto-risks tr[data-veto]")
    assert veto and veto[0].get_attribute("data-veto") == "1.2", "the satisfaction veto item is the risk shown first"
    assert office.find_elements(By.CSS_SELECTOR, "#top-gaps tr[data-gap]"), "the gaps list who must act"
    screenshot(office, "creation-board", "foodSafetyOffice")

    market = browser()
    login(market, server.base_url, "dept.market", password)
    _submit_evidence(market, server.base_url, "补充应急演练脚本和评估报告")
    assert _score(office, server.base_url) == start + 1, "submitted evidence claims the item's point"

    _review(office, server.base_url, "return", "评估报告未盖章，请重新提交")
    assert office.find_element(By.CSS_SELECTOR, "[data-status]").get_attribute("data-status") == "returned"
    assert _score(office, server.base_url) == start, "a returned item counts nothing"

    _submit_evidence(market, server.base_url, "已盖章的评估报告")
    _review(office, server.base_url, "approve")
    assert office.find_element(By.CSS_SELECTOR, "[data-status]").get_attribute("data-status") == "approved"
    assert "已锁定" in office.page_source
    assert _score(office, server.base_url) == start + 1
    _open_item(market, server.base_url)
    assert not market.find_elements(By.CSS_SELECTOR, "form#evidence-form"), "approved evidence is locked"
    screenshot(office, "creation-item-approved", "foodSafetyOffice")


def test_lagging_townships_show_on_the_reporting_page(server, password, browser):
    """The demo's monthly report: one township has not reported two months, one reported late."""
    desk = browser()
    login(desk, server.base_url, "office", password)
    desk.get(server.url("/creation/reports"))
    wait_loaded(desk)
    # The page shows every form; the story is the monthly one's.
    lagging = desk.find_elements(By.CSS_SELECTOR, "[data-form='monthly'] tr[data-lagging='true']")
    assert len(lagging) == 2, [row.text for row in lagging]
    assert len(desk.find_elements(By.CSS_SELECTOR, "[data-form='monthly'] tr[data-lagging='false']")) == 10
    screenshot(desk, "creation-reporting", "foodSafetyOffice")
