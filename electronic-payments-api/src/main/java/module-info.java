/**
 * electronic-payments API: the domain, the {@code ElectronicPayments} facade, access control and
 * the service-provider interfaces. Only those packages are exported; the facade's machinery in
 * {@code org.electronicpayments.internal} is not part of the API and may change in any release.
 */
module org.electronicpayments.api {
  requires transitive jakarta.validation;
  requires transitive org.jspecify;
  requires org.hibernate.validator;
  requires org.slf4j;

  exports org.electronicpayments;
  exports org.electronicpayments.roles;
  exports org.electronicpayments.security;
  exports org.electronicpayments.spi;

  // Hibernate Validator reads PaymentRequest's constraint annotations and values reflectively.
  opens org.electronicpayments to
      org.hibernate.validator;
}
