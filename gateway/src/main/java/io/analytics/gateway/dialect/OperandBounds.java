package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * The token extent of the operands of one of PostgreSQL's generic operators ({@code ->},
 * {@code @>}, {@code ||}, ...), by PostgreSQL's precedence: such an operator binds looser than
 * {@code + - * / % ^}, casts, subscripts and calls, tighter than comparisons, {@code IS},
 * {@code LIKE}, {@code IN}, {@code BETWEEN}, NOT, AND and OR, and is left-associative (so its left
 * operand may hold other generic operators, its right operand none).
 */
final class OperandBounds {
  /** Operators binding tighter than a generic operator. */
  private static final Set<String> TIGHTER = Set.of("+", "-", "*", "/", "%", "^");
  /** Operators binding looser (comparisons), which end an operand. */
  private static final Set<String> LOOSER = Set.of("=", "<", ">", "<=", ">=", "<>", "!=", "=>", ":=");
  /** Keywords that end an operand (clauses and the looser operators spelled as words). */
  private static final Set<String> STOP_WORDS = Set.of(
      "select", "from", "where", "and", "or", "not", "is", "isnull", "notnull", "in", "between", "like", "ilike", "similar",
      "when", "then", "else", "end", "case", "as", "on", "using", "by", "group", "order", "having", "limit", "offset",
      "union", "intersect", "except", "returning", "set", "values", "into", "distinct", "all", "any", "some", "with",
      "asc", "desc", "nulls", "escape", "filter", "over", "window", "join", "left", "right", "inner", "outer", "full",
      "cross", "lateral", "natural", "fetch", "for", "do", "update", "delete", "insert", "collate", "at", "overlaps");
  /** Type names that may precede a string literal ({@code jsonb '{}'}) as one typed literal. */
  private static final Set<String> LITERAL_TYPES = Set.of(
      "jsonb", "json", "text", "date", "time", "timestamp", "timestamptz", "interval", "numeric", "int", "int2", "int4",
      "int8", "integer", "bigint", "smallint", "varchar", "bool", "boolean", "uuid", "bytea", "float4", "float8", "real",
      "decimal", "char", "bpchar", "name", "oid");

  private OperandBounds() {}

  /** The index of the left operand's first token for the operator at {@code op}, or -1 if there is none. */
  static int leftStart(List<Token> tokens, int op) {
    int start = primaryStart(tokens, op - 1);
    if (start < 0) {
      return -1;
    }
    while (start > 0) {
      Token before = tokens.get(start - 1);
      if (!isBinaryOperator(before) || start - 2 < 0 || !endsOperand(tokens.get(start - 2))) {
        if (before.type() == TokenType.PUNCTUATION && (before.text().equals("-") || before.text().equals("+"))
            && (start - 2 < 0 || !endsOperand(tokens.get(start - 2)))) {
          start--; // a unary sign
        }
        return start;
      }
      int previous = primaryStart(tokens, start - 2);
      if (previous < 0) {
        return start;
      }
      start = previous;
    }
    return start;
  }

  /** The index after the right operand's last token for the operator at {@code op}, or -1 if there is none. */
  static int rightEnd(List<Token> tokens, int op) {
    int end = primaryEnd(tokens, op + 1);
    while (end > 0 && end < tokens.size() && isTighter(tokens.get(end))) {
      int next = primaryEnd(tokens, end + 1);
      if (next < 0) {
        return end;
      }
      end = next;
    }
    return end;
  }

  /** The first token of the primary expression (with its postfix casts and subscripts) ending at {@code last}. */
  static int primaryStart(List<Token> tokens, int last) {
    if (last < 0) {
      return -1;
    }
    Token token = tokens.get(last);
    int start;
    if (token.isPunctuation(')')) {
      int open = matchingOpen(tokens, last, '(', ')');
      if (open < 0) {
        return -1;
      }
      start = open;
      if (open > 0 && isCallName(tokens.get(open - 1))) {
        start = qualifiedNameStart(tokens, open - 1);
      }
    } else if (token.isPunctuation(']')) {
      int open = matchingOpen(tokens, last, '[', ']');
      if (open < 0) {
        return -1;
      }
      if (open > 0 && tokens.get(open - 1).is("array")) {
        start = open - 1;
      } else {
        int subscripted = primaryStart(tokens, open - 1);
        return subscripted < 0 ? -1 : subscripted;
      }
    } else if (token.is("end")) {
      start = matchingCase(tokens, last);
      if (start < 0) {
        return -1;
      }
    } else if (token.type() == TokenType.STRING) {
      start = last;
      if (last > 0 && tokens.get(last - 1).type() == TokenType.WORD && LITERAL_TYPES.contains(tokens.get(last - 1).value())
          && (last < 2 || !tokens.get(last - 2).text().equals("::"))) {
        start = last - 1;
      }
    } else if (isOperandToken(token)) {
      start = qualifiedNameStart(tokens, last);
    } else {
      return -1;
    }
    // A cast written after the primary: "x::type" read backwards from the type name.
    if (start >= 2 && tokens.get(start - 1).text().equals("::")) {
      return primaryStart(tokens, start - 2);
    }
    return start;
  }

  /** The index after the primary expression starting at {@code first}, with its postfix casts and subscripts. */
  static int primaryEnd(List<Token> tokens, int first) {
    if (first < 0 || first >= tokens.size()) {
      return -1;
    }
    Token token = tokens.get(first);
    int end;
    if (token.type() == TokenType.PUNCTUATION && (token.text().equals("-") || token.text().equals("+"))) {
      return primaryEnd(tokens, first + 1);
    } else if (token.isPunctuation('(')) {
      end = matchingClose(tokens, first, '(', ')') + 1;
    } else if (token.is("array") && first + 1 < tokens.size() && tokens.get(first + 1).isPunctuation('[')) {
      end = matchingClose(tokens, first + 1, '[', ']') + 1;
    } else if (token.is("case")) {
      end = matchingEnd(tokens, first) + 1;
    } else if (token.type() == TokenType.WORD && LITERAL_TYPES.contains(token.value()) && first + 1 < tokens.size()
        && tokens.get(first + 1).type() == TokenType.STRING) {
      end = first + 2;
    } else if (isOperandToken(token)) {
      end = first + 1;
      while (end + 1 < tokens.size() && tokens.get(end).isPunctuation('.') && isOperandToken(tokens.get(end + 1))) {
        end += 2;
      }
      if (end < tokens.size() && tokens.get(end).isPunctuation('(') && isCallName(tokens.get(end - 1))) {
        end = matchingClose(tokens, end, '(', ')') + 1;
      }
    } else {
      return -1;
    }
    if (end <= 0) {
      return -1;
    }
    return postfixEnd(tokens, end);
  }

  /** Past subscripts {@code [..]} and casts {@code ::type[(n)][[]]} following a primary. */
  private static int postfixEnd(List<Token> tokens, int end) {
    while (end < tokens.size()) {
      Token token = tokens.get(end);
      if (token.isPunctuation('[')) {
        int close = matchingClose(tokens, end, '[', ']');
        if (close < 0) {
          return end;
        }
        end = close + 1;
      } else if (token.text().equals("::") && end + 1 < tokens.size() && isOperandToken(tokens.get(end + 1))) {
        end += 2;
        while (end < tokens.size() && tokens.get(end).type() == TokenType.WORD && isTypeContinuation(tokens.get(end))) {
          end++;
        }
        if (end < tokens.size() && tokens.get(end).isPunctuation('(')) {
          int close = matchingClose(tokens, end, '(', ')');
          end = close < 0 ? end : close + 1;
        }
      } else {
        return end;
      }
    }
    return end;
  }

  private static boolean isTypeContinuation(Token token) {
    return token.is("precision") || token.is("varying") || token.is("with") || token.is("without") || token.is("time")
        || token.is("zone");
  }

  private static boolean isTighter(Token token) {
    return token.type() == TokenType.PUNCTUATION && TIGHTER.contains(token.text());
  }

  /** A binary operator a generic operator's left operand may contain: a tighter one or another generic one. */
  private static boolean isBinaryOperator(Token token) {
    if (token.type() == TokenType.QUESTION_MARK) {
      return false;
    }
    if (token.type() != TokenType.PUNCTUATION) {
      return false;
    }
    String text = token.text();
    return !LOOSER.contains(text) && !text.equals("::") && !text.equals(",") && !text.equals(".") && "()[]{}".indexOf(text.charAt(0)) < 0;
  }

  /** Whether a token can end an operand (so an operator after it is binary, not unary). */
  private static boolean endsOperand(Token token) {
    return switch (token.type()) {
      case STRING, NUMBER, PARAMETER, QUOTED_IDENTIFIER -> true;
      case WORD -> !STOP_WORDS.contains(token.value());
      case PUNCTUATION -> token.isPunctuation(')') || token.isPunctuation(']');
      default -> false;
    };
  }

  private static boolean isOperandToken(Token token) {
    return switch (token.type()) {
      case NUMBER, PARAMETER, QUOTED_IDENTIFIER, STRING -> true;
      case WORD -> !STOP_WORDS.contains(token.value());
      default -> false;
    };
  }

  private static boolean isCallName(Token token) {
    return token.type() == TokenType.QUOTED_IDENTIFIER
        || (token.type() == TokenType.WORD && !STOP_WORDS.contains(token.value()));
  }

  private static int qualifiedNameStart(List<Token> tokens, int last) {
    int start = last;
    while (start >= 2 && tokens.get(start - 1).isPunctuation('.') && isOperandToken(tokens.get(start - 2))) {
      start -= 2;
    }
    return start;
  }

  static int matchingClose(List<Token> tokens, int open, char opening, char closing) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isPunctuation(opening)) {
        depth++;
      } else if (tokens.get(i).isPunctuation(closing) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int matchingOpen(List<Token> tokens, int close, char opening, char closing) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      if (tokens.get(i).isPunctuation(closing)) {
        depth++;
      } else if (tokens.get(i).isPunctuation(opening) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int matchingEnd(List<Token> tokens, int caseIndex) {
    int depth = 0;
    for (int i = caseIndex; i < tokens.size(); i++) {
      if (tokens.get(i).is("case")) {
        depth++;
      } else if (tokens.get(i).is("end") && --depth == 0) {
        return i;
      }
    }
    return -2;
  }

  private static int matchingCase(List<Token> tokens, int endIndex) {
    int depth = 0;
    for (int i = endIndex; i >= 0; i--) {
      if (tokens.get(i).is("end")) {
        depth++;
      } else if (tokens.get(i).is("case") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
