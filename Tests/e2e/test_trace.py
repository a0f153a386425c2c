"""Traceability in the browser (issue 6): a first-stop importer's batch without its disinfection
certificate is registered, a restaurant's attempt to sell it is refused and recorded; the
certificate is added, the batch goes through a warehouse and a wholesaler to the restaurant, and a
recall finds every holder, who confirms. A farmer's certificate is checked at a market, a lot
without one shows in the market's coverage, and anyone can look both codes up."""
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import click_and_wait, login, logout, path_of, screenshot, wait_loaded


def _submit(driver, form_id: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"form#{form_id}")
    driver.execute_script("window.confirm = function () { return true; }")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def _fill(driver, form_id: str, values: dict[str, str]) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"form#{form_id}")
    for name, value in values.items():
        field = form.find_element(By.NAME, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        elif field.get_attribute("type") == "date":
            # Keystrokes into a date input follow the browser's locale; set the value as a picker would.
            driver.execute_script("arguments[0].value = arguments[1]", field, value)
        else:
            field.clear()
            field.send_keys(value)


def _business(server, password: str, category: str) -> str:
    """The credit code (or name) of the first demo business of a category, as an officer types it."""
    body = json.dumps({"username": "office", "password": password}).encode()
    request = urllib.request.Request(server.url("/api/v1/auth/token"), data=body, headers={"Content-Type": "application/json"})
    token = json.load(urllib.request.urlopen(request, timeout=30))["token"]
    request = urllib.request.Request(server.url(f"/api/v1/businesses?category={category}&regionCode=222499&limit=1"),
                                     headers={"Authorization": f"Bearer {token}"})
    item = json.load(urllib.request.urlopen(request, timeout=30))["items"][0]
    return item.get("creditCode") or item["name"]


def test_cold_chain_batch_recall_and_market_certificates(server, accounts, password, browser):
    importer, warehouse, wholesaler = (_business(server, password, c) for c in ("coldStore", "centralWarehouse", "wholesaleMarket"))
    farmer, market = _business(server, password, "farmProducer"), _business(server, password, "farmersMarket")
    restaurant = next(a for a in accounts if a["username"] == "business.lamb")

    desk = browser()
    login(desk, server.base_url, "office", password)
    desk.get(server.url("/cold-chain/new"))
    wait_loaded(desk)
    _fill(desk, "batch-form", {
        "importer": importer, "product": "冷冻牛腱", "batchNumber": "BR-2026-7781", "quantity": "100", "unit": "CT", "originCountry": "巴西",
        "inspectionQuarantine.number": "IQ-2026-0091", "inspectionQuarantine.issuer": "大连海关", "inspectionQuarantine.issuedOn": "2026-11-01",
        "nucleicAcidTest.number": "NAT-88120", "nucleicAcidTest.issuer": "辽宁省疾控中心", "nucleicAcidTest.issuedOn": "2026-11-02",
    })
    _submit(desk, "batch-form")
    errors = [e.text for e in desk.find_elements(By.CSS_SELECTOR, ".form-error")]
    assert path_of(desk).startswith("/cold-chain/"), (desk.current_url, errors)
    batch_url = desk.current_url
    code = desk.find_element(By.CSS_SELECTOR, "[data-trace-code]").get_attribute("data-trace-code")
    assert desk.find_element(By.CSS_SELECTOR, "[data-document='disinfection']").get_attribute("data-present") == "false"

    def record(driver, values: dict[str, str]) -> None:
        driver.get(batch_url)
        wait_loaded(driver)
        _fill(driver, "event-form", values)
        _submit(driver, "event-form")

    # The restaurant tries to sell it: refused for the missing certificate, and kept on the record.
    phone = browser(phone=True)
    login(phone, server.base_url, restaurant["username"], password)
    record(phone, {"type": "sell", "quantity": "1"})
    alert = phone.find_element(By.CSS_SELECTOR, ".form-error[role='alert']").text
    assert "消毒证明" in alert, alert
    screenshot(phone, "trace-refused", "business")

    desk.get(batch_url)
    wait_loaded(desk)
    assert desk.find_element(By.CSS_SELECTOR, "[data-refusals]").get_attribute("data-refusals") == "1"
    _fill(desk, "document-form", {"kind": "disinfection", "number": "XD-5531", "issuer": "示范县疾控中心", "issuedOn": "2026-11-20"})
    _submit(desk, "document-form")
    assert desk.find_element(By.CSS_SELECTOR, "[data-document='disinfection']").get_attribute("data-present") == "true"
    for values in (
        {"type": "ship", "business": importer, "quantity": "100", "counterparty": warehouse},
        {"type": "receive", "business": warehouse, "quantity": "100", "counterparty": importer},
        {"type": "ship", "business": warehouse, "quantity": "100", "counterparty": wholesaler},
        {"type": "receive", "business": wholesaler, "quantity": "100", "counterparty": warehouse},
        {"type": "ship", "business": wholesaler, "quantity": "40", "counterparty": "示范县老街羊肉米线店"},
    ):
        record(desk, values)
        assert not desk.find_elements(By.CSS_SELECTOR, ".form-error[role='alert']"), (values, desk.find_element(By.CSS_SELECTOR, ".form-error").text)
    assert len(desk.find_elements(By.CSS_SELECTOR, "[data-event]")) == 6

    record(phone, {"type": "receive", "quantity": "40", "counterparty": wholesaler})
    assert not phone.find_elements(By.CSS_SELECTOR, ".form-error[role='alert']")
    record(phone, {"type": "sell", "quantity": "5"})
    assert len(phone.find_elements(By.CSS_SELECTOR, "[data-event]")) == 8

    # The recall finds the wholesaler and the restaurant; the restaurant confirms from its list.
    desk.get(batch_url)
    wait_loaded(desk)
    _fill(desk, "recall-form", {"reason": "原产国通报核酸检测阳性"})
    _submit(desk, "recall-form")
    assert len(desk.find_elements(By.CSS_SELECTOR, "[data-notice]")) == 2
    assert desk.find_element(By.CSS_SELECTOR, "[data-unconfirmed]").get_attribute("data-unconfirmed") == "2"
    screenshot(desk, "trace-recall", "office")

    phone.get(server.url("/cold-chain"))
    wait_loaded(phone)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "[data-recall-notice] a"))
    _fill(phone, "recall-confirmation-form", {"note": "已下架封存 35 箱"})
    _submit(phone, "recall-confirmation-form")
    desk.get(batch_url)
    wait_loaded(desk)
    assert desk.find_element(By.CSS_SELECTOR, "[data-unconfirmed]").get_attribute("data-unconfirmed") == "1"

    # Anyone can look the code up.
    public = browser(phone=True)
    public.get(server.url(f"/trace?code={code}"))
    wait_loaded(public)
    assert len(public.find_elements(By.CSS_SELECTOR, "[data-present='true']")) == 3
    screenshot(public, "trace-public", "public")

    # A farmer's certificate, checked at the market; a lot without one lowers the coverage.
    desk.get(server.url("/produce-certificates/new"))
    wait_loaded(desk)
    _fill(desk, "certificate-form", {"issuer": farmer, "productName": "黄瓜", "quantity": "200", "unit": "公斤", "basis": "ownTest"})
    _submit(desk, "certificate-form")
    certificate = desk.find_element(By.CSS_SELECTOR, "[data-certificate-code]").get_attribute("data-certificate-code")
    screenshot(desk, "trace-certificate", "office")
    def totals() -> tuple[int, int]:
        desk.get(server.url("/market-entry"))
        wait_loaded(desk)
        cells = desk.find_elements(By.CSS_SELECTOR, "[data-coverage='222499'] td")
        return int(cells[1].text), int(cells[2].text)

    lots_before, with_before = totals()
    for values in (
        {"market": market, "seller": "12号摊 李桂兰", "productName": "黄瓜", "unit": "公斤", "certificateCode": certificate},
        {"market": market, "seller": "7号摊 王强", "productName": "芹菜", "unit": "公斤"},
    ):
        desk.get(server.url("/market-entry"))
        wait_loaded(desk)
        _fill(desk, "market-entry-form", values)
        _submit(desk, "market-entry-form")
        assert not desk.find_elements(By.CSS_SELECTOR, ".form-error[role='alert']")
    assert totals() == (lots_before + 2, with_before + 1), "one lot with a certificate, one without"
    screenshot(desk, "trace-market", "office")
    logout(phone, server.base_url)


def test_warehouse_releases_a_load_and_a_market_files_a_seller(server, password, browser):
    """The demo's booked load is tested, disinfected and released with its certificate; a market's
    new seller is filed and an entry check by stall number links to the file."""
    desk = browser()
    login(desk, server.base_url, "office", password)
    desk.get(server.url("/warehouse-bookings?status=booked"))
    wait_loaded(desk)
    row = desk.find_element(By.CSS_SELECTOR, "tr[data-status='booked']")
    booking = row.get_attribute("data-booking")
    form = row.find_element(By.CSS_SELECTOR, "form.intake-form")
    form.find_element(By.NAME, "disinfectant").send_keys("含氯消毒剂 500mg/L")
    click_and_wait(desk, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    row = desk.find_element(By.CSS_SELECTOR, f"tr[data-booking='{booking}']")
    assert row.get_attribute("data-status") == "tested"
    desk.execute_script("window.confirm = function () { return true; }")
    click_and_wait(desk, row.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    row = desk.find_element(By.CSS_SELECTOR, f"tr[data-booking='{booking}']")
    assert row.get_attribute("data-status") == "released"
    screenshot(desk, "trace-warehouse", "office")
    click_and_wait(desk, row.find_element(By.CSS_SELECTOR, "a[href^='/warehouse-releases/']"))
    assert desk.find_element(By.CSS_SELECTOR, "[data-release-number]").text.startswith("CK")

    market = _business(server, password, "farmersMarket")
    desk.get(server.url("/market-sellers"))
    wait_loaded(desk)
    _fill(desk, "seller-form", {"market": market, "stall": "21", "name": "孙淑华", "phone": "13904331021",
                                "identityNumber": "11010519491231002X", "address": "示范县城关镇和平村", "products": "鲜鸡蛋",
                                "supplyChannel": "自产", "origin": "示范县"})
    _submit(desk, "seller-form")
    assert not desk.find_elements(By.CSS_SELECTOR, ".form-error[role='alert']")
    filed = desk.find_element(By.CSS_SELECTOR, "tr[data-seller='21']")
    assert "110105**********2X" in filed.text and "11010519491231002X" not in desk.page_source
    desk.get(server.url("/market-entry"))
    wait_loaded(desk)
    _fill(desk, "market-entry-form", {"market": market, "seller": "21", "productName": "鲜鸡蛋", "unit": "公斤"})
    _submit(desk, "market-entry-form")
    assert "21 孙淑华" in desk.find_element(By.CSS_SELECTOR, "main").text, "the lot names the filed seller"
    screenshot(desk, "trace-sellers", "office")
