package io.analytics.gateway.json;

import io.analytics.gateway.json.JsonValue.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** jsonb's order of object keys: shorter keys first, keys of one length bytewise (UTF-8); unique keys. */
final class JsonbOrder {
  static final Comparator<String> KEYS = (a, b) -> {
    byte[] left = a.getBytes(StandardCharsets.UTF_8);
    byte[] right = b.getBytes(StandardCharsets.UTF_8);
    if (left.length != right.length) {
      return Integer.compare(left.length, right.length);
    }
    return Arrays.compareUnsigned(left, right);
  };

  private JsonbOrder() {}

  /** The members with duplicate keys removed (the last one written wins) and sorted. */
  static List<Member> normalized(List<Member> members) {
    Map<String, Member> unique = new LinkedHashMap<>();
    for (Member member : members) {
      unique.put(member.key(), member);
    }
    List<Member> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(Member::key, KEYS));
    return sorted;
  }
}
