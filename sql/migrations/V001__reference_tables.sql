-- Reference data kept in the warehouse: trading venues.
CREATE SCHEMA IF NOT EXISTS ref;

CREATE TABLE ref.venues (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL
);

INSERT INTO ref.venues VALUES
    ('XNYS', 'New York Stock Exchange', 'US'),
    ('XNAS', 'Nasdaq', 'US'),
    ('BATS', 'Cboe BZX', 'US'),
    ('IEXG', 'Investors Exchange', 'US');
