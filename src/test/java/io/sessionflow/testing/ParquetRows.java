package io.sessionflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file read back with parquet-java, a different implementation from the writer (DuckDB): values by
 * column name, null where a row has none; strings, Integer, Long, Boolean, and timestamps as Instant.
 */
public record ParquetRows(MessageType schema, List<Map<String, Object>> rows) {

    public static ParquetRows read(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Map<String, Object>> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(row(schema, records.read()));
                }
            }
            return new ParquetRows(schema, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's logical type as parquet-java names it, e.g. {@code TIMESTAMP(MICROS,true)}, {@code STRING}. */
    public String logicalType(String column) {
        LogicalTypeAnnotation t = schema.getType(column).getLogicalTypeAnnotation();
        return t == null ? schema.getType(column).asPrimitiveType().getPrimitiveTypeName().name() : t.toString();
    }

    private static Map<String, Object> row(MessageType schema, Group g) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Type field : schema.getFields()) {
            String name = field.getName();
            row.put(name, g.getFieldRepetitionCount(name) == 0 ? null : value(field.asPrimitiveType(), g, name));
        }
        return row;
    }

    private static Object value(PrimitiveType type, Group g, String name) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BINARY -> g.getString(name, 0);
            case INT32 -> g.getInteger(name, 0);
            case BOOLEAN -> g.getBoolean(name, 0);
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? micros(ts, g.getLong(name, 0)) : Long.valueOf(g.getLong(name, 0));
            default -> throw new IllegalStateException("unexpected column type " + type);
        };
    }

    private static Instant micros(LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts, long value) {
        if (ts.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
            throw new IllegalStateException("timestamps in " + ts.getUnit());
        }
        return Instant.EPOCH.plusNanos(value * 1000);
    }
}
