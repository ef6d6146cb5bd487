package io.analytics.gateway.session;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.gateway.activity.StatementStatistics;
import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.cache.ResultCache;
import io.analytics.gateway.cache.SessionResultCache;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.security.StatementGuard;
import io.analytics.gateway.admission.AdmissionControl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;

/**
 * The simple and extended query handlers wired to an in-memory DuckDB, without a socket, a server
 * or authentication: what the handlers answer is read back as backend messages from an embedded
 * Netty channel, or recorded by a receiver of the test's own.
 */
final class QueryHandlers implements AutoCloseable {
  /** One backend message: its type byte and body. */
  record Message(char type, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final RootAllocator allocator = new RootAllocator();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  final EngineSession engine;
  final BackendOutput output = new BackendOutput(channel);
  final TransactionState transactions;
  final Portals portals = new Portals();
  final PreparedStatements statements = new PreparedStatements();
  final SimpleQueryHandler simple;
  final ClientQueryPreparer preparer;
  final ExtendedQueryHandler extended;
  private int readyCount;

  /** Handlers that answer in backend messages, read back with {@link #written()}. */
  QueryHandlers(Path lake) throws Exception {
    this(lake, null);
  }

  /** Handlers that deliver their answers to {@code receiver} (null: the wire receiver). */
  QueryHandlers(Path lake, ResultReceiver receiver) throws Exception {
    ResultReceiver answers = receiver == null ? new WireReceiver(output) : receiver;
    engine = new EngineSession((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"), allocator, 100);
    SessionParameters parameters = new SessionParameters("tester", true);
    SessionCommands commands = new SessionCommands(parameters, engine, answers);
    InetAddress client = InetAddress.getLoopbackAddress();
    StatementExecution execution = new StatementExecution(engine, timers, new AdmissionControl(0, 1000, waited -> { }),
        new StatementLog(new AuditLog(), new GatewayMetrics(), new StatementStatistics(), 0, "tester", client), parameters::statementTimeoutMillis);
    ClientQueryPreparer[] preparer = new ClientQueryPreparer[1];
    transactions = new TransactionState(engine, new NoOpTransactionListener() {
      @Override
      public void ending() {
        portals.closeTransactionPortals();
      }

      @Override
      public void ended(boolean committed) {
        preparer[0].transactionEnded(committed);
      }
    });
    preparer[0] = new ClientQueryPreparer(engine, PlatformConfig.defaults(), new PlatformHome(lake),
        new SessionValueCalls.Values(parameters, "lake", "tester"), "lake", List::of, portals::declaredCursors, sql -> { },
        new StatementStatistics(), "tester", true, statement -> true);
    SessionGuard guard = new SessionGuard(new StatementGuard(Role.ADMIN, lake, new SessionCatalogLookup(engine), () -> "main"),
        false, execution, "tester", client, statement -> { }, sql -> sql);
    SessionContext context = new SessionContext(answers, engine, parameters, commands, execution, transactions, portals,
        statements, preparer[0], guard);
    StatementRunner runner = new StatementRunner(context, new StatementRunner.Hooks() {
      @Override
      public void beforeRunning(SqlStatement statement) {
      }

      @Override
      public void executed(SqlStatement statement, PreparedQuery query, List<Object> values, QueryResult result) {
      }

      @Override
      public boolean runTransactionCommand(SessionCommand command) {
        return false;
      }

      @Override
      public void notifyChannel(String channel, String payload) {
      }

      @Override
      public void parsing(boolean parsing) {
      }

      @Override
      public void commandRan() {
      }
    });
    CopyHandler copy = new CopyHandler(engine, answers, lake.resolve("copy-tmp"), execution);
    simple = new SimpleQueryHandler(context, runner, copy, () -> { }, new SimpleQueryHandler.Replies() {
      @Override
      public void readyForQuery() {
        readyCount++;
      }

      @Override
      public void error(RuntimeException e) {
        answers.error(ErrorReporter.toPlatform(e), 0);
      }

      @Override
      public void copiedIn() {
      }
    }, new SessionResultCache(ResultCache.disabled(), engine::parseTree, "admin", "tester"));
    extended = new ExtendedQueryHandler(context, runner, new ResultShapes(engine), () -> { },
        new PortalResultCache(new SessionResultCache(ResultCache.disabled(), engine::parseTree, "admin", "tester"), context));
    this.preparer = preparer[0];
  }

  /** How many times a query ended with ReadyForQuery. */
  int readyCount() {
    return readyCount;
  }

  /** Everything the handlers wrote since the last call, as messages. */
  List<Message> written() {
    output.flush();
    List<Message> messages = new ArrayList<>();
    ByteBuf buffer;
    while ((buffer = channel.readOutbound()) != null) {
      try {
        while (buffer.isReadable()) {
          char type = (char) buffer.readByte();
          byte[] body = new byte[buffer.readInt() - 4];
          buffer.readBytes(body);
          messages.add(new Message(type, body));
        }
      } finally {
        buffer.release();
      }
    }
    return messages;
  }

  /** The message types written since the last call, e.g. "TDCZ". */
  String writtenTypes() {
    StringBuilder types = new StringBuilder();
    written().forEach(message -> types.append(message.type()));
    return types.toString();
  }

  @Override
  public void close() {
    portals.closeAll();
    statements.closeAll();
    engine.close();
    timers.shutdownNow();
    channel.finishAndReleaseAll();
    allocator.close();
  }
}
