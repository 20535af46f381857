package com.bulletiningest.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.bulletiningest.intake.folder.FolderIntake;
import com.bulletiningest.intake.folder.ReasonFile;

/**
 * The files the folder intake set aside: {@code inbox/.failed/<name>} with its {@link ReasonFile} beside it
 * (routes/inbox-folder.yaml). A retry moves a file back into the inbox, where the next poll takes it.
 */
public final class FailedFiles {

    /** A set-aside file and why. */
    record FailedFile(String name, String reason, Instant failedAt, long size) {
    }

    private final Path inbox;
    private final Path failed;

    FailedFiles(Path inbox) {
        this.inbox = inbox;
        this.failed = inbox.resolve(FolderIntake.FAILED);
    }

    /** Newest first. */
    List<FailedFile> list() {
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(failed)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !ReasonFile.isReasonFile(file.getFileName().toString()))
                    .map(this::describe)
                    .sorted(Comparator.comparing(FailedFile::failedAt).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + failed, e);
        }
    }

    /**
     * Moves the set-aside file back into the inbox and drops its reason. Only a name listed in {@code .failed/} is
     * accepted, so a request cannot reach any other path.
     */
    void retry(String name) {
        FailedFile file = list().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new Params.NotFoundException("no set-aside file '" + name + "'"));
        try {
            Files.move(failed.resolve(file.name()), inbox.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(ReasonFile.of(failed, file.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file.name() + " back into the inbox", e);
        }
    }

    private FailedFile describe(Path file) {
        try {
            Path reasonFile = ReasonFile.of(failed, file.getFileName().toString());
            // never through a link planted at that name: it could show any file the service can read
            boolean recorded = Files.isRegularFile(reasonFile, LinkOption.NOFOLLOW_LINKS);
            String reason = recorded ? Files.readString(reasonFile, StandardCharsets.UTF_8).strip()
                    : "(no reason recorded)";
            return new FailedFile(file.getFileName().toString(), reason,
                    Files.getLastModifiedTime(recorded ? reasonFile : file, LinkOption.NOFOLLOW_LINKS).toInstant(),
                    Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
