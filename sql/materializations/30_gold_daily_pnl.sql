-- target: gold.daily_pnl
-- format: parquet
-- Daily PnL per symbol (PnLSchema): yesterday's position marked from yesterday's close to today's
-- (position_pnl) plus today's trades marked to today's close (trading_pnl).
WITH trade_days AS (
    SELECT
        symbol,
        date,
        sum(CASE side WHEN 'BUY' THEN quantity ELSE -quantity END) AS net_quantity,
        sum(CASE side WHEN 'BUY' THEN quantity ELSE -quantity END * price) AS net_cost,
        sum(quantity * price) AS traded_notional,
        count(*) AS trade_count
    FROM bronze.trades
    GROUP BY symbol, date
),
days AS (
    SELECT
        p.date,
        p.symbol,
        p.close,
        coalesce(t.net_quantity, 0) AS net_quantity,
        coalesce(t.net_quantity * p.close - t.net_cost, 0) AS trading_pnl,
        coalesce(t.traded_notional, 0) AS traded_notional,
        coalesce(t.trade_count, 0) AS trade_count,
        sum(coalesce(t.net_quantity, 0)) OVER w AS position,
        lag(p.close) OVER (PARTITION BY p.symbol ORDER BY p.date) AS previous_close
    FROM bronze.prices AS p
    LEFT JOIN trade_days AS t USING (symbol, date)
    WINDOW w AS (PARTITION BY p.symbol ORDER BY p.date ROWS UNBOUNDED PRECEDING)
),
pnl AS (
    SELECT
        *,
        CAST(coalesce((position - net_quantity) * (close - previous_close), 0) AS DECIMAL(18,4)) AS position_pnl_d,
        CAST(trading_pnl AS DECIMAL(18,4)) AS trading_pnl_d
    FROM days
)
SELECT
    date,
    CAST(NULL AS VARCHAR) AS account,
    symbol,
    CAST(position AS DECIMAL(18,4)) AS position,
    CAST(close AS DECIMAL(18,4)) AS close_price,
    position_pnl_d AS position_pnl,
    trading_pnl_d AS trading_pnl,
    CAST(position_pnl_d + trading_pnl_d AS DECIMAL(18,4)) AS total_pnl,
    CAST(traded_notional AS DECIMAL(18,4)) AS traded_notional,
    CAST(trade_count AS BIGINT) AS trade_count
FROM pnl
ORDER BY date, symbol
