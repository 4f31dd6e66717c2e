package herald.api;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard: static files that the build bundles into the jar's {@code dashboard/} folder, served without a key
 * ({@code GET /} is its index.html, {@code GET /dashboard/<file>} the rest). They hold no data: the pages call the API
 * with the key the person enters. Bundled files carry a content hash in their names, so they are cached for a year;
 * index.html is revalidated on every visit. Every answer carries a policy that lets the pages load only their own
 * script, style and images and call only this origin.
 */
final class DashboardFiles {
  static final String INDEX = "/";
  static final String PREFIX = "/dashboard/";
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
  private static final String FOLDER = "dashboard/";
  /** A file's name: no folders, no dot-files, one of the bundle's extensions. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\\.(html|js|css|svg|png|ico)");
  /** esbuild's [name]-[hash] file names: their content never changes under one name. */
  private static final Pattern HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.[a-z]+");
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
      "png", "image/png", "ico", "image/x-icon");
  /** The files read so far (only ones that exist, so asking for made-up names fills nothing). */
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  @Inject
  DashboardFiles() {}

  /** Whether the path is the dashboard's (then {@link #serve} answers it, whatever the method). */
  static boolean covers(String path) {
    return path.equals(INDEX) || path.startsWith(PREFIX);
  }

  HttpResponse serve(HttpRequest request) {
    if (!request.method().equals("GET")) {
      return HttpResponse.error(405, "method_not_allowed", "the dashboard's files are read with GET", null);
    }
    String name = request.path().equals(INDEX) ? "index.html" : request.path().substring(PREFIX.length());
    byte[] bytes = NAME.matcher(name).matches() ? file(name) : null;
    if (bytes == null) {
      return HttpResponse.error(404, "not_found", "the dashboard has no file " + request.path(), "path");
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return HttpResponse.file(bytes, Map.of("content-type", TYPES.get(extension),
        "cache-control", HASHED.matcher(name).matches() ? "public, max-age=31536000, immutable" : "no-cache",
        "content-security-policy", POLICY, "referrer-policy", "no-referrer"));
  }

  private byte[] file(String name) {
    byte[] known = files.get(name);
    if (known != null) return known;
    byte[] read = read(name);
    if (read != null) files.put(name, read);
    return read;
  }

  private static byte[] read(String name) {
    try (InputStream in = DashboardFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's " + name, e);
    }
  }
}
