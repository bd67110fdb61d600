/**
 * Runnable examples of a host application using electronic-payments: the front desk's New Payment
 * window, played end to end.
 */
@NullMarked
package org.electronicpayments.examples;

import org.jspecify.annotations.NullMarked;
