# Shian: the usual commands. `make test` is the README's (and CI's) test command.
SWIFT   ?= swift
PYTHON  ?= python3

.PHONY: build test test-swift test-e2e run bench format

build:
	$(SWIFT) build --build-tests

# Unit, store and web suites (the PostgreSQL ones when SHIAN_TEST_POSTGRES_URL is set, as
# scripts/with-postgres.sh does), then the browser journeys against the debug build.
test: build
	$(SWIFT) test
	$(MAKE) test-e2e

test-e2e:
	$(PYTHON) -m pytest -q -p no:cacheprovider Tests/e2e

run:
	$(SWIFT) run shian

bench:
	bench/run.sh

format:
	@if $(SWIFT) format --version >/dev/null 2>&1; then \
		$(SWIFT) format -i -r Sources Tests; \
	else \
		echo "swift format is not available; nothing formatted"; \
	fi
