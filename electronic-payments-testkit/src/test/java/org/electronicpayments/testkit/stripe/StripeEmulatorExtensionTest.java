package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.StripeException;
import com.stripe.param.CustomerCreateParams;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StripeEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripeEmulatorExtensionTest {

  private final StripeEmulator constructed;

  StripeEmulatorExtensionTest(StripeEmulator emulator) {
    this.constructed = emulator;
  }

  @Test
  @Order(1)
  void handsTheSameRunningEmulatorToConstructorAndMethod(StripeEmulator emulator)
      throws StripeException {
    assertThat(emulator).isSameAs(constructed);
    Clients.client(emulator).v1().customers().create(CustomerCreateParams.builder().build());
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  @Order(2)
  void resetsTheEmulatorBeforeEachTest(StripeEmulator emulator) {
    assertThat(emulator).isSameAs(constructed);
    assertThat(emulator.requests()).isEmpty();
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheirClassesEmulator(StripeEmulator emulator) {
      assertThat(emulator).isSameAs(constructed);
    }
  }
}
