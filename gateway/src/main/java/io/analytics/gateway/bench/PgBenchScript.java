package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little of pgbench's script language the benchmark uses ({@code \set NAME random(LO, HI)} lines
 * and one SQL statement with {@code :NAME} references), so that DuckDB in process can run the same
 * transactions pgbench sends to PostgreSQL and the gateway.
 */
final class PgBenchScript {
  /** pgbench's {@code -M} protocol modes. */
  enum Mode {
    SIMPLE("simple"), EXTENDED("extended"), PREPARED("prepared");

    final String argument;

    Mode(String argument) {
      this.argument = argument;
    }
  }

  private static final Pattern SET = Pattern.compile("\\\\set\\s+(\\w+)\\s+random\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
  private static final Pattern REFERENCE = Pattern.compile(":(\\w+)");

  private record Variable(String name, long low, long high) {}

  private final List<Variable> variables;
  private final String sql;
  /** The statement's lines as the script has them, so that a derived script sends pgbench the same text. */
  private final String statementLines;

  private PgBenchScript(List<Variable> variables, String sql, String statementLines) {
    this.variables = List.copyOf(variables);
    this.sql = requireNonNull(sql, "sql is null");
    this.statementLines = requireNonNull(statementLines, "statementLines is null");
  }

  static PgBenchScript parse(String script) {
    List<Variable> variables = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    StringBuilder lines = new StringBuilder();
    for (String line : script.split("\n")) {
      Matcher set = SET.matcher(line.strip());
      if (set.matches()) {
        variables.add(new Variable(set.group(1), Long.parseLong(set.group(2)), Long.parseLong(set.group(3))));
      } else if (!line.isBlank()) {
        sql.append(line.strip()).append(' ');
        lines.append(line).append('\n');
      }
    }
    String statement = sql.toString().strip();
    if (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1);
    }
    return new PgBenchScript(variables, statement, lines.toString());
  }

  /** One draw of every variable, in the order the statement references them. */
  long[] draw(Random random) {
    List<String> order = references();
    long[] values = new long[order.size()];
    for (int i = 0; i < values.length; i++) {
      Variable variable = variable(order.get(i));
      values[i] = variable.low() + (long) (random.nextDouble() * (variable.high() - variable.low() + 1));
    }
    return values;
  }

  /** The statement with the values substituted as text, as pgbench sends it in simple mode. */
  String substituted(long[] values) {
    Matcher reference = REFERENCE.matcher(sql);
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (reference.find()) {
      reference.appendReplacement(text, Long.toString(values[i++]));
    }
    return reference.appendTail(text).toString();
  }

  /**
   * Every distinct statement the script can send, as the values of its one variable from low to high
   * (the dashboard mix: each of its 250 days once).
   */
  List<long[]> everyDraw() {
    Variable variable = onlyVariable();
    List<long[]> draws = new ArrayList<>();
    for (long value = variable.low(); value <= variable.high(); value++) {
      long[] values = new long[references().size()];
      java.util.Arrays.fill(values, value);
      draws.add(values);
    }
    return draws;
  }

  /**
   * A pgbench script that, run once by each of {@code clients} clients ({@code -t 1}), sends every
   * distinct statement of this one exactly once: client {@code c} takes the values {@code low + c},
   * {@code low + c + clients}, ... (pgbench's {@code :client_id} counts from zero). The statement's
   * lines are this script's own, so pgbench sends the same texts the timed runs send.
   */
  String firstPassScript(int clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be positive: " + clients);
    }
    Variable variable = onlyVariable();
    long distinct = variable.high() - variable.low() + 1;
    StringBuilder script = new StringBuilder();
    for (long offset = 0; offset < distinct; offset += clients) {
      script.append("\\set ").append(variable.name()).append(' ').append(variable.low()).append(" + :client_id + ").append(offset)
          .append('\n').append("\\if :").append(variable.name()).append(" <= ").append(variable.high()).append('\n')
          .append(statementLines).append("\\endif\n");
    }
    return script.toString();
  }

  /** How many distinct statements the script can send (the values of its one variable). */
  long distinctStatements() {
    Variable variable = onlyVariable();
    return variable.high() - variable.low() + 1;
  }

  private Variable onlyVariable() {
    if (variables.size() != 1) {
      throw new IllegalStateException("a first pass needs a script with exactly one \\set variable, not " + variables.size());
    }
    return variables.get(0);
  }

  /** The statement with a {@code ?} for each reference, as JDBC prepares it. */
  String parameterized() {
    return REFERENCE.matcher(sql).replaceAll("?");
  }

  private List<String> references() {
    List<String> names = new ArrayList<>();
    Matcher reference = REFERENCE.matcher(sql);
    while (reference.find()) {
      names.add(reference.group(1));
    }
    return names;
  }

  private Variable variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pgbench variable :" + name + " is not set"));
  }
}
