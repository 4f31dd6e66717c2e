package herald.api;

import java.util.List;

/** A group of routes the api function serves (one per resource); the router takes every group bound into a set. */
interface Routes {
  List<Route> routes();
}
