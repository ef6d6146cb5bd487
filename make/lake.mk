# Lake targets, included by the main Makefile (`include make/lake.mk`).
# HOME_DIR is the platform home (default: the repository root); ANALYTICS is the launcher.
HOME_DIR ?= .
ANALYTICS ?= ./analytics
PGHOST_ADDR ?= 127.0.0.1
PGPORT_NUM ?= $(or $(PORT),5433)

.PHONY: init demo views materialize refresh migrate export status shell

init: ## Create the platform layout, default config and example SQL (add DEMO=1 for the demo lake)
	$(ANALYTICS) --home $(HOME_DIR) init $(if $(DEMO),--demo,)

demo: ## Create the layout and write the demo lake
	$(ANALYTICS) --home $(HOME_DIR) init --demo

views: ## Apply sql/views/ to the warehouse
	$(ANALYTICS) --home $(HOME_DIR) views

materialize: ## Run sql/materializations/
	$(ANALYTICS) --home $(HOME_DIR) materialize

refresh: ## Views, then materializations
	$(ANALYTICS) --home $(HOME_DIR) refresh

migrate: ## Apply pending sql/migrations/
	$(ANALYTICS) --home $(HOME_DIR) migrate

# make export QUERY="SELECT ..." TABLE=name [LAYER=gold]
export: ## Write a query's result as a gold dataset
	@test -n "$(QUERY)" -a -n "$(TABLE)" || { echo 'usage: make export QUERY="SELECT ..." TABLE=name [LAYER=gold]'; exit 2; }
	$(ANALYTICS) --home $(HOME_DIR) export --query "$(QUERY)" --table $(TABLE) --layer $(or $(LAYER),gold)

status: ## Layers, datasets, warehouse, gateway and Postgres sources
	$(ANALYTICS) --home $(HOME_DIR) status

# Through the home's socket when the gateway serves one (its owner needs no password), else over TCP.
shell: ## Interactive SQL: psql against the gateway when psql exists (PORT=... for another port)
	@if command -v psql >/dev/null 2>&1; then \
	  if [ -S "$(HOME_DIR)/run/.s.PGSQL.$(PGPORT_NUM)" ]; then host="$(abspath $(HOME_DIR))/run"; else host="$(PGHOST_ADDR)"; fi; \
	  exec psql "host=$$host port=$(PGPORT_NUM) dbname=analytics user=$${PGUSER:-analytics}"; \
	else \
	  echo "psql not found; running queries with: $(ANALYTICS) query 'SQL'"; \
	  printf 'analytics> '; \
	  while IFS= read -r line; do [ -n "$$line" ] && $(ANALYTICS) --home $(HOME_DIR) query "$$line"; printf 'analytics> '; done; \
	fi
