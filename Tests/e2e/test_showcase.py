"""Showcase projects in the browser (issue 6): the office opens the showcase projects from the
creation board and sees the points the reviewed project has won against the 40 and the projects
still awaiting review; the market department proposes a project; the office reviews it, and the
projected score on the board and the showcase total both rise by its score."""
from selenium.webdriver.common.by import By

from test_journeys import click_and_wait, login, screenshot, wait_loaded


def _projected(driver, base_url: str) -> float:
    driver.get(f"{base_url}/creation")
    wait_loaded(driver)
    return float(driver.find_element(By.CSS_SELECTOR, "[data-projected-score]").get_attribute("data-projected-score"))


def _showcase_score(driver, base_url: str) -> float:
    driver.get(f"{base_url}/creation/showcase")
    wait_loaded(driver)
    return float(driver.find_element(By.CSS_SELECTOR, "[data-showcase-score]").get_attribute("data-showcase-score"))


def test_propose_and_review_a_showcase_project_moves_the_forecast(server, password, browser):
    office = browser()
    login(office, server.base_url, "office", password)
    start = _projected(office, server.base_url)
    click_and_wait(office, office.find_element(By.CSS_SELECTOR, "a#showcase-link"))
    assert office.find_element(By.CSS_SELECTOR, "[data-showcase-score]").get_attribute("data-showcase-score") == "14"
    assert office.find_element(By.CSS_SELECTOR, "[data-awaiting]").get_attribute("data-awaiting") == "3"
    assert len(office.find_elements(By.CSS_SELECTOR, "[data-theme]")) == 10, "all ten themes are listed"
    screenshot(office, "showcase-list", "foodSafetyOffice")

    market = browser()
    login(market, server.base_url, "dept.market", password)
    market.get(server.url("/creation/showcase"))
    wait_loaded(market)
    form = market.find_element(By.CSS_SELECTOR, "form#propose-form")
    form.find_element(By.CSS_SELECTOR, "select[name='theme'] option[value='riskManagement']").click()
    form.find_element(By.CSS_SELECTOR, "input[name='title']").send_keys("食品安全风险会商研判")
    form.find_element(By.CSS_SELECTOR, "textarea[name='plan']").send_keys("每月会商一次，形成风险清单")
    click_and_wait(market, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    assert market.find_element(By.CSS_SELECTOR, "[data-status]").get_attribute("data-status") == "proposed"
    project_url = market.current_url

    office.get(project_url)
    wait_loaded(office)
    review = office.find_element(By.CSS_SELECTOR, "form#review-form")
    review.find_element(By.CSS_SELECTOR, "input[name='score']").send_keys("6")
    review.find_element(By.CSS_SELECTOR, "input[name='reason']").send_keys("机制完整，可推广")
    click_and_wait(office, review.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    assert office.find_element(By.CSS_SELECTOR, "[data-review-score]").get_attribute("data-review-score") == "6"
    screenshot(office, "showcase-reviewed", "foodSafetyOffice")

    assert _showcase_score(office, server.base_url) == 20
    assert _projected(office, server.base_url) == start + 6, "the review score counts toward the forecast"
