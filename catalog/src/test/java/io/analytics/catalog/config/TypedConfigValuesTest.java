package io.analytics.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings with a meaning beyond their text are parsed once, when the config is read, and written back as they were given. */
class TypedConfigValuesTest {
  @TempDir Path dir;

  private PlatformConfig read(String gatewayJson) throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"gateway\": " + gatewayJson + "}");
    return PlatformConfig.fromFile(file);
  }

  @Test
  void passwordMethodAndQueryMemoryAreTypedAndRoundTrip() throws Exception {
    PlatformConfig config = read("{\"passwordMethod\": \"md5\", \"limits\": {\"queryMemory\": \"512MB\"}}");
    assertThat(config.gateway().passwordMethod()).isEqualTo(PasswordMethod.MD5);
    assertThat(config.gateway().limits().queryMemory()).isEqualTo(new ByteSize("512MB", 512_000_000L));
    assertThat(config.gateway().limits().queryMemoryBytes()).isEqualTo(512_000_000L);
    Path again = dir.resolve("again.json");
    Files.writeString(again, config.toJson());
    assertThat(Files.readString(again)).contains("\"md5\"").contains("\"512MB\"");
    assertThat(PlatformConfig.fromFile(again)).isEqualTo(config);
  }

  @Test
  void defaultsAreScramAndNoQueryMemoryLimit() {
    assertThat(PlatformConfig.defaults().gateway().passwordMethod()).isEqualTo(PasswordMethod.SCRAM_SHA_256);
    assertThat(PlatformConfig.defaults().gateway().limits().queryMemory()).isNull();
    assertThat(PlatformConfig.defaults().gateway().limits().queryMemoryBytes()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> read("{\"passwordMethod\": \"trust\"}"))
        .hasMessageContaining("gateway.passwordMethod").hasMessageContaining("scram-sha-256, md5, password").hasMessageContaining("trust");
    assertThatThrownBy(() -> read("{\"limits\": {\"queryMemory\": \"lots\"}}"))
        .hasMessageContaining("gateway.limits.queryMemory").hasMessageContaining("lots");
  }
}
