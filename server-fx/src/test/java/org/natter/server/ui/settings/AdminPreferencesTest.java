package org.natter.server.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.UiTheme;

/** The settings file of the admin window; AdminViewModelTest saves it through the view model. */
class AdminPreferencesTest {

    @TempDir Path dataDir;

    @Test
    void aBrokenSettingsFileGivesTheDefaults() throws IOException {
        java.nio.file.Files.writeString(dataDir.resolve(AdminPreferences.FILE_NAME), "theme=purple\n");
        AdminPreferences read = AdminPreferences.load(dataDir, "Lab", "Hi");
        assertThat(read).isEqualTo(new AdminPreferences("Lab", "Hi", UiTheme.LIGHT));
    }

    @Test
    void whatIsSavedIsReadBack() throws IOException {
        new AdminPreferences("Room 12", "Be kind.\nReally.", UiTheme.DARK).save(dataDir);
        assertThat(AdminPreferences.load(dataDir, "Lab", "Hi"))
                .isEqualTo(new AdminPreferences("Room 12", "Be kind.\nReally.", UiTheme.DARK));
    }

    @Test
    void announcingIsOnUnlessTurnedOffAndTheChoiceIsKept() throws IOException {
        assertThat(AdminPreferences.load(dataDir, "Lab", "Hi").announce()).as("the default").isTrue();

        AdminPreferences.load(dataDir, "Lab", "Hi").withAnnounce(false).save(dataDir);

        AdminPreferences read = AdminPreferences.load(dataDir, "Lab", "Hi");
        assertThat(read.announce()).isFalse();
        assertThat(read.withTheme(UiTheme.DARK).announce()).as("other changes keep it").isFalse();
    }
}
