"""The closed loop in the browser (issue 4): an inspector on a phone inspects a business and adds a
photo, a critical failure opens an order with a deadline, the business answers with a photo of the
fix, the inspector rejects once and accepts the second time. At each step the business's credit
and the township's figures change, read from their pages in a second (office) window."""
import struct
import tempfile
import zlib
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import click_and_wait, login, logout, path_of, screenshot, wait_loaded

TOWNSHIP = "222499101"


def _submit(driver, form_id: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"form#{form_id}")
    driver.execute_script("window.confirm = function () { return true; }")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def _png(path: Path, rgb: tuple[int, int, int]) -> Path:
    """A real 8×8 PNG of one colour, so the page's thumbnail renders."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def _attach(driver, file: Path) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#attachment-form")
    form.find_element(By.CSS_SELECTOR, "input[type='file']").send_keys(str(file))
    _submit(driver, "attachment-form")
    assert driver.find_elements(By.CSS_SELECTOR, "#attachments ul.attachments img"), "the photo shows on the page"


def test_inspection_order_answer_reject_accept(server, accounts, password, browser):
    by_name = {a["username"]: a for a in accounts}
    inspector, owner = by_name["inspector"], by_name["business.lamb"]
    business = owner["scope"]["businessId"]
    photos = Path(tempfile.mkdtemp())

    desk = browser()
    login(desk, server.base_url, "office", password)

    def state() -> dict[str, str]:
        """The business's credit score and the township's figures, as the office sees them."""
        desk.get(f"{server.base_url}/inspection-metrics?regionCode={TOWNSHIP}")
        wait_loaded(desk)
        figures = {
            cell.get_attribute("data-figure"): cell.text
            for cell in desk.find_elements(By.CSS_SELECTOR, f"tr.total[data-region='{TOWNSHIP}'] td[data-figure]")
        }
        desk.get(f"{server.base_url}/businesses/{business}")
        wait_loaded(desk)
        figures["credit"] = desk.find_element(By.CSS_SELECTOR, "[data-credit-score]").get_attribute("data-credit-score")
        figures["risk"] = desk.find_element(By.CSS_SELECTOR, "[data-risk]").get_attribute("data-risk")
        figures["nextDue"] = desk.find_element(By.CSS_SELECTOR, "[data-next-due]").get_attribute("data-next-due")
        return figures

    def changed(before: dict[str, str], after: dict[str, str], **deltas: int) -> None:
        for key, delta in deltas.items():
            assert int(after[key]) - int(before[key]) == delta, (key, before[key], after[key])
        assert after["credit"] != before["credit"], ("credit", before["credit"], after["credit"])

    start = state()

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
    assert phone.find_element(By.CSS_SELECTOR, "[data-risk]").get_attribute("data-risk") == "D"
    _attach(phone, _png(photos / "后厨消毒柜.png", (200, 40, 40)))
    screenshot(phone, "inspection-record", "inspector")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "a[href*='/rectification-orders/']"))
    order_url = phone.current_url
    assert phone.find_element(By.CSS_SELECTOR, "[data-order-status]").get_attribute("data-order-status") == "open"
    screenshot(phone, "inspection-order", "inspector")
    logout(phone, server.base_url)

    inspected = state()
    changed(start, inspected, inspectionsDone=1, ordersIssued=1, ordersOpen=1)
    assert inspected["risk"] == "D" and inspected["nextDue"] != start["nextDue"]

    def answer(text: str, photo: Path | None = None) -> None:
        login(phone, server.base_url, owner["username"], password)
        phone.get(order_url)
        wait_loaded(phone)
        if photo:
            _attach(phone, photo)
        phone.find_element(By.CSS_SELECTOR, "form#answer-form input[name='text']").send_keys(text)
        _submit(phone, "answer-form")
        assert phone.find_element(By.CSS_SELECTOR, "[data-order-status]").get_attribute("data-order-status") == "answered"
        screenshot(phone, "inspection-answer", "business")
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

    answer("已更换消毒柜，员工重新培训", _png(photos / "新消毒柜.png", (40, 160, 60)))
    answered = state()
    changed(inspected, answered, ordersOpen=-1, ordersAwaitingVerification=1)

    assert verify("reject", "未见消毒记录") == "open"
    rejected = state()
    changed(answered, rejected, answersRejected=1, ordersOpen=1, ordersAwaitingVerification=-1)

    answer("补充消毒记录照片三张")
    answered_again = state()
    changed(rejected, answered_again, ordersOpen=-1, ordersAwaitingVerification=1)

    assert verify("accept") == "closed"
    closed = state()
    changed(answered_again, closed, ordersClosed=1, ordersAwaitingVerification=-1)

    desk.get(f"{server.base_url}/inspection-metrics?regionCode={TOWNSHIP}")
    wait_loaded(desk)
    screenshot(desk, "inspection-metrics", "office")
