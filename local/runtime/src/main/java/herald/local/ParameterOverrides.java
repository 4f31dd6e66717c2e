package herald.local;

import herald.sam.Template;
import herald.sam.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Template parameter values given the way {@code sam deploy --parameter-overrides} takes them: {@code Key=Value}
 * pairs separated by blanks (or {@code ParameterKey=Key,ParameterValue=Value}). They win over the parameters'
 * Defaults and over the local runtime's own values; each must name a parameter of the template and fit its
 * constraints (AllowedValues, AllowedPattern, MinValue and MaxValue, MinLength and MaxLength), as CloudFormation
 * checks them.
 */
final class ParameterOverrides {
  private ParameterOverrides() {}

  static Map<String, String> parse(String text) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String pair : text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+")) {
      String key;
      String value;
      if (pair.startsWith("ParameterKey=")) {
        String[] parts = pair.split(",ParameterValue=", 2);
        key = parts[0].substring("ParameterKey=".length());
        value = parts.length > 1 ? parts[1] : "";
      } else {
        int eq = pair.indexOf('=');
        if (eq < 1) throw new IllegalArgumentException("parameter override " + pair + " is not Key=Value");
        key = pair.substring(0, eq);
        value = pair.substring(eq + 1);
      }
      overrides.put(key, value);
    }
    return overrides;
  }

  /** The local values with the overrides applied; refuses an unknown name or a value the parameter does not allow. */
  static Map<String, String> apply(Template template, Map<String, String> local, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(local);
    overrides.forEach((name, value) -> {
      if (!template.parameters().containsKey(name)) {
        throw new IllegalArgumentException("parameter override " + name + ": the template has no such parameter; "
            + "its parameters are " + String.join(", ", new TreeSet<>(template.parameters().keySet())));
      }
      check(name, value, Values.map(template.parameters().get(name)));
      values.put(name, value);
    });
    return values;
  }

  private static void check(String name, String value, Map<String, Object> p) {
    String type = String.valueOf(p.get("Type"));
    if (p.get("AllowedValues") instanceof List<?> allowed
        && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
      refuse(name, value, "is not one of " + allowed);
    }
    if (p.get("AllowedPattern") != null && !value.matches(String.valueOf(p.get("AllowedPattern")))) {
      refuse(name, value, "does not match " + p.get("AllowedPattern"));
    }
    if (p.get("MinLength") != null && value.length() < Integer.parseInt(String.valueOf(p.get("MinLength")))) {
      refuse(name, value, "is shorter than " + p.get("MinLength") + " characters");
    }
    if (p.get("MaxLength") != null && value.length() > Integer.parseInt(String.valueOf(p.get("MaxLength")))) {
      refuse(name, value, "is longer than " + p.get("MaxLength") + " characters");
    }
    if (!type.equals("Number")) return;
    BigDecimal number;
    try {
      number = new BigDecimal(value);
    } catch (NumberFormatException e) {
      refuse(name, value, "is not a number");
      return;
    }
    if (p.get("MinValue") != null && number.compareTo(new BigDecimal(String.valueOf(p.get("MinValue")))) < 0) {
      refuse(name, value, "is less than its MinValue " + p.get("MinValue"));
    }
    if (p.get("MaxValue") != null && number.compareTo(new BigDecimal(String.valueOf(p.get("MaxValue")))) > 0) {
      refuse(name, value, "is more than its MaxValue " + p.get("MaxValue"));
    }
  }

  private static void refuse(String name, String value, String why) {
    throw new IllegalArgumentException("parameter override " + name + "=" + value + " " + why);
  }
}
