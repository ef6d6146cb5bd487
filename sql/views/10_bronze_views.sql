-- Views over the bronze layer, applied to the warehouse by `analytics views` (and `refresh`).
-- Pipelines (materialize, export) apply them too, in their own DuckDB.

-- Every trade with its signed quantity and notional value.
CREATE OR REPLACE VIEW bronze.trades_enriched AS
SELECT
    t.*,
    CASE t.side WHEN 'BUY' THEN t.quantity ELSE -t.quantity END AS signed_quantity,
    t.quantity * t.price AS notional
FROM bronze.trades AS t;

-- The latest daily bar of each symbol.
CREATE OR REPLACE VIEW bronze.latest_prices AS
SELECT symbol, date, close, volume
FROM bronze.prices
QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY date DESC) = 1;
