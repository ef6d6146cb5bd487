package io.analytics.gateway.types;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** What a column writer needs besides its vector: the batch's dictionaries (ENUMs) and the session's formats. */
public record EncodingContext(DictionaryProvider dictionaries, SessionFormat format) {
  public EncodingContext {
    requireNonNull(dictionaries, "dictionaries is null");
    requireNonNull(format, "format is null");
  }
}
