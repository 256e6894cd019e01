package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * What the error pages share: inside the main layout, a title and a sentence in the user's language, and
 * two ways back (the previous page, the start page).
 */
abstract class ErrorPageContent extends Div implements HasDynamicTitle {

    private String title = "";

    ErrorPageContent() {
        addClassName("kontor-error-page");
        setId("error-page");
    }

    void show(String titleKey, String text) {
        removeAll();
        title = getTranslation(titleKey);
        H2 heading = new H2(title);
        heading.setId("error-page-title");
        Paragraph sentence = new Paragraph(text);
        sentence.setId("error-page-text");
        Button back = new Button(getTranslation("errorPage.back"), VaadinIcon.ARROW_BACKWARD.create());
        back.setId("error-page-back");
        back.addClickListener(e -> UI.getCurrent().getPage().getHistory().back());
        Button home = new Button(getTranslation("errorPage.home"), VaadinIcon.HOME.create());
        home.setId("error-page-home");
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        home.addClickListener(e -> UI.getCurrent().navigate(""));
        add(heading, sentence, new ViewHeader().actions(back, home));
    }

    @Override
    public String getPageTitle() {
        return title + " · Kontor";
    }
}
