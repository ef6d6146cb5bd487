package io.analytics.gateway.types;

/** One PostgreSQL type (temporary stand-in until the full type registry lands). */
public record PgType(int oid, String name, short typlen, int arrayOid, int elementOid, char category, boolean byValue, char delimiter) {}
