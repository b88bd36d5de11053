package io.github.logway.elb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Loads the test resources: access-log cases and notification bodies. */
final class Fixtures {

    private Fixtures() {
    }

    /** The cases of a {@code logs/*-cases.txt} file: name (first word after {@code #}) to line. */
    static Map<String, String> cases(String resource) {
        Map<String, String> cases = new LinkedHashMap<>();
        String name = null;
        for (String line : text("logs/" + resource).split("\n")) {
            if (line.startsWith("# ") && line.contains(":")) {
                name = line.substring(2, line.indexOf(':'));
            } else if (!line.startsWith("#") && !line.isBlank() && name != null) {
                cases.put(name, line);
                name = null;
            }
        }
        return cases;
    }

    static String albCase(String name) {
        return require(cases("alb-cases.txt"), name);
    }

    static String classicCase(String name) {
        return require(cases("classic-cases.txt"), name);
    }

    private static String require(Map<String, String> cases, String name) {
        String line = cases.get(name);
        if (line == null) {
            throw new IllegalArgumentException("no case " + name + " in " + cases.keySet());
        }
        return line;
    }

    /** A notification body from {@code notifications/}. */
    static String notification(String name) {
        return text("notifications/" + name);
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines joined with {@code \n}, each terminated, as ELB writes its files. */
    static byte[] logFile(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
