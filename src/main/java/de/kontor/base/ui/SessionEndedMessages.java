package de.kontor.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.SystemMessagesProvider;
import de.kontor.base.i18n.KontorI18NProvider;

import java.util.Locale;

/**
 * What the browser shows when its session is gone: after a long pause, after a restart, or when the node
 * that held it went away and the load balancer sent the browser to another one (Vaadin keeps a UI's state in
 * its node's memory). Instead of Vaadin's silent reload, the page says in the user's language to sign in
 * again; a click (or Esc) reloads it, which leads to the login page and, after signing in, back to the view.
 */
class SessionEndedMessages implements SystemMessagesProvider {

    private final KontorI18NProvider texts;

    SessionEndedMessages(KontorI18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public SystemMessages getSystemMessages(SystemMessagesInfo info) {
        Locale locale = info.getLocale() == null ? Locale.ENGLISH : info.getLocale();
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(texts.getTranslation("session.ended.caption", locale));
        messages.setSessionExpiredMessage(texts.getTranslation("session.ended.message", locale));
        return messages;
    }
}
