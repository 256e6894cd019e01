package de.kontor.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that leads nowhere (no such page, or a malformed one): a page saying so, with a way back. */
@ParentLayout(MainLayout.class)
@PermitAll
class NotFoundPage extends ErrorPageContent implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(
                "errorPage.unknown.title",
                getTranslation("errorPage.unknown.text", event.getLocation().getPath()));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
