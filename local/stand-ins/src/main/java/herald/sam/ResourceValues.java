package herald.sam;

import static herald.sam.Intrinsics.ACCOUNT;
import static herald.sam.Intrinsics.REGION;

import java.util.Map;
import java.util.function.Function;

/** What {@code !Ref} and {@code !GetAtt} give for each kind of resource, locally. */
final class ResourceValues {
  private final Template template;
  private final Map<String, String> refs;
  private final String nameSuffix;
  private final Function<Object, String> resolve;

  /**
   * @param refs what !Ref gives for resources only known at run time (queue URLs)
   * @param nameSuffix what every table and queue name ends with ("" for the stack as written)
   * @param resolve resolves a raw property value (a TableName, a Name) to a string
   */
  ResourceValues(Template template, Map<String, String> refs, String nameSuffix, Function<Object, String> resolve) {
    this.template = template;
    this.refs = refs;
    this.nameSuffix = nameSuffix;
    this.resolve = resolve;
  }

  String ref(String id) {
    if (refs.containsKey(id)) return refs.get(id);
    String type = type(id);
    if (type == null) throw new IllegalArgumentException("!Ref " + id + ": no such parameter or resource");
    return switch (type) {
      case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> named(id, "TableName") + nameSuffix;
      case "AWS::SQS::Queue" -> throw new IllegalStateException("!Ref " + id + ": queue URL not known yet");
      case "AWS::Events::EventBus", "AWS::SES::ConfigurationSet" -> named(id, "Name");
      case "AWS::Serverless::Function", "AWS::Lambda::Function" -> named(id, "FunctionName");
      case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + named(id, "TopicName");
      case "AWS::SecretsManager::Secret" -> Intrinsics.secretArn(id);
      default -> id;
    };
  }

  Object getAtt(String id, String attribute) {
    String key = type(id) + "." + attribute;
    return switch (key) {
      case "AWS::SQS::Queue.Arn" -> Intrinsics.queueArn(named(id, "QueueName") + nameSuffix);
      case "AWS::SQS::Queue.QueueName" -> named(id, "QueueName") + nameSuffix;
      case "AWS::SQS::Queue.QueueUrl", "AWS::Events::EventBus.Name", "AWS::SNS::Topic.TopicArn" -> ref(id);
      case "AWS::DynamoDB::Table.Arn", "AWS::Serverless::SimpleTable.Arn" ->
          "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ref(id);
      case "AWS::DynamoDB::Table.StreamArn" ->
          "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ref(id) + "/stream/local";
      case "AWS::Events::EventBus.Arn" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + ref(id);
      case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + ACCOUNT + ":role/" + named(id, "RoleName");
      case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" ->
          "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + ref(id);
      default -> id + "." + attribute;
    };
  }

  /** The resource's type; queues SAM adds (an EventBridgeRule's DeadLetterConfig Type SQS) count too. */
  private String type(String id) {
    String type = template.typeOf(id);
    if (type == null && template.queues().stream().anyMatch(q -> q.logicalId().equals(id))) {
      return "AWS::SQS::Queue";
    }
    return type;
  }

  /** The resource's name property, resolved, or its logical id when the template leaves it unnamed. */
  private String named(String id, String property) {
    Object name = template.propertiesOf(id).get(property);
    return name == null ? id : resolve.apply(name);
  }
}
