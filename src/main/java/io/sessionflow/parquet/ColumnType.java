package io.sessionflow.parquet;

/**
 * The column types of our Parquet files, named by the DuckDB type that writes them. In Parquet: TEXT is a UTF-8
 * string, JSON a string with the JSON logical type, TIMESTAMP an int64 of microseconds adjusted to UTC.
 */
public enum ColumnType {
    TEXT("VARCHAR"), JSON("JSON"), INTEGER("INTEGER"), BIGINT("BIGINT"), BOOLEAN("BOOLEAN"),
    TIMESTAMP("TIMESTAMPTZ");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
