"""Registry journey (issue 3): a township officer registers a small eatery, puts it in a grid, finds
it by search, sees the grid's count change, exports the list to Excel; the import refuses a file
with a bad row and names the row."""
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import click_and_wait, login, path_of, screenshot, wait_loaded


def _grid_business_count(driver, base_url: str, township: str, grid: str) -> int:
    driver.get(f"{base_url}/grids?regionCode={township}&limit=200")
    wait_loaded(driver)
    for row in driver.find_elements(By.CSS_SELECTOR, "table.data-table tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells and cells[0].text.strip() == grid:
            return int(cells[2].text.replace(",", ""))
    raise AssertionError(f"grid {grid} is not listed under {township}")


def test_township_registers_finds_and_exports_a_small_eatery(server, account_by_role, password, browser):
    account = account_by_role["townshipOfficer"]
    township = account["scope"]["regionCode"]
    grid = township + "001001"
    name = f"端到端测试冷面馆{int(time.time()) % 100000}"
    driver = browser()
    login(driver, server.base_url, account["username"], password)

    before = _grid_business_count(driver, server.base_url, township, grid)

    driver.get(f"{server.base_url}/businesses/new?gridCode={grid}")
    wait_loaded(driver)
    form = driver.find_element(By.CSS_SELECTOR, "form#business-form")
    form.find_element(By.NAME, "name").send_keys(name)
    Select(form.find_element(By.NAME, "category")).select_by_value("smallEatery")
    form.find_element(By.NAME, "address").send_keys("示范县测试街1号")
    form.find_element(By.NAME, "areaSquareMetres").send_keys("20")
    screenshot(driver, "registry-new", "townshipOfficer")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, 'button[type="submit"]'))
    assert path_of(driver).startswith("/businesses/"), f"after saving, expected the business page, got {driver.current_url}"
    assert name in driver.find_element(By.TAG_NAME, "h1").text

    driver.get(f"{server.base_url}/businesses")
    wait_loaded(driver)
    search = driver.find_element(By.CSS_SELECTOR, "form.filter-form input[name='q']")
    search.send_keys(name)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filter-form button[type='submit']"))
    names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.data-table td a")]
    assert name in names, f"search did not find {name}: {names[:10]}"
    screenshot(driver, "registry-search", "townshipOfficer")

    after = _grid_business_count(driver, server.base_url, township, grid)
    assert after == before + 1, f"grid {grid} should count one more business ({before} → {after})"
    screenshot(driver, "registry-grids", "townshipOfficer")

    driver.get(f"{server.base_url}/businesses?regionCode={grid}")
    wait_loaded(driver)
    link = driver.find_element(By.CSS_SELECTOR, "a[href*='format=xlsx']").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies}), timeout=30) as response:
        body = response.read()
        assert "spreadsheetml" in response.headers.get("Content-Type", "")
    assert body[:2] == b"PK", "the Excel export should be an .xlsx (zip) file"


def test_import_refuses_a_file_with_a_bad_row_and_names_it(server, account_by_role, password, browser):
    account = account_by_role["foodSafetyOffice"]
    driver = browser()
    login(driver, server.base_url, account["username"], password)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "businesses.csv"
        path.write_text(
            "名称,类别,网格编码,地址\n好店,小餐饮,222499101001001,示范县城关镇一号\n坏店,面包房,222499101001001,示范县城关镇二号\n",
            encoding="utf-8-sig",
        )
        driver.get(f"{server.base_url}/businesses/import")
        wait_loaded(driver)
        form = driver.find_element(By.CSS_SELECTOR, "form#import-form")
        form.find_element(By.CSS_SELECTOR, "input[type='file']").send_keys(str(path))
        click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    rows = driver.find_elements(By.CSS_SELECTOR, "table#import-errors tr")
    cells = [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    assert any(cell and cell[0] == "3" for cell in cells), f"row 3 should be named: {cells}"
    assert not driver.find_elements(By.CSS_SELECTOR, "form#import-commit"), "a bad file must not be offered for commit"
    screenshot(driver, "registry-import-refused", "foodSafetyOffice")
