package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code analytics serve} on a free port, its log read as it comes; closing it kills it (SIGKILL) if it still runs. */
final class ServeProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader log;
  private final List<String> lines = new ArrayList<>();

  private ServeProcess(Process process) {
    this.process = process;
    this.log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ServeProcess start(Path home) throws Exception {
    return new ServeProcess(TradeBatches.cliProcess(home, "serve", "--port", "0").start());
  }

  /** Reads the log up to a line containing {@code text}; returns when it was read (System.nanoTime, in ms). */
  long await(String text) throws Exception {
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      lines.add(line);
      if (line.contains(text)) {
        return System.nanoTime() / 1_000_000;
      }
    }
    throw new AssertionError("serve ended before logging \"" + text + "\": " + String.join("\n", lines));
  }

  /** SIGKILL: no shutdown hook, no checkpoint, no cleanup. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
    // Drains what is left so the log pipe never holds the process up.
    log.close();
  }
}
