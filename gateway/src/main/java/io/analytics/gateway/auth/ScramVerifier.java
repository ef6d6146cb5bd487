package io.analytics.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 password verifier in PostgreSQL's stored form {@code
 * SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}: enough to check a password, not to
 * recover it.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
  public static final int DEFAULT_ITERATIONS = 4096;
  private static final String PREFIX = "SCRAM-SHA-256$";

  public ScramVerifier {
    requireNonNull(salt, "salt is null");
    requireNonNull(storedKey, "storedKey is null");
    requireNonNull(serverKey, "serverKey is null");
  }

  /** A new verifier for a password, with a random 16-byte salt. */
  public static ScramVerifier create(String password, SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return fromSaltedPassword(DEFAULT_ITERATIONS, salt, saltedPassword(password, salt, DEFAULT_ITERATIONS));
  }

  static ScramVerifier fromSaltedPassword(int iterations, byte[] salt, byte[] saltedPassword) {
    byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
    return new ScramVerifier(iterations, salt, sha256(clientKey), serverKey);
  }

  public static ScramVerifier parse(String stored) {
    try {
      if (!stored.startsWith(PREFIX)) {
        throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
      }
      String[] parts = stored.substring(PREFIX.length()).split("\\$");
      String[] iterationsAndSalt = parts[0].split(":");
      String[] keys = parts[1].split(":");
      Base64.Decoder decoder = Base64.getDecoder();
      return new ScramVerifier(
          Integer.parseInt(iterationsAndSalt[0]),
          decoder.decode(iterationsAndSalt[1]),
          decoder.decode(keys[0]),
          decoder.decode(keys[1]));
    } catch (RuntimeException e) {
      throw new ConfigException("invalid SCRAM-SHA-256 verifier in users[].scramSha256: " + e.getMessage(), e);
    }
  }

  /** The stored form, as PostgreSQL writes it in pg_authid. */
  public String encode() {
    Base64.Encoder encoder = Base64.getEncoder();
    return PREFIX + iterations + ":" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(storedKey) + ":"
        + encoder.encodeToString(serverKey);
  }

  /** Whether a cleartext password matches (for the 'password' method). */
  public boolean matches(String password) {
    ScramVerifier candidate = fromSaltedPassword(iterations, salt, saltedPassword(password, salt, iterations));
    return MessageDigest.isEqual(candidate.storedKey, storedKey);
  }

  static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    try {
      char[] prepared = SaslPrep.prepare(password).toCharArray();
      PBEKeySpec spec = new PBEKeySpec(prepared, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
