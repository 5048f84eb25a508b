package io.voxprint.ui.components;

import io.voxprint.ui.common.CsvExport;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.ExportException;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.NodeExport;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds "Save as PNG..." and, where numbers exist, "Save numbers as CSV..." to a node's context menu. */
public final class ExportMenu {
    private static final Logger LOG = LoggerFactory.getLogger(ExportMenu.class);
    /** The numbers behind a picture: column names and rows. */
    public record Table(List<String> header, double[][] rows) {
    }

    private ExportMenu() {
    }

    public static void install(Node node, String baseName, DialogService dialogs, Supplier<Optional<Table>> numbers) {
        MenuItem png = new MenuItem("Save as PNG...");
        png.setOnAction(e -> dialogs.chooseFileToSave("Save picture", baseName + ".png", List.of(FileType.PNG))
                .ifPresent(file -> run(dialogs, () -> NodeExport.toPng(node, file))));
        MenuItem csv = new MenuItem("Save numbers as CSV...");
        csv.setOnAction(e -> numbers.get().ifPresentOrElse(
                table -> dialogs.chooseFileToSave("Save numbers", baseName + ".csv", List.of(FileType.CSV))
                        .ifPresent(file -> run(dialogs, () -> CsvExport.writeMatrix(file, table.header(), table.rows()))),
                () -> dialogs.showInformation("There are no numbers to save yet.")));
        ContextMenu menu = new ContextMenu(png, csv);
        node.setOnContextMenuRequested(e -> menu.show(node, e.getScreenX(), e.getScreenY()));
    }

    /** The grid as CSV: row, column, element, value. */
    public static Optional<Table> tableOf(FeatureGrid grid) {
        if (grid.rows() == 0) {
            return Optional.empty();
        }
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                if (grid.elementIndex()[r][c] >= 0) {
                    rows.add(new double[] {r, c, grid.elementIndex()[r][c], grid.values()[r][c]});
                }
            }
        }
        return Optional.of(new Table(List.of("row", "column", "element", "value"), rows.toArray(double[][]::new)));
    }

    private interface Export {
        void run() throws ExportException;
    }

    private static void run(DialogService dialogs, Export export) {
        try {
            export.run();
        } catch (ExportException e) {
            LOG.warn("Export failed", e);
            dialogs.showError(e);
        }
    }

}
