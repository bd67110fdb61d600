package org.electronicpayments.spring.boot;

import org.electronicpayments.spi.PaymentProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Makes the processor of one more agency of the registry, charging through its connected account.
 */
@FunctionalInterface
interface AgencyProcessors {

  PaymentProcessor forConnectedAccount(@Nullable String connectedAccount);
}
