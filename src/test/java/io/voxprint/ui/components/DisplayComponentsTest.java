package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.ui.common.NodeExport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class DisplayComponentsTest {
    private Heatmap heatmap;
    private ScoreGauge gauge;
    private Region redBox;

    @Start
    void start(Stage stage) {
        heatmap = new Heatmap();
        heatmap.setPrefSize(480, 200);
        double[][] values = new double[4][6];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 6; c++) {
                values[r][c] = r * 6 + c + 0.25;
            }
        }
        heatmap.setValues(values);
        gauge = new ScoreGauge();
        redBox = new Region();
        redBox.setStyle("-fx-background-color: #ff0000;");
        redBox.setMinSize(300, 200);
        redBox.setMaxSize(300, 200);
        stage.setScene(new Scene(new VBox(10, heatmap, gauge, redBox), 640, 640));
        stage.show();
    }

    @Test
    void hoveringACellShowsItsRowColumnAndValue(FxRobot robot) {
        Point2D centre = heatmap.localToScreen(heatmap.cellCentre(2, 3));
        robot.moveTo(centre);
        assertEquals("row 2, column 3, element 15: 15.2500", heatmap.hoverTextProperty().get());
        Label tip = (Label) heatmap.lookup(".heatmap-tooltip");
        assertTrue(tip.isVisible());
        assertEquals("row 2, column 3, element 15: 15.2500", tip.getText());
        robot.moveTo(heatmap.localToScreen(heatmap.cellCentre(0, 5)));
        assertEquals("row 0, column 5, element 5: 5.2500", heatmap.hoverTextProperty().get());
    }

    @Test
    void gaugeStatesTheDecisionInWords(FxRobot robot) {
        assertEquals("No decision yet: record or import a take.", gauge.decisionText());
        robot.interact(() -> {
            gauge.decision().thresholdProperty().set(0.5);
            gauge.decision().acceptedProperty().set(true);
            gauge.decision().scoreProperty().set(0.71);
        });
        Label decision = robot.lookup("#gauge-decision").queryAs(Label.class);
        assertEquals("Accepted: the voice matches this speaker.", decision.getText());
        assertTrue(decision.getStyleClass().contains("accept"));
        robot.interact(() -> {
            gauge.decision().acceptedProperty().set(false);
            gauge.decision().scoreProperty().set(0.49);
        });
        assertEquals("Rejected: the voice does not match this speaker.", decision.getText());
        assertTrue(decision.getStyleClass().contains("reject"));
        robot.interact(() -> gauge.decision().scoreProperty().set(Double.NaN));
        assertEquals("No decision yet: record or import a take.", decision.getText(), "no score, no decision shown");
    }

    @Test
    void exportWritesADecodablePngOfTheNodesSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("box.png");
        WaitForAsyncUtils.asyncFx(() -> {
            NodeExport.toPng(redBox, file);
            return null;
        }).get();
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        assertEquals(0xFF0000, image.getRGB(150, 100) & 0xFFFFFF);
    }
}
