package io.voxprint.ui.components;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A grid of coloured cells with a colour bar; hovering a cell shows its row, column, vector element
 * and value in a small tooltip next to the pointer.
 */
public class Heatmap extends CanvasPane {
    private static final double BAR_WIDTH = 14;
    private static final double BAR_GAP = 8;
    private static final double LABEL_WIDTH = 56;

    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Label tooltip = new Label();
    private ColorScale scale = ColorScale.VIRIDIS;
    private FeatureGrid grid = new FeatureGrid(new double[0][0], new int[0][0], java.util.List.of());
    private boolean symmetric;
    private double min;
    private double max;

    public Heatmap() {
        super(360, 200);
        getStyleClass().add("heatmap");
        tooltip.getStyleClass().add("heatmap-tooltip");
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setManaged(false);
        getChildren().add(tooltip);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> {
            tooltip.setVisible(false);
            hoverText.set("");
        });
    }

    /** Shows values with the diverging scale, centred on zero (for differences). */
    public void setDiverging(boolean diverging) {
        this.scale = diverging ? ColorScale.DIVERGING : ColorScale.VIRIDIS;
        this.symmetric = diverging;
        setGrid(grid);
    }

    public void setGrid(FeatureGrid grid) {
        this.grid = grid;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : grid.values()) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (symmetric) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            lo = -m;
            hi = m;
        }
        this.min = lo;
        this.max = hi;
        redraw();
    }

    /** Convenience for a plain matrix with row-major element numbering. */
    public void setValues(double[][] values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        int[][] idx = new int[values.length][cols];
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            labels.add("row " + r);
            for (int c = 0; c < cols; c++) {
                idx[r][c] = r * cols + c;
            }
        }
        setGrid(new FeatureGrid(values, idx, labels));
    }

    public FeatureGrid grid() {
        return grid;
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    private double plotWidth(double w) {
        return Math.max(10, w - BAR_WIDTH - BAR_GAP - LABEL_WIDTH);
    }

    private double cellWidth() {
        return plotWidth(canvas.getWidth()) / Math.max(1, grid.columns());
    }

    private double cellHeight() {
        return canvas.getHeight() / Math.max(1, grid.rows());
    }

    /** The centre of a cell in this node's coordinates. */
    public Point2D cellCentre(int row, int column) {
        return new Point2D(snappedLeftInset() + (column + 0.5) * cellWidth(), snappedTopInset() + (row + 0.5) * cellHeight());
    }

    /** The {row, column} under a point in this node's coordinates. */
    public Optional<int[]> cellAt(double x, double y) {
        double px = x - snappedLeftInset();
        double py = y - snappedTopInset();
        if (grid.rows() == 0 || px < 0 || py < 0) {
            return Optional.empty();
        }
        int c = (int) (px / cellWidth());
        int r = (int) (py / cellHeight());
        return r < grid.rows() && c < grid.columns() ? Optional.of(new int[] {r, c}) : Optional.empty();
    }

    public static String describe(FeatureGrid grid, int row, int column) {
        double v = grid.values()[row][column];
        int element = grid.elementIndex()[row][column];
        String where = String.format(Locale.ROOT, "row %d, column %d", row, column);
        if (element < 0 || Double.isNaN(v)) {
            return where + ": no value";
        }
        String label = grid.rowLabels().isEmpty() ? "" : grid.rowLabels().get(row);
        String part = label.startsWith("mean") ? " (mean)" : label.startsWith("variance") ? " (variance)" : "";
        return String.format(Locale.ROOT, "%s, element %d%s: %.4f", where, element, part, v);
    }

    private void hover(double x, double y) {
        Optional<int[]> cell = cellAt(x, y);
        if (cell.isEmpty()) {
            tooltip.setVisible(false);
            hoverText.set("");
            return;
        }
        String text = describe(grid, cell.get()[0], cell.get()[1]);
        hoverText.set(text);
        tooltip.setText(text);
        tooltip.autosize();
        double tx = x + 14;
        if (tx + tooltip.getWidth() > getWidth()) {
            tx = Math.max(0, x - tooltip.getWidth() - 8);
        }
        double ty = y + 16;
        if (ty + tooltip.getHeight() > getHeight()) {
            ty = Math.max(0, y - tooltip.getHeight() - 8);
        }
        tooltip.relocate(tx, ty);
        tooltip.setVisible(true);
        tooltip.toFront();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        int rows = grid.rows();
        int cols = grid.columns();
        double pw = plotWidth(w);
        if (rows > 0 && cols > 0) {
            double cw = pw / cols;
            double ch = h / rows;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    g.setFill(scale.map(grid.values()[r][c], min, max));
                    // Overlap by a fraction of a pixel so no seams appear between cells.
                    g.fillRect(c * cw, r * ch, cw + 0.5, ch + 0.5);
                }
            }
        }
        double bx = pw + BAR_GAP;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            g.setFill(scale.at(1.0 - (i + 0.5) / steps));
            g.fillRect(bx, h * i / steps, BAR_WIDTH, h / steps + 1);
        }
        g.setStroke(Color.web("#9aa1ab"));
        g.strokeRect(bx + 0.5, 0.5, BAR_WIDTH - 1, h - 1);
        g.setFill(Color.web("#2b2f36"));
        g.setFont(Font.font(11));
        g.fillText(format(max), bx + BAR_WIDTH + 4, 11);
        g.fillText(format(min), bx + BAR_WIDTH + 4, h - 3);
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
