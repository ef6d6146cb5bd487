-- target: silver.features
-- format: parquet
-- Daily features per symbol: return, 20-day volatility and average volume, VWAP and trade count.
WITH daily_trades AS (
    SELECT symbol, date, sum(quantity * price) / sum(quantity) AS vwap, count(*) AS trade_count
    FROM bronze.trades
    GROUP BY symbol, date
),
bars AS (
    SELECT
        p.symbol,
        p.date,
        p.close,
        p.volume,
        p.close / lag(p.close) OVER (PARTITION BY p.symbol ORDER BY p.date) - 1 AS daily_return
    FROM bronze.prices AS p
)
SELECT
    b.date,
    b.symbol,
    CAST(b.close AS DECIMAL(18,4)) AS close,
    CAST(b.daily_return AS DOUBLE) AS daily_return,
    stddev_samp(b.daily_return) OVER w20 AS volatility_20d,
    avg(b.volume) OVER w20 AS avg_volume_20d,
    CAST(t.vwap AS DECIMAL(18,4)) AS vwap,
    coalesce(t.trade_count, 0) AS trade_count
FROM bars AS b
LEFT JOIN daily_trades AS t USING (symbol, date)
WINDOW w20 AS (PARTITION BY b.symbol ORDER BY b.date ROWS BETWEEN 19 PRECEDING AND CURRENT ROW)
ORDER BY b.date, b.symbol
