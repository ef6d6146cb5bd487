package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
  private static final class CountingTarget implements CancelTarget {
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public void cancelRunningStatement() {
      cancels.incrementAndGet();
    }

    @Override
    public void terminate() {}

    @Override
    public boolean isBusy() {
      return true;
    }
  }

  @Test
  void wrongKeysDoNothingAndAFloodFromOneAddressIsDropped() throws Exception {
    SessionRegistry registry = new SessionRegistry(5);
    CountingTarget target = new CountingTarget();
    SessionRegistry.KeyData key = registry.register(target, "alice");
    InetAddress attacker = InetAddress.getByName("10.0.0.66");
    InetAddress client = InetAddress.getByName("10.0.0.7");

    for (int guess = 0; guess < 5; guess++) {
      assertThat(registry.cancelFrom(attacker, key.processId(), key.secretKey() + 1 + guess)).isFalse();
    }
    // Over the limit, even the right key is ignored for this address...
    assertThat(registry.cancelFrom(attacker, key.processId(), key.secretKey())).isFalse();
    assertThat(target.cancels).hasValue(0);
    // ...while other addresses are not affected.
    assertThat(registry.cancelFrom(client, key.processId(), key.secretKey())).isTrue();
    assertThat(target.cancels).hasValue(1);
    assertThat(registry.sessionsOf("alice")).isEqualTo(1);
    registry.unregister(key);
    assertThat(registry.sessionsOf("alice")).isZero();
  }
}
