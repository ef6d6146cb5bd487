package io.analytics.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The repository's {@code ./analytics} launcher as an operator runs it: the real script, in a
 * process of its own, with stdin, stdout, stderr, environment and exit code. The jar it runs is a
 * stand-in built once per JVM whose manifest puts the classes under test on the class path, so the
 * script finds it up to date and does not build (a test must not run Maven).
 */
public final class Launcher {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static Path script;

  private Launcher() {}

  /** What one launcher run printed, and how it exited. */
  public record Run(int exitCode, String out, String err) {}

  /** {@code ./analytics --home HOME ARGS...} with nothing on stdin and no password in the environment. */
  public static Run run(Path home, String... args) throws IOException, InterruptedException {
    return run(home, "", Map.of(), args);
  }

  /** As above, with {@code stdin} typed in and {@code environment} added. */
  public static Run run(Path home, String stdin, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script().toString(), "--home", home.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
      builder.environment().remove("ANALYTICS_PASSWORD");
      builder.environment().remove("ANALYTICS_USER");
      builder.environment().remove("PGPASSWORD");
      builder.environment().putAll(environment);
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("./analytics " + String.join(" ", args) + " did not finish");
      }
      return new Run(process.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The launcher script copied beside a stand-in jar that is newer than the (empty) sources it checks. */
  private static synchronized Path script() {
    if (script != null) {
      return script;
    }
    try {
      Path repository = Files.createTempDirectory("launcher-repo");
      for (String sources : List.of("catalog/src", "engine/src", "gateway/src")) {
        Files.createDirectories(repository.resolve(sources));
      }
      Files.writeString(repository.resolve("pom.xml"), "");
      Path copy = Files.copy(REPOSITORY.resolve("analytics"), repository.resolve("analytics"), StandardCopyOption.COPY_ATTRIBUTES);
      Path jar = Files.createDirectories(repository.resolve("gateway/target")).resolve("analytics.jar");
      writeStandInJar(jar);
      // Newer than the sources by the script's -newer test, whatever the file system's time resolution.
      jar.toFile().setLastModified(System.currentTimeMillis() + 60_000);
      script = copy;
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeStandInJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, "io.analytics.gateway.cli.AnalyticsCli");
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.append(classPath.length() > 0 ? " " : "").append(Path.of(entry).toAbsolutePath().toUri());
    }
    attributes.put(Attributes.Name.CLASS_PATH, classPath.toString());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      // The manifest is the whole jar: every class comes from its class path.
    }
  }
}
