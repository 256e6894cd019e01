package de.kontor.base.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Put {@code @Convert(converter = EncryptedStringConverter.class)} on an entity field to keep it
 * encrypted in the database and plain in Java.
 */
@Component
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final SecretCipher cipher;

    EncryptedStringConverter(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
        return attribute == null ? null : cipher.encrypt(attribute);
    }

    @Override
    public @Nullable String convertToEntityAttribute(@Nullable String dbData) {
        return dbData == null ? null : cipher.decrypt(dbData);
    }
}
