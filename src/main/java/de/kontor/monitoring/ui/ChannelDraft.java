package de.kontor.monitoring.ui;

import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What the channel form edits; an empty target on a change keeps the stored one. */
public class ChannelDraft {

    @NotNull
    private ChannelType type = ChannelType.EMAIL;

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Size(max = 2000)
    private String target = "";

    @NotNull
    private WebhookFormat format = WebhookFormat.GENERIC;

    @Size(max = 4000)
    private String template = "";

    static ChannelDraft of(Channel channel) {
        ChannelDraft d = new ChannelDraft();
        d.type = channel.type();
        d.name = channel.name();
        d.format = channel.format() == null ? WebhookFormat.GENERIC : channel.format();
        d.template = channel.template() == null ? "" : channel.template();
        return d;
    }

    ChannelDefinition definition() {
        boolean webhook = type == ChannelType.WEBHOOK;
        return new ChannelDefinition(
                type.name(),
                name,
                target,
                webhook ? format.name() : null,
                webhook && format == WebhookFormat.TEMPLATE ? template : null);
    }

    public ChannelType getType() {
        return type;
    }

    public void setType(ChannelType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target == null ? "" : target;
    }

    public WebhookFormat getFormat() {
        return format;
    }

    public void setFormat(WebhookFormat format) {
        this.format = format;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(@Nullable String template) {
        this.template = template == null ? "" : template;
    }
}
