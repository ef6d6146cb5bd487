package io.analytics.gateway.security;

/** A table or view a SELECT reads, as written: schema (empty when unqualified) and name. */
record TableReference(String schema, String name) {
  String qualified() {
    return schema.isEmpty() ? name : schema + "." + name;
  }
}
