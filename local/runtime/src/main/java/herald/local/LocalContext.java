package herald.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import herald.sam.Intrinsics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context of one local invocation: the function's name, memory and timeout, a logger to stdout. */
final class LocalContext implements Context {
  private static final LambdaLogger STDOUT = new LambdaLogger() {
    @Override
    public void log(String message) {
      System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
      System.out.println(new String(message, StandardCharsets.UTF_8));
    }
  };

  private final String functionName;
  private final int memorySize;
  private final long deadline;
  private final String requestId = UUID.randomUUID().toString();

  LocalContext(String functionName, int memorySize, int timeoutSeconds) {
    this.functionName = functionName;
    this.memorySize = memorySize;
    this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
  }

  @Override public String getAwsRequestId() { return requestId; }
  @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
  @Override public String getLogStreamName() { return "local/[$LATEST]" + functionName; }
  @Override public String getFunctionName() { return functionName; }
  @Override public String getFunctionVersion() { return "$LATEST"; }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":function:" + functionName;
  }

  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override public int getMemoryLimitInMB() { return memorySize; }
  @Override public LambdaLogger getLogger() { return STDOUT; }
}
