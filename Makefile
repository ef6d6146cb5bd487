# Analytics Platform: the two commands a new user needs are `make run` and `make test`.
MVN ?= mvn -B -ntp
HOME_DIR ?= .
PORT ?= 5433

.PHONY: build test run serve clean loadtest bench jmh

build:
	$(MVN) -q -DskipTests package -pl gateway -am

test:
	$(MVN) verify

# Write the demo lake into $(HOME_DIR) (idempotent) and serve it on 127.0.0.1:$(PORT) and HOME_DIR/run/.s.PGSQL.$(PORT).
# The launcher builds only when a source changed; Ctrl-C (or SIGTERM) stopping the gateway is a clean stop, not an error.
run:
	$(ANALYTICS) --home $(HOME_DIR) init --demo
	@$(MAKE) --no-print-directory serve

serve:
	@$(ANALYTICS) --home $(HOME_DIR) serve --port $(PORT); status=$$?; \
	  if [ $$status -eq 130 ] || [ $$status -eq 143 ]; then echo "gateway stopped"; else exit $$status; fi

# The benchmark: PostgreSQL vs the gateway vs in-process DuckDB on the same trades (BENCH_ARGS=--quick for 1M rows).
bench: build
	./analytics bench --out bench-results $(BENCH_ARGS)

# JMH micro-benchmarks of the type encoders (text and binary, per 2,048-row batch); table in gateway/target/jmh-encoders.csv.
jmh:
	$(MVN) -q test -pl catalog,engine,iceberg,gateway -Dtest=EncoderBenchmarkRunner -Dsurefire.failIfNoSpecifiedTests=false -Djmh=true -DredirectTestOutputToFile=false

# The long form of the load test: 200 connections, mixed point and analytical queries, 5 minutes.
loadtest:
	$(MVN) -q test -pl catalog,engine,iceberg,gateway -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dload.seconds=$(or $(SECONDS_),300)

clean:
	$(MVN) -q clean

# Lake targets (init, views, materialize, refresh, export, status, shell, ...).
-include make/lake.mk
