"""Browser journeys: fixtures that start the server and drive headless Chromium.

The server is the debug build at .build/debug/shian (SHIAN_BINARY overrides it, e.g. for a
release build). It runs on a fresh data folder, with the demo county seeded on first start and
every demo account's password set from SHIAN_DEMO_PASSWORD.

Screenshots (and the server's log) are kept in Tests/e2e/screenshots/ as artifacts.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO_ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SHIAN_BINARY", REPO_ROOT / ".build" / "debug" / "shian"))
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SERVER_LOG = SCREENSHOTS / "server.log"

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

DEMO_PASSWORD = "Demo-Pass-2026!"
BROWSER_LANGUAGE = "zh-CN,zh"
STARTUP_TIMEOUT = 120.0

# Never let Selenium Manager look for (or download) a browser or driver.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(lines: int = 200) -> str:
    try:
        text = SERVER_LOG.read_text(errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:])


def _parse_accounts(stdout: str) -> list[dict]:
    """The JSON array printed by `shian demo-accounts --json`.

    Tolerates log lines around it (a logger writing to stdout), but the whole output being the
    array is what the contract says.
    """
    try:
        value = json.loads(stdout)
    except json.JSONDecodeError:
        value = None
        decoder = json.JSONDecoder()
        for i, ch in enumerate(stdout):
            if ch != "[":
                continue
            try:
                candidate, _ = decoder.raw_decode(stdout, i)
            except json.JSONDecodeError:
                continue
            if isinstance(candidate, list) and candidate and all(
                isinstance(a, dict) and "username" in a for a in candidate
            ):
                value = candidate
                break
    if not isinstance(value, list) or not value:
        raise AssertionError(f"`shian demo-accounts --json` printed no account array:\n{stdout}")
    for account in value:
        assert isinstance(account, dict), account
        assert account.get("username") and account.get("role"), account
    return value


class Server:
    def __init__(self, base_url: str, env: dict[str, str], process: subprocess.Popen):
        self.base_url = base_url
        self.env = env
        self.process = process

    def url(self, path: str) -> str:
        return self.base_url + path


@pytest.fixture(scope="session")
def server():
    if not BINARY.is_file() or not os.access(BINARY, os.X_OK):
        pytest.fail(
            f"the server binary {BINARY} is missing: build it first with `swift build` "
            "(or `make build`), or point SHIAN_BINARY at one",
            pytrace=False,
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="shian-e2e-")
    port = _free_port()
    env = dict(os.environ)
    # The journeys run on the embedded default database in their own fresh data folder.
    env.pop("DATABASE_URL", None)
    env["SHIAN_DATA_DIR"] = data_dir
    env["SHIAN_DEMO_PASSWORD"] = DEMO_PASSWORD
    base_url = f"http://127.0.0.1:{port}"

    log = open(SERVER_LOG, "wb")
    process = subprocess.Popen(
        [str(BINARY), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last_error = "no answer yet"
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"the server exited with code {process.returncode} before answering "
                    f"/healthz. Its log:\n{_log_tail()}",
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(base_url + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        break
                    last_error = f"HTTP {response.status}"
            except urllib.error.HTTPError as error:
                last_error = f"HTTP {error.code}"
            except (urllib.error.URLError, OSError) as error:
                last_error = str(error)
            if time.monotonic() > deadline:
                pytest.fail(
                    f"GET {base_url}/healthz did not answer 200 within {STARTUP_TIMEOUT:.0f} s "
                    f"({last_error}). The server's log:\n{_log_tail()}",
                    pytrace=False,
                )
            time.sleep(0.5)

        yield Server(base_url, env, process)
    finally:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        log.close()
        if not os.environ.get("SHIAN_E2E_KEEP_DATA"):
            shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def accounts(server) -> list[dict]:
    """The demo accounts, read after the server has seeded the demo county."""
    result = subprocess.run(
        [str(BINARY), "demo-accounts", "--json"],
        cwd=REPO_ROOT,
        env=server.env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`shian demo-accounts --json` exited with {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return _parse_accounts(result.stdout)


@pytest.fixture(scope="session")
def account_by_role(accounts) -> dict[str, dict]:
    """One demo account per role: the first listed."""
    by_role: dict[str, dict] = {}
    for account in accounts:
        by_role.setdefault(account["role"], account)
    return by_role


@pytest.fixture(scope="session")
def password() -> str:
    return DEMO_PASSWORD


@pytest.fixture
def browser():
    """A factory of headless Chromium windows; each is closed after the test."""
    drivers = []

    def make(width: int = 1280, height: int = 900, phone: bool = False) -> webdriver.Chrome:
        """A desktop window of width x height, or with phone=True a phone's screen of that size.

        A phone is emulated (touch, device-width viewport, pixel ratio 3): a plain window cannot
        be narrower than 500 px in headless Chromium.
        """
        options = Options()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            f"--window-size={width},{height}",
            f"--lang={BROWSER_LANGUAGE}",
        ):
            options.add_argument(argument)
        # A browser set up as a user here sets it up; headless Chromium would send en-US, and
        # the server follows Accept-Language when no language has been chosen.
        options.add_experimental_option("prefs", {"intl.accept_languages": BROWSER_LANGUAGE})
        if phone:
            options.add_experimental_option(
                "mobileEmulation",
                {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3}},
            )
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(60)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        try:
            driver.quit()
        except Exception:  # noqa: BLE001 - a dead browser must not hide the test's result
            pass


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if exitstatus not in (0, 5) and SERVER_LOG.exists():
        terminalreporter.section("shian server log (last 100 lines)")
        terminalreporter.write_line(_log_tail(100))
