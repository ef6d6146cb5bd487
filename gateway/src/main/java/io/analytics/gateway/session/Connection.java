package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.auth.AuthStep;
import io.analytics.gateway.auth.Authenticator;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.protocol.FrontendMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, read top to bottom as a state machine: STARTUP (encryption requests,
 * cancel requests, the startup packet) → AUTHENTICATING → READY (a {@link Session} answers queries)
 * → CLOSED. Every message is handled on the connection's own serial executor, never on Netty's event
 * loop.
 */
public final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private enum Phase {
    STARTUP,
    AUTHENTICATING,
    READY,
    CLOSED
  }

  private final GatewayServices services;
  private final BackendOutput output;
  /** The greeting's first message and fatal errors, said as the session says its answers. */
  private final ResultReceiver answers;
  private final InetAddress clientAddress;
  private final ScheduledFuture<?> authenticationDeadline;
  private final java.util.concurrent.Executor serial;
  private Phase phase = Phase.STARTUP;
  private FrontendMessage.Startup startup;
  private Authenticator authenticator;
  /** Whether TLS was started on this connection (after an SSLRequest). */
  private boolean encrypted;
  private long openedNanos;
  private volatile Session session;
  private final io.analytics.gateway.auth.LocalPeer peer;

  public Connection(
      GatewayServices services, BackendOutput output, InetAddress clientAddress, java.util.concurrent.Executor serial) {
    this(services, output, clientAddress, serial, io.analytics.gateway.auth.LocalPeer.NONE);
  }

  /** @param peer who is at the other end of a Unix-domain socket (its home owner needs no password) */
  public Connection(GatewayServices services, BackendOutput output, InetAddress clientAddress,
      java.util.concurrent.Executor serial, io.analytics.gateway.auth.LocalPeer peer) {
    this.peer = requireNonNull(peer, "peer is null");
    this.services = requireNonNull(services, "services is null");
    this.output = requireNonNull(output, "output is null");
    this.answers = new WireReceiver(output);
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
    this.serial = requireNonNull(serial, "serial is null");
    this.authenticationDeadline =
        services.timers().schedule(
            () -> serial.execute(this::authenticationTimedOut), services.config().gateway().authenticationTimeoutSeconds(), TimeUnit.SECONDS);
  }

  /** Handles one decoded message; runs on the connection's serial executor. */
  public void handle(FrontendMessage message) {
    try {
      switch (phase) {
        case STARTUP -> handleStartupPhase(message);
        case AUTHENTICATING -> handleAuthentication(message);
        case READY -> {
          if (!session.handle(message)) {
            close();
          }
        }
        case CLOSED -> {
          // The connection is ending; anything still queued is dropped.
        }
      }
    } catch (RuntimeException e) {
      fatal(ErrorReporter.toPlatform(e));
    }
  }

  /**
   * Answers a Query from the result cache on the calling thread (the event loop, holding the serial
   * executor) if the session may without running anything (see SimpleQueryHandler#answerFromMemory);
   * false, having done nothing, when the query must take the usual path.
   */
  public boolean answerFromMemory(FrontendMessage.Query query) {
    Session current = session;
    return phase == Phase.READY && current != null && current.answerFromMemory(query.sql());
  }

  /** Answers a protocol violation found while decoding: FATAL 08P01, then close. */
  public void protocolViolation(PlatformException error) {
    fatal(error);
  }

  /** Called when the socket closed: stops any running query at once and frees the session. */
  public void disconnected() {
    Session current = session;
    if (current != null) {
      current.clientGone();
    }
  }

  /** Frees everything the connection holds; runs on the serial executor after disconnect. */
  public void release() {
    authenticationDeadline.cancel(false);
    Session current = session;
    session = null;
    phase = Phase.CLOSED;
    if (current != null) {
      current.close();
      services.monitoring().audit().connectionClosed(startup.parameters().get("user"), clientAddress, (System.nanoTime() - openedNanos) / 1_000_000);
      services.monitoring().metrics().connectionClosed(startup.parameters().get("user"));
    }
    output.discard();
  }

  private void handleStartupPhase(FrontendMessage message) {
    if (message instanceof FrontendMessage.SslRequest && services.logins().tls() != null && !encrypted) {
      encrypted = true;
      output.startTls(services.logins().tls().context());
    } else if (message instanceof FrontendMessage.SslRequest || message instanceof FrontendMessage.GssEncRequest) {
      refuseEncryption();
    } else if (message instanceof FrontendMessage.CancelRequest cancel) {
      services.registry().cancelFrom(clientAddress, cancel.processId(), cancel.secretKey());
      close();
    } else if (message instanceof FrontendMessage.Terminate) {
      close(); // a client that gives up before its startup packet is let go quietly, as PostgreSQL does
    } else if (message instanceof FrontendMessage.Startup startupMessage) {
      startAuthentication(startupMessage);
    } else {
      throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "expected a startup message");
    }
  }

  private void refuseEncryption() {
    output.buffer().writeByte('N');
    output.flush();
  }

  private void startAuthentication(FrontendMessage.Startup startupMessage) {
    this.startup = startupMessage;
    negotiateProtocolVersion(startupMessage);
    String user = startupMessage.parameters().get("user");
    if (user == null || user.isEmpty()) {
      throw new PlatformException(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no PostgreSQL user name specified in startup packet");
    }
    if (services.logins().tls() != null && services.logins().tls().required() && !encrypted && !peer.viaSocket()) {
      throw new PlatformException(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "connection without TLS refused (gateway.tls.required): connect with sslmode=require");
    }
    if (services.registry().size() >= services.config().gateway().maxConnections()) {
      throw new PlatformException(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
    }
    byte[] channelBinding = encrypted ? services.logins().tls().endPointBinding() : null;
    authenticator = peer.homeOwner() ? io.analytics.gateway.auth.LocalPeer.ownerAuthenticator()
        : services.logins().authenticators().forLogin(user, clientAddress, channelBinding);
    phase = Phase.AUTHENTICATING;
    advance(authenticator.start());
  }

  /** A client asking for a newer minor version or for protocol options gets told what we speak. */
  private void negotiateProtocolVersion(FrontendMessage.Startup startupMessage) {
    List<String> unsupported = new ArrayList<>();
    for (String name : startupMessage.parameters().keySet()) {
      if (name.startsWith("_pq_.")) {
        unsupported.add(name);
      }
    }
    if (startupMessage.minorVersion() > 0 || !unsupported.isEmpty()) {
      BackendMessages.negotiateProtocolVersion(output.buffer(), 0, unsupported);
    }
  }

  private void handleAuthentication(FrontendMessage message) {
    if (!(message instanceof FrontendMessage.PasswordMessage password)) {
      throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "expected a password message during authentication");
    }
    if (!services.logins().authenticators().admitGuess(clientAddress)) {
      PlatformException throttled = new PlatformException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "too many failed logins from this address; try again in a minute");
      services.monitoring().audit().loginFailed(startup.parameters().get("user"), clientAddress, throttled.getMessage());
      LOG.warn("login from {} refused unchecked: too many failed logins from this address", clientAddress.getHostAddress());
      fatal(throttled);
      return;
    }
    AuthStep step;
    try {
      step = authenticator.onPasswordMessage(password.body());
    } catch (PlatformException e) {
      if (e.sqlState() != SqlState.INVALID_PASSWORD) {
        throw e;
      }
      failedLogin(e);
      return;
    }
    // Accepted (or, for SCRAM's first message, not yet a guess: only its proof is one).
    services.logins().authenticators().guessSucceeded(clientAddress);
    advance(step);
  }

  /** Logs and answers a failed login; it was counted against the address before it was checked. */
  private void failedLogin(PlatformException error) {
    services.monitoring().audit().loginFailed(startup.parameters().get("user"), clientAddress, error.getMessage());
    LOG.warn("failed login from {} for user {}: {}", clientAddress.getHostAddress(), startup.parameters().get("user"),
        error.getMessage());
    fatal(error);
  }

  private void advance(AuthStep step) {
    if (step instanceof AuthStep.Challenge challenge) {
      BackendMessages.authentication(output.buffer(), challenge.code(), challenge.payload());
      output.flush();
    } else if (step instanceof AuthStep.Success success) {
      if (success.finalMessage() != null) {
        BackendMessages.authentication(output.buffer(), 12, success.finalMessage());
      }
      answers.authenticationOk();
      authenticationDeadline.cancel(false);
      openSession();
    }
  }

  private void openSession() {
    Map<String, String> parameters = startup.parameters();
    String user = parameters.get("user");
    int perUser = services.config().gateway().limits().maxConnectionsPerUser();
    if (perUser > 0 && services.registry().sessionsOf(user) >= perUser) {
      throw new PlatformException(SqlState.TOO_MANY_CONNECTIONS, "too many connections for role \"" + user + "\"");
    }
    int reserved = services.config().gateway().limits().reservedAdminConnections();
    if (reserved > 0 && !io.analytics.gateway.security.Role.forLogin(services.config(), user).administers()
        && services.registry().size() >= services.config().gateway().maxConnections() - reserved) {
      throw new PlatformException(SqlState.TOO_MANY_CONNECTIONS,
          "remaining connection slots are reserved for roles with the admin role");
    }
    String database = parameters.getOrDefault("database", user);
    Session opened = new Session(services, output, serial, user, database, clientAddress, peer.homeOwner());
    openedNanos = System.nanoTime();
    services.monitoring().metrics().connectionOpened(user);
    services.monitoring().audit().connectionOpened(user, clientAddress, parameters.getOrDefault("application_name", ""), encrypted,
        opened.role().sqlName());
    session = opened;
    phase = Phase.READY;
    opened.start(parameters);
    LOG.debug("session {} opened for user {} from {}", opened.processId(), user, clientAddress);
  }

  private void authenticationTimedOut() {
    if (phase == Phase.STARTUP || phase == Phase.AUTHENTICATING) {
      LOG.info("dropping connection from {}: not authenticated in time", clientAddress);
      fatal(new PlatformException(SqlState.PROTOCOL_VIOLATION, "canceling authentication due to timeout"));
    }
  }

  private void fatal(PlatformException error) {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    answers.fatal(error);
  }

  private void close() {
    phase = Phase.CLOSED;
    output.flushAndClose();
  }
}
