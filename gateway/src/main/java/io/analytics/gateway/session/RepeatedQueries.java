package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.cache.CachedStatement;
import io.analytics.gateway.sql.SqlStatement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session's remembered verdicts on Query texts that the usual path checked in full and found
 * answerable by the result cache: split into one statement, not a command the gateway answers,
 * allowed by the role guard and the read-only checks, cacheable. The guard's verdict depends on the
 * text, the login's role (fixed for the session), the session's settings (search_path,
 * transaction_read_only, ...) and the catalog its lookups read; so a verdict is used again only for
 * the same text, the same settings snapshot ({@link SessionParameters#all()} is one object until a
 * setting changes) and an unchanged catalog ({@code CatalogChanges}), outside any transaction.
 * Anything else takes the usual path, which checks again.
 */
final class RepeatedQueries {
  private static final int REMEMBERED = 256;

  /** What the usual path decided for a text, and the state it decided in. */
  record Verdict(SqlStatement statement, CachedStatement cached, Map<String, String> settings, long catalogVersion) {
    Verdict {
      requireNonNull(statement, "statement is null");
      requireNonNull(cached, "cached is null");
      requireNonNull(settings, "settings is null");
    }
  }

  private final Map<String, Verdict> verdicts = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** Remembers that {@code text} passed every check as {@code statement}, with settings and catalog as now. */
  void remember(String text, SqlStatement statement, CachedStatement cached, Map<String, String> settings, long catalogVersion) {
    verdicts.put(text, new Verdict(statement, cached, settings, catalogVersion));
  }

  /** The verdict on {@code text} if it was reached with these very settings and this catalog; else null. */
  Verdict verdict(String text, Map<String, String> settings, long catalogVersion) {
    Verdict verdict = verdicts.get(text);
    if (verdict == null) {
      return null;
    }
    if (verdict.settings() != settings || verdict.catalogVersion() != catalogVersion) {
      verdicts.remove(text);
      return null;
    }
    return verdict;
  }
}
