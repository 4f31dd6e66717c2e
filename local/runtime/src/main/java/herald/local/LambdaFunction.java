package herald.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.platform.Env;
import herald.sam.Template;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One function of the template: its handler class, built through the public constructor taking its
 * {@link Env}. Like Lambda, an instance handles one invocation at a time; concurrent invocations get more
 * instances, up to a limit, each built (its "init phase") on first need.
 */
public final class LambdaFunction {
  private final Template.Function spec;
  private final Env env;
  private final Constructor<?> constructor;
  private final BlockingQueue<Object> idle = new LinkedBlockingQueue<>();
  private final AtomicInteger instances = new AtomicInteger();
  private final int maxInstances;
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong handlerNanos = new AtomicLong();

  private LambdaFunction(Template.Function spec, Env env, Constructor<?> constructor, int maxInstances) {
    this.spec = spec;
    this.env = env;
    this.constructor = constructor;
    this.maxInstances = maxInstances;
  }

  /** Loads the handler class and builds a first instance, so a broken function fails at start. */
  public static LambdaFunction load(Template.Function spec, Env env, int maxInstances) {
    String className = spec.handlerClass();
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(className, true, loader != null ? loader : LambdaFunction.class.getClassLoader());
      if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
        throw new IllegalStateException(className + " is neither a RequestHandler nor a RequestStreamHandler");
      }
      LambdaFunction function = new LambdaFunction(spec, env, type.getConstructor(Env.class), maxInstances);
      function.instances.incrementAndGet();
      function.idle.add(function.newInstance());
      return function;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(spec.logicalId() + ": handler class " + className
          + " is not on the classpath (is its module a dependency of herald-local?)", e);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(spec.logicalId() + ": " + className
          + " needs a public constructor taking herald.platform.Env", e);
    }
  }

  public String name() {
    return spec.logicalId();
  }

  public Template.Function spec() {
    return spec;
  }

  public Env env() {
    return env;
  }

  /** Invocations so far (Lambda's requests). */
  public long invocations() {
    return invocations.get();
  }

  /** Time spent in handleRequest so far, all instances summed (what Lambda bills as duration, init left out). */
  public long handlerNanos() {
    return handlerNanos.get();
  }

  public boolean streams() {
    return RequestStreamHandler.class.isAssignableFrom(constructor.getDeclaringClass());
  }

  /** Calls a RequestHandler with a typed input, as Lambda would after deserialising the payload. */
  @SuppressWarnings("unchecked")
  public <I, O> O invoke(I input) {
    Object handler = borrow();
    try {
      if (!(handler instanceof RequestHandler<?, ?> h)) {
        throw new IllegalStateException(name() + " is a RequestStreamHandler; it takes JSON, not " + input);
      }
      long start = System.nanoTime();
      try {
        return ((RequestHandler<I, O>) h).handleRequest(input, context());
      } finally {
        counted(start);
      }
    } finally {
      idle.add(handler);
    }
  }

  /** Calls a RequestStreamHandler with a JSON payload, returning what it wrote. */
  public byte[] invokeStream(byte[] payload) {
    Object handler = borrow();
    try {
      if (!(handler instanceof RequestStreamHandler h)) {
        throw new IllegalStateException(name() + " is a typed RequestHandler, not a RequestStreamHandler");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long start = System.nanoTime();
      try {
        h.handleRequest(new ByteArrayInputStream(payload), out, context());
      } finally {
        counted(start);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      idle.add(handler);
    }
  }

  private void counted(long start) {
    handlerNanos.addAndGet(System.nanoTime() - start);
    invocations.incrementAndGet();
  }

  private LocalContext context() {
    return new LocalContext(name(), spec.memorySize(), spec.timeout());
  }

  private Object borrow() {
    Object handler = idle.poll();
    if (handler != null) return handler;
    for (int n = instances.get(); n < maxInstances; n = instances.get()) {
      if (instances.compareAndSet(n, n + 1)) return newInstance();
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name() + ": interrupted while waiting for an instance", e);
    }
  }

  /** Builds an instance already counted in {@code instances}. */
  private Object newInstance() {
    try {
      return constructor.newInstance(env);
    } catch (InvocationTargetException e) {
      instances.decrementAndGet();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      throw new IllegalStateException(name() + ": init failed", cause);
    } catch (ReflectiveOperationException e) {
      instances.decrementAndGet();
      throw new IllegalStateException(name() + ": cannot build " + spec.handlerClass(), e);
    }
  }
}
