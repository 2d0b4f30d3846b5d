# policyparse — make help lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Fixed terminal width so rich output in tests and examples is stable.
export COLUMNS := 100
export TERM := dumb

.PHONY: help install demo test lint typecheck format golden eval bench all clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/policyparse: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/policyparse ## Create .venv and install policyparse with its dev tools

demo: install ## Install, then read every corpus document: metadata, outline, JSON, review pages, scores
	$(BIN)/policyparse info corpus/docs
	$(BIN)/policyparse sections corpus/docs/changchun-2018-quality-plan.txt
	@mkdir -p out
	@for f in corpus/docs/*.txt; do \
		$(BIN)/policyparse extract "$$f" -o "out/$$(basename "$${f%.*}").json" --force || exit 1; \
	done
	@echo "JSON documents written to out/"
	$(BIN)/policyparse batch corpus/docs -o out/corpus.jsonl --report out/review --force --quiet
	@echo "Review pages written to out/review/: open out/review/index.html in a browser"
	$(BIN)/policyparse eval corpus

test: install ## Run the tests (unit, golden, CLI, doctests)
	$(BIN)/pytest

lint: install ## ruff, ruff format --check, import-linter, mypy
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports
	$(BIN)/mypy

typecheck: install ## mypy --strict
	$(BIN)/mypy

format: install ## Format the code with ruff
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

golden: install ## Rewrite tests/golden/expected after a deliberate change (review the diff!)
	$(BIN)/python -m tests.golden._snapshot

eval: install ## Score extraction against corpus/gold
	$(BIN)/policyparse eval corpus

bench: install ## Speed of the pipeline against jieba; batch throughput, memory and resume
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.batch

all: lint test ## Lint and test

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis out
