# Pingcha — two commands on a fresh Debian machine:
#   make demo   the main job on the bundled sample
#   make test   the test suite
# Both install the missing system packages first.

SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
APT_PACKAGES := libcsv-dev libsqlite3-dev libssl-dev zlib1g-dev libexpat1-dev libfreexl-dev pkg-config python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/pingcha
SAMPLE := data/sample
FOLLOWUP_BATCH := 2023年度行政执法案卷评查

.PHONY: deps build demo test bench bench-instructions clean standards architecture

# Installs only what is missing; `apt-get update` first because a fresh machine has empty lists.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "安装缺少的系统软件包：$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product pingcha

demo: build
	$(RELEASE_BIN) rubric check rubrics
	$(RELEASE_BIN) rubric test rubrics
	@for dir in $(SAMPLE)/[0-9][0-9][0-9][0-9]/; do \
	  year=$$(basename $$dir); \
	  echo "== pingcha run --input $$dir"; \
	  $(RELEASE_BIN) run --input $$dir --year $$year || exit 1; \
	done
	@echo "== pingcha batches"; $(RELEASE_BIN) batches
	@# The rectification cycle of the 2023 review (data/sample/followup/): notices, replies,
	@# status, opinions, the opinions' service and a re-examination, status, decisions.
	$(RELEASE_BIN) followup issue --batch $(FOLLOWUP_BATCH) --stage notice --date 2024-09-27 --doc-number 21
	$(RELEASE_BIN) followup record --batch $(FOLLOWUP_BATCH) --file $(SAMPLE)/followup/2023年度-1-通知书送达与答复.csv
	$(RELEASE_BIN) followup status --batch $(FOLLOWUP_BATCH) --as-of 2024-10-18
	$(RELEASE_BIN) followup issue --batch $(FOLLOWUP_BATCH) --stage opinion --date 2024-10-18 --doc-number 5
	$(RELEASE_BIN) followup record --batch $(FOLLOWUP_BATCH) --file $(SAMPLE)/followup/2023年度-2-意见书送达与复查.csv
	$(RELEASE_BIN) followup status --batch $(FOLLOWUP_BATCH) --as-of 2024-11-06
	$(RELEASE_BIN) followup issue --batch $(FOLLOWUP_BATCH) --stage decision --date 2024-11-06 --doc-number 2
	@# The latest year's bulletin and the comparison then report how the 2023 problems ended.
	@latest=$$(ls -d $(SAMPLE)/[0-9][0-9][0-9][0-9]/ | sort | tail -1); year=$$(basename $$latest); \
	$(RELEASE_BIN) report --batch "$${year}年度行政执法案卷评查" || exit 1
	$(RELEASE_BIN) compare --out reports/compare
	@latest=$$(ls -d $(SAMPLE)/[0-9][0-9][0-9][0-9]/ | sort | tail -1); year=$$(basename $$latest); \
	roster=$(SAMPLE)/statistics/$${year}年度执法人员名册.csv; register=$(SAMPLE)/statistics/$${year}年度检查台账.csv; extra=""; \
	if [ -f "$$roster" ]; then extra="--roster $$roster"; fi; \
	if [ -f "$$register" ]; then extra="$$extra --inspections $$register"; fi; \
	$(RELEASE_BIN) stats --year $$year $$extra || exit 1
	@latest=$$(ls -d $(SAMPLE)/[0-9][0-9][0-9][0-9]/ | sort | tail -1); year=$$(basename $$latest); \
	echo "== reports/$${year}年度行政执法案卷评查/bulletin.md"; cat "reports/$${year}年度行政执法案卷评查/bulletin.md"; \
	echo "== 报告文件"; ls -R "reports/$${year}年度行政执法案卷评查" reports/compare "reports/stats-$$year" | grep -v "\.csv$$"

test: deps
	python3 scripts/module-graph.py --check
	$(SWIFT) build --build-tests
	.build/debug/pingcha rubric check rubrics
	.build/debug/pingcha rubric test rubrics
	@# Every flag of every command is run, with that command, by some test.
	python3 scripts/flag-audit.py .build/debug/pingcha
	@# XCTest only (the suites are XCTest); the last line is the plain "N passed, N failed".
	@$(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log \
	  | grep -vE "^(Test Case|Test Suite).*(started|passed)"; status=$${PIPESTATUS[0]}; \
	  line=$$(grep -E "Executed [0-9]+ tests?, with .*[0-9]+ failures?" .build/test.log | tail -1); \
	  total=$$(echo "$$line" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/'); \
	  failed=$$(echo "$$line" | sed -E 's/.* ([0-9]+) failures?.*/\1/'); \
	  skipped=$$(echo "$$line" | grep -oE "[0-9]+ tests? skipped" | grep -oE "^[0-9]+" || true); skipped=$${skipped:-0}; \
	  if [ -z "$$total" ]; then echo "no tests ran"; exit 1; fi; \
	  if [ "$$skipped" != 0 ]; then echo "($$skipped skipped: sample and golden writers that run only when asked)"; fi; \
	  echo "$$((total - failed - skipped)) passed, $$failed failed"; exit $$status

# rubrics/STANDARDS.md, the standards reference a supervisor reads (a test checks it is current):
# built from the rubrics by the debug binary, built first so that it is never stale; the old
# file stays when the rubrics do not load.
standards: deps
	$(SWIFT) build --product pingcha
	@echo "== .build/debug/pingcha rubric show --format md rubrics > rubrics/STANDARDS.md"
	@.build/debug/pingcha rubric show --format md rubrics > rubrics/STANDARDS.md.tmp && mv rubrics/STANDARDS.md.tmp rubrics/STANDARDS.md \
	  || { rm -f rubrics/STANDARDS.md.tmp; exit 1; }

bench: build
	$(SWIFT) build -c release --product PingchaBench
	bash scripts/bench.sh
	bash scripts/bench-workbook.sh
	@# side by side with DuckDB (issue 12): DuckDB from PyPI in a venv of the benchmark's own
	bash bench/duckdb/run.sh

# Instructions per case of score, run and report on 5,000 generated cases, counted by valgrind:
# the measure that does not move with a shared machine's load (BENCHMARKS.md, 2026-12-04).
bench-instructions: deps
	$(SWIFT) build -c release --product pingcha
	bash scripts/bench-instructions.sh

clean:
	rm -rf .build

# docs/architecture.md's module table, from Package.swift (`make test` checks it is current).
architecture:
	python3 scripts/module-graph.py
