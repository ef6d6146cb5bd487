package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README and docs/ stay true: the help README shows is the CLI's, and every link leads somewhere. */
class ReadmeTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void readmeShowsTheCurrentHelpOfIngest() throws Exception {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    CliRun help = CliRun.of("ingest", "--help");
    assertThat(readme).contains("$ ./analytics ingest --help\n" + help.out());
    assertThat(readme).contains("make run").contains("make test");
  }

  @Test
  void everyRelativeLinkOfReadmeAndDocsLeadsToAFileAndHeading() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
    try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        Path file = hash == 0 ? page : page.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
        if (!Files.exists(file)) {
          broken.add(REPOSITORY.relativize(page) + ": " + target);
        } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(REPOSITORY.relativize(page) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  private static List<String> anchors(Path markdown) throws Exception {
    List<String> anchors = new ArrayList<>();
    boolean fence = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        fence = !fence;
      } else if (!fence && line.matches("^#{1,6} .*")) {
        anchors.add(line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT).replaceAll("[^\\w\\- ]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
