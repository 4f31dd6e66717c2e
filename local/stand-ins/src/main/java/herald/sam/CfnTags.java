package herald.sam;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation's short intrinsic tags as their long forms: {@code !Ref X} becomes
 * {@code {Ref: X}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": [A, B]}}, {@code !Sub s} becomes
 * {@code {"Fn::Sub": s}}, and so on.
 */
final class CfnTags extends SafeConstructor {
  private static final List<String> FUNCTIONS = List.of("Sub", "Join", "Select", "If", "Equals", "Not", "And",
      "Or", "FindInMap", "Split", "GetAZs", "ImportValue", "Base64", "Cidr", "Length", "ToJsonString");

  CfnTags(LoaderOptions options) {
    super(options);
    yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
    yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
    yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
    for (String name : FUNCTIONS) {
      yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
    }
  }

  private Object value(Node node) {
    if (node instanceof ScalarNode scalar) return constructScalar(scalar);
    if (node instanceof SequenceNode sequence) return constructSequence(sequence);
    return constructMapping((MappingNode) node);
  }

  private final class Intrinsic extends AbstractConstruct {
    private final String key;

    Intrinsic(String key) {
      this.key = key;
    }

    @Override
    public Object construct(Node node) {
      return Map.of(key, value(node));
    }
  }

  private final class GetAtt extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      Object value = value(node);
      if (value instanceof String s) {
        int dot = s.indexOf('.');
        if (dot < 0) throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + s);
        value = List.of(s.substring(0, dot), s.substring(dot + 1));
      }
      return Map.of("Fn::GetAtt", value);
    }
  }
}
