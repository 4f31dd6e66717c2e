package herald.testing;

import herald.domain.distributions.ActionType;
import herald.domain.distributions.Compatibility;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerFilter;
import herald.sam.EventSource;
import herald.sam.Template;
import herald.sam.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The places outside the domain that list event types, checked against the {@link EventCatalogue} as sets: each
 * check fails with an {@link AssertionError} naming the types missing, the types extra and those listed twice.
 */
public final class CatalogueCheck {
  private CatalogueCheck() {}

  /** {@code listed} holds each of {@code expected} once, and nothing else. */
  public static void same(String where, Collection<String> expected, Collection<String> listed) {
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(listed);
    Set<String> extra = new LinkedHashSet<>(listed);
    extra.removeAll(expected);
    Set<String> seen = new HashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    listed.forEach(type -> {
      if (!seen.add(type)) twice.add(type);
    });
    if (missing.isEmpty() && extra.isEmpty() && twice.isEmpty()) return;
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) problems.add("missing " + missing);
    if (!extra.isEmpty()) problems.add("extra " + extra);
    if (!twice.isEmpty()) problems.add("listed twice " + twice);
    throw new AssertionError(where + " differs from the event catalogue: " + String.join(", ", problems));
  }

  /** The folder holds exactly one {@code <type>.schema.json} per catalogue type, and no other file. */
  public static void schemaFiles(Path folder) {
    filePerType(folder, ".schema.json");
  }

  /** The folder holds exactly one {@code <type><ending>} per catalogue type, and no other file. */
  public static void filePerType(Path folder, String ending) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> types = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .map(name -> name.endsWith(ending) ? name.substring(0, name.length() - ending.length()) : name).toList();
      same("the files in " + folder, EventCatalogue.TYPES, types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * TriggerFunction's rule on Herald's bus matches every catalogue type, SegmentsFunction's every type the
   * catalogue says the segments function hears.
   */
  public static void templateRules(Template template) {
    same("template.yaml TriggerFunction's rule", EventCatalogue.TYPES, detailTypes(template, "TriggerFunction"));
    same("template.yaml SegmentsFunction's rule", EventCatalogue.heardBySegments(),
        detailTypes(template, "SegmentsFunction"));
  }

  /** The detail-types the function's rules on Herald's own bus (not the default one) match. */
  public static List<String> detailTypes(Template template, String functionId) {
    Template.Function function = template.functions().stream().filter(f -> f.logicalId().equals(functionId))
        .findFirst().orElseThrow(() -> new AssertionError("template.yaml has no " + functionId));
    List<String> types = new ArrayList<>();
    for (EventSource source : function.events()) {
      if (source instanceof EventSource.Rule rule && rule.bus() != null) {
        Values.list(Values.map(rule.pattern()).get("detail-type")).forEach(t -> types.add(String.valueOf(t)));
      }
    }
    return types;
  }

  /**
   * The compatibility table has one entry per trigger type (the catalogue's, then manual), each with the
   * catalogue's filters, and an action that reports the event is offered exactly on the types carrying what it
   * reports.
   */
  public static void compatibility(List<Compatibility.Entry> table) {
    same("the compatibility table's triggers", EventCatalogue.triggerTypes(),
        table.stream().map(Compatibility.Entry::trigger).toList());
    for (Compatibility.Entry entry : table) {
      List<String> filters = entry.filters().stream().map(TriggerFilter::name).toList();
      List<String> expected = EventCatalogue.filters(entry.trigger()).stream().map(TriggerFilter::name).toList();
      if (!filters.equals(expected)) {
        throw new AssertionError("the compatibility table gives " + entry.trigger() + " the filters " + filters
            + ", the event catalogue " + expected);
      }
    }
    for (ActionType action : ActionType.values()) {
      List<String> offeredOn = table.stream()
          .filter(e -> e.actions().stream().anyMatch(choice -> choice.action() == action))
          .map(Compatibility.Entry::trigger).toList();
      List<String> expected = action.reads() == null ? EventCatalogue.triggerTypes()
          : EventCatalogue.carrying(action.reads());
      same("the compatibility table's triggers for " + action.key(), expected, offeredOn);
    }
  }
}
