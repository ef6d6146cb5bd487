package io.analytics.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unknown user's mock SCRAM salt is the same after a restart, as a real user's is, so salts reveal no names. */
class MockSaltTest {
  @TempDir Path home;

  @Test
  void unknownUsersSaltSurvivesARestartAndTheSecretIsPrivate() throws Exception {
    PlatformConfig config = PlatformConfig.defaults().withUsers(List.of(
        new UserConfig("known", "analyst", ScramVerifier.create("pw", new SecureRandom()).encode(), null)));
    Path secretFile = home.resolve("config/server.secret");
    String before = saltOf(new AuthenticatorFactory(config, new SecureRandom(), ServerSecret.load(secretFile, new SecureRandom())), "nobody");
    String after = saltOf(new AuthenticatorFactory(config, new SecureRandom(), ServerSecret.load(secretFile, new SecureRandom())), "nobody");
    assertThat(after).isEqualTo(before);
    assertThat(saltOf(new AuthenticatorFactory(config, new SecureRandom(), ServerSecret.load(secretFile, new SecureRandom())), "other"))
        .isNotEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
    // Without the persisted secret (a new random one per start) the salt would change: the test can fail.
    assertThat(saltOf(new AuthenticatorFactory(config, new SecureRandom()), "nobody")).isNotEqualTo(before);
  }

  private static String saltOf(AuthenticatorFactory factory, String user) throws Exception {
    Authenticator authenticator = factory.forLogin(user, InetAddress.getLoopbackAddress());
    authenticator.start();
    byte[] clientFirst = "n,,n=,r=abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write("SCRAM-SHA-256".getBytes(StandardCharsets.US_ASCII));
    body.write(0);
    body.write(ByteBuffer.allocate(4).putInt(clientFirst.length).array());
    body.write(clientFirst);
    AuthStep step = authenticator.onPasswordMessage(body.toByteArray());
    String serverFirst = new String(((AuthStep.Challenge) step).payload(), StandardCharsets.UTF_8);
    for (String part : serverFirst.split(",")) {
      if (part.startsWith("s=")) {
        return part.substring(2);
      }
    }
    throw new AssertionError("no salt in " + serverFirst);
  }
}
