package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.cache.CachedStatement;
import io.analytics.gateway.cache.SessionResultCache;

/**
 * The result cache on the extended protocol: an Execute that runs a whole portal of a cacheable
 * read (see {@link SessionResultCache}) outside a transaction is answered from memory while the
 * datasets it read are unchanged, keyed by the text, the bound parameters and the result formats.
 * An answer is recorded for audit, metrics and pg_stat_statements as any other execution.
 */
final class PortalResultCache {
  private final SessionResultCache cache;
  private final SessionContext context;

  PortalResultCache(SessionResultCache cache, SessionContext context) {
    this.cache = requireNonNull(cache, "cache is null");
    this.context = requireNonNull(context, "context is null");
  }

  /** The cache's view of executing {@code portal} now; NONE when a row limit or a transaction rules it out. */
  CachedStatement lookup(Portal portal, int maxRows) {
    TransactionState transactions = context.transactions();
    if (maxRows != 0 || portal.fields() == null || transactions.isOpen() || transactions.status() != TransactionStatus.IDLE
        || !(portal.plan() instanceof PreparedPlan.DuckDb)) {
      return CachedStatement.NONE;
    }
    return cache.portal(portal.plan().statement().sql(), portal.parameters(), RowDescriptions.formatsOf(portal.fields()),
        false, context.parameters()::all);
  }

  /** Writes the remembered answer and completes the portal; false on a miss (nothing written). */
  boolean answer(CachedStatement cached, Portal portal) {
    context.execution().begin(portal.plan().statement());
    long rows = context.receiver().cachedAnswer(cached);
    if (rows < 0) {
      return false;
    }
    portal.rowsSent(rows);
    context.execution().completed(portal.plan().statement(), rows);
    portal.complete();
    return true;
  }
}
