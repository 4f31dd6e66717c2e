package herald.local;

/** The stand-ins' URLs; aws is the runtime's own EventBridge, SNS and Secrets Manager endpoint. */
public record Endpoints(String dynamoDb, String sqs, String ses, String aws) {}
