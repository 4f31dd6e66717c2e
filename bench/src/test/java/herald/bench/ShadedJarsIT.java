package herald.bench;

import org.junit.jupiter.api.Test;

/**
 * Every function's shaded jar (what the template's CodeUri deploys, minimized) handles its sample event from
 * events/ in a fresh JVM against the local runtime's stand-ins, and runs its SnapStart priming: a class the
 * shade plugin's minimizing, ProGuard's shrinking (functions/lambda.pro) or a function's left-out SDK modules took
 * away fails here. Runs in mvn verify, after the functions' jars are packaged (integration-test phase).
 */
class ShadedJarsIT {
  @Test
  void everyFunctionsJarHandlesItsSampleEventAndPrimes() throws Exception {
    ColdStartBench.handleEachOnce(Repo.root(), System.out);
  }
}
