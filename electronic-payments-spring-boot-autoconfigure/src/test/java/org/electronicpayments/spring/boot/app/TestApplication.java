package org.electronicpayments.spring.boot.app;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A host application for the tests: nothing but the starter's auto-configuration, and a filter that
 * signs in the user named by the {@code X-Test-User} header with the authorities of {@code
 * X-Test-Authorities}, as the application's own Spring Security set-up would.
 */
@SpringBootApplication
public class TestApplication {

  static final String USER = "X-Test-User";
  static final String AUTHORITIES = "X-Test-Authorities";

  @Bean
  Filter testSignIn() {
    return (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader(USER);
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      String authorities = http.getHeader(AUTHORITIES);
      Principal principal =
          UsernamePasswordAuthenticationToken.authenticated(
              user,
              null,
              AuthorityUtils.createAuthorityList(
                  authorities == null
                      ? new String[0]
                      : Arrays.stream(authorities.split(","))
                          .map(String::trim)
                          .toArray(String[]::new)));
      chain.doFilter(
          new HttpServletRequestWrapper(http) {
            @Override
            public Principal getUserPrincipal() {
              return principal;
            }
          },
          response);
    };
  }
}
