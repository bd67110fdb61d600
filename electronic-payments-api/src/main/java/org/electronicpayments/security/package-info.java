/**
 * Who may do what: {@link org.electronicpayments.security.Permission}s granted through
 * {@link org.electronicpayments.security.Role}s, the kinds of
 * {@link org.electronicpayments.security.Actor}, and the
 * {@link org.electronicpayments.security.AccessPolicy} every operation is checked against.
 */
@NullMarked
package org.electronicpayments.security;

import org.jspecify.annotations.NullMarked;
