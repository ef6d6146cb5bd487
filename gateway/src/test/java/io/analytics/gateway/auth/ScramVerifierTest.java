package io.analytics.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramVerifierTest {
  /** RFC 7677 section 3: user "user", password "pencil". */
  private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  private static final String RFC_AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
      + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
      + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

  @Test
  void serverSignatureMatchesRfc7677() {
    ScramVerifier verifier = ScramVerifier.fromSaltedPassword(4096, RFC_SALT, ScramVerifier.saltedPassword("pencil", RFC_SALT, 4096));
    byte[] signature = ScramVerifier.hmac(verifier.serverKey(), RFC_AUTH_MESSAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  }

  @Test
  void clientProofOfRfc7677IsAcceptedByTheStoredKey() {
    ScramVerifier verifier = ScramVerifier.fromSaltedPassword(4096, RFC_SALT, ScramVerifier.saltedPassword("pencil", RFC_SALT, 4096));
    byte[] proof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    byte[] signature = ScramVerifier.hmac(verifier.storedKey(), RFC_AUTH_MESSAGE.getBytes(StandardCharsets.UTF_8));
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ signature[i]);
    }
    assertThat(ScramVerifier.sha256(clientKey)).isEqualTo(verifier.storedKey());
  }

  @Test
  void encodesAndParsesPostgresStoredForm() {
    ScramVerifier verifier = ScramVerifier.create("pencil", new SecureRandom());
    String stored = verifier.encode();
    assertThat(stored).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}");
    ScramVerifier parsed = ScramVerifier.parse(stored);
    assertThat(parsed.matches("pencil")).isTrue();
    assertThat(parsed.matches("pencil ")).isFalse();
  }

  @Test
  void saslPrepMapsNonAsciiSpacesAndNormalizes() {
    assertThat(SaslPrep.prepare("a\u00A0b")).isEqualTo("a b");
    assertThat(SaslPrep.prepare("I\u00ADX")).isEqualTo("IX");
    assertThat(SaslPrep.prepare("\u2168")).isEqualTo("IX");
    assertThat(SaslPrep.prepare("plain")).isEqualTo("plain");
  }

  @Test
  void rejectsGarbage() {
    assertThatThrownBy(() -> ScramVerifier.parse("md5abc")).isInstanceOf(ConfigException.class);
  }

  @Test
  void md5StoredFormMatchesPostgres() {
    // SELECT 'md5' || md5('secretpostgres'), as PostgreSQL stores password 'secret' of user postgres
    assertThat(Md5Passwords.stored("postgres", "secret")).isEqualTo("md553f48b7c4b76a86ce72276c5755f217d");
  }
}
