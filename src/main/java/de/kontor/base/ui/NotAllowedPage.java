package de.kontor.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page the signed-in user's role does not open (e.g. a member on an admin page). */
@ParentLayout(MainLayout.class)
@PermitAll
class NotAllowedPage extends ErrorPageContent implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("errorPage.notAllowed.title", getTranslation("errorPage.notAllowed.text"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
