# Holdfast — the two commands of the quick start are `make demo` and `make test`.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DEMO_DIR ?= $(CURDIR)/demo
CTEST_ARGS ?=

.PHONY: all deps build demo test asan bench format format-check clean

all: build

deps:
	@packaging/install-deps.sh

build: deps
	cmake --preset dev
	cmake --build --preset dev -j$(JOBS)

# Installs what is missing, builds the two programs, makes the demo vault and
# a demo cache holding it once (holdfast-cli init + sync from file://), prints
# the cache's passphrase and starts the app on it.
DEMO_CACHE = $(DEMO_DIR)/cache
DEMO_PASSPHRASE = $(DEMO_DIR)/passphrase.txt
CLI = build/dev/core/cli/holdfast-cli
demo: deps
	cmake --preset dev
	cmake --build --preset dev -j$(JOBS) --target holdfast holdfast-cli
	@if [ ! -f "$(DEMO_DIR)/.vault-complete" ]; then \
	    echo "Generating the demo vault in $(DEMO_DIR)/vault (one to two minutes)"; \
	    rm -f "$(DEMO_DIR)/.cache-complete"; \
	    QT_QPA_PLATFORM=offscreen $(CLI) demo-vault --out "$(DEMO_DIR)/vault" --replace \
	        && touch "$(DEMO_DIR)/.vault-complete"; \
	fi
	@if [ ! -f "$(DEMO_DIR)/.cache-complete" ]; then \
	    echo "Creating the demo cache in $(DEMO_CACHE) and syncing the demo vault into it"; \
	    rm -rf "$(DEMO_CACHE)"; \
	    (umask 077 && head -c 15 /dev/urandom | base64 | tr '+/' '-_' > "$(DEMO_PASSPHRASE)") \
	        && $(CLI) init --cache "$(DEMO_CACHE)" --passphrase-file "$(DEMO_PASSPHRASE)" \
	        && $(CLI) sync --cache "$(DEMO_CACHE)" --passphrase-file "$(DEMO_PASSPHRASE)" \
	            --vault "file://$(DEMO_DIR)/vault" --save-account "Demo vault" \
	        && touch "$(DEMO_DIR)/.cache-complete"; \
	fi
	@echo "Demo cache:  $(DEMO_CACHE)"
	@echo "Passphrase:  $$(cat "$(DEMO_PASSPHRASE)")   (a demo only: kept in $(DEMO_PASSPHRASE))"
	build/dev/desktop/holdfast --cache "$(DEMO_CACHE)"

# Installs what is missing, builds with -Werror and runs the whole suite.
test: deps
	cmake --preset ci
	cmake --build --preset ci -j$(JOBS)
	cd build/ci && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# AddressSanitizer + UndefinedBehaviorSanitizer build of the same suite.
asan: deps
	cmake --preset asan
	cmake --build --preset asan -j$(JOBS)
	cd build/asan && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# Speed targets: every benchmark prints `BENCH <name>: ... PASS|MISS`.
bench: build
	tests/benchmarks/run-all.sh build/dev

FORMAT_FILES = $(shell git ls-files '*.cpp' '*.h')
format:
	clang-format -i $(FORMAT_FILES)

format-check:
	@clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format-check: $(words $(FORMAT_FILES)) files formatted"

clean:
	rm -rf build
