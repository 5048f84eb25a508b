package io.voxprint.ui.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes numbers as CSV with a header line; '.' decimals whatever the locale. */
public final class CsvExport {
    private CsvExport() {
    }

    /** One row per matrix row. */
    public static void writeMatrix(Path file, List<String> header, double[][] rows) throws ExportException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header.stream().map(CsvExport::quote).toList()));
            w.write('\n');
            for (double[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(Double.isNaN(row[i]) ? "" : Double.toString(row[i]));
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new ExportException("The numbers could not be saved to " + file + ".", e);
        }
    }

    /** A vector as two columns, index and value. */
    public static void writeVector(Path file, String valueName, float[] values) throws ExportException {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {i, values[i]};
        }
        writeMatrix(file, List.of("index", valueName), rows);
    }

    /** Rows of text cells (quoted where they hold a comma or a quote). */
    public static void writeRows(Path file, List<String> header, List<List<String>> rows) throws ExportException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header.stream().map(CsvExport::quote).toList()));
            w.write('\n');
            for (List<String> row : rows) {
                w.write(String.join(",", row.stream().map(CsvExport::quote).toList()));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new ExportException("The table could not be saved to " + file + ".", e);
        }
    }

    static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
