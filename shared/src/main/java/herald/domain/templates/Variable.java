package herald.domain.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a template may name at one point of its scope: a value (a text, a number...), an object with known
 * fields, a list of items alike, or free-form data (customer metadata, event data) under which any name is
 * accepted. Saving checks every name a template uses against it; rendering sees data only (see {@link DataOnly}).
 */
public final class Variable {
  private enum Kind { VALUE, OBJECT, LIST, FREE_FORM }

  private static final Variable VALUE = new Variable(Kind.VALUE, Map.of(), null);
  private static final Variable FREE_FORM = new Variable(Kind.FREE_FORM, Map.of(), null);

  private final Kind kind;
  private final Map<String, Variable> fields;
  private final Variable item;

  private Variable(Kind kind, Map<String, Variable> fields, Variable item) {
    this.kind = kind;
    this.fields = fields;
    this.item = item;
  }

  public static Variable value() {
    return VALUE;
  }

  public static Variable freeForm() {
    return FREE_FORM;
  }

  /** An object whose fields are these values, in this order. */
  public static Variable values(String... names) {
    Map<String, Variable> fields = new LinkedHashMap<>();
    for (String name : names) fields.put(name, VALUE);
    return new Variable(Kind.OBJECT, Collections.unmodifiableMap(fields), null);
  }

  /** A list whose items are all {@code item}. */
  public static Variable listOf(Variable item) {
    return new Variable(Kind.LIST, Map.of(), item);
  }

  /** This object with one more field. */
  public Variable with(String name, Variable field) {
    if (kind != Kind.OBJECT) throw new IllegalStateException("only an object has fields");
    Map<String, Variable> more = new LinkedHashMap<>(fields);
    more.put(name, field);
    return new Variable(Kind.OBJECT, Collections.unmodifiableMap(more), null);
  }

  /** Its known fields' names, in order (none for a value, a list or free-form data). */
  public List<String> names() {
    return new ArrayList<>(fields.keySet());
  }

  /** What {@code name} below it is, if it has such a field; free-form data has every name. */
  Optional<Variable> field(String name) {
    if (kind == Kind.FREE_FORM) return Optional.of(FREE_FORM);
    return Optional.ofNullable(fields.get(name));
  }

  /** What a section over it renders in: each item for a list, itself for anything else. */
  Variable inSection() {
    return kind == Kind.LIST ? item : this;
  }

  /** Why {@code name} is not below it, for a refusal's message. */
  String without(String path, String name) {
    return switch (kind) {
      case VALUE -> path + " is a value, with no fields";
      case LIST -> path + " is a list: {{#" + path + "}}...{{/" + path + "}} renders once per item, and inside it"
          + " the item's fields are named alone";
      default -> path + " has no " + name + "; it has " + String.join(", ", fields.keySet());
    };
  }
}
