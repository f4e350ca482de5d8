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

# Installs what is missing, builds the two programs, makes the demo vault once,
# starts the app on it.
demo: deps
	cmake --preset dev
	cmake --build --preset dev -j$(JOBS) --target holdfast holdfast-cli
	@if [ ! -f "$(DEMO_DIR)/.vault-complete" ]; then \
	    echo "Generating the demo vault in $(DEMO_DIR)/vault (one to two minutes)"; \
	    QT_QPA_PLATFORM=offscreen build/dev/core/cli/holdfast-cli demo-vault --out "$(DEMO_DIR)/vault" --replace \
	        && touch "$(DEMO_DIR)/.vault-complete"; \
	fi
	build/dev/desktop/holdfast --vault "$(DEMO_DIR)/vault"

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
