package io.voxprint.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One toggle button per section, in a column. Tab and arrow keys move between them (they are
 * ordinary focusable buttons in order), Space or Enter selects, and one always stays selected.
 */
public final class NavigationRail extends VBox {
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);

    public NavigationRail(ObjectProperty<Section> selected) {
        getStyleClass().add("nav-rail");
        setSpacing(4);
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(s.title() + " (Ctrl+" + (s.ordinal() + 1) + ")"));
            b.setMnemonicParsing(false);
            b.setUserData(s);
            buttons.put(s, b);
            getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                selected.set((Section) now.getUserData());
            }
        });
        selected.addListener((o, old, now) -> buttons.get(now).setSelected(true));
        buttons.get(selected.get()).setSelected(true);
    }

    public ToggleButton button(Section s) {
        return buttons.get(s);
    }
}
