package io.analytics.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** json_object over text arrays answers and refuses as PostgreSQL 15's does (cases from its json regression test). */
class JsonObjectFromArraysTest {
  @Test
  void flatAndTwoColumnArraysBuildTheSameObject() {
    assertThat(JsonObjectFromArrays.of("{a,1,b,2,3,NULL,\"d e f\",\"a b c\"}"))
        .isEqualTo("{\"a\" : \"1\", \"b\" : \"2\", \"3\" : null, \"d e f\" : \"a b c\"}");
    assertThat(JsonObjectFromArrays.of("{{a,1},{b,2},{3,NULL},{\"d e f\",\"a b c\"}}"))
        .isEqualTo("{\"a\" : \"1\", \"b\" : \"2\", \"3\" : null, \"d e f\" : \"a b c\"}");
    assertThat(JsonObjectFromArrays.of("{}")).isEqualTo("{}");
    assertThat(JsonObjectFromArrays.of("[\"a\",\"1\"]")).isEqualTo("{\"a\" : \"1\"}");
    assertThat(JsonObjectFromArrays.of("\"{a,\\\"x\\\\\\\"y\\\"}\"")).isEqualTo("{\"a\" : \"x\\\"y\"}");
  }

  @Test
  void keysAndValuesArraysPairUp() {
    assertThat(JsonObjectFromArrays.of("{a,b,\"a b\",c}", "{1,2,3,NULL}"))
        .isEqualTo("{\"a\" : \"1\", \"b\" : \"2\", \"a b\" : \"3\", \"c\" : null}");
    assertThat(JsonObjectFromArrays.of("{}", "{}")).isEqualTo("{}");
  }

  @Test
  void wrongShapesAre2202EAndNullKeys22004() {
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{a,b,c}")).hasMessage("[2202E] array must have even number of elements");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{{a,b,c},{b,c,d}}")).hasMessage("[2202E] array must have two columns");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{{{a,b},{c,d}},{{b,c},{d,e}}}")).hasMessage("[2202E] wrong number of array subscripts");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{{a,1},{b,2}}", "{{a,1},{b,2}}")).hasMessage("[2202E] wrong number of array subscripts");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{a,b,c,\"d e f\"}", "{1,2,3,\"a b c\",g}")).hasMessage("[2202E] mismatched array dimensions");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{a,b,NULL,\"d e f\"}", "{1,2,3,\"a b c\"}"))
        .hasMessage("[22004] null value not allowed for object key");
    assertThatThrownBy(() -> JsonObjectFromArrays.of("{a,1,NULL,2}")).hasMessage("[22004] null value not allowed for object key");
  }

  @Test
  void bareNonFiniteFloatsBecomeStringsOutsideStringsOnly() {
    assertThat(NonFiniteJsonNumbers.quoted("{\"f\":Infinity,\"g\":-Infinity,\"h\":[NaN,1.5],\"s\":\"x:Infinity,\\\"NaN\"}"))
        .isEqualTo("{\"f\":\"Infinity\",\"g\":\"-Infinity\",\"h\":[\"NaN\",1.5],\"s\":\"x:Infinity,\\\"NaN\"}");
  }
}
