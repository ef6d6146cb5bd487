package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered, named translations a client statement goes through, from PostgreSQL's dialect to the
 * text DuckDB prepares, declared in one list (see {@link ClientQueryPreparer#stages}). A new
 * translation is a new stage in that list, with a test of its own, not another call in between.
 */
final class StatementPipeline {
  /** One translation: returns the statement unchanged when it does not apply. */
  @FunctionalInterface
  interface Translation {
    /** @param declaredTypes the parameter types the client declared in Parse (none for a simple query) */
    SqlStatement apply(SqlStatement statement, List<Integer> declaredTypes);
  }

  /** A translation and the name it is known by in tests and documentation. */
  record Stage(String name, Translation translation) {
    Stage {
      requireNonNull(name, "name is null");
      requireNonNull(translation, "translation is null");
    }
  }

  private final List<Stage> stages;

  StatementPipeline(List<Stage> stages) {
    this.stages = List.copyOf(requireNonNull(stages, "stages is null"));
  }

  /** The stages' names, in the order they run. */
  List<String> names() {
    return stages.stream().map(Stage::name).toList();
  }

  /** The statement after every stage, in order. */
  SqlStatement apply(SqlStatement statement, List<Integer> declaredTypes) {
    return run(statement, declaredTypes).statement();
  }

  /** The statement after every stage, and which stages changed it (returned another statement). */
  Translated run(SqlStatement statement, List<Integer> declaredTypes) {
    SqlStatement current = statement;
    List<String> changedBy = List.of();
    for (Stage stage : stages) {
      SqlStatement next = stage.translation().apply(current, declaredTypes);
      if (next != current) {
        changedBy = changedBy.isEmpty() ? new ArrayList<>() : changedBy;
        changedBy.add(stage.name());
      }
      current = next;
    }
    return new Translated(current, changedBy);
  }

  /** A statement as the pipeline left it, and the names of the stages that changed it, in order. */
  record Translated(SqlStatement statement, List<String> changedBy) {
    Translated {
      requireNonNull(statement, "statement is null");
      changedBy = List.copyOf(changedBy);
    }
  }

  /** One stage alone, by name, for tests. */
  Stage stage(String name) {
    return stages.stream().filter(stage -> stage.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stage " + name + " in " + names()));
  }
}
