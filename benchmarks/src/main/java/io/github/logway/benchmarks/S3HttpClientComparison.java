package io.github.logway.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Apache HttpClient 5 ({@code apache5-client}) against the AWS CRT HTTP client ({@code aws-crt-client}) for the S3
 * client of kinesis-to-s3, against a real s3proxy process on 127.0.0.1 (docs/kinesis-to-s3.md, "HTTP client").
 *
 * <p>The driver ({@code run}) starts s3proxy as a separate process, writes ~400 KB and ~40 KB gzip bodies of
 * synthetic NDJSON log lines and then starts one fresh JVM per sample, each with the class path of one client
 * only (the other client's jars removed, as in the Lambda zip):
 * <ul>
 *   <li>{@code cold}: JVM start to the first successful PutObject of the 400 KB body (wall time seen by the
 *       driver from process start to the child's "PUT_OK" line), plus the child's own process CPU time, loaded
 *       classes, bytes allocated by live Java threads and peak RSS at that point;</li>
 *   <li>{@code steady}: process CPU time (this JVM only: s3proxy is another process) and wall time per
 *       PutObject after a warm-up, with 1 or 4 threads uploading concurrently through one client.</li>
 * </ul>
 *
 * <p>The driver needs the unshaded class path (the shaded benchmarks.jar holds both clients): {@code --classes}
 * is the benchmark classes folder, {@code --classpath-file} the output of {@code mvn dependency:build-classpath};
 * {@code --s3proxy} the s3proxy jar-with-dependencies. Commands: docs/kinesis-to-s3.md, "HTTP client".
 */
public final class S3HttpClientComparison {

    static final String ACCESS_KEY = "logway-bench";
    static final String SECRET_KEY = "logway-bench-secret";
    static final String BUCKET = "bench";
    static final Region REGION = Region.US_EAST_1;

    private S3HttpClientComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: run [options] | cold CLIENT ENDPOINT BODY | steady ...");
        }
        switch (args[0]) {
            case "run" -> Driver.run(Arrays.copyOfRange(args, 1, args.length));
            case "cold" -> Child.cold(args[1], args[2], Path.of(args[3]));
            case "steady" -> Child.steady(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            case "baseline" -> Child.baseline(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Builds the S3 client as kinesis-to-s3 does, on the named HTTP client; each builder in its own class. */
    static S3Client client(String kind, String endpoint, int concurrency) {
        SdkHttpClient.Builder<?> http = switch (kind) {
            case "apache5" -> Apache5.builder(concurrency);
            case "crt" -> Crt.builder(concurrency);
            default -> throw new IllegalArgumentException("unknown client " + kind);
        };
        return S3Client.builder()
                .httpClientBuilder(http)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .build();
    }

    /** Only loaded when the Apache client is chosen (its jars are absent from the CRT child's class path). */
    static final class Apache5 {
        static SdkHttpClient.Builder<?> builder(int concurrency) {
            return software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().maxConnections(concurrency);
        }
    }

    /** Only loaded when the CRT client is chosen. */
    static final class Crt {
        static SdkHttpClient.Builder<?> builder(int concurrency) {
            return software.amazon.awssdk.http.crt.AwsCrtHttpClient.builder()
                    .maxConcurrency(concurrency)
                    // Trust the s3proxy test certificate given as javax.net.ssl.trustStore (TLS runs only).
                    .useTrustStoreSystemProperties(Boolean.getBoolean("bench.tls"));
        }
    }

    static void put(S3Client s3, String key, byte[] body) {
        // As S3ObjectStore does it.
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).contentType("application/x-ndjson")
                        .contentEncoding("gzip").contentLength((long) body.length).build(),
                RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(body), body.length,
                        "application/x-ndjson"));
    }

    /** The measured processes. */
    static final class Child {

        static void cold(String kind, String endpoint, Path bodyFile) throws IOException {
            long t0 = System.nanoTime();
            byte[] body = Files.readAllBytes(bodyFile);
            S3Client s3 = client(kind, endpoint, 8);
            put(s3, "cold/" + kind + "-" + ProcessHandle.current().pid() + ".gz", body);
            long t1 = System.nanoTime();
            System.out.println("PUT_OK");
            System.out.flush();
            printMetrics("mainMs=" + (t1 - t0) / 1_000_000.0);
            s3.close();
        }

        /** JVM + JMX + reading the body, no S3 client: what every cold row contains anyway. */
        static void baseline(Path bodyFile) throws IOException {
            long t0 = System.nanoTime();
            byte[] body = Files.readAllBytes(bodyFile);
            long t1 = System.nanoTime();
            System.out.println("PUT_OK " + body.length);
            System.out.flush();
            printMetrics("mainMs=" + (t1 - t0) / 1_000_000.0);
        }

        static void printMetrics(String extra) throws IOException {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long alloc = 0;
            for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                alloc += Math.max(0, a);
            }
            int loaded = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            long total = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            String status = Files.readString(Path.of("/proc/self/status"));
            System.out.println("METRICS cpuMs=" + cpu / 1_000_000.0 + " classes=" + total + " loadedNow=" + loaded
                    + " allocMB=" + alloc / 1e6 + " hwmMB=" + procKb(status, "VmHWM") / 1024.0
                    + " rssMB=" + procKb(status, "VmRSS") / 1024.0 + " threads=" + threads.getThreadCount() + " "
                    + extra);
            System.out.flush();
        }

        static long procKb(String status, String field) {
            for (String line : status.split("\n")) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
            return -1;
        }

        static void steady(String kind, String endpoint, Path bodyFile, int threads, int warmup, int rounds,
                int perRound) throws Exception {
            byte[] body = Files.readAllBytes(bodyFile);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try (S3Client s3 = client(kind, endpoint, threads)) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                runPuts(pool, s3, threads, warmup, body, kind);
                for (int r = 0; r < rounds; r++) {
                    long cpu0 = os.getProcessCpuTime();
                    long wall0 = System.nanoTime();
                    runPuts(pool, s3, threads, perRound, body, kind);
                    long wall = System.nanoTime() - wall0;
                    long cpu = os.getProcessCpuTime() - cpu0;
                    System.out.println("ROUND cpuUsPerPut=" + cpu / 1000.0 / perRound + " wallUsPerPut="
                            + wall / 1000.0 / perRound + " MBps=" + (double) body.length * perRound / wall * 1000.0);
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
            String status = Files.readString(Path.of("/proc/self/status"));
            System.out.println("END hwmMB=" + procKb(status, "VmHWM") / 1024.0);
        }

        /** {@code total} puts spread over {@code threads} workers; each worker overwrites its own key. */
        static void runPuts(ExecutorService pool, S3Client s3, int threads, int total, byte[] body, String kind)
                throws Exception {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = total / threads + (t < total % threads ? 1 : 0);
                String key = "steady/" + kind + "-" + ProcessHandle.current().pid() + "-" + t + ".gz";
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        put(s3, key, body);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    /** Starts s3proxy, runs the children, prints the table, stops s3proxy. */
    static final class Driver {

        static void run(String[] args) throws Exception {
            Map<String, String> opt = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            Path s3proxyJar = Path.of(opt.get("s3proxy"));
            Path work = Files.createDirectories(Path.of(opt.getOrDefault("work", "benchmarks/target-h10/s3http")));
            int samples = Integer.parseInt(opt.getOrDefault("samples", "7"));
            String what = opt.getOrDefault("what", "cold,steady");
            boolean tls = Boolean.parseBoolean(opt.getOrDefault("tls", "false"));
            List<String> fullCp = new ArrayList<>();
            fullCp.add(opt.get("classes"));
            fullCp.addAll(Arrays.asList(Files.readString(Path.of(opt.get("classpath-file"))).trim().split(":")));
            Map<String, String> cps = new LinkedHashMap<>();
            cps.put("apache5", String.join(":", fullCp.stream().filter(p -> !isCrt(p)).toList()));
            cps.put("crt", String.join(":", fullCp.stream().filter(p -> !isApache(p)).toList()));

            Path big = work.resolve("body-400k.gz");
            Path small = work.resolve("body-40k.gz");
            Files.write(big, gzipBody(400_000, 1));
            Files.write(small, gzipBody(40_000, 2));
            System.out.printf(Locale.ROOT, "bodies: %d and %d bytes%n", Files.size(big), Files.size(small));

            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            String endpoint = (tls ? "https" : "http") + "://127.0.0.1:" + port;
            Properties p = new Properties();
            if (tls) {
                p.setProperty("s3proxy.secure-endpoint", endpoint);
                p.setProperty("s3proxy.keystore-path", opt.get("keystore"));
                p.setProperty("s3proxy.keystore-password", opt.get("keystore-password"));
            } else {
                p.setProperty("s3proxy.endpoint", endpoint);
            }
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", ACCESS_KEY);
            p.setProperty("s3proxy.credential", SECRET_KEY);
            p.setProperty("jclouds.provider", "transient");
            p.setProperty("jclouds.identity", "unused");
            p.setProperty("jclouds.credential", "unused");
            p.setProperty("jclouds.regions", REGION.id());
            Path props = work.resolve("s3proxy.properties");
            try (Writer w = Files.newBufferedWriter(props)) {
                p.store(w, "S3HttpClientComparison");
            }
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx1g", "-XX:+UseSerialGC", "-jar",
                    s3proxyJar.toString(), "--properties", props.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile());
            Process s3proxy = pb.start();
            System.out.println("s3proxy pid " + s3proxy.pid() + " on " + endpoint);
            Thread hook = new Thread(() -> stop(s3proxy));
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                waitForPort(port, s3proxy);
                List<String> jvmTls = tls ? List.of("-Dbench.tls=true",
                        "-Djavax.net.ssl.trustStore=" + opt.get("truststore"),
                        "-Djavax.net.ssl.trustStorePassword=" + opt.get("keystore-password")) : List.of();
                // Create the bucket with a child (the driver loads no client).
                createBucket(cps.get("apache5"), endpoint, jvmTls);
                if (what.contains("cold")) {
                    cold(cps, endpoint, big, samples, jvmTls);
                }
                if (what.contains("steady")) {
                    steady(cps, endpoint, big, small, opt, jvmTls);
                }
            } finally {
                stop(s3proxy);
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }

        static boolean isCrt(String path) {
            String f = Path.of(path).getFileName().toString();
            return f.startsWith("aws-crt-") || f.startsWith("aws-crt-client-");
        }

        static boolean isApache(String path) {
            String f = Path.of(path).getFileName().toString();
            return f.startsWith("apache5-client-") || f.startsWith("httpclient5-") || f.startsWith("httpcore5-")
                    || f.startsWith("apache-client-") || f.startsWith("httpclient-") || f.startsWith("httpcore-");
        }

        static void stop(Process p) {
            if (p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        static String javaBin() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        static void waitForPort(int port, Process proc) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!proc.isAlive()) {
                    throw new IllegalStateException("s3proxy exited: " + proc.exitValue());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    Thread.sleep(500);
                    return;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("s3proxy did not start");
        }

        static void createBucket(String cp, String endpoint, List<String> jvmTls) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-cp", cp));
            cmd.addAll(jvmTls);
            cmd.addAll(List.of(S3HttpClientComparison.class.getName() + "$CreateBucket", endpoint));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("create bucket failed");
            }
        }

        static void cold(Map<String, String> cps, String endpoint, Path body, int samples, List<String> jvmTls)
                throws Exception {
            List<String[]> jits = List.of(new String[] {"C2 (default tiering)"},
                    new String[] {"C1 (-XX:TieredStopAtLevel=1)", "-XX:TieredStopAtLevel=1"});
            System.out.println();
            System.out.println("COLD: JVM start to first PutObject (" + Files.size(body) + " bytes), " + samples
                    + " fresh JVMs each; median [min-max]");
            System.out.println("| JIT | client | wall ms | process CPU ms | classes loaded | MB allocated (live threads)"
                    + " | peak RSS MB |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String[] jit : jits) {
                List<String> kinds = new ArrayList<>(List.of("baseline"));
                kinds.addAll(cps.keySet());
                // Interleave the clients so that load changes hit both alike.
                Map<String, List<double[]>> results = new LinkedHashMap<>();
                for (int s = 0; s < samples; s++) {
                    for (String kind : kinds) {
                        String cp = cps.get(kind.equals("baseline") ? "apache5" : kind);
                        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:+UseSerialGC", "-Xmx512m"));
                        cmd.addAll(Arrays.asList(jit).subList(1, jit.length));
                        cmd.addAll(jvmTls);
                        cmd.addAll(List.of("-cp", cp, S3HttpClientComparison.class.getName()));
                        if (kind.equals("baseline")) {
                            cmd.addAll(List.of("baseline", body.toString()));
                        } else {
                            cmd.addAll(List.of("cold", kind, endpoint, body.toString()));
                        }
                        results.computeIfAbsent(kind, k -> new ArrayList<>()).add(coldSample(cmd));
                    }
                }
                for (var e : results.entrySet()) {
                    List<double[]> r = e.getValue();
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", jit[0], e.getKey(),
                            stat(r, 0, "%.0f"), stat(r, 1, "%.0f"), stat(r, 2, "%.0f"), stat(r, 3, "%.1f"),
                            stat(r, 4, "%.0f"));
                }
            }
        }

        /** wall ms, cpu ms, classes, alloc MB, hwm MB. */
        static double[] coldSample(List<String> cmd) throws Exception {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            double wall = -1;
            Map<String, String> m = new LinkedHashMap<>();
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    if (line.startsWith("PUT_OK") && wall < 0) {
                        wall = (System.nanoTime() - start) / 1e6;
                    } else if (line.startsWith("METRICS ")) {
                        for (String kv : line.substring(8).split(" ")) {
                            String[] parts = kv.split("=", 2);
                            m.put(parts[0], parts[1]);
                        }
                    }
                }
            }
            if (p.waitFor() != 0 || wall < 0) {
                throw new IllegalStateException("child failed: " + cmd + "\n" + all);
            }
            return new double[] {wall, Double.parseDouble(m.get("cpuMs")), Double.parseDouble(m.get("classes")),
                    Double.parseDouble(m.get("allocMB")), Double.parseDouble(m.get("hwmMB"))};
        }

        static void steady(Map<String, String> cps, String endpoint, Path big, Path small, Map<String, String> opt,
                List<String> jvmTls) throws Exception {
            int warmup = Integer.parseInt(opt.getOrDefault("warmup", "400"));
            int rounds = Integer.parseInt(opt.getOrDefault("rounds", "7"));
            int perRound = Integer.parseInt(opt.getOrDefault("per-round", "200"));
            System.out.println();
            System.out.println("STEADY: per PutObject after " + warmup + " warm-up puts, " + rounds + " rounds of "
                    + perRound + " puts, one JVM per row; median [min-max] of the rounds");
            System.out.println("| JIT | body | threads | client | CPU us/put | wall us/put | MB/s | peak RSS MB |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<String[]> jits = List.of(new String[] {"C2"}, new String[] {"C1", "-XX:TieredStopAtLevel=1"});
            for (String[] jit : jits) {
                for (Path body : List.of(big, small)) {
                    for (int threads : List.of(1, 4)) {
                        for (String kind : cps.keySet()) {
                            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:+UseSerialGC", "-Xmx512m"));
                            cmd.addAll(Arrays.asList(jit).subList(1, jit.length));
                            cmd.addAll(jvmTls);
                            cmd.addAll(List.of("-cp", cps.get(kind), S3HttpClientComparison.class.getName(), "steady",
                                    kind, endpoint, body.toString(), String.valueOf(threads), String.valueOf(warmup),
                                    String.valueOf(rounds), String.valueOf(perRound)));
                            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                            List<double[]> rows = new ArrayList<>();
                            double hwm = -1;
                            StringBuilder all = new StringBuilder();
                            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = r.readLine()) != null; ) {
                                    all.append(line).append('\n');
                                    if (line.startsWith("ROUND ")) {
                                        double[] v = new double[3];
                                        String[] kvs = line.substring(6).split(" ");
                                        for (int i = 0; i < 3; i++) {
                                            v[i] = Double.parseDouble(kvs[i].split("=")[1]);
                                        }
                                        rows.add(v);
                                    } else if (line.startsWith("END ")) {
                                        hwm = Double.parseDouble(line.split("=")[1]);
                                    }
                                }
                            }
                            if (p.waitFor() != 0) {
                                throw new IllegalStateException("child failed: " + cmd + "\n" + all);
                            }
                            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %.0f |%n", jit[0],
                                    body.getFileName(), threads, kind, stat(rows, 0, "%.0f"), stat(rows, 1, "%.0f"),
                                    stat(rows, 2, "%.0f"), hwm);
                        }
                    }
                }
            }
        }

        static String stat(List<double[]> rows, int col, String fmt) {
            double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return String.format(Locale.ROOT, fmt + " [" + fmt + "–" + fmt + "]", median, v[0], v[v.length - 1]);
        }

        /** Gzip of synthetic NDJSON log lines, grown until the compressed body reaches {@code target} bytes. */
        static byte[] gzipBody(int target, long seed) throws IOException {
            Random random = new Random(seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[] paths = {"/api/orders", "/api/users", "/health", "/static/app.js", "/api/search"};
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
                int i = 0;
                while (out.size() < target) {
                    String line = String.format(Locale.ROOT,
                            "{\"log_type\":\"nginx\",\"log_id\":\"%016x-%08x\",\"time\":\"2026-11-28T16:%02d:%02d.%06d+09:00\","
                                    + "\"status\":%d,\"path\":\"%s?q=%x\",\"bytes\":%d,\"ua\":\"Mozilla/5.0 (%x)\","
                                    + "\"trace\":{\"id\":\"%016x%016x\",\"span\":\"%08x\"}}\n",
                            random.nextLong(), i++, random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000),
                            200 + random.nextInt(4) * 100, paths[random.nextInt(paths.length)], random.nextInt(),
                            random.nextInt(100_000), random.nextInt(50), random.nextLong(), random.nextLong(),
                            random.nextInt());
                    gz.write(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        }
    }

    /** Creates the bucket; run as a child of the driver. */
    public static final class CreateBucket {
        public static void main(String[] args) {
            try (S3Client s3 = client("apache5", args[0], 1)) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
        }
    }
}
