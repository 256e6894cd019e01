package de.kontor.access.ui;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;

/** What the block form edits: an address or range, an optional end (local time) and comment. */
public class BlockDraft {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "\\s*[0-9a-fA-F:.]{2,45}(/\\d{1,3})?\\s*")
    private String cidr = "";

    private @Nullable LocalDateTime until;

    @Size(max = 500)
    private String comment = "";

    public String getCidr() {
        return cidr;
    }

    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    public @Nullable LocalDateTime getUntil() {
        return until;
    }

    public void setUntil(@Nullable LocalDateTime until) {
        this.until = until;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
