package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every wrapper of a service-provider interface overrides every one of its methods, default methods
 * included: a wrapper that inherits a default would bypass what it wraps (the delegate's own
 * implementation, the agency scope, the metrics), so a method added to the SPI later fails here
 * until each wrapper forwards it.
 */
class SpiWrappersTest {

  @ParameterizedTest(name = "{0} forwards every method of {1}")
  @CsvSource({
    "org.electronicpayments.spring.boot.ObservedStore, org.electronicpayments.spi.PaymentStore",
    "org.electronicpayments.spring.boot.AgencyScopedStore, org.electronicpayments.spi.PaymentStore",
    "org.electronicpayments.spring.boot.app.RacingStore, org.electronicpayments.spi.PaymentStore",
    "org.electronicpayments.spring.boot.ObservedProcessor,"
        + " org.electronicpayments.spi.PaymentProcessor"
  })
  void theWrapperOverridesEveryMethodOfTheInterface(String wrapper, String spi) throws Exception {
    Class<?> type = Class.forName(wrapper);
    Class<?> contract = Class.forName(spi);
    assertThat(contract).isIn(PaymentStore.class, PaymentProcessor.class);
    assertThat(contract.isAssignableFrom(type)).as("%s implements %s", wrapper, spi).isTrue();

    List<String> inherited = new ArrayList<>();
    for (Method method : contract.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      try {
        Method own = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        assertThat(own.isBridge()).isFalse();
      } catch (NoSuchMethodException e) {
        inherited.add(method.getName() + (method.isDefault() ? " (default)" : ""));
      }
    }
    assertThat(inherited).as("methods of %s that %s does not override", spi, wrapper).isEmpty();
  }
}
