package io.analytics.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL runs it: the user name inside the SCRAM messages is
 * ignored (the startup packet's counts), channel binding is not offered, and an unknown user is
 * walked through the whole exchange with a salt derived from a server secret, so that probing names
 * learns nothing: it fails at the proof, with the same 28P01 as a wrong password.
 */
final class ScramAuthenticator implements Authenticator {
  static final String MECHANISM = "SCRAM-SHA-256";

  private enum State { START, EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE }

  private final String user;
  private final ScramVerifier verifier;
  private final boolean knownUser;
  private final SecureRandom random;
  private State state = State.START;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  /** {@code verifier} is the user's, or a mock one (with {@code knownUser} false) for an unknown user. */
  ScramAuthenticator(String user, ScramVerifier verifier, boolean knownUser, SecureRandom random) {
    this.user = user;
    this.verifier = verifier;
    this.knownUser = knownUser;
    this.random = random;
  }

  @Override
  public AuthStep start() {
    state = State.EXPECT_CLIENT_FIRST;
    byte[] name = MECHANISM.getBytes(StandardCharsets.US_ASCII);
    byte[] mechanisms = new byte[name.length + 2];
    System.arraycopy(name, 0, mechanisms, 0, name.length);
    return new AuthStep.Challenge(10, mechanisms);
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
    if (!MECHANISM.equals(mechanism)) {
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

  /** gs2-header "n,," or "y,," (no channel binding), then "n=user,r=client-nonce[,extensions]". */
  private void parseClientFirst(String message) {
    char binding = message.isEmpty() ? '?' : message.charAt(0);
    if (binding == 'p') {
      throw AuthFailures.malformed("channel binding is not supported on this connection");
    }
    if ((binding != 'n' && binding != 'y') || message.length() < 2 || message.charAt(1) != ',') {
      throw AuthFailures.malformed("unexpected channel-binding flag in SCRAM client-first-message");
    }
    int authzidEnd = message.indexOf(',', 2);
    if (authzidEnd < 0) {
      throw AuthFailures.malformed("SCRAM client-first-message is incomplete");
    }
    if (authzidEnd != 2) {
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
    String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (!attributes[0].substring(2).equals(expectedBinding)) {
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
