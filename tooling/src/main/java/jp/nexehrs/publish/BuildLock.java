package jp.nexehrs.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One build at a time per project: an OS file lock on {@code build/.lock}, released by the OS even when the
 * process is killed. A second build waits for the first, saying so once, so their output never interleaves.
 */
public final class BuildLock implements AutoCloseable {
    static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static BuildLock acquire(Path buildDir, Consumer<String> progress) throws PublishException {
        try {
            Files.createDirectories(buildDir);
            FileChannel channel = FileChannel.open(buildDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    progress.accept("another nexehrs build is writing " + buildDir + ": waiting for it to finish");
                    lock = channel.lock();
                }
                return new BuildLock(channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (OverlappingFileLockException e) {
            throw new PublishException("a build of this project is already running in this process", e);
        } catch (IOException e) {
            throw new PublishException("cannot lock " + buildDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock when the process ends; nothing is lost if releasing fails here.
        }
    }
}
