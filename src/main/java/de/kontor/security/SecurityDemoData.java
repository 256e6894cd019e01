package de.kontor.security;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/** Demo accounts: a second admin and a handful of members. */
@Component
class SecurityDemoData implements DemoData {

    private final UserService users;

    SecurityDemoData(UserService users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "security";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load(DemoContext context) {
        record Person(String username, String name, String email, boolean admin) {}
        List<Person> people = List.of(
                new Person("jana.vogel", "Jana Vogel", "jana.vogel@example.org", true),
                new Person("mara.schmidt", "Mara Schmidt", "mara.schmidt@example.org", false),
                new Person("jonas.becker", "Jonas Becker", "jonas.becker@example.org", false),
                new Person("lea.mueller", "Lea Müller", "lea.mueller@example.org", false),
                new Person("tim.oezdemir", "Tim Özdemir", "tim.oezdemir@example.org", false),
                new Person("sofia.rossi", "Sofia Rossi", "sofia.rossi@example.org", false));
        for (Person p : people) {
            if (users.findByUsername(p.username()).isEmpty()) {
                users.createUser(new NewUser(
                        p.username(),
                        p.name(),
                        p.email(),
                        p.admin() ? EnumSet.of(Role.ADMIN) : EnumSet.of(Role.MEMBER),
                        context.password()));
            }
        }
    }
}
