# Verzuimzicht — every target works on a fresh machine with Python 3.11 and pip.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: install run test test-fast lint format bench demo clean vertalingen

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.address localhost

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not e2e and not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy dashboard queries pages app.py
	$(BIN)/lint-imports

# extract the interface texts (Babel) and add new ones to the English catalogue; fill in their
# msgstr, and tests/test_i18n.py checks that none is missing
vertalingen: install
	$(BIN)/pybabel extract -F babel.cfg -k t -k tn:1,2 -k N_ --no-location -o locale/verzuimzicht.pot .
	$(BIN)/pybabel update -i locale/verzuimzicht.pot -d locale -D verzuimzicht -l en --no-fuzzy-matching

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench
	$(BIN)/python -m bench.last

demo: install
	$(BIN)/python -m data.demo.generate

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
