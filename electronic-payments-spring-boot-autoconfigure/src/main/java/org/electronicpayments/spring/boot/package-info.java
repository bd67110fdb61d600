/**
 * Spring Boot auto-configuration for electronic-payments. Public: the {@link
 * org.electronicpayments.spring.boot.ElectronicPaymentsProperties electronic-payments.*}
 * properties, the {@link org.electronicpayments.spring.boot.ActorResolver} hook and its Spring
 * Security default, the {@link org.electronicpayments.spring.boot.ReconcileSchedule}, and the
 * auto-configuration classes (for {@code @ImportAutoConfiguration} and exclusions). Everything else
 * is package-private machinery.
 */
@NullMarked
package org.electronicpayments.spring.boot;

import org.jspecify.annotations.NullMarked;
