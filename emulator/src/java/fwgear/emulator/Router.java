package fwgear.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a method and a path such as {@code /api/groups/{gid}/tags} to a handler. */
final class Router {
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws Exception;
  }

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  /** A route found for a request, with its decoded path parameters. */
  record Match(Handler handler, Map<String, String> parameters) {}

  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String template, Handler handler) {
    List<String> names = new ArrayList<>();
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(template.substring(last, parameter.start())));
      regex.append("([^/]+)");
      names.add(parameter.group(1));
      last = parameter.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /**
   * The handler for a request; 404 when no route has the path, 405 when the path exists with other
   * methods.
   */
  Match match(String method, String rawPath) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.pattern().matcher(rawPath);
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (!route.method().equals(method)) {
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < route.names().size(); i++) {
        parameters.put(route.names().get(i), Call.decode(matcher.group(i + 1).replace("+", "%2B")));
      }
      return new Match(route.handler(), parameters);
    }
    if (pathKnown) {
      throw new ApiError(405, "Method " + method + " is not allowed on " + rawPath);
    }
    throw ApiError.notFound("No such endpoint: " + method + " " + rawPath);
  }
}
