package io.analytics.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL runs it: the user name inside the SCRAM messages is
 * ignored (the startup packet's counts); over TLS, SCRAM-SHA-256-PLUS is offered too, binding the
 * login to the server certificate (tls-server-end-point); and an unknown user is
 * walked through the whole exchange with a salt derived from a server secret, so that probing names
 * learns nothing: it fails at the proof, with the same 28P01 as a wrong password.
 */
final class ScramAuthenticator implements Authenticator {
  static final String MECHANISM = "SCRAM-SHA-256";
  static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
  private static final String BINDING_TYPE = "tls-server-end-point";

  private enum State { START, EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE }

  private final String user;
  private final ScramVerifier verifier;
  private final boolean knownUser;
  private final SecureRandom random;
  private final byte[] channelBinding;
  private boolean bound;
  private State state = State.START;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  /** {@code verifier} is the user's, or a mock one (with {@code knownUser} false) for an unknown user. */
  ScramAuthenticator(String user, ScramVerifier verifier, boolean knownUser, SecureRandom random, byte[] channelBinding) {
    this.user = user;
    this.verifier = verifier;
    this.knownUser = knownUser;
    this.random = random;
    this.channelBinding = channelBinding == null ? null : channelBinding.clone();
  }

  @Override
  public AuthStep start() {
    state = State.EXPECT_CLIENT_FIRST;
    // A list of null-terminated names ending with an empty one; the strongest first, as PostgreSQL does.
    String names = (channelBinding != null ? MECHANISM_PLUS + "\0" : "") + MECHANISM + "\0\0";
    return new AuthStep.Challenge(10, names.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public AuthStep onPasswordMessage(byte[] body) {
    return switch (state) {
      case EXPECT_CLIENT_FIRST -> onClientFirst(body);
      case EXPECT_CLIENT_FINAL -> onClientFinal(new String(body, StandardCharsets.UTF_8));
      default -> throw AuthFailures.malformed("unexpected SASL message");
    };
  }

  private AuthStep onClientFirst(byte[] body) {
    ByteBuffer buffer = ByteBuffer.wrap(body);
    String mechanism = readCString(buffer);
    bound = MECHANISM_PLUS.equals(mechanism) && channelBinding != null;
    if (!MECHANISM.equals(mechanism) && !bound) {
      throw AuthFailures.malformed("client selected an invalid SASL authentication mechanism");
    }
    if (buffer.remaining() < 4) {
      throw AuthFailures.malformed("SASL initial response is missing");
    }
    int length = buffer.getInt();
    if (length < 0 || length != buffer.remaining()) {
      throw AuthFailures.malformed("SASL initial response length is wrong");
    }
    String clientFirst = StandardCharsets.UTF_8.decode(buffer).toString();
    parseClientFirst(clientFirst);
    byte[] serverNonce = new byte[18];
    random.nextBytes(serverNonce);
    serverFirst = "r=" + nonce + Base64.getEncoder().encodeToString(serverNonce) + ",s="
        + Base64.getEncoder().encodeToString(verifier.salt()) + ",i=" + verifier.iterations();
    nonce = serverFirst.substring(2, serverFirst.indexOf(','));
    state = State.EXPECT_CLIENT_FINAL;
    return new AuthStep.Challenge(11, serverFirst.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * gs2-header: "p=tls-server-end-point,," for SCRAM-SHA-256-PLUS; "n,," or "y,," otherwise, where
   * "y" (the client could bind but thinks we cannot) is a downgrade when we offered binding. Then
   * "n=user,r=client-nonce[,extensions]".
   */
  private void parseClientFirst(String message) {
    char binding = message.isEmpty() ? '?' : message.charAt(0);
    if (bound) {
      if (!message.startsWith("p=" + BINDING_TYPE + ",")) {
        throw AuthFailures.malformed("SCRAM-SHA-256-PLUS requires channel binding type " + BINDING_TYPE);
      }
    } else if (binding == 'p') {
      throw AuthFailures.malformed("client requires SCRAM channel binding, but it was not selected");
    } else if (binding == 'y' && channelBinding != null) {
      throw AuthFailures.malformed("SCRAM channel binding negotiation error: the server offered channel binding");
    } else if ((binding != 'n' && binding != 'y') || message.length() < 2 || message.charAt(1) != ',') {
      throw AuthFailures.malformed("unexpected channel-binding flag in SCRAM client-first-message");
    }
    int flagEnd = message.indexOf(',');
    int authzidEnd = message.indexOf(',', flagEnd + 1);
    if (authzidEnd < 0) {
      throw AuthFailures.malformed("SCRAM client-first-message is incomplete");
    }
    if (authzidEnd != flagEnd + 1) {
      throw AuthFailures.malformed("client uses authorization identity, but it is not supported");
    }
    gs2Header = message.substring(0, authzidEnd + 1);
    clientFirstBare = message.substring(authzidEnd + 1);
    String[] attributes = clientFirstBare.split(",", -1);
    if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
        || attributes[1].length() == 2) {
      throw AuthFailures.malformed("SCRAM client-first-message lacks a user name or nonce");
    }
    nonce = attributes[1].substring(2);
  }

  private AuthStep onClientFinal(String clientFinal) {
    state = State.DONE;
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) {
      throw AuthFailures.malformed("SCRAM client-final-message lacks a proof");
    }
    String withoutProof = clientFinal.substring(0, proofAt);
    String[] attributes = withoutProof.split(",", -1);
    if (attributes.length < 2 || !attributes[0].startsWith("c=") || !attributes[1].startsWith("r=")) {
      throw AuthFailures.malformed("SCRAM client-final-message is malformed");
    }
    byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
    byte[] expected = header;
    if (bound) {
      expected = new byte[header.length + channelBinding.length];
      System.arraycopy(header, 0, expected, 0, header.length);
      System.arraycopy(channelBinding, 0, expected, header.length, channelBinding.length);
    }
    String expectedBinding = Base64.getEncoder().encodeToString(expected);
    if (!MessageDigest.isEqual(attributes[0].substring(2).getBytes(StandardCharsets.US_ASCII),
        expectedBinding.getBytes(StandardCharsets.US_ASCII))) {
      throw AuthFailures.malformed("SCRAM channel binding check failed");
    }
    if (!attributes[1].substring(2).equals(nonce)) {
      throw AuthFailures.malformed("SCRAM nonce does not match");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      throw AuthFailures.malformed("SCRAM proof is not base64");
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    if (!knownUser || !proofMatches(proof, authMessage)) {
      throw AuthFailures.failed(user);
    }
    byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
    String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
    return new AuthStep.Success(serverFinal.getBytes(StandardCharsets.UTF_8));
  }

  private boolean proofMatches(byte[] proof, byte[] authMessage) {
    byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
    if (proof.length != clientSignature.length) {
      return false;
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    return MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
  }

  private static String readCString(ByteBuffer buffer) {
    int start = buffer.position();
    while (buffer.hasRemaining()) {
      if (buffer.get() == 0) {
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
      }
    }
    throw AuthFailures.malformed("SASL mechanism name is not terminated");
  }
}
