"""The closed loop in the browser (issue 4): an inspector on a phone inspects a business, a critical
failure opens an order with a deadline, the business answers, the inspector rejects once and
accepts the second time; the business's credit and risk grade change along the way."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import click_and_wait, login, logout, path_of, screenshot, wait_loaded


def _submit(driver, form_id: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"form#{form_id}")
    driver.execute_script("window.confirm = function () { return true; }")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def test_inspection_order_answer_reject_accept(server, accounts, password, browser):
    by_name = {a["username"]: a for a in accounts}
    inspector, owner = by_name["inspector"], by_name["business.lamb"]
    business = owner["scope"]["businessId"]

    phone = browser(phone=True)
    login(phone, server.base_url, inspector["username"], password)
    phone.get(f"{server.base_url}/inspections/new?businessId={business}")
    wait_loaded(phone)
    items = phone.find_elements(By.CSS_SELECTOR, ".checklist-item")
    assert items, "the checklist form shows its items"
    critical = next(item for item in items if item.find_elements(By.CSS_SELECTOR, ".badge-red"))
    critical.find_element(By.CSS_SELECTOR, "input[value='nonCompliant']").click()
    phone.find_element(By.NAME, "acknowledgedBy").send_keys("金成浩")
    screenshot(phone, "inspection-form", "inspector")
    _submit(phone, "inspection-form")
    assert path_of(phone).startswith("/inspections/"), phone.current_url
    credit_after_inspection = phone.find_element(By.CSS_SELECTOR, "[data-credit]").get_attribute("data-credit")
    assert phone.find_element(By.CSS_SELECTOR, "[data-risk]").get_attribute("data-risk") == "D"
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "a[href*='/rectification-orders/']"))
    order_url = phone.current_url
    assert phone.find_element(By.CSS_SELECTOR, "[data-order-status]").get_attribute("data-order-status") == "open"
    screenshot(phone, "inspection-order", "inspector")
    logout(phone, server.base_url)

    def answer(text: str) -> None:
        login(phone, server.base_url, owner["username"], password)
        phone.get(order_url)
        wait_loaded(phone)
        phone.find_element(By.CSS_SELECTOR, "form#answer-form input[name='text']").send_keys(text)
        _submit(phone, "answer-form")
        assert phone.find_element(By.CSS_SELECTOR, "[data-order-status]").get_attribute("data-order-status") == "answered"
        logout(phone, server.base_url)

    def verify(decision: str, reason: str = "") -> str:
        login(phone, server.base_url, inspector["username"], password)
        phone.get(order_url)
        wait_loaded(phone)
        Select(phone.find_element(By.CSS_SELECTOR, "form#verification-form select[name='decision']")).select_by_value(decision)
        if reason:
            phone.find_element(By.CSS_SELECTOR, "form#verification-form input[name='reason']").send_keys(reason)
        _submit(phone, "verification-form")
        status = phone.find_element(By.CSS_SELECTOR, "[data-order-status]").get_attribute("data-order-status")
        logout(phone, server.base_url)
        return status

    answer("已更换消毒柜，员工重新培训")
    assert verify("reject", "未见消毒记录") == "open"
    answer("补充消毒记录照片三张")
    assert verify("accept") == "closed"

    login(phone, server.base_url, inspector["username"], password)
    phone.get(f"{server.base_url}/businesses/{business}")
    wait_loaded(phone)
    screenshot(phone, "inspection-business", "inspector")
    assert credit_after_inspection, "the inspection page showed the credit grade"
