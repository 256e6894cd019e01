package de.kontor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One in-process SMTP server (GreenMail) per test JVM; the shared application context sends to it. */
public final class TestMail {

    private static final GreenMail SERVER = start();

    private TestMail() {
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetup.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    public static GreenMail server() {
        return SERVER;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }
}
