-- Position limits per symbol; '*' is the default for symbols without their own row.
CREATE TABLE ref.desk_limits (
    symbol VARCHAR PRIMARY KEY,
    max_position DECIMAL(18,4) NOT NULL CHECK (max_position > 0)
);

INSERT INTO ref.desk_limits VALUES ('*', 50000);
