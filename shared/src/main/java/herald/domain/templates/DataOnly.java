package herald.domain.templates;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.util.List;
import java.util.Map;

/**
 * How templates find values: by map keys only, through the sections' scopes from the innermost out, then down a
 * dotted name's maps; {@code .} is the innermost scope. Lists are iterated by sections; nothing is ever found on a
 * Java object (no method, field or getter: mustache.java's default handler would call {@code "x".getBytes()} for
 * {@code {{name.bytes}}}).
 */
final class DataOnly extends AbstractObjectHandler {
  @Override
  public Wrapper find(String name, List<Object> unused) {
    return scopes -> lookup(name, scopes);
  }

  @Override
  public Binding createBinding(String name, TemplateContext context, Code code) {
    return scopes -> lookup(name, scopes);
  }

  static Object lookup(String name, List<Object> scopes) {
    if (scopes.isEmpty()) return null;
    if (name.equals(".")) return scopes.get(scopes.size() - 1);
    String[] path = name.split("\\.", -1);
    for (int i = scopes.size() - 1; i >= 0; i--) {
      if (scopes.get(i) instanceof Map<?, ?> map && map.containsKey(path[0])) {
        Object value = map.get(path[0]);
        for (int j = 1; j < path.length && value != null; j++) {
          value = value instanceof Map<?, ?> inner ? inner.get(path[j]) : null;
        }
        return value;
      }
    }
    return null;
  }
}
