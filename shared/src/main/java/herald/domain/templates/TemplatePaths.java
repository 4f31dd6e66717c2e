package herald.domain.templates;

import com.github.mustachejava.Code;
import com.github.mustachejava.codes.CommentCode;
import com.github.mustachejava.codes.ExtendNameCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.codes.WriteCode;
import herald.domain.common.Invalid;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every name a compiled template uses, nested ones and sections included, against what its scope holds.
 * A name is looked up as mustache renders it: its first part in the sections' scopes from the innermost out (a
 * section over a list renders in each item), the rest below what that part found. {@code .} needs a section.
 */
final class TemplatePaths {
  private final String field;
  private final Variable root;

  private TemplatePaths(String field, Variable root) {
    this.field = field;
    this.root = root;
  }

  /** Throws {@link Invalid} {@code unknown_variable} (or {@code invalid_template}) naming the field. */
  static void check(Code[] codes, String field, Variable root) {
    new TemplatePaths(field, root).walk(codes, List.of(root));
  }

  private void walk(Code[] codes, List<Variable> scopes) {
    if (codes == null) return;
    for (Code code : codes) {
      if (code instanceof WriteCode || code instanceof CommentCode) continue;
      if (code instanceof ExtendNameCode) {
        walk(code.getCodes(), scopes);                          // {{$block}}: rendered in place
      } else if (code instanceof NotIterableCode) {
        resolve(code.getName(), scopes);
        walk(code.getCodes(), scopes);                          // {{^x}} renders in the enclosing scope
      } else if (code instanceof IterableCode) {
        List<Variable> inner = new ArrayList<>(scopes);
        inner.add(resolve(code.getName(), scopes).inSection());
        walk(code.getCodes(), inner);
      } else if (code instanceof ValueCode) {
        resolve(code.getName(), scopes);
      } else if (code.getName() != null || code.getCodes() != null && code.getCodes().length > 0) {
        throw new Invalid("invalid_template", field, field + " is not a valid Mustache template: {{"
            + code.getName() + "}} is not supported");
      }
    }
  }

  private Variable resolve(String name, List<Variable> scopes) {
    if (name.equals(".")) {
      if (scopes.size() > 1) return scopes.getLast();
      throw unknown(name, "{{.}} names the current item, so it needs a section; " + available());
    }
    String[] path = name.split("\\.", -1);
    for (int i = scopes.size() - 1; i >= 0; i--) {
      Variable found = scopes.get(i).field(path[0]).orElse(null);
      if (found == null) continue;
      String at = path[0];
      for (int j = 1; j < path.length; j++) {
        Variable next = found.field(path[j]).orElse(null);
        if (next == null) throw unknown(name, found.without(at, path[j]));
        found = next;
        at += "." + path[j];
      }
      return found;
    }
    throw unknown(name, available());
  }

  private String available() {
    return "available: " + String.join(", ", root.names());
  }

  private Invalid unknown(String name, String why) {
    return new Invalid("unknown_variable", field, field + " uses {{" + name + "}}, which is not available here; "
        + why);
  }
}
