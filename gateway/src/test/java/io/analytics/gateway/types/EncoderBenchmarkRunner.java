package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EncoderBenchmark} with JMH when asked ({@code make jmh}, which sets {@code -Djmh=true});
 * in the normal suite it is skipped, since timings are never judged by tests. JMH forks its own JVM
 * with this test classpath and writes its table to the console and {@code target/jmh-encoders.csv}.
 */
class EncoderBenchmarkRunner {
  @Test
  @EnabledIfSystemProperty(named = "jmh", matches = "true", disabledReason = "JMH runs only with make jmh (-Djmh=true)")
  void encodersBenchmark() throws Exception {
    Path results = Path.of("target", "jmh-encoders.csv").toAbsolutePath();
    Options options = new OptionsBuilder()
        .include(EncoderBenchmark.class.getName())
        .jvmArgsAppend("--add-opens=java.base/java.nio=ALL-UNNAMED")
        .resultFormat(ResultFormatType.CSV)
        .result(results.toString())
        .build();
    Collection<RunResult> run = new Runner(options).run();
    assertThat(run).isNotEmpty();
    assertThat(Files.readString(results)).contains("EncoderBenchmark.text").contains("EncoderBenchmark.binary");
  }
}
