package io.analytics.gateway.json;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;
import org.duckdb.DuckDBWritableVector;

/**
 * One Java function registered in DuckDB, called a chunk of rows at a time: arguments of VARCHAR,
 * BIGINT, INTEGER or BOOLEAN, a null argument gives a null result (the PostgreSQL functions it
 * serves are strict), and a null result is SQL NULL.
 */
public record DuckDbScalarFunction(String name, List<DuckDBColumnType> parameters, DuckDBColumnType result,
    Function<Object[], Object> body) {
  public DuckDbScalarFunction {
    requireNonNull(name, "name is null");
    parameters = List.copyOf(parameters);
    requireNonNull(result, "result is null");
    requireNonNull(body, "body is null");
  }

  public void register(DuckDBConnection connection) throws SQLException {
    try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
      builder.withName(name);
      for (DuckDBColumnType parameter : parameters) {
        builder.withParameter(parameter);
      }
      builder.withReturnType(result).withVectorizedFunction(this::apply).register(connection);
    }
  }

  private void apply(DuckDBDataChunkReader input, DuckDBWritableVector output) {
    int columns = parameters.size();
    DuckDBReadableVector[] vectors = new DuckDBReadableVector[columns];
    for (int c = 0; c < columns; c++) {
      vectors[c] = input.vector(c);
    }
    long rows = input.rowCount();
    Object[] arguments = new Object[columns];
    for (long row = 0; row < rows; row++) {
      boolean hasNull = false;
      for (int c = 0; c < columns && !hasNull; c++) {
        if (vectors[c].isNull(row)) {
          hasNull = true;
        } else {
          arguments[c] = read(vectors[c], parameters.get(c), row);
        }
      }
      Object value = hasNull ? null : body.apply(arguments);
      write(output, row, value);
    }
  }

  private static Object read(DuckDBReadableVector vector, DuckDBColumnType type, long row) {
    return switch (type) {
      case BIGINT -> vector.getLong(row);
      case INTEGER -> vector.getInt(row);
      case BOOLEAN -> vector.getBoolean(row);
      default -> vector.getString(row);
    };
  }

  private void write(DuckDBWritableVector output, long row, Object value) {
    if (value == null) {
      output.setNull(row);
      return;
    }
    switch (result) {
      case BIGINT -> output.setLong(row, ((Number) value).longValue());
      case INTEGER -> output.setInt(row, ((Number) value).intValue());
      case BOOLEAN -> output.setBoolean(row, (Boolean) value);
      default -> output.setString(row, (String) value);
    }
  }
}
