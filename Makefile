# Analytics Platform: the two commands a new user needs are `make run` and `make test`.
MVN ?= mvn -B -ntp
HOME_DIR ?= .
PORT ?= 5433

.PHONY: build test run serve clean

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) verify

# Build, write the demo lake into $(HOME_DIR) (idempotent) and serve it on 127.0.0.1:$(PORT).
run: build
	./analytics --home $(HOME_DIR) init --demo
	./analytics --home $(HOME_DIR) serve --port $(PORT)

serve: build
	./analytics --home $(HOME_DIR) serve --port $(PORT)

clean:
	$(MVN) -q clean

# Lake targets (init, views, materialize, refresh, export, status, shell, ...).
-include make/lake.mk
