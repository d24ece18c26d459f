# Set-up on a fresh machine is `make demo` or `make test`; both create .venv and install first.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON ?= python3
EXAMPLE := examples/kharkiv-2022
DEMO_OUT := out/kharkiv-2022

.PHONY: install demo test lint format schema clean

$(STAMP): pyproject.toml setup.py src/storyline/doc/_crf.c  # pip install -e . compiles the CRF extension
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/storyline build --manifest $(EXAMPLE)/manifest.csv --out $(DEMO_OUT)
	@echo "Open $(DEMO_OUT)/report.html in a browser; the story is in $(DEMO_OUT)/story.json."

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

format: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

schema: install
	$(BIN)/python -m storyline.output.schema > schema/story.schema.json

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
