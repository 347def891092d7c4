package io.sessionflow.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows appended one by one, written as one Parquet file on {@link #close()}: the only place that names DuckDB.
 * Rows go through DuckDB's appender into a table of a database file in a folder beside the output (so a large
 * range fills disk where the user asked for the file, not memory or a small /tmp), then {@code COPY ... TO}
 * writes the Parquet file in the order the rows were appended, zstd-compressed. The folder is removed afterwards.
 */
public final class ParquetTable implements AutoCloseable {
    private static final String TABLE = "export_rows";
    private final Path out;
    private final List<Column> columns;
    private final Path staging;
    private final DuckDBConnection connection;
    private final DuckDBAppender appender;
    private long rows;

    private ParquetTable(Path out, List<Column> columns, Path staging, DuckDBConnection connection)
            throws SQLException {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.staging = staging;
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (" + columns.stream()
                    .map(c -> quote(c.name()) + " " + c.type().sql()).collect(Collectors.joining(", ")) + ")");
        }
        this.appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
    }

    public static ParquetTable create(Path out, List<Column> columns) {
        Path absolute = out.toAbsolutePath();
        Path staging = null;
        try {
            Files.createDirectories(absolute.getParent());
            staging = Files.createTempDirectory(absolute.getParent(), ".sessionflow-parquet-");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + staging.resolve("rows.duckdb"));
            return new ParquetTable(absolute, columns, staging, c.unwrap(DuckDBConnection.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(staging);
            throw new IllegalStateException("cannot start the Parquet writer for " + out + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            // the driver unpacks its engine into java.io.tmpdir and loads it from there
            deleteQuietly(staging);
            throw new IllegalStateException("cannot load DuckDB's native engine for " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + " (it exists for Linux x86-64/arm64 with glibc, macOS arm64"
                    + " and Windows x86-64; java.io.tmpdir must allow loading a library from it): " + e, e);
        }
    }

    /** One row, a value per column in column order: String, Integer, Long, Boolean or Instant, or null. */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        try {
            appender.beginRow();
            for (Object v : values) {
                append(v);
            }
            appender.endRow();
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add row " + (rows + 1) + " to " + out + ": " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Writes the file. */
    @Override
    public void close() {
        try {
            appender.close();
            try (Statement s = connection.createStatement()) {
                s.execute("COPY " + TABLE + " TO '" + out.toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the file is written or the error above says why; a failing close changes neither
            }
            deleteQuietly(staging);
        }
    }

    private void append(Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else if (v instanceof String s) {
            appender.append(s);
        } else if (v instanceof Integer i) {
            appender.append(i.intValue());
        } else if (v instanceof Long l) {
            appender.append(l.longValue());
        } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (v instanceof Instant t) {
            appender.append(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
            throw new IllegalArgumentException("no Parquet column for a " + v.getClass().getSimpleName());
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a staging folder left behind is visible by its name and harmless
        }
    }
}
