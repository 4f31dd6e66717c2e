package herald.sam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves intrinsic functions the way the local runtime sees the stack: tables and queues named after their
 * logical ids (unless the template names them), region us-east-1, account 000000000000, stack name "local".
 * With a name suffix ({@link #withNameSuffix}), every table and queue name ends with it, so that several copies
 * of the stack's tables and queues (one per test class) live side by side in one stand-in.
 */
public final class Intrinsics {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";
  public static final String STACK_NAME = "local";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Template template;
  private final Map<String, String> parameters;
  private final Map<String, String> refs;
  private final String nameSuffix;
  private final ResourceValues resources;

  /**
   * @param parameters values that replace parameters' Defaults (e.g. ApiKey)
   * @param refs what {@code !Ref} gives for resources only known at run time (logical id to queue URL)
   */
  public Intrinsics(Template template, Map<String, String> parameters, Map<String, String> refs) {
    this(template, parameters, refs, "");
  }

  private Intrinsics(Template template, Map<String, String> parameters, Map<String, String> refs,
      String nameSuffix) {
    this.template = template;
    this.parameters = Map.copyOf(parameters);
    this.refs = Map.copyOf(refs);
    this.nameSuffix = nameSuffix;
    this.resources = new ResourceValues(template, this.refs, nameSuffix, this::string);
  }

  public Intrinsics withRefs(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(refs);
    all.putAll(more);
    return new Intrinsics(template, parameters, all, nameSuffix);
  }

  /** The same, with every table and queue name ending in {@code suffix} ("-1a2b3c4d"). */
  public Intrinsics withNameSuffix(String suffix) {
    return new Intrinsics(template, parameters, refs, suffix);
  }

  /** The value with every intrinsic resolved; AWS::NoValue drops the entry. */
  public Object resolve(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = Values.map(m);
      if (map.size() == 1) {
        String key = map.keySet().iterator().next();
        if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
          return function(key, map.get(key));
        }
      }
      Map<String, Object> resolved = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        Object r = resolve(v);
        if (r != null) resolved.put(k, r);
      });
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>();
      for (Object item : list) {
        Object r = resolve(item);
        if (r != null) resolved.add(r);
      }
      return resolved;
    }
    return value;
  }

  public String string(Object value) {
    Object resolved = resolve(value);
    return resolved == null ? null : String.valueOf(resolved);
  }

  public String tableName(Template.Table table) {
    return (table.name() == null ? table.logicalId() : string(table.name())) + nameSuffix;
  }

  public String queueName(Template.Queue queue) {
    return (queue.name() == null ? queue.logicalId() : string(queue.name())) + nameSuffix;
  }

  public String busName(Template.Bus bus) {
    return bus.name() == null ? bus.logicalId() : string(bus.name());
  }

  /** A secret's local ARN: named after its logical id. */
  public static String secretArn(String logicalId) {
    return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + logicalId;
  }

  public static String queueArn(String name) {
    return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
  }

  private Object function(String name, Object arg) {
    return switch (name) {
      case "Ref" -> ref(String.valueOf(arg));
      case "Condition" -> condition(String.valueOf(arg));
      case "Fn::GetAtt" -> resources.getAtt(string(Values.list(arg).get(0)), string(Values.list(arg).get(1)));
      case "Fn::Sub" -> sub(arg);
      case "Fn::Join" -> join(Values.list(arg));
      case "Fn::Select" -> Values.list(resolve(Values.list(arg).get(1)))
          .get(Values.integer(resolve(Values.list(arg).get(0)), 0));
      case "Fn::Split" -> List.of(string(Values.list(arg).get(1))
          .split(Pattern.quote(string(Values.list(arg).get(0))), -1));
      case "Fn::If" -> resolve(Values.list(arg).get(condition(string(Values.list(arg).get(0))) ? 1 : 2));
      case "Fn::Equals" -> string(Values.list(arg).get(0)).equals(string(Values.list(arg).get(1)));
      case "Fn::Not" -> !truth(Values.list(arg).get(0));
      case "Fn::And" -> Values.list(arg).stream().allMatch(this::truth);
      case "Fn::Or" -> Values.list(arg).stream().anyMatch(this::truth);
      case "Fn::FindInMap" -> findInMap(Values.list(resolve(arg)));
      case "Fn::GetAZs" -> List.of(REGION + "a", REGION + "b", REGION + "c");
      case "Fn::Base64" -> Base64.getEncoder().encodeToString(string(arg).getBytes(StandardCharsets.UTF_8));
      case "Fn::Length" -> Values.list(resolve(arg)).size();
      case "Fn::ToJsonString" -> Values.json(resolve(arg));
      case "Fn::ImportValue" -> {
        String export = string(arg);
        System.err.println("[herald-local] Fn::ImportValue " + export + " has no local value; using its name");
        yield export;
      }
      default -> throw new IllegalArgumentException(name + " is not supported locally");
    };
  }

  private boolean truth(Object value) {
    return Boolean.parseBoolean(String.valueOf(resolve(value)));
  }

  private boolean condition(String name) {
    if (!template.conditions().containsKey(name)) throw new IllegalArgumentException("no condition " + name);
    return truth(template.conditions().get(name));
  }

  private Object ref(String name) {
    switch (name) {
      case "AWS::Region": return REGION;
      case "AWS::AccountId": return ACCOUNT;
      case "AWS::StackName": return STACK_NAME;
      case "AWS::StackId":
        return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + STACK_NAME + "/local";
      case "AWS::Partition": return "aws";
      case "AWS::URLSuffix": return "amazonaws.com";
      case "AWS::NoValue": return null;
      case "AWS::NotificationARNs": return List.of();
      default: break;
    }
    if (template.parameters().containsKey(name)) return parameter(name);
    return resources.ref(name);
  }

  private Object parameter(String name) {
    Map<String, Object> declaration = Values.map(template.parameters().get(name));
    String value = parameters.containsKey(name) ? parameters.get(name) : Values.string(declaration.get("Default"));
    if (value == null) {
      System.err.println("[herald-local] parameter " + name + " has no Default and no local value; using \"\"");
      value = "";
    }
    String type = String.valueOf(declaration.get("Type"));
    return type.contains("List") ? List.of(value.split(",", -1)) : value;
  }

  private String sub(Object arg) {
    String text;
    Map<String, Object> variables = Map.of();
    if (arg instanceof List<?> list) {
      text = String.valueOf(list.get(0));
      variables = Values.map(list.size() > 1 ? list.get(1) : null);
    } else {
      text = String.valueOf(arg);
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1).trim();
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = string(variables.get(variable));
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        replacement = String.valueOf(resources.getAtt(variable.substring(0, dot), variable.substring(dot + 1)));
      } else {
        replacement = String.valueOf(ref(variable));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String join(List<Object> arg) {
    List<String> parts = Values.list(resolve(arg.get(1))).stream().map(String::valueOf).toList();
    return String.join(string(arg.get(0)), parts);
  }

  private Object findInMap(List<Object> arg) {
    Map<String, Object> top = Values.map(template.mappings().get(String.valueOf(arg.get(0))));
    Object value = Values.map(top.get(String.valueOf(arg.get(1)))).get(String.valueOf(arg.get(2)));
    if (value == null) throw new IllegalArgumentException("Fn::FindInMap " + arg + ": no such entry");
    return resolve(value);
  }
}
