package de.kontor.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused because of the client's address: an admin blocked it, or the account is an admin's and
 * the address lies outside the networks admins may sign in from.
 */
public class AddressBlockedException extends AuthenticationException {

    public AddressBlockedException() {
        super("Sign-in from this address is not allowed");
    }
}
