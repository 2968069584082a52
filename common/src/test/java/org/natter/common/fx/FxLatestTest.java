package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxLatestTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();

    @Test
    void valuesSetBeforeTheUpdateRunsCollapseIntoTheNewest() {
        FxLatest<String> latest = new FxLatest<>(scheduled::add, applied::add);
        latest.set("starting");
        latest.set("running");

        assertThat(scheduled).hasSize(1);
        scheduled.remove(0).run();
        assertThat(applied).containsExactly("running");
    }

    @Test
    void aValueSetAfterTheUpdateSchedulesAnother() {
        FxLatest<String> latest = new FxLatest<>(scheduled::add, applied::add);
        latest.set("running");
        scheduled.remove(0).run();
        latest.set("stopping");

        assertThat(scheduled).hasSize(1);
        scheduled.remove(0).run();
        assertThat(applied).containsExactly("running", "stopping");
    }
}
