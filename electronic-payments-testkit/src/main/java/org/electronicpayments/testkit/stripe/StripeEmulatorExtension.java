package org.electronicpayments.testkit.stripe;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link StripeEmulator} per test class, resets it before each test, closes it after the
 * class, and hands it to constructors and test methods that ask for it.
 *
 * <pre>{@code
 * @ExtendWith(StripeEmulatorExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void chargesOnce(StripeEmulator emulator) {
 *     StripeClient stripe = StripeClient.builder().setApiKey("sk_test_emulator")
 *         .setApiBase(emulator.baseUrl()).build();
 *     // … pay …
 *     assertThat(emulator.succeededCharges()).hasSize(1);
 *   }
 * }
 * }</pre>
 */
public final class StripeEmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StripeEmulatorExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StripeEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator(context);
  }

  /** The emulator of the test class (its root-most class context), started on first use. */
  @SuppressWarnings(
      "deprecation") // its replacement, computeIfAbsent, needs JUnit 5.13+; hosts bring their own
  private static StripeEmulator emulator(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent()
        && classContext.getParent().get().getTestClass().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return Objects.requireNonNull(
            classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                    StripeEmulator.class, k -> new Running(StripeEmulator.start()), Running.class))
        .emulator;
  }

  /** Closes the emulator when the class's store is closed. */
  @SuppressWarnings(
      "deprecation") // AutoCloseable store values need JUnit 5.13+; hosts bring their own
  private record Running(StripeEmulator emulator)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      emulator.close();
    }
  }
}
