package de.kontor.tally.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The frame of the pages anonymous users reach from the login page: brand, a card, "back to login". */
abstract class PublicPage extends VerticalLayout {

    protected final Div card = new Div();

    PublicPage(String titleKey) {
        addClassName("kontor-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        Div brand = new Div(VaadinIcon.OFFICE.create(), new Span("Kontor"));
        brand.addClassName("kontor-login-brand");
        card.addClassName("kontor-card");
        card.setMaxWidth("28em");
        card.setWidthFull();
        H2 title = new H2(getTranslation(titleKey));
        title.setId("public-title");
        card.add(title);
        Anchor back = new Anchor("login", getTranslation("tally.public.backToLogin"));
        back.setId("public-back");
        add(brand, card, back);
    }
}
