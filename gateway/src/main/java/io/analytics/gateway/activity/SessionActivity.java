package io.analytics.gateway.activity;

import java.time.Instant;

/**
 * What pg_stat_activity shows of one session at one moment.
 *
 * @param state PostgreSQL's words: active, idle, idle in transaction, idle in transaction (aborted)
 * @param query the statement running now, or the last one
 * @param queryStart when that statement started, or null before the first
 */
public record SessionActivity(
    int pid,
    String database,
    String user,
    String applicationName,
    String clientAddress,
    Instant backendStart,
    Instant transactionStart,
    Instant queryStart,
    String state,
    String query) {}
