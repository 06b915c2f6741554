# polyvault — the verbs. `make demo` and `make test` work on a fresh machine with only python3.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Test workers: both cores by default; `make test JOBS=1` to run serially.
JOBS   ?= 2
# Build backends (uv_build) and the generator's post-hook (ruff) are looked up on PATH: use the venv's.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: setup generate check lint typecheck test demo bench soak mutate lock clean

setup: $(STAMP)

# The venv is rebuilt from the pinned requirements whenever they (or a package definition) change.
$(STAMP): requirements/dev.txt facade/pyproject.toml $(wildcard generated/*/pyproject.toml)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		$(foreach pkg,$(wildcard generated/*/pyproject.toml),-e $(dir $(pkg))) -e facade
	touch $@

## Lint the specs and regenerate generated/ from them (never edit generated/ by hand).
generate: setup
	$(PY) scripts/generate.py
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		$(foreach pkg,$(wildcard generated/*/pyproject.toml),-e $(dir $(pkg)))

## Spec lint + regenerate into a temporary tree and compare + breaking-change gate.
check: setup
	$(PY) scripts/check.py

lint: setup
	$(PY) -m ruff check facade scripts tests
	$(PY) -m ruff format --check facade scripts tests

typecheck: setup
	$(PY) -m mypy --strict facade/src

## Everything CI runs. Bytecode is written (even where PYTHONDONTWRITEBYTECODE is set) so pytest's
## assertion rewriting of plugin packages is done once, not again in every worker.
test: check lint typecheck
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n $(JOBS)

## The tour: four fake vaults on 127.0.0.1 and polyvault against them (or real vaults, see README).
demo: setup
	$(PY) scripts/demo.py

## Benchmarks (not part of make test): polyvault against raw httpx and the vendors' SDKs.
bench: setup
	$(PY) scripts/bench/run.py

## The full-size soak: 10,000 values through FakeVGS with 20% of requests faulted.
soak: setup
	POLYVAULT_SOAK_SIZE=10000 $(PY) -m pytest -n 0 -p no:cacheprovider tests/reliability/test_soak.py -s

## Mutation testing (not part of make test): mutmut over _core/ and vgs.py; prints the score and the surviving mutants.
mutate: setup
	$(PY) scripts/mutate.py --jobs $(JOBS)

## Re-pin requirements/dev.txt from requirements/dev.in.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements/dev.in
	(echo "# Pinned development workspace (generated from requirements/dev.in by \`make lock\`; do not edit by hand)."; \
	 .lock-venv/bin/pip freeze --exclude-editable | sort -f) > requirements/dev.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutate-work
