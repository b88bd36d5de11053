package io.github.logway.local.bench;

import io.github.logway.elb.AccessLogSource;
import io.github.logway.elb.ObjectOpening;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process S3 stand-in of {@code bench elb}: serves object {@code KEY} of any bucket from the file named
 * like the key's last segment in one of the given folders (those of the event files, where {@code bench gen --kind
 * alb} writes the {@code .log.gz}). A file is read once, on first use, and then served from memory, so disk reads
 * stay out of the timed runs. The ETag is the MD5 of the bytes, as S3 gives for a single-part upload.
 */
final class LocalAccessLogSource implements AccessLogSource {

    private record Stored(byte[] body, String eTag) {
    }

    private final List<Path> folders;
    private final Map<String, Stored> cache = new ConcurrentHashMap<>();
    private final Set<String> missing = new TreeSet<>();

    /** @param folders where to look for the objects, in order */
    LocalAccessLogSource(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    @Override
    public ObjectOpening open(String bucket, String key, long offset) {
        Stored stored = cache.get(key);
        if (stored == null) {
            stored = load(bucket, key);
            if (stored == null) {
                return new ObjectOpening.Missing();
            }
            cache.put(key, stored);
        }
        int from = (int) Math.min(offset, stored.body.length);
        return new ObjectOpening.Opened(
                new ByteArrayInputStream(stored.body, from, stored.body.length - from), stored.eTag);
    }

    /** {@code s3://BUCKET/KEY} of every object asked for that had no file, sorted. */
    synchronized Set<String> missing() {
        return Set.copyOf(missing);
    }

    private Stored load(String bucket, String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        for (Path folder : folders) {
            Path file = folder.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(file)) {
                try {
                    byte[] body = Files.readAllBytes(file);
                    return new Stored(body, HexFormat.of().formatHex(EventGenerator.md5(body)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        synchronized (this) {
            missing.add("s3://" + bucket + "/" + key);
        }
        return null;
    }
}
