package de.kontor.backup;

import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a ZIP archive (deflate-compressed) with the dump {@value #DUMP}, its manifest
 * {@value #MANIFEST} (with the dump's SHA-256) and, when the admin gave a passphrase, the sealed secret key
 * {@value #SEALED_KEY}. A ZIP because anyone can open it with standard tools to look inside or to load the
 * SQL by hand.
 */
final class BackupArchive {

    static final String DUMP = "kontor.sql";
    static final String MANIFEST = "manifest.json";
    static final String SEALED_KEY = "secret.key.sealed";

    private static final JsonMapper json =
            JsonMapper.builder().findAndAddModules().build();

    private BackupArchive() {}

    /** What {@link #write} needs to know to finish the manifest once the dump is written. */
    interface ManifestStub {
        Manifest complete(String sha256, long bytes);
    }

    /**
     * Writes an archive to {@code file}: the dump as {@code dumper} writes it, then the manifest that
     * {@code stub} completes with the dump's checksum and size, then the sealed key if there is one.
     */
    static Manifest write(Path file, Consumer<OutputStream> dumper, ManifestStub stub, byte @Nullable [] sealedKey) {
        try (OutputStream raw = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.putNextEntry(new ZipEntry(DUMP));
            MessageDigest sha = sha256();
            CountingOutputStream counting = new CountingOutputStream(zip);
            DigestOutputStream digesting = new DigestOutputStream(counting, sha);
            dumper.accept(new NonClosing(digesting));
            digesting.flush();
            zip.closeEntry();
            Manifest manifest = stub.complete(HexFormat.of().formatHex(sha.digest()), counting.count);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            if (sealedKey != null) {
                zip.putNextEntry(new ZipEntry(SEALED_KEY));
                zip.write(sealedKey);
                zip.closeEntry();
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of {@code file}, without checking the dump. */
    static Manifest manifest(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return readManifest(zip);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw unreadable();
        }
    }

    /** Checks the dump against the manifest's checksum; refuses a damaged or foreign file. */
    static Manifest verify(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = readManifest(zip);
            ZipEntry dump = zip.getEntry(DUMP);
            if (dump == null) {
                throw unreadable();
            }
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(dump), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(manifest.dumpSha256())) {
                throw checksumMismatch();
            }
            return manifest;
        } catch (IOException e) {
            // a ZIP whose compressed data was damaged fails while inflating: as good as a wrong checksum
            throw checksumMismatch();
        }
    }

    /** Opens the dump for reading; the caller closes the stream (and so the archive). */
    static InputStream openDump(Path file) {
        try {
            ZipFile zip = new ZipFile(file.toFile());
            ZipEntry dump = zip.getEntry(DUMP);
            if (dump == null) {
                zip.close();
                throw unreadable();
            }
            return new FilterInputStream(zip.getInputStream(dump)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        } catch (IOException e) {
            throw unreadable();
        }
    }

    static byte @Nullable [] sealedKey(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(SEALED_KEY);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static Manifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw unreadable();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = json.readValue(in, Manifest.class);
            if (manifest.format() != Manifest.FORMAT) {
                throw new DomainException(422, "BACKUP_FORMAT_UNKNOWN", "backup.error.format", manifest.format());
            }
            return manifest;
        } catch (JacksonException e) {
            throw unreadable();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static DomainException unreadable() {
        return new DomainException(422, "BACKUP_UNREADABLE", "backup.error.unreadable");
    }

    static DomainException checksumMismatch() {
        return new DomainException(422, "BACKUP_CHECKSUM_MISMATCH", "backup.error.checksum");
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Keeps the dumper from closing the ZIP stream under the entries that follow. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
