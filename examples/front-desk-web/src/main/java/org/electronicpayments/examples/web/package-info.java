/**
 * The reference front-desk web application: a Spring Boot application on the electronic-payments
 * starter, with the New Payment window, the client portal and the Champion's roles page rendered by
 * Thymeleaf and one small script. Run it with {@link FrontDeskWebApplication}; it charges through
 * the embedded Stripe emulator unless the {@code stripe} profile is active.
 */
@NullMarked
package org.electronicpayments.examples.web;

import org.jspecify.annotations.NullMarked;
