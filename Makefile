# Two entry points: `make run` serves the bundled data, `make test` runs the tests.
# Both create .venv on first use and are safe to repeat.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The CPU build of PyTorch goes in first so that sentence-transformers does not pull a CUDA build.
TORCH ?= torch==2.13.0
# Extra pip arguments for that step, e.g. TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu".
TORCH_PIP_ARGS ?=

.PHONY: install run test lint bench audit audit-report lock clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH_PIP_ARGS) "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/forumgraph models install
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/forumgraph serve

test: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

audit: install
	$(BIN)/pip-audit --local --skip-editable

# The pinned environment that CI audits; rewrite it after changing dependencies.
lock: install
	{ echo "# Every package of the development environment, pinned: \`make lock\` writes it (pip freeze"; \
	  echo "# without the project itself); CI audits it with \`make audit-report\`."; \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^forumgraph[= @]'; } > requirements.lock

# CI: known vulnerabilities in requirements.lock, as a report that never fails the build
# (an advisory published upstream must not fail an unrelated change; fix by bumping the lock).
audit-report: install
	-$(BIN)/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off --desc on

clean:
	rm -rf $(VENV) store build dist
