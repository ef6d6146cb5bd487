package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.types.SessionFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The session's run-time parameters as PostgreSQL clients see them through SET, SHOW, RESET and
 * ParameterStatus. Parameters DuckDB also understands (TimeZone, search_path) are mirrored into
 * DuckDB by the session; the rest only change how the gateway behaves or what it reports.
 */
public final class SessionParameters {

  /** One parameter: canonical name, default, whether changes are reported, and its validation. */
  record Definition(String name, String defaultValue, boolean reported, UnaryOperator<String> normalizer) {}

  private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();
  /** Parameters PostgreSQL lets only a superuser set (log_statement, ...): 42501 for other sessions. */
  private static final java.util.Set<String> SUPERUSER_ONLY = new java.util.HashSet<>();

  static {
    define("server_version", ServerVersion.VERSION, true, ParameterValues.readOnly("server_version"));
    define("server_version_num", ServerVersion.VERSION_NUM, false, ParameterValues.readOnly("server_version_num"));
    define("server_encoding", "UTF8", true, ParameterValues.readOnly("server_encoding"));
    define("client_encoding", "UTF8", true, ParameterValues::clientEncoding);
    define("DateStyle", "ISO, MDY", true, ParameterValues::dateStyle);
    define("IntervalStyle", "postgres", true, ParameterValues.onlyValue("IntervalStyle", "postgres"));
    define("TimeZone", "UTC", true, ParameterValues::timeZone);
    define("integer_datetimes", "on", true, ParameterValues.readOnly("integer_datetimes"));
    define("standard_conforming_strings", "on", true, ParameterValues.onlyValue("standard_conforming_strings", "on"));
    define("application_name", "", true, UnaryOperator.identity());
    define("is_superuser", "on", true, ParameterValues.readOnly("is_superuser"));
    define("session_authorization", "", true, ParameterValues.readOnly("session_authorization"));
    define("default_transaction_read_only", "off", true, ParameterValues::bool);
    define("in_hot_standby", "off", true, ParameterValues.readOnly("in_hot_standby"));
    define("search_path", "\"$user\", public", false, UnaryOperator.identity());
    define("statement_timeout", "0", false, ParameterValues::duration);
    define("lock_timeout", "0", false, ParameterValues::duration);
    define("idle_in_transaction_session_timeout", "0", false, ParameterValues::duration);
    define("idle_session_timeout", "0", false, ParameterValues::duration);
    define("extra_float_digits", "1", false, ParameterValues::extraFloatDigits);
    define("bytea_output", "hex", false, ParameterValues.onlyValue("bytea_output", "hex"));
    define("default_transaction_isolation", ParameterValues.ISOLATION_PROVIDED, false, ParameterValues::isolation);
    define("transaction_isolation", ParameterValues.ISOLATION_PROVIDED, false, ParameterValues::isolation);
    define("transaction_read_only", "off", false, ParameterValues::bool);
    define("default_transaction_deferrable", "off", false, ParameterValues::bool);
    define("escape_string_warning", "on", false, ParameterValues::bool);
    define("row_security", "on", false, ParameterValues::bool);
    define("jit", "off", false, ParameterValues::bool);
    define("max_identifier_length", "63", false, ParameterValues.readOnly("max_identifier_length"));
    define("lc_messages", "C", false, UnaryOperator.identity());
    define("lc_monetary", "C", false, UnaryOperator.identity());
    define("lc_numeric", "C", false, UnaryOperator.identity());
    define("lc_time", "C", false, UnaryOperator.identity());
    define("lc_collate", "C", false, ParameterValues.readOnly("lc_collate"));
    define("lc_ctype", "C", false, ParameterValues.readOnly("lc_ctype"));
    define("geqo", "on", false, ParameterValues::bool);
    define("role", "none", false, UnaryOperator.identity());
    define("max_connections", "500", false, ParameterValues.readOnly("max_connections"));
    define("block_size", "8192", false, ParameterValues.readOnly("block_size"));
    define("ssl", "off", false, ParameterValues.readOnly("ssl"));
    define("password_encryption", "scram-sha-256", false, UnaryOperator.identity());
    for (PgSettingsTable.Setting setting : PgSettingsTable.settings()) {
      if (definition(setting.name()).isEmpty()) {
        define(setting.name(), setting.defaultValue(), false, value -> PgSettingsTable.normalize(setting, value));
        if (setting.superuserOnly()) {
          SUPERUSER_ONLY.add(setting.name());
        }
      }
    }
  }

  /**
   * What a read replica reports as PostgreSQL's hot standby does, so that clients choosing a server
   * by it (pgjdbc's targetServerType, libpq's target_session_attrs) tell replicas from the writer.
   */
  private static final List<String> READ_ONLY_SERVER = List.of("in_hot_standby", "default_transaction_read_only", "transaction_read_only");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> sessionDefaults = new LinkedHashMap<>();
  /** The last format built, and the two settings it was built from (resolving a zone costs a regex). */
  private SessionFormat format;
  private String formatZone;
  private String formatFloatDigits;
  private final boolean readOnlyServer;
  /** {@link #all()} as of the last change: the result cache keys every statement by it. */
  private Map<String, String> snapshot;
  /** The statement_timeout text last parsed, and its milliseconds. */
  private String timeoutText;
  private long timeoutMillis;

  public SessionParameters(String user, boolean superuser) {
    this(user, superuser, false);
  }

  /** @param readOnlyServer whether the session is on a read replica: its transactions are read-only, whatever SET says */
  public SessionParameters(String user, boolean superuser, boolean readOnlyServer) {
    this.readOnlyServer = readOnlyServer;
    for (Definition definition : DEFINITIONS.values()) {
      values.put(definition.name(), defaultOf(definition));
    }
    values.put("session_authorization", user);
    values.put("is_superuser", superuser ? "on" : "off");
  }

  /**
   * Gives this session its own default for a parameter, as {@code ALTER ROLE ... SET} does in
   * PostgreSQL: the value it starts with and RESET returns to.
   */
  public void setSessionDefault(String name, String value) {
    Definition definition = definition(name).orElseThrow(() -> unknown(name));
    sessionDefaults.put(definition.name(), definition.normalizer().apply(value));
    snapshot = null;
    values.put(definition.name(), sessionDefaults.get(definition.name()));
  }

  private String defaultOf(Definition definition) {
    String sessionDefault = sessionDefaults.get(definition.name());
    if (sessionDefault != null) {
      return sessionDefault;
    }
    return readOnlyServer && READ_ONLY_SERVER.contains(definition.name()) ? "on" : definition.defaultValue();
  }

  /** The canonical definition for a (case-insensitive) name, if it is one PostgreSQL knows. */
  static Optional<Definition> definition(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("timezone")) {
      return Optional.of(DEFINITIONS.get("TimeZone"));
    }
    for (Definition definition : DEFINITIONS.values()) {
      if (definition.name().equalsIgnoreCase(lower)) {
        return Optional.of(definition);
      }
    }
    return Optional.empty();
  }

  /** Whether SET of this name is handled here (a known parameter or a custom "x.y" one). */
  public static boolean isKnown(String name) {
    return definition(name).isPresent() || name.indexOf('.') > 0;
  }

  /** Sets a parameter from a client; returns its canonical name. Applies the startup packet too. */
  public String set(String name, String value) {
    Optional<Definition> definition = definition(name);
    if (definition.isEmpty()) {
      if (name.indexOf('.') > 0) {
        snapshot = null;
        values.put(name.toLowerCase(Locale.ROOT), value);
        return name.toLowerCase(Locale.ROOT);
      }
      throw unknown(name);
    }
    String canonical = definition.get().name();
    if (SUPERUSER_ONLY.contains(canonical) && !"on".equals(values.get("is_superuser"))) {
      throw new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set parameter \"" + canonical + "\"");
    }
    String normalized = definition.get().normalizer().apply(value);
    if (readOnlyServer && READ_ONLY_SERVER.contains(canonical) && !normalized.equals("on")) {
      throw new PlatformException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot set transaction read-write mode: this gateway is a read replica");
    }
    snapshot = null;
    values.put(canonical, normalized);
    return canonical;
  }

  /** Restores a parameter's default; returns its canonical name. */
  public String reset(String name) {
    Optional<Definition> definition = definition(name);
    snapshot = null;
    if (definition.isEmpty()) {
      if (values.remove(name.toLowerCase(Locale.ROOT)) != null || name.indexOf('.') > 0) {
        return name.toLowerCase(Locale.ROOT);
      }
      throw unknown(name);
    }
    values.put(definition.get().name(), defaultOf(definition.get()));
    return definition.get().name();
  }

  /** Names of every settable parameter, for RESET ALL. */
  public List<String> settableNames() {
    List<String> names = new ArrayList<>();
    for (Definition definition : DEFINITIONS.values()) {
      if (!isReadOnly(definition)) {
        names.add(definition.name());
      }
    }
    return names;
  }

  private static boolean isReadOnly(Definition definition) {
    try {
      definition.normalizer().apply(definition.defaultValue());
      return false;
    } catch (PlatformException e) {
      return true;
    }
  }

  public String get(String name) {
    Optional<Definition> definition = definition(name);
    String key = definition.map(Definition::name).orElse(name.toLowerCase(Locale.ROOT));
    String value = values.get(key);
    if (value == null) {
      throw unknown(name);
    }
    return value;
  }

  /** The parameter's canonical name as SHOW labels its column. */
  public static String canonicalName(String name) {
    return definition(name).map(Definition::name).orElse(name.toLowerCase(Locale.ROOT));
  }

  public static boolean isReported(String canonicalName) {
    Definition definition = DEFINITIONS.get(canonicalName);
    return definition != null && definition.reported();
  }

  /** The parameters sent as ParameterStatus after authentication, in order. */
  public Map<String, String> reportedValues() {
    Map<String, String> reported = new LinkedHashMap<>();
    for (Definition definition : DEFINITIONS.values()) {
      if (definition.reported()) {
        reported.put(definition.name(), values.get(definition.name()));
      }
    }
    return reported;
  }

  /** All parameters and values, for SHOW ALL; the same immutable map until a parameter changes. */
  public Map<String, String> all() {
    if (snapshot == null) {
      snapshot = Map.copyOf(values);
    }
    return snapshot;
  }

  /** statement_timeout in milliseconds; read before every statement, so parsed once per value. */
  public long statementTimeoutMillis() {
    String text = values.get("statement_timeout");
    if (!text.equals(timeoutText)) {
      timeoutMillis = Long.parseLong(ParameterValues.milliseconds(text));
      timeoutText = text;
    }
    return timeoutMillis;
  }

  /** lock_timeout in milliseconds (0: wait without bound); SHOW gives it in PostgreSQL's units. */
  public long lockTimeoutMillis() {
    return Long.parseLong(ParameterValues.milliseconds(values.get("lock_timeout")));
  }

  public ZoneId timeZone() {
    return ParameterValues.zoneOf(values.get("TimeZone"));
  }

  /** The formats values are written in; kept while TimeZone and extra_float_digits stay as they are. */
  public SessionFormat format() {
    String zone = values.get("TimeZone");
    String floatDigits = values.get("extra_float_digits");
    if (format == null || !zone.equals(formatZone) || !floatDigits.equals(formatFloatDigits)) {
      format = new SessionFormat(ParameterValues.zoneOf(zone), Integer.parseInt(floatDigits));
      formatZone = zone;
      formatFloatDigits = floatDigits;
    }
    return format;
  }

  private static void define(String name, String defaultValue, boolean reported, UnaryOperator<String> normalizer) {
    DEFINITIONS.put(name, new Definition(name, defaultValue, reported, normalizer));
  }

  private static PlatformException unknown(String name) {
    return new PlatformException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
  }
}
