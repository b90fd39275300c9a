# make demo   — set up (first time) and open the bundled sample incident
# make test   — set up (first time) and run lint, type checks and the whole test suite
# make bench  — run the benchmarks and write bench/RESULTS.md
# make fuzz   — random keys through every screen, longer and with a new seed (FUZZ_SEED=N replays)

# Quiet: a pyenv shim exists for every version and says on stderr when it has none.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 \
	&& $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck pytest bench fuzz clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "debrief needs Python 3.11 or newer (python3.11+ not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/debrief demo

test: $(STAMP)
	$(MAKE) --no-print-directory lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy resolves the package-dir mapping through a tree of links shaped like the wheel.
typecheck: $(STAMP)
	@rm -rf .typecheck && mkdir -p .typecheck/debrief
	@for f in debrief/*; do ln -s "$$(pwd)/$$f" .typecheck/debrief/; done
	@for d in screens widgets store; do ln -s "$$(pwd)/$$d" .typecheck/debrief/$$d; done
	cd .typecheck && ../$(BIN)/mypy --config-file ../pyproject.toml -p debrief

# One worker per core (at most 4), a test file per worker at a time: the suite waits on
# Textual apps settling far more than it computes. JOBS=0 runs it in one process.
JOBS ?= auto
pytest: $(STAMP)
	$(BIN)/pytest -n $(JOBS) --maxprocesses 4 --dist loadfile

bench: $(STAMP)
	$(BIN)/python -m bench

# Examples per start point, at 80x24 and 120x36; about 1-2 s each on one core
# (46 cases x 25: about 30 minutes), then FUZZ_WALKS long walks of ~250 keys from 4 screens.
FUZZ_EXAMPLES ?= 25
FUZZ_SEED ?= $(shell date +%s)
FUZZ_WALKS ?= 3
FUZZ_K ?=
fuzz: $(STAMP)
	@echo "fuzz: seed $(FUZZ_SEED), $(FUZZ_EXAMPLES) examples per start point (replay: make fuzz FUZZ_SEED=$(FUZZ_SEED))"
	DEBRIEF_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) DEBRIEF_FUZZ_SEED=$(FUZZ_SEED) DEBRIEF_FUZZ_SHRINK_SECONDS=300 \
		DEBRIEF_FUZZ_SIZES=80x24,120x36 DEBRIEF_FUZZ_ALL=1 DEBRIEF_FUZZ_WALKS=$(FUZZ_WALKS) \
		$(BIN)/pytest tests/fuzz -p no:cacheprovider $(if $(FUZZ_K),-k "$(FUZZ_K)")

clean:
	rm -rf $(VENV) .typecheck build dist *.egg-info
