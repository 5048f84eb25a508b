package io.voxprint.ui.shell;

import io.voxprint.ui.values.ModelStatus;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the main window shows: the section, the model (empty until one is available), database, microphone. */
public final class ShellViewModel {
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.ENROLL);
    private final ObjectProperty<Optional<ModelStatus>> model = new SimpleObjectProperty<>(this, "model", Optional.empty());
    private final StringProperty database = new SimpleStringProperty(this, "database", "not opened");
    private final StringProperty databaseProblem = new SimpleStringProperty(this, "databaseProblem", "");
    private final StringProperty microphone = new SimpleStringProperty(this, "microphone", "none");

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<Optional<ModelStatus>> modelProperty() {
        return model;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    /** A sentence while the shared database server cannot be reached; empty otherwise. */
    public StringProperty databaseProblemProperty() {
        return databaseProblem;
    }

    public StringProperty microphoneProperty() {
        return microphone;
    }

    public boolean isModelAvailable() {
        return model.get().isPresent();
    }

    public StringBinding modelText() {
        return Bindings.createStringBinding(() -> model.get()
                .map(m -> m.name() + " \u00b7 " + m.revision() + " \u00b7 " + m.interfaceName())
                .orElse("no model yet"), model);
    }
}
