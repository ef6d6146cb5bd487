-- target: silver.positions
-- format: parquet
-- End-of-day position per symbol (PositionSchema): cumulative signed quantity, average buy price
-- so far, and the position marked to the day's close.
WITH flows AS (
    SELECT
        symbol,
        date,
        sum(CASE side WHEN 'BUY' THEN quantity ELSE -quantity END) AS net_quantity,
        sum(CASE side WHEN 'BUY' THEN quantity ELSE 0 END) AS bought,
        sum(CASE side WHEN 'BUY' THEN quantity * price ELSE 0 END) AS bought_cost
    FROM bronze.trades
    GROUP BY symbol, date
),
running AS (
    SELECT
        p.date,
        p.symbol,
        p.close,
        sum(coalesce(f.net_quantity, 0)) OVER w AS quantity,
        sum(coalesce(f.bought, 0)) OVER w AS bought,
        sum(coalesce(f.bought_cost, 0)) OVER w AS bought_cost
    FROM bronze.prices AS p
    LEFT JOIN flows AS f USING (symbol, date)
    WINDOW w AS (PARTITION BY p.symbol ORDER BY p.date ROWS UNBOUNDED PRECEDING)
)
SELECT
    date,
    CAST(NULL AS VARCHAR) AS account,
    symbol,
    CAST(quantity AS DECIMAL(18,4)) AS quantity,
    CAST(bought_cost / nullif(bought, 0) AS DECIMAL(18,4)) AS avg_cost,
    CAST(close AS DECIMAL(18,4)) AS market_price,
    CAST(quantity * close AS DECIMAL(18,4)) AS market_value
FROM running
ORDER BY date, symbol
