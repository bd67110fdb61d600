package org.electronicpayments.stripe;

import com.stripe.StripeClient;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link StripePaymentProcessor}. The secret key is required; everything else has a
 * safe default. Each setter checks its own argument and {@link #build()} checks the settings
 * together, so a misconfiguration fails at start-up with a message naming the setting, never at the
 * first payment. The key never appears in a message or in {@link #toString()}.
 *
 * <pre>{@code
 * StripePaymentProcessor stripe = StripePaymentProcessor.builder()
 *     .secretKey(System.getenv("STRIPE_SECRET_KEY"))   // sk_live_…, sk_test_…, rk_live_…, rk_test_…
 *     .stripeAccount("acct_1Q2w3e4r5t6y7u8i")           // optional: the agency's connected account
 *     .statementDescriptorSuffix("CLINIC COPAY")        // optional
 *     .descriptionTemplate("Clinic payment {payment_id}")
 *     .deadline(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 */
public final class StripePaymentProcessorBuilder {

  /** Stripe's API address. */
  public static final String DEFAULT_API_BASE = "https://api.stripe.com";

  /** How long to wait for a connection by default. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** How long to wait for an answer by default (stripe-java's own default). */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(80);

  /** stripe-java's retries of one request, with the same idempotency key, by default. */
  public static final int DEFAULT_MAX_NETWORK_RETRIES = 2;

  /** The longest any one processor operation takes by default. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(90);

  /** The PaymentIntent description by default. */
  public static final String DEFAULT_DESCRIPTION_TEMPLATE = "Payment {payment_id}";

  /** The placeholders a description template may use: opaque ids only. */
  public static final List<String> PLACEHOLDERS =
      List.of("{payment_id}", "{agency_id}", "{attempt}");

  static final List<String> KEY_PREFIXES = List.of("sk_test_", "sk_live_", "rk_test_", "rk_live_");
  private static final Duration MAX_DURATION = Duration.ofMinutes(10);
  private static final int MAX_RETRIES = 10;
  private static final int MAX_DESCRIPTOR = 22;
  private static final Pattern KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9_]{1,250}");
  private static final Pattern ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{1,250}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
  private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{9,}");

  @Nullable String secretKey;
  String apiBase = DEFAULT_API_BASE;
  @Nullable String stripeAccount;
  Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  Duration readTimeout = DEFAULT_READ_TIMEOUT;
  int maxNetworkRetries = DEFAULT_MAX_NETWORK_RETRIES;
  Duration deadline = DEFAULT_DEADLINE;
  Currency currency = Currency.getInstance("USD");
  @Nullable String statementDescriptorSuffix;
  @Nullable String statementDescriptorPrefix;
  String descriptionTemplate = DEFAULT_DESCRIPTION_TEMPLATE;
  @Nullable StripeClient stripeClient;
  @Nullable Proxy proxy;
  @Nullable PasswordAuthentication proxyCredential;

  StripePaymentProcessorBuilder() {}

  /**
   * The secret or restricted API key (required).
   *
   * @param secretKey {@code sk_test_…}, {@code sk_live_…}, {@code rk_test_…} or {@code rk_live_…}
   * @return this builder
   */
  public StripePaymentProcessorBuilder secretKey(String secretKey) {
    Objects.requireNonNull(secretKey, "secretKey");
    if (!KEY.matcher(secretKey).matches()) {
      throw new IllegalArgumentException(
          "secretKey must be a Stripe secret or restricted key:"
              + " sk_test_…, sk_live_…, rk_test_… or rk_live_… (the value is not shown)");
    }
    this.secretKey = secretKey;
    return this;
  }

  /**
   * Stripe's API address: change it only for the testkit's emulator or stripe-mock.
   *
   * @param apiBase an absolute http or https URL without path (default {@value #DEFAULT_API_BASE})
   * @return this builder
   */
  public StripePaymentProcessorBuilder apiBase(String apiBase) {
    Objects.requireNonNull(apiBase, "apiBase");
    String trimmed = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("apiBase must be an absolute http or https URL", e);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || (uri.getPath() != null && !uri.getPath().isEmpty())
        || uri.getQuery() != null) {
      throw new IllegalArgumentException(
          "apiBase must be an absolute http or https URL without a path,"
              + " such as https://api.stripe.com or http://localhost:12111");
    }
    this.apiBase = trimmed;
    return this;
  }

  /**
   * The agency's own Stripe account connected to the host's platform, sent as {@code
   * Stripe-Account} on every request (default: none, the key's own account).
   *
   * @param stripeAccount an {@code acct_…} id
   * @return this builder
   */
  public StripePaymentProcessorBuilder stripeAccount(String stripeAccount) {
    Objects.requireNonNull(stripeAccount, "stripeAccount");
    if (!ACCOUNT.matcher(stripeAccount).matches()) {
      throw new IllegalArgumentException(
          "stripeAccount must be a connected account id such as acct_1Q2w3e4r");
    }
    this.stripeAccount = stripeAccount;
    return this;
  }

  /**
   * How long to wait for a connection to Stripe.
   *
   * @param timeout more than zero, at most ten minutes (default 30 s)
   * @return this builder
   */
  public StripePaymentProcessorBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = checkDuration(timeout, "connectTimeout");
    return this;
  }

  /**
   * How long to wait for Stripe's whole answer to one try of a request (not per read: a server
   * trickling its answer is cut off at this time too), and never past the operation's deadline.
   *
   * @param timeout more than zero, at most ten minutes (default 80 s)
   * @return this builder
   */
  public StripePaymentProcessorBuilder readTimeout(Duration timeout) {
    this.readTimeout = checkDuration(timeout, "readTimeout");
    return this;
  }

  /**
   * How often stripe-java retries one request (same idempotency key) after a timeout, a 409 or a
   * 5xx; a retry starts only while stripe-java's back-off and a full read timeout still fit before
   * the deadline.
   *
   * @param retries 0 to 10 (default 2)
   * @return this builder
   */
  public StripePaymentProcessorBuilder maxNetworkRetries(int retries) {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new IllegalArgumentException("maxNetworkRetries must be between 0 and " + MAX_RETRIES);
    }
    this.maxNetworkRetries = retries;
    return this;
  }

  /**
   * The longest one processor operation (prepare, confirm, resolve, refund…) takes, requests and
   * retries included; a charge's own deadline, when sooner, wins. Past it the outcome is unknown.
   *
   * @param deadline more than zero, at most ten minutes (default 90 s)
   * @return this builder
   */
  public StripePaymentProcessorBuilder deadline(Duration deadline) {
    this.deadline = checkDuration(deadline, "deadline");
    return this;
  }

  /**
   * The currency charged; a charge in another currency is rejected before any request.
   *
   * @param currency an ISO 4217 currency with minor units (default USD)
   * @return this builder
   */
  public StripePaymentProcessorBuilder currency(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("currency must be a currency with minor units");
    }
    this.currency = currency;
    return this;
  }

  /**
   * A neutral suffix for the client's card statement, such as {@code CLINIC COPAY}: Latin letters,
   * digits and spaces, at least one letter, none of {@code < > \ ' " *}.
   *
   * @param suffix at most 22 characters, and with the prefix (if given) at most 22 in all
   * @return this builder
   */
  public StripePaymentProcessorBuilder statementDescriptorSuffix(String suffix) {
    Objects.requireNonNull(suffix, "statementDescriptorSuffix");
    String s = suffix.strip();
    if (s.isEmpty()
        || s.length() > MAX_DESCRIPTOR
        || !s.matches("[\\x20-\\x7E]*")
        || !s.matches(".*[A-Za-z].*")
        || s.matches(".*[<>\\\\'\"*].*")) {
      throw new IllegalArgumentException(
          "statementDescriptorSuffix must be 1 to 22 Latin characters with"
              + " at least one letter and none of < > \\ ' \" *");
    }
    this.statementDescriptorSuffix = s;
    return this;
  }

  /**
   * The account's statement descriptor prefix as set in the Stripe Dashboard, used only to check
   * that prefix, {@code "* "} and suffix fit Stripe's 22 characters.
   *
   * @param prefix the prefix
   * @return this builder
   */
  public StripePaymentProcessorBuilder statementDescriptorPrefix(String prefix) {
    Objects.requireNonNull(prefix, "statementDescriptorPrefix");
    if (prefix.isBlank() || prefix.strip().length() > MAX_DESCRIPTOR - 2) {
      throw new IllegalArgumentException("statementDescriptorPrefix must be 1 to 20 characters");
    }
    this.statementDescriptorPrefix = prefix.strip();
    return this;
  }

  /**
   * The PaymentIntent description Stripe shows in its Dashboard and receipts. Only fixed text and
   * the placeholders {@code {payment_id}}, {@code {agency_id}} and {@code {attempt}}: never a note,
   * a reference or anything about the appointment (G5).
   *
   * @param template 1 to 200 characters (default {@value #DEFAULT_DESCRIPTION_TEMPLATE})
   * @return this builder
   */
  public StripePaymentProcessorBuilder descriptionTemplate(String template) {
    Objects.requireNonNull(template, "descriptionTemplate");
    if (template.isBlank() || template.length() > 200) {
      throw new IllegalArgumentException("descriptionTemplate must be 1 to 200 characters");
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group())) {
        throw new IllegalArgumentException(
            "descriptionTemplate may use only " + PLACEHOLDERS + ", not " + m.group());
      }
    }
    if (DIGIT_RUN.matcher(template).find()) {
      throw new IllegalArgumentException(
          "descriptionTemplate must not contain long runs of digits");
    }
    this.descriptionTemplate = template;
    return this;
  }

  /**
   * The proxy every request to Stripe goes through (stripe-java's connection proxy): an HTTP proxy
   * (a {@code CONNECT} tunnel for https) or a SOCKS proxy. Without it, the JVM's {@link
   * java.net.ProxySelector} decides, as for {@code HttpURLConnection}.
   *
   * <pre>{@code
   * .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.agency.example", 3128)))
   * }</pre>
   *
   * @param proxy the proxy (not {@link Proxy#NO_PROXY}: leave the setting out instead)
   * @return this builder
   */
  public StripePaymentProcessorBuilder proxy(Proxy proxy) {
    Objects.requireNonNull(proxy, "proxy");
    if (proxy.type() == Proxy.Type.DIRECT
        || !(proxy.address() instanceof java.net.InetSocketAddress)) {
      throw new IllegalArgumentException(
          "proxy must be an HTTP or SOCKS proxy with a host and port");
    }
    this.proxy = proxy;
    return this;
  }

  /**
   * The user name and password an HTTP {@link #proxy(Proxy)} asks for (sent as Basic {@code
   * Proxy-Authorization}); the password never appears in a message or {@code toString}.
   *
   * @param credential the proxy's user name and password
   * @return this builder
   */
  public StripePaymentProcessorBuilder proxyCredential(PasswordAuthentication credential) {
    this.proxyCredential = Objects.requireNonNull(credential, "proxyCredential");
    return this;
  }

  /**
   * For tests: a ready stripe-java client; the key, address, timeouts and retries are then its own.
   */
  StripePaymentProcessorBuilder stripeClient(StripeClient client) {
    this.stripeClient = Objects.requireNonNull(client, "stripeClient");
    return this;
  }

  /**
   * Checks the settings together and builds the processor.
   *
   * @return the processor
   * @throws IllegalStateException naming the missing or inconsistent setting
   */
  public StripePaymentProcessor build() {
    if (secretKey == null && stripeClient == null) {
      throw new IllegalStateException(
          "secretKey is required: the agency's Stripe secret key (sk_live_… or"
              + " sk_test_…) or a restricted key (rk_…)");
    }
    if (statementDescriptorPrefix != null
        && statementDescriptorSuffix != null
        && statementDescriptorPrefix.length() + 2 + statementDescriptorSuffix.length()
            > MAX_DESCRIPTOR) {
      throw new IllegalStateException(
          "statementDescriptorSuffix is too long: statementDescriptorPrefix, \"* \""
              + " and the suffix must fit in "
              + MAX_DESCRIPTOR
              + " characters");
    }
    if (secretKey != null && secretKey.contains("_live_") && apiBase.startsWith("http:")) {
      throw new IllegalStateException("apiBase must be https with a live secretKey");
    }
    if (proxyCredential != null && proxy == null) {
      throw new IllegalStateException("proxyCredential needs a proxy");
    }
    StripeSettings settings =
        new StripeSettings(
            secretKey == null ? "sk_test_injected" : secretKey,
            apiBase,
            stripeAccount,
            connectTimeout,
            readTimeout,
            maxNetworkRetries,
            deadline,
            currency,
            statementDescriptorSuffix,
            descriptionTemplate,
            proxy,
            proxyCredential);
    return new StripePaymentProcessor(settings, stripeClient);
  }

  /** Shows the settings with the key redacted. */
  @Override
  public String toString() {
    return "StripePaymentProcessorBuilder[secretKey="
        + StripeSettings.redact(secretKey)
        + ", apiBase="
        + apiBase
        + ", stripeAccount="
        + stripeAccount
        + ", deadline="
        + deadline
        + "]";
  }

  private static Duration checkDuration(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(name + " must be more than 0 and at most " + MAX_DURATION);
    }
    return value;
  }
}
