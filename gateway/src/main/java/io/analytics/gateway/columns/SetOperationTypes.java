package io.analytics.gateway.columns;

import io.analytics.gateway.types.DeclaredColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a UNION, INTERSECT or EXCEPT: named as its first operand's, from no table (as
 * PostgreSQL marks them), and of a declared type only where every operand's column has the same
 * one, as PostgreSQL resolves {@code char(4) UNION char(4)} to character(4) and a mix to another type.
 */
final class SetOperationTypes {
  private SetOperationTypes() {}

  /** The set operation's columns from its operands' (the first one known). */
  static RelationColumns combined(List<RelationColumns> operands) {
    RelationColumns first = operands.get(0);
    List<RelationColumns.Column> columns = new ArrayList<>(first.columns().size());
    for (int i = 0; i < first.columns().size(); i++) {
      columns.add(new RelationColumns.Column(first.columns().get(i).name(), ColumnOrigin.computed(agreed(operands, i))));
    }
    return new RelationColumns(columns);
  }

  private static DeclaredColumnType agreed(List<RelationColumns> operands, int index) {
    DeclaredColumnType agreed = null;
    for (RelationColumns operand : operands) {
      if (operand == null || index >= operand.columns().size()) {
        return null;
      }
      DeclaredColumnType declared = operand.columns().get(index).origin().declaredType();
      if (declared == null || agreed != null && !Objects.equals(agreed, declared)) {
        return null;
      }
      agreed = declared;
    }
    return agreed;
  }
}
