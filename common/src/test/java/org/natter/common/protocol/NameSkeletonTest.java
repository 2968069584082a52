package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NameSkeletonTest {

    @Test
    void caseAndLookAlikeLettersShareOneSkeleton() {
        String alice = NameSkeleton.of("alice");
        assertThat(NameSkeleton.of("ALICE")).isEqualTo(alice);
        assertThat(NameSkeleton.of("\u0430lice")).isEqualTo(alice);   // Cyrillic а
        assertThat(NameSkeleton.of("al\u0456ce")).isEqualTo(alice);   // Ukrainian і
        assertThat(NameSkeleton.of("Ａｌｉｃｅ")).isEqualTo(alice);    // full width
    }

    @Test
    void aWholeCyrillicWordCanLookLikeALatinOne() {
        assertThat(NameSkeleton.confusable("\u0441\u0430\u0440\u0435", "cape")).isTrue();   // саре
        assertThat(Names.problem("\u0441\u0430\u0440\u0435")).isEmpty();
    }

    @Test
    void differentNamesKeepDifferentSkeletons() {
        assertThat(NameSkeleton.confusable("alice", "alicia")).isFalse();
        assertThat(NameSkeleton.confusable("anna", "hanna")).isFalse();
        assertThat(NameSkeleton.confusable("Анна", "anna")).isFalse();
    }

    @Test
    void digitsThatLookLikeLettersAreConfusable() {
        assertThat(NameSkeleton.confusable("user1", "userl")).isTrue();
    }

    @Test
    void manyThreadsGetTheSameSkeleton() {
        List<CompletableFuture<String>> runs = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> NameSkeleton.of(i % 2 == 0 ? "\u0430lice" : "ALICE")))
                .toList();
        assertThat(runs).allSatisfy(run -> assertThat(run.join()).isEqualTo("alice"));
    }
}
