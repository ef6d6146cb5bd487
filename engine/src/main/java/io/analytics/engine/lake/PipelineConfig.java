package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;

/**
 * What every pipeline is configured with: the platform home it works on and the platform
 * configuration (DuckDB's memory limit, threads and spill directory apply to its own DuckDB).
 */
public record PipelineConfig(PlatformHome home, PlatformConfig platform) {
  public PipelineConfig {
    requireNonNull(home, "home is null");
    requireNonNull(platform, "platform is null");
  }

  /** The home's configuration file (or the defaults) with the environment applied. */
  public static PipelineConfig forHome(PlatformHome home) {
    return new PipelineConfig(home, PlatformConfig.load(home.configFile(), System.getenv()));
  }
}
