package de.kontor.lead;

import de.kontor.base.error.DomainException;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.InstitutionDraft;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Institutions and contacts check their name and e-mail address the same way, before anything is stored. */
class LeadDraftChecksTest {

    private static InstitutionDraft institution(String name, @Nullable String email) {
        return new InstitutionDraft(name, null, null, null, null, null, null, null, email, null, null, null, null);
    }

    private static ContactDraft contact(String name, @Nullable String email) {
        return new ContactDraft(name, null, email, null, null, false);
    }

    @Test
    void namesAreStrippedAndEmptyAddressesAreNone() {
        assertThat(Institutions.validate(institution("  Stadtwerke  ", " ")).name())
                .isEqualTo("Stadtwerke");
        assertThat(Institutions.validate(institution("Stadtwerke", " ")).email())
                .isNull();
        ContactDraft contact = LeadContacts.validate(contact(" Erika Muster ", " erika@example.org "));
        assertThat(contact.name()).isEqualTo("Erika Muster");
        assertThat(contact.email()).isEqualTo("erika@example.org");
    }

    @Test
    void aMissingOrTooLongNameIsAFieldErrorOnTheName() {
        for (String name : new String[] {" ", "x".repeat(201)}) {
            assertThatThrownBy(() -> Institutions.validate(institution(name, null)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("NAME_REQUIRED");
                        assertThat(e.field()).isEqualTo("name");
                    });
            assertThatThrownBy(() -> LeadContacts.validate(contact(name, null)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("NAME_REQUIRED");
                        assertThat(e.field()).isEqualTo("name");
                    });
        }
    }

    @Test
    void anAddressThatIsNoneIsAFieldErrorOnTheEmail() {
        assertThatThrownBy(() -> Institutions.validate(institution("Stadtwerke", "no address")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> LeadContacts.validate(contact("Erika", "erika@")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_EMAIL");
                    assertThat(e.field()).isEqualTo("email");
                });
    }
}
