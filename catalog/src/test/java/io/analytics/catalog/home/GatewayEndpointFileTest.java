package io.analytics.catalog.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayEndpointFileTest {
  @TempDir Path dir;

  @Test
  void recordOfALiveProcessIsRead() {
    PlatformHome home = new PlatformHome(dir);
    GatewayEndpointFile.write(home, ProcessHandle.current().pid(), "127.0.0.1", 5433);
    assertThat(GatewayEndpointFile.read(home))
        .contains(new GatewayEndpointFile(ProcessHandle.current().pid(), "127.0.0.1", 5433));
  }

  @Test
  void recordOfADeadProcessCountsAsNoGateway() {
    PlatformHome home = new PlatformHome(dir);
    GatewayEndpointFile.write(home, Long.MAX_VALUE - 1, "127.0.0.1", 5433);
    assertThat(GatewayEndpointFile.read(home)).isEmpty();
  }

  @Test
  void missingOrGarbledFileCountsAsNoGatewayAndDeleteIsIdempotent() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    assertThat(GatewayEndpointFile.read(home)).isEmpty();
    Files.createDirectories(home.warehouseDir());
    Files.writeString(home.gatewayEndpointFile(), "{not json");
    assertThat(GatewayEndpointFile.read(home)).isEmpty();
    GatewayEndpointFile.delete(home);
    GatewayEndpointFile.delete(home);
    assertThat(home.gatewayEndpointFile()).doesNotExist();
  }
}
