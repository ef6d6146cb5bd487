-- A small trading system schema the gateway attaches as the source "trading".
CREATE TABLE orders (
  order_id bigint PRIMARY KEY,
  symbol text NOT NULL,
  side text NOT NULL CHECK (side IN ('BUY', 'SELL')),
  quantity integer NOT NULL CHECK (quantity > 0),
  limit_price numeric(18, 4),
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE fills (
  fill_id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (order_id),
  quantity integer NOT NULL,
  price numeric(18, 4) NOT NULL,
  filled_at timestamptz NOT NULL
);
INSERT INTO orders (order_id, symbol, side, quantity, limit_price, status, created_at, updated_at)
SELECT i, 'S' || lpad((i % 200)::text, 3, '0'), CASE WHEN i % 2 = 0 THEN 'BUY' ELSE 'SELL' END, 1 + i % 500,
       50 + (i % 1000) / 10.0, CASE WHEN i % 5 = 0 THEN 'OPEN' ELSE 'FILLED' END,
       timestamptz '2024-01-02 14:30:00+00' + i * interval '1 minute', timestamptz '2024-01-02 14:30:00+00' + i * interval '1 minute'
FROM generate_series(1, 5000) AS i;
INSERT INTO fills (fill_id, order_id, quantity, price, filled_at)
SELECT o.order_id, o.order_id, o.quantity, o.limit_price, o.created_at + interval '5 seconds'
FROM orders o WHERE o.status = 'FILLED';
