# polyvault — the verbs. `make demo` and `make test` work on a fresh machine with only python3.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Test workers: both cores by default; `make test JOBS=1` to run serially.
JOBS   ?= 2
# Build backends (uv_build) and the generator's post-hook (ruff) are looked up on PATH: use the venv's.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: setup generate check lint typecheck test docs demo bench soak mutate lock clean dists release redis-server

setup: $(STAMP)

# The venv is rebuilt from the pinned requirements whenever they (or a package definition) change.
# Editable installs of all six distributions: the four clients, polyvault (facade/) and
# polyvault-testing (facade/polyvault-testing/, which adds the pytest11 entry point of the fakes).
$(STAMP): requirements/dev.txt facade/pyproject.toml facade/polyvault-testing/pyproject.toml $(wildcard generated/*/pyproject.toml)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		$(foreach pkg,$(wildcard generated/*/pyproject.toml),-e $(dir $(pkg))) -e facade -e facade/polyvault-testing
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
	$(PY) -m ruff check facade scripts tests docs/_ext
	$(PY) -m ruff format --check facade scripts tests docs/_ext

typecheck: setup
	$(PY) -m mypy --strict facade/src

## Everything CI runs. Bytecode is written (even where PYTHONDONTWRITEBYTECODE is set) so pytest's
## assertion rewriting of plugin packages is done once, not again in every worker.
test: check lint typecheck redis-server
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n $(JOBS)

## The documentation site, built --strict into site/ (git-ignored). `make test` builds it too (tests/docs/test_site.py)
## and runs every ```python block of the README and docs/ against the fakes (tests/docs/test_code_blocks.py).
docs: setup
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --site-dir site

## The fleet-mode tests (and `make bench`'s fleet scenario) start their own redis-server on 127.0.0.1:
## install Debian's package when it is missing and we are root (CI's fresh machine), else say how.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing redis-server (Debian package) for the fleet-mode tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null; \
	  else \
	    echo "the fleet-mode tests need redis-server on PATH: install it (e.g. apt-get install redis-server)" >&2; exit 1; \
	  fi; }

## The tour: four fake vaults on 127.0.0.1 and polyvault against them (or real vaults, see README).
demo: setup
	$(PY) scripts/demo.py

## Benchmarks (not part of make test): polyvault against raw httpx and the vendors' SDKs.
bench: setup redis-server
	$(PY) scripts/bench/run.py

## The full-size soak: 10,000 values through FakeVGS with 20% of requests faulted.
soak: setup
	POLYVAULT_SOAK_SIZE=10000 $(PY) -m pytest -n 0 -p no:cacheprovider tests/reliability/test_soak.py -s

## Build all six distributions into dist/ as an index serves them (sdist, then the wheel from it), checked.
dists: setup
	$(PY) scripts/build_dists.py

## Release what changed since its last release tag: make release INDEX=<upload URL> [SIMPLE=<simple URL>]
## (versions from the API gate, changelogs, commit, build, twine upload, tags; see scripts/release.py).
release: setup
	@test -n "$(INDEX)" || { echo "usage: make release INDEX=<upload URL> [SIMPLE=<simple index URL>] [DRY_RUN=1]" >&2; exit 2; }
	$(PY) scripts/release.py --index "$(INDEX)" $(if $(SIMPLE),--simple-url "$(SIMPLE)") $(if $(DRY_RUN),--dry-run)

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
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache site mutate-work
