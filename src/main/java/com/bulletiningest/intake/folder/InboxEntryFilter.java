package com.bulletiningest.intake.folder;

import com.bulletiningest.intake.EscapedText;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which inbox entries the folder route may take, before anything reads them. A link (whatever it points to),
 * a pipe, a device or a socket is refused and never opened: it is moved, as itself, to {@code .failed} with its
 * reason, and the log names the entry, never its target. A file that could not be read while it was still changing
 * is skipped until it changes again or settles ({@link UnsettledFiles}).
 */
public final class InboxEntryFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxEntryFilter.class);

    private final UnsettledFiles unsettled;

    public InboxEntryFilter(UnsettledFiles unsettled) {
        this.unsettled = unsettled;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) { // taken by another instance, or deleted, since the listing
            return false;
        }
        if (attributes.isSymbolicLink()) {
            refuse(path, "a link, not a file: links are never followed; put the file itself into the inbox");
            return false;
        }
        if (attributes.isOther()) {
            refuse(path, "not a regular file (a pipe, device or socket): it is never read");
            return false;
        }
        return attributes.isRegularFile() && !unsettled.isWaiting(path.toString(), attributes.size(),
                attributes.lastModifiedTime().toMillis(), System.currentTimeMillis());
    }

    /** Moves the entry itself (not what a link points to) to .failed with the reason beside it. */
    private static void refuse(Path entry, String reason) {
        String name = entry.getFileName().toString();
        Path failed = entry.resolveSibling(FolderIntake.FAILED);
        try {
            ReasonFile.write(failed, name, reason);
            Files.move(entry, failed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("inbox/{} refused, moved to inbox/{}: {}", EscapedText.of(name), FolderIntake.FAILED, reason);
        } catch (NoSuchFileException gone) {
            LOG.debug("inbox/{} was moved away meanwhile (by another instance?)", EscapedText.of(name));
        } catch (IOException e) {
            LOG.warn("inbox/{} refused ({}) but cannot be moved to inbox/{}: {}", EscapedText.of(name), reason,
                    FolderIntake.FAILED, EscapedText.of(e.toString()));
        }
    }
}
