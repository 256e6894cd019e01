package de.kontor.backup.api;

import de.kontor.backup.BackupInfo;
import de.kontor.backup.BackupService;
import de.kontor.base.api.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;
import java.util.List;

/**
 * Backups over REST. Viewers may list them; making, downloading and deleting are for admins (a backup holds
 * every password hash). Making one answers when it is written (a large database takes minutes).
 */
@RestController
@RequestMapping("/api/admin/backups")
@AdminOnly
@Tag(name = "Backups")
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    /** @param passphrase seals the secret key into the backup (at least 12 characters); none: without the key */
    record CreateBackup(@Nullable String passphrase) {}

    @GetMapping
    @Operation(summary = "The backups, newest first")
    List<BackupInfo> list() {
        return backups.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a backup now (409 BACKUP_RUNNING while one is being made)")
    BackupInfo create(@RequestBody(required = false) @Nullable CreateBackup request) {
        return backups.create(request == null ? null : request.passphrase());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One backup")
    BackupInfo get(@PathVariable String id) {
        return backups.info(id);
    }

    @GetMapping("/{id}/download")
    @Operation(summary = "The backup file (ZIP: kontor.sql, manifest.json, the sealed key if included)")
    ResponseEntity<Resource> download(@PathVariable String id) {
        Path file = backups.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(id + ".zip")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a backup")
    void delete(@PathVariable String id) {
        backups.delete(id);
    }
}
