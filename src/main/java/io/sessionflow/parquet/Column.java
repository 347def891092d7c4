package io.sessionflow.parquet;

/** One column of a Parquet file: its name and the type readers see (every column may be null). */
public record Column(String name, ColumnType type) {

    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT);
    }

    public static Column json(String name) {
        return new Column(name, ColumnType.JSON);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER);
    }

    public static Column bigint(String name) {
        return new Column(name, ColumnType.BIGINT);
    }

    public static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN);
    }

    public static Column timestamp(String name) {
        return new Column(name, ColumnType.TIMESTAMP);
    }
}
