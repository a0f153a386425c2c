"""Data reporting in the browser (issue items 7 and 8): the office sees every form — the monthly
report with its two lagging townships and an outlier, the quarterly school-canteen report — and
the reminders the demo's missing reports are owed; the township that has not reported finds its
reminders on its to-do list and sends a missing month from the page; a yearly form created through /api/v1 shows on the page, with the
townships that have not reported it lagging."""
import json
import urllib.request

from selenium.webdriver.common.by import By

from test_journeys import click_and_wait, login, screenshot, wait_loaded


def _api(server, method: str, path: str, token: str | None = None, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(server.url(path), data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _token(server, username: str, password: str) -> str:
    status, body = _api(server, "POST", "/api/v1/auth/token", body={"username": username, "password": password, "access": "readWrite"})
    assert status == 200, body
    return body["token"]


def _reports_page(driver, server):
    driver.get(server.url("/creation/reports"))
    wait_loaded(driver)


def test_forms_lagging_outliers_and_reminders_on_the_reporting_page(server, password, browser):
    desk = browser()
    login(desk, server.base_url, "office", password)
    _reports_page(desk, server)
    monthly = desk.find_element(By.CSS_SELECTOR, "[data-form='monthly']")
    assert monthly.get_attribute("data-period-type") == "monthly"
    lagging = monthly.find_elements(By.CSS_SELECTOR, "tr[data-lagging='true']")
    assert len(lagging) == 2, [row.text for row in lagging]
    assert len(monthly.find_elements(By.CSS_SELECTOR, "tr[data-lagging='false']")) == 10
    assert monthly.find_elements(By.CSS_SELECTOR, "[data-outlier='inspections']"), "the demo's outlier is flagged"

    quarterly = desk.find_element(By.CSS_SELECTOR, "[data-form='school-canteens']")
    assert quarterly.get_attribute("data-period-type") == "quarterly"
    assert "季报" in quarterly.text
    assert len(quarterly.find_elements(By.CSS_SELECTOR, "tr[data-lagging='true']")) == 1

    silent = lagging[0].get_attribute("data-unit")
    overdue = desk.find_elements(By.CSS_SELECTOR, f"[data-reminders] li[data-reminder='overdue'][data-unit='{silent}']")
    assert overdue, "the township that has not reported was reminded"
    screenshot(desk, "reporting-forms", "foodSafetyOffice")

    # The silent township sees its own reminders on its to-do list.
    township = browser()
    login(township, server.base_url, f"township.{int(silent[6:])}", password)
    township.get(server.url("/creation/units"))
    wait_loaded(township)
    mine = township.find_elements(By.CSS_SELECTOR, "li[data-reminder]")
    assert mine and all(item.get_attribute("data-unit") == silent for item in mine), [item.text for item in mine]
    screenshot(township, "reporting-reminders-todo", "townshipOfficer")

    # It sends its oldest missing month from the reporting page; that month is no longer missing.
    _reports_page(township, server)
    form = township.find_element(By.CSS_SELECTOR, "form#report-form-monthly")
    period = form.find_element(By.CSS_SELECTOR, "input[name='period']").get_attribute("value")
    values = {"inspections": "137", "samples": "14", "failedSamples": "0", "complaints": "5", "cases": "1"}
    for code, value in values.items():
        form.find_element(By.CSS_SELECTOR, f"input[name='value_{code}']").send_keys(value)
    click_and_wait(township, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    assert township.find_elements(By.CSS_SELECTOR, "[data-sent='monthly']"), township.page_source[:500]
    row = township.find_element(By.CSS_SELECTOR, f"[data-form='monthly'] tr[data-unit='{silent}']")
    missing = row.find_elements(By.CSS_SELECTOR, "td")[3].text
    assert period not in missing and missing, row.text
    screenshot(township, "reporting-sent", "townshipOfficer")


def test_a_yearly_form_created_through_the_api_shows_who_lags(server, password, browser):
    token = _token(server, "office", password)
    form = {
        "code": "yearly-funding", "name": "食品安全投入年报（测试）", "periodType": "yearly", "dueDays": 31,
        "fields": [{"code": "budget", "label": "预算（万元）"}], "units": ["222499101", "222499102"],
    }
    status, body = _api(server, "POST", "/api/v1/reports", token, {**form, "dueDays": 400})
    assert status == 422 and body["error"]["code"] == "reportingDueDaysOutOfRange", body
    status, body = _api(server, "POST", "/api/v1/reports", token, form)
    assert status == 201, body
    status, body = _api(server, "GET", "/api/v1/reports?periodType=yearly", token)
    assert [item["code"] for item in body["items"]] == ["yearly-funding"], body
    status, body = _api(server, "GET", "/api/v1/reports/yearly-funding/lagging", token)
    two_back = body["periods"][-3]
    status, body = _api(server, "POST", "/api/v1/reports/yearly-funding/submissions", token,
                        {"period": two_back, "unitCode": "222499101", "values": {"budget": 120}})
    assert status == 201, body

    desk = browser()
    login(desk, server.base_url, "office", password)
    _reports_page(desk, server)
    yearly = desk.find_element(By.CSS_SELECTOR, "[data-form='yearly-funding']")
    assert yearly.get_attribute("data-period-type") == "yearly"
    rows = yearly.find_elements(By.CSS_SELECTOR, "tr[data-unit]")
    assert [row.get_attribute("data-unit") for row in rows][0] == "222499102", "the township that has not reported comes first"
    assert rows[0].get_attribute("data-lagging") == "true"
    assert two_back in rows[0].text
    screenshot(desk, "reporting-yearly", "foodSafetyOffice")
