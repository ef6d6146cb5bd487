package io.analytics.gateway.security;

import java.util.List;

/**
 * A call found in a statement's tokens: the function's name (unquoted, lower case) and its literal
 * path arguments, for file readers; {@code literalPaths} is null when an argument is not a literal.
 */
record FunctionCall(String name, List<String> literalPaths) {}
