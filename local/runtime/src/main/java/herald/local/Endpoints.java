package herald.local;

/** The stand-ins' URLs; aws is the runtime's own EventBridge and SNS endpoint. */
public record Endpoints(String dynamoDb, String sqs, String ses, String aws) {}
