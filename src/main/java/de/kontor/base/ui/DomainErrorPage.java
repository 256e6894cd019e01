package de.kontor.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import de.kontor.base.error.DomainException;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A business rule that said no while a page opened, most often "there is no such customer / license /
 * printer" for an address like {@code /customers/99999}: an ordinary situation, shown as a page with the
 * rule's own message and a way back, and not logged as an error.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class DomainErrorPage extends ErrorPageContent implements HasErrorParameter<DomainException> {

    private static final Logger log = LoggerFactory.getLogger(DomainErrorPage.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DomainException> parameter) {
        DomainException e = parameter.getException();
        log.debug("{} while opening {}: {}", e.code(), event.getLocation().getPath(), e.getMessage());
        String titleKey = switch (e.status()) {
            case 404 -> "errorPage.notFound.title";
            case 403 -> "errorPage.notAllowed.title";
            default -> "errorPage.refused.title";
        };
        show(titleKey, getTranslation(e.messageKey(), e.args()));
        return e.status();
    }
}
