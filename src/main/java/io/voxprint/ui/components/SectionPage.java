package io.voxprint.ui.components;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/** What every section's page shares, in the stylesheet's terms: the page is a "view", headed by a "title". */
public final class SectionPage {
    private SectionPage() {
    }

    /** Marks {@code page} as a section's page and returns its heading, for the page to place. */
    public static Label heading(Pane page, String title) {
        page.getStyleClass().add("view");
        Label heading = new Label(title);
        heading.getStyleClass().add("title");
        return heading;
    }
}
