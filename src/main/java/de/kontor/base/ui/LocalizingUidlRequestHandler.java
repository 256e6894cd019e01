package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;

/**
 * Vaadin's handler of the browser's requests, with one addition: after a request's events ran (a dialog
 * opened, a part of a view rebuilt), {@link ComponentTexts} localizes what they attached before the
 * answer is written. Flow has no hook for "a component was attached anywhere"; this is the one place
 * every change made by a user's action passes. Registered ahead of Vaadin's own handler by
 * {@link UiInitializer}.
 */
class LocalizingUidlRequestHandler extends UidlRequestHandler {

    @Override
    protected ServerRpcHandler createRpcHandler() {
        return new ServerRpcHandler() {
            @Override
            public void handleRpc(UI ui, String message, VaadinRequest request)
                    throws InvalidUIDLSecurityKeyException, MessageIdSyncException {
                super.handleRpc(ui, message, request);
                ComponentTexts.scheduleFor(ui);
            }
        };
    }
}
