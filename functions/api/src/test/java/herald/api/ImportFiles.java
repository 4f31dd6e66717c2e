package herald.api;

import static herald.properties.Generators.booleans;
import static herald.properties.Generators.distinctLists;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.textOf;
import static herald.properties.Generators.weighted;
import static org.quicktheories.generators.Generate.constant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * Random import files for property tests, each with what reading it must give: the line every data row starts
 * on and, for a row written correctly, the customer object it is (or null when it must be rejected).
 */
final class ImportFiles {
  private static final List<String> COLUMNS = List.of("source_id", "name", "email", "phone", "timezone",
      "consents.email", "consents.sms", "metadata.plan", "metadata.a.b", "metadata.note");
  private static final Set<String> TEXT = Set.of("source_id", "name", "email", "phone", "timezone");

  private ImportFiles() {}

  /** A file, its content type, whether it can be imported at all, and per data row: line and customer. */
  record File(String type, String text, boolean importable, List<Row> rows) {}

  /**
   * A data row: the line it starts on; when {@code good} (written as it should be), the customer it must give,
   * or null when it must be rejected (a consent neither true nor false, a line that is no JSON object).
   */
  record Row(long line, boolean good, JsonNode customer) {}

  private enum Kind { GOOD, MISSING, EXTRA, STRAY, AFTER_QUOTE, BIG }

  private record Spec(Kind kind, List<String> cells, List<Boolean> quoted, String end, String blank) {}

  static Gen<File> csv() {
    Gen<List<String>> header = weighted(
        6, distinctLists(pick(COLUMNS.subList(1, COLUMNS.size()).toArray(String[]::new)), 0, 5)
            .map(cols -> { List<String> all = new ArrayList<>(cols); all.add(0, "source_id"); return all; }),
        1, lists(pick("source_id", "name", "shoe_size", "metadata.", "metadata.a", " source_id ", " ", "metadata.a..b"),
            1, 4));
    Gen<String> cell = oneOf(RandomJson.strings(), textOf("ab ,\"\r\n\uFEFF", 0, 6),
        pick("", "true", " FALSE ", "maybe", "gold", "Europe/London", "+447700900123"));
    Gen<Kind> kind = weighted(12, constant(Kind.GOOD), 2, constant(Kind.MISSING), 2, constant(Kind.EXTRA),
        2, constant(Kind.STRAY), 2, constant(Kind.AFTER_QUOTE), 1, constant(Kind.BIG));
    Gen<Spec> spec = kind.zip(lists(cell, COLUMNS.size() + 1, COLUMNS.size() + 1),
        lists(booleans(), COLUMNS.size() + 1, COLUMNS.size() + 1), pick("\r\n", "\n", "\r"),
        pick("", "", "", "\n", "\r\n", "\r", "\n\n"), Spec::new);
    return header.zip(lists(spec, 0, 12), booleans(), booleans(), pick("text/csv", "text/csv; charset=utf-8",
        "TEXT/CSV"), ImportFiles::csv);
  }

  private static File csv(List<String> header, List<Spec> specs, boolean mark, boolean unclosedLast, String type) {
    StringBuilder text = new StringBuilder(mark ? "\uFEFF" : "").append(String.join(",", header)).append("\r\n");
    List<String> columns = header.stream().map(String::strip).toList();
    boolean importable = columns.contains("source_id") && Set.copyOf(columns).size() == columns.size()
        && columns.stream().allMatch(c -> COLUMNS.contains(c) || c.startsWith("metadata.") && !c.endsWith(".")
            && !c.contains("..")) && !(columns.contains("metadata.a") && columns.contains("metadata.a.b"));
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < specs.size(); r++) {
      Spec spec = specs.get(r);
      long line = 1 + lineBreaks(text);
      int n = switch (spec.kind()) {
        case MISSING -> columns.size() - 1;
        case EXTRA -> columns.size() + 1;
        default -> columns.size();
      };
      List<String> cells = new ArrayList<>();
      boolean broken = spec.kind() != Kind.GOOD;
      for (int i = 0; i < n; i++) {
        String value = spec.cells().get(i);
        if (broken) value = value.replaceAll("[\r\n\"]", "");
        boolean quote = spec.quoted().get(i) || value.matches("(?s).*[,\"\r\n].*") || value.startsWith("\uFEFF");
        String written = quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        if (i == 0 && spec.kind() == Kind.STRAY) written = "x\"" + value;
        if (i == 0 && spec.kind() == Kind.AFTER_QUOTE) written = "\"" + value + "\"x";
        if (i == 0 && spec.kind() == Kind.BIG) {
          written = value.length() % 2 == 0 ? "x".repeat(100_001) : "✓".repeat(34_000); // too long; too many bytes
        }
        cells.add(written);
      }
      String written = String.join(",", cells);
      boolean last = r == specs.size() - 1;
      if (last && unclosedLast) written = written + ",\"never closed";
      if (written.isEmpty()) {
        text.append(spec.end());
        continue;
      }
      text.append(written);
      boolean good = importable && !broken && !(last && unclosedLast);
      rows.add(new Row(line, good, good ? customer(columns, spec) : null));
      if (!last) text.append(spec.end()).append(spec.blank());
      else if (spec.blank().isEmpty()) text.append(spec.end());
    }
    return new File(type, text.toString(), importable && !rows.isEmpty(), rows);
  }

  /** The customer a good row gives, or null when one of its consents is neither true nor false. */
  private static JsonNode customer(List<String> columns, Spec spec) {
    ObjectNode customer = Json.object();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String value = spec.cells().get(i);
      if (value.isEmpty()) continue;
      if (TEXT.contains(column)) {
        customer.put(column, value);
      } else if (column.startsWith("consents.")) {
        String answer = value.strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("true") && !answer.equals("false")) return null;
        object(customer, "consents").putObject(column.substring(9)).put("granted", answer.equals("true"));
      } else {
        String[] path = column.substring(9).split("\\.");
        ObjectNode at = object(customer, "metadata");
        for (int p = 0; p < path.length - 1; p++) at = object(at, path[p]);
        at.put(path[path.length - 1], value);
      }
    }
    return customer;
  }

  static Gen<File> ndjson() {
    Gen<String> line = weighted(
        5, RandomJson.strings().zip(RandomJson.values(2), (id, metadata) ->
            Json.object().put("source_id", id).set("metadata", metadata).toString()),
        2, RandomJson.values(2).map(JsonNode::toString),
        2, RandomJson.garbage().map(g -> g.replaceAll("[\r\n]", "")),
        2, pick("", " ", "\t", "\u2028", "\uFEFF", "{\"source_id\":\"" + "x".repeat(100_001) + "\"}"));
    return lists(line, 0, 12).zip(lists(pick("\r\n", "\n", "\r"), 12, 12), booleans(),
        pick("application/x-ndjson", "application/ndjson; charset=utf-8"), (lines, ends, mark, type) -> {
          StringBuilder text = new StringBuilder(mark ? "\uFEFF" : "");
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            String read = i == 0 && !mark && lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i);
            if (!read.isBlank()) rows.add(new Row(1 + lineBreaks(text), true, object(read)));
            text.append(lines.get(i)).append(i < lines.size() - 1 ? ends.get(i) : "");
          }
          return new File(type, text.toString(), !rows.isEmpty(), rows);
        });
  }

  /** The customer an NDJSON line gives, or null when it must be rejected. */
  private static JsonNode object(String line) {
    try {
      JsonNode node = Json.parse(line);
      return node != null && node.isObject() && line.length() <= 100_000 ? node : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    JsonNode child = parent.get(name);
    return child instanceof ObjectNode o ? o : parent.putObject(name);
  }

  private static int lineBreaks(CharSequence text) {
    int breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) breaks++;
    }
    return breaks;
  }
}
