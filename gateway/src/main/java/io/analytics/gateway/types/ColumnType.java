package io.analytics.gateway.types;

/** A Postgres type plus its type modifier. */
public record ColumnType(PgType type, int typmod) {}
