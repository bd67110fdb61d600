package org.electronicpayments.testkit.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters one endpoint accepts, declared next to the endpoint and checked before it runs
 * (and before its idempotency key is claimed), the way Stripe checks a request: a parameter not
 * declared is refused with {@code parameter_unknown} naming it ({@code card[foo]}, {@code
 * metadata}); a malformed value is refused with Stripe's message, code and {@code param}. Every
 * endpoint accepts {@code expand[]}.
 *
 * <pre>{@code
 * static final ParamSpec CREATE = ParamSpec.of(
 *     ParamSpec.integer("amount"), ParamSpec.currency("currency"), ParamSpec.metadata(),
 *     ParamSpec.object("card", ParamSpec.integer("exp_month"), ParamSpec.integer("exp_year")));
 * }</pre>
 */
final class ParamSpec {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  /** What Stripe's email check lets through: one {@code @}, a dot in the domain, no spaces. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\"(),:;<>\\[\\\\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

  private static final Set<String> BOOLEANS = Set.of("true", "false");
  private static final Param EXPAND = new Param("expand", Kind.LIST, Set.of(), List.of());

  private final Map<String, Param> params;

  private ParamSpec(Map<String, Param> params) {
    this.params = params;
  }

  /** The parameters of an endpoint, {@code expand[]} included. */
  static ParamSpec of(Param... declared) {
    Map<String, Param> all = new LinkedHashMap<>();
    all.put(EXPAND.name, EXPAND);
    for (Param p : declared) {
      all.put(p.name, p);
    }
    return new ParamSpec(Map.copyOf(all));
  }

  /** A list endpoint: {@code limit}, {@code starting_after}, {@code ending_before} and filters. */
  static ParamSpec list(Param... filters) {
    List<Param> all = new ArrayList<>(List.of(filters));
    all.add(integer("limit"));
    all.add(string("starting_after"));
    all.add(string("ending_before"));
    return of(all.toArray(Param[]::new));
  }

  /** This declaration and more parameters (a later declaration of a name wins). */
  ParamSpec and(Param... more) {
    Map<String, Param> all = new LinkedHashMap<>(params);
    for (Param p : more) {
      all.put(p.name, p);
    }
    return new ParamSpec(Map.copyOf(all));
  }

  static Param string(String name) {
    return new Param(name, Kind.STRING, Set.of(), List.of());
  }

  static Param integer(String name) {
    return new Param(name, Kind.INTEGER, Set.of(), List.of());
  }

  /** {@code true} or {@code false}, and any extra words Stripe also takes for it. */
  static Param bool(String name, String... alsoAccepted) {
    return new Param(name, Kind.BOOLEAN, Set.of(alsoAccepted), List.of());
  }

  /** A three-letter ISO currency code, any case. */
  static Param currency(String name) {
    return new Param(name, Kind.CURRENCY, Set.of(), List.of());
  }

  static Param email(String name) {
    return new Param(name, Kind.EMAIL, Set.of(), List.of());
  }

  /** One of fixed values; an empty value unsets it. */
  static Param oneOf(String name, String... values) {
    return new Param(name, Kind.ENUM, Set.copyOf(List.of(values)), List.of());
  }

  /** A list of strings: {@code name[]=a}, {@code name[0]=a}. */
  static Param list(String name) {
    return new Param(name, Kind.LIST, Set.of(), List.of());
  }

  /** {@code metadata[any key]=value}; {@code metadata=} clears. */
  static Param metadata() {
    return new Param("metadata", Kind.MAP, Set.of(), List.of());
  }

  /** A hash with declared keys, such as {@code card[exp_month]}; {@code name=} unsets it. */
  static Param object(String name, Param... children) {
    return new Param(name, Kind.OBJECT, Set.of(), List.of(children));
  }

  /** Refuses the first parameter, in arrival order, that is undeclared or malformed. */
  void check(Params sent) {
    for (Map.Entry<String, String> pair : sent.pairs()) {
      List<String> path = path(pair.getKey());
      check(params.get(path.get(0)), path, 1, path.get(0), pair.getValue());
    }
  }

  private static void check(
      @Nullable Param param, List<String> path, int depth, String name, String value) {
    if (param == null) {
      throw unknown(name);
    }
    boolean leaf = depth == path.size();
    switch (param.kind) {
      case OBJECT -> {
        if (leaf) {
          requireEmpty(value, name, "Invalid hash");
          return;
        }
        String key = path.get(depth);
        check(param.child(key), path, depth + 1, name + "[" + key + "]", value);
      }
      case MAP -> {
        if (leaf) {
          requireEmpty(value, name, "Invalid hash");
        } else if (depth + 1 != path.size()) {
          String entry = name + "[" + path.get(depth) + "]";
          throw ApiError.invalidRequest(
              "Invalid value for " + entry + ": metadata values must be" + " strings", entry, null);
        }
      }
      case LIST -> {
        if (leaf) {
          requireEmpty(value, name, "Invalid array");
        } else if (depth + 1 != path.size() || !path.get(depth).matches("[0-9]*")) {
          throw unknown(name + "[" + path.get(depth) + "]");
        }
      }
      default -> {
        if (!leaf) {
          throw unknown(name + "[" + path.get(depth) + "]");
        }
        checkValue(param, name, value);
      }
    }
  }

  private static void checkValue(Param param, String name, String value) {
    if (value.isEmpty()) {
      return; // an empty value unsets the parameter; the endpoint decides whether it may
    }
    switch (param.kind) {
      case INTEGER -> {
        if (!INTEGER.matcher(value).matches()) {
          throw ApiError.invalidRequest(
              "Invalid integer: " + value, name, "parameter_invalid_integer");
        }
      }
      case BOOLEAN -> {
        if (!BOOLEANS.contains(value) && !param.values.contains(value)) {
          throw ApiError.invalidRequest("Invalid boolean: " + value, name, null);
        }
      }
      case CURRENCY -> {
        if (!value.matches("[A-Za-z]{3}")) {
          throw ApiError.invalidRequest(
              "Invalid currency: "
                  + value
                  + ". Stripe currently"
                  + " supports three-letter ISO currency codes in lowercase.",
              name,
              null);
        }
      }
      case EMAIL -> {
        if (value.length() > 512 || !EMAIL.matcher(value).matches()) {
          throw ApiError.invalidRequest("Invalid email address: " + value, name, "email_invalid");
        }
      }
      case ENUM -> {
        if (!param.values.contains(value)) {
          throw ApiError.invalidRequest(
              "Invalid " + name + ": must be one of " + choices(param.values), name, null);
        }
      }
      default -> {}
    }
  }

  private static void requireEmpty(String value, String name, String message) {
    if (!value.isEmpty()) {
      throw ApiError.invalidRequest(message, name, null);
    }
  }

  /** {@code a, b, or c} / {@code a or b}, sorted. */
  private static String choices(Set<String> values) {
    List<String> sorted = values.stream().sorted().toList();
    if (sorted.size() <= 2) {
      return String.join(" or ", sorted);
    }
    return String.join(", ", sorted.subList(0, sorted.size() - 1))
        + ", or "
        + sorted.get(sorted.size() - 1);
  }

  static ApiError unknown(String name) {
    return ApiError.invalidRequest(
        "Received unknown parameter: " + name, name, "parameter_unknown");
  }

  /**
   * {@code card[exp_month]} → {@code [card, exp_month]}; {@code expand[]} → {@code [expand, ""]}.
   */
  static List<String> path(String key) {
    List<String> path = new ArrayList<>();
    int bracket = key.indexOf('[');
    path.add(bracket < 0 ? key : key.substring(0, bracket));
    while (bracket >= 0) {
      int close = key.indexOf(']', bracket);
      if (close < 0) {
        path.add(key.substring(bracket)); // an unclosed bracket names nothing declared
        break;
      }
      path.add(key.substring(bracket + 1, close));
      bracket = key.indexOf('[', close);
    }
    return path;
  }

  /** What a declared parameter may hold. */
  enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    CURRENCY,
    EMAIL,
    ENUM,
    LIST,
    MAP,
    OBJECT
  }

  /**
   * One declared parameter.
   *
   * @param name its name at its level ({@code exp_month} inside {@code card})
   * @param kind what it holds
   * @param values the values of an enum, or the extra words a boolean takes
   * @param children the keys of an object
   */
  record Param(String name, Kind kind, Set<String> values, List<Param> children) {

    @Nullable Param child(String key) {
      for (Param c : children) {
        if (c.name.equals(key)) {
          return c;
        }
      }
      return null;
    }
  }
}
