package io.analytics.gateway.sql;

/** The kinds of token the lexer distinguishes; comments and whitespace are dropped. */
public enum TokenType {
  /** A keyword or unquoted identifier. */
  WORD,
  /** A "double-quoted" identifier. */
  QUOTED_IDENTIFIER,
  /** A string literal: '...', E'...', or $tag$...$tag$. */
  STRING,
  NUMBER,
  /** A positional parameter such as $1. */
  PARAMETER,
  /** A {@code ?} placeholder (DuckDB accepts these too). */
  QUESTION_MARK,
  /** Operators and punctuation, one token per run of operator characters. */
  PUNCTUATION,
  SEMICOLON
}
