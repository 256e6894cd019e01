package de.kontor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * "Stay signed in for 7 days" with Spring Security's persistent tokens in the database, so any node signs
 * the browser back in. The login form cannot carry an extra field, so the login page keeps the user's choice
 * in the session ({@link SecurityProperties#REMEMBER_ME_REQUESTED}) until the form is posted. A sign-in that
 * still waits for its second factor is not remembered: a remembered browser would skip that factor. The web
 * UI's filter chain uses this only when {@code kontor.security.remember-me} is on.
 */
class RememberMe extends PersistentTokenBasedRememberMeServices {

    RememberMe(KontorUserDetailsService users, DataSource dataSource) {
        super(UUID.randomUUID().toString(), users, repository(dataSource));
        setTokenValiditySeconds((int) SecurityProperties.REMEMBER_ME_VALIDITY.toSeconds());
        setUseSecureCookie(false);
    }

    private static JdbcTokenRepositoryImpl repository(DataSource dataSource) {
        JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    @Override
    protected boolean rememberMeRequested(HttpServletRequest request, String parameter) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(SecurityProperties.REMEMBER_ME_REQUESTED));
    }

    @Override
    protected void onLoginSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof PendingSignIn)) {
            super.onLoginSuccess(request, response, authentication);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {
        @Bean
        AbstractRememberMeServices rememberMeServices(KontorUserDetailsService users, DataSource dataSource) {
            return new RememberMe(users, dataSource);
        }
    }
}
