package de.kontor.tally;

import de.kontor.base.Emails;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonUpdate;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a tally person an admin enters, with their rules, for the person form. The service checks
 * the same rules again (and the ones a form cannot know, like a code or address someone else has).
 */
public class PersonData {

    @Pattern(regexp = "(\\d{10})?", message = "{tally.code.pattern}")
    private @Nullable String code;

    @NotBlank
    @Size(max = Checks.NAME_MAX)
    private @Nullable String firstName;

    @NotBlank
    @Size(max = Checks.NAME_MAX)
    private @Nullable String lastName;

    @Email
    @Size(max = Emails.MAX)
    private @Nullable String email;

    private @Nullable String password;

    @Size(max = Checks.COMMENT_MAX)
    private @Nullable String comment;

    private @Nullable Integer reminderThreshold;

    private @Nullable Integer responsibleThreshold;

    private boolean notifyBooking;
    private boolean notifyZero;
    private boolean notifyThreshold;

    public PersonData() {}

    /** What the person holds now, to edit. */
    public static PersonData of(PersonDetails p) {
        PersonData data = new PersonData();
        data.code = p.code();
        data.firstName = p.firstName();
        data.lastName = p.lastName();
        data.email = p.email();
        data.comment = p.comment();
        data.reminderThreshold = p.reminderThreshold();
        data.responsibleThreshold = p.responsibleThreshold();
        data.notifyBooking = p.notifyBooking();
        data.notifyZero = p.notifyZero();
        data.notifyThreshold = p.notifyThreshold();
        return data;
    }

    public NewPerson toNewPerson() {
        return new NewPerson(code, text(firstName), text(lastName), email, password);
    }

    public PersonUpdate toUpdate() {
        return new PersonUpdate(
                text(firstName),
                text(lastName),
                email,
                comment,
                reminderThreshold,
                responsibleThreshold,
                notifyBooking,
                notifyZero,
                notifyThreshold);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code == null || code.isBlank() ? null : code.strip();
    }

    public @Nullable String getFirstName() {
        return firstName;
    }

    public void setFirstName(@Nullable String firstName) {
        this.firstName = firstName;
    }

    public @Nullable String getLastName() {
        return lastName;
    }

    public void setLastName(@Nullable String lastName) {
        this.lastName = lastName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    public @Nullable String getComment() {
        return comment;
    }

    public void setComment(@Nullable String comment) {
        this.comment = comment;
    }

    public @Nullable Integer getReminderThreshold() {
        return reminderThreshold;
    }

    public void setReminderThreshold(@Nullable Integer reminderThreshold) {
        this.reminderThreshold = reminderThreshold;
    }

    public @Nullable Integer getResponsibleThreshold() {
        return responsibleThreshold;
    }

    public void setResponsibleThreshold(@Nullable Integer responsibleThreshold) {
        this.responsibleThreshold = responsibleThreshold;
    }

    public boolean isNotifyBooking() {
        return notifyBooking;
    }

    public void setNotifyBooking(boolean notifyBooking) {
        this.notifyBooking = notifyBooking;
    }

    public boolean isNotifyZero() {
        return notifyZero;
    }

    public void setNotifyZero(boolean notifyZero) {
        this.notifyZero = notifyZero;
    }

    public boolean isNotifyThreshold() {
        return notifyThreshold;
    }

    public void setNotifyThreshold(boolean notifyThreshold) {
        this.notifyThreshold = notifyThreshold;
    }
}
