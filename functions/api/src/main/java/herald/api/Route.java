package herald.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A method and a path template such as {@code /v1/distributions/{id}/activate}, with the code that serves it. */
record Route(String method, String template, Pattern pattern, Action action) {
  interface Action {
    HttpResponse serve(HttpRequest request, List<String> params);
  }

  static Route of(String method, String template, Action action) {
    String regex = template.replaceAll("\\{[a-z_]+}", "([^/]+)");
    return new Route(method, template, Pattern.compile(regex), action);
  }

  /** The names of the template's parameters, in order ({@code id}, {@code customer_id}...). */
  List<String> parameterNames() {
    return Pattern.compile("\\{([a-z_]+)}").matcher(template).results().map(r -> r.group(1)).toList();
  }

  /** The path's parameters when it matches, else null. */
  List<String> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) return null;
    List<String> params = new java.util.ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) params.add(m.group(i));
    return params;
  }
}
