package org.natter.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose view (its FXML and controller) is built the first time the tab is selected, by the mouse, the
 * keyboard or code. Every tab's table was built and styled before the admin window's first frame although only the
 * selected one is on screen: about a seventh of the processor time of the server's start. FX thread only.
 *
 * @param <C> the view's controller
 */
final class LazyTab<C> {

    private final Tab tab;
    private final URL fxml;
    private final ResourceBundle bundle;
    private final Consumer<C> bind;
    private final Runnable built;
    private C controller;

    /**
     * @param fxml the view, relative to this class (as {@code fx:include} takes it)
     * @param bind  gives the new controller its view model, once
     * @param built runs once the content is in the tab (the window's minimum size may have to grow)
     */
    LazyTab(Tab tab, String fxml, ResourceBundle bundle, Consumer<C> bind, Runnable built) {
        this.tab = tab;
        this.fxml = Objects.requireNonNull(LazyTab.class.getResource(fxml), fxml);
        this.bundle = bundle;
        this.bind = bind;
        this.built = built;
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                build();
            }
        });
        if (tab.isSelected()) {
            build();
        }
    }

    private void build() {
        if (controller != null) {
            return;
        }
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        Node content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(fxml + " cannot be loaded", e);
        }
        controller = loader.getController();
        bind.accept(controller);
        tab.setContent(content);
        built.run();
    }
}
