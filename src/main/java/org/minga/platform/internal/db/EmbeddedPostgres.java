package org.minga.platform.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that zonky publishes on Maven Central, with its data
 * kept in a folder of ours so it survives restarts. We drive initdb and pg_ctl ourselves rather
 * than through zonky's launcher because PostgreSQL refuses to run as root, and CI and many
 * servers run as root: there we run the server as an ordinary user in a user namespace.
 *
 * <p>One server per data folder per JVM (tests with several Spring contexts share it); a file lock
 * stops a second process from using the same folder.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "minga";
    static final String USER = "minga";
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private final Path dataDir;
    private final Path pgData;
    private final Path binaries;
    private final List<String> runAs;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private int port;
    private String password;

    /**
     * Starts (or returns the already running) server for this data folder. Whoever starts it stops
     * it: the application when its DataSource closes, after every bean that used it is gone.
     */
    public static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        Path key = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        EmbeddedPostgres server = new EmbeddedPostgres(key);
        try {
            server.boot(port);
        } catch (RuntimeException e) {
            server.releaseLock();
            throw e;
        }
        RUNNING.put(key, server);
        return server;
    }

    private EmbeddedPostgres(Path dataDir) {
        this.dataDir = dataDir;
        this.pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw notWritable(e);
        }
        if (!Files.isWritable(dataDir)) {
            throw notWritable(null);
        }
        try {
            this.lockChannel = FileChannel.open(dataDir.resolve("minga.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw notWritable(e);
        }
        this.lock = tryLock(lockChannel);
        if (lock == null) {
            closeQuietly();
            throw new DatabaseStartupException(
                    "La carpeta de datos " + dataDir + " ya está en uso por otra instancia de Minga.",
                    "Detenga la otra instancia, o indique otra carpeta con MINGA_DATA_DIR. Dos instancias no pueden"
                            + " compartir la base de datos integrada.",
                    null);
        }
        this.binaries = PostgresBinaries.extract();
        this.runAs = unprivilegedPrefix();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    private void boot(int requestedPort) {
        try {
            Path passwordFile = dataDir.resolve("postgres.password");
            if (!Files.exists(pgData.resolve("PG_VERSION"))) {
                initdb(passwordFile);
            }
            this.password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : null;
            Path log = dataDir.resolve("postgres.log");
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            if (Files.exists(pgData.resolve("postmaster.pid")) && pgCtl("status").exitCode == 0) {
                // Our lock is held, so this server was orphaned by a Minga that died: stop it first.
                EmbeddedPostgres.log.warn("Stopping a PostgreSQL left running by a previous Minga in {}", pgData);
                pgCtl("stop", "-m", "fast", "-w");
            }
            this.port = requestedPort > 0 ? requestedPort : freePort();
            ProcessResult started = pgCtl("start", "-w", "-t", "60", "-l", log.toString(), "-o", "-p " + port);
            if (started.exitCode != 0) {
                throw new DatabaseStartupException(
                        "La base de datos integrada no pudo arrancar: " + lastLines(log),
                        "Revise " + log + ". Si el puerto está ocupado, indique otro con MINGA_DB_PORT.", null);
            }
            createDatabaseIfMissing();
            EmbeddedPostgres.log.info("Embedded PostgreSQL on port {} with data in {}", port, pgData);
        } catch (IOException e) {
            throw notWritable(e);
        }
    }

    /** A new cluster whose superuser has a random password kept beside it, readable by its owner only. */
    private void initdb(Path passwordFile) throws IOException {
        Files.createDirectories(pgData);
        Files.setPosixFilePermissions(pgData, Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, java.util.HexFormat.of().formatHex(secret));
        ProcessResult result = run(List.of(bin("initdb"), "-D", pgData.toString(), "-U", USER,
                "-A", "scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-instructions"));
        if (result.exitCode != 0) {
            throw new DatabaseStartupException("No se pudo inicializar la base de datos integrada: " + result.output,
                    "Compruebe que la carpeta " + pgData + " está vacía y se puede escribir.", null);
        }
        // Only local TCP connections; no Unix socket, so no system folder is needed.
        Files.writeString(pgData.resolve("postgresql.conf"), """

                # Minga embedded defaults
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 50
                shared_buffers = 64MB
                """, StandardOpenOption.APPEND);
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, USER, password);
                var statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new DatabaseStartupException("La base de datos integrada arrancó pero no acepta conexiones: "
                    + e.getMessage(), "Revise " + dataDir.resolve("postgres.log") + ".", e);
        }
    }

    public void stop() {
        synchronized (EmbeddedPostgres.class) {
            RUNNING.remove(dataDir);
        }
        try {
            if (Files.exists(pgData.resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "fast", "-w", "-t", "30");
            }
        } catch (RuntimeException e) {
            log.warn("Could not stop embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel is closed next anyway
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private ProcessResult pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", pgData.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private ProcessResult run(List<String> command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "timeout: " + output);
            }
            return new ProcessResult(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    /**
     * PostgreSQL will not run as root. When we are root, run it in a user namespace where it is an
     * ordinary user (uid 1000) that maps back to root outside: it can then use data folders that
     * only root can reach, such as /root/..., and files stay owned by root.
     */
    private static List<String> unprivilegedPrefix() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--");
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DatabaseStartupException notWritable(Exception cause) {
        return new DatabaseStartupException(
                "No se puede escribir en la carpeta de datos " + dataDir + (cause == null ? "" : " (" + cause + ")") + ".",
                "Indique una carpeta con permiso de escritura con MINGA_DATA_DIR, o corrija los permisos.", cause);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(sin registro)";
        }
    }

    /** Unpacks the binaries of this platform once into the temp folder, shared by every run. */
    static final class PostgresBinaries {

        static Path extract() {
            String resource = "postgres-" + os() + "-" + arch() + ".txz";
            var url = EmbeddedPostgres.class.getClassLoader().getResource(resource);
            // The URL names the binaries jar with its version: a new version extracts anew.
            String version = url == null ? "none" : Integer.toHexString(url.toString().hashCode());
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "minga-postgres-" + os() + "-" + arch() + "-"
                    + version);
            if (Files.exists(target.resolve("bin/pg_ctl"))) {
                return target;
            }
            try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DatabaseStartupException(
                            "No hay binarios de PostgreSQL integrados para " + os() + "-" + arch() + ".",
                            "Use un servidor PostgreSQL propio con MINGA_DB_URL, MINGA_DB_USER y MINGA_DB_PASSWORD.",
                            null);
                }
                Path staging = Files.createTempDirectory(target.getParent(), "minga-postgres-");
                untar(in, staging);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    log.debug("Another process extracted the binaries first");
                }
                return target;
            } catch (IOException e) {
                throw new DatabaseStartupException("No se pudieron extraer los binarios de PostgreSQL: " + e.getMessage(),
                        "Compruebe el espacio y los permisos de la carpeta temporal " + target.getParent() + ".", e);
            }
        }

        private static void untar(InputStream txz, Path into) throws IOException {
            // Readable by the unprivileged server user when we run as root.
            Files.setPosixFilePermissions(into, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = into.resolve(entry.getName()).normalize();
                    if (!out.startsWith(into)) {
                        throw new IOException("Entrada fuera del destino: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> set = new HashSet<>(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            if ((mode & 0100) != 0) {
                set.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
            }
            return set;
        }

        private static String os() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.contains("mac") ? "darwin" : name.contains("win") ? "windows" : "linux";
        }

        private static String arch() {
            String arch = System.getProperty("os.arch");
            return switch (arch) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64", "arm64" -> "arm_64";
                default -> arch;
            };
        }
    }
}
